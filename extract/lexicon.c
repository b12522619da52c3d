/* lexicon.c - load the lexicon files of ontology/lexicon/ into hash maps.
 *
 * Each file is UTF-8 text: '#' starts a comment line, fields are separated
 * by TABs and multiple values within a field by '|'.  Keys are folded with
 * ngi_lower() so that look-ups from token text match.
 */
#define _POSIX_C_SOURCE 200809L /* mmap */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "lexcache.h"
#include "lexicon.h"
#include "textutil.h"

typedef struct loader {
  ng_lexicon *lex;
  const char *dir;
  char *err;
  const char *file;
} loader;

static ng_status fail(loader *L, ng_status st, const char *what) {
  if (L->err)
    snprintf(L->err, NG_ERRLEN, "lexicon '%s/lexicon/%s': %s", L->dir,
             L->file, what);
  return st;
}

/* Read a whole file into the arena, NUL-terminated. */
static char *slurp(loader *L, const char *name, int optional, ng_status *st) {
  char path[4096];
  L->file = name;
  *st = NG_OK;
  if ((size_t)snprintf(path, sizeof path, "%s/lexicon/%s", L->dir, name) >=
      sizeof path) {
    *st = fail(L, NG_ELEXICON, "path too long");
    return NULL;
  }
  FILE *f = fopen(path, "rb");
  if (!f) {
    if (!optional)
      *st = fail(L, NG_ELEXICON, strerror(errno));
    else
      ngi_lexsrc_note(L->lex, name, NULL);
    return NULL;
  }
  struct stat sb;
  if (fstat(fileno(f), &sb) == 0)
    ngi_lexsrc_note(L->lex, name, &sb);
  else
    L->lex->nsrcs = NGI_LEX_MAXSRC; /* unknown: no cache */
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  size_t got;
  while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  fclose(f);
  if (!buf) {
    *st = fail(L, NG_ENOMEM, "out of memory");
    return NULL;
  }
  if (bad) {
    free(buf);
    *st = fail(L, NG_ELEXICON, "read error");
    return NULL;
  }
  char *text = ngi_strndup(&L->lex->arena, buf, n);
  free(buf);
  if (!text)
    *st = fail(L, NG_ENOMEM, "out of memory");
  return text;
}

/* Split the next line off *p into at most max TAB fields (in place). */
static int next_line(char **p, char **fields, int max) {
  for (;;) {
    char *s = *p;
    if (!s || !*s)
      return -1;
    char *nl = strchr(s, '\n');
    if (nl) {
      *nl = '\0';
      *p = nl + 1;
    } else {
      *p = s + strlen(s);
    }
    size_t len = strlen(s);
    if (len && s[len - 1] == '\r')
      s[--len] = '\0';
    if (!len || s[0] == '#')
      continue;
    int n = 0;
    fields[n++] = s;
    for (char *t = s; *t && n < max; t++)
      if (*t == '\t') {
        *t = '\0';
        fields[n++] = t + 1;
      }
    for (int i = n; i < max; i++)
      fields[i] = NULL;
    return n;
  }
}

/* Lower-case copy in the lexicon arena. */
static const char *key(loader *L, const char *s) {
  size_t n = strlen(s);
  char *k = ngi_alloc(&L->lex->arena, n + 1);
  if (!k)
    return NULL;
  size_t m = ngi_lower(s, n, k, n + 1);
  k[m] = '\0';
  return k;
}

static ng_status put(loader *L, ngi_map *m, const char *form, intptr_t v,
                     int keep) {
  while (*form == ' ')
    form++;
  if (!*form)
    return NG_OK;
  const char *k = key(L, form);
  if (!k)
    return fail(L, NG_ENOMEM, "out of memory");
  if (keep && ngi_map_get(m, k, NULL))
    return NG_OK;
  if (ngi_map_put(m, k, v))
    return fail(L, NG_ENOMEM, "out of memory");
  return NG_OK;
}

