/* idmap.c - the term key -> row id hash of store/ (idmap.h). */
#include <stdlib.h>
#include <string.h>

#include "idmap.h"
#include "util/str.h"

static uint64_t
hash_key(const char *s)
{
  uint64_t h = 1469598103934665603ULL;

  for(; *s; s++) {
    h ^= (unsigned char)*s;
    h *= 1099511628211ULL;
  }
  return h;
}

static ngi_ident *
slot(ngi_idmap *m, const char *key)
{
  size_t mask = m->cap - 1, i = (size_t)hash_key(key) & mask;

  while(m->v[i].key && strcmp(m->v[i].key, key))
    i = (i + 1) & mask;
  return &m->v[i];
}

ngi_ident *
ngi_idmap_find(ngi_idmap *m, const char *key)
{
  ngi_ident *e;

  if(!m->cap)
    return NULL;
  e = slot(m, key);
  return e->key ? e : NULL;
}

ngi_ident *
ngi_idmap_put(ngi_idmap *m, const char *key)
{
  ngi_ident *e;

  if(2 * (m->n + 1) > m->cap) {
    ngi_idmap old = *m;
    size_t i;
    m->cap = old.cap ? 2 * old.cap : 1024;
    m->v = calloc(m->cap, sizeof *m->v);
    if(!m->v) {
      *m = old;
      return NULL;
    }
    for(i = 0; i < old.cap; i++)
      if(old.v[i].key)
        *slot(m, old.v[i].key) = old.v[i];
    free(old.v);
  }
  e = slot(m, key);
  if(!e->key) {
    e->key = ngi_str_dup(key);
    if(!e->key)
      return NULL;
    e->id = -1;
    e->lit = NULL;
    m->n++;
  }
  return e;
}

void
ngi_idmap_clear(ngi_idmap *m)
{
  size_t i;

  for(i = 0; i < m->cap; i++) {
    free(m->v[i].key);
    if(m->v[i].lit)
      rasqal_free_literal(m->v[i].lit);
  }
  free(m->v);
  memset(m, 0, sizeof *m);
}
