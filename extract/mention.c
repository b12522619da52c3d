/* mention.c - look-ups and span/entity helpers every stage shares.
 *
 * The bottom of extract/: lexicon look-ups at a token (honorifics, titles,
 * given names, places, speech verbs), the text of a span of tokens, and
 * organisation entities with their forms.  Calls no stage.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"

/* ------------------------------------------------------------ look-ups */

static int has(const ngi_map *m, const ngi_tok *t) {
  return ngi_tok_in(m, t, NULL);
}

/* Strip a trailing dot ("mr." -> "mr") for look-ups. */
static int has_nodot(const ngi_map *m, const ngi_tok *t) {
  size_t n = t->lowlen;
  if (n > 1 && t->low[n - 1] == '.')
    return ngi_map_getn(m, t->low, n - 1, NULL);
  return ngi_tok_in(m, t, NULL);
}

int ngi_is_honorific(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  return (t->flags & T_CAP) && has_nodot(&d->lex->honorific, t);
}

int ngi_title_kind(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  intptr_t v;
  size_t n = strlen(t->low);
  if (!(t->flags & T_WORD) || (t->flags & T_NUM))
    return 0;
  if (ngi_tok_in(&d->lex->title, t, &v))
    return (int)v;
  if (n > 3 && t->low[n - 1] == 's' &&
      ngi_map_getn(&d->lex->title, t->low, n - 1, &v))
    return (int)v; /* presidents, ministers */
  /* "ex-chairman", "governor-elect": the title they are built on */
  if (n > 5 && strncmp(t->low, "ex-", 3) == 0 &&
      ngi_map_getn(&d->lex->title, t->low + 3, n - 3, &v) &&
      v != NGI_TITLE_MODIFIER)
    return (int)v;
  if (n > 7 && strcmp(t->low + n - 6, "-elect") == 0 &&
      ngi_map_getn(&d->lex->title, t->low, n - 6, &v) &&
      v != NGI_TITLE_MODIFIER)
    return (int)v;
  return 0;
}

/* Longest phrase of up to max tokens from i found in map (tokens must be
 * words; the first capitalised when cap).  Returns its length, 0 if none. */
int ngi_longest(const ng_doc *d, const ngi_map *m, int i, int end,
                   int max, int cap, intptr_t *val) {
  char buf[512];
  int best = 0;
  size_t n = 0;
  if (cap && !(d->toks[i].flags & (T_CAP | T_ALLCAPS)))
    return 0;
  for (int k = 0; k < max && i + k < end; k++) {
    const ngi_tok *t = &d->toks[i + k];
    if (!(t->flags & T_WORD))
      break;
    size_t l = strlen(t->low);
    if (n + l + 2 >= sizeof buf)
      break;
    if (k)
      buf[n++] = ' ';
    memcpy(buf + n, t->low, l);
    n += l;
    buf[n] = '\0';
    intptr_t v, pv = 0;
    if (k == 0 ? ngi_tok_in(m, t, &v) : ngi_map_getn(m, buf, n, &v)) {
      best = k + 1;
      if (val)
        *val = v;
    }
    if (t->flags & T_POSS)
      break;
    /* no key of a lexicon map goes on from here: stop (the first word's
     * bits known since it was made, when capitalised) */
    if (m->bit && d->lex->indexed &&
        !(k == 0 && (t->pre & 1)
              ? (t->pre & m->bit)
              : ((k == 0 ? ngi_map_geth(&d->lex->phrasepre, t->low,
                                        t->lowlen, t->h, &pv)
                         : ngi_map_getn(&d->lex->phrasepre, buf, n, &pv)) &&
                 (pv & m->bit))))
      break;
  }
  return best;
}

int ngi_place_at(const ng_doc *d, int i, int end, intptr_t *val) {
  return ngi_longest(d, &d->lex->place, i, end, 5, 1, val);
}

int ngi_known_word(const ng_doc *d, const ngi_tok *t) {
  const ng_lexicon *x = d->lex;
  return has(&x->notname, t) || has_nodot(&x->honorific, t) ||
         has(&x->timeword, t) || has(&x->orgword, t) ||
         has(&x->describer, t) || has(&x->place, t) || has(&x->org, t) ||
         has(&x->speech, t);
}

/* "Jean-Claude", "Hans-Peter": two given names joined by a hyphen. */
static int hyphen_given(const ng_lexicon *x, const ng_doc *d,
                        const ngi_tok *t) {
  const char *h = strchr(t->low, '-');
  if (!h || h == t->low || strchr(h + 1, '-') || !h[1])
    return 0;
  const char *s = d->text + t->b;
  size_t at = (size_t)(h - t->low);
  if (t->b + at + 1 >= t->be || !(s[at + 1] >= 'A' && s[at + 1] <= 'Z'))
    return 0;
  return ngi_map_getn(&x->given, t->low, at, NULL) &&
         ngi_map_getn(&x->given, h + 1, strlen(h + 1), NULL);
}

/* Is token t's form a given name?  Known since it was made, for a
 * capitalised token (text.c). */
static int given(const ng_lexicon *x, const ngi_tok *t) {
  if (t->lex & NGI_LEX_GKNOWN)
    return (t->lex & NGI_LEX_GIVEN) != 0;
  return has(&x->given, t);
}

