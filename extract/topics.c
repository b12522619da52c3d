/* topics.c - what the article and each paragraph are about.
 *
 * An article's topics are the subjects a reader would list, at the level
 * of section headings.  Its section headings are topics as they stand.
 * An article without them is cut into subject blocks (tiling.c, TextTiling)
 * and each block gets the key phrase (keyphrase.c, YAKE-like scores) it
 * ranks best, among those no earlier topic uses a word of: a block whose
 * best phrase is an earlier topic's is that topic again.  A topic's label
 * is its phrase with the phrase used most beside it in the block's
 * sentences: the stretch of text that holds both when it is short ("gold
 * toilet stolen from Blenheim Palace"), else the two joined by "and".
 * Three to five topics: when the blocks give fewer, the article's best
 * remaining phrases follow.  Each paragraph is about its block's topic.
 *
 * The topic scheme (lexicon topics.tsv; the last word of a keyword matches
 * with an ending, so "terror" finds "terrorists" but "coal" does not find
 * "coalition") is not a topic list: the
 * concept with most keyword hits (and a second nearly as strong) is the
 * article's category, and every topic falls under (skos:broader) the
 * concept its block has most hits of.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "keyphrase.h"
#include "tiling.h"
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

/* Endings a keyword's last word takes: inflections and the derivations
 * of its stems ("terror" -> "terrorists", "ratif" -> "ratification"), so
 * "coal" does not find "coalition", nor "bank" "bankrupt".  The short
 * ones (from "t" on) only after a stem of five letters: "extremis" ->
 * "extremist", but "star" does not find "start". */
static const char *const endings[] = {
  "", "s", "es", "'s", "'", "s'", "ed", "ing", "er", "ers", "ies", "ied",
  "al", "ally", "ic", "ics", "ical", "ism", "isms", "ist", "ists", "ity",
  "ities", "ion", "ions", "ation", "ations", "ication", "ise", "ised",
  "ises", "ising", "ize", "ized", "izes", "izing", "ment", "ments", "ive",
  "ives", "ure", "ary", "ory", "ian", "ians", "ional", "ia", "or", "ors",
  "t", "ts", "m", "ms", "cy", "ce", "e", "n", "ns", "is", "tic", "us",
  "y", "ry", "ate", "ated", "ates", "ating", NULL};
#define SHORT_ENDINGS 49 /* index of "t" */

static int ending(const char *word, size_t n, const char *rest, size_t rl) {
  if (rest[0] == '-' || (rl == 4 && memcmp(rest, "\xE2\x80\x99s", 4) == 0))
    return 1; /* a compound, or a typographic possessive */
  if (n && word[n - 1] == 'e' && (strcmp(rest, "d") == 0 ||
                                  strcmp(rest, "r") == 0 ||
                                  strcmp(rest, "rs") == 0))
    return 1; /* "vote" -> "voted", "voters" */
  if (rl > 7)
    return 0;
  for (int i = 0; endings[i]; i++)
    if (endings[i][0] == rest[0] && strcmp(rest, endings[i]) == 0)
      return i < SHORT_ENDINGS || n >= 5;
  return 0;
}

/* Does keyword kw match at token i?  Returns the tokens it spans. */
static int kw_match(const ng_doc *d, const ngi_keyword *kw, int i, int end) {
  if (i + kw->nwords > end)
    return 0;
  for (int w = 0; w < kw->nwords; w++) {
    const ngi_tok *t = &d->toks[i + w];
    const char *tok = t->low, *word = kw->words[w];
    size_t n = strlen(word), tl = t->lowlen;
    if (!(t->flags & T_WORD))
      return 0;
    if (w + 1 < kw->nwords) {
      if (!((tl == n || (tl == n + 1 && tok[n] == 's')) &&
            memcmp(tok, word, n) == 0))
        return 0;
    } else if (tl < n || memcmp(tok, word, n) != 0 ||
               !ending(word, n, tok + n, tl - n)) {
      return 0;
    }
  }
  return kw->nwords;
}