/* Put every '|'-separated value of field f. */
static ng_status put_all(loader *L, ngi_map *m, char *f, intptr_t v,
                         int keep) {
  ng_status st = NG_OK;
  while (f && *f && st == NG_OK) {
    char *bar = strchr(f, '|');
    if (bar)
      *bar = '\0';
    st = put(L, m, f, v, keep);
    f = bar ? bar + 1 : NULL;
  }
  return st;
}

static ng_status load_set(loader *L, ngi_map *m, const char *name,
                          intptr_t v, int optional) {
  ng_status st;
  char *p = slurp(L, name, optional, &st), *f[2];
  while (p && next_line(&p, f, 2) > 0)
    if ((st = put(L, m, f[0], f[1] && *f[1] ? f[1][0] : v, 0)))
      return st;
  return st;
}

/* Titles: titles.tsv, then occupations.tsv (optional; the first kind a
 * form is given wins). */
static ng_status load_titles(loader *L, const char *name, int optional) {
  ng_status st;
  char *p = slurp(L, name, optional, &st), *f[2];
  while (p && next_line(&p, f, 2) > 0) {
    int kind = NGI_TITLE_OFFICE;
    if (f[1] && strcmp(f[1], "occupation") == 0)
      kind = NGI_TITLE_OCCUPATION;
    else if (f[1] && strcmp(f[1], "modifier") == 0)
      kind = NGI_TITLE_MODIFIER;
    if ((st = put(L, &L->lex->title, f[0], kind, 1)))
      return st;
  }
  return st;
}

static ng_status load_places(loader *L, const char *name, int optional) {
  ng_lexicon *lex = L->lex;
  ng_status st;
  char *p = slurp(L, name, optional, &st), *f[5];
  while (p && next_line(&p, f, 5) > 0) {
    ngi_place *pl = NGI_PUSH(&lex->arena, lex->places, lex->nplaces,
                             lex->capplaces);
    if (!pl)
      return fail(L, NG_ENOMEM, "out of memory");
    intptr_t idx = (intptr_t)(lex->nplaces - 1) << 3;
    pl->name = f[0];
    pl->wikidata = f[1] && *f[1] ? f[1] : NULL;
    if ((st = put(L, &lex->place, f[0], idx | NGI_PLACE_NAME, 0)) ||
        (st = put_all(L, &lex->place, f[2], idx | NGI_PLACE_ALIAS, 1)) ||
        (st = put_all(L, &lex->place, f[3], idx | NGI_PLACE_DEMONYM, 1)) ||
        (st = put_all(L, &lex->place, f[4], idx | NGI_PLACE_CAPITAL, 1)))
      return st;
  }
  return st;
}

static int place_index(ng_lexicon *lex, const char *name) {
  intptr_t v;
  char buf[256];
  size_t n = ngi_lower(name, strlen(name), buf, sizeof buf);
  if (ngi_map_getn(&lex->place, buf, n, &v))
    return NGI_PLACE_INDEX(v);
  return -1;
}

static ng_status load_metonyms(loader *L) {
  ng_status st;
  char *p = slurp(L, "metonyms.tsv", 1, &st), *f[2];
  while (p && next_line(&p, f, 2) > 0) {
    int i = f[1] ? place_index(L->lex, f[1]) : -1;
    if (i < 0)
      continue; /* a metonym of a place we do not know */
    if ((st = put(L, &L->lex->place, f[0],
                  ((intptr_t)i << 3) | NGI_PLACE_METONYM, 0)))
      return st;
  }
  return st;
}

/* An acronym: two to eight capitals (digits, '-' and '&' allowed), no
 * lower-case letter: "AMF", "SHARE", "UN-HABITAT". */
static int org_acronym(const char *s) {
  size_t n = 0, caps = 0;
  for (; *s; s++, n++) {
    if (*s >= 'A' && *s <= 'Z')
      caps++;
    else if (!((*s >= '0' && *s <= '9') || *s == '-' || *s == '&'))
      return 0;
  }
  return caps >= 2 && n <= 8;
}

/* Put one form of org idx: an acronym with its flag; an acronym another
 * organisation has too becomes ambiguous. */
