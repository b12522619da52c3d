/* query.c - extract an article into an in-memory store and read a SPARQL
 * SELECT row by row (ng_query_step / ng_query_column_*), using only the
 * public API of libnewsgraph.
 *
 *   cc query.c $(pkg-config --cflags --libs newsgraph)
 *   ./a.out < examples/geneva-summit.txt
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsgraph.h>

static const char *sparql =
  "PREFIX ng: <https://w3id.org/newsgraph/ns#>\n"
  "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
  "SELECT ?name (COUNT(?s) AS ?n) WHERE {\n"
  "  ?s ng:speaker ?p . ?p rdfs:label ?name }\n"
  "GROUP BY ?name ORDER BY DESC(?n) ?name";

int main(void)
{
  static char text[1 << 20];
  size_t len = fread(text, 1, sizeof text, stdin), i;
  ng_lexicon *lex = NULL;
  ng_doc *doc = NULL;
  ng_store *store = NULL;
  ng_query *q = NULL;
  ng_graph_opts opts = { NULL, NULL, 0 };
  char err[NG_ERRLEN] = "";
  int row = 0;
  ng_status st = ng_lexicon_load(NULL, &lex, err);

  if (st == NG_OK)
    st = ng_doc_new(text, len, 0, &doc, err);
  if (st == NG_OK)
    st = ng_extract(doc, lex);
  if (st == NG_OK)
    st = ng_store_open(NULL, NG_STORE_MEMORY, &store, err);
  if (st == NG_OK)
    st = ng_store_put_doc(store, doc, &opts, NULL, NULL, err);
  if (st == NG_OK)
    st = ng_query_new(store, sparql, &q, err);
  if (st == NG_OK) {
    for (i = 0; i < ng_query_column_count(q); i++)
      printf("%s%s", i ? "\t" : "", ng_query_column_name(q, i));
    printf("\n");
  }
  while (st == NG_OK && (st = ng_query_step(q, &row, err)) == NG_OK && row) {
    for (i = 0; i < ng_query_column_count(q); i++) {
      const char *v = ng_query_column_text(q, i); /* until the next step */
      printf("%s%s", i ? "\t" : "", v ? v : "");
    }
    printf("\n");
  }
  if (st != NG_OK)
    fprintf(stderr, "query: %s\n", err[0] ? err : ng_strerror(st));
  ng_query_free(q); /* before its store */
  ng_store_free(store);
  ng_doc_free(doc);
  ng_lexicon_free(lex);
  return st == NG_OK ? 0 : 1;
}
