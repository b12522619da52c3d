/* fetch.c - one article by URL (http://, https://, file://) with libcurl.
 *
 * Bounded in every way a server could abuse: connect and total timeouts,
 * a body limit checked as the bytes arrive (and by libcurl against
 * Content-Length first), a fixed number of redirects, only http/https/file
 * protocols (redirects only to http/https).  The final URL is kept,
 * since it is the article's address.  Safe from many threads: libcurl is
 * initialised once, each call has its own easy handle.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "graph/iri.h"
#include "newsgraph.h"

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static int init_failed;

static void global_init(void)
{
  init_failed = curl_global_init(CURL_GLOBAL_DEFAULT) != 0;
}

typedef struct sink {
  char *buf;
  size_t len, cap, limit;
  int too_big;
} sink;

static size_t on_data(char *data, size_t size, size_t nmemb, void *arg)
{
  sink *s = arg;
  size_t n = size * nmemb;

  if (n > s->limit - s->len) {
    s->too_big = 1;
    return 0; /* aborts the transfer */
  }
  if (s->len + n + 1 > s->cap) {
    size_t ncap = s->cap > 0 ? s->cap : 65536;
    char *nb;
    while (ncap < s->len + n + 1)
      ncap *= 2;
    nb = realloc(s->buf, ncap);
    if (nb == NULL)
      return 0;
    s->buf = nb;
    s->cap = ncap;
  }
  memcpy(s->buf + s->len, data, n);
  s->len += n;
  s->buf[s->len] = '\0';
  return n;
}

void ng_fetched_free(ng_fetched *f)
{
  if (f == NULL)
    return;
  free(f->body);
  free(f->final_url);
  free(f->content_type);
  free(f);
}

static char *dup_str(const char *s)
{
  size_t n;
  char *d;

  if (s == NULL)
    return NULL;
  n = strlen(s);
  d = malloc(n + 1);
  if (d != NULL)
    memcpy(d, s, n + 1);
  return d;
}

/* The userinfo of a URL's authority ("user:password@"): its start and
 * length, or 0 when there is none. */
static size_t userinfo(const char *url, const char **at)
{
  const char *a = strstr(url, "://"), *e, *last = NULL;

  if (a == NULL)
    return 0;
  a += 3;
  for (e = a; *e && *e != '/' && *e != '?' && *e != '#'; e++)
    if (*e == '@')
      last = e;
  if (last == NULL)
    return 0;
  *at = a;
  return (size_t)(last + 1 - a);
}

ng_status ng_fetch(const char *url, const ng_fetch_opts *opts,
                   ng_fetched **out, char *err)
{
  ng_fetch_opts o;
  CURL *c;
  CURLcode cc;
  sink s;
  char cerr[CURL_ERROR_SIZE];
  char *eff = NULL, *ctype = NULL;
  long status = 0;
  ng_fetched *f;
  int is_file;

  *out = NULL;
  if (url == NULL || (strncmp(url, "http://", 7) != 0 &&
                      strncmp(url, "https://", 8) != 0 &&
                      strncmp(url, "file://", 7) != 0)) {
    ngi_graph_errf(err, "not an http://, https:// or file:// URL");
    return NG_EUSAGE;
  }
  {
    const char *at;
    if (userinfo(url, &at)) {
      /* it would go into the article's IRI, schema:url and messages */
      ngi_graph_errf(err, "a URL with a user or password (user:password@) "
                     "is refused");
      return NG_EUSAGE;
    }
  }
  is_file = strncmp(url, "file://", 7) == 0;
  memset(&o, 0, sizeof o);
  if (opts != NULL)
    o = *opts;
  if (o.connect_timeout_ms <= 0)
    o.connect_timeout_ms = 10000;
  if (o.timeout_ms <= 0)
    o.timeout_ms = 30000;
  if (o.max_redirects <= 0)
    o.max_redirects = 5;
  if (o.max_bytes == 0)
    o.max_bytes = NG_DEFAULT_MAX_BYTES;

  pthread_once(&init_once, global_init);
  if (init_failed) {
    ngi_graph_errf(err, "cannot initialise libcurl");
    return NG_ENET;
  }
  c = curl_easy_init();
  if (c == NULL) {
    ngi_graph_errf(err, "cannot create a libcurl handle");
    return NG_ENOMEM;
  }
  memset(&s, 0, sizeof s);
  s.limit = o.max_bytes;
  cerr[0] = '\0';
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, o.max_redirects);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o.timeout_ms);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o.max_bytes);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(c, CURLOPT_USERAGENT, "newsgraph/" NG_VERSION);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(c, CURLOPT_PROTOCOLS,
                   CURLPROTO_HTTP | CURLPROTO_HTTPS | CURLPROTO_FILE);
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
                   CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
  cc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  {
    char *p = NULL;
    curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &p);
    eff = dup_str(p != NULL ? p : url);
    if (eff != NULL) {
      /* a redirect to user:password@host: keep neither */
      const char *at;
      size_t n = userinfo(eff, &at);
      if (n)
        memmove((char *)at, at + n, strlen(at + n) + 1);
    }
    p = NULL;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &p);
    ctype = dup_str(p);
  }
  curl_easy_cleanup(c);

  if (s.too_big || cc == CURLE_FILESIZE_EXCEEDED) {
    ngi_graph_errf(err, "'%.200s': larger than %lu bytes", url,
                   (unsigned long)o.max_bytes);
    goto fail;
  }
  if (cc == CURLE_TOO_MANY_REDIRECTS) {
    ngi_graph_errf(err, "'%.200s': more than %ld redirects", url,
                   o.max_redirects);
    goto fail;
  }
  if (cc != CURLE_OK) {
    ngi_graph_errf(err, "'%.200s': %s", url,
                   cerr[0] != '\0' ? cerr : curl_easy_strerror(cc));
    goto fail;
  }
  if (!is_file && (status < 200 || status >= 300)) {
    ngi_graph_errf(err, "'%.200s': HTTP status %ld", url, status);
    goto fail;
  }
  f = calloc(1, sizeof *f);
  if (f == NULL || eff == NULL) {
    free(f);
    ngi_graph_errf(err, "out of memory");
    free(s.buf);
    free(eff);
    free(ctype);
    return NG_ENOMEM;
  }
  if (s.buf == NULL) {
    s.buf = calloc(1, 1);
    if (s.buf == NULL) {
      free(f);
      free(eff);
      free(ctype);
      ngi_graph_errf(err, "out of memory");
      return NG_ENOMEM;
    }
  }
  f->body = s.buf;
  f->len = s.len;
  f->final_url = eff;
  f->content_type = ctype;
  f->http_status = is_file ? 0 : status;
  *out = f;
  return NG_OK;

fail:
  free(s.buf);
  free(eff);
  free(ctype);
  return NG_ENET;
}
