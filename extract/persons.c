/* persons.c - person mentions become persons (coreference of names).
 *
 * Full names anchor persons; forms that share a surname and whose first
 * names fit (equal, or an initial of the other) merge, and the fullest form
 * becomes the label.  A lone surname attaches to the person it is the
 * surname of (the most recently mentioned one if several, of the gender
 * of its form of address if one fits); otherwise it becomes a person only
 * on evidence: an honorific or title before it, or repeated use next to
 * a speech verb ("Putin said").  A compound surname is one name with a
 * hyphen or a space ("Kilroy-Silk", "Kilroy Silk"), and with or without
 * its given names after a form of address ("Mr Baez Silva"); a word
 * glued before a name the article also uses alone is dropped ("Wing
 * Cedric Heymans").  Entities for places and organisations are kept
 * here too.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "persons.h"
#include "textutil.h"

/* ------------------------------------------------------------ persons */

static int is_particle(const char *w) {
  static const char *const P[] = {"al", "el", "bin", "ibn", "van", "von",
                                  "de", "da", "di", "du", "der", "den", "le",
                                  "la", "dos", "das", "del", "ter", NULL};
  for (int i = 0; P[i]; i++)
    if (strcmp(w, P[i]) == 0)
      return 1;
  return 0;
}

static const char *first_low(ng_doc *d, const ngi_ment *m) {
  if (m->t1 - m->t0 < 2 || is_particle(d->toks[m->t0].low))
    return NULL;
  const char *w = d->toks[m->t0].low;
  size_t n = strlen(w);
  if (n && w[n - 1] == '.')
    return ngi_strndup(&d->arena, w, n - 1);
  return w;
}

static const char *surname_low(ng_doc *d, const ngi_ment *m) {
  return d->toks[m->t1 - 1].low;
}

static int firsts_fit(const char *a, const char *b) {
  if (!a || !b)
    return 1;
  size_t la = strlen(a), lb = strlen(b);
  if (la == 1 || lb == 1)
    return a[0] == b[0];
  return strcmp(a, b) == 0;
}

static int ntoks_label(const char *s) {
  int n = 1;
  for (; *s; s++)
    n += *s == ' ';
  return n;
}

static int new_person(ng_doc *d, ngi_ment *m, const char *form) {
  ngi_pers *p = NGI_PUSH(&d->arena, d->pers, d->npers, d->cappers);
  if (!p)
    return -1;
  int pi = (int)d->npers - 1;
  p->label = form;
  p->surname = surname_low(d, m);
  p->first = first_low(d, m);
  p->first_off = d->toks[m->t0].b;
  p->last2 = -1;
  intptr_t head;
  p->next_sur = ngi_map_get(&d->surnames, p->surname, &head) ? (int)head : -1;
  if (ngi_map_put(&d->surnames, p->surname, pi))
    return -1;
  return pi;
}

static int attach(ng_doc *d, int pi, ngi_ment *m, const char *form) {
  ngi_pers *p = &d->pers[pi];
  m->entity = pi;
  p->mentions++;
  if ((m->evidence == 2 || m->t1 - m->t0 >= 2) &&
      (p->npos == 0 || p->pos[p->npos - 1] < m->t0)) {
    int *at = NGI_PUSH(&d->arena, p->pos, p->npos, p->cappos);
    if (!at)
      return -1;
    *at = m->t0; /* full names are attached in text order */
  } else if (m->t0 > p->last2) {
    p->last2 = m->t0;
  }
  if (!p->first)
    p->first = first_low(d, m);
  if (ntoks_label(form) > ntoks_label(p->label) ||
      (ntoks_label(form) == ntoks_label(p->label) &&
       strlen(form) > strlen(p->label) &&
       !(d->toks[m->t0].flags & T_INITIAL))) {
    if (ngi_add_form(d, &p->forms, &p->nforms, &p->capforms, p->label))
      return -1;
    p->label = form;
  } else if (strcmp(form, p->label) &&
             ngi_add_form(d, &p->forms, &p->nforms, &p->capforms, form)) {
    return -1;
  }
  if (m->gender && (!p->gender || (m->honorific > 0 && !p->gender_hon &&
                                   !(m->gender == 'F' && p->gender == 'M')))) {
    /* a "Mr" beats a given name listed as a woman's ("Mr Andrea Rossi"),
     * which is common; a "Mrs" taken for a man named in full is more
     * likely his wife than a woman with a man's name: no gender flip */
    p->gender = (char)m->gender;
    p->gender_hon = m->honorific > 0;
  }
  if (m->honorific > 0) {
    /* "Mr Biden" is a form the article uses, never the label */
    const char *h = ngi_span_text(d, m->honorific, m->t1);
    if (!h || ngi_add_form(d, &p->forms, &p->nforms, &p->capforms, h))
      return -1;
  }
  return 0;
}

