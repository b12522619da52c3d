/* idmap.h - store/: a string-keyed hash (open addressing) from a term's
 * key to its row id in the sqlite store and, for SPARQL, its rasqal
 * literal.  Used by source.c (reading) and sqlw.c (writing).  Internal.
 */
#ifndef NG_STORE_IDMAP_H
#define NG_STORE_IDMAP_H

#include <stddef.h>
#include <stdint.h>

#include <rasqal.h>

typedef struct ngi_ident {
  char *key;
  int64_t id;          /* -1 when the store has no such term */
  rasqal_literal *lit; /* a reference, freed with the map; or NULL */
} ngi_ident;

typedef struct ngi_idmap {
  ngi_ident *v;
  size_t n, cap;
} ngi_idmap;

/* The entry of key, or NULL. */
ngi_ident *ngi_idmap_find(ngi_idmap *m, const char *key);

/* The entry of key, added (id -1, no literal) when missing; NULL on out
 * of memory. */
ngi_ident *ngi_idmap_put(ngi_idmap *m, const char *key);

/* Free every entry (and its literal); the map is empty and usable. */
void ngi_idmap_clear(ngi_idmap *m);

#endif /* NG_STORE_IDMAP_H */
