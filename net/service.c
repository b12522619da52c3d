/* service.c - SERVICE requests of SPARQL queries under the limits of URL
 * inputs.
 *
 * rasqal fetches what a SERVICE clause names through raptor's www layer
 * (raptor_new_www, then libcurl with raptor's settings: redirects followed
 * without end, no time limit past connecting, no size limit, every
 * protocol libcurl knows).  Neither rasqal nor raptor lets an application
 * set up that handle, so this file defines raptor_new_www itself: the
 * dynamic linker then gives rasqal this one (a program's definition comes
 * before a library's), which makes raptor's object as before (through
 * raptor_new_www_with_connection, which is all the real raptor_new_www
 * does) and sets on its libcurl handle the limits of ng_fetch: http and
 * https only (redirects too), at most max_redirects of them, a time limit
 * for the whole request and a size limit on the answer, checked as it
 * arrives.  The IRI is checked before anything is sent (raptor reads a
 * file: IRI itself, without libcurl).  newsgraph fetches nothing else
 * through raptor, so every raptor_www in the process gets these limits.
 *
 * ng_service_limits() sets the limits; calling it also links this file
 * into a program built with the static library.  raptor links the same
 * libcurl as newsgraph (net/ is the only folder that includes it), so the
 * handle raptor made can be set from here.
 */
#include <stdatomic.h>
#include <string.h>

#include <curl/curl.h>
#include <raptor2.h>

#include "newsgraph.h"

static _Atomic long lim_timeout_ms = 30000;
static _Atomic long lim_connect_ms = 10000;
static _Atomic long lim_redirects = 5;
static _Atomic unsigned long long lim_bytes = NG_DEFAULT_MAX_BYTES;
static _Thread_local int over_limit; /* libcurl says only "Callback aborted" */

void ng_service_limits(const ng_fetch_opts *o)
{
  ng_fetch_opts d = { 0 };

  if (o == NULL)
    o = &d;
  lim_connect_ms = o->connect_timeout_ms > 0 ? o->connect_timeout_ms : 10000;
  lim_timeout_ms = o->timeout_ms > 0 ? o->timeout_ms : 30000;
  lim_redirects = o->max_redirects < 0 ? 0 : o->max_redirects == 0 ? 5 : o->max_redirects;
  lim_bytes = o->max_bytes > 0 ? o->max_bytes : NG_DEFAULT_MAX_BYTES;
}

/* 1 (refused) unless the IRI is http:// or https:// with no user:password@ */
static int service_uri_filter(void *data, raptor_uri *uri)
{
  const char *s = (const char *)raptor_uri_as_string(uri);
  const char *rest, *end, *at;

  (void)data;
  if (s == NULL)
    return 1;
  if (!strncmp(s, "http://", 7))
    rest = s + 7;
  else if (!strncmp(s, "https://", 8))
    rest = s + 8;
  else
    return 1;
  end = rest + strcspn(rest, "/?#");
  at = memchr(rest, '@', (size_t)(end - rest));
  return at != NULL;
}

/* the size limit while the answer arrives (libcurl checks Content-Length
 * against CURLOPT_MAXFILESIZE_LARGE before) */
static int service_progress(void *data, curl_off_t dltotal, curl_off_t dlnow,
                            curl_off_t ultotal, curl_off_t ulnow)
{
  (void)data;
  (void)dltotal;
  (void)ultotal;
  (void)ulnow;
  if (dlnow > (curl_off_t)lim_bytes) {
    over_limit = 1;
    return 1;
  }
  return 0;
}

int ng_service_over_limit(void)
{
  int o = over_limit;

  over_limit = 0;
  return o;
}

raptor_www *raptor_new_www(raptor_world *world)
{
  raptor_www *www = raptor_new_www_with_connection(world, NULL);
  CURL *c;

  if (www == NULL)
    return NULL;
  raptor_www_set_uri_filter(www, service_uri_filter, NULL);
  raptor_www_set_connection_timeout(www, (int)((lim_connect_ms + 999) / 1000));
  c = raptor_www_get_connection(www);
  if (c == NULL)
    return www; /* a raptor without libcurl: the filter still holds */
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, (long)lim_connect_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, (long)lim_timeout_ms);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)lim_redirects);
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)lim_bytes);
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, service_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, NULL);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(c, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
                   CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
  return www;
}