int ngi_is_given(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  const ng_lexicon *x = d->lex;
  if (!(t->flags & T_CAP) || (t->flags & (T_ALLCAPS | T_POSS)) ||
      !(given(x, t) || hyphen_given(x, d, t)) ||
      has(&x->timeword, t) || has(&x->notname, t) ||
      has(&x->orgword, t) || has(&x->describer, t))
    return 0;
  /* "Dean" is a title and a name: "by Dean Kamen" is a name, "US Dean
   * Smith" a title */
  if (!has(&x->title, t))
    return 1;
  if (i + 1 >= (int)d->ntoks || !(d->toks[i + 1].flags & T_CAP) ||
      has(&x->title, &d->toks[i + 1]))
    return 0;
  return i == 0 || d->toks[i - 1].sent != t->sent ||
         !(d->toks[i - 1].flags & (T_CAP | T_ALLCAPS)) ||
         (d->toks[i - 1].flags & T_SSTART);
}

/* ------------------------------------------------------------ spans */

/* Tokens [t0, t1) as printed, white space folded to single spaces (for
 * names and labels: "Patrick  Gillett" -> "Patrick Gillett"). */
const char *ngi_span_text(ng_doc *d, int t0, int t1) {
  uint32_t b = d->toks[t0].b, e = d->toks[t1 - 1].be;
  char *out = ngi_alloc(&d->arena, e - b + 1);
  if (!out)
    return NULL;
  size_t n = 0;
  for (uint32_t i = b; i < e; i++) {
    char c = d->text[i];
    int space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && n && out[n - 1] == ' ')
      continue;
    out[n++] = space ? ' ' : c;
  }
  out[n] = '\0';
  return out;
}

const char *ngi_join_low(ng_doc *d, int t0, int t1, char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (int i = t0; i < t1; i++) {
    const char *w = d->toks[i].low;
    size_t l = strlen(w);
    if (n + l + 2 > cap)
      break;
    if (n)
      buf[n++] = ' ';
    memcpy(buf + n, w, l + 1);
    n += l;
  }
  return buf;
}

int ngi_speech_form(const ng_doc *d, int i, int *len) {
  intptr_t v, most;
  const ngi_tok *t = &d->toks[i];
  if (len)
    *len = 1;
  if (!(t->flags & T_WORD) || (t->flags & T_INQ))
    return 0;
  /* the longest multi-word form first: "called on" before "called" */
  if (ngi_tok_in(&d->lex->speech_first, t, &most)) {
    for (int n = (int)most; n >= 2; n--) {
      char buf[128];
      size_t k = 0;
      int ok = i + n <= (int)d->ntoks;
      for (int w = 0; ok && w < n; w++) {
        const ngi_tok *u = &d->toks[i + w];
        ok = (u->flags & T_WORD) && !(u->flags & T_INQ) &&
             k + u->lowlen + 2 < sizeof buf;
        if (ok) {
          if (w)
            buf[k++] = ' ';
          memcpy(buf + k, u->low, u->lowlen);
          k += u->lowlen;
        }
      }
      if (ok && ngi_map_getn(&d->lex->speech, buf, k, &v)) {
        if (len)
          *len = n;
        return (int)v | 0x100;
      }
    }
  }
  if (ngi_tok_in(&d->lex->speech, t, &v))
    return (int)v | 0x100;
  return 0;
}

int ngi_speech_at(const ng_doc *d, int i) {
  return ngi_speech_form(d, i, NULL);
}

/* ------------------------------------------------------------ entities */

int ngi_add_form(ng_doc *d, const char ***forms, size_t *n, size_t *cap,
                    const char *form) {
  for (size_t i = 0; i < *n; i++)
    if (strcmp((*forms)[i], form) == 0)
      return 0;
  const char **f = NGI_PUSH(&d->arena, *forms, *n, *cap);
  if (!f)
    return -1;
  *f = form;
  return 0;
}

int ngi_org_entity(ng_doc *d, const char *label, const char *wikidata,
                   int country, const char *form) {
  if (!label || !form)
    return -2;
  intptr_t i;
  if (ngi_map_get(&d->orgmap, label, &i)) {
    ngi_orgent *o = &d->orgs[i];
    if (strcmp(form, label) &&
        ngi_add_form(d, &o->forms, &o->nforms, &o->capforms, form))
      return -2;
    return (int)i;
  }
  ngi_orgent *o = NGI_PUSH(&d->arena, d->orgs, d->norgs, d->caporgs);
  if (!o || ngi_map_put(&d->orgmap, label, (intptr_t)d->norgs - 1))
    return -2;
  o->label = label;
  o->wikidata = wikidata;
  o->country = country;
  if (strcmp(form, label) &&
      ngi_add_form(d, &o->forms, &o->nforms, &o->capforms, form))
    return -2;
  return (int)d->norgs - 1;
}

int ngi_ment_entity(ng_doc *d, int mi) {
  if (mi < 0)
    return -1;
  ngi_ment *m = &d->ments[mi];
  if (m->kind != M_PLACE && m->kind != M_ORG)
    return -1;
  if (m->entity < 0 && m->kind == M_PLACE && m->place >= 0) {
    const ngi_place *p = &d->lex->places[m->place];
    m->entity = ngi_org_entity(d, p->name, p->wikidata, 1,
                               ngi_span_text(d, m->t0, m->t1));
    if (m->entity < -1)
      return -2;
  }
  return m->entity;
}

int ngi_add_acronym(ng_doc *d, const char *low, int entity) {
  return ngi_map_put(&d->acronyms, low, entity);
}

int ngi_para_of(const ng_doc *d, uint32_t off) {
  for (size_t p = 0; p < d->nparas; p++)
    if (off >= d->paras[p].b && off <= d->paras[p].e)
      return (int)p;
  return 0;
}
