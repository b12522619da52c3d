/* test_rows.c - query results row by row (store/rows.c): SELECT columns
 * and typed values, unbound variables, ASK, the end of the rows, errors,
 * CONSTRUCT refused; over an in-memory store holding one article.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

static const char *article =
  "Mayor backs bridge\n\n"
  "Maria Lopez, the mayor of Springfield, said: \"We will build the "
  "bridge before winter.\"\n";

#define NS "https://w3id.org/newsgraph/ns#"
#define RDFS "http://www.w3.org/2000/01/rdf-schema#"

static void test_select(ng_store *st)
{
  ng_query *q = NULL;
  char err[NG_ERRLEN] = "";
  int row = 0, rows = 0, found = 0;
  ng_status rc = ng_query_new(st,
    "PREFIX ng: <" NS "> PREFIX rdfs: <" RDFS ">\n"
    "SELECT ?p ?name ?nothing WHERE { ?p a ng:Person ; rdfs:label ?name "
    "OPTIONAL { ?p ng:noSuchProperty ?nothing } }", &q, err);
  check(rc == NG_OK, "ng_query_new SELECT", err);
  if (rc != NG_OK)
    return;
  check(ng_query_column_count(q) == 3, "3 columns", 0);
  check(!strcmp(ng_query_column_name(q, 1), "name"), "column name", 0);
  check(ng_query_column_name(q, 3) == NULL, "column out of range", 0);
  check(ng_query_column_text(q, 0) == NULL, "no row before step", 0);
  while ((rc = ng_query_step(q, &row, err)) == NG_OK && row) {
    rows++;
    check(ng_query_column_type(q, 0) == NG_VALUE_IRI, "?p is an IRI", 0);
    check(ng_query_column_type(q, 1) == NG_VALUE_LITERAL, "?name literal", 0);
    check(ng_query_column_type(q, 2) == NG_VALUE_UNBOUND &&
            ng_query_column_text(q, 2) == NULL, "?nothing unbound", 0);
    check(ng_query_column_datatype(q, 0) == NULL, "IRI has no datatype", 0);
    if (!strcmp(ng_query_column_text(q, 1), "Maria Lopez"))
      found = 1;
  }
  check(rc == NG_OK && row == 0, "rows end with NG_OK, row 0", err);
  check(rows >= 1 && found, "Maria Lopez found", 0);
  rc = ng_query_step(q, &row, err);
  check(rc == NG_OK && row == 0, "stepping past the end stays done", 0);
  ng_query_free(q);
}

static void test_typed(ng_store *st)
{
  ng_query *q = NULL;
  char err[NG_ERRLEN] = "";
  int row = 0;
  ng_status rc = ng_query_new(st,
    "SELECT ?n ?l WHERE { BIND(42 AS ?n) BIND(\"bonjour\"@fr AS ?l) }",
    &q, err);
  check(rc == NG_OK, "ng_query_new BIND", err);
  if (rc != NG_OK)
    return;
  rc = ng_query_step(q, &row, err);
  check(rc == NG_OK && row == 1, "one row", err);
  if (row) {
    const char *dt = ng_query_column_datatype(q, 0);
    check(!strcmp(ng_query_column_text(q, 0), "42"), "42", 0);
    check(dt && strstr(dt, "integer"), "xsd:integer", dt);
    check(ng_query_column_language(q, 1) &&
            !strcmp(ng_query_column_language(q, 1), "fr"), "@fr", 0);
    check(ng_query_column_language(q, 0) == NULL, "no language", 0);
  }
  ng_query_free(q);
}

static void test_ask(ng_store *st)
{
  ng_query *q = NULL;
  char err[NG_ERRLEN] = "";
  int row = 0;
  ng_status rc = ng_query_new(st, "PREFIX ng: <" NS ">\n"
                              "ASK { ?s a ng:DirectQuote }", &q, err);
  check(rc == NG_OK, "ng_query_new ASK", err);
  if (rc != NG_OK)
    return;
  check(ng_query_column_count(q) == 1 &&
          !strcmp(ng_query_column_name(q, 0), "ask"), "ASK column", 0);
  rc = ng_query_step(q, &row, err);
  check(rc == NG_OK && row == 1 &&
          !strcmp(ng_query_column_text(q, 0), "true") &&
          strstr(ng_query_column_datatype(q, 0), "#boolean"),
        "ASK true, xsd:boolean", 0);
  rc = ng_query_step(q, &row, err);
  check(rc == NG_OK && row == 0, "ASK one row", 0);
  ng_query_free(q);
}

static void test_errors(ng_store *st)
{
  ng_query *q = (ng_query *)1;
  char err[NG_ERRLEN] = "";
  ng_status rc = ng_query_new(st, "SELEKT nonsense", &q, err);
  check(rc == NG_EQUERY && q == NULL && err[0], "syntax error: NG_EQUERY",
        err);
  rc = ng_query_new(st, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", &q,
                    err);
  check(rc == NG_EUSAGE && q == NULL, "CONSTRUCT refused", err);
  rc = ng_query_new(NULL, "ASK {}", &q, err);
  check(rc == NG_EUSAGE, "NULL store", 0);
  ng_query_free(NULL);
}

int main(void)
{
  char err[NG_ERRLEN] = "";
  ng_store *st = NULL;
  ng_doc *d;
  ng_graph_opts opts = { NULL, NULL, 0 };
  if (ng_lexicon_load(NULL, &lex, err) != NG_OK) {
    printf("FAIL: cannot load the lexicons: %s\n0 passed, 1 failed\n", err);
    return 1;
  }
  d = run(article);
  if (d != NULL && ng_store_open(NULL, NG_STORE_MEMORY, &st, err) == NG_OK &&
      ng_store_put_doc(st, d, &opts, NULL, NULL, err) == NG_OK) {
    test_select(st);
    test_typed(st);
    test_ask(st);
    test_errors(st);
  } else {
    check(0, "memory store with the article", err);
  }
  ng_store_free(st);
  ng_doc_free(d);
  ng_lexicon_free(lex);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
