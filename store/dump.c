/* dump.c - the store written out with its graph names (ng_store_dump):
 * N-Quads or TriG, graphs in bytewise order of their IRIs, each graph's
 * statements as graph/'s sorted N-Triples lines, so the same store gives
 * the same bytes and dump -> load -> dump is byte-identical (write.c keeps
 * the blank node labels a dump carries).  raptor has no TriG writer: TriG
 * is one "<g> { ... }" block of N-Triples lines per graph.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "store.h"

static int
iri_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The statements of graph iri as N-Triples lines (nquads: ended by the
 * graph IRI), sorted, into *buf. */
static ng_status
graph_lines(ng_store *st, const char *iri, int nquads, char **buf,
            size_t *len, size_t *count, char *err)
{
  librdf_node *ctx = ngi_store_iri_node(st, iri, err);
  librdf_stream *str = NULL;
  ng_graph *g = NULL;
  ng_status rc;

  *buf = NULL;
  *len = 0;
  *count = 0;
  if(!ctx)
    return NG_EUSAGE;
  rc = ngi_graph_new_in(st->world, &g, err);
  if(rc == NG_OK) {
    ngi_store_log_reset(st);
    str = librdf_model_context_as_stream(st->model, ctx);
    if(!str) {
      ngi_store_log_err(st, "cannot read the store", err);
      rc = NG_ESTORE;
    }
  }
  for(; rc == NG_OK && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    if(!s)
      break;
    if(librdf_model_add_statement(ngi_graph_model(g), s)) {
      ngi_store_errf(err, "out of memory");
      rc = NG_ENOMEM;
    }
    (*count)++;
  }
  if(str)
    librdf_free_stream(str);
  if(rc == NG_OK && st->log.errors)
    rc = ngi_store_read_failed(st, "cannot read the store", NG_ESTORE, err);
  if(rc == NG_OK)
    rc = ng_graph_lines(g, nquads ? iri : NULL, buf, len, err);
  ng_graph_free(g);
  librdf_free_node(ctx);
  return rc;
}

ng_status
ng_store_dump(ng_store *st, const char *format, const char *graph_iri,
              FILE *out, size_t *graphs, char *err)
{
  char **iris = NULL;
  size_t n = 0, i, found = 0;
  int nquads, trig;
  ng_status rc;

  if(graphs)
    *graphs = 0;
  if(!st || !out) {
    ngi_store_errf(err, "ng_store_dump: NULL argument");
    return NG_EUSAGE;
  }
  nquads = !format || !strcmp(format, "nquads");
  trig = format && !strcmp(format, "trig");
  if(!nquads && !trig) {
    ngi_store_errf(err, "unknown dump format '%s' (nquads or trig)", format);
    return NG_EFORMAT;
  }
  rc = ng_store_graphs(st, &iris, &n, err);
  if(rc != NG_OK)
    return rc;
  qsort(iris, n, sizeof *iris, iri_cmp);
  for(i = 0; rc == NG_OK && i < n; i++) {
    char *buf = NULL;
    size_t len = 0, count = 0;

    if(graph_iri && strcmp(graph_iri, iris[i]))
      continue;
    if(i > 0 && !strcmp(iris[i], iris[i - 1]))
      continue;
    rc = graph_lines(st, iris[i], nquads, &buf, &len, &count, err);
    if(rc == NG_OK && count > 0) {
      found++;
      if(trig && fprintf(out, "<%s> {\n", iris[i]) < 0)
        rc = NG_EIO;
      if(rc == NG_OK && len && fwrite(buf, 1, len, out) != len)
        rc = NG_EIO;
      if(rc == NG_OK && trig && fputs("}\n", out) == EOF)
        rc = NG_EIO;
      if(rc == NG_EIO)
        ngi_store_errf(err, "cannot write the dump");
    }
    free(buf);
  }
  for(i = 0; i < n; i++)
    free(iris[i]);
  free(iris);
  if(rc == NG_OK && graph_iri && !found) {
    ngi_store_errf(err, "no graph <%s> in the store", graph_iri);
    return NG_EUSAGE;
  }
  if(rc == NG_OK && (fflush(out) || ferror(out))) {
    ngi_store_errf(err, "cannot write the dump");
    rc = NG_EIO;
  }
  if(rc == NG_OK && graphs)
    *graphs = found;
  return rc;
}