static ng_status put_org(loader *L, char *form, intptr_t idx) {
  ng_lexicon *lex = L->lex;
  while (*form == ' ')
    form++;
  if (!*form)
    return NG_OK;
  if (!org_acronym(form))
    return put(L, &lex->org, form, idx, 1);
  const char *k = key(L, form);
  intptr_t old;
  if (!k)
    return fail(L, NG_ENOMEM, "out of memory");
  if (ngi_map_get(&lex->org, k, &old)) {
    if (old == NGI_ORG_AMBIGUOUS || (old & ~NGI_ORG_ACRONYM) == idx ||
        !(old & NGI_ORG_ACRONYM))
      return NG_OK; /* a full name of that spelling wins */
    idx = NGI_ORG_AMBIGUOUS;
  } else {
    idx |= NGI_ORG_ACRONYM;
  }
  if (ngi_map_put(&lex->org, k, idx))
    return fail(L, NG_ENOMEM, "out of memory");
  return NG_OK;
}

static ng_status load_orgs(loader *L) {
  ng_lexicon *lex = L->lex;
  ng_status st;
  char *p = slurp(L, "organisations.tsv", 1, &st), *f[3];
  while (p && next_line(&p, f, 3) > 0) {
    ngi_lexorg *o = NGI_PUSH(&lex->arena, lex->orgs, lex->norgs,
                             lex->caporgs);
    if (!o)
      return fail(L, NG_ENOMEM, "out of memory");
    o->name = f[0];
    o->wikidata = f[1] && *f[1] ? f[1] : NULL;
    intptr_t idx = (intptr_t)lex->norgs - 1;
    if ((st = put_org(L, f[0], idx)))
      return st;
    for (char *a = f[2], *bar; a && *a; a = bar ? bar + 1 : NULL) {
      if ((bar = strchr(a, '|')))
        *bar = '\0';
      if ((st = put_org(L, a, idx)))
        return st;
    }
  }
  return st;
}

static ng_status add_keyword(loader *L, char *kw, int topic) {
  ng_lexicon *lex = L->lex;
  const char *k = key(L, kw);
  if (!k)
    return fail(L, NG_ENOMEM, "out of memory");
  ngi_keyword *w = NGI_PUSH(&lex->arena, lex->keywords, lex->nkeywords,
                            lex->capkeywords);
  if (!w)
    return fail(L, NG_ENOMEM, "out of memory");
  w->topic = topic;
  w->next = -1;
  /* split on spaces and hyphens */
  const char *parts[8];
  int n = 0;
  char *s = (char *)k;
  while (*s && n < 8) {
    while (*s == ' ' || *s == '-')
      *s++ = '\0';
    if (!*s)
      break;
    parts[n++] = s;
    while (*s && *s != ' ' && *s != '-')
      s++;
  }
  if (n == 0) {
    lex->nkeywords--;
    return NG_OK;
  }
  w->words = ngi_alloc(&lex->arena, n * sizeof *w->words);
  if (!w->words)
    return fail(L, NG_ENOMEM, "out of memory");
  memcpy(w->words, parts, n * sizeof *parts);
  w->nwords = n;
  intptr_t first;
  int idx = (int)lex->nkeywords - 1;
  if (ngi_map_get(&lex->kwfirst, parts[0], &first))
    w->next = (int)first;
  if (ngi_map_put(&lex->kwfirst, parts[0], idx))
    return fail(L, NG_ENOMEM, "out of memory");
  return NG_OK;
}

