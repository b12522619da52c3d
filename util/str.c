/* str.c - the string helpers of util/ (see str.h): strdup is POSIX, not
 * C11, so the library has its own.
 */
#include "str.h"

#include <stdlib.h>
#include <string.h>

char *
ngi_str_dup(const char *s)
{
  size_t n;
  char *d;

  if(!s)
    return NULL;
  n = strlen(s) + 1;
  d = malloc(n);
  if(d)
    memcpy(d, s, n);
  return d;
}

char *
ngi_str_cat2(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  char *p = malloc(la + lb + 1);

  if(p) {
    memcpy(p, a, la);
    memcpy(p + la, b, lb + 1);
  }
  return p;
}