/* The latest mention of person p before token `before`, or -1: its
 * full-name mentions are sorted (binary search), lone surnames come in
 * text order. */
static int last_before(const ngi_pers *p, int before) {
  size_t lo = 0, hi = p->npos;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (p->pos[mid] < before)
      lo = mid + 1;
    else
      hi = mid;
  }
  int best = lo > 0 ? p->pos[lo - 1] : -1;
  if (p->last2 >= 0 && p->last2 < before && p->last2 > best)
    best = p->last2;
  return best;
}

/* Is one of p's forms under a knight's or peer's style ("Sir Ian
 * Lowe")? */
static int styled(const ngi_pers *p) {
  static const char *const S[] = {"Sir ", "Dame ", "Lord ", "Lady ",
                                  "Baroness ", "Baron ", NULL};
  for (size_t f = 0; f <= p->nforms; f++) {
    const char *x = f < p->nforms ? p->forms[f] : p->label;
    for (int k = 0; S[k]; k++)
      if (strncmp(x, S[k], strlen(S[k])) == 0)
        return 1;
  }
  return 0;
}

/* What the article tells of the persons of a surname, for fits_person:
 * it has both a "Mr X" and a "Mrs X" or "Ms X"; it speaks of a wife or
 * a husband. */
enum { FIT_BOTH = 1, FIT_SPOUSE = 2 };

/* Can mention m (a lone surname, maybe after an honorific) be person p?
 * "Mrs Grant" is not Peter Grant when the article also has a "Mr Grant"
 * (FIT_BOTH), nor when it speaks of a wife or husband (FIT_SPOUSE:
 * "Peter Grant and his wife ... Mrs Grant").  Otherwise a given name's
 * gender is only a hint (a "Mr" may carry a name listed as a woman's,
 * Andrea or Lakshmi, often, a "Mrs" one listed as a man's, seldom):
 * "Mr Grant" is Lucy Grant only as a last resort, when no other Grant
 * fits.  0 when the text tells them apart, 1 when it fits, 2 when it
 * fits only loosely ("Mr Lowe" for Sir Ian Lowe: a knight is "Sir Ian",
 * so another Lowe is meant if there is one), 3 for the last resort. */
static int fits_person(ng_doc *d, const ngi_pers *p, const ngi_ment *m,
                       int how) {
  if (!m)
    return 1;
  if (m->gender && p->gender && m->gender != p->gender &&
      (m->gender == 'M' || m->gender == 'F') &&
      (p->gender == 'M' || p->gender == 'F'))
    return (how & FIT_BOTH) || ((how & FIT_SPOUSE) && m->gender == 'F')
               ? 0
               : 3;
  if (m->honorific > 0 && m->gender && styled(p))
    return 2;
  (void)d;
  return 1;
}

/* Does the article speak of a wife or a husband? */
static int spouse_named(const ng_doc *d) {
  static const char *const W[] = {"wife", "husband", "widow", "widower",
                                  "spouse", NULL};
  for (size_t i = 0; i < d->ntoks; i++)
    for (int k = 0; W[k]; k++)
      if (ngi_tok_is(&d->toks[i], W[k]))
        return 1;
  return 0;
}

