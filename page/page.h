/* page.h - page/: HTML pages a person can read, for `extract -f html` and
 * for `newsgraph serve`.  An article is first gathered into the plain
 * model below, from an extracted document (fromdoc.c) or from the store
 * (fromstore.c); html.c writes the model out with the style sheet of
 * page/page.css (embedded at build time).  page/ uses only the public API
 * of include/newsgraph.h.
 */
#ifndef NG_PAGE_H
#define NG_PAGE_H

#include <stdio.h>

#include "newsgraph.h"

/* One statement: a direct quote or reported speech. */
typedef struct ngi_pstmt {
  char *iri;           /* NULL from a doc */
  size_t num;          /* N of <article>#statement-N */
  size_t begin, end;   /* offsets into the article text */
  int direct;
  char *text;
  long speaker;        /* index into the article's agents, or -1 */
} ngi_pstmt;

/* A person or an organisation that speaks, is party to an agreement or
 * is named. */
typedef struct ngi_pagent {
  char *iri;           /* may be NULL (a standalone page's document) */
  char *label;
  char *roles;         /* "Role; Role" or NULL */
  int person;          /* 1 person, 0 organisation */
  size_t said;         /* statements of this article */
} ngi_pagent;

typedef struct ngi_pagree {
  char *label, *text;
  char *parties;       /* "A, B" or NULL */
} ngi_pagree;

typedef struct ngi_particle {
  char *iri, *headline;
  char *text;          /* the whole text, or NULL (from the store) */
  size_t len;
  ngi_pstmt *stmts; size_t nstmts;
  ngi_pagent *agents; size_t nagents;
  char **topics; size_t ntopics;
  ngi_pagree *agrees; size_t nagrees;
} ngi_particle;

void ngi_particle_release(ngi_particle *a);

/* Growing arrays of the model: 0, or -1 on out of memory. */
int ngi_page_grow(void **arr, size_t n, size_t *cap, size_t size);

/* A malloc'ed copy (NULL for NULL); *failed is set on out of memory. */
char *ngi_page_dup(const char *s, int *failed);

/* Writing (html.c).  o->root NULL: standalone. */
ng_status ngi_page_article(const ngi_particle *a, const ng_page_opts *o,
                           FILE *out, char *err);

/* The page's head and tail, escaping, links (html.c), for the person and
 * index pages of fromstore.c. */
void ngi_page_head(FILE *out, const char *title, const ng_page_opts *o);
void ngi_page_tail(FILE *out);
void ngi_page_esc(FILE *out, const char *s, size_t n);
void ngi_page_esc_str(FILE *out, const char *s);
/* The served page's path of an article or a person IRI ("/article/ID"),
 * written escaped for an attribute. */
void ngi_page_href(FILE *out, const ng_page_opts *o, const char *iri);

/* Reading the store (query.c). */
#define NGI_PAGE_PFX "PREFIX ng: <" NG_NS "> " \
  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " \
  "PREFIX owl: <http://www.w3.org/2002/07/owl#> "

typedef int (*ngi_page_row_fn)(void *arg, ng_query *q);
/* Run the query fmt, in which %1$s is the IRI iri (may be NULL), and call
 * fn on each row; fn returns -1 on out of memory. */
ng_status ngi_page_each_row(ng_store *st, const char *fmt, const char *iri,
                            ngi_page_row_fn fn, void *arg, char *err);
/* An IRI that can be written between < and > in a query. */
int ngi_page_iri_ok(const char *s);
void ngi_page_errf(char *err, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
const char *ngi_page_col(ng_query *q, size_t i);
/* A decimal, or dflt when s is not one. */
size_t ngi_page_num(const char *s, size_t dflt);
/* The N of "...#statement-N" (0 when not so named). */
size_t ngi_page_stmt_num(const char *iri);
/* The last segment of an IRI, for a label when there is none. */
const char *ngi_page_tail_of(const char *iri);

#endif /* NG_PAGE_H */
