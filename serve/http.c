/* http.c - the listener of `newsgraph serve` on libmicrohttpd: one thread
 * per connection (a handler may wait for the store), bounded connections,
 * idle timeout, request bodies and answers; the routes, CORS, and the
 * headers every answer carries.  No file is ever served from disk.
 */
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "serve.h"

struct ngi_server {
  struct MHD_Daemon *d;
  ngi_pool *pool;
  ngi_serve_opts o;
};

void ngi_serve_opts_init(ngi_serve_opts *o)
{
  memset(o, 0, sizeof *o);
  o->backend = NG_STORE_SQLITE;
  o->wait = NG_STORE_WAIT;
  o->listen = "127.0.0.1";
  o->port = 8080;
  o->workers = 4;
  o->timeout = 30;
  o->max_result = (size_t)64 << 20;
  o->max_body = (size_t)16 << 20;
  o->max_connections = 256;
}

/* ------------------------------------------------------------ answers */

void ngi_respond_text(ngi_response *r, int status, const char *fmt, ...)
{
  va_list ap;
  char line[NG_ERRLEN + 64];
  int n;

  va_start(ap, fmt);
  n = vsnprintf(line, sizeof line - 1, fmt, ap);
  va_end(ap);
  if (n < 0)
    n = 0;
  if ((size_t)n > sizeof line - 2)
    n = (int)sizeof line - 2;
  line[n++] = '\n';
  line[n] = '\0';
  free(r->body);
  r->status = status;
  r->ctype = "text/plain; charset=utf-8";
  r->body = strdup(line);
  r->len = r->body != NULL ? (size_t)n : 0;
}

void ngi_respond_job(ngi_pool *p, ngi_job *j, const char *ctype,
                     ngi_response *r)
{
  int rc = ngi_pool_run(p, j);

  if (rc == NGI_RUN_BUSY) {
    ngi_respond_text(r, 503, "the server is busy: try again");
    r->retry_after = 1;
  } else if (rc == NGI_RUN_TIMEOUT || j->late) {
    ngi_respond_text(r, 503, "no answer within the time limit of the "
                     "server (serve --timeout)");
    r->retry_after = 5;
  } else if (j->over) {
    ngi_respond_text(r, 500, "%s (serve --max-result)", j->err);
  } else if (j->status == NG_OK) {
    free(r->body);
    r->status = 200;
    r->ctype = ctype;
    r->body = j->out;
    r->len = j->outlen;
    j->out = NULL;
  } else if (j->status == NG_EQUERY || j->status == NG_EUSAGE) {
    ngi_respond_text(r, 400, "%s", j->err);
  } else if (j->status == NG_EINPUT) {
    ngi_respond_text(r, 404, "%s", j->err);
  } else if (j->status == NG_ESTORE && strstr(j->err, "locked") != NULL) {
    ngi_respond_text(r, 503, "%s", j->err);
    r->retry_after = 1;
  } else {
    ngi_respond_text(r, 500, "%s", j->err[0] ? j->err
                                             : ng_strerror(j->status));
  }
  ngi_job_release(p, j);
}

int ngi_url_decode(char *s, int plus)
{
  char *w = s;

  for (; *s != '\0'; s++) {
    if (*s == '%') {
      int hi, lo;
      char c1 = s[1], c2 = c1 ? s[2] : 0;
      hi = c1 >= '0' && c1 <= '9' ? c1 - '0'
           : (c1 | 32) >= 'a' && (c1 | 32) <= 'f' ? (c1 | 32) - 'a' + 10 : -1;
      lo = c2 >= '0' && c2 <= '9' ? c2 - '0'
           : (c2 | 32) >= 'a' && (c2 | 32) <= 'f' ? (c2 | 32) - 'a' + 10 : -1;
      if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
        return -1;
      *w++ = (char)(hi * 16 + lo);
      s += 2;
    } else if (plus && *s == '+') {
      *w++ = ' ';
    } else {
      *w++ = *s;
    }
  }
  *w = '\0';
  return 0;
}

