/* arena.h - bump allocator, string helpers and a string hash map.
 *
 * One arena per document (and one per lexicon): everything extracted is
 * allocated here and released at once by ngi_arena_release().  Allocation
 * failure is reported by a NULL return and a sticky `failed` flag, so long
 * pipelines can check once at the end.
 */
#ifndef NG_ARENA_H
#define NG_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct ngi_block ngi_block;

typedef struct ngi_arena {
  ngi_block *head;
  int failed;           /* set once any allocation failed */
} ngi_arena;

void ngi_arena_init(ngi_arena *a);
void ngi_arena_release(ngi_arena *a);
void *ngi_alloc(ngi_arena *a, size_t n);            /* zeroed */
void *ngi_alloc_raw(ngi_arena *a, size_t n);        /* not zeroed */
char *ngi_strndup(ngi_arena *a, const char *s, size_t n);
char *ngi_strdup(ngi_arena *a, const char *s);
/* Grow an arena array: returns a copy with room for `want` items. */
void *ngi_grow(ngi_arena *a, void *old, size_t size, size_t have,
               size_t *cap, size_t want);

/* Shrink an array that ngi_grow made to its n items (when it has a block
 * of its own); returns it, moved or not. */
void *ngi_shrink(ngi_arena *a, void *arr, size_t size, size_t n,
                 size_t *cap);

/* Append to an arena vector: `ARR` pointer, `N` count, `CAP` capacity. */
#define NGI_PUSH(A, ARR, N, CAP)                                          \
  (((N) < (CAP) ||                                                       \
    ((ARR) = ngi_grow((A), (ARR), sizeof *(ARR), (N), &(CAP), (N) + 1))) \
       ? &(ARR)[(N)++]                                                   \
       : NULL)

/* Open-addressing hash map from NUL-terminated strings to intptr_t.
 * Keys are not copied: they must outlive the map (arena strings).  One
 * array of entries, so that a probe touches one cache line.  A key is
 * kept as an integer: the address of the string, or, in a map read from
 * the lexicon cache (kbase != 0), its offset from kbase; 0 is an empty
 * slot either way. */
typedef struct ngi_mapent {
  uint64_t h;           /* ngi_hash of the key: compared before the bytes */
  uintptr_t key;
  intptr_t val;
} ngi_mapent;

typedef struct ngi_map {
  ngi_mapent *ents;
  size_t cap, n;
  uintptr_t kbase;      /* 0, or where the keys are offsets from */
  int borrowed;         /* ents belong to a mapped cache: not freed */
  uint32_t bit;         /* a lexicon map's bit in its word index, else 0 */
} ngi_map;

/* The key of slot j, or NULL for an empty slot. */
static inline const char *ngi_map_key(const ngi_map *m, size_t j) {
  return m->ents[j].key ? (const char *)(m->kbase + m->ents[j].key) : NULL;
}

void ngi_map_init(ngi_map *m);
void ngi_map_release(ngi_map *m);
/* Insert or replace; returns 0, or -1 when out of memory. */
int ngi_map_put(ngi_map *m, const char *key, intptr_t val);
/* The same for a key of n bytes (NUL-terminated) whose ngi_hash h is
 * known. */
int ngi_map_puth(ngi_map *m, const char *key, size_t n, uint64_t h,
                 intptr_t val);
/* Room for n keys in an empty map, so that filling it does not grow it
 * step by step; returns 0, or -1 when out of memory. */
int ngi_map_reserve(ngi_map *m, size_t n);
/* Returns 1 and sets *val when found (val may be NULL). */
int ngi_map_get(const ngi_map *m, const char *key, intptr_t *val);
int ngi_map_getn(const ngi_map *m, const char *key, size_t n, intptr_t *val);
/* The same with the key's hash (ngi_hash) already known. */
int ngi_map_geth(const ngi_map *m, const char *key, size_t n, uint64_t h,
                 intptr_t *val);

uint64_t ngi_hash(const char *s, size_t n);

#endif
