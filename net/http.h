/* http.h - net/: HTTP with libcurl, the only folder that includes curl:
 * one article by URL (fetch.c), the SPARQL endpoint client with its
 * retries (http.c) and the protocols that push a store's graphs through
 * it (push.c: Graph Store PUT, SPARQL Update, staging).  The public API
 * is the ng_fetch and ng_endpoint_* part of include/newsgraph.h; this
 * header is what http.c and push.c share, and helpers for tests.  net/
 * reads the store (store/, graph/) to push it; only cli/ uses net/.
 */
#ifndef NG_HTTP_H
#define NG_HTTP_H

#include <stddef.h>

#include <curl/curl.h>

#include "newsgraph.h"

/* ------------------------------------------------------------ client
 * What push.c (the protocols) uses of http.c (an endpoint and one HTTP
 * exchange with its retries). */

/* A growing NUL-terminated byte buffer. */
typedef struct ngi_buf {
  char *p;
  size_t len, cap;
} ngi_buf;

/* A graph waiting in the SPARQL Update batch. */
typedef struct ngi_pending {
  char *graph;
  size_t triples;
} ngi_pending;

/* An endpoint: its URLs, options, curl handle and Update batch. */
struct ng_endpoint {
  CURL *curl;
  char *url, *query_url, *update_url, *user, *password;
  ng_endpoint_opts o;
  char curl_err[CURL_ERROR_SIZE];
  /* SPARQL Update batch */
  ngi_buf batch;
  ngi_pending *pend;
  size_t npend, cappend, batch_triples;
};

/* An answer body, kept up to max bytes. */
typedef struct ngi_resp {
  ngi_buf body;
  size_t max;
  int too_big;
} ngi_resp;

/* What one exchange (all its attempts) came to. */
typedef struct ngi_outcome {
  long status;       /* HTTP status of the last answer, 0 when none */
  int attempts;
  char msg[NG_ERRLEN];
  ngi_resp r;        /* body of the last answer */
} ngi_outcome;

/* Append n bytes (or a string); -1 on out of memory. */
int ngi_buf_add(ngi_buf *b, const char *s, size_t n);
int ngi_buf_str(ngi_buf *b, const char *s);
void ngi_buf_release(ngi_buf *b);

/* One HTTP exchange with retries.  NG_OK on a 2xx answer. */
ng_status ngi_http_request(ng_endpoint *ep, const char *method,
                           const char *url, const char *ctype,
                           const char *accept, const char *body,
                           size_t blen, ngi_outcome *oc);

/* Push graph iri given as N-Triples text, one statement on each of its n
 * lines, as ng_endpoint_push does a store's graph (push.c). */
ng_status ngi_push_text(ng_endpoint *ep, const char *iri, const char *nt,
                        size_t len, size_t n, char *err);

/* ------------------------------------------------------------ helpers
 * (for tests) */

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
