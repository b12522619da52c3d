/* topics.c - what the article and each paragraph are about.
 *
 * The article's own topics are its section headings and, where it has no
 * sections, its key phrases: runs of content words (no function words,
 * names or generic news words) counted across the article, longer phrases
 * weighing more, chosen greedily so that no two share a word.  Each
 * paragraph is about its section's heading or the key phrase it uses most.
 * Keywords of the topic scheme (lexicon topics.tsv; the last word of a
 * keyword matches as a prefix, so "cyber" finds "cyberattacks") tie every
 * topic to the scheme concept it falls under (skos:broader); an article
 * with neither headings nor key phrases is about its strongest scheme
 * concepts directly.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "topics.h"

static int find_topic(ng_doc *d, const char *id, const char *label,
                      const char *iptc, int heading) {
  for (size_t i = 0; i < d->ntopics; i++)
    if (strcmp(d->topics[i].id, id) == 0)
      return (int)i;
  ngi_topic *t = NGI_PUSH(&d->arena, d->topics, d->ntopics, d->captopics);
  if (!t)
    return -1;
  t->id = id;
  t->label = label;
  t->iptc = iptc;
  t->from_heading = heading;
  return (int)d->ntopics - 1;
}

/* Does keyword kw match at token i?  Returns the tokens it spans. */
static int kw_match(const ng_doc *d, const ngi_keyword *kw, int i, int end) {
  if (i + kw->nwords > end)
    return 0;
  for (int w = 0; w < kw->nwords; w++) {
    const char *tok = d->toks[i + w].low, *word = kw->words[w];
    size_t n = strlen(word);
    if (!(d->toks[i + w].flags & T_WORD))
      return 0;
    if (w + 1 < kw->nwords) {
      size_t tl = strlen(tok);
      if (!(strcmp(tok, word) == 0 ||
            (tl == n + 1 && tok[n] == 's' && strncmp(tok, word, n) == 0)))
        return 0;
    } else if (strncmp(tok, word, n) != 0) {
      return 0;
    }
  }
  return kw->nwords;
}

/* Longest first word of a topic keyword that score() looks up, in bytes
 * (those in ontology/lexicon/topics.tsv have at most 20). */
#define KW_FIRST_MAX 64

/* Add the keyword hits of tokens [t0, t1) to counts[]. */
static void score(const ng_doc *d, int t0, int t1, int *counts) {
  const ng_lexicon *lex = d->lex;
  for (int i = t0; i < t1; i++) {
    const ngi_tok *t = &d->toks[i];
    if (!(t->flags & T_WORD) || (t->flags & T_NUM))
      continue;
    size_t n = strlen(t->low);
    /* prefixes no longer than a keyword's first word: one huge token (a
     * run of CJK, say) must not cost its length squared */
    size_t top = n < KW_FIRST_MAX ? n : KW_FIRST_MAX;
    size_t l0 = n < 3 ? n : 3;
    uint64_t h = ngi_hash(t->low, l0);
    for (size_t l = l0; l <= top; l++) {
      intptr_t k;
      if (l > l0) { /* FNV-1a goes on byte by byte: extend the prefix's */
        h ^= (unsigned char)t->low[l - 1];
        h *= 1099511628211ull;
      }
      if (!ngi_map_geth(&lex->kwfirst, t->low, l, h, &k))
        continue;
      for (int x = (int)k; x >= 0; x = lex->keywords[x].next)
        if (kw_match(d, &lex->keywords[x], i, t1))
          counts[lex->keywords[x].topic]++;
    }
  }
}

static int best_of(const int *counts, size_t n, int min) {
  int best = -1;
  for (size_t i = 0; i < n; i++)
    if (counts[i] >= min && (best < 0 || counts[i] > counts[best]))
      best = (int)i;
  return best;
}


/* ------------------------------------------------------------ phrases */

typedef struct phrase {
  const char *key;     /* lower-case words, plural s dropped */
  int t0, t1;          /* first occurrence */
  int count, words, score;
  int caps;            /* single words: capitalised uses mid-sentence */
  int chosen;          /* topic index when chosen, else -1 */
} phrase;