/* A name as compared across its spellings: lower case, a hyphen read as
 * a space, one space between words ("Kilroy-Silk", "Kilroy Silk" ->
 * "kilroy silk").  NULL when it does not fit buf. */
static const char *fold_name(const char *s, char *buf, size_t cap) {
  size_t len = strlen(s);
  if (len >= cap / 2) /* no name is that long; leaves room to lower-case */
    return NULL;
  size_t n = ngi_lower(s, len, buf, cap), o = 0;
  for (size_t i = 0; i < n; i++) {
    char c = buf[i] == '-' || buf[i] == ' ' || buf[i] == '\n' ? ' ' : buf[i];
    if (c == ' ' && (o == 0 || buf[o - 1] == ' '))
      continue;
    buf[o++] = c;
  }
  while (o > 0 && buf[o - 1] == ' ')
    o--;
  buf[o] = '\0';
  return buf;
}

/* Is folded name s the words at the end of folded name l, and more than
 * one word ("baez silva" of "carlos baez silva")?  An equal name counts. */
static int word_suffix(const char *s, const char *l) {
  size_t ns = strlen(s), nl = strlen(l);
  if (!strchr(s, ' ') || ns > nl || strcmp(l + nl - ns, s))
    return 0;
  return ns == nl || l[nl - ns - 1] == ' ';
}

/* May folded name s, a shorter word-suffix of folded name l, be l with
 * its given names left off a compound surname ("baez silva" of "carlos
 * baez silva")?  The words left off must be given names or initials
 * (not "emeritus" or a place glued before a name), and the first word of
 * s no given name listed as a man's or a woman's ("rhys jones" of "chris
 * rhys jones" may be another person).  `marked`: s is known to be a
 * surname, used after a form of address ("Mr Baez Silva") or written as
 * one hyphenated word. */
static int short_form(ng_doc *d, const char *s, const char *l, int marked) {
  if (!marked)
    return 0;
  size_t lead = strlen(l) - strlen(s) - 1;
  for (size_t i = 0; i < lead;) {
    size_t n = strcspn(l + i, " ");
    if (n > 1 && !ngi_map_getn(&d->lex->given, l + i, n, NULL))
      return 0;
    i += n + 1;
  }
  intptr_t g;
  return !ngi_map_getn(&d->lex->given, s, strcspn(s, " "), &g) || g == 'U';
}

/* Was person p named with a form of address before its label ("Mr Baez
 * Silva"), or is its label one hyphenated word? */
static int marked_surname(const ngi_pers *p) {
  if (!strchr(p->label, ' '))
    return 1;
  size_t n = strlen(p->label);
  for (size_t f = 0; f < p->nforms; f++) {
    size_t k = strlen(p->forms[f]);
    if (k > n + 1 && p->forms[f][k - n - 1] == ' ' &&
        strcmp(p->forms[f] + k - n, p->label) == 0)
      return 1;
  }
  return 0;
}

/* The one person of the article whose name is mention m's words spelt
 * with a hyphen for a space or the other way round ("Kilroy-Silk",
 * "Robert Kilroy Silk"), or who is named by m with the given names left
 * off a compound surname ("Mr Baez Silva" for Carlos Baez Silva); or the
 * other way round, the one person whose name is such a short form of m
 * (when m is a full name, `full`).  -1 when none or more than one. */
