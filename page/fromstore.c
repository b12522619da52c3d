/* fromstore.c - an article's page from the store: its text when the
 * store keeps it (schema:articleBody, `load --with-text`), else its
 * statements in text order; persons with their roles, topics, agreements.
 * Read with SPARQL through ng_query_* (query.c); IRIs put into a query
 * are checked first (no '<', '>', space, quote ...), so a URL cannot
 * change a query.
 */
#define _POSIX_C_SOURCE 200809L
#include "page.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ article */

/* The page is read with a few queries of simple shape, joined here by
 * IRI: rasqal joins OPTIONAL parts into cross products, and is slow on
 * unions and GRAPH patterns over a large store. */

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define ARTICLE_BODY "http://schema.org/articleBody"

typedef struct build {
  ngi_particle *a;
  size_t cap_agents, cap_stmts, cap_topics, cap_agrees;
  char **topic_iris; size_t ntopic_iris, cap_topic_iris;
  /* the subject of ?s ng:inArticle <A> being read (row_part) */
  char *s_iri, *s_text, *s_label, *s_speaker;
  int s_kind;                /* 1 direct, 2 reported, 3 agreement */
  size_t s_begin, s_end;
  char **s_parties; size_t ns_parties, cap_s_parties;
  int found, failed;
} build;

static long agent_index(const ngi_particle *a, const char *iri)
{
  size_t i;

  for (i = 0; iri != NULL && i < a->nagents; i++)
    if (strcmp(a->agents[i].iri, iri) == 0)
      return (long)i;
  return -1;
}

/* The agent of iri, added (labelled by its IRI) when new; -1 on out of
 * memory. */
static long agent_add(build *b, const char *iri)
{
  ngi_particle *a = b->a;
  long i = agent_index(a, iri);
  int failed = 0;

  if (i >= 0)
    return i;
  if (ngi_page_grow((void **)&a->agents, a->nagents, &b->cap_agents,
                    sizeof *a->agents) != 0)
    return -1;
  a->agents[a->nagents].iri = ngi_page_dup(iri, &failed);
  if (failed)
    return -1;
  return (long)a->nagents++;
}

static int add_str(char ***v, size_t *n, size_t *cap, const char *s)
{
  int failed = 0;

  if (ngi_page_grow((void **)v, *n, cap, sizeof **v) != 0)
    return -1;
  (*v)[*n] = ngi_page_dup(s, &failed);
  if (failed)
    return -1;
  (*n)++;
  return 0;
}

/* <A> ?p ?o: the headline, the names, the topics */
static int row_article(void *arg, ng_query *q)
{
  build *b = arg;
  const char *p = ngi_page_col(q, 0), *o = ngi_page_col(q, 1);
  int failed = 0;

  if (p == NULL || o == NULL)
    return 0;
  if (strcmp(p, RDF_TYPE) == 0 && strcmp(o, NG_NS "Article") == 0)
    b->found = 1;
  else if (strcmp(p, NG_NS "headline") == 0 && b->a->headline == NULL)
    b->a->headline = ngi_page_dup(o, &failed);
  else if (strcmp(p, ARTICLE_BODY) == 0 && b->a->text == NULL &&
           ng_query_column_type(q, 1) != NG_VALUE_IRI) {
    /* the text byte for byte: ng:beginIndex/ng:endIndex are byte offsets
     * into it, as into the text the page of a doc shows */
    b->a->text = ngi_page_dup(o, &failed);
    b->a->len = b->a->text != NULL ? strlen(b->a->text) : 0;
  }
  else if (strcmp(p, NG_NS "mentions") == 0 &&
           ng_query_column_type(q, 1) == NG_VALUE_IRI)
    return agent_add(b, o) < 0 ? -1 : 0;
  else if ((strcmp(p, NG_NS "topic") == 0 ||
            strcmp(p, NG_NS "category") == 0) &&
           ng_query_column_type(q, 1) == NG_VALUE_IRI)
    return add_str(&b->topic_iris, &b->ntopic_iris, &b->cap_topic_iris, o);
  return failed ? -1 : 0;
}

