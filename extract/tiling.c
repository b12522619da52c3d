/* tiling.c - TextTiling: where an article turns to another subject.
 *
 * Hearst (Computational Linguistics 23(1), 1997): at every gap between
 * sentences, compare the content words of the WINDOW sentences before it
 * with those of the WINDOW sentences after it (cosine of their counts, on
 * word stems).  A gap where the similarity dips below the peaks on both
 * sides (its depth: the climb to the left peak plus the climb to the right
 * peak) is a subject boundary when the depth is above mean - sd / 2 of the
 * depths.  News changes subject at paragraph breaks, so only gaps that are
 * paragraph breaks are cut; the deepest first, while every block keeps
 * its minimum size, up to the number of blocks asked for.
 *
 * The windows slide one sentence at a time, updating the dot product and
 * the two norms word by word, and the peaks are found in one pass each
 * way: linear in the article.  Ties go to the earlier gap.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tiling.h"

#define WINDOW 3 /* sentences on each side of a gap */

typedef struct side {
  int *c;          /* count per stem */
  int64_t norm;    /* sum of squared counts */
} side;

typedef struct gap {
  int para;        /* first paragraph after the gap */
  int sents;       /* body sentences before it */
  double sim, depth;
} gap;

/* Move sentence s into (sign 1) or out of (sign -1) side a; b is the
 * other side, *dot their dot product. */
static void shift(const ng_doc *d, const int *tokstem, int s, side *a,
                  const side *b, int64_t *dot, int sign) {
  for (int i = d->sents[s].t0; i < d->sents[s].t1; i++) {
    int x = tokstem[i];
    if (x < 0)
      continue;
    if (sign > 0) {
      a->norm += 2 * (int64_t)a->c[x] + 1;
      a->c[x]++;
      *dot += b->c[x];
    } else {
      a->c[x]--;
      a->norm -= 2 * (int64_t)a->c[x] + 1;
      *dot -= b->c[x];
    }
  }
}

static int by_depth(const void *x, const void *y) {
  const gap *a = *(const gap *const *)x, *b = *(const gap *const *)y;
  if (a->depth != b->depth)
    return a->depth < b->depth ? 1 : -1;
  return a->para - b->para;
}

int ngi_tile(ng_doc *d, const int *tokstem, int nstems, int p0, int p1,
             int max, int minparas, int *starts) {
  if (p0 >= p1)
    return 0;
  starts[0] = p0;
  /* the sentences of the block */
  int s0 = -1, s1 = -1;
  for (size_t s = 0; s < d->nsents; s++) {
    int p = d->sents[s].para;
    if (p >= p0 && p < p1) {
      if (s0 < 0)
        s0 = (int)s;
      s1 = (int)s + 1;
    }
  }
  if (max < 2 || s0 < 0 || s1 - s0 < 2 * WINDOW || p1 - p0 < 2 * minparas)
    return 1;
  side L = {ngi_alloc(&d->arena, (size_t)(nstems + 1) * sizeof(int)), 0};
  side R = {ngi_alloc(&d->arena, (size_t)(nstems + 1) * sizeof(int)), 0};
  gap *gaps = ngi_alloc(&d->arena, (size_t)(p1 - p0 + 1) * sizeof *gaps);
  gap **order = ngi_alloc(&d->arena, (size_t)(p1 - p0 + 1) * sizeof *order);
  if (!L.c || !R.c || !gaps || !order)
    return -1;
  int64_t dot = 0;
  int ng = 0;
  /* the gap before sentence g: left [g - WINDOW, g), right [g, g + WINDOW) */
  shift(d, tokstem, s0, &L, &R, &dot, 1);
  for (int s = s0 + 1; s < s1 && s < s0 + 1 + WINDOW; s++)
    shift(d, tokstem, s, &R, &L, &dot, 1);
  for (int g = s0 + 1; g < s1; g++) {
    if (d->sents[g].para != d->sents[g - 1].para) {
      gap *x = &gaps[ng++];
      x->para = d->sents[g].para;
      x->sents = g - s0;
      x->sim = L.norm && R.norm ? (double)dot / sqrt((double)L.norm *
                                                     (double)R.norm)
                                : 0;
    }
    /* slide: g leaves the right for the left */
    if (g - WINDOW >= s0)
      shift(d, tokstem, g - WINDOW, &L, &R, &dot, -1);
    shift(d, tokstem, g, &R, &L, &dot, -1);
    shift(d, tokstem, g, &L, &R, &dot, 1);
    if (g + WINDOW < s1)
      shift(d, tokstem, g + WINDOW, &R, &L, &dot, 1);
  }
  if (ng < 1)
    return 1;
  /* depths: climb to the peak on each side (one pass each way) */
  double *lp = ngi_alloc_raw(&d->arena, (size_t)ng * sizeof *lp);
  double *rp = ngi_alloc_raw(&d->arena, (size_t)ng * sizeof *rp);
  if (!lp || !rp)
    return -1;
  for (int i = 0; i < ng; i++)
    lp[i] = i > 0 && gaps[i - 1].sim >= gaps[i].sim
                ? (lp[i - 1] > gaps[i].sim ? lp[i - 1] : gaps[i].sim)
                : gaps[i].sim;
  for (int i = ng - 1; i >= 0; i--)
    rp[i] = i + 1 < ng && gaps[i + 1].sim >= gaps[i].sim
                ? (rp[i + 1] > gaps[i].sim ? rp[i + 1] : gaps[i].sim)
                : gaps[i].sim;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < ng; i++) {
    gaps[i].depth = (lp[i] - gaps[i].sim) + (rp[i] - gaps[i].sim);
    sum += gaps[i].depth;
    sum2 += gaps[i].depth * gaps[i].depth;
  }
  double mean = sum / ng, var = sum2 / ng - mean * mean;
  double cut = mean - (var > 0 ? sqrt(var) : 0) / 2;
  int no = 0;
  for (int i = 0; i < ng; i++)
    if (gaps[i].depth > cut && gaps[i].depth > 0)
      order[no++] = &gaps[i];
  qsort(order, (size_t)no, sizeof *order, by_depth);
  /* the deepest cuts that leave every block its minimum size */
  /* ps[p - p0]: sentences in paragraphs [p0, p) */
  int *ps = ngi_alloc(&d->arena, (size_t)(p1 - p0 + 1) * sizeof *ps);
  if (!ps)
    return -1;
  for (int s = s0; s < s1; s++)
    ps[d->sents[s].para - p0 + 1]++;
  for (int p = 1; p <= p1 - p0; p++)
    ps[p] += ps[p - 1];
  int nb = 1;
  for (int i = 0; i < no && nb < max; i++) {
    int c = order[i]->para;
    int lo = p0, hi = p1; /* the block it would split */
    for (int b = 0; b < nb; b++) {
      if (starts[b] <= c)
        lo = starts[b];
      else if (starts[b] < hi)
        hi = starts[b];
    }
    if (c - lo < minparas || hi - c < minparas)
      continue;
    /* at least WINDOW sentences each side as well */
    if (ps[c - p0] - ps[lo - p0] < WINDOW || ps[hi - p0] - ps[c - p0] < WINDOW)
      continue;
    int at = nb;
    while (at > 0 && starts[at - 1] > c)
      starts[at] = starts[at - 1], at--;
    starts[at] = c;
    nb++;
  }
  return nb;
}
