/* serve.h - serve/: `newsgraph serve`, the store over HTTP.  http.c is the
 * listener and the routes on libmicrohttpd (one thread per connection),
 * pool.c the store workers that run every read with a deadline, sparql.c
 * the SPARQL 1.1 Protocol and the Graph Store Protocol, pages.c the pages
 * of page/.  Part of the command, not of the library: it uses only
 * include/newsgraph.h, and only serve/ includes microhttpd.h.
 */
#ifndef NG_SERVE_H
#define NG_SERVE_H

#include <stddef.h>

#include "newsgraph.h"

typedef struct ngi_serve_opts {
  const char *store;          /* the store file */
  ng_store_backend backend;
  double wait;                /* on a locked store, seconds */
  const char *listen;         /* address (default 127.0.0.1) */
  unsigned port;              /* 0: any free port */
  int allow_update;           /* Graph Store PUT and DELETE */
  int allow_service;          /* SERVICE in queries */
  unsigned workers;           /* store workers (queries at once) */
  double timeout;             /* seconds a request waits for its answer */
  size_t max_result;          /* bytes of one answer */
  size_t max_body;            /* bytes of one request body */
  unsigned max_connections;
  const char *base;           /* IRI base (NULL: NG_DEFAULT_BASE) */
} ngi_serve_opts;

void ngi_serve_opts_init(ngi_serve_opts *o);

typedef struct ngi_server ngi_server;

/* Open the workers' stores and start listening.  *port receives the
 * port bound.  NG_ESTORE (store), NG_ENET (cannot listen). */
ng_status ngi_server_start(const ngi_serve_opts *o, ngi_server **out,
                           unsigned *port, char *err);
/* Stop listening, wait for the requests under way, close the stores. */
void ngi_server_stop(ngi_server *s);

/* ------------------------------------------------ the workers (pool.c) */

typedef struct ngi_job ngi_job;
/* The work of a job: write the answer to out (fn may set job->ctype). */
typedef ng_status (*ngi_job_fn)(ng_store *st, ngi_job *job, FILE *out,
                                char *err);

struct ngi_job {
  /* in */
  ngi_job_fn fn;
  char *a, *b;                /* the job's arguments (owned, freed) */
  const char *format;
  ng_page_opts page;          /* for pages: links and base */
  /* out */
  char *out;                  /* the answer (malloc'ed) */
  size_t outlen;
  ng_status status;
  int over;                   /* the answer passed max_result */
  int late;                   /* failed past its deadline (interrupted) */
  int found;                  /* fn's own flag (a graph exists ...) */
  char err[NG_ERRLEN];
  /* the pool's */
  int state, refs;
  double deadline;
  ngi_job *next;
};

typedef struct ngi_pool ngi_pool;

ng_status ngi_pool_new(const ngi_serve_opts *o, ngi_pool **out, char *err);
void ngi_pool_free(ngi_pool *p);

/* A job with fn and copies of a and b (may be NULL); NULL on out of
 * memory. */
ngi_job *ngi_job_new(ngi_job_fn fn, const char *a, const char *b);
/* Drop the caller's reference. */
void ngi_job_release(ngi_pool *p, ngi_job *j);

enum { NGI_RUN_DONE = 0, NGI_RUN_TIMEOUT, NGI_RUN_BUSY };
/* Queue j and wait up to the pool's timeout for it.  NGI_RUN_TIMEOUT:
 * the job is abandoned (a running one finishes in its worker and is then
 * dropped); NGI_RUN_BUSY: the queue is full. */
int ngi_pool_run(ngi_pool *p, ngi_job *j);

/* Seconds on a monotonic clock. */
double ngi_now(void);

/* ------------------------------------------- requests and answers */

/* A request as the handlers see it (http.c fills it in). */
typedef struct ngi_request {
  const char *method, *path;
  const char *body;           /* POST/PUT body (NUL-terminated) or NULL */
  size_t bodylen;
  const char *ctype;          /* Content-Type, or NULL */
  const char *accept;         /* Accept, or NULL */
  /* a URL query argument (decoded) and how often it is given */
  const char *(*arg)(void *ctx, const char *name);
  unsigned (*argcount)(void *ctx, const char *name);
  void *ctx;
} ngi_request;

typedef struct ngi_response {
  int status;
  const char *ctype;          /* static string */
  char *body;                 /* malloc'ed */
  size_t len;
  const char *allow;          /* an Allow header, or NULL */
  int retry_after;            /* seconds, or 0 */
} ngi_response;

/* A text/plain answer: one line, and a newline. */
void ngi_respond_text(ngi_response *r, int status, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* Run job j in the pool and turn its outcome into r (200 with ctype, or
 * the error); takes j. */
void ngi_respond_job(ngi_pool *p, ngi_job *j, const char *ctype,
                     ngi_response *r);

/* The handlers (sparql.c, pages.c). */
void ngi_sparql(const ngi_serve_opts *o, ngi_pool *p, const ngi_request *q,
                ngi_response *r);
void ngi_graph_store(const ngi_serve_opts *o, ngi_pool *p,
                     const ngi_request *q, ngi_response *r);
void ngi_pages(const ngi_serve_opts *o, ngi_pool *p, const ngi_request *q,
               ngi_response *r);

/* Decode %XX (and '+' as a space when plus) in place; -1 when malformed
 * or when it decodes to a NUL. */
int ngi_url_decode(char *s, int plus);

#endif /* NG_SERVE_H */
