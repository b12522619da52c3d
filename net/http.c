/* http.c - push named graphs of a store to SPARQL 1.1 endpoints (libcurl).
 * The only file of newsgraph that includes curl.
 *
 * Graph Store protocol: each graph is PUT (replacing it) as N-Triples text
 * (which is Turtle).  SPARQL Update: "DROP SILENT GRAPH <g> ; INSERT DATA
 * { GRAPH <g> { ... } }" with the triples written by raptor's N-Triples
 * writer (never pasted strings), many small graphs per request.  A graph
 * of more than chunk_triples statements is sent in parts (large single
 * requests have been seen answered 2xx while storing only part of the
 * data) into a staging graph, then moved onto its graph by one "MOVE"
 * update: a failure part-way leaves the endpoint's graph as it was.  Every request is bounded in time and in the
 * size of the answer kept, and retried with back-off on connection errors,
 * 5xx and 429 (honouring Retry-After).  The password never appears in any
 * message.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "graph/graph.h"
#include "http.h"
#include "graph/iri.h"
#include "util/sha256.h"
#include "store/store.h"

#define DEF_CONNECT_MS 10000L
#define DEF_TIMEOUT_MS 300000L
#define DEF_RETRIES 3
#define DEF_BACKOFF_MS 500L
#define DEF_MAX_BACKOFF_MS 30000L
#define DEF_REDIRECTS 3L
#define DEF_MAX_RESPONSE (1024u * 1024u)
#define DEF_CHUNK_GSP 50000u
#define DEF_CHUNK_UPDATE 1000u

/* ------------------------------------------------------------ buffers */

typedef struct buf {
  char *p;
  size_t len, cap;
} buf;