static int row_agent_label(void *arg, ng_query *q)
{
  build *b = arg;
  long i = agent_index(b->a, ngi_page_col(q, 0));
  int failed = 0;

  if (i >= 0 && b->a->agents[i].label == NULL && ngi_page_col(q, 1) != NULL)
    b->a->agents[i].label = ngi_page_dup(ngi_page_col(q, 1), &failed);
  return failed ? -1 : 0;
}

static int row_agent_person(void *arg, ng_query *q)
{
  build *b = arg;
  long i = agent_index(b->a, ngi_page_col(q, 0));

  if (i >= 0)
    b->a->agents[i].person = 1;
  return 0;
}

/* 1 when list ("a; b") holds item. */
static int has_item(const char *list, const char *item)
{
  size_t n = strlen(item);
  const char *p = list;

  while (p != NULL && *p != '\0') {
    if (strncmp(p, item, n) == 0 && (p[n] == '\0' || p[n] == ';'))
      return 1;
    p = strstr(p, "; ");
    if (p != NULL)
      p += 2;
  }
  return 0;
}

/* (DISTINCT with ORDER BY leaks in rasqal 0.9.33: duplicates are dropped
 * here instead.) */
static int row_role(void *arg, ng_query *q)
{
  build *b = arg;
  long i = agent_index(b->a, ngi_page_col(q, 0));
  const char *r = ngi_page_col(q, 1);
  ngi_pagent *g;
  char *s;
  size_t n;

  if (i < 0 || r == NULL || has_item(b->a->agents[i].roles, r))
    return 0;
  g = &b->a->agents[i];
  n = (g->roles != NULL ? strlen(g->roles) + 2 : 0) + strlen(r) + 1;
  s = malloc(n);
  if (s == NULL)
    return -1;
  if (g->roles != NULL)
    snprintf(s, n, "%s; %s", g->roles, r);
  else
    snprintf(s, n, "%s", r);
  free(g->roles);
  g->roles = s;
  return 0;
}

static int row_topic(void *arg, ng_query *q)
{
  build *b = arg;
  ngi_particle *a = b->a;
  const char *t = ngi_page_col(q, 0), *l = ngi_page_col(q, 1);
  size_t i;

  if (t == NULL || l == NULL)
    return 0;
  for (i = 0; i < b->ntopic_iris; i++)
    if (b->topic_iris[i] != NULL && strcmp(b->topic_iris[i], t) == 0) {
      free(b->topic_iris[i]); /* labelled: not again */
      b->topic_iris[i] = NULL;
      return add_str(&a->topics, &a->ntopics, &b->cap_topics, l);
    }
  return 0;
}

/* The subject read so far becomes a statement or an agreement. */
static int flush_part(build *b)
{
  ngi_particle *a = b->a;
  size_t i;
  int rc = 0, failed = 0;

  if (b->s_iri != NULL && b->s_kind != 0 && (b->s_kind == 3 ||
                                             b->s_text != NULL)) {
    if (b->s_kind == 3) {
      ngi_pagree *g;
      if (ngi_page_grow((void **)&a->agrees, a->nagrees, &b->cap_agrees,
                        sizeof *a->agrees) != 0)
        return -1;
      g = &a->agrees[a->nagrees++];
      g->label = ngi_page_dup(b->s_label != NULL ? b->s_label
                                                 : ngi_page_tail_of(b->s_iri), &failed);
      g->text = ngi_page_dup(b->s_text, &failed);
      for (i = 0; i < b->ns_parties && !failed; i++) {
        long k = agent_add(b, b->s_parties[i]);
        const char *l;
        size_t n;
        char *s;
        if (k < 0)
          return -1;
        l = a->agents[k].label != NULL ? a->agents[k].label
                                       : ngi_page_tail_of(a->agents[k].iri);
        n = (g->parties != NULL ? strlen(g->parties) + 2 : 0) +
            strlen(l) + 1;
        s = malloc(n);
        if (s == NULL)
          return -1;
        snprintf(s, n, "%s%s%s", g->parties != NULL ? g->parties : "",
                 g->parties != NULL ? ", " : "", l);
        free(g->parties);
        g->parties = s;
      }
    } else {
      ngi_pstmt *t;
      if (ngi_page_grow((void **)&a->stmts, a->nstmts, &b->cap_stmts,
                        sizeof *a->stmts) != 0)
        return -1;
      t = &a->stmts[a->nstmts++];
      t->iri = ngi_page_dup(b->s_iri, &failed);
      t->num = ngi_page_stmt_num(b->s_iri);
      t->direct = b->s_kind == 1;
      t->text = ngi_page_dup(b->s_text, &failed);
      t->begin = b->s_begin;
      t->end = b->s_end;
      t->speaker = -1;
      if (b->s_speaker != NULL) {
        t->speaker = agent_add(b, b->s_speaker);
        if (t->speaker < 0)
          return -1;
        a->agents[t->speaker].said++;
      }
    }
  }
  free(b->s_iri);
  free(b->s_text);
  free(b->s_label);
  free(b->s_speaker);
  for (i = 0; i < b->ns_parties; i++)
    free(b->s_parties[i]);
  b->s_iri = b->s_text = b->s_label = b->s_speaker = NULL;
  b->ns_parties = 0;
  b->s_kind = 0;
  b->s_begin = b->s_end = (size_t)-1;
  return failed ? -1 : rc;
}

