/* query.c - SPARQL 1.1 queries over the embedded store (rasqal through
 * librdf): SELECT and ASK results in table/csv/tsv/json/xml, CONSTRUCT and
 * DESCRIBE as RDF through a raptor serializer.  Syntax errors come back as
 * NG_EQUERY with the line rasqal reports.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "store.h"

/* Result formats for variable bindings and booleans (rasqal's names). */
static const char *const binding_formats[] = {
  "table", "csv", "tsv", "json", "xml", NULL
};

/* Serializer names we accept for graph results. */
static const char *const graph_formats[] = {
  "turtle", "ntriples", "nquads", "rdfxml", "rdfxml-abbrev", "json",
  "json-triples", "jsonld", NULL
};

static int
in_list(const char *const *list, const char *s)
{
  for(; *list; list++)
    if(!strcmp(*list, s))
      return 1;
  return 0;
}

int
ng_query_format_known(const char *format)
{
  return !format || in_list(binding_formats, format) ||
         in_list(graph_formats, format);
}

static ng_status
write_graph(ng_store *st, librdf_query_results *res, const char *format,
            FILE *out, char *err)
{
  librdf_stream *str;
  librdf_model *m;
  librdf_storage *mem;
  ng_status rc = NG_OK;

  if(!format || !in_list(graph_formats, format) || !strcmp(format, "json"))
    format = (format && !strcmp(format, "json")) ? "json" : "turtle";
  /* copy into a memory model so the graph helper's deterministic writer
   * (sorted, with our prefixes) can be used */
  mem = librdf_new_storage(st->world, "hashes", NULL,
                           "hash-type='memory'");
  m = mem ? librdf_new_model(st->world, mem, NULL) : NULL;
  str = librdf_query_results_as_stream(res);
  if(!m || !str) {
    ngi_store_log_err(st, "cannot read the query results", err);
    rc = NG_EQUERY;
  } else if(librdf_model_add_statements(m, str)) {
    ngi_store_log_err(st, "cannot read the query results", err);
    rc = NG_EQUERY;
  } else if(st->log.errors) {
    /* a part of the answer only: print none of it */
    rc = ngi_store_read_failed(st, "query error", NG_EQUERY, err);
  }
  if(str)
    librdf_free_stream(str);
  if(rc == NG_OK)
    rc = ngi_model_write(st->world, m, format, NULL, out, err);
  if(m)
    librdf_free_model(m);
  if(mem)
    librdf_free_storage(mem);
  return rc;
}

ng_status
ng_store_query(ng_store *st, const char *query, const char *format,
               FILE *out, char *err)
{
  librdf_query *q;
  librdf_query_results *res;
  ng_status rc = NG_OK;

  if(!ng_query_format_known(format)) {
    ngi_store_errf(err, "unknown result format '%s'", format);
    return NG_EUSAGE;
  }
  rc = ngi_guard_sparql(query, st->allow_service, err);
  if(rc != NG_OK)
    return rc;
  ngi_store_log_reset(st);
  q = librdf_new_query(st->world, "sparql11-query", NULL,
                       (const unsigned char *)query, NULL);
  if(!q) {
    ngi_store_log_err(st, "query error", err);
    return NG_EQUERY;
  }
  res = librdf_model_query_execute(st->model, q);
  if(!res) {
    /* a damaged store fails here too: say so (exit 7) */
    rc = ngi_store_read_failed(st, "query error", NG_EQUERY, err);
    librdf_free_query(q);
    return rc;
  }
  if(librdf_query_results_is_graph(res)) {
    if(format && !in_list(graph_formats, format)) {
      ngi_store_errf(err, "-f %s does not fit a CONSTRUCT or DESCRIBE "
                     "query, which gives a graph (turtle, ntriples, "
                     "rdfxml, json, jsonld)", format);
      rc = NG_EUSAGE;
    } else {
      rc = write_graph(st, res, format, out, err);
    }
  } else if(format && !in_list(binding_formats, format)) {
    ngi_store_errf(err, "-f %s does not fit a SELECT or ASK query, which "
                   "gives rows (table, csv, tsv, json, xml)", format);
    rc = NG_EUSAGE;
  } else {
    const char *name = format;
    /* into memory first: a read that fails half-way prints nothing */
    char *mb = NULL;
    size_t ml = 0;
    FILE *mf = open_memstream(&mb, &ml);
    if(!mf) {
      ngi_store_errf(err, "out of memory");
      rc = NG_ENOMEM;
    } else if((rc = ngi_results_write(st, res, name, mf, err)) != NG_OK) {
      fclose(mf);
    } else if(fclose(mf) != 0) {
      ngi_store_errf(err, "out of memory");
      rc = NG_ENOMEM;
    } else if(st->log.errors) {
      rc = ngi_store_read_failed(st, "query error", NG_EQUERY, err);
    } else if(ml && fwrite(mb, 1, ml, out) != ml) {
      ngi_store_errf(err, "cannot write the query results");
      rc = NG_EIO;
    }
    free(mb);
  }
  librdf_free_query_results(res);
  librdf_free_query(q);
  if(rc == NG_OK && (fflush(out) || ferror(out))) {
    ngi_store_errf(err, "cannot write the query results");
    rc = NG_EIO;
  }
  return rc;
}

void
ng_store_allow_service(ng_store *st, int allow)
{
  st->allow_service = !!allow;
}