static ng_status load_topics(loader *L) {
  ng_lexicon *lex = L->lex;
  ng_status st;
  char *p = slurp(L, "topics.tsv", 0, &st), *f[5];
  while (p && next_line(&p, f, 5) > 0) {
    if (!f[1] || !f[4])
      return fail(L, NG_ELEXICON, "a topic needs id, label and keywords");
    ngi_lextopic *t = NGI_PUSH(&lex->arena, lex->topics, lex->ntopics,
                               lex->captopics);
    if (!t)
      return fail(L, NG_ENOMEM, "out of memory");
    t->id = f[0];
    t->label = f[1];
    t->iptc = f[2] && *f[2] ? f[2] : NULL;
    t->exact = f[3] && strcmp(f[3], "exact") == 0;
    char *kw = f[4];
    while (kw && *kw) {
      char *bar = strchr(kw, '|');
      if (bar)
        *bar = '\0';
      if ((st = add_keyword(L, kw, (int)lex->ntopics - 1)))
        return st;
      kw = bar ? bar + 1 : NULL;
    }
  }
  return st;
}

static ng_status load_speech(loader *L) {
  ng_status st;
  char *p = slurp(L, "speech-verbs.tsv", 0, &st), *f[2];
  while (p && next_line(&p, f, 2) > 0) {
    static const struct {
      const char *name;
      int flag;
    } FL[] = {{"that", NGI_SV_THAT},     {"quote", NGI_SV_QUOTE},
              {"obj", NGI_SV_OBJ},       {"past", NGI_SV_PAST},
              {"present", NGI_SV_PRESENT}, {"toinf", NGI_SV_TOINF},
              {"toverb", NGI_SV_TOVERB}, {"np", NGI_SV_NP},
              {"as", NGI_SV_AS}};
    int flags = 0;
    /* a comma list of whole flag names ("toinf" is not "to") */
    for (const char *s = f[1] ? f[1] : ""; *s;) {
      size_t n = strcspn(s, ",");
      for (size_t k = 0; k < sizeof FL / sizeof FL[0]; k++)
        if (strlen(FL[k].name) == n && strncmp(FL[k].name, s, n) == 0)
          flags |= FL[k].flag;
      s += n + (s[n] == ',');
    }
    if ((st = put(L, &L->lex->speech, f[0], flags, 0)))
      return st;
    /* "pointed out", "called on": found by their first word */
    const char *sp = strchr(f[0], ' ');
    if (sp && sp > f[0]) {
      intptr_t words = 1, had = 0;
      for (const char *q = f[0]; *q; q++)
        words += *q == ' ' && q[1] && q[1] != ' ';
      const char *first = key(L, f[0]);
      char *cut = first ? strchr((char *)first, ' ') : NULL;
      if (!first)
        return fail(L, NG_ENOMEM, "out of memory");
      *cut = '\0';
      if (ngi_map_get(&L->lex->speech_first, first, &had) && had >= words)
        continue;
      if (ngi_map_put(&L->lex->speech_first, first, words))
        return fail(L, NG_ENOMEM, "out of memory");
    }
  }
  return st;
}

static ng_status load_agree(loader *L) {
  ng_status st;
  char *p = slurp(L, "agreement-triggers.tsv", 0, &st), *f[2];
  while (p && next_line(&p, f, 2) > 0) {
    int kind = NGI_AGREE_VERB;
    if (f[1] && strcmp(f[1], "noun") == 0)
      kind = NGI_AGREE_NOUN;
    else if (f[1] && strcmp(f[1], "reach") == 0)
      kind = NGI_AGREE_REACH;
    else if (f[1] && strcmp(f[1], "other") == 0)
      kind = NGI_AGREE_OTHER;
    if ((st = put(L, &L->lex->agree, f[0], kind, 0)))
      return st;
  }
  return st;
}

/* Cue words: one line per word and class, a word's classes or'ed; the
 * header row ("word", "class") and an unknown class are skipped. */
