/* resolve.c - what descriptions and pronouns point at: part of the roles
 * stage (roles.c reads roles around names and calls these).
 *
 * A description ("the Russian president", "the Everton striker") resolves
 * to the person who holds that role in the article (not a former, vice or
 * elect holder unless it says so), else to the most recent person who may
 * hold it; a pronoun to the most recent person of its gender.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "roles.h"
#include "textutil.h"

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n > m + 2 && strcmp(s + n - m, suf) == 0;
}

/* The countries a person is tied to by roles: 1 if `label` is one of
 * them, -1 if the person has another country, 0 if none. */
static int country_fit(ng_doc *d, int pi, const char *label) {
  int other = 0;
  for (size_t r = 0; r < d->pers[pi].nroles; r++) {
    const char *o = d->pers[pi].roles[r].org;
    if (!o)
      continue;
    if (label && strcmp(o, label) == 0)
      return 1;
    char low[256];
    size_t n = ngi_lower(o, strlen(o), low, sizeof low);
    intptr_t v;
    if (ngi_map_getn(&d->lex->place, low, n, &v) &&
        NGI_PLACE_KIND(v) == NGI_PLACE_NAME)
      other = 1;
  }
  return other ? -1 : 0;
}

int ngi_recent_person(ng_doc *d, int i, int g, int not) {
  int para = i < (int)d->ntoks ? d->toks[i].para : (int)d->nparas;
  for (int k = i - 1; k >= 0 && k >= i - 600; k--) {
    const ngi_tok *t = &d->toks[k];
    if (para - t->para > 3 || d->paras[t->para].heading)
      break;
    if (t->ment < 0 || (t->flags & T_INQ) || d->ments[t->ment].t0 != k ||
        (d->toks[d->ments[t->ment].t1 - 1].flags & T_POSS))
      continue;
    ngi_ment *m = &d->ments[t->ment];
    int p = -1;
    if (m->kind == M_PERSON)
      p = m->entity;
    else if (m->kind == M_DESC || m->kind == M_PRON)
      p = m->subject;
    if (p < 0 || p == not)
      continue;
    if (g && d->pers[p].gender && d->pers[p].gender != g)
      continue;
    return p;
  }
  return -1;
}

/* A description that is the subject of its clause or of a speech verb:
 * "The US leader said", "that his Russian counterpart", ", emphasized the
 * head of state".  Only such descriptions are guessed from context. */
static int subject_position(ng_doc *d, const ngi_ment *m) {
  int s = d->toks[m->t0].sent;
  int b = m->t0 - 1;
  if (b < d->sents[s].t0 || (d->toks[b].flags & T_QUOTE))
    return 1;
  const ngi_tok *t = &d->toks[b];
  if (ngi_tok_is(t, "that") || ngi_tok_is(t, ",") || ngi_speech_at(d, b))
    return 1;
  int a = m->t1;
  while (a < d->sents[s].t1 && (d->toks[a].flags & T_WORD) &&
         !ngi_speech_at(d, a) && a < m->t1 + 2 &&
         !(d->toks[a].flags & T_CAP) && strlen(d->toks[a].low) > 2 &&
         (ngi_tok_is(&d->toks[a], "also") || ends_with(d->toks[a].low, "ly")))
    a++;
  return a < d->sents[s].t1 && ngi_speech_at(d, a);
}

static int comma_between(const ng_doc *d, int a, int b) {
  for (int k = a; k < b; k++)
    if (ngi_tok_is(&d->toks[k], ",") && !(d->toks[k].flags & T_INQ))
      return 1;
  return 0;
}

/* The head of a description: "president" in "the president of the United
 * States", "leader" in "the US leader". */
int ngi_desc_head(ng_doc *d, const ngi_ment *m) {
  for (int k = m->t0 + 1; k < m->t1; k++)
    if (ngi_title_kind(d, k) == NGI_TITLE_OFFICE ||
        ngi_map_get(&d->lex->describer, d->toks[k].low, NULL))
      return k;
  return m->t1 - 1;
}