static int by_compound(ng_doc *d, const ngi_ment *m, int full) {
  char mb[256], pb[256], key[256];
  const char *mf = fold_name(ngi_span_text(d, m->t0, m->t1), mb, sizeof mb);
  if (!mf || !strchr(mf, ' '))
    return -1;
  /* the surname chains where such a person can be: "silk", "kilroy-silk" */
  const char *sur = surname_low(d, m), *keys[3] = {sur, NULL, NULL};
  const char *h = strrchr(sur, '-');
  if (h && h[1])
    keys[1] = h + 1;
  if (m->t1 - m->t0 >= 2 && !strchr(sur, '-')) {
    const char *prev = d->toks[m->t1 - 2].low;
    if (strlen(prev) + strlen(sur) + 2 > sizeof key)
      return -1;
    strcpy(key, prev);
    strcat(key, "-");
    strcat(key, sur);
    keys[2] = key;
  }
  int found = -1;
  for (int k = 0; k < 3; k++) {
    intptr_t head;
    if (!keys[k] || !ngi_map_get(&d->surnames, keys[k], &head))
      continue;
    int steps = 0; /* no article has that many persons of one surname */
    for (int i = (int)head; i >= 0 && steps < 64;
         i = d->pers[i].next_sur, steps++) {
      const ngi_pers *p = &d->pers[i];
      const char *pf = fold_name(p->label, pb, sizeof pb);
      if (!pf || i == found)
        continue;
      if (m->gender && p->gender && m->gender != p->gender)
        continue;
      int fit = 0;
      if (strcmp(pf, mf) == 0)
        fit = 1; /* the same words, a hyphen apart */
      else if (word_suffix(mf, pf)) /* m is the short form */
        fit = short_form(d, mf, pf, m->honorific > 0 || m->t1 - m->t0 == 1);
      else if (full && word_suffix(pf, mf)) /* p is */
        fit = short_form(d, pf, mf, marked_surname(p));
      if (!fit)
        continue;
      if (found >= 0)
        return -1;
      found = i;
    }
  }
  return found;
}

/* The person whose surname this is; the most recently mentioned one if
 * several fit, else the first. */
static int by_surname(ng_doc *d, const char *sur, const char *first,
                      int before, const ngi_ment *m, int how) {
  intptr_t head;
  if (!ngi_map_get(&d->surnames, sur, &head))
    return -1;
  int best = -1, best_last = -2, any = -1, loose = -1, last_resort = -1;
  int steps = 0; /* the newest 256 persons of a surname: no article has more */
  for (int i = (int)head; i >= 0 && steps < 256;
       i = d->pers[i].next_sur, steps++) {
    ngi_pers *p = &d->pers[i];
    if (!firsts_fit(p->first, first))
      continue;
    int fit = fits_person(d, p, m, how);
    if (fit == 0)
      continue;
    if (fit >= 2) {
      if (fit == 2)
        loose = i;
      else
        last_resort = i;
      continue;
    }
    any = i; /* the chain runs newest first: ends at the first person */
    int last = last_before(p, before);
    if (last > best_last)
      best = i, best_last = last;
  }
  if (any < 0)
    return loose >= 0 ? loose : last_resort;
  return best_last >= 0 ? best : any;
}

/* The one person whose first name this is, or -1. */
static int by_first(ng_doc *d, const char *low) {
  int found = -1;
  for (size_t i = 0; i < d->npers && i < 4096; i++)
    if (d->pers[i].first && strcmp(d->pers[i].first, low) == 0) {
      if (found >= 0)
        return -1;
      found = (int)i;
    }
  return found;
}

static int adverb(const ngi_tok *t) {
  static const char *const A[] = {"also", "later", "previously", "then",
                                  "has", "had", "have", "would", "will",
                                  "again", "once", "further", "has", NULL};
  size_t n = strlen(t->low);
  if (n > 4 && strcmp(t->low + n - 2, "ly") == 0)
    return 1;
  for (int i = 0; A[i]; i++)
    if (ngi_tok_is(t, A[i]))
      return 1;
  return 0;
}