/* ------------------------------------------------------------ requests */

typedef struct conn {
  char *body;
  size_t len, cap;
  int too_big;
} conn;

static const char *get_arg(void *ctx, const char *name)
{
  return MHD_lookup_connection_value(ctx, MHD_GET_ARGUMENT_KIND, name);
}

typedef struct counter {
  const char *name;
  unsigned n;
} counter;

static enum MHD_Result count_it(void *cls, enum MHD_ValueKind kind,
                                const char *key, const char *value)
{
  counter *c = cls;

  (void)kind;
  (void)value;
  if (key != NULL && strcmp(key, c->name) == 0)
    c->n++;
  return MHD_YES;
}

static unsigned count_arg(void *ctx, const char *name)
{
  counter c = { name, 0 };

  MHD_get_connection_values(ctx, MHD_GET_ARGUMENT_KIND, count_it, &c);
  return c.n;
}

static enum MHD_Result answer(struct MHD_Connection *c, ngi_response *r,
                            int options)
{
  struct MHD_Response *m;
  enum MHD_Result rc;
  char num[32];

  m = MHD_create_response_from_buffer(r->len, r->body != NULL ? r->body
                                                              : (char *)"",
                                      r->body != NULL ? MHD_RESPMEM_MUST_FREE
                                                      : MHD_RESPMEM_PERSISTENT);
  if (m == NULL) {
    free(r->body);
    return MHD_NO;
  }
  r->body = NULL;
  if (r->ctype != NULL)
    MHD_add_response_header(m, "Content-Type", r->ctype);
  MHD_add_response_header(m, "Access-Control-Allow-Origin", "*");
  MHD_add_response_header(m, "Vary", "Accept");
  MHD_add_response_header(m, "X-Content-Type-Options", "nosniff");
  if (r->ctype != NULL && strncmp(r->ctype, "text/html", 9) == 0)
    MHD_add_response_header(m, "Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; "
                            "form-action 'self'; frame-ancestors 'none'");
  if (r->allow != NULL)
    MHD_add_response_header(m, "Allow", r->allow);
  if (r->retry_after > 0) {
    snprintf(num, sizeof num, "%d", r->retry_after);
    MHD_add_response_header(m, "Retry-After", num);
  }
  if (options) {
    MHD_add_response_header(m, "Access-Control-Allow-Methods",
                            "GET, HEAD, POST, PUT, DELETE, OPTIONS");
    MHD_add_response_header(m, "Access-Control-Allow-Headers",
                            "Accept, Content-Type");
    MHD_add_response_header(m, "Access-Control-Max-Age", "600");
  }
  rc = MHD_queue_response(c, (unsigned)r->status, m);
  MHD_destroy_response(m);
  return rc;
}

