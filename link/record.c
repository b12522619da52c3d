/* record.c - writing a link down: the link triple itself, and its
 * reified record, an rdf:Statement with ng:confidence and ng:linkReason
 * in the links graph, passed to the caller's on_link too.  link.c
 * decides which links there are.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/iri.h"
#include "graph/vocab.h"
#include "link.h"

#define NG_CONFIDENCE NG_NS "confidence"
#define NG_LINK_REASON NG_NS "linkReason"
#define RDF_STATEMENT NGI_RDF "Statement"

static librdf_node *
res(linker *L, const char *iri)
{
  librdf_node *n = librdf_new_node_from_uri_string(
    L->w, (const unsigned char *)iri);
  if(!n)
    NOMEM(L);
  return n;
}

static void
emit(linker *L, librdf_node *s, const char *pred, librdf_node *o)
{
  librdf_node *p = res(L, pred);
  librdf_statement *st;

  if(!s || !p || !o || L->rc != NG_OK) {
    if(s)
      librdf_free_node(s);
    if(p)
      librdf_free_node(p);
    if(o)
      librdf_free_node(o);
    return;
  }
  st = librdf_new_statement_from_nodes(L->w, s, p, o);
  if(!st || librdf_model_add_statement(L->m, st))
    ngi_link_err(L, NG_ERDF, "cannot add a link to the graph");
  if(st)
    librdf_free_statement(st);
}

static librdf_node *
lit(linker *L, const char *v, const char *dt)
{
  librdf_uri *u = NULL;
  librdf_node *n;

  if(dt) {
    u = librdf_new_uri(L->w, (const unsigned char *)dt);
    if(!u) {
      NOMEM(L);
      return NULL;
    }
  }
  n = librdf_new_node_from_typed_literal(L->w, (const unsigned char *)v,
                                         NULL, u);
  if(u)
    librdf_free_uri(u);
  if(!n)
    NOMEM(L);
  return n;
}

void
ngi_link_record(linker *L, const char *from, const char *to,
                const char *pred, double conf, const char *reason,
                const char *fl, const char *tl)
{
  char frag[64], num[16];
  char *iri;
  ng_link l;

  if(!strcmp(from, to))
    return; /* never a self-link (wd:Q10648 owl:sameAs wd:Q10648) */
  L->nlinks++;
  snprintf(frag, sizeof frag, "#link-%zu", L->nlinks);
  iri = ngi_iri_join(L->graph, frag, NULL);
  if(!iri) {
    NOMEM(L);
    return;
  }
  snprintf(num, sizeof num, "%.2f", conf);
  emit(L, res(L, iri), NGI_RDF "type", res(L, RDF_STATEMENT));
  emit(L, res(L, iri), NGI_RDF "subject", res(L, from));
  emit(L, res(L, iri), NGI_RDF "predicate", res(L, pred));
  emit(L, res(L, iri), NGI_RDF "object", res(L, to));
  emit(L, res(L, iri), NG_CONFIDENCE, lit(L, num, NGI_XSD "decimal"));
  emit(L, res(L, iri), NG_LINK_REASON, lit(L, reason, NULL));
  free(iri);
  if(L->o && L->o->on_link) {
    l.from = from;
    l.to = to;
    l.from_label = fl;
    l.to_label = tl;
    l.predicate = strcmp(pred, NGI_OWL "sameAs") ? "skos:closeMatch"
                                                 : "owl:sameAs";
    l.confidence = conf;
    l.reason = reason;
    L->o->on_link(L->o->arg, &l);
  }
}

void
ngi_link_triple(linker *L, const char *s, const char *pred, const char *o)
{
  if(!strcmp(s, o))
    return;
  emit(L, res(L, s), pred, res(L, o));
}
