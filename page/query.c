/* query.c - the helpers of the pages read from the store (fromstore.c,
 * people.c): one query, row by row, with an IRI checked before it goes
 * into the query text; numbers and names out of the answers.
 */
#define _POSIX_C_SOURCE 200809L
#include "page.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void ngi_page_errf(char *err, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return;
  va_start(ap, fmt);
  vsnprintf(err, NG_ERRLEN, fmt, ap);
  va_end(ap);
}

/* An IRI that can be written between < and > in a query. */
int ngi_page_iri_ok(const char *s)
{
  size_t n = 0;

  if (s == NULL || strchr(s, ':') == NULL)
    return 0;
  for (; *s != '\0'; s++, n++) {
    unsigned char c = (unsigned char)*s;
    if (c <= 0x20 || c == 0x7f || strchr("<>\"{}|^`\\", c) != NULL)
      return 0;
  }
  return n > 0 && n < 4096;
}


/* Run the query made of fmt with the IRI iri (may be NULL) and call fn on
 * each row; fn returns -1 on out of memory. */
ng_status ngi_page_each_row(ng_store *st, const char *fmt, const char *iri,
                          ngi_page_row_fn fn, void *arg, char *err)
{
  char *sparql;
  size_t n = strlen(fmt) + (iri != NULL ? 8 * strlen(iri) : 0) + 1;
  ng_query *q = NULL;
  ng_status rc;
  int row = 0;

  sparql = malloc(n);
  if (sparql == NULL) {
    ngi_page_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if (iri != NULL)
    snprintf(sparql, n, fmt, iri);
  else
    snprintf(sparql, n, "%s", fmt);
  rc = ng_query_new(st, sparql, &q, err);
  free(sparql);
  while (rc == NG_OK && (rc = ng_query_step(q, &row, err)) == NG_OK && row)
    if (fn(arg, q) != 0) {
      ngi_page_errf(err, "out of memory");
      rc = NG_ENOMEM;
    }
  ng_query_free(q);
  return rc;
}

const char *ngi_page_col(ng_query *q, size_t i)
{
  return ng_query_column_text(q, i);
}

size_t ngi_page_num(const char *s, size_t dflt)
{
  char *end;
  unsigned long long v;

  if (s == NULL)
    return dflt;
  v = strtoull(s, &end, 10);
  return *end == '\0' && s[0] >= '0' && s[0] <= '9' ? (size_t)v : dflt;
}

/* The N of "...#statement-N" (0 when not so named). */
size_t ngi_page_stmt_num(const char *iri)
{
  const char *h = iri != NULL ? strrchr(iri, '#') : NULL;

  if (h == NULL || strncmp(h, "#statement-", 11) != 0)
    return 0;
  return ngi_page_num(h + 11, 0);
}

/* The last segment of an IRI, for a label when there is none. */
const char *ngi_page_tail_of(const char *iri)
{
  const char *s = strrchr(iri, '/'), *h = strrchr(iri, '#');

  if (h != NULL && (s == NULL || h > s))
    s = h;
  return s != NULL && s[1] != '\0' ? s + 1 : iri;
}

