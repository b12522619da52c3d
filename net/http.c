/* http.c - the SPARQL 1.1 endpoint client (libcurl): an endpoint with its
 * URLs and options, and one HTTP exchange with its retries.  push.c
 * speaks the protocols over it.
 *
 * Every request is bounded in time and in the size of the answer kept,
 * and retried with back-off on connection errors, 5xx and 429 (honouring
 * Retry-After).  The password never appears in any message.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <curl/curl.h>

#include "http.h"
#include "store/store.h"
#include "util/str.h"

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


int
ngi_buf_add(ngi_buf *b, const char *s, size_t n)
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

int
ngi_buf_str(ngi_buf *b, const char *s)
{
  return ngi_buf_add(b, s, strlen(s));
}

void
ngi_buf_release(ngi_buf *b)
{
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}

/* ------------------------------------------------------------ endpoint */



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
  ngi_buf b = { 0 };

  if(!p || p == url)
    return NULL;
  end = p + 3 + strcspn(p + 3, "/?#");
  if(ngi_buf_add(&b, url, (size_t)(end - url)) || ngi_buf_str(&b, "/sparql")) {
    ngi_buf_release(&b);
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
  if(strchr(url, '@') || (opts && opts->query_url &&
                           strchr(opts->query_url, '@')) ||
     (opts && opts->update_url && strchr(opts->update_url, '@'))) {
    /* user:password@host would put the password in messages */
    ngi_store_errf(err, "give the user with --user, not in the URL "
                   "(user:password@ is refused in every endpoint URL)");
    return NG_EUSAGE;
  }
  if(opts && ((opts->query_url && strncmp(opts->query_url, "http://", 7) &&
               strncmp(opts->query_url, "https://", 8)) ||
              (opts->update_url && strncmp(opts->update_url, "http://", 7) &&
               strncmp(opts->update_url, "https://", 8)))) {
    ngi_store_errf(err, "endpoint must be an http:// or https:// URL");
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
  ep->url = ngi_str_dup(url);
  ep->query_url = ep->o.query_url ? ngi_str_dup(ep->o.query_url)
                                  : ngi_http_query_url(url);
  ep->update_url = ep->o.update_url ? ngi_str_dup(ep->o.update_url)
                 : ep->o.protocol == NG_PROTO_UPDATE ? ngi_str_dup(url) : NULL;
  ep->user = ngi_str_dup(ep->o.user);
  ep->password = ngi_str_dup(ep->o.password);
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
  ngi_buf_release(&ep->batch);
  free(ep->url);
  free(ep->query_url);
  free(ep->update_url);
  free(ep->user);
  free(ep);
}

/* ------------------------------------------------------------ requests */


static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
  ngi_resp *r = arg;
  size_t len = size * n;

  if(r->body.len + len > r->max) {
    r->too_big = 1;
    return 0; /* makes curl fail with CURLE_WRITE_ERROR */
  }
  if(ngi_buf_add(&r->body, data, len))
    return 0;
  return len;
}

/* The ngi_outcome of one request, after retries. */

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

/* Replace every copy of what (len n) in msg by "***". */
static void
cut_out(char *msg, const char *what, size_t n)
{
  char *p, *q = msg;

  if(n == 0)
    return;
  while((p = strstr(q, what))) {
    memcpy(p, "***", n < 3 ? n : 3);
    if(n > 3)
      memmove(p + 3, p + n, strlen(p + n) + 1);
    q = p + (n < 3 ? n : 3);
  }
}

static char *
base64(const char *in)
{
  static const char tab[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t n = strlen(in), i, o = 0;
  char *out = malloc(4 * ((n + 2) / 3) + 1);

  if(!out)
    return NULL;
  for(i = 0; i + 2 < n; i += 3) {
    unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 |
                 (unsigned char)in[i + 2];
    out[o++] = tab[v >> 18 & 63];
    out[o++] = tab[v >> 12 & 63];
    out[o++] = tab[v >> 6 & 63];
    out[o++] = tab[v & 63];
  }
  if(i < n) {
    unsigned v = (unsigned char)in[i] << 16 |
                 (i + 1 < n ? (unsigned char)in[i + 1] << 8 : 0);
    out[o++] = tab[v >> 18 & 63];
    out[o++] = tab[v >> 12 & 63];
    out[o++] = i + 1 < n ? tab[v >> 6 & 63] : '=';
    out[o++] = '=';
  }
  out[o] = 0;
  return out;
}

/* Remove the password from a message, in case a server or curl echoes
 * it: plain, as base64 of user:password (an echoed Basic header), and
 * whatever follows "Authorization" (a password from ~/.netrc is not
 * known here). */
static void
scrub(const ng_endpoint *ep, char *msg)
{
  char *p;

  for(p = msg; *p; p++) {
    if(!strncasecmp(p, "authorization", 13)) {
      snprintf(p + 13, strlen(p + 13) + 1 < 6 ? strlen(p + 13) + 1 : 6,
               ": ***");
      break;
    }
  }
  if(ep->password && *ep->password) {
    cut_out(msg, ep->password, strlen(ep->password));
    if(ep->user) {
      size_t ul = strlen(ep->user), pl = strlen(ep->password);
      char *up = malloc(ul + pl + 2), *b;
      if(up) {
        memcpy(up, ep->user, ul);
        up[ul] = ':';
        memcpy(up + ul + 1, ep->password, pl + 1);
        b = base64(up);
        if(b) {
          cut_out(msg, b, strlen(b));
          /* without its padding too */
          while(strlen(b) > 4 && b[strlen(b) - 1] == '=')
            b[strlen(b) - 1] = 0;
          cut_out(msg, b, strlen(b));
          memset(b, 0, strlen(b));
          free(b);
        }
        memset(up, 0, ul + pl + 1);
        free(up);
      }
    }
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
      struct curl_slist *hdrs, const char *body, size_t blen, ngi_resp *r)
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
  if(!strncmp(url, "https://", 8)) {
    /* credentials meant for TLS never follow a redirect to plain http */
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
#else
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)CURLPROTO_HTTPS);
#endif
  }
  if(ep->user) {
    /* --auth any over plain http: digest only; Basic would send the
     * password in clear to whoever answers */
    long any = strncmp(url, "https://", 8)
                 ? (long)CURLAUTH_DIGEST
                 : (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST);
    long auth = ep->o.auth == NG_AUTH_BASIC    ? (long)CURLAUTH_BASIC
                : ep->o.auth == NG_AUTH_DIGEST ? (long)CURLAUTH_DIGEST
                : any;
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, auth);
    curl_easy_setopt(c, CURLOPT_USERNAME, ep->user);
    if(ep->password)
      curl_easy_setopt(c, CURLOPT_PASSWORD, ep->password);
    else
      curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  } else {
    curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    curl_easy_setopt(c, CURLOPT_HTTPAUTH,
                     strncmp(url, "https://", 8)
                       ? (long)CURLAUTH_DIGEST
                       : (long)(CURLAUTH_BASIC | CURLAUTH_DIGEST));
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
ng_status
ngi_http_request(ng_endpoint *ep, const char *method, const char *url,
        const char *ctype, const char *accept, const char *body,
        size_t blen, ngi_outcome *oc)
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