static int
buf_add(buf *b, const char *s, size_t n)
{
  if(b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    char *p;
    while(cap < b->len + n + 1)
      cap *= 2;
    p = realloc(b->p, cap);
    if(!p)
      return -1;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
  return 0;
}

static int
buf_str(buf *b, const char *s)
{
  return buf_add(b, s, strlen(s));
}

static void
buf_release(buf *b)
{
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}

/* ------------------------------------------------------------ endpoint */

typedef struct pending {
  char *graph;
  size_t triples;
} pending;

struct ng_endpoint {
  CURL *curl;
  char *url, *query_url, *update_url, *user, *password;
  ng_endpoint_opts o;
  char curl_err[CURL_ERROR_SIZE];
  /* SPARQL Update batch */
  buf batch;
  pending *pend;
  size_t npend, cappend, batch_triples;
};

static char *
xstrdup(const char *s)
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

void
ng_endpoint_opts_init(ng_endpoint_opts *o)
{
  memset(o, 0, sizeof *o);
  o->protocol = NG_PROTO_GSP;
  o->auth = NG_AUTH_ANY;
  o->connect_timeout_ms = DEF_CONNECT_MS;
  o->timeout_ms = DEF_TIMEOUT_MS;
  o->retries = DEF_RETRIES;
  o->backoff_ms = DEF_BACKOFF_MS;
  o->max_backoff_ms = DEF_MAX_BACKOFF_MS;
  o->max_redirects = DEF_REDIRECTS;
  o->max_response = DEF_MAX_RESPONSE;
}

long
ngi_http_retry_after(const char *value)
{
  char *end;
  long v;

  if(!value)
    return -1;
  while(*value == ' ' || *value == '\t')
    value++;
  errno = 0;
  v = strtol(value, &end, 10);
  if(end == value || errno || v < 0)
    return -1;
  while(*end == ' ' || *end == '\t' || *end == '\r' || *end == '\n')
    end++;
  return *end ? -1 : v;
}

char *
ngi_http_query_url(const char *url)
{
  const char *p = strstr(url, "://");
  const char *end;
  buf b = { 0 };

  if(!p || p == url)
    return NULL;
  end = p + 3 + strcspn(p + 3, "/?#");
  if(buf_add(&b, url, (size_t)(end - url)) || buf_str(&b, "/sparql")) {
    buf_release(&b);
    return NULL;
  }
  return b.p;
}

void
ngi_http_one_line(const char *body, size_t len, char *msg, size_t size)
{
  size_t i, k = 0;
  int tag = 0, space = 1;

  if(!size)
    return;
  for(i = 0; i < len && k + 1 < size; i++) {
    unsigned char c = (unsigned char)body[i];
    if(c == '<') {
      tag = 1;
      continue;
    }
    if(tag) {
      if(c == '>') {
        tag = 0;
        c = ' ';
      } else {
        continue;
      }
    }
    if(c < 0x20 || c == 0x7f)
      c = ' ';
    if(c == ' ') {
      if(space)
        continue;
      space = 1;
    } else {
      space = 0;
    }
    msg[k++] = (char)c;
  }
  while(k > 0 && msg[k - 1] == ' ')
    k--;
  /* never cut inside a UTF-8 sequence */
  while(k > 0 && k == size - 1 &&
        ((unsigned char)msg[k - 1] & 0xC0) == 0x80)
    k--;
  if(k > 0 && ((unsigned char)msg[k - 1] & 0xC0) == 0xC0)
    k--;
  msg[k] = '\0';
}

ng_status
ng_endpoint_new(const char *url, const ng_endpoint_opts *opts,
                ng_endpoint **out, char *err)
{
  ng_endpoint *ep;
  static int global_done;

  *out = NULL;
  if(!url || (strncmp(url, "http://", 7) && strncmp(url, "https://", 8))) {
    ngi_store_errf(err, "endpoint must be an http:// or https:// URL");
    return NG_EUSAGE;
  }
  if(strchr(url, '@')) {
    /* user:password@host would put the password in messages */
    ngi_store_errf(err, "give the user with --user, not in the URL");
    return NG_EUSAGE;
  }
  if(!global_done) {
    if(curl_global_init(CURL_GLOBAL_DEFAULT)) {
      ngi_store_errf(err, "cannot initialise libcurl");
      return NG_ENET;
    }
    global_done = 1;
  }
  ep = calloc(1, sizeof *ep);
  if(!ep) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if(opts)
    ep->o = *opts;
  else
    ng_endpoint_opts_init(&ep->o);
  if(ep->o.chunk_triples == 0)
    ep->o.chunk_triples = ep->o.protocol == NG_PROTO_UPDATE
                            ? DEF_CHUNK_UPDATE : DEF_CHUNK_GSP;
  if(ep->o.max_response == 0)
    ep->o.max_response = DEF_MAX_RESPONSE;
  if(ep->o.retries < 0)
    ep->o.retries = 0;
  ep->url = xstrdup(url);
  ep->query_url = ep->o.query_url ? xstrdup(ep->o.query_url)
                                  : ngi_http_query_url(url);
  ep->update_url = ep->o.update_url ? xstrdup(ep->o.update_url)
                 : ep->o.protocol == NG_PROTO_UPDATE ? xstrdup(url) : NULL;
  ep->user = xstrdup(ep->o.user);
  ep->password = xstrdup(ep->o.password);
  ep->o.user = ep->o.password = ep->o.query_url = ep->o.update_url = NULL;
  ep->curl = curl_easy_init();
  if(!ep->url || !ep->query_url || !ep->curl ||
     ((opts && opts->update_url) || ep->o.protocol == NG_PROTO_UPDATE)
       != !!ep->update_url ||
     (opts && opts->user && !ep->user) ||
     (opts && opts->password && !ep->password)) {
    ng_endpoint_free(ep);
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  *out = ep;
  return NG_OK;
}

void
ng_endpoint_free(ng_endpoint *ep)
{
  size_t i;

  if(!ep)
    return;
  if(ep->curl)
    curl_easy_cleanup(ep->curl);
  if(ep->password) {
    volatile char *p = ep->password;
    while(*p)
      *p++ = 0;
    free(ep->password);
  }
  for(i = 0; i < ep->npend; i++)
    free(ep->pend[i].graph);
  free(ep->pend);
  buf_release(&ep->batch);
  free(ep->url);
  free(ep->query_url);
  free(ep->update_url);
  free(ep->user);
  free(ep);
}

/* ------------------------------------------------------------ requests */

typedef struct resp {
  buf body;
  size_t max;
  int too_big;
} resp;

static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
  resp *r = arg;
  size_t len = size * n;

  if(r->body.len + len > r->max) {
    r->too_big = 1;
    return 0; /* makes curl fail with CURLE_WRITE_ERROR */
  }
  if(buf_add(&r->body, data, len))
    return 0;
  return len;
}

/* The outcome of one request, after retries. */
typedef struct outcome {
  long status;       /* HTTP status of the last answer, 0 when none */
  int attempts;
  char msg[NG_ERRLEN];
  resp r;            /* body of the last answer */
} outcome;

static void
sleep_ms(long ms)
{
  struct timespec ts;

  if(ms <= 0)
    return;
  ts.tv_sec = ms / 1000;
  ts.tv_nsec = (ms % 1000) * 1000000L;
  while(nanosleep(&ts, &ts) && errno == EINTR)
    ;
}

/* Remove every copy of the password from a message, just in case a server
 * or curl echoes it. */
static void
scrub(const ng_endpoint *ep, char *msg)
{
  size_t pl;
  char *p;

  if(!ep->password || !*ep->password)
    return;
  pl = strlen(ep->password);
  while((p = strstr(msg, ep->password))) {
    memset(p, '*', pl < 3 ? pl : 3);
    memmove(p + 3, p + pl, strlen(p + pl) + 1);
  }
}

static int
retryable_curl(CURLcode c)
{
  switch(c) {
  case CURLE_COULDNT_CONNECT:
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_OPERATION_TIMEDOUT:
  case CURLE_SEND_ERROR:
  case CURLE_RECV_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_PARTIAL_FILE:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
    return 1;
  default:
    return 0;
  }
}

static void
setup(ng_endpoint *ep, const char *method, const char *url,
      struct curl_slist *hdrs, const char *body, size_t blen, resp *r)
{
  CURL *c = ep->curl;

  curl_easy_reset(c);
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ep->curl_err);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "newsgraph/" NG_VERSION);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, ep->o.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, ep->o.timeout_ms);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, ep->o.max_redirects > 0);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, ep->o.max_redirects);
  curl_easy_setopt(c, CURLOPT_POSTREDIR, (long)CURL_REDIR_POST_ALL);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, ep->o.insecure ? 0L : 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, ep->o.insecure ? 0L : 2L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
  if(ep->user) {
    long auth = ep->o.auth == NG_AUTH_BASIC    ? (long)CURLAUTH_BASIC
                : ep->o.auth == NG_AUTH_DIGEST ? (long)CURLAUTH_DIGEST
                : (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, auth);
    curl_easy_setopt(c, CURLOPT_USERNAME, ep->user);
    if(ep->password)
      curl_easy_setopt(c, CURLOPT_PASSWORD, ep->password);
    else
      curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  } else {
    curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH,
                     (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST));
  }
  if(!strcmp(method, "GET")) {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body ? body : "");
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)blen);
    if(strcmp(method, "POST"))
      curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
  }
}