/* Next to a speech verb: "Putin said", "said Putin", "according to X". */
static int near_speech(ng_doc *d, const ngi_ment *m) {
  int s = d->toks[m->t0].sent;
  if (m->t1 < (int)d->ntoks && d->toks[m->t1].sent == s) {
    int j = m->t1;
    /* skip one adverb: "Putin also said" */
    if (j + 1 < (int)d->ntoks && !ngi_speech_at(d, j) &&
        !(d->toks[j].flags & (T_CAP | T_PUNCT)) && adverb(&d->toks[j]))
      if (ngi_speech_at(d, j + 1))
        return 1;
    if (ngi_speech_at(d, j))
      return 1;
  }
  if (m->t1 + 1 < (int)d->ntoks && ngi_tok_is(&d->toks[m->t1], ",") &&
      ngi_speech_at(d, m->t1 + 1))
    return 1; /* "Avinoam Idan, said" after an apposition */
  if (m->t0 > 1 && d->toks[m->t0 - 1].sent == s) {
    /* inverted only after a quotation or a comma: ", said Putin" */
    const ngi_tok *before = &d->toks[m->t0 - 2];
    if (ngi_speech_at(d, m->t0 - 1) &&
        (ngi_tok_is(before, ",") || (before->flags & T_QUOTE)))
      return 1;
    if (m->t0 > 1 && ngi_tok_is(&d->toks[m->t0 - 1], "to") &&
        ngi_tok_is(&d->toks[m->t0 - 2], "according"))
      return 1;
  }
  return 0;
}

/* How much more often "it"/"its" than "he"/"she" follows the name in its
 * sentence: "Microsoft said it would buy" is a company, "Putin said he
 * believed" a person. */
static int neuter_ref(const ng_doc *d, const ngi_ment *o) {
  int s = d->toks[o->t0].sent;
  for (int i = o->t1; i < (int)d->ntoks && i < o->t1 + 40 &&
                      d->toks[i].sent == s; i++) {
    const ngi_tok *t = &d->toks[i];
    if (t->flags & T_INQ)
      continue;
    if (ngi_tok_is(t, "it") || ngi_tok_is(t, "its"))
      return 1;
    if (ngi_tok_is(t, "he") || ngi_tok_is(t, "she") || ngi_tok_is(t, "his") ||
        ngi_tok_is(t, "her"))
      return -1;
  }
  return 0;
}

/* What is known of the lone candidates sharing one surname. */
typedef struct cand {
  int count, evidence, speech, neuter, person, nonloc;
  int hongender; /* 1: a "Mr X", 2: a "Mrs X" or "Ms X", 3: both */
} cand;

static void drop(ng_doc *d, ngi_ment *m) {
  m->kind = 0;
  for (int k = m->t0; k < m->t1; k++)
    if (d->toks[k].ment == (int)(m - d->ments))
      d->toks[k].ment = -1;
}

/* The candidate record for a surname, made on first use. */
static cand *cand_of(ng_doc *d, ngi_map *map, cand **all, size_t *n,
                     size_t *cap, const char *sur) {
  intptr_t i;
  if (ngi_map_get(map, sur, &i))
    return &(*all)[i];
  cand *c = NGI_PUSH(&d->arena, *all, *n, *cap);
  if (!c || ngi_map_put(map, sur, (intptr_t)*n - 1))
    return NULL;
  c->person = -1;
  return c;
}

/* The candidate record of a lone person mention not tied to anyone yet,
 * or NULL. */
static cand *unanchored(ng_doc *d, const ngi_ment *m, const ngi_map *cmap,
                        cand *cands) {
  intptr_t ci;
  if (m->kind != M_PERSON || m->entity >= 0 ||
      !ngi_map_get(cmap, surname_low(d, m), &ci))
    return NULL;
  return &cands[ci];
}

static ng_status build(ng_doc *d, ngi_map *cmap);

/* Is the word at t glued before a name rather than part of it?  No
 * given name at all ("Bishop Emeritus Dinualdo Gutierrez", "Corkman Mark
 * Carroll"), or one listed for both sexes (such lists hold Wing, Given,
 * Vermont) that opens its sentence ("Wing Cedric Heymans and ...") or
 * follows a preposition ("Senator from Vermont Bernie Sanders"). */