/* Does a word of `w` (lower case) occur as a word in `low`? */
static int has_word(const char *low, const char *w) {
  size_t n = strlen(w);
  for (const char *p = strstr(low, w); p; p = strstr(p + 1, w))
    if ((p == low || p[-1] == ' ' || p[-1] == '-') &&
        (p[n] == '\0' || p[n] == ' ' || p[n] == '-'))
      return 1;
  return 0;
}

/* Can role `ro` be what description m names?  "the president" is not the
 * president-elect, the vice president or the former president; "the
 * former president" is only a former one. */
static int role_fits(ng_doc *d, const ngi_ment *m, const ngi_role *ro) {
  char low[128];
  ngi_lower(ro->title, strlen(ro->title), low, sizeof low);
  int dformer = 0, delect = 0, dvice = 0;
  for (int k = m->t0; k < m->t1; k++) {
    const char *w = d->toks[k].low;
    dformer |= ngi_tok_is(&d->toks[k], "former") || strncmp(w, "ex-", 3) == 0;
    delect |= has_word(w, "elect");
    dvice |= has_word(w, "vice") || has_word(w, "deputy");
  }
  int rformer = ro->former || strncmp(low, "ex-", 3) == 0 ||
                strncmp(ro->label, "Former", 6) == 0;
  if (rformer != dformer || has_word(low, "elect") != delect)
    return 0;
  return dvice || !(has_word(low, "vice") || has_word(low, "deputy"));
}

/* Does person p hold a role with the description's head word that fits
 * it (fits 1) or that does not (fits 0: "the president" and an
 * ex-president)? */
int ngi_holds_title(ng_doc *d, int p, const ngi_ment *m, int head,
                       int fits) {
  for (size_t r = 0; r < d->pers[p].nroles; r++) {
    char low[128];
    const ngi_role *ro = &d->pers[p].roles[r];
    ngi_lower(ro->title, strlen(ro->title), low, sizeof low);
    if (has_word(low, d->toks[head].low) && role_fits(d, m, ro) == fits)
      return 1;
  }
  return 0;
}

int ngi_resolve_desc(ng_doc *d, int mi) {
  ngi_ment *m = &d->ments[mi];
  int country = m->country;
  const char *cname = country >= 0 ? d->lex->places[country].name : NULL;
  int head = ngi_desc_head(d, m);
  const ngi_tok *first = &d->toks[m->t0];
  int possessor = -1;
  if (ngi_tok_is(first, "his") || ngi_tok_is(first, "her"))
    possessor = ngi_recent_person(d, m->t0, ngi_tok_is(first, "his") ? 'M'
                                                                      : 'F',
                                  -1);
  /* 1. the one person holding this title for this country */
  int found = -1, nfound = 0;
  int describer =
      ngi_map_get(&d->lex->describer, d->toks[head].low, NULL) != 0;
  if (cname && !describer)
    for (size_t p = 0; p < d->npers && p < 512; p++)
      for (size_t r = 0; r < d->pers[p].nroles; r++) {
        const ngi_role *ro = &d->pers[p].roles[r];
        if (ro->org && strcmp(ro->org, cname) == 0 && (int)p != possessor &&
            role_fits(d, m, ro)) {
          char low[128];
          ngi_lower(ro->title, strlen(ro->title), low, sizeof low);
          if (strstr(low, d->toks[head].low) ||
              ngi_map_get(&d->lex->describer, d->toks[head].low, NULL)) {
            if (found != (int)p)
              nfound++;
            found = (int)p;
          }
        }
      }
  if (!cname && !describer) {
    /* "the minister said": a recent person with that title */
    for (size_t p = 0; p < d->npers && p < 512; p++)
      for (size_t r = 0; r < d->pers[p].nroles; r++) {
        char low[128];
        const ngi_role *ro = &d->pers[p].roles[r];
        ngi_lower(ro->title, strlen(ro->title), low, sizeof low);
        if ((int)p != possessor && strstr(low, d->toks[head].low) &&
            role_fits(d, m, ro) &&
            d->toks[m->t0].b >= d->pers[p].first_off &&
            d->toks[m->t0].para - ngi_para_of(d, d->pers[p].first_off) <= 3) {
          if (found != (int)p)
            nfound++;
          found = (int)p;
        }
      }
  }
  if (nfound == 1)
    return found;
  if (!subject_position(d, m))
    return -1;
  /* 2. the most recent person who may hold it */
  int s = d->toks[m->t0].sent;
  for (int k = m->t0 - 1; k >= 0 && k >= m->t0 - 1500; k--) {
    const ngi_tok *t = &d->toks[k];
    if (t->ment < 0 || (t->flags & T_INQ) || d->ments[t->ment].t0 != k)
      continue;
    if (d->paras[t->para].heading == 2)
      break;
    ngi_ment *o = &d->ments[t->ment];
    int p = o->kind == M_PERSON ? o->entity
            : o->kind == M_DESC || o->kind == M_PRON ? o->subject
                                                     : -1;
    if (p < 0 || p == possessor)
      continue;
    if (t->sent == s && o->kind == M_PERSON && !comma_between(d, k, m->t0))
      continue; /* "Putin met the US president": someone else */
    if (cname && country_fit(d, p, cname) < 0)
      continue;
    if (d->toks[m->t0].para - t->para > 6)
      break;
    return p;
  }
  return -1;
}

