/* pages.c - the pages of `newsgraph serve`: / (the articles and the most
 * quoted persons), /article/ID (or /article?iri=IRI) and /person/SLUG,
 * written by page/ from the store in a worker of pool.c.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

#define HTML "text/html; charset=utf-8"

static ng_status index_page(ng_store *st, ngi_job *j, FILE *out, char *err)
{
  return ng_store_write_index_html(st, &j->page, out, err);
}

static ng_status article_page(ng_store *st, ngi_job *j, FILE *out,
                              char *err)
{
  return ng_store_write_article_html(st, j->a, &j->page, out, err);
}

static ng_status person_page(ng_store *st, ngi_job *j, FILE *out, char *err)
{
  return ng_store_write_person_html(st, j->a, &j->page, out, err);
}

/* base + kind + the rest of the path (a segment of safe characters). */
static char *iri_of(const char *base, const char *kind, const char *rest)
{
  size_t n = strlen(base) + strlen(kind) + strlen(rest) + 1;
  const char *p;
  char *s;

  if (*rest == '\0' || strlen(rest) > 1024)
    return NULL;
  for (p = rest; *p != '\0'; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || strchr("-._~%", *p) != NULL))
      return NULL;
  s = malloc(n);
  if (s != NULL)
    snprintf(s, n, "%s%s%s", base, kind, rest);
  return s;
}

void ngi_pages(const ngi_serve_opts *o, ngi_pool *p, const ngi_request *q,
               ngi_response *r)
{
  const char *base = o->base != NULL ? o->base : NG_DEFAULT_BASE;
  const char *path = q->path;
  char *iri = NULL;
  ngi_job *j;

  if (strcmp(q->method, "GET") != 0 && strcmp(q->method, "HEAD") != 0) {
    ngi_respond_text(r, 405, "pages are read with GET");
    r->allow = "GET, HEAD, OPTIONS";
    return;
  }
  if (strcmp(path, "/") == 0) {
    j = ngi_job_new(index_page, NULL, NULL);
  } else if (strcmp(path, "/article") == 0) {
    const char *a = q->arg(q->ctx, "iri");
    if (a == NULL) {
      ngi_respond_text(r, 400, "give the article: /article?iri=IRI");
      return;
    }
    j = ngi_job_new(article_page, a, NULL);
  } else {
    int person = strncmp(path, "/person/", 8) == 0;
    iri = iri_of(base, person ? "person/" : "article/",
                 path + (person ? 8 : 9));
    if (iri == NULL) {
      ngi_respond_text(r, 404, "no such page");
      return;
    }
    j = ngi_job_new(person ? person_page : article_page, iri, NULL);
    free(iri);
  }
  if (j == NULL) {
    ngi_respond_text(r, 500, "out of memory");
    return;
  }
  j->page.root = "/";
  j->page.base = base;
  ngi_respond_job(p, j, HTML, r);
}
