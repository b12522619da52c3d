/* fromstore.c - pages from the store: an article (its statements in text
 * order, persons, topics, agreements), a person (everything they said
 * across the store, with links back into each article) and the index.
 * Read with SPARQL through ng_query_*; IRIs put into a query are checked
 * first (no '<', '>', space, quote ...), so a URL cannot change a query.
 */
#define _POSIX_C_SOURCE 200809L
#include "page.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define PFX "PREFIX ng: <" NG_NS "> " \
  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " \
  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " \
  "PREFIX owl: <http://www.w3.org/2002/07/owl#> "

/* ------------------------------------------------------------ helpers */

static void errf(char *err, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return;
  va_start(ap, fmt);
  vsnprintf(err, NG_ERRLEN, fmt, ap);
  va_end(ap);
}

/* An IRI that can be written between < and > in a query. */
static int iri_ok(const char *s)
{
  size_t n = 0;

  if (s == NULL || strchr(s, ':') == NULL)
    return 0;
  for (; *s != '\0'; s++, n++) {
    unsigned char c = (unsigned char)*s;
    if (c <= 0x20 || c == 0x7f || strchr("<>\"{}|^`\\", c) != NULL)
      return 0;
  }
  return n > 0 && n < 4096;
}

typedef int (*row_fn)(void *arg, ng_query *q);

/* Run the query made of fmt with the IRI iri (may be NULL) and call fn on
 * each row; fn returns -1 on out of memory. */
static ng_status each_row(ng_store *st, const char *fmt, const char *iri,
                          row_fn fn, void *arg, char *err)
{
  char *sparql;
  size_t n = strlen(fmt) + (iri != NULL ? 8 * strlen(iri) : 0) + 1;
  ng_query *q = NULL;
  ng_status rc;
  int row = 0;

  sparql = malloc(n);
  if (sparql == NULL) {
    errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if (iri != NULL)
    snprintf(sparql, n, fmt, iri);
  else
    snprintf(sparql, n, "%s", fmt);
  rc = ng_query_new(st, sparql, &q, err);
  free(sparql);
  while (rc == NG_OK && (rc = ng_query_step(q, &row, err)) == NG_OK && row)
    if (fn(arg, q) != 0) {
      errf(err, "out of memory");
      rc = NG_ENOMEM;
    }
  ng_query_free(q);
  return rc;
}

static const char *col(ng_query *q, size_t i)
{
  return ng_query_column_text(q, i);
}

static size_t num_of(const char *s, size_t dflt)
{
  char *end;
  unsigned long long v;

  if (s == NULL)
    return dflt;
  v = strtoull(s, &end, 10);
  return *end == '\0' && s[0] >= '0' && s[0] <= '9' ? (size_t)v : dflt;
}

/* The N of "...#statement-N" (0 when not so named). */
static size_t stmt_num(const char *iri)
{
  const char *h = iri != NULL ? strrchr(iri, '#') : NULL;

  if (h == NULL || strncmp(h, "#statement-", 11) != 0)
    return 0;
  return num_of(h + 11, 0);
}

/* The last segment of an IRI, for a label when there is none. */
static const char *tail(const char *iri)
{
  const char *s = strrchr(iri, '/'), *h = strrchr(iri, '#');

  if (h != NULL && (s == NULL || h > s))
    s = h;
  return s != NULL && s[1] != '\0' ? s + 1 : iri;
}

/* ------------------------------------------------------------ article */

/* The page is read with a few queries of simple shape, joined here by
 * IRI: rasqal joins OPTIONAL parts into cross products, and is slow on
 * unions and GRAPH patterns over a large store. */

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"

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
  const char *p = col(q, 0), *o = col(q, 1);
  int failed = 0;

  if (p == NULL || o == NULL)
    return 0;
  if (strcmp(p, RDF_TYPE) == 0 && strcmp(o, NG_NS "Article") == 0)
    b->found = 1;
  else if (strcmp(p, NG_NS "headline") == 0 && b->a->headline == NULL)
    b->a->headline = ngi_page_dup(o, &failed);
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
  long i = agent_index(b->a, col(q, 0));
  int failed = 0;

  if (i >= 0 && b->a->agents[i].label == NULL && col(q, 1) != NULL)
    b->a->agents[i].label = ngi_page_dup(col(q, 1), &failed);
  return failed ? -1 : 0;
}