/* "The minister said ...  'We will not move,' Mr Smith added.": a
 * description without a country that speaks, and the next sentence has
 * a named person adding to it (added, continued, went on): that person.
 * -1 if none. */
int ngi_continued_by(ng_doc *d, const ngi_ment *m) {
  int s = d->toks[m->t0].sent;
  if (s + 1 >= (int)d->nsents || !ngi_tok_is(&d->toks[m->t0], "the") ||
      (d->toks[m->t0].flags & T_INQ) || !subject_position(d, m))
    return -1;
  /* the description speaks: a speech verb right before or after it */
  int a = m->t1;
  while (a < d->sents[s].t1 && a < m->t1 + 2 && ngi_tok_is(&d->toks[a], "also"))
    a++;
  if (!(a < d->sents[s].t1 && ngi_speech_at(d, a)) &&
      !(m->t0 > d->sents[s].t0 && ngi_speech_at(d, m->t0 - 1)))
    return -1;
  int n0 = d->sents[s + 1].t0, n1 = d->sents[s + 1].t1;
  if (d->toks[n0].para - d->toks[m->t0].para > 1 ||
      d->paras[d->toks[n0].para].heading)
    return -1;
  int found = -1;
  for (int k = n0; k < n1; k++) {
    const ngi_tok *t = &d->toks[k];
    if ((t->flags & T_INQ) || t->ment < 0 || d->ments[t->ment].t0 != k ||
        d->ments[t->ment].kind != M_PERSON || d->ments[t->ment].entity < 0)
      continue;
    const ngi_ment *x = &d->ments[t->ment];
    int v = x->t1 < n1 ? x->t1 : -1, w = k - 1 >= n0 ? k - 1 : -1;
    int add = 0;
    for (int q = 0; q < 2; q++) {
      int y = q ? w : v;
      if (y < 0)
        continue;
      const ngi_tok *u = &d->toks[y];
      add |= ngi_tok_is(u, "added") || ngi_tok_is(u, "adds") ||
             ngi_tok_is(u, "continued") || ngi_tok_is(u, "continues") ||
             (!q && ngi_tok_is(u, "went") && y + 1 < n1 &&
              ngi_tok_is(&d->toks[y + 1], "on"));
    }
    if (add) {
      if (found >= 0 && found != x->entity)
        return -1;
      found = x->entity;
    }
  }
  return found;
}

int ngi_ment_person(ng_doc *d, int m) {
  if (m < 0)
    return -1;
  ngi_ment *x = &d->ments[m];
  if (x->kind == M_PERSON)
    return x->entity;
  if (x->kind == M_DESC || x->kind == M_PRON)
    return x->subject;
  return -1;
}
