/* str.c - the string helper of util/ (see str.h): strdup is POSIX, not
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
