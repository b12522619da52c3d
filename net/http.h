/* http.h - net/: HTTP with libcurl, the only folder that includes curl:
 * one article by URL (fetch.c) and pushing a store's graphs to SPARQL
 * endpoints (http.c).  The public API is the ng_fetch and ng_endpoint_*
 * part of include/newsgraph.h; this header is the folder's internal
 * helpers, for tests.  net/ reads the store (store/, graph/) to push it;
 * only cli/ uses net/.
 */
#ifndef NG_HTTP_H
#define NG_HTTP_H

#include <stddef.h>

/* Seconds in a Retry-After value ("120"), or -1 when it is not a number of
 * seconds (HTTP dates are not honoured; the back-off is used instead). */
long ngi_http_retry_after(const char *value);

/* The default query endpoint for a Graph Store or Update URL:
 * scheme://authority/sparql (caller frees; NULL on a bad URL or out of
 * memory). */
char *ngi_http_query_url(const char *url);

/* Copy a server's answer into msg (size bytes) as one printable line:
 * markup tags dropped, control characters and runs of spaces squeezed,
 * cut at size - 1 bytes. */
void ngi_http_one_line(const char *body, size_t len, char *msg, size_t size);

#endif /* NG_HTTP_H */
