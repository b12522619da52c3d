/* arena.c - bump allocator and string hash map (see arena.h). */
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct ngi_block {
  ngi_block *next;
  size_t used, size;
  max_align_t data[];
};

#define BLOCK_MIN (64 * 1024)

static void *alloc_align(ngi_arena *a, size_t n, size_t align);

void ngi_arena_init(ngi_arena *a) {
  a->head = NULL;
  a->failed = 0;
}

void ngi_arena_release(ngi_arena *a) {
  ngi_block *b = a->head;
  while (b) {
    ngi_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
}

void *ngi_alloc(ngi_arena *a, size_t n) {
  void *p = ngi_alloc_raw(a, n);
  if (p)
    memset(p, 0, n);
  return p;
}

void *ngi_alloc_raw(ngi_arena *a, size_t n) {
  return alloc_align(a, n, sizeof(max_align_t));
}

/* Strings need no alignment: one short word then costs its own length,
 * not 16 bytes. */
static void *alloc_align(ngi_arena *a, size_t n, size_t align) {
  ngi_block *b = a->head;
  if (b) /* align is a power of two: a mask, not a division */
    b->used = (b->used + align - 1) & ~(align - 1);
  if (b && b->used > b->size)
    b->used = b->size;
  if (n == 0)
    n = align;
  if (!b || b->size - b->used < n) {
    size_t size = n > BLOCK_MIN ? n : BLOCK_MIN;
    b = malloc(sizeof *b + size);
    if (!b) {
      a->failed = 1;
      return NULL;
    }
    b->size = size;
    b->used = 0;
    if (a->head && n > BLOCK_MIN) {
      /* a big one-off: keep the current block for small allocations */
      b->next = a->head->next;
      a->head->next = b;
    } else {
      b->next = a->head;
      a->head = b;
    }
  }
  void *p = (char *)b->data + b->used;
  b->used += n;
  return p;
}

char *ngi_strndup(ngi_arena *a, const char *s, size_t n) {
  char *p = alloc_align(a, n + 1, 1);
  if (!p)
    return NULL;
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

char *ngi_strdup(ngi_arena *a, const char *s) {
  return ngi_strndup(a, s, strlen(s));
}

/* The block that holds exactly the big one-off allocation p, unlinked
 * from the list, or NULL when p is not one. */
static ngi_block *unlink_big(ngi_arena *a, void *p) {
  ngi_block *prev = a->head, *b;
  if (!prev)
    return NULL;
  for (b = prev->next; b; prev = b, b = b->next)
    if ((void *)b->data == p && b->size > BLOCK_MIN) {
      prev->next = b->next;
      return b;
    }
  return NULL;
}

void *ngi_grow(ngi_arena *a, void *old, size_t size, size_t have,
               size_t *cap, size_t want) {
  size_t ncap = *cap ? *cap : 8;
  while (ncap < want)
    ncap *= 2;
  /* A big array lives in a block of its own: resize that block rather
   * than leave every smaller copy behind in the arena (the token array
   * of a long text took four times its size). */
  if (old && ncap * size > BLOCK_MIN) {
    ngi_block *b = unlink_big(a, old);
    if (b) {
      ngi_block *nb = realloc(b, sizeof *b + ncap * size);
      if (!nb) {
        nb = b; /* still good: put it back */
        nb->next = a->head->next;
        a->head->next = nb;
        a->failed = 1;
        return NULL;
      }
      memset((char *)nb->data + have * size, 0, (ncap - have) * size);
      nb->size = nb->used = ncap * size;
      nb->next = a->head->next;
      a->head->next = nb;
      *cap = ncap;
      return nb->data;
    }
  }
  /* zeroed past the items copied, as ngi_alloc would: not twice */
  char *p = ngi_alloc_raw(a, ncap * size);
  if (!p)
    return NULL;
  size_t keep = old && have < ncap ? have : 0;
  if (keep)
    memcpy(p, old, keep * size);
  memset(p + keep * size, 0, (ncap - keep) * size);
  *cap = ncap;
  return p;
}

void *ngi_shrink(ngi_arena *a, void *arr, size_t size, size_t n,
                 size_t *cap) {
  ngi_block *b, *nb;

  if (!arr || n >= *cap || n * size <= BLOCK_MIN)
    return arr;
  b = unlink_big(a, arr);
  if (!b)
    return arr;
  nb = realloc(b, sizeof *b + n * size);
  if (!nb)
    nb = b; /* still good as it is */
  else {
    nb->size = nb->used = n * size;
    *cap = n;
  }
  nb->next = a->head->next;
  a->head->next = nb;
  return nb->data;
}

/* ------------------------------------------------------------ hash map */

uint64_t ngi_hash(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

void ngi_map_init(ngi_map *m) { memset(m, 0, sizeof *m); }

void ngi_map_release(ngi_map *m) {
  if (!m->borrowed)
    free(m->ents);
  memset(m, 0, sizeof *m);
}

static int map_resize(ngi_map *m, size_t cap) {
  ngi_mapent *ents = calloc(cap, sizeof *ents);
  if (!ents)
    return -1;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->ents[i].key)
      continue;
    size_t j = m->ents[i].h & (cap - 1);
    while (ents[j].key)
      j = (j + 1) & (cap - 1);
    ents[j] = m->ents[i];
  }
  if (!m->borrowed)
    free(m->ents);
  m->borrowed = 0;
  m->ents = ents;
  m->cap = cap;
  return 0;
}

int ngi_map_put(ngi_map *m, const char *key, intptr_t val) {
  size_t n = strlen(key);
  return ngi_map_puth(m, key, n, ngi_hash(key, n), val);
}

int ngi_map_reserve(ngi_map *m, size_t n) {
  size_t cap = 64;
  if (m->kbase || m->n)
    return m->kbase ? -1 : 0;
  while (cap < n * 2)
    cap *= 2;
  return cap > m->cap ? map_resize(m, cap) : 0;
}

int ngi_map_puth(ngi_map *m, const char *key, size_t n, uint64_t h,
                 intptr_t val) {
  (void)n; /* key is NUL-terminated at n */
  if (m->kbase)
    return -1; /* a map of the cache is read-only */
  if ((m->n + 1) * 2 > m->cap && map_resize(m, m->cap ? m->cap * 2 : 64))
    return -1;
  size_t j = h & (m->cap - 1);
  while (m->ents[j].key) {
    if (m->ents[j].h == h && strcmp((const char *)m->ents[j].key, key) == 0) {
      m->ents[j].val = val;
      return 0;
    }
    j = (j + 1) & (m->cap - 1);
  }
  m->ents[j].key = (uintptr_t)key;
  m->ents[j].val = val;
  m->ents[j].h = h;
  m->n++;
  return 0;
}

int ngi_map_getn(const ngi_map *m, const char *key, size_t n,
                 intptr_t *val) {
  if (!m->cap)
    return 0;
  return ngi_map_geth(m, key, n, ngi_hash(key, n), val);
}

int ngi_map_geth(const ngi_map *m, const char *key, size_t n, uint64_t h,
                 intptr_t *val) {
  if (!m->cap)
    return 0;
  size_t mask = m->cap - 1, j = h & mask;
  const ngi_mapent *e;
  while ((e = &m->ents[j])->key) {
    if (e->h == h) {
      /* keys are short: compared here rather than by a call */
      const char *k = (const char *)(m->kbase + e->key);
      size_t i = 0;
      while (i < n && k[i] == key[i])
        i++;
      if (i == n && k[n] == '\0') {
        if (val)
          *val = e->val;
        return 1;
      }
    }
    j = (j + 1) & mask;
  }
  return 0;
}

int ngi_map_get(const ngi_map *m, const char *key, intptr_t *val) {
  return ngi_map_getn(m, key, strlen(key), val);
}