/* One HTTP exchange with retries.  NG_OK on a 2xx answer. */
static ng_status
request(ng_endpoint *ep, const char *method, const char *url,
        const char *ctype, const char *accept, const char *body,
        size_t blen, outcome *oc)
{
  struct curl_slist *hdrs = NULL;
  char h[128];
  long base = ep->o.backoff_ms > 0 ? ep->o.backoff_ms : 0;
  long cap = ep->o.max_backoff_ms > 0 ? ep->o.max_backoff_ms
                                      : DEF_MAX_BACKOFF_MS;
  long delay = 0;
  ng_status rc = NG_ENET;
  int attempt;

  oc->status = 0;
  oc->attempts = 0;
  oc->msg[0] = '\0';
  oc->r.max = ep->o.max_response;
  if(ctype) {
    snprintf(h, sizeof h, "Content-Type: %s", ctype);
    hdrs = curl_slist_append(hdrs, h);
  }
  if(accept) {
    snprintf(h, sizeof h, "Accept: %s", accept);
    hdrs = curl_slist_append(hdrs, h);
  }
  for(attempt = 0; attempt <= ep->o.retries; attempt++) {
    CURLcode cc;
    long status = 0, retry_after = -1;
    int retry = 0;

    if(attempt > 0)
      sleep_ms(delay);
    oc->r.body.len = 0;
    oc->r.too_big = 0;
    ep->curl_err[0] = '\0';
    setup(ep, method, url, hdrs, body, blen, &oc->r);
    cc = curl_easy_perform(ep->curl);
    oc->attempts++;
    if(cc == CURLE_OK) {
      char line[300];

      curl_easy_getinfo(ep->curl, CURLINFO_RESPONSE_CODE, &status);
      oc->status = status;
      if(status >= 200 && status < 300) {
        rc = NG_OK;
        oc->msg[0] = '\0';
        break;
      }
      ngi_http_one_line(oc->r.body.p ? oc->r.body.p : "", oc->r.body.len,
                        line, sizeof line);
      snprintf(oc->msg, sizeof oc->msg, "HTTP %ld%s%s", status,
               line[0] ? ": " : "", line);
      if(status == 408 || status == 429 || status >= 500) {
        curl_off_t ra = -1;
        retry = 1;
        if(curl_easy_getinfo(ep->curl, CURLINFO_RETRY_AFTER, &ra) ==
             CURLE_OK && ra > 0)
          retry_after = (long)ra;
      }
    } else if(oc->r.too_big) {
      snprintf(oc->msg, sizeof oc->msg,
               "answer larger than %zu bytes, not read", ep->o.max_response);
    } else {
      curl_easy_getinfo(ep->curl, CURLINFO_RESPONSE_CODE, &status);
      oc->status = status;
      if(cc == CURLE_TOO_MANY_REDIRECTS)
        snprintf(oc->msg, sizeof oc->msg, "more than %ld redirects",
                 ep->o.max_redirects);
      else
        snprintf(oc->msg, sizeof oc->msg, "%s",
                 ep->curl_err[0] ? ep->curl_err : curl_easy_strerror(cc));
      retry = retryable_curl(cc);
    }
    if(!retry)
      break;
    /* wait before the next attempt: Retry-After when the server gave one,
     * else the back-off, doubling; both capped */
    if(retry_after >= 0)
      delay = retry_after > cap / 1000 ? cap : retry_after * 1000L;
    else
      delay = attempt == 0 ? base : (delay * 2 > cap ? cap : delay * 2);
    if(delay > cap)
      delay = cap;
  }
  if(rc != NG_OK && oc->attempts > 1) {
    size_t l = strlen(oc->msg);
    snprintf(oc->msg + l, sizeof oc->msg - l, " (after %d attempts)",
             oc->attempts);
  }
  scrub(ep, oc->msg);
  curl_slist_free_all(hdrs);
  return rc;
}

