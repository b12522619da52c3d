/* rows.c - query results row by row (ng_query_new/step/column), the
 * SQLite-shaped companion of query.c's ng_store_query, which writes them
 * to a FILE*.  A row's values are librdf nodes copied from the results
 * and freed at the next step; the strings handed out point into them.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <string.h>

#include "store.h"

#define XSD_BOOLEAN "http://www.w3.org/2001/XMLSchema#boolean"

struct ng_query {
  ng_store *st;
  librdf_query *q;
  librdf_query_results *res;
  size_t ncols;
  const char **names;  /* borrowed from res */
  librdf_node **vals;  /* the current row, ncols nodes (NULL: unbound) */
  int started;         /* step has been called */
  int have_row;
  int ask;             /* -1 not ASK; else its answer, given once */
};

static void clear_row(ng_query *q)
{
  size_t i;
  for (i = 0; i < q->ncols; i++)
    if (q->vals[i] != NULL) {
      librdf_free_node(q->vals[i]);
      q->vals[i] = NULL;
    }
  q->have_row = 0;
}

void ng_query_free(ng_query *q)
{
  if (q == NULL)
    return;
  if (q->vals != NULL)
    clear_row(q);
  free(q->vals);
  free(q->names);
  if (q->res != NULL)
    librdf_free_query_results(q->res);
  if (q->q != NULL)
    librdf_free_query(q->q);
  free(q);
}

static const char *const ask_names[] = { "ask" };

ng_status ng_query_new(ng_store *st, const char *query, ng_query **out,
                       char *err)
{
  ng_query *q;
  size_t i;
  ng_status rc = NG_OK;

  if (out != NULL)
    *out = NULL;
  if (st == NULL || query == NULL || out == NULL) {
    ngi_store_errf(err, "ng_query_new: NULL argument");
    return NG_EUSAGE;
  }
  q = calloc(1, sizeof *q);
  if (q == NULL) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  q->st = st;
  q->ask = -1;
  ngi_store_log_reset(st);
  q->q = librdf_new_query(st->world, "sparql11-query", NULL,
                          (const unsigned char *)query, NULL);
  if (q->q != NULL)
    q->res = librdf_model_query_execute(st->model, q->q);
  if (q->res == NULL || st->log.errors) {
    ngi_store_log_err(st, "query error", err);
    ng_query_free(q);
    return NG_EQUERY;
  }
  if (librdf_query_results_is_graph(q->res)) {
    ngi_store_errf(err, "a CONSTRUCT or DESCRIBE query gives a graph, "
                        "not rows: use ng_store_query");
    ng_query_free(q);
    return NG_EUSAGE;
  }
  if (librdf_query_results_is_boolean(q->res)) {
    int b = librdf_query_results_get_boolean(q->res);
    if (b < 0) {
      ngi_store_log_err(st, "query error", err);
      ng_query_free(q);
      return NG_EQUERY;
    }
    q->ask = b != 0;
    q->ncols = 1;
  } else {
    int n = librdf_query_results_get_bindings_count(q->res);
    q->ncols = n > 0 ? (size_t)n : 0;
  }
  q->names = calloc(q->ncols + 1, sizeof *q->names);
  q->vals = calloc(q->ncols + 1, sizeof *q->vals);
  if (q->names == NULL || q->vals == NULL) {
    ngi_store_errf(err, "out of memory");
    rc = NG_ENOMEM;
  }
  for (i = 0; rc == NG_OK && i < q->ncols; i++)
    q->names[i] = q->ask >= 0 ? ask_names[0]
                              : librdf_query_results_get_binding_name(
                                  q->res, (int)i);
  if (rc != NG_OK) {
    ng_query_free(q);
    return rc;
  }
  *out = q;
  return NG_OK;
}

ng_status ng_query_step(ng_query *q, int *row, char *err)
{
  librdf_uri *dt;
  size_t i;

  if (row != NULL)
    *row = 0;
  if (q == NULL || row == NULL) {
    ngi_store_errf(err, "ng_query_step: NULL argument");
    return NG_EUSAGE;
  }
  clear_row(q);
  if (q->ask >= 0) {
    if (q->started)
      return NG_OK;
    q->started = 1;
    dt = librdf_new_uri(q->st->world, (const unsigned char *)XSD_BOOLEAN);
    if (dt != NULL) { /* the node copies the datatype */
      q->vals[0] = librdf_new_node_from_typed_literal(
        q->st->world, (const unsigned char *)(q->ask ? "true" : "false"),
        NULL, dt);
      librdf_free_uri(dt);
    }
    if (q->vals[0] == NULL) {
      ngi_store_errf(err, "out of memory");
      return NG_ENOMEM;
    }
    q->have_row = 1;
    *row = 1;
    return NG_OK;
  }
  ngi_store_log_reset(q->st);
  if (q->started)
    librdf_query_results_next(q->res);
  q->started = 1;
  if (q->st->log.errors) {
    ngi_store_log_err(q->st, "query error", err);
    return NG_EQUERY;
  }
  if (librdf_query_results_finished(q->res))
    return NG_OK;
  for (i = 0; i < q->ncols; i++)
    q->vals[i] = librdf_query_results_get_binding_value(q->res, (int)i);
  q->have_row = 1;
  *row = 1;
  return NG_OK;
}

size_t ng_query_column_count(const ng_query *q)
{
  return q != NULL ? q->ncols : 0;
}

const char *ng_query_column_name(const ng_query *q, size_t i)
{
  return q != NULL && i < q->ncols ? q->names[i] : NULL;
}

static librdf_node *value(const ng_query *q, size_t i)
{
  return q != NULL && q->have_row && i < q->ncols ? q->vals[i] : NULL;
}

ng_value_type ng_query_column_type(const ng_query *q, size_t i)
{
  librdf_node *n = value(q, i);
  if (n == NULL)
    return NG_VALUE_UNBOUND;
  if (librdf_node_is_resource(n))
    return NG_VALUE_IRI;
  if (librdf_node_is_literal(n))
    return NG_VALUE_LITERAL;
  if (librdf_node_is_blank(n))
    return NG_VALUE_BLANK;
  return NG_VALUE_UNBOUND;
}

const char *ng_query_column_text(const ng_query *q, size_t i)
{
  librdf_node *n = value(q, i);
  if (n == NULL)
    return NULL;
  if (librdf_node_is_resource(n))
    return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  if (librdf_node_is_literal(n))
    return (const char *)librdf_node_get_literal_value(n);
  if (librdf_node_is_blank(n))
    return (const char *)librdf_node_get_blank_identifier(n);
  return NULL;
}

const char *ng_query_column_datatype(const ng_query *q, size_t i)
{
  librdf_node *n = value(q, i);
  librdf_uri *dt;
  if (n == NULL || !librdf_node_is_literal(n))
    return NULL;
  dt = librdf_node_get_literal_value_datatype_uri(n);
  return dt != NULL ? (const char *)librdf_uri_as_string(dt) : NULL;
}

const char *ng_query_column_language(const ng_query *q, size_t i)
{
  librdf_node *n = value(q, i);
  const char *lang;
  if (n == NULL || !librdf_node_is_literal(n))
    return NULL;
  lang = librdf_node_get_literal_value_language(n);
  return lang != NULL && *lang ? lang : NULL;
}