static int content_word(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  if (!(t->flags & T_WORD) || (t->flags & (T_NUM | T_INITIAL | T_ABBR)))
    return 0;
  size_t n = strlen(t->low);
  if (n < 3 || (t->be != t->e) || strchr(t->low, '\''))
    return 0; /* possessives and contractions: "don't" */
  const ng_lexicon *x = d->lex;
  int proper = (t->flags & T_CAP) && !(t->flags & T_SSTART);
  if ((!proper && ngi_tok_in(&x->topicstop, t, NULL)) ||
      ngi_tok_in(&x->speech, t, NULL) || ngi_tok_in(&x->timeword, t, NULL) ||
      ngi_tok_in(&x->honorific, t, NULL) || ngi_tok_in(&x->notname, t, NULL))
    return 0;
  if (n > 4 && !(t->flags & T_CAP) && (strcmp(t->low + n - 2, "ly") == 0 ||
                strcmp(t->low + n - 2, "ed") == 0))
    return 0;
  int m = t->ment;
  if (m >= 0 && (d->ments[m].kind == M_PERSON || d->ments[m].kind == M_PRON ||
                 d->ments[m].kind == M_DESC))
    return 0;
  return 1;
}

/* The key of tokens [t0, t1) in buf (cap bytes): lower-case words, a
 * plural s dropped.  Returns its length, or 0 when it does not fit. */
static size_t phrase_key(const ng_doc *d, int t0, int t1, char *buf,
                         size_t cap) {
  size_t n = 0;
  for (int i = t0; i < t1; i++) {
    const char *w = d->toks[i].low;
    size_t l = strlen(w);
    if (l > 3 && w[l - 1] == 's' && !strchr("siu'", w[l - 2]))
      l--;
    if (n + l + 2 >= cap)
      return 0;
    if (n)
      buf[n++] = ' ';
    memcpy(buf + n, w, l);
    n += l;
  }
  buf[n] = '\0';
  return n;
}

/* Tokens [t0, t1) all inside one organisation name: "Cyprus Mail". */
static int in_one_org(const ng_doc *d, int t0, int t1) {
  int m = d->toks[t0].ment;
  return m >= 0 && d->ments[m].kind == M_ORG && d->toks[t1 - 1].ment == m;
}

static int single_place(const ng_doc *d, int i) {
  int m = d->toks[i].ment;
  return m >= 0 && (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG);
}

/* Count every 1-3 word run of content words. */
static ng_status count_phrases(ng_doc *d, ngi_map *idx, phrase **ph,
                               size_t *n, size_t *cap) {
  for (size_t s = 0; s < d->nsents; s++) {
    if (d->paras[d->sents[s].para].heading)
      continue;
    int t1 = d->sents[s].t1;
    for (int i = d->sents[s].t0; i < t1; i++) {
      for (int w = 1; w <= 3 && i + w <= t1; w++) {
        if (!content_word(d, i + w - 1))
          break;
        if (w == 1 && single_place(d, i))
          continue;
        if (w > 1 && (in_one_org(d, i, i + w) || single_place(d, i) ||
                      single_place(d, i + w - 1)))
          continue; /* "Cyprus Mail", "Turkey began" */
        char buf[256];
        size_t kl = phrase_key(d, i, i + w, buf, sizeof buf);
        if (!kl)
          continue;
        intptr_t v;
        int caps = w == 1 && (d->toks[i].flags & (T_CAP | T_ALLCAPS)) &&
                   !(d->toks[i].flags & T_SSTART);
        if (ngi_map_getn(idx, buf, kl, &v)) {
          (*ph)[v].count++;
          (*ph)[v].caps += caps;
          continue;
        }
        const char *key = ngi_strndup(&d->arena, buf, kl);
        phrase *p = key ? NGI_PUSH(&d->arena, *ph, *n, *cap) : NULL;
        if (!p || ngi_map_put(idx, key, (intptr_t)*n - 1))
          return NG_ENOMEM;
        p->key = key;
        p->t0 = i;
        p->t1 = i + w;
        p->count = 1;
        p->words = w;
        p->chosen = -1;
        p->caps = caps;
      }
    }
  }
  return NG_OK;
}

static int coined(const ngi_tok *t, const char *text) {
  if (t->flags & T_ALLCAPS)
    return 1;
  for (uint32_t i = t->b + 1; i < t->be; i++)
    if (text[i] >= 'A' && text[i] <= 'Z')
      return 1;
  return 0;
}