/* ------------------------------------------------------------ pushing */

static void
report(ng_endpoint *ep, const char *graph, size_t triples,
       const outcome *oc, ng_status st, const char *msg)
{
  ng_push_report r;

  if(!ep->o.on_report)
    return;
  r.graph = graph;
  r.triples = triples;
  r.http_status = oc ? oc->status : 0;
  r.status = st;
  r.message = st == NG_OK ? NULL : msg;
  r.attempts = oc ? oc->attempts : 0;
  ep->o.on_report(ep->o.arg, &r);
}

/* Append up to max statements of str to out as N-Triples (advancing the
 * stream); *n gets how many, *blank whether any has a blank node. */
static ng_status
write_chunk(ng_store *st, librdf_stream *str, size_t max, buf *out,
            size_t *n, int *blank, char *err)
{
  raptor_world *rw = librdf_world_get_raptor(ngi_store_world(st));
  raptor_iostream *io;
  FILE *mem;
  char *text = NULL;
  size_t len = 0, k = 0;
  int bad = 0;

  *n = 0;
  /* a memory FILE: raptor's string iostream keeps each small write as a
   * heap block of its own (600 MB for 100,000 triples) */
  mem = open_memstream(&text, &len);
  io = mem ? raptor_new_iostream_to_file_handle(rw, mem) : NULL;
  if(!io) {
    if(mem)
      fclose(mem);
    free(text);
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  for(; k < max && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    if(!s)
      break;
    if(librdf_node_is_blank(librdf_statement_get_subject(s)) ||
       librdf_node_is_blank(librdf_statement_get_object(s)))
      *blank = 1;
    if(raptor_statement_ntriples_write(s, io, 0))
      bad = 1;
    k++;
  }
  raptor_free_iostream(io);
  if(fclose(mem))
    bad = 1;
  if(bad || !text) {
    free(text);
    ngi_store_errf(err, "cannot write N-Triples");
    return NG_ERDF;
  }
  if(buf_add(out, text, len)) {
    free(text);
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  free(text);
  *n = k;
  return NG_OK;
}

/* url + "?graph=" (or "&graph=") + the escaped IRI. */
static char *
graph_url(ng_endpoint *ep, const char *iri)
{
  char *esc = curl_easy_escape(ep->curl, iri, 0);
  buf b = { 0 };
  int bad;

  if(!esc)
    return NULL;
  bad = buf_str(&b, ep->url) ||
        buf_str(&b, strchr(ep->url, '?') ? "&graph=" : "?graph=") ||
        buf_str(&b, esc);
  curl_free(esc);
  if(bad) {
    buf_release(&b);
    return NULL;
  }
  return b.p;
}

static librdf_stream *
graph_stream(ng_store *st, const char *iri, char *err)
{
  librdf_node *ctx = librdf_new_node_from_uri_string(
    ngi_store_world(st), (const unsigned char *)iri);
  librdf_stream *str;

  if(!ctx) {
    ngi_store_errf(err, "invalid graph IRI '%s'", iri);
    return NULL;
  }
  str = librdf_model_context_as_stream(ngi_store_model(st), ctx);
  librdf_free_node(ctx);
  if(!str)
    ngi_store_errf(err, "cannot read graph '%s' from the store", iri);
  return str;
}

/* ------------------------------------------------------------ staging */

static int add_update(buf *b, const char *iri, const char *nt, size_t len,
                      int drop, int blank);

/* The staging graph of iri: urn:x-newsgraph:staging:<SHA-256 of iri>. */
static void
staging_iri(const char *iri, char out[96])
{
  unsigned char d[NGI_SHA256_LEN];
  char hex[2 * NGI_SHA256_LEN + 1];

  ngi_sha256(iri, strlen(iri), d);
  ngi_sha256_hex(d, hex);
  snprintf(out, 96, "urn:x-newsgraph:staging:%s", hex);
}

/* One SPARQL Update request to the update endpoint. */
static ng_status
update_at(ng_endpoint *ep, const char *text, outcome *oc)
{
  return request(ep, "POST", ep->update_url, "application/sparql-update",
                 NULL, text, strlen(text), oc);
}

/* Part `part` of a staged graph into the staging graph stg. */
static ng_status
send_part(ng_endpoint *ep, const char *stg, const buf *text, int part,
          int blank, outcome *oc)
{
  buf one = { 0 };
  char *url;
  ng_status rc;

  if(ep->o.protocol == NG_PROTO_GSP) {
    url = graph_url(ep, stg);
    if(!url)
      return NG_ENOMEM;
    rc = request(ep, part == 0 ? "PUT" : "POST", url, "text/turtle", NULL,
                 text->p ? text->p : "", text->len, oc);
    free(url);
    return rc;
  }
  if(add_update(&one, stg, text->p ? text->p : "", text->len, part == 0,
                blank)) {
    buf_release(&one);
    return NG_ENOMEM;
  }
  rc = request(ep, "POST", ep->update_url, "application/sparql-update",
               NULL, one.p, one.len, oc);
  buf_release(&one);
  return rc;
}

/* A graph too big for one request: its parts into the staging graph, then
 * "MOVE" onto iri in one update (all or nothing at the endpoint).  After a
 * failure the staging graph is dropped (best effort) and iri untouched. */
static ng_status
push_staged(ng_endpoint *ep, librdf_stream *str, ng_store *st,
            const char *iri, size_t *total, outcome *oc, char *err)
{
  char stg[96];
  buf text = { 0 }, q = { 0 };
  size_t n = 0, sent = 0;
  int part = 0, blank;
  ng_status rc = NG_OK;
  outcome drop;

  staging_iri(iri, stg);
  do {
    text.len = 0;
    blank = 0;
    rc = write_chunk(st, str, ep->o.chunk_triples, &text, &n, &blank, err);
    if(rc != NG_OK || (n == 0 && part > 0))
      break;
    rc = send_part(ep, stg, &text, part, blank, oc);
    if(rc != NG_OK) {
      ngi_store_errf(err, "part %d of %zu triples: %s; the graph at the "
                     "endpoint is unchanged", part + 1, ep->o.chunk_triples,
                     rc == NG_ENOMEM ? "out of memory" : oc->msg);
      break;
    }
    sent += n;
    part++;
  } while(n == ep->o.chunk_triples);
  if(rc == NG_OK) {
    if(buf_str(&q, "MOVE GRAPH <") || buf_str(&q, stg) ||
       buf_str(&q, "> TO GRAPH <") || buf_str(&q, iri) || buf_str(&q, ">"))
      rc = NG_ENOMEM;
    else
      rc = update_at(ep, q.p, oc);
    if(rc != NG_OK)
      ngi_store_errf(err, "moving the %zu triples in place: %s; the graph "
                     "at the endpoint is unchanged", sent,
                     rc == NG_ENOMEM ? "out of memory" : oc->msg);
  }
  if(rc != NG_OK && err)
    snprintf(oc->msg, sizeof oc->msg, "%s", err);
  if(rc != NG_OK && ep->update_url) {
    memset(&drop, 0, sizeof drop);
    q.len = 0;
    if(!buf_str(&q, "DROP SILENT GRAPH <") && !buf_str(&q, stg) &&
       !buf_str(&q, ">"))
      (void)update_at(ep, q.p, &drop);
    buf_release(&drop.r.body);
  }
  if(rc == NG_OK)
    *total = sent;
  buf_release(&text);
  buf_release(&q);
  return rc;
}

/* One graph, small enough for one request: PUT. */
static ng_status
push_gsp_one(ng_endpoint *ep, librdf_stream *str, ng_store *st,
             const char *iri, size_t *total, outcome *oc, char *err)
{
  buf text = { 0 };
  char *url = graph_url(ep, iri);
  size_t n = 0;
  int blank = 0;
  ng_status rc;

  if(!url) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  rc = write_chunk(st, str, (size_t)-1, &text, &n, &blank, err);
  if(rc == NG_OK) {
    rc = request(ep, "PUT", url, "text/turtle", NULL, text.p ? text.p : "",
                 text.len, oc);
    if(rc != NG_OK)
      ngi_store_errf(err, "cannot push graph <%s>: %s", iri, oc->msg);
    else
      *total = n;
  }
  buf_release(&text);
  free(url);
  return rc;
}

static ng_status
push_gsp(ng_endpoint *ep, ng_store *st, const char *iri, char *err)
{
  librdf_stream *str;
  outcome oc;
  size_t size = 0, total = 0;
  ng_status rc;

  memset(&oc, 0, sizeof oc);
  rc = ng_store_count(st, iri, &size, err);
  if(rc == NG_OK && size > ep->o.chunk_triples && !ep->update_url) {
    ngi_store_errf(err, "graph <%s> has %zu triples, more than one request "
                   "(%zu) holds: sending it in parts needs a SPARQL Update "
                   "endpoint to put them in place all at once", iri, size,
                   ep->o.chunk_triples);
    rc = NG_EUSAGE;
  }
  if(rc != NG_OK) {
    report(ep, iri, 0, NULL, rc, err ? err : "cannot read graph");
    return rc;
  }
  str = graph_stream(st, iri, err);
  if(!str) {
    report(ep, iri, 0, NULL, NG_ESTORE, err ? err : "cannot read graph");
    return NG_ESTORE;
  }
  if(size <= ep->o.chunk_triples)
    rc = push_gsp_one(ep, str, st, iri, &total, &oc, err);
  else
    rc = push_staged(ep, str, st, iri, &total, &oc, err);
  librdf_free_stream(str);
  report(ep, iri, total, &oc, rc,
         rc == NG_OK ? NULL : (oc.msg[0] ? oc.msg : (err ? err : "error")));
  buf_release(&oc.r.body);
  return rc;
}

/* "DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { nt } }" (or, since
 * some stores refuse blank nodes in INSERT DATA, INSERT { } WHERE { }). */
static int
add_update(buf *b, const char *iri, const char *nt, size_t len, int drop,
           int blank)
{
  if(b->len && buf_str(b, " ;\n"))
    return -1;
  if(drop && (buf_str(b, "DROP SILENT GRAPH <") || buf_str(b, iri) ||
              buf_str(b, "> ;\n")))
    return -1;
  if(buf_str(b, blank ? "INSERT { GRAPH <" : "INSERT DATA { GRAPH <") ||
     buf_str(b, iri) || buf_str(b, "> {\n") || buf_add(b, nt, len) ||
     buf_str(b, blank ? "} } WHERE { }" : "} }"))
    return -1;
  return 0;
}

static ng_status
send_update(ng_endpoint *ep, const buf *body, outcome *oc, char *err)
{
  ng_status rc = request(ep, "POST", ep->url, "application/sparql-update",
                         NULL, body->p ? body->p : "", body->len, oc);

  if(rc != NG_OK)
    ngi_store_errf(err, "SPARQL update failed: %s", oc->msg);
  return rc;
}

ng_status
ng_endpoint_flush(ng_endpoint *ep, char *err)
{
  outcome oc;
  ng_status rc = NG_OK;
  size_t i;

  if(!ep->npend)
    return NG_OK;
  memset(&oc, 0, sizeof oc);
  rc = send_update(ep, &ep->batch, &oc, err);
  for(i = 0; i < ep->npend; i++) {
    report(ep, ep->pend[i].graph, ep->pend[i].triples, &oc, rc, oc.msg);
    free(ep->pend[i].graph);
  }
  ep->npend = 0;
  ep->batch.len = 0;
  ep->batch_triples = 0;
  buf_release(&oc.r.body);
  return rc;
}

static ng_status
push_update(ng_endpoint *ep, ng_store *st, const char *iri, char *err)
{
  librdf_stream *str;
  buf text = { 0 };
  outcome oc;
  size_t n = 0, total = 0, size = 0;
  int blank = 0;
  ng_status rc;

  memset(&oc, 0, sizeof oc);
  rc = ng_store_count(st, iri, &size, err);
  if(rc != NG_OK) {
    report(ep, iri, 0, NULL, rc, err ? err : "cannot read graph");
    return rc;
  }
  if(ep->npend && ep->batch_triples + size > ep->o.chunk_triples) {
    rc = ng_endpoint_flush(ep, err);
    if(rc != NG_OK && rc != NG_ENET)
      return rc;
  }
  str = graph_stream(st, iri, err);
  if(!str) {
    report(ep, iri, 0, NULL, NG_ESTORE, err ? err : "cannot read graph");
    return NG_ESTORE;
  }
  if(size <= ep->o.chunk_triples) {
    /* small: queue it */
    rc = write_chunk(st, str, ep->o.chunk_triples, &text, &n, &blank, err);
    librdf_free_stream(str);
    if(rc == NG_OK) {
      if(ep->npend == ep->cappend) {
        size_t cap = ep->cappend ? 2 * ep->cappend : 16;
        pending *p = realloc(ep->pend, cap * sizeof *p);
        if(!p)
          rc = NG_ENOMEM;
        else {
          ep->pend = p;
          ep->cappend = cap;
        }
      }
      if(rc == NG_OK &&
         (!(ep->pend[ep->npend].graph = xstrdup(iri)) ||
          add_update(&ep->batch, iri, text.p ? text.p : "", text.len, 1,
                     blank))) {
        free(ep->pend[ep->npend].graph);
        rc = NG_ENOMEM;
      }
      if(rc == NG_ENOMEM)
        ngi_store_errf(err, "out of memory");
      if(rc == NG_OK) {
        ep->pend[ep->npend++].triples = n;
        ep->batch_triples += n;
      }
    }
    buf_release(&text);
    if(rc != NG_OK)
      report(ep, iri, 0, NULL, rc, err ? err : "error");
    return rc;
  }
  /* large: alone, in parts, through a staging graph */
  rc = push_staged(ep, str, st, iri, &total, &oc, err);
  librdf_free_stream(str);
  report(ep, iri, total, &oc, rc, oc.msg[0] ? oc.msg : (err ? err : "error"));
  buf_release(&oc.r.body);
  return rc;
}

ng_status
ng_endpoint_push(ng_endpoint *ep, ng_store *st, const char *graph_iri,
                 char *err)
{
  ng_status rc = ngi_iri_check(graph_iri, "graph IRI", err);

  if(rc != NG_OK) {
    report(ep, graph_iri, 0, NULL, rc, err ? err : "bad graph IRI");
    return rc;
  }
  if(ep->o.protocol == NG_PROTO_UPDATE)
    return push_update(ep, st, graph_iri, err);
  return push_gsp(ep, st, graph_iri, err);
}

ng_status
ng_endpoint_count(ng_endpoint *ep, const char *graph_iri, size_t *n,
                  char *err)
{
  buf q = { 0 }, url = { 0 };
  outcome oc;
  char *esc = NULL;
  ng_status rc;
  const char *p;
  char *end;
  unsigned long long v;

  *n = 0;
  rc = ngi_iri_check(graph_iri, "graph IRI", err);
  if(rc != NG_OK)
    return rc;
  memset(&oc, 0, sizeof oc);
  if(buf_str(&q, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <") ||
     buf_str(&q, graph_iri) || buf_str(&q, "> { ?s ?p ?o } }") ||
     !(esc = curl_easy_escape(ep->curl, q.p, 0)) ||
     buf_str(&url, ep->query_url) ||
     buf_str(&url, strchr(ep->query_url, '?') ? "&query=" : "?query=") ||
     buf_str(&url, esc)) {
    ngi_store_errf(err, "out of memory");
    rc = NG_ENOMEM;
    goto done;
  }
  rc = request(ep, "GET", url.p, NULL, "text/csv", NULL, 0, &oc);
  if(rc != NG_OK) {
    ngi_store_errf(err, "cannot count graph <%s>: %s", graph_iri, oc.msg);
    goto done;
  }
  /* text/csv: a header line, then the number (perhaps quoted) */
  p = oc.r.body.p ? strchr(oc.r.body.p, '\n') : NULL;
  if(p) {
    p++;
    if(*p == '"')
      p++;
    errno = 0;
    v = strtoull(p, &end, 10);
    if(end != p && !errno) {
      *n = (size_t)v;
      goto done;
    }
  }
  ngi_store_errf(err, "cannot count graph <%s>: unexpected answer",
                 graph_iri);
  rc = NG_ENET;

done:
  if(esc)
    curl_free(esc);
  buf_release(&q);
  buf_release(&url);
  buf_release(&oc.r.body);
  return rc;
}
