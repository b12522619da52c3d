/* topics.c - what the article and each paragraph are about.
 *
 * Section headings are topics of their own (their section's paragraphs and
 * claims are about them).  Keywords of the topic scheme (lexicon
 * topics.tsv; the last word of a keyword matches as a prefix, so "cyber"
 * finds "cyberattacks") score each paragraph; a paragraph outside any
 * section takes its best-scoring topic, and the article is about the
 * topics that are strong across it.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"

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

/* Add the keyword hits of tokens [t0, t1) to counts[]. */
static void score(const ng_doc *d, int t0, int t1, int *counts) {
  const ng_lexicon *lex = d->lex;
  for (int i = t0; i < t1; i++) {
    const ngi_tok *t = &d->toks[i];
    if (!(t->flags & T_WORD) || (t->flags & T_NUM))
      continue;
    size_t n = strlen(t->low);
    for (size_t l = n < 3 ? n : 3; l <= n; l++) {
      intptr_t k;
      if (!ngi_map_getn(&lex->kwfirst, t->low, l, &k))
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

ng_status ngi_find_topics(ng_doc *d) {
  const ng_lexicon *lex = d->lex;
  size_t nt = lex->ntopics;
  int *counts = calloc(nt + 1, sizeof *counts);
  int *total = calloc(nt + 1, sizeof *total);
  int *paras = calloc(nt + 1, sizeof *paras);
  d->para_topic = ngi_alloc(&d->arena, (d->nparas + 1) * sizeof(int));
  ng_status st = NG_OK;
  if (!counts || !total || !paras || !d->para_topic) {
    st = NG_ENOMEM;
    goto out;
  }
  for (size_t p = 0; p < d->nparas; p++) {
    ngi_para *pa = &d->paras[p];
    d->para_topic[p] = -1;
    memset(counts, 0, nt * sizeof *counts);
    score(d, pa->t0, pa->t1, counts);
    for (size_t i = 0; i < nt; i++) {
      total[i] += counts[i] * (pa->heading == 2 ? 2 : 1);
      paras[i] += counts[i] > 0;
    }
    if (pa->heading == 1) {
      const char *label = ngi_strndup(&d->arena, d->text + pa->b,
                                      pa->e - pa->b);
      int t = label ? find_topic(d, label, label, NULL, 1) : -1;
      if (t < 0) {
        st = NG_ENOMEM;
        goto out;
      }
      d->topics[t].article = 1;
      /* a heading that names a scheme topic carries its IPTC code */
      int b = best_of(counts, nt, 1);
      if (b >= 0)
        d->topics[t].iptc = lex->topics[b].iptc;
      d->para_topic[p] = t;
      continue;
    }
    if (pa->section >= 0) {
      d->para_topic[p] = d->para_topic[pa->section];
      continue;
    }
    int b = best_of(counts, nt, 1);
    if (b >= 0) {
      int t = find_topic(d, lex->topics[b].id, lex->topics[b].label,
                         lex->topics[b].iptc, 0);
      if (t < 0) {
        st = NG_ENOMEM;
        goto out;
      }
      d->para_topic[p] = t;
    }
  }
  /* the article: its section headings, else scheme topics strong
   * across it */
  int headings = 0;
  for (size_t p = 0; p < d->nparas; p++)
    headings += d->paras[p].heading == 1;
  for (size_t i = 0; i < nt && headings < 2; i++) {
    if (total[i] >= 3 && paras[i] >= 2) {
      int t = find_topic(d, lex->topics[i].id, lex->topics[i].label,
                         lex->topics[i].iptc, 0);
      if (t < 0) {
        st = NG_ENOMEM;
        goto out;
      }
      d->topics[t].article = 1;
    }
  }
  /* paragraphs with no topic of their own: the article's strongest */
  int top = best_of(total, nt, 3);
  int tt = top >= 0 ? find_topic(d, lex->topics[top].id,
                                 lex->topics[top].label,
                                 lex->topics[top].iptc, 0)
                    : -1;
  for (size_t p = 0; p < d->nparas; p++)
    if (d->para_topic[p] < 0)
      d->para_topic[p] = tt;
out:
  free(counts);
  free(total);
  free(paras);
  if (st == NG_OK && d->arena.failed)
    st = NG_ENOMEM;
  return st;
}