static ng_status load_cues(loader *L) {
  static const struct {
    const char *name;
    int bit;
  } CL[] = {{"work-noun", NGI_CUE_WORK_NOUN},
            {"org-noun", NGI_CUE_ORG_NOUN},
            {"org-after", NGI_CUE_ORG_AFTER},
            {"work-after", NGI_CUE_WORK_AFTER},
            {"body-head", NGI_CUE_BODY_HEAD},
            {"work-head", NGI_CUE_WORK_HEAD},
            {"body-possessive", NGI_CUE_BODY_POSS},
            {"body-at", NGI_CUE_BODY_AT},
            {"contest-noun", NGI_CUE_CONTEST},
            {"body-noun", NGI_CUE_BODY_NOUN},
            {"data-noun", NGI_CUE_DATA_NOUN},
            {"data-verb", NGI_CUE_DATA_VERB},
            {"tell-verb", NGI_CUE_TELL},
            {"talk-word", NGI_CUE_TALK},
            {"evaluative", NGI_CUE_EVALUATIVE},
            {"title-verb", NGI_CUE_TITLE_VERB},
            {"lead-verb", NGI_CUE_LEAD_VERB},
            {"org-generic", NGI_CUE_ORG_GENERIC},
            {"product-noun", NGI_CUE_PRODUCT},
            {"known-acronym", NGI_CUE_KNOWN_ACRONYM}};
  ng_status st;
  char *p = slurp(L, "cue-words.tsv", 0, &st), *f[2];
  while (p && next_line(&p, f, 2) > 0) {
    int bit = 0;
    for (size_t k = 0; k < sizeof CL / sizeof CL[0] && f[1]; k++)
      if (strcmp(CL[k].name, f[1]) == 0)
        bit = CL[k].bit;
    if (!bit)
      continue;
    const char *k = key(L, f[0]);
    intptr_t had = 0;
    if (!k)
      return fail(L, NG_ENOMEM, "out of memory");
    ngi_map_get(&L->lex->cueword, k, &had);
    if (ngi_map_put(&L->lex->cueword, k, had | bit))
      return fail(L, NG_ENOMEM, "out of memory");
  }
  return st;
}

/* ------------------------------------------------------------ word index */

#define NMAPS 16

static void lex_maps(ng_lexicon *lex, ngi_map **maps) {
  ngi_map *m[NMAPS] = {&lex->given,   &lex->notname,  &lex->honorific,
                       &lex->title,   &lex->describer, &lex->timeword,
                       &lex->orgword, &lex->place,    &lex->org,
                       &lex->speech,  &lex->speech_first, &lex->agree,
                       &lex->kwfirst,
                       &lex->topicstop, &lex->thingword, &lex->cueword};
  memcpy(maps, m, sizeof m);
}

/* Or bits into the word index entry of key (an arena string). */
static int index_or(ng_lexicon *lex, const char *key, uint32_t bits) {
  intptr_t v = 0;
  ngi_map_get(&lex->words, key, &v);
  return ngi_map_put(&lex->words, key, (intptr_t)((uint32_t)v | bits));
}

/* Build the word index once every map is loaded; the maps must not
 * change afterwards.  Returns 0, or -1 when out of memory.  The given
 * names (maps[0]) stay out: 70,000 of them would make the index too big
 * for the cache, and they are asked about for capitalised words only. */
static int build_index(ng_lexicon *lex) {
  ngi_map *maps[NMAPS];
  lex_maps(lex, maps);
  for (size_t i = 1; i < NMAPS; i++) {
    const ngi_map *m = maps[i];
    for (size_t j = 0; j < m->cap; j++)
      if (ngi_map_key(m, j) && index_or(lex, ngi_map_key(m, j), 1u << i))
        return -1;
  }
  /* every prefix of a kwfirst key: ngi_lex_bits stops at the first
   * prefix of a token that is none */
  const ngi_map *kw = &lex->kwfirst;
  for (size_t j = 0; j < kw->cap; j++) {
    const char *k = ngi_map_key(kw, j);
    if (!k)
      continue;
    size_t n = strlen(k);
    for (size_t l = 1; l < n && l <= NGI_KW_FIRST_MAX; l++) {
      const char *p = ngi_strndup(&lex->arena, k, l);
      if (!p || index_or(lex, p, NGI_LEX_KWPRE))
        return -1;
    }
    if (index_or(lex, k, NGI_LEX_KWPRE))
      return -1;
  }
  for (size_t i = 1; i < NMAPS; i++)
    maps[i]->bit = 1u << i;
  /* the word-boundary prefixes of multi-word keys */
  for (size_t i = 1; i < NMAPS; i++) {
    const ngi_map *m = maps[i];
    for (size_t j = 0; j < m->cap; j++) {
      const char *k = ngi_map_key(m, j);
      for (const char *sp = k ? strchr(k, ' ') : NULL; sp;
           sp = strchr(sp + 1, ' ')) {
        const char *p = ngi_strndup(&lex->arena, k, (size_t)(sp - k));
        intptr_t v = 0;
        if (!p)
          return -1;
        ngi_map_get(&lex->phrasepre, p, &v);
        if (ngi_map_put(&lex->phrasepre, p, v | (intptr_t)m->bit))
          return -1;
      }
    }
  }
  lex->indexed = 1;
  return 0;
}

