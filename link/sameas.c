/* sameas.c - the merged view that `newsgraph query --merge-same-as` runs
 * over: the store's graphs copied into a memory model with every person
 * that the links graph says is owl:sameAs another replaced by its
 * canonical node (link.c makes each member point at it, so one hop
 * suffices).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/iri.h"
#include "graph/vocab.h"
#include "link.h"
#include "store/store.h"
#include "util/str.h"

/* ------------------------------------------------------------ merged view */

ng_status
ng_store_query_merged(ng_store *st, const char *links_graph,
                      const char *query, const char *format, FILE *out,
                      char *err)
{
  librdf_storage *mem = NULL;
  librdf_model *m = NULL, *saved;
  librdf_node *ctx = NULL;
  librdf_stream *str;
  ngi_smap map;
  char **iris = NULL, **canon = NULL;
  size_t n = 0, i, ncanon = 0, capcanon = 0;
  ng_status rc;

  memset(&map, 0, sizeof map);
  if(!links_graph)
    links_graph = NG_LINKS_GRAPH;
  rc = ngi_iri_check(links_graph, "links graph", err);
  if(rc != NG_OK)
    return rc;
  /* the map: person -> its canonical node */
  ctx = librdf_new_node_from_uri_string(st->world,
                                        (const unsigned char *)links_graph);
  if(!ctx)
    goto nomem;
  str = librdf_model_context_as_stream(st->model, ctx);
  librdf_free_node(ctx);
  if(!str) {
    ngi_store_log_err(st, "cannot read the links graph", err);
    return NG_ESTORE;
  }
  for(; !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    librdf_node *sn, *on;
    const char *p, *a, *b;
    if(!s)
      break;
    sn = librdf_statement_get_subject(s);
    on = librdf_statement_get_object(s);
    p = ngi_link_node_str(librdf_statement_get_predicate(s));
    if(!p || strcmp(p, NGI_OWL "sameAs") || !librdf_node_is_resource(sn) ||
       !librdf_node_is_resource(on))
      continue;
    a = ngi_link_node_str(sn);
    b = ngi_link_node_str(on);
    if(!strncmp(b, NGI_WIKIDATA, strlen(NGI_WIKIDATA)))
      continue;
    if(ngi_smap_get(&map, a, -1) < 0) {
      int ci = -1;
      size_t k;
      for(k = 0; k < ncanon; k++)
        if(!strcmp(canon[k], b))
          ci = (int)k;
      if(ci < 0) {
        char *c = ngi_str_dup(b);
        if(!c || ngi_link_spush(&canon, &ncanon, &capcanon, c)) {
          free(c);
          librdf_free_stream(str);
          goto nomem;
        }
        ci = (int)ncanon - 1;
      }
      if(ngi_smap_put(&map, a, ci)) {
        librdf_free_stream(str);
        goto nomem;
      }
    }
  }
  librdf_free_stream(str);

  mem = librdf_new_storage(st->world, "hashes", NULL,
                           "hash-type='memory',contexts='yes'");
  m = mem ? librdf_new_model(st->world, mem, NULL) : NULL;
  if(!m)
    goto nomem;
  rc = ng_store_graphs(st, &iris, &n, err);
  for(i = 0; i < n && rc == NG_OK; i++) {
    ctx = librdf_new_node_from_uri_string(st->world,
                                          (const unsigned char *)iris[i]);
    str = ctx ? librdf_model_context_as_stream(st->model, ctx) : NULL;
    if(!str) {
      ngi_store_log_err(st, "cannot read the store", err);
      rc = NG_ESTORE;
    }
    for(; str && !librdf_stream_end(str) && rc == NG_OK;
        librdf_stream_next(str)) {
      librdf_statement *s = librdf_stream_get_object(str), *c;
      librdf_node *sn, *pn, *on;
      int k;
      if(!s)
        break;
      sn = librdf_statement_get_subject(s);
      pn = librdf_statement_get_predicate(s);
      on = librdf_statement_get_object(s);
      if(librdf_node_is_resource(sn) &&
         (k = ngi_smap_get(&map, ngi_link_node_str(sn), -1)) >= 0)
        sn = librdf_new_node_from_uri_string(
          st->world, (const unsigned char *)canon[k]);
      else
        sn = librdf_new_node_from_node(sn);
      if(librdf_node_is_resource(on) &&
         (k = ngi_smap_get(&map, ngi_link_node_str(on), -1)) >= 0)
        on = librdf_new_node_from_uri_string(
          st->world, (const unsigned char *)canon[k]);
      else
        on = librdf_new_node_from_node(on);
      pn = librdf_new_node_from_node(pn);
      if(!sn || !pn || !on) {
        if(sn)
          librdf_free_node(sn);
        if(pn)
          librdf_free_node(pn);
        if(on)
          librdf_free_node(on);
        rc = NG_ENOMEM;
        break;
      }
      c = librdf_new_statement_from_nodes(st->world, sn, pn, on);
      if(!c)
        rc = NG_ENOMEM;
      else if(librdf_model_context_add_statement(m, ctx, c))
        rc = NG_ERDF;
      if(c)
        librdf_free_statement(c);
    }
    if(str)
      librdf_free_stream(str);
    if(ctx)
      librdf_free_node(ctx);
  }
  for(i = 0; i < n; i++)
    free(iris[i]);
  free(iris);
  if(rc == NG_ENOMEM)
    ngi_store_errf(err, "out of memory");
  else if(rc == NG_ERDF)
    ngi_store_errf(err, "cannot build the merged view");
  if(rc == NG_OK) {
    saved = st->model;
    st->model = m;
    rc = ng_store_query(st, query, format, out, err);
    st->model = saved;
  }
  librdf_free_model(m);
  librdf_free_storage(mem);
  for(i = 0; i < ncanon; i++)
    free(canon[i]);
  free(canon);
  ngi_smap_free(&map);
  return rc;

nomem:
  if(m)
    librdf_free_model(m);
  if(mem)
    librdf_free_storage(mem);
  for(i = 0; i < ncanon; i++)
    free(canon[i]);
  free(canon);
  ngi_smap_free(&map);
  ngi_store_errf(err, "out of memory");
  return NG_ENOMEM;
}