/* A word that heads names rather than being one: "Day", "Council". */
static int generic(const ng_doc *d, const ngi_tok *t) {
  const ng_lexicon *x = d->lex;
  return ngi_tok_in(&x->thingword, t, NULL) || ngi_tok_in(&x->orgword, t, NULL) ||
         ngi_tok_in(&x->title, t, NULL);
}

static int by_score(const void *a, const void *b) {
  const phrase *x = *(const phrase *const *)a, *y = *(const phrase *const *)b;
  if (x->score != y->score)
    return y->score - x->score;
  return x->t0 - y->t0;
}

/* Do two keys share a word? */
static int share_word(const char *a, const char *b) {
  const char *p = a;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    const char *q = b;
    while (*q) {
      const char *f = strchr(q, ' ');
      size_t m = f ? (size_t)(f - q) : strlen(q);
      if (l == m && strncmp(p, q, l) == 0)
        return 1;
      q = f ? f + 1 : q + m;
    }
    p = e ? e + 1 : p + l;
  }
  return 0;
}

/* The scheme concept with most keyword hits in tokens [t0, t1). */
static const char *broader_of(const ng_doc *d, int t0, int t1, int *counts,
                              int min) {
  size_t nt = d->lex->ntopics;
  memset(counts, 0, nt * sizeof *counts);
  score(d, t0, t1, counts);
  int b = best_of(counts, nt, min);
  return b >= 0 ? d->lex->topics[b].id : NULL;
}

static ng_status key_phrases(ng_doc *d, int max, int *counts,
                             phrase **out, size_t *nout) {
  ngi_map idx;
  phrase *ph = NULL;
  size_t n = 0, cap = 0;
  ngi_map_init(&idx);
  ng_status st = count_phrases(d, &idx, &ph, &n, &cap);
  ngi_map_release(&idx);
  *out = ph;
  *nout = n;
  if (st)
    return st;
  phrase **order = ngi_alloc(&d->arena, (n + 1) * sizeof *order);
  if (!order)
    return NG_ENOMEM;
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    phrase *p = &ph[i];
    /* a single word only when it is a proper term ("EastMed", "AfCFTA") */
    if (p->words == 1 && p->caps * 2 <= p->count)
      continue;
    /* a single proper word: an acronym, a coinage ("EastMed", "AfCFTA"),
     * or one the article keeps coming back to ("Brexit") */
    if (p->words == 1 && !coined(&d->toks[p->t0], d->text) &&
        (p->count < 5 || generic(d, &d->toks[p->t0])))
      continue;
    if (p->count < (p->words == 1 ? 3 : 2))
      continue;
    p->score = p->count * (p->words == 1 ? 2 : 2 + p->words);
    order[m++] = p;
  }
  qsort(order, m, sizeof *order, by_score);
  int chosen = 0;
  for (size_t i = 0; i < m && chosen < max; i++) {
    phrase *p = order[i];
    int clash = 0;
    for (size_t k = 0; k < i && !clash; k++)
      clash = order[k]->chosen >= 0 && share_word(order[k]->key, p->key);
    if (clash)
      continue;
    const char *label = ngi_span_text(d, p->t0, p->t1);
    int t = label ? find_topic(d, p->key, label, NULL, 1) : -1;
    if (t < 0)
      return NG_ENOMEM;
    d->topics[t].article = 1;
    /* the scheme concept: keyword hits around its first use */
    int s = d->toks[p->t0].sent;
    d->topics[t].broader = broader_of(d, d->sents[s].t0, d->sents[s].t1,
                                      counts, 1);
    p->chosen = t;
    chosen++;
  }
  return NG_OK;
}