static int row_agent_person(void *arg, ng_query *q)
{
  build *b = arg;
  long i = agent_index(b->a, col(q, 0));

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
  long i = agent_index(b->a, col(q, 0));
  const char *r = col(q, 1);
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
  const char *t = col(q, 0), *l = col(q, 1);
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
                                                 : tail(b->s_iri), &failed);
      g->text = ngi_page_dup(b->s_text, &failed);
      for (i = 0; i < b->ns_parties && !failed; i++) {
        long k = agent_add(b, b->s_parties[i]);
        const char *l;
        size_t n;
        char *s;
        if (k < 0)
          return -1;
        l = a->agents[k].label != NULL ? a->agents[k].label
                                       : tail(a->agents[k].iri);
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
      t->num = stmt_num(b->s_iri);
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
  const char *s = col(q, 0), *p = col(q, 1), *o = col(q, 2);
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
    b->s_begin = num_of(o, (size_t)-1);
  } else if (strcmp(p, NG_NS "endIndex") == 0) {
    b->s_end = num_of(o, (size_t)-1);
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
    errf(err, "out of memory");
    return NG_ENOMEM;
  }
  rc = each_row(st, PFX "SELECT ?p ?o WHERE { <%1$s> ?p ?o } ORDER BY ?p ?o",
                iri, row_article, &b, err);
  if (rc == NG_OK && !b.found) {
    errf(err, "no article <%s> in the store", iri);
    rc = NG_EINPUT;
  }
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?x ?l WHERE { <%1$s> ng:mentions ?x . "
                  "?x rdfs:label ?l } ORDER BY ?x ?l", iri, row_agent_label,
                  &b, err);
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?x WHERE { <%1$s> ng:mentions ?x . "
                  "?x a ng:Person }", iri, row_agent_person, &b, err);
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?x ?rl WHERE { <%1$s> ng:mentions "
                  "?x . ?x ng:holdsRole ?r . ?r rdfs:label ?rl } "
                  "ORDER BY ?x ?rl", iri, row_role, &b, err);
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?s ?p ?o WHERE { ?s ng:inArticle <%1$s> ; "
                  "?p ?o } ORDER BY ?s ?p ?o", iri, row_part, &b, err);
  if (rc == NG_OK && flush_part(&b) != 0) {
    errf(err, "out of memory");
    rc = NG_ENOMEM;
  }
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?t ?l WHERE { <%1$s> ng:category ?t . "
                  "?t rdfs:label ?l } ORDER BY ?t ?l", iri, row_topic, &b,
                  err);
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?t ?l WHERE { <%1$s> ng:topic ?t . "
                  "?t rdfs:label ?l } ORDER BY ?t ?l", iri, row_topic, &b,
                  err);
  flush_part(&b);
  for (i = 0; i < b.ntopic_iris; i++) {
    if (rc == NG_OK && b.topic_iris[i] != NULL &&
        add_str(&a->topics, &a->ntopics, &b.cap_topics,
                tail(b.topic_iris[i])) != 0)
      rc = NG_ENOMEM;
    free(b.topic_iris[i]);
  }
  free(b.topic_iris);
  free(b.s_parties);
  for (i = 0; i < a->nagents; i++)
    if (a->agents[i].label == NULL &&
        (a->agents[i].label = ngi_page_dup(tail(a->agents[i].iri),
                                           &failed)) == NULL)
      rc = rc == NG_OK ? NG_ENOMEM : rc;
  if (rc == NG_ENOMEM)
    errf(err, "out of memory");
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

  if (!iri_ok(article_iri)) {
    errf(err, "not an IRI: '%.200s'", article_iri ? article_iri : "");
    return NG_EINPUT;
  }
  rc = from_store(st, article_iri, &a, err);
  if (rc == NG_OK && sort_agents(&a) != NG_OK) {
    errf(err, "out of memory");
    rc = NG_ENOMEM;
  }
  if (rc == NG_OK)
    rc = ngi_page_article(&a, o, out, err);
  ngi_particle_release(&a);
  return rc;
}

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

  if (!p->found && col(q, 0) != NULL)
    p->label = ngi_page_dup(col(q, 0), &failed);
  p->found = 1;
  return failed ? -1 : 0;
}

static int row_pname(void *arg, ng_query *q)
{
  person_build *p = arg;
  size_t i;
  int failed = 0;

  if (col(q, 0) == NULL)
    return 0;
  for (i = 0; i < p->nnames; i++)
    if (strcmp(p->names[i], col(q, 0)) == 0)
      return 0;
  if (ngi_page_grow((void **)&p->names, p->nnames, &p->capnames,
                    sizeof *p->names) != 0)
    return -1;
  p->names[p->nnames++] = ngi_page_dup(col(q, 0), &failed);
  return failed ? -1 : 0;
}

static int row_same(void *arg, ng_query *q)
{
  person_build *p = arg;
  int failed = 0;

  if (col(q, 0) == NULL || ng_query_column_type(q, 0) != NG_VALUE_IRI)
    return 0;
  for (size_t i = 0; i < p->nsame; i++)
    if (strcmp(p->same[i], col(q, 0)) == 0)
      return 0;
  if (ngi_page_grow((void **)&p->same, p->nsame, &p->capsame,
                    sizeof *p->same) != 0)
    return -1;
  p->same[p->nsame++] = ngi_page_dup(col(q, 0), &failed);
  return failed ? -1 : 0;
}