int ngi_lex_derive(ng_lexicon *lex) {
  const ngi_map *w = &lex->words;
  size_t cap = 64;
  while (cap < w->n * 2)
    cap *= 2;
  memset(lex->wbloom, 0, sizeof lex->wbloom);
  memset(lex->kbloom, 0, sizeof lex->kbloom);
  free(lex->wtab);
  free(lex->wkeys);
  lex->wtab = calloc(cap, sizeof *lex->wtab);
  lex->wkeys = calloc(cap, sizeof *lex->wkeys);
  lex->wcap = cap;
  if (!lex->wtab || !lex->wkeys)
    return -1;
  for (size_t j = 0; j < w->cap; j++) {
    const ngi_mapent *e = &w->ents[j];
    uint64_t i = NGI_BLOOM_BIT(e->h);
    if (!e->key)
      continue;
    lex->wbloom[i >> 6] |= 1ull << (i & 63);
    if ((uint32_t)e->val & NGI_LEX_KWPRE)
      lex->kbloom[i >> 6] |= 1ull << (i & 63);
    size_t k = e->h & (cap - 1);
    while (lex->wtab[k].tag)
      k = (k + 1) & (cap - 1);
    lex->wtab[k].tag = (uint32_t)(e->h >> 32) | 1;
    lex->wtab[k].val = (uint32_t)e->val;
    lex->wkeys[k] = ngi_map_key(w, j);
  }
  return 0;
}

/* The bits of key (n bytes, hash h) in the compact word index. */
static int words_get(const ng_lexicon *lex, const char *key, size_t n,
                     uint64_t h, uint32_t *val) {
  size_t mask = lex->wcap - 1, j = h & mask;
  uint32_t tag = (uint32_t)(h >> 32) | 1;
  for (; lex->wtab[j].tag; j = (j + 1) & mask) {
    if (lex->wtab[j].tag != tag)
      continue;
    /* words are short: compared here rather than by a call */
    const char *k = lex->wkeys[j];
    size_t i = 0;
    while (i < n && k[i] == key[i])
      i++;
    if (i == n && k[n] == '\0') {
      *val = lex->wtab[j].val;
      return 1;
    }
  }
  return 0;
}

uint32_t ngi_lex_bits(const ng_lexicon *lex, const char *low, size_t n,
                      uint64_t h, uint8_t kw[2]) {
  kw[0] = kw[1] = 0;
  if (!lex || !lex->indexed)
    return 0;
  uint32_t v = 0;
  if (ngi_bloom_has(lex->wbloom, h))
    words_get(lex, low, n, h, &v);
  uint32_t bits = ((uint32_t)v & ~NGI_LEX_KWPRE) | NGI_LEX_DONE;
  /* the prefixes topics.c's score() looks up: from 3 bytes (or the
   * whole of a shorter token) to NGI_KW_FIRST_MAX, of its C string (n
   * bytes: a token has no NUL).  Every prefix of a kwfirst key has its
   * bit in kbloom, so the walk ends at the first prefix without one;
   * the small kwfirst map says which are keys. */
  size_t top = n < NGI_KW_FIRST_MAX ? n : NGI_KW_FIRST_MAX;
  size_t l0 = n < 3 ? n : 3;
  uint64_t hp = ngi_hash(low, l0);
  for (size_t l = l0; l <= top; l++) {
    if (l > l0) { /* FNV-1a goes on byte by byte */
      hp ^= (unsigned char)low[l - 1];
      hp *= 1099511628211ull;
    }
    if (!ngi_bloom_has(lex->kbloom, hp))
      break;
    if (ngi_map_geth(&lex->kwfirst, low, l, hp, NULL)) {
      bits |= NGI_LEX_KWHIT;
      if (!kw[0])
        kw[0] = (uint8_t)l;
      kw[1] = (uint8_t)l;
    }
  }
  return bits;
}