static int glued_word(ng_doc *d, int t) {
  static const char *const PREP[] = {"from", "of", "in", "at", "for", NULL};
  const ngi_tok *k = &d->toks[t];
  intptr_t g;
  if (!ngi_map_get(&d->lex->given, k->low, &g))
    return 1;
  if (g != 'U')
    return 0;
  if (t == d->sents[k->sent].t0)
    return 1;
  for (int i = 0; t > 0 && PREP[i]; i++)
    if (ngi_tok_is(&d->toks[t - 1], PREP[i]))
      return 1;
  return 0;
}

/* A full name of three words whose last two are a full name the
 * article also uses on its own ("Wing Cedric Heymans" and "Cedric
 * Heymans") loses a first word glued to it: one person, with the name
 * the article gives it. */
static ng_status unglue(ng_doc *d) {
  ngi_map full;
  ngi_map_init(&full);
  char buf[256];
  ng_status st = NG_OK;
  for (size_t mi = 0; mi < d->nments && st == NG_OK; mi++) {
    const ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PERSON || m->evidence != 2 || m->t1 - m->t0 != 2)
      continue;
    const char *f = fold_name(ngi_span_text(d, m->t0, m->t1), buf, sizeof buf);
    const char *key = f ? ngi_strndup(&d->arena, f, strlen(f)) : NULL;
    if (f && (!key || ngi_map_put(&full, key, 1)))
      st = NG_ENOMEM;
  }
  for (size_t mi = 0; mi < d->nments && st == NG_OK && full.n; mi++) {
    ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PERSON || m->evidence != 2 || m->t1 - m->t0 != 3 ||
        m->honorific > 0 || is_particle(d->toks[m->t0 + 1].low) ||
        !glued_word(d, m->t0))
      continue;
    const char *f =
        fold_name(ngi_span_text(d, m->t0 + 1, m->t1), buf, sizeof buf);
    if (!f || !ngi_map_get(&full, f, NULL))
      continue;
    if (d->toks[m->t0].ment == (int)mi)
      d->toks[m->t0].ment = -1;
    m->t0++;
  }
  ngi_map_release(&full);
  return d->arena.failed ? NG_ENOMEM : st;
}

ng_status ngi_build_persons(ng_doc *d) {
  ngi_map cmap;
  ngi_map_init(&cmap);
  ng_status st = unglue(d);
  if (st == NG_OK)
    st = build(d, &cmap);
  ngi_map_release(&cmap);
  return st;
}