/* Longest first word of a topic keyword that score() looks up, in bytes
 * (those in ontology/lexicon/topics.tsv have at most 20; lexicon.h). */
#define KW_FIRST_MAX NGI_KW_FIRST_MAX

/* Add the keyword hits of tokens [t0, t1) to counts[]. */
static void score(const ng_doc *d, int t0, int t1, int *counts) {
  const ng_lexicon *lex = d->lex;
  for (int i = t0; i < t1; i++) {
    const ngi_tok *t = &d->toks[i];
    if (!(t->flags & T_WORD) || (t->flags & T_NUM))
      continue;
    /* no prefix is a first word: known since the token was made */
    if ((t->lex & NGI_LEX_DONE) && !(t->lex & NGI_LEX_KWHIT))
      continue;
    size_t n = t->lowlen;
    /* prefixes no longer than a keyword's first word: one huge token (a
     * run of CJK, say) must not cost its length squared */
    size_t top = n < KW_FIRST_MAX ? n : KW_FIRST_MAX;
    size_t l0 = n < 3 ? n : 3;
    /* the shortest and longest prefix that is a first word, known
     * since the token was made: none outside them is */
    if (t->lex & NGI_LEX_DONE) {
      l0 = t->kw[0];
      top = t->kw[1];
    }
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


/* ------------------------------------------------------------ key phrases */

typedef struct tstate {
  ng_doc *d;
  ngi_kpset k;
  int *loc;              /* per candidate: weighted uses in the range */
  int *co;               /* per candidate: uses beside the head */
  int *touched;          /* candidates with loc > 0 */
  size_t ntouched;
  int *touched2;         /* candidates with co > 0 */
  size_t ntouched2;
  unsigned char *hsent;  /* per sentence: holds the head */
  int *stem_topic;       /* per stem: the topic whose label uses it, or -1 */
  int *hits;             /* scheme keyword hits: (concept, count) pairs */
  size_t *hoff;          /* per paragraph: its first pair in hits[] */
  int *counts;           /* per concept, scratch */
} tstate;

/* First occurrence at or after token a (occurrences are in text order). */
static size_t occ_from(const tstate *ts, int a) {
  size_t lo = 0, hi = ts->k.nocc;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ts->k.occ[mid].t0 < a)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* loc[] := weighted uses of each candidate inside tokens [a, b). */
static void count_range(tstate *ts, int a, int b) {
  for (size_t i = 0; i < ts->ntouched; i++)
    ts->loc[ts->touched[i]] = 0;
  ts->ntouched = 0;
  for (size_t i = occ_from(ts, a); i < ts->k.nocc && ts->k.occ[i].t0 < b;
       i++) {
    const ngi_kpocc *o = &ts->k.occ[i];
    if (o->t1 > b)
      continue;
    if (!ts->loc[o->kp])
      ts->touched[ts->ntouched++] = o->kp;
    ts->loc[o->kp] += o->w;
  }
}

static int clashes(const tstate *ts, const ngi_kp *p) {
  for (int i = 0; i < p->nw; i++)
    if (ts->stem_topic[p->stem[i]] >= 0)
      return ts->stem_topic[p->stem[i]];
  return -1;
}

/* Is candidate x better than y in the range (x, y may be -1)? */
static int better(const tstate *ts, int x, int y) {
  if (y < 0)
    return 1;
  const ngi_kp *p = &ts->k.kp[x], *q = &ts->k.kp[y];
  double a = ngi_kp_score(p, ts->loc[x]), b = ngi_kp_score(q, ts->loc[y]);
  if (a != b)
    return a < b;
  return p->t0 != q->t0 ? p->t0 < q->t0 : p->t1 < q->t1;
}

/* The best head of the range counted: *fresh gets the best one that no
 * topic uses yet (or -1), the return value the best of all (or -1). */
static int best_head(const tstate *ts, int minloc, int *fresh) {
  int best = -1;
  *fresh = -1;
  for (size_t i = 0; i < ts->ntouched; i++) {
    int c = ts->touched[i];
    const ngi_kp *p = &ts->k.kp[c];
    if (!p->head || ts->loc[c] < minloc)
      continue;
    if (better(ts, c, best))
      best = c;
    if (clashes(ts, p) < 0 && better(ts, c, *fresh))
      *fresh = c;
  }
  return best;
}

/* The phrase most used beside head h in the sentences of tokens [a, b)
 * (loc[] counted on that range), or -1.  Leaves hsent[] marked. */
static int second_of(tstate *ts, int h, int a, int b) {
  const ng_doc *d = ts->d;
  size_t o0 = occ_from(ts, a);
  for (size_t i = o0; i < ts->k.nocc && ts->k.occ[i].t0 < b; i++)
    if (ts->k.occ[i].kp == h && ts->k.occ[i].t1 <= b)
      ts->hsent[d->toks[ts->k.occ[i].t0].sent] = 1;
  int best = -1;
  const ngi_kp *hp = &ts->k.kp[h];
  for (size_t i = o0; i < ts->k.nocc && ts->k.occ[i].t0 < b; i++) {
    const ngi_kpocc *o = &ts->k.occ[i];
    const ngi_kp *q = &ts->k.kp[o->kp];
    if (o->t1 > b || !ts->hsent[d->toks[o->t0].sent] || o->kp == h ||
        !q->second ||
        ngi_kp_share(q, hp) || clashes(ts, q) >= 0)
      continue;
    if (!ts->co[o->kp])
      ts->touched2[ts->ntouched2++] = o->kp;
    ts->co[o->kp]++;
  }
  /* association: uses beside the head, squared, over all its uses in the
   * range, so that a name found everywhere ("UK") does not win */
  double ba = 0;
  for (size_t i = 0; i < ts->ntouched2; i++) {
    int c = ts->touched2[i];
    double x = (double)ts->co[c] * ts->co[c] / (ts->loc[c] > 0 ? ts->loc[c] : 1);
    if (best < 0 || x > ba || (x == ba && better(ts, c, best)))
      best = c, ba = x;
  }
  for (size_t i = 0; i < ts->ntouched2; i++)
    ts->co[ts->touched2[i]] = 0;
  ts->ntouched2 = 0;
  return best;
}

/* Words that may join two phrases in a label read off the text:
 * "investment in construction", "the theft of the toilet". */
static const char *const joiners[] = {
  "of", "for", "in", "on", "at", "to", "from", "with", "over", "against",
  "between", "and", "the", "a", "an", "-", "&", NULL};

/* Tokens [t0, t1) between two phrases: a few joining words at most. */
static int joined(const ng_doc *d, int t0, int t1) {
  if (t1 - t0 > 3)
    return 0;
  for (int i = t0; i < t1; i++) {
    int ok = 0;
    for (int j = 0; joiners[j] && !ok; j++)
      ok = ngi_tok_is(&d->toks[i], joiners[j]);
    if (!ok || (d->toks[i].flags & T_QUOTE))
      return 0;
  }
  return 1;
}

#define SPAN_MAX 8 /* tokens of a label read off the text */

/* The label of head h with second phrase q (or -1) in tokens [a, b): the
 * shortest stretch of one sentence where the two stand together, joined
 * by a few words such as "of the" at most; else the two joined by "and".
 * Clears hsent[]. */
static const char *label_of(tstate *ts, int h, int q, int a, int b) {
  ng_doc *d = ts->d;
  size_t o0 = occ_from(ts, a);
  int hs = -1, he = -1;          /* the head's first use in the range */
  int qs = -1, qe = -1;
  int bs = -1, be = -1;          /* best span */
  int lh = -1, lq = -1, lsent = -1; /* latest uses in the current sentence */
  for (size_t i = o0; i < ts->k.nocc && ts->k.occ[i].t0 < b; i++) {
    const ngi_kpocc *o = &ts->k.occ[i];
    if (o->t1 > b || (o->kp != h && o->kp != q))
      continue;
    int s = d->toks[o->t0].sent;
    ts->hsent[s] = 0;
    if (s != lsent)
      lh = lq = -1, lsent = s;
    if (o->kp == h) {
      if (hs < 0)
        hs = o->t0, he = o->t1;
      lh = (int)i;
    } else {
      if (qs < 0)
        qs = o->t0, qe = o->t1;
      lq = (int)i;
    }
    if (lh >= 0 && lq >= 0) {
      const ngi_kpocc *x = &ts->k.occ[lh], *y = &ts->k.occ[lq];
      int s0 = x->t0 < y->t0 ? x->t0 : y->t0;
      int s1 = x->t1 > y->t1 ? x->t1 : y->t1;
      int apart = x->t1 <= y->t0 ? joined(d, x->t1, y->t0)
                  : y->t1 <= x->t0 ? joined(d, y->t1, x->t0) : 0;
      if (s1 - s0 <= SPAN_MAX && apart && (bs < 0 || s1 - s0 < be - bs)) {
        bs = s0;
        be = s1;
      }
    }
  }
  for (size_t i = o0; i < ts->k.nocc && ts->k.occ[i].t0 < b; i++)
    ts->hsent[d->toks[ts->k.occ[i].t0].sent] = 0;
  if (hs < 0)
    hs = ts->k.kp[h].t0, he = ts->k.kp[h].t1;
  char *label;
  if (bs >= 0) {
    label = (char *)ngi_span_text(d, bs, be);
  } else if (qs >= 0) {
    const char *x = ngi_span_text(d, hs, he), *y = ngi_span_text(d, qs, qe);
    size_t lx = x ? strlen(x) : 0, ly = y ? strlen(y) : 0;
    label = x && y ? ngi_alloc_raw(&d->arena, lx + ly + 6) : NULL;
    if (label) {
      memcpy(label, x, lx);
      memcpy(label + lx, " and ", 5);
      memcpy(label + lx + 5, y, ly + 1);
    }
  } else {
    label = (char *)ngi_span_text(d, hs, he);
  }
  if (label && label[0] >= 'a' && label[0] <= 'z')
    label[0] = (char)(label[0] - 'a' + 'A');
  return label;
}

/* A topic headed by candidate h (second phrase from the sentences of
 * tokens [a, b)), loc[] counted on that range.  Its index, -1 when out of
 * memory. */
static int phrase_topic(tstate *ts, int h, int a, int b) {
  ng_doc *d = ts->d;
  int q = second_of(ts, h, a, b);
  const char *label = label_of(ts, h, q, a, b);
  int t = label ? find_topic(d, label, label, NULL, 1) : -1;
  if (t < 0)
    return -1;
  d->topics[t].article = 1;
  const ngi_kp *p = &ts->k.kp[h];
  for (int i = 0; i < p->nw; i++)
    if (ts->stem_topic[p->stem[i]] < 0)
      ts->stem_topic[p->stem[i]] = t;
  if (q >= 0)
    for (int i = 0; i < ts->k.kp[q].nw; i++)
      if (ts->stem_topic[ts->k.kp[q].stem[i]] < 0)
        ts->stem_topic[ts->k.kp[q].stem[i]] = t;
  return t;
}

/* The scheme concept with most keyword hits in paragraphs [p0, p1). */
static const char *broader_paras(const tstate *ts, int p0, int p1, int min) {
  const ng_doc *d = ts->d;
  size_t nt = d->lex->ntopics;
  memset(ts->counts, 0, nt * sizeof *ts->counts);
  for (size_t i = ts->hoff[p0]; i < ts->hoff[p1]; i += 2)
    ts->counts[ts->hits[i]] += ts->hits[i + 1];
  int b = best_of(ts->counts, nt, min);
  return b >= 0 ? d->lex->topics[b].id : NULL;
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

#define MAX_TOPICS 5     /* key-phrase topics of an article at most */
#define MIN_TOPICS 3     /* ... and at least, when it has the words */
#define BLOCK_SENTS 4    /* body sentences per subject block, roughly */
#define BLOCK_PARAS 2    /* paragraphs in a subject block at least */

/* Key-phrase topics of paragraphs [p0, p1) (the body, or what comes
 * before the first heading when want is 1); the headline counts with
 * the first block.  Sets para_topic[] of those paragraphs. */
static ng_status phrase_topics(tstate *ts, int p0, int p1, int want,
                               const char *category) {
  int *counts = ts->counts;
  ng_doc *d = ts->d;
  if (p0 >= p1 || !ts->k.nkp)
    return NG_OK;
  int nsent = 0;
  for (size_t s = 0; s < d->nsents; s++)
    nsent += d->sents[s].para >= p0 && d->sents[s].para < p1;
  int max = want > 1 ? nsent / BLOCK_SENTS : 1;
  if (max > MAX_TOPICS)
    max = MAX_TOPICS;
  if (max < 1)
    max = 1;
  int starts[MAX_TOPICS + 1];
  int nb = ngi_tile(d, ts->k.tokstem, ts->k.nstems, p0, p1, max, BLOCK_PARAS,
                    starts);
  if (nb < 0)
    return NG_ENOMEM;
  int made = 0;
  for (int b = 0; b < nb; b++) {
    int pb = starts[b], pe = b + 1 < nb ? starts[b + 1] : p1;
    int a = b == 0 ? 0 : d->paras[pb].t0, z = d->paras[pe - 1].t1;
    count_range(ts, a, z);
    int fresh, any = best_head(ts, 1, &fresh);
    int t = -1;
    if (fresh >= 0 && made < MAX_TOPICS) {
      if ((t = phrase_topic(ts, fresh, a, z)) < 0)
        return NG_ENOMEM;
      d->topics[t].broader = broader_paras(ts, b == 0 ? 0 : pb, pe, 1);
      if (!d->topics[t].broader)
        d->topics[t].broader = category;
      made++;
    } else if (any >= 0) {
      t = clashes(ts, &ts->k.kp[any]); /* the same subject again */
    } else if (b > 0) {
      t = d->para_topic[starts[b - 1]];
    }
    for (int p = pb; p < pe; p++)
      if (!d->paras[p].heading)
        d->para_topic[p] = t;
  }
  /* too few subjects: the article's best phrases not used yet */
  /* a longer article has more: one per BLOCK_SENTS sentences */
  int goal = nsent / BLOCK_SENTS;
  goal = goal < MIN_TOPICS ? MIN_TOPICS : goal > want ? want : goal;
  int a = 0, z = d->paras[p1 - 1].t1;
  if (made < goal)
    count_range(ts, a, z);
  while (made < goal) {
    int fresh;
    best_head(ts, 1, &fresh);
    if (fresh < 0)
      break;
    int t = phrase_topic(ts, fresh, a, z);
    if (t < 0)
      return NG_ENOMEM;
    const ngi_kp *p = &ts->k.kp[fresh];
    int s = d->toks[p->t0].sent;
    d->topics[t].broader = broader_of(d, d->sents[s].t0, d->sents[s].t1,
                                      counts, 1);
    if (!d->topics[t].broader)
      d->topics[t].broader = category;
    made++;
  }
  /* blocks that found no subject: the next block's, or the first topic */
  for (int p = p1 - 1; p >= p0; p--)
    if (d->para_topic[p] < 0 && !d->paras[p].heading && p + 1 < p1)
      d->para_topic[p] = d->para_topic[p + 1];
  return NG_OK;
}

ng_status ngi_find_topics(ng_doc *d) {
  const ng_lexicon *lex = d->lex;
  size_t nt = lex->ntopics;
  int *counts = calloc(nt + 1, sizeof *counts);
  int *total = calloc(nt + 1, sizeof *total);
  d->para_topic = ngi_alloc(&d->arena, (d->nparas + 1) * sizeof(int));
  ng_status st = NG_OK;
  tstate ts;
  memset(&ts, 0, sizeof ts);
  ts.d = d;
  if (!counts || !total || !d->para_topic) {
    st = NG_ENOMEM;
    goto out;
  }
  int headings = 0, first_heading = (int)d->nparas;
  for (size_t p = 0; p < d->nparas; p++)
    if (d->paras[p].heading == 1) {
      headings++;
      if ((int)p < first_heading)
        first_heading = (int)p;
    }
  /* 1. the scheme concepts: the article's categories */
  ts.counts = counts;
  ts.hoff = ngi_alloc(&d->arena, (d->nparas + 1) * sizeof *ts.hoff);
  if (!ts.hoff) {
    st = NG_ENOMEM;
    goto out;
  }
  size_t nhits = 0, caphits = 0;
  for (size_t p = 0; p < d->nparas; p++) {
    d->para_topic[p] = -1;
    ts.hoff[p] = nhits;
    memset(counts, 0, nt * sizeof *counts);
    score(d, d->paras[p].t0, d->paras[p].t1, counts);
    for (size_t i = 0; i < nt; i++) {
      if (!counts[i])
        continue;
      total[i] += counts[i];
      int *h = NGI_PUSH(&d->arena, ts.hits, nhits, caphits);
      int *c = h ? NGI_PUSH(&d->arena, ts.hits, nhits, caphits) : NULL;
      if (!c) {
        st = NG_ENOMEM;
        goto out;
      }
      ts.hits[nhits - 2] = (int)i;
      ts.hits[nhits - 1] = counts[i];
    }
  }
  ts.hoff[d->nparas] = nhits;
  const char *category = NULL;
  int top = best_of(total, nt, 2);
  if (top >= 0) {
    int c = find_topic(d, lex->topics[top].id, lex->topics[top].label,
                       lex->topics[top].iptc, 0);
    if (c < 0) {
      st = NG_ENOMEM;
      goto out;
    }
    d->topics[c].article = 1;
    category = lex->topics[top].id;
    /* a second category when nearly as strong */
    int keep = total[top];
    total[top] = 0;
    int next = best_of(total, nt, 3);
    if (next >= 0 && total[next] * 3 >= keep * 2) {
      c = find_topic(d, lex->topics[next].id, lex->topics[next].label,
                     lex->topics[next].iptc, 0);
      if (c < 0) {
        st = NG_ENOMEM;
        goto out;
      }
      d->topics[c].article = 1;
    }
  }
  /* 2. section headings */
  if (headings >= 2)
    for (size_t p = 0; p < d->nparas; p++) {
      ngi_para *pa = &d->paras[p];
      if (pa->heading == 1) {
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
        d->topics[t].broader = broader_paras(&ts, (int)p, (int)q, 2);
        d->para_topic[p] = t;
      } else if (pa->section >= 0) {
        d->para_topic[p] = d->para_topic[pa->section];
      }
    }
  /* 3. key phrases: the subjects of an article without sections, or of
   * what comes before the first heading */
  size_t nk;
  if ((st = ngi_keyphrases(d, &ts.k)))
    goto out;
  nk = ts.k.nkp + 1;
  ts.loc = ngi_alloc(&d->arena, nk * sizeof *ts.loc);
  ts.co = ngi_alloc(&d->arena, nk * sizeof *ts.co);
  ts.touched = ngi_alloc(&d->arena, nk * sizeof *ts.touched);
  ts.touched2 = ngi_alloc(&d->arena, nk * sizeof *ts.touched2);
  ts.hsent = ngi_alloc(&d->arena, d->nsents + 1);
  ts.stem_topic = ngi_alloc_raw(&d->arena, ((size_t)ts.k.nstems + 1) *
                                               sizeof *ts.stem_topic);
  if (!ts.loc || !ts.co || !ts.touched || !ts.touched2 || !ts.hsent ||
      !ts.stem_topic) {
    st = NG_ENOMEM;
    goto out;
  }
  for (int i = 0; i <= ts.k.nstems; i++)
    ts.stem_topic[i] = -1;
  if (headings >= 2)
    st = phrase_topics(&ts, 1, first_heading, 1, category);
  else
    st = phrase_topics(&ts, 1, (int)d->nparas, MAX_TOPICS, category);
  if (st)
    goto out;
  /* paragraphs with no topic of their own: the article's first one */
  int first = -1;
  for (size_t i = 0; i < d->ntopics && first < 0; i++)
    if (d->topics[i].article && d->topics[i].from_heading)
      first = (int)i;
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
