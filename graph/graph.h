/* graph.h - graph/: extraction results to RDF.  The interface of the
 * folder for store/, link/, net/ and the tests (the public side is the
 * ng_graph_* and ng_rdf_world_* part of include/newsgraph.h).
 *
 * graph/ builds the librdf model of an article (graph.c: the model and
 * the statement builder of build.h; entities.c: the article's statements;
 * meta.c: what a page says about it; with the terms of vocab.h and the
 * IRIs of iri.h), serializes
 * any model deterministically (serialize.c) and gives batch extraction
 * per-thread worlds and a fast N-Quads writer (batch.c).  It reads
 * extract/'s results (extract/result.h) and nothing else of ours but
 * util/.
 *
 * A graph is one librdf model (in-memory "trees" storage) in a world that
 * it owns, or borrows from the store or a batch thread (ngi_graph_new_in).
 * Tests fill an ngi_result by hand and call ngi_graph_add_result directly.
 */
#ifndef NG_GRAPH_H
#define NG_GRAPH_H

#include <stdio.h>

#include <redland.h>

#include "newsgraph.h"
#include "extract/result.h"
#include "vocab.h"

/* A graph in an existing world, which it does not free and whose logger
 * it leaves alone.  The world must outlive the graph. */
ng_status ngi_graph_new_in(librdf_world *w, ng_graph **out, char *err);

/* The base of the graph's first document (borrowed), or NULL. */
const char *ngi_graph_base(ng_graph *g);

/* Borrowed; valid until ng_graph_free.  NULL for a graph of lines
 * (ng_graph_new_lines), which has no model. */
librdf_model *ngi_graph_model(ng_graph *g);
librdf_world *ngi_graph_world(ng_graph *g);

/* The body of ng_graph_add_doc, for any result (tests build one by hand). */
ng_status ngi_graph_add_result(ng_graph *g, const ngi_result *r,
                               const ng_graph_opts *o, char *err);

/* A node of a statement being built, before it is a librdf node (or, in
 * a graph of lines, an N-Triples term): an IRI, a vocabulary term, a
 * plain literal or a typed one.  s is borrowed from the caller, or owned
 * (own) and freed when the statement is added; kind 0 means out of
 * memory. */
enum { NGI_NODE_IRI = 1, NGI_NODE_TERM, NGI_NODE_LIT, NGI_NODE_TYPED };

typedef struct ngi_node {
  int kind;
  ngi_term term;       /* NGI_NODE_TERM */
  const char *s;       /* the IRI or the literal's text */
  const char *dt;      /* NGI_NODE_TYPED: the datatype IRI (static) */
  char *own;           /* s when the node owns it, else NULL */
} ngi_node;

/* The statement builder of graph.c, for entities.c and meta.c: the first
 * failure sticks in st and later calls only free what they are given.  A
 * node of kind 0 means out of memory. */
typedef struct ngi_builder {
  ng_graph *g;
  ng_status st;
} ngi_builder;

/* Its functions are in build.h, private to graph/. */

/* The statements of a graph of lines (ng_graph_new_lines, batch.c): each
 * kept as its N-Triples text without the final " .", then sorted
 * bytewise and deduplicated when counted or written. */
typedef struct ngi_lines ngi_lines;
ngi_lines *ngi_lines_new(void);
void ngi_lines_free(ngi_lines *l);
/* Append the statement (s p o); returns 0, or -1 when out of memory. */
int ngi_lines_add(ngi_lines *l, const ngi_node *s, const ngi_node *p,
                  const ngi_node *o);
/* The number of distinct statements (sorts and deduplicates). */
size_t ngi_lines_count(ngi_lines *l);
/* The lines of a graph of lines, or NULL for a graph with a model. */
ngi_lines *ngi_graph_lines_of(ng_graph *g);
/* The namespaces the serializers declare, in order (serialize.c):
 * fn(arg, prefix, namespace IRI) for each; base NULL: no minted ones. */
void ngi_serialize_prefixes(const char *base,
                            void (*fn)(void *arg, const char *prefix,
                                       const char *ns),
                            void *arg);
/* Turtle of sorted N-Triples lines, as raptor writes it (turtle.c);
 * NG_EFORMAT when only raptor can. */
ng_status ngi_lines_turtle(const char *nt, size_t len, const char *base,
                           char **out, size_t *outlen, char *err);
/* Reading the lines back into terms: ntline.h. */
/* N-Triples of a graph of lines, as ngi_model_write and raptor write it
 * (ntriples.c); NG_EFORMAT when only raptor can. */
ng_status ngi_graph_ntriples(ng_graph *g, char **buf, size_t *len,
                             char *err);

/* The canonical raptor serializer name of a format or alias ("ttl" ->
 * "turtle"; NULL -> "turtle"), or NULL when unknown. */
const char *ngi_format_name(const char *format);

/* Serialize any model deterministically: its statements are copied,
 * sorted (subject, predicate, object) and fed to the serializer as one
 * stream, with our prefixes declared (and person: ngorg: role: topic:
 * article: under base when base is not NULL).  The whole document is built
 * in memory and written to out only when complete; a short write or a
 * failed fflush is NG_EIO.  Contexts are not written. */
ng_status ngi_model_write(librdf_world *w, librdf_model *m,
                          const char *format, const char *base, FILE *out,
                          char *err);

/* The same, into a malloc'ed buffer (*len bytes plus a NUL; caller
 * frees). */
ng_status ngi_model_serialize(librdf_world *w, librdf_model *m,
                              const char *format, const char *base,
                              char **buf, size_t *len, char *err);

#endif /* NG_GRAPH_H */
