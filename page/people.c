/* people.c - pages from the store: a person (everything they said
 * across the store, and what the persons owl:sameAs them said, with links
 * back into each article) and the index (the articles, the most quoted
 * persons, a query form).  Read through query.c.
 */
#define _POSIX_C_SOURCE 200809L
#include "page.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ person */

typedef struct said {
  char *iri, *article, *headline, *text;
  size_t num, begin;
  int direct;
} said;

typedef struct person_build {
  char *label;
  char **names; size_t nnames, capnames;   /* roles, then other names */
  said *s; size_t ns, caps;
  char **same; size_t nsame, capsame;   /* persons owl:sameAs this one */
  int found;
} person_build;

static int row_plabel(void *arg, ng_query *q)
{
  person_build *p = arg;
  int failed = 0;

  if (!p->found && ngi_page_col(q, 0) != NULL)
    p->label = ngi_page_dup(ngi_page_col(q, 0), &failed);
  p->found = 1;
  return failed ? -1 : 0;
}

static int row_pname(void *arg, ng_query *q)
{
  person_build *p = arg;
  size_t i;
  int failed = 0;

  if (ngi_page_col(q, 0) == NULL)
    return 0;
  for (i = 0; i < p->nnames; i++)
    if (strcmp(p->names[i], ngi_page_col(q, 0)) == 0)
      return 0;
  if (ngi_page_grow((void **)&p->names, p->nnames, &p->capnames,
                    sizeof *p->names) != 0)
    return -1;
  p->names[p->nnames++] = ngi_page_dup(ngi_page_col(q, 0), &failed);
  return failed ? -1 : 0;
}

static int row_same(void *arg, ng_query *q)
{
  person_build *p = arg;
  int failed = 0;

  if (ngi_page_col(q, 0) == NULL || ng_query_column_type(q, 0) != NG_VALUE_IRI)
    return 0;
  for (size_t i = 0; i < p->nsame; i++)
    if (strcmp(p->same[i], ngi_page_col(q, 0)) == 0)
      return 0;
  if (ngi_page_grow((void **)&p->same, p->nsame, &p->capsame,
                    sizeof *p->same) != 0)
    return -1;
  p->same[p->nsame++] = ngi_page_dup(ngi_page_col(q, 0), &failed);
  return failed ? -1 : 0;
}

static int row_said(void *arg, ng_query *q)
{
  person_build *p = arg;
  said *s;
  int failed = 0;

  if (ngi_page_col(q, 0) == NULL || ngi_page_col(q, 1) == NULL || ngi_page_col(q, 2) == NULL)
    return 0;
  if (p->ns > 0 && strcmp(p->s[p->ns - 1].iri, ngi_page_col(q, 0)) == 0)
    return 0;
  if (ngi_page_grow((void **)&p->s, p->ns, &p->caps, sizeof *p->s) != 0)
    return -1;
  s = &p->s[p->ns++];
  s->iri = ngi_page_dup(ngi_page_col(q, 0), &failed);
  s->num = ngi_page_stmt_num(ngi_page_col(q, 0));
  s->text = ngi_page_dup(ngi_page_col(q, 1), &failed);
  s->article = ngi_page_dup(ngi_page_col(q, 2), &failed);
  return failed ? -1 : 0;
}

static int row_said_kind(void *arg, ng_query *q)
{
  person_build *p = arg;
  const char *s = ngi_page_col(q, 0);
  size_t i;

  for (i = 0; s != NULL && i < p->ns; i++)
    if (strcmp(p->s[i].iri, s) == 0)
      p->s[i].direct = 1;
  return 0;
}

/* Statements are few per person: a scan finds them. */
static int row_said_head(void *arg, ng_query *q)
{
  person_build *p = arg;
  const char *a = ngi_page_col(q, 0), *h = ngi_page_col(q, 1);
  size_t i;
  int failed = 0;

  for (i = 0; a != NULL && h != NULL && i < p->ns; i++)
    if (p->s[i].headline == NULL && strcmp(p->s[i].article, a) == 0)
      p->s[i].headline = ngi_page_dup(h, &failed);
  return failed ? -1 : 0;
}

static int row_said_begin(void *arg, ng_query *q)
{
  person_build *p = arg;
  const char *s = ngi_page_col(q, 0);
  size_t i;

  for (i = 0; s != NULL && i < p->ns; i++)
    if (strcmp(p->s[i].iri, s) == 0)
      p->s[i].begin = ngi_page_num(ngi_page_col(q, 1), 0);
  return 0;
}

static int by_article(const void *x, const void *y)
{
  const said *a = x, *b = y;
  int c = strcmp(a->article, b->article);

  if (c != 0)
    return c;
  if (a->begin != b->begin)
    return a->begin < b->begin ? -1 : 1;
  return a->num < b->num ? -1 : a->num > b->num;
}