ng_status ngi_find_topics(ng_doc *d) {
  const ng_lexicon *lex = d->lex;
  size_t nt = lex->ntopics;
  int *counts = calloc(nt + 1, sizeof *counts);
  int *total = calloc(nt + 1, sizeof *total);
  d->para_topic = ngi_alloc(&d->arena, (d->nparas + 1) * sizeof(int));
  ng_status st = NG_OK;
  phrase *ph = NULL;
  size_t nph = 0;
  if (!counts || !total || !d->para_topic) {
    st = NG_ENOMEM;
    goto out;
  }
  int headings = 0;
  for (size_t p = 0; p < d->nparas; p++)
    headings += d->paras[p].heading == 1;
  /* 1. section headings */
  for (size_t p = 0; p < d->nparas; p++) {
    ngi_para *pa = &d->paras[p];
    d->para_topic[p] = -1;
    memset(counts, 0, nt * sizeof *counts);
    score(d, pa->t0, pa->t1, counts);
    for (size_t i = 0; i < nt; i++)
      total[i] += counts[i];
    if (pa->heading == 1 && headings >= 2) {
      const char *label = ngi_strndup(&d->arena, d->text + pa->b,
                                      pa->e - pa->b);
      int t = label ? find_topic(d, label, label, NULL, 1) : -1;
      if (t < 0) {
        st = NG_ENOMEM;
        goto out;
      }
      d->topics[t].article = 1;
      /* the section's scheme concept */
      size_t q = p + 1;
      while (q < d->nparas && d->paras[q].section == (int)p)
        q++;
      int t1 = q < d->nparas ? d->paras[q].t0 : (int)d->ntoks;
      d->topics[t].broader = broader_of(d, pa->t0, t1, counts, 2);
      d->para_topic[p] = t;
    } else if (pa->section >= 0 && headings >= 2) {
      d->para_topic[p] = d->para_topic[pa->section];
    }
  }
  /* 2. key phrases: the article's topics when it has no sections, else
   * one for what comes before the first heading */
  int max = headings >= 2 ? 1 : 3 + (int)d->nparas / 4;
  if (max > 7)
    max = 7;
  if ((st = key_phrases(d, max, counts, &ph, &nph)))
    goto out;
  /* each paragraph: the chosen phrase it uses most */
  const phrase *chosen[8];
  int nchosen = 0;
  for (size_t i = 0; i < nph && nchosen < 8; i++)
    if (ph[i].chosen >= 0)
      chosen[nchosen++] = &ph[i];
  size_t s = 0;
  for (size_t p = 0; p < d->nparas; p++) {
    size_t s0 = s;
    while (s < d->nsents && d->sents[s].para == (int)p)
      s++;
    if (d->para_topic[p] >= 0 || d->paras[p].heading || !nchosen)
      continue;
    int best = -1, bc = 0;
    for (int i = 0; i < nchosen; i++) {
      int c = 0;
      for (size_t x = s0; x < s; x++)
        for (int k = d->sents[x].t0; k + chosen[i]->words <= d->sents[x].t1;
             k++) {
          char buf[256];
          if (content_word(d, k) &&
              phrase_key(d, k, k + chosen[i]->words, buf, sizeof buf) &&
              strcmp(buf, chosen[i]->key) == 0)
            c++;
        }
      if (c > bc)
        bc = c, best = chosen[i]->chosen;
    }
    d->para_topic[p] = best;
  }
  /* 3. an article without sections is also about its strongest scheme
   * concept, when it is strong; with no topic at all, about the best */
  int any = 0;
  for (size_t i = 0; i < d->ntopics; i++)
    any |= d->topics[i].article;
  int top = best_of(total, nt, 2);
  int fallback = -1;
  if (top >= 0 && (!any || (headings < 2 && total[top] >= 4))) {
    fallback = find_topic(d, lex->topics[top].id, lex->topics[top].label,
                          lex->topics[top].iptc, 0);
    if (fallback < 0) {
      st = NG_ENOMEM;
      goto out;
    }
    d->topics[fallback].article = 1;
  }
  /* paragraphs with no topic of their own: the article's first topic */
  int first = -1;
  for (size_t i = 0; i < d->ntopics && first < 0; i++)
    if (d->topics[i].article && !d->topics[i].from_heading)
      first = (int)i;
  if (first < 0)
    first = fallback;
  if (first < 0 && top >= 0) {
    /* paragraphs before the first heading: the strongest scheme concept */
    for (size_t p = 0; p < d->nparas && first < 0; p++)
      if (d->para_topic[p] < 0 && !d->paras[p].heading)
        first = find_topic(d, lex->topics[top].id, lex->topics[top].label,
                           lex->topics[top].iptc, 0);
    if (first < -1 || d->arena.failed) {
      st = NG_ENOMEM;
      goto out;
    }
  }
  for (size_t p = 0; p < d->nparas; p++)
    if (d->para_topic[p] < 0 && !d->paras[p].heading)
      d->para_topic[p] = first;
out:
  free(counts);
  free(total);
  if (st == NG_OK && d->arena.failed)
    st = NG_ENOMEM;
  return st;
}