static ng_status build(ng_doc *d, ngi_map *cmap) {
  cand *cands = NULL;
  size_t ncand = 0, capcand = 0;
  /* 0. what each surname has going for it */
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PERSON)
      continue;
    cand *c = cand_of(d, cmap, &cands, &ncand, &capcand, surname_low(d, m));
    if (!c)
      return NG_ENOMEM;
    c->nonloc += !m->locative;
    if (m->honorific > 0 && m->gender)
      c->hongender |= m->gender == 'M' ? 1 : 2;
  }
  /* 1. full names, in text order */
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PERSON)
      continue;
    int multi = m->t1 - m->t0 >= 2;
    if (!(m->evidence == 2 || (m->evidence == 1 && multi) ||
          (multi && near_speech(d, m))))
      continue;
    if (m->locative && m->evidence == 2 && !near_speech(d, m)) {
      /* "at Ain Issa": a person only if named elsewhere too */
      intptr_t ci;
      if (!ngi_map_get(cmap, surname_low(d, m), &ci) ||
          cands[ci].nonloc == 0) {
        drop(d, m);
        continue;
      }
    }
    const char *form = ngi_span_text(d, m->t0, m->t1);
    const char *first = first_low(d, m), *sur = surname_low(d, m);
    int pi = -1;
    intptr_t head;
    if (ngi_map_get(&d->surnames, sur, &head))
      for (int i = (int)head, n = 0; i >= 0 && pi < 0 && n < 256;
           i = d->pers[i].next_sur, n++) /* as in by_surname */
        if (firsts_fit(d->pers[i].first, first))
          pi = i;
    int compound = 0;
    if (pi < 0 && (pi = by_compound(d, m, multi)) >= 0)
      compound = 1;
    if (pi < 0 && (pi = new_person(d, m, form)) < 0)
      return NG_ENOMEM;
    if (d->toks[m->t0].flags & T_INITIAL)
      ; /* keep a spelled-out first name */
    else if (compound) {
      /* a given name before a compound surname known without one */
      if (ntoks_label(form) > ntoks_label(d->pers[pi].label) &&
          m->evidence == 2)
        d->pers[pi].first = first;
    } else if (!d->pers[pi].first || strlen(d->pers[pi].first) == 1)
      d->pers[pi].first = first;
    if (!d->pers[pi].gender && !(d->toks[m->t0].flags & T_INITIAL)) {
      intptr_t g;
      if (ngi_map_get(&d->lex->given, d->toks[m->t0].low, &g) && g != 'U')
        d->pers[pi].gender = (char)g;
    }
    if (attach(d, pi, m, form))
      return NG_ENOMEM;
  }
  /* 1b. a place word that is the surname of a person named in full
   * ("Valeska Paris ... Paris said") stands for that person */
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PLACE || m->t1 - m->t0 != 1 ||
        !(d->toks[m->t0].flags & T_CAP) || (d->toks[m->t0].flags & T_ALLCAPS))
      continue;
    int pi = by_surname(d, surname_low(d, m), NULL, m->t0, NULL, 0);
    if (pi < 0 || d->pers[pi].npos == 0 || last_before(&d->pers[pi], m->t0) < 0)
      continue;
    m->kind = M_PERSON;
    m->entity = -1;
    m->place = -1;
    if (attach(d, pi, m, ngi_span_text(d, m->t0, m->t1)))
      return NG_ENOMEM;
  }
  /* 2. lone surnames and other candidates */
  int spouse = spouse_named(d) ? FIT_SPOUSE : 0;
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PERSON || m->entity >= 0)
      continue;
    const char *sur = surname_low(d, m);
    intptr_t ci, hon = 0;
    if (ngi_map_get(cmap, sur, &ci))
      hon = cands[ci].hongender;
    int pi = by_surname(d, sur, first_low(d, m), m->t0, m,
                        (hon == 3 ? FIT_BOTH : 0) | spouse);
    if (pi < 0)
      pi = by_compound(d, m, 0); /* "Kilroy-Silk" for Robert Kilroy Silk */
    if (pi < 0 && m->t1 - m->t0 == 1 && m->honorific > 0)
      pi = by_first(d, sur); /* "Sir Digby" for Sir Digby Jones */
    if (pi >= 0 && attach(d, pi, m, ngi_span_text(d, m->t0, m->t1)))
      return NG_ENOMEM;
  }
  /* 3. candidates with no anchor: persons on evidence.  A lone name with
   * no honorific or title is a person only if the article speaks of it as
   * "he" or "she" ("Putin said ... he added"), not "it" ("Microsoft said
   * it would"). */
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    cand *c = unanchored(d, m, cmap, cands);
    if (!c)
      continue;
    c->count++;
    c->evidence |= m->evidence > 0;
    c->speech |= near_speech(d, m);
    c->neuter += neuter_ref(d, m);
  }
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    cand *c = unanchored(d, m, cmap, cands);
    if (!c)
      continue;
    if (!(c->evidence || (c->count >= 2 && c->speech) ||
          (c->speech && c->neuter < 0)) ||
        (!c->evidence && c->neuter >= 0)) {
      drop(d, m);
      continue;
    }
    if (c->person < 0 &&
        (c->person = new_person(d, m, ngi_span_text(d, m->t0, m->t1))) < 0)
      return NG_ENOMEM;
    if (attach(d, c->person, m, ngi_span_text(d, m->t0, m->t1)))
      return NG_ENOMEM;
  }
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