static void route(ngi_server *s, const ngi_request *q, ngi_response *r)
{
  const char *p = q->path;

  if (strcmp(p, "/sparql") == 0)
    ngi_sparql(&s->o, s->pool, q, r);
  else if (strcmp(p, "/data") == 0)
    ngi_graph_store(&s->o, s->pool, q, r);
  else if (strcmp(p, "/") == 0 || strcmp(p, "/article") == 0 ||
           strncmp(p, "/article/", 9) == 0 || strncmp(p, "/person/", 8) == 0)
    ngi_pages(&s->o, s->pool, q, r);
  else
    ngi_respond_text(r, 404, "no such page: the server has /, /article/, "
                     "/person/, /sparql and /data");
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **con_cls)
{
  ngi_server *s = cls;
  conn *k = *con_cls;
  ngi_request q;
  ngi_response r;
  enum MHD_Result rc;

  (void)version;
  if (k == NULL) {
    const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
                                                 "Content-Length");
    k = calloc(1, sizeof *k);
    if (k == NULL)
      return MHD_NO;
    *con_cls = k;
    if (cl != NULL && strtoull(cl, NULL, 10) > s->o.max_body)
      k->too_big = 1;
    else
      return MHD_YES;
  }
  memset(&r, 0, sizeof r);
  if (!k->too_big && *upload_size > 0) {
    if (*upload_size > s->o.max_body - k->len) {
      k->too_big = 1;
    } else {
      if (k->len + *upload_size + 1 > k->cap) {
        size_t cap = k->cap ? k->cap : 8192;
        char *b;
        while (cap < k->len + *upload_size + 1)
          cap *= 2;
        b = realloc(k->body, cap);
        if (b == NULL)
          return MHD_NO;
        k->body = b;
        k->cap = cap;
      }
      memcpy(k->body + k->len, upload, *upload_size);
      k->len += *upload_size;
      k->body[k->len] = '\0';
      *upload_size = 0;
      return MHD_YES;
    }
  }
  if (k->too_big) {
    /* answered at once: the rest of the body is not read */
    *upload_size = 0;
    ngi_respond_text(&r, 413, "the request body is over %zu bytes "
                     "(serve --max-body)", s->o.max_body);
    return answer(c, &r, 0);
  }
  if (strcmp(method, "OPTIONS") == 0) {
    r.status = 204;
    return answer(c, &r, 1);
  }
  memset(&q, 0, sizeof q);
  q.method = method;
  q.path = url;
  q.body = k->body;
  q.bodylen = k->len;
  q.ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
  q.accept = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept");
  q.arg = get_arg;
  q.argcount = count_arg;
  q.ctx = c;
  route(s, &q, &r);
  if (r.status == 0)
    ngi_respond_text(&r, 500, "no answer");
  rc = answer(c, &r, 0);
  return rc;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
  conn *k = *con_cls;

  (void)cls;
  (void)c;
  (void)toe;
  if (k != NULL) {
    free(k->body);
    free(k);
    *con_cls = NULL;
  }
}

/* ------------------------------------------------------------ start */

ng_status ngi_server_start(const ngi_serve_opts *o, ngi_server **out,
                           unsigned *port, char *err)
{
  ngi_server *s = calloc(1, sizeof *s);
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  struct sockaddr *addr;
  unsigned flags = MHD_USE_THREAD_PER_CONNECTION |
                   MHD_USE_POLL_INTERNAL_THREAD;
  const union MHD_DaemonInfo *info;
  ng_status st;

  *out = NULL;
  if (s == NULL) {
    snprintf(err, NG_ERRLEN, "out of memory");
    return NG_ENOMEM;
  }
  s->o = *o;
  memset(&a4, 0, sizeof a4);
  memset(&a6, 0, sizeof a6);
  if (inet_pton(AF_INET, o->listen, &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons((uint16_t)o->port);
    addr = (struct sockaddr *)&a4;
  } else if (inet_pton(AF_INET6, o->listen, &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons((uint16_t)o->port);
    addr = (struct sockaddr *)&a6;
    flags |= MHD_USE_IPv6;
  } else {
    snprintf(err, NG_ERRLEN, "--listen '%s': not an IPv4 or IPv6 address",
             o->listen);
    free(s);
    return NG_EUSAGE;
  }
  st = ngi_pool_new(o, &s->pool, err);
  if (st != NG_OK) {
    free(s);
    return st;
  }
  s->d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, s,
                          MHD_OPTION_SOCK_ADDR, addr,
                          MHD_OPTION_CONNECTION_LIMIT,
                          (unsigned)o->max_connections,
                          MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                          MHD_OPTION_CONNECTION_MEMORY_LIMIT,
                          (size_t)128 * 1024,
                          MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
                          MHD_OPTION_END);
  if (s->d == NULL) {
    snprintf(err, NG_ERRLEN, "cannot listen on %s port %u (in use, or not "
             "an address of this machine)", o->listen, o->port);
    ngi_pool_free(s->pool);
    free(s);
    return NG_ENET;
  }
  info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
  *port = info != NULL ? info->port : o->port;
  *out = s;
  return NG_OK;
}

void ngi_server_stop(ngi_server *s)
{
  if (s == NULL)
    return;
  MHD_stop_daemon(s->d);
  ngi_pool_free(s->pool);
  free(s);
}