/* ?s ?p ?o of the subjects ?s ng:inArticle <A>, in subject order */
static int row_part(void *arg, ng_query *q)
{
  build *b = arg;
  const char *s = ngi_page_col(q, 0), *p = ngi_page_col(q, 1), *o = ngi_page_col(q, 2);
  int failed = 0;

  if (s == NULL || p == NULL || o == NULL)
    return 0;
  if (b->s_iri == NULL || strcmp(b->s_iri, s) != 0) {
    if (flush_part(b) != 0)
      return -1;
    b->s_iri = ngi_page_dup(s, &failed);
  }
  if (strcmp(p, RDF_TYPE) == 0) {
    if (strcmp(o, NG_NS "DirectQuote") == 0)
      b->s_kind = 1;
    else if (strcmp(o, NG_NS "ReportedSpeech") == 0 && b->s_kind != 1)
      b->s_kind = 2;
    else if (strcmp(o, NG_NS "Agreement") == 0)
      b->s_kind = 3;
  } else if (strcmp(p, NG_NS "text") == 0 && b->s_text == NULL) {
    b->s_text = ngi_page_dup(o, &failed);
  } else if (strcmp(p, RDFS_LABEL) == 0 && b->s_label == NULL) {
    b->s_label = ngi_page_dup(o, &failed);
  } else if (strcmp(p, NG_NS "beginIndex") == 0) {
    b->s_begin = ngi_page_num(o, (size_t)-1);
  } else if (strcmp(p, NG_NS "endIndex") == 0) {
    b->s_end = ngi_page_num(o, (size_t)-1);
  } else if (strcmp(p, NG_NS "speaker") == 0 && b->s_speaker == NULL &&
             ng_query_column_type(q, 2) == NG_VALUE_IRI) {
    b->s_speaker = ngi_page_dup(o, &failed);
  } else if (strcmp(p, NG_NS "party") == 0 &&
             ng_query_column_type(q, 2) == NG_VALUE_IRI) {
    return add_str(&b->s_parties, &b->ns_parties, &b->cap_s_parties, o);
  }
  return failed ? -1 : 0;
}

static int by_begin(const void *x, const void *y)
{
  const ngi_pstmt *a = x, *b = y;

  if (a->begin != b->begin)
    return a->begin < b->begin ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return a->num < b->num ? -1 : a->num > b->num;
}

static int by_said(const void *x, const void *y)
{
  const ngi_pagent *a = x, *b = y;

  if (a->person != b->person)
    return b->person - a->person;
  if (a->said != b->said)
    return a->said > b->said ? -1 : 1;
  return strcmp(a->label, b->label);
}

