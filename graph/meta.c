/* meta.c - what a page or record says about its article (batch helper,
 * issue 4): headline, publication date (typed xsd:date or xsd:dateTime
 * when it is one), authors, URL and identifier from ng_article_meta,
 * added to the article's graph with graph.c's statement builder.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "build.h"
#include "iri.h"
#include "vocab.h"


static int all_digits(const char *s, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9')
      return 0;
  return 1;
}

/* xsd:date for YYYY-MM-DD, xsd:dateTime for YYYY-MM-DDThh:mm:ss[.f]
 * [Z|+hh:mm], else NULL (kept as a plain literal). */
static const char *date_type(const char *d)
{
  size_t n = strlen(d), i = 19;

  if (n < 10 || !all_digits(d, 4) || d[4] != '-' || !all_digits(d + 5, 2) ||
      d[7] != '-' || !all_digits(d + 8, 2))
    return NULL;
  if (n == 10)
    return NGI_XSD "date";
  if (n < 19 || d[10] != 'T' || !all_digits(d + 11, 2) || d[13] != ':' ||
      !all_digits(d + 14, 2) || d[16] != ':' || !all_digits(d + 17, 2))
    return NULL;
  if (d[i] == '.') {
    for (i++; d[i] >= '0' && d[i] <= '9'; i++)
      ;
  }
  if (d[i] == 'Z')
    i++;
  else if ((d[i] == '+' || d[i] == '-') && n == i + 6 &&
           all_digits(d + i + 1, 2) && d[i + 3] == ':' &&
           all_digits(d + i + 4, 2))
    i += 6;
  return i == n ? NGI_XSD "dateTime" : NULL;
}

/* Add (art prop o), taking o. */
static void add_to(ngi_builder *b, const char *art, const char *prop,
                   ngi_node o)
{
  ngi_build_add(b, ngi_build_uri(b, art), ngi_build_uri(b, prop), o);
}

static void add_date(ngi_builder *b, const char *art, const char *d)
{
  const char *dt = date_type(d);

  if (dt == NULL) {
    add_to(b, art, NGI_SCHEMA "datePublished", ngi_build_lit(b, d));
    return;
  }
  add_to(b, art, NGI_SCHEMA "datePublished", ngi_build_typed(b, d, dt));
}

ng_status ng_graph_add_meta(ng_graph *g, const ng_doc *doc,
                            const ng_graph_opts *opts,
                            const ng_article_meta *m, char *err)
{
  const ngi_result *r = doc != NULL ? ngi_doc_result(doc) : NULL;
  ngi_builder b;
  char *art = NULL;
  ng_status st;

  if (g == NULL || r == NULL) {
    ngi_graph_errf(err, "no graph or document not extracted");
    return NG_EUSAGE;
  }
  if (m == NULL)
    return NG_OK;
  st = ngi_article_iri_of(r, opts, &art, err);
  if (st != NG_OK)
    return st;
  b.g = g;
  b.st = NG_OK;
  ngi_build_add_lit(&b, art, NGV_HEADLINE, m->title);
  ngi_build_add_lit(&b, art, NGV_SCHEMA_HEADLINE, m->title);
  if (m->date != NULL && *m->date != '\0')
    add_date(&b, art, m->date);
  if (m->author != NULL) {
    const char *p = m->author;
    while (*p != '\0' && b.st == NG_OK) {
      size_t n = strcspn(p, "\n");
      char *one = n > 0 ? malloc(n + 1) : NULL;
      if (n > 0 && one == NULL) {
        b.st = NG_ENOMEM;
        break;
      }
      if (one != NULL) {
        memcpy(one, p, n);
        one[n] = '\0';
        add_to(&b, art, NGI_SCHEMA "author", ngi_build_lit(&b, one));
        free(one);
      }
      p += n;
      if (*p == '\n')
        p++;
    }
  }
  /* only a web address: not javascript:, data:, file: ... */
  if (m->url != NULL && (strncasecmp(m->url, "http://", 7) == 0 ||
                         strncasecmp(m->url, "https://", 8) == 0) &&
      ngi_iri_check(m->url, "url", NULL) == NG_OK)
    add_to(&b, art, NGI_SCHEMA "url", ngi_build_uri(&b, m->url));
  if (m->id != NULL && *m->id != '\0')
    add_to(&b, art, NGI_SCHEMA "identifier", ngi_build_lit(&b, m->id));
  free(art);
  if (b.st == NG_ENOMEM)
    ngi_graph_errf(err, "out of memory");
  else if (b.st != NG_OK)
    ngi_graph_errf(err, "cannot add the article's metadata to the graph");
  return b.st;
}
