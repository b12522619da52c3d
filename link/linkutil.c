/* linkutil.c - the small string maps, growable arrays and error
 * recording the entity linker's files (link/) share.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link.h"
#include "util/str.h"

/* Append x to a growable int array; -1 on out of memory. */
int
ngi_link_ipush(int **a, size_t *n, size_t *cap, int x)
{
  if(*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 4;
    int *na = realloc(*a, nc * sizeof *na);
    if(!na)
      return -1;
    *a = na;
    *cap = nc;
  }
  (*a)[(*n)++] = x;
  return 0;
}

int
ngi_link_spush(char ***a, size_t *n, size_t *cap, char *s)
{
  if(*n == *cap) {
    size_t nc = *cap ? *cap * 2 : 4;
    char **na = realloc(*a, nc * sizeof *na);
    if(!na)
      return -1;
    *a = na;
    *cap = nc;
  }
  (*a)[(*n)++] = s;
  return 0;
}

int
ngi_link_sfind(char **a, size_t n, const char *s)
{
  size_t i;

  for(i = 0; i < n; i++)
    if(!strcmp(a[i], s))
      return 1;
  return 0;
}


static size_t
hash(const char *s)
{
  size_t h = 2166136261u;

  for(; *s; s++)
    h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

void
ngi_smap_free(ngi_smap *m)
{
  size_t i;

  for(i = 0; i < m->cap; i++)
    free(m->keys ? m->keys[i] : NULL);
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}

static int *
smap_slot(ngi_smap *m, const char *k, int *found)
{
  size_t i;

  *found = 0;
  if(!m->cap)
    return NULL;
  for(i = hash(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
    if(!strcmp(m->keys[i], k)) {
      *found = 1;
      return &m->vals[i];
    }
  return &m->vals[i];
}

int
ngi_smap_get(const ngi_smap *m, const char *k, int dflt)
{
  int found;
  int *v = smap_slot((ngi_smap *)m, k, &found);

  return found ? *v : dflt;
}

/* Set k to v (a copy of k is kept); -1 on out of memory. */
int
ngi_smap_put(ngi_smap *m, const char *k, int v)
{
  int found;
  int *slot;

  if((m->n + 1) * 2 > m->cap) {
    ngi_smap old = *m;
    size_t i, nc = m->cap ? m->cap * 2 : 64;

    m->keys = calloc(nc, sizeof *m->keys);
    m->vals = calloc(nc, sizeof *m->vals);
    if(!m->keys || !m->vals) {
      free(m->keys);
      free(m->vals);
      *m = old;
      return -1;
    }
    m->cap = nc;
    m->n = 0;
    for(i = 0; i < old.cap; i++)
      if(old.keys[i]) {
        size_t j = hash(old.keys[i]) & (nc - 1);
        while(m->keys[j])
          j = (j + 1) & (nc - 1);
        m->keys[j] = old.keys[i];
        m->vals[j] = old.vals[i];
        m->n++;
      }
    free(old.keys);
    free(old.vals);
  }
  slot = smap_slot(m, k, &found);
  if(!found) {
    size_t i = (size_t)(slot - m->vals);
    m->keys[i] = ngi_str_dup(k);
    if(!m->keys[i])
      return -1;
    m->n++;
  }
  *slot = v;
  return 0;
}

void
ngi_link_err(linker *L, ng_status rc, const char *fmt, ...)
{
  va_list ap;

  if(L->rc != NG_OK)
    return;
  L->rc = rc;
  if(L->err) {
    va_start(ap, fmt);
    vsnprintf(L->err, NG_ERRLEN, fmt, ap);
    va_end(ap);
  }
}