void ng_lexicon_free(ng_lexicon *lex) {
  if (!lex)
    return;
  ngi_map *maps[NMAPS];
  lex_maps(lex, maps);
  for (size_t i = 0; i < NMAPS; i++)
    ngi_map_release(maps[i]);
  ngi_map_release(&lex->words);
  ngi_map_release(&lex->phrasepre);
  free(lex->wtab);
  free(lex->wkeys);
  ngi_arena_release(&lex->arena);
  if (lex->cache)
    munmap(lex->cache, lex->cachesize);
  free(lex);
}

ng_status ng_lexicon_load(const char *dir, ng_lexicon **out, char *err) {
  *out = NULL;
  if (!dir)
    dir = ng_data_dir();
  ng_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex)
    return NG_ENOMEM;
  ngi_arena_init(&lex->arena);
  loader L = {lex, dir, err, ""};
  struct stat sb;
  char path[4096];
  snprintf(path, sizeof path, "%s/lexicon", dir);
  ng_status st = NG_OK;
  if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
    if (err)
      snprintf(err, NG_ERRLEN,
               "no lexicon folder at '%.400s' (set NEWSGRAPH_DATA or --data)",
               path);
    st = NG_ELEXICON;
  }
  /* the cache, when fresh, instead of the text files */
  char cpath[4096];
  int cached = st == NG_OK && ngi_lexcache_path(dir, cpath, sizeof cpath) == 0;
  if (cached && ngi_lexcache_load(lex, dir, cpath) == 0) {
    *out = lex;
    return NG_OK;
  }
  if (st == NG_OK && !(st = load_set(&L, &lex->given, "given-names.tsv", 'U', 0)) &&
      !(st = load_set(&L, &lex->notname, "not-names.txt", 1, 0)) &&
      !(st = load_set(&L, &lex->honorific, "honorifics.txt", 1, 0)) &&
      !(st = load_titles(&L, "titles.tsv", 0)) &&
      !(st = load_titles(&L, "occupations.tsv", 1)) &&
      !(st = load_set(&L, &lex->describer, "describers.txt", 1, 0)) &&
      !(st = load_set(&L, &lex->timeword, "time-words.txt", 1, 0)) &&
      !(st = load_set(&L, &lex->orgword, "org-words.txt", 1, 0)) &&
      !(st = load_places(&L, "countries.tsv", 0)) &&
      !(st = load_places(&L, "places-extra.tsv", 1)) &&
      !(st = load_metonyms(&L)) && !(st = load_orgs(&L)) &&
      !(st = load_speech(&L)) && !(st = load_agree(&L)) &&
      !(st = load_set(&L, &lex->topicstop, "topic-stopwords.txt", 1, 0)) &&
      !(st = load_set(&L, &lex->thingword, "thing-words.txt", 1, 1)) &&
      !(st = load_cues(&L)))
    st = load_topics(&L);
  if (st == NG_OK && build_index(lex))
    st = fail(&L, NG_ENOMEM, "out of memory");
  if (st == NG_OK && ngi_lex_derive(lex))
    st = fail(&L, NG_ENOMEM, "out of memory");
  if (st == NG_OK && lex->arena.failed)
    st = fail(&L, NG_ENOMEM, "out of memory");
  if (st != NG_OK) {
    ng_lexicon_free(lex);
    return st;
  }
  if (cached)
    ngi_lexcache_save(lex, dir, cpath); /* best effort */
  *out = lex;
  return NG_OK;
}