static int row_said(void *arg, ng_query *q)
{
  person_build *p = arg;
  said *s;
  int failed = 0;

  if (col(q, 0) == NULL || col(q, 1) == NULL || col(q, 2) == NULL)
    return 0;
  if (p->ns > 0 && strcmp(p->s[p->ns - 1].iri, col(q, 0)) == 0)
    return 0;
  if (ngi_page_grow((void **)&p->s, p->ns, &p->caps, sizeof *p->s) != 0)
    return -1;
  s = &p->s[p->ns++];
  s->iri = ngi_page_dup(col(q, 0), &failed);
  s->num = stmt_num(col(q, 0));
  s->text = ngi_page_dup(col(q, 1), &failed);
  s->article = ngi_page_dup(col(q, 2), &failed);
  return failed ? -1 : 0;
}

static int row_said_kind(void *arg, ng_query *q)
{
  person_build *p = arg;
  const char *s = col(q, 0);
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
  const char *a = col(q, 0), *h = col(q, 1);
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
  const char *s = col(q, 0);
  size_t i;

  for (i = 0; s != NULL && i < p->ns; i++)
    if (strcmp(p->s[i].iri, s) == 0)
      p->s[i].begin = num_of(col(q, 1), 0);
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
                                                : tail(s->article));
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

  if (!iri_ok(person_iri)) {
    errf(err, "not an IRI: '%.200s'", person_iri ? person_iri : "");
    return NG_EINPUT;
  }
  memset(&p, 0, sizeof p);
  rc = each_row(st, PFX "SELECT ?l WHERE { <%1$s> a ng:Person ; rdfs:label ?l "
                "} ORDER BY ?l LIMIT 1", person_iri, row_plabel, &p, err);
  if (rc == NG_OK && !p.found) {
    errf(err, "no person <%s> in the store", person_iri);
    rc = NG_EINPUT;
  }
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?rl WHERE { <%1$s> ng:holdsRole ?r "
                  ". ?r rdfs:label ?rl } ORDER BY ?rl", person_iri,
                  row_pname, &p, err);
  nroles = p.nnames;
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?a WHERE { <%1$s> skos:altLabel ?a "
                  "} ORDER BY ?a", person_iri, row_pname, &p, err);
  /* what they said, and what the persons owl:sameAs them said; rasqal
   * is slow on a join of more than three patterns here, so the parts are
   * read apart */
  if (rc == NG_OK)
    rc = each_row(st, PFX "SELECT ?q WHERE { { <%1$s> owl:sameAs ?q "
                  "} UNION { ?q owl:sameAs <%1$s> } } ORDER BY ?q",
                  person_iri, row_same, &p, err);
  for (i = 0; rc == NG_OK && i <= p.nsame; i++) {
    const char *who = i == 0 ? person_iri : p.same[i - 1];
    if (!iri_ok(who))
      continue;
    rc = each_row(st, PFX "SELECT ?s ?text ?a WHERE { ?s ng:speaker <%1$s> ; "
                  "ng:text ?text ; ng:inArticle ?a } ORDER BY ?s", who,
                  row_said, &p, err);
    if (rc == NG_OK)
      rc = each_row(st, PFX "SELECT ?s ?t WHERE { ?s ng:speaker <%1$s> ; "
                    "a ?t FILTER(?t = ng:DirectQuote) }", who, row_said_kind,
                    &p, err);
    if (rc == NG_OK)
      rc = each_row(st, PFX "SELECT ?s ?b WHERE { ?s ng:speaker <%1$s> ; "
                    "ng:beginIndex ?b }", who, row_said_begin, &p, err);
    if (rc == NG_OK)
      rc = each_row(st, PFX "SELECT ?a ?h WHERE { ?s ng:speaker "
                    "<%1$s> ; ng:inArticle ?a . ?a ng:headline ?h }", who,
                    row_said_head, &p, err);
  }
  if (rc == NG_OK) {
    if (p.ns > 1)
      qsort(p.s, p.ns, sizeof *p.s, by_article);
    person_page(out, &p, nroles, o);
    if (fflush(out) != 0 || ferror(out)) {
      errf(err, "cannot write the page");
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
  const char *a = col(q, 0), *h = col(q, 1);

  if (a == NULL || ng_query_column_type(q, 0) != NG_VALUE_IRI)
    return 0;
  fputs("<li><a href=\"", c->out);
  ngi_page_href(c->out, c->o, a);
  fputs("\">", c->out);
  ngi_page_esc_str(c->out, h != NULL && h[0] != '\0' ? h : tail(a));
  fputs("</a></li>\n", c->out);
  c->n++;
  return 0;
}

static int row_index_person(void *arg, ng_query *q)
{
  index_ctx *c = arg;
  const char *p = col(q, 0), *l = col(q, 1), *n = col(q, 2);

  if (p == NULL || ng_query_column_type(q, 0) != NG_VALUE_IRI)
    return 0;
  fputs("<li><a href=\"", c->out);
  ngi_page_href(c->out, c->o, p);
  fputs("\">", c->out);
  ngi_page_esc_str(c->out, l != NULL ? l : tail(p));
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
  rc = each_row(st, PFX "SELECT ?a (MIN(?h0) AS ?h) WHERE { "
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
    rc = each_row(st, PFX "SELECT ?p (MIN(?l0) AS ?l) "
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
    errf(err, "cannot write the page");
    rc = NG_EIO;
  }
  return rc;
}