static ng_status from_store(ng_store *st, const char *iri, ngi_particle *a,
                            char *err)
{
  build b;
  ng_status rc;
  size_t i;
  int failed = 0;

  memset(a, 0, sizeof *a);
  memset(&b, 0, sizeof b);
  b.a = a;
  b.s_begin = b.s_end = (size_t)-1;
  a->iri = ngi_page_dup(iri, &failed);
  if (failed) {
    ngi_page_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?p ?o WHERE { <%1$s> ?p ?o } ORDER BY ?p ?o",
                iri, row_article, &b, err);
  if (rc == NG_OK && !b.found) {
    ngi_page_errf(err, "no article <%s> in the store", iri);
    rc = NG_EINPUT;
  }
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?x ?l WHERE { <%1$s> ng:mentions ?x . "
                  "?x rdfs:label ?l } ORDER BY ?x ?l", iri, row_agent_label,
                  &b, err);
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?x WHERE { <%1$s> ng:mentions ?x . "
                  "?x a ng:Person }", iri, row_agent_person, &b, err);
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?x ?rl WHERE { <%1$s> ng:mentions "
                  "?x . ?x ng:holdsRole ?r . ?r rdfs:label ?rl } "
                  "ORDER BY ?x ?rl", iri, row_role, &b, err);
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?s ?p ?o WHERE { ?s ng:inArticle <%1$s> ; "
                  "?p ?o } ORDER BY ?s ?p ?o", iri, row_part, &b, err);
  if (rc == NG_OK && flush_part(&b) != 0) {
    ngi_page_errf(err, "out of memory");
    rc = NG_ENOMEM;
  }
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?t ?l WHERE { <%1$s> ng:category ?t . "
                  "?t rdfs:label ?l } ORDER BY ?t ?l", iri, row_topic, &b,
                  err);
  if (rc == NG_OK)
    rc = ngi_page_each_row(st, NGI_PAGE_PFX "SELECT ?t ?l WHERE { <%1$s> ng:topic ?t . "
                  "?t rdfs:label ?l } ORDER BY ?t ?l", iri, row_topic, &b,
                  err);
  flush_part(&b);
  for (i = 0; i < b.ntopic_iris; i++) {
    if (rc == NG_OK && b.topic_iris[i] != NULL &&
        add_str(&a->topics, &a->ntopics, &b.cap_topics,
                ngi_page_tail_of(b.topic_iris[i])) != 0)
      rc = NG_ENOMEM;
    free(b.topic_iris[i]);
  }
  free(b.topic_iris);
  free(b.s_parties);
  for (i = 0; i < a->nagents; i++)
    if (a->agents[i].label == NULL &&
        (a->agents[i].label = ngi_page_dup(ngi_page_tail_of(a->agents[i].iri),
                                           &failed)) == NULL)
      rc = rc == NG_OK ? NG_ENOMEM : rc;
  if (rc == NG_ENOMEM)
    ngi_page_errf(err, "out of memory");
  if (rc == NG_OK && a->nstmts > 1)
    qsort(a->stmts, a->nstmts, sizeof *a->stmts, by_begin);
  return rc;
}

/* Sort the agents for the aside, keeping the statements' speakers. */
static ng_status sort_agents(ngi_particle *a)
{
  size_t i, j;
  char **iris;

  if (a->nagents < 2)
    return NG_OK;
  iris = malloc(a->nstmts * sizeof *iris + 1);
  if (iris == NULL)
    return NG_ENOMEM;
  for (i = 0; i < a->nstmts; i++)
    iris[i] = a->stmts[i].speaker >= 0 ? a->agents[a->stmts[i].speaker].iri
                                       : NULL;
  qsort(a->agents, a->nagents, sizeof *a->agents, by_said);
  for (i = 0; i < a->nstmts; i++) {
    a->stmts[i].speaker = -1;
    for (j = 0; iris[i] != NULL && j < a->nagents; j++)
      if (a->agents[j].iri == iris[i])
        a->stmts[i].speaker = (long)j;
  }
  free(iris);
  return NG_OK;
}

ng_status ng_store_write_article_html(ng_store *st, const char *article_iri,
                                      const ng_page_opts *o, FILE *out,
                                      char *err)
{
  ngi_particle a;
  ng_status rc;

  if (!ngi_page_iri_ok(article_iri)) {
    ngi_page_errf(err, "not an IRI: '%.200s'", article_iri ? article_iri : "");
    return NG_EINPUT;
  }
  rc = from_store(st, article_iri, &a, err);
  if (rc == NG_OK && sort_agents(&a) != NG_OK) {
    ngi_page_errf(err, "out of memory");
    rc = NG_ENOMEM;
  }
  if (rc == NG_OK)
    rc = ngi_page_article(&a, o, out, err);
  ngi_particle_release(&a);
  return rc;
}

