/* keyphrase.h - candidate key phrases of an article and their scores.
 *
 * Part of stage 5 (topics.c calls it; tiling.c uses its word ids).  The
 * candidates, their occurrences in text order and the word statistics are
 * all in the document's arena.
 */
#ifndef NG_KEYPHRASE_H
#define NG_KEYPHRASE_H

#include "doc.h"

#define NGI_KP_MAXW 3 /* content words in a candidate at most */

typedef struct ngi_kp {
  const char *key;        /* stems joined by one space: "gold toilet" */
  int t0, t1;             /* tokens of its first occurrence */
  int nw;                 /* content words */
  int stem[NGI_KP_MAXW];  /* their stem ids (ngi_kpset.nstems) */
  int tf;                 /* weighted uses: headline 3, first paragraph 2 */
  int head;               /* may head a topic: two words or more, one
                             common, or a coined term ("MMS") */
  int second;             /* may go with a head in its label: two words,
                             a name or a coined term */
  double s;               /* prod S(w) / (1 + sum S(w)): lower is better */
} ngi_kp;

typedef struct ngi_kpocc {
  int kp;                 /* index into kp[] */
  int t0, t1;             /* tokens */
  int w;                  /* weight: 3 headline, 2 first paragraph, else 1 */
} ngi_kpocc;

typedef struct ngi_kpset {
  ngi_kp *kp; size_t nkp;
  ngi_kpocc *occ; size_t nocc;    /* in text order (by t0, then t1) */
  int *tokstem;           /* per token: stem id of a content word, or -1 */
  int nstems;
} ngi_kpset;

/* Candidates and their YAKE-like scores.  NG_OK or NG_ENOMEM. */
ng_status ngi_keyphrases(ng_doc *d, ngi_kpset *k);

/* Score of candidate i given its (weighted) uses tf: lower is better. */
static inline double ngi_kp_score(const ngi_kp *p, int tf) {
  return tf > 0 ? p->s / tf : 1e300;
}

/* Do candidates a and b share a word stem (near-duplicates)? */
int ngi_kp_share(const ngi_kp *a, const ngi_kp *b);

#endif /* NG_KEYPHRASE_H */