static void person_page(FILE *out, const person_build *p, size_t nroles,
                        const ng_page_opts *o)
{
  size_t i, articles = 0;

  for (i = 0; i < p->ns; i++)
    articles += i == 0 || strcmp(p->s[i].article, p->s[i - 1].article);
  ngi_page_head(out, p->label, o);
  fputs("<main id=\"main\">\n<h1>", out);
  ngi_page_esc_str(out, p->label);
  fputs("</h1>\n", out);
  if (nroles > 0) {
    fputs("<p class=\"roles\">", out);
    for (i = 0; i < nroles; i++) {
      fputs(i > 0 ? "; " : "", out);
      ngi_page_esc_str(out, p->names[i]);
    }
    fputs("</p>\n", out);
  }
  fprintf(out, "<p class=\"meta\">%zu statement%s in %zu article%s</p>\n",
          p->ns, p->ns == 1 ? "" : "s", articles, articles == 1 ? "" : "s");
  for (i = 0; i < p->ns; i++) {
    const said *s = &p->s[i];
    if (i == 0 || strcmp(s->article, p->s[i - 1].article) != 0) {
      if (i > 0)
        fputs("</ul>\n", out);
      fputs("<h2><a href=\"", out);
      ngi_page_href(out, o, s->article);
      fputs("\">", out);
      ngi_page_esc_str(out, s->headline != NULL ? s->headline
                                                : ngi_page_tail_of(s->article));
      fputs("</a></h2>\n<ul class=\"said\">\n", out);
    }
    fprintf(out, "<li><span class=\"kind\">%s</span> <mark class=\"%s\">",
            s->direct ? "said" : "reported", s->direct ? "direct"
                                                       : "reported");
    ngi_page_esc_str(out, s->text);
    fputs("</mark> <a href=\"", out);
    ngi_page_href(out, o, s->article);
    fprintf(out, "#statement-%zu\">in the article</a></li>\n", s->num);
  }
  if (p->ns > 0)
    fputs("</ul>\n", out);
  fputs("</main>\n<aside aria-label=\"Names\">\n", out);
  if (p->nnames > nroles) {
    fputs("<h2>Also named</h2>\n<ul class=\"plain\">\n", out);
    for (i = nroles; i < p->nnames; i++) {
      fputs("<li>", out);
      ngi_page_esc_str(out, p->names[i]);
      fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
  }
  fputs("</aside>\n", out);
  ngi_page_tail(out);
}

ng_status ng_store_write_person_html(ng_store *st, const char *person_iri,
                                     const ng_page_opts *o, FILE *out,
                                     char *err)
{
  person_build p;
  size_t i, nroles = 0;
  ng_status rc;

  if (!ngi_page_iri_ok(person_iri)) {
    ngi_page_errf(err, "not an IRI: '%.200s'", person_iri ? person_iri : "");
    return NG_EINPUT;
  }
  memset(&p, 0, sizeof p);
  rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?l WHERE { <%1$s> a ng:Person ; rdfs:label ?l "
                "} ORDER BY ?l LIMIT 1", person_iri, row_plabel, &p, err);
  if (rc == NG_OK && !p.found) {
    ngi_page_errf(err, "no person <%s> in the store", person_iri);
    rc = NG_EINPUT;
  }
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?rl WHERE { <%1$s> ng:holdsRole ?r "
                  ". ?r rdfs:label ?rl } ORDER BY ?rl", person_iri,
                  row_pname, &p, err);
  nroles = p.nnames;
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?a WHERE { <%1$s> skos:altLabel ?a "
                  "} ORDER BY ?a", person_iri, row_pname, &p, err);
  /* what they said, and what the persons owl:sameAs them said; rasqal
   * is slow on a join of more than three patterns here, so the parts are
   * read apart */
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?q WHERE { { <%1$s> owl:sameAs ?q "
                  "} UNION { ?q owl:sameAs <%1$s> } } ORDER BY ?q",
                  person_iri, row_same, &p, err);
  for (i = 0; rc == NG_OK && i <= p.nsame; i++) {
    const char *who = i == 0 ? person_iri : p.same[i - 1];
    if (!ngi_page_iri_ok(who))
      continue;
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?s ?text ?a WHERE { ?s ng:speaker <%1$s> ; "
                  "ng:text ?text ; ng:inArticle ?a } ORDER BY ?s", who,
                  row_said, &p, err);
    if (rc == NG_OK)
      rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?s ?t WHERE { ?s ng:speaker <%1$s> ; "
                    "a ?t FILTER(?t = ng:DirectQuote) }", who, row_said_kind,
                    &p, err);
    if (rc == NG_OK)
      rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?s ?b WHERE { ?s ng:speaker <%1$s> ; "
                    "ng:beginIndex ?b }", who, row_said_begin, &p, err);
    if (rc == NG_OK)
      rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?a ?h WHERE { ?s ng:speaker "
                    "<%1$s> ; ng:inArticle ?a . ?a ng:headline ?h }", who,
                    row_said_head, &p, err);
  }
  if (rc == NG_OK) {
    if (p.ns > 1)
      qsort(p.s, p.ns, sizeof *p.s, by_article);
    person_page(out, &p, nroles, o);
    if (fflush(out) != 0 || ferror(out)) {
      ngi_page_errf(err, "cannot write the page");
      rc = NG_EIO;
    }
  }
  for (i = 0; i < p.nnames; i++)
    free(p.names[i]);
  for (i = 0; i < p.ns; i++) {
    free(p.s[i].iri);
    free(p.s[i].article);
    free(p.s[i].headline);
    free(p.s[i].text);
  }
  for (i = 0; i < p.nsame; i++)
    free(p.same[i]);
  free(p.same);
  free(p.names);
  free(p.s);
  free(p.label);
  return rc;
}

/* ------------------------------------------------------------ index */

typedef struct index_ctx {
  FILE *out;
  const ng_page_opts *o;
  size_t n;
} index_ctx;

static int row_index_article(void *arg, ng_query *q)
{
  index_ctx *c = arg;
  const char *a = ngi_page_col(q, 0), *h = ngi_page_col(q, 1);

  if (a == NULL || ng_query_column_type(q, 0) != NG_VALUE_IRI)
    return 0;
  fputs("<li><a href=\"", c->out);
  ngi_page_href(c->out, c->o, a);
  fputs("\">", c->out);
  ngi_page_esc_str(c->out, h != NULL && h[0] != '\0' ? h : ngi_page_tail_of(a));
  fputs("</a></li>\n", c->out);
  c->n++;
  return 0;
}

static int row_index_person(void *arg, ng_query *q)
{
  index_ctx *c = arg;
  const char *p = ngi_page_col(q, 0), *l = ngi_page_col(q, 1), *n = ngi_page_col(q, 2);

  if (p == NULL || ng_query_column_type(q, 0) != NG_VALUE_IRI)
    return 0;
  fputs("<li><a href=\"", c->out);
  ngi_page_href(c->out, c->o, p);
  fputs("\">", c->out);
  ngi_page_esc_str(c->out, l != NULL ? l : ngi_page_tail_of(p));
  fputs("</a> <span class=\"meta\">(", c->out);
  ngi_page_esc_str(c->out, n != NULL ? n : "0");
  fputs(")</span></li>\n", c->out);
  c->n++;
  return 0;
}

ng_status ng_store_write_index_html(ng_store *st, const ng_page_opts *o,
                                    FILE *out, char *err)
{
  index_ctx c = { out, o, 0 };
  ng_status rc;

  ngi_page_head(out, "The store", o);
  fputs("<main id=\"main\">\n<h1>Articles</h1>\n<ul class=\"plain\">\n",
        out);
  rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?a (MIN(?h0) AS ?h) WHERE { "
                "?a a ng:Article ; ng:headline ?h0 } "
                "GROUP BY ?a ORDER BY ?h ?a", NULL, row_index_article, &c,
                err);
  fputs("</ul>\n", out);
  if (rc == NG_OK && c.n == 0)
    fputs("<p class=\"note\">The store holds no articles yet: "
          "<code>newsgraph load</code> puts them in.</p>\n", out);
  fputs("</main>\n<aside aria-label=\"Persons and queries\">\n"
        "<h2>Most quoted</h2>\n<ul class=\"plain\">\n", out);
  c.n = 0;
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?p (MIN(?l0) AS ?l) "
                  "(COUNT(?s) AS ?n) WHERE { ?s ng:speaker ?p . "
                  "?p a ng:Person ; rdfs:label ?l0 } "
                  "GROUP BY ?p ORDER BY DESC(?n) ?l LIMIT 100", NULL,
                  row_index_person, &c, err);
  fputs("</ul>\n<h2>Ask the store</h2>\n"
        "<form action=\"", out);
  ngi_page_esc_str(out, o->root != NULL ? o->root : "/");
  fputs("sparql\" method=\"get\">\n"
        "<p><label for=\"q\">SPARQL query</label><br>\n"
        "<textarea id=\"q\" name=\"query\" rows=\"6\" cols=\"34\">"
        "PREFIX ng: &lt;" NG_NS "&gt;\nSELECT ?text WHERE {\n"
        "  ?s a ng:DirectQuote ; ng:text ?text\n} LIMIT 10</textarea></p>\n"
        "<p><label for=\"f\">Results as</label>\n"
        "<select id=\"f\" name=\"format\"><option>json</option>"
        "<option>xml</option><option>csv</option><option>tsv</option>"
        "</select>\n<button type=\"submit\">Run</button></p>\n"
        "</form>\n</aside>\n", out);
  ngi_page_tail(out);
  if (rc == NG_OK && (fflush(out) != 0 || ferror(out))) {
    ngi_page_errf(err, "cannot write the page");
    rc = NG_EIO;
  }
  return rc;
}
