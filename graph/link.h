/* link.h - the name helpers of the entity linker (graph/link.c), shared
 * with its unit test.  The linker itself is public: ng_store_link and
 * ng_store_query_merged in include/newsgraph.h.
 */
#ifndef NG_LINK_H
#define NG_LINK_H

#include <stddef.h>

/* The transliteration key of one lower-case ASCII name token: ks->x,
 * kh->h, ph->f, w->v, ck->k, q->k, dh->d, y->i, doubled letters
 * once ("Aleksey" and "Alexei" -> "alexei", "Ryabkov" and "Riabkov" ->
 * "riabkov").  Writes at most n bytes with the NUL into out. */
void ngi_link_fold(const char *tok, char *out, size_t n);

/* Levenshtein distance of two short strings, capped at cap + 1. */
size_t ngi_link_distance(const char *a, const char *b, size_t cap);

#endif /* NG_LINK_H */
