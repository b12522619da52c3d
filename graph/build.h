/* build.h - graph/'s private statement builder, shared by graph.c (which
 * implements it), entities.c (the statements of an article) and meta.c
 * (what a page says about it).
 *
 * A builder chains calls without checks: the first failure sticks in
 * b->st and later calls only free the nodes they are given.  Nodes are
 * ngi_nodes (graph.h) until added, then librdf nodes for a model or
 * N-Triples text for a graph of lines.
 */
#ifndef NG_BUILD_H
#define NG_BUILD_H

#include <stdint.h>

#include "graph.h"
#include "vocab.h"

ngi_node ngi_build_uri(ngi_builder *b, const char *iri);
ngi_node ngi_build_term(ngi_builder *b, ngi_term t);
/* A plain literal, with the characters no serializer writes faithfully
 * rewritten (graph.c says which). */
ngi_node ngi_build_lit(ngi_builder *b, const char *s);
/* A plain literal of the len bytes at s (an article's text), the same
 * length: the bytes lit rewrites become spaces (CR too) and U+FFFE /
 * U+FFFF become U+FFFD, so byte offsets into s still hold. */
ngi_node ngi_build_lit_same(ngi_builder *b, const char *s, size_t len);
/* A literal typed dt (a static IRI such as NGI_XSD "date"). */
ngi_node ngi_build_typed(ngi_builder *b, const char *s, const char *dt);
ngi_node ngi_build_typed_term(ngi_builder *b, const char *s, ngi_term dt);
/* v as an xsd:nonNegativeInteger. */
ngi_node ngi_build_number(ngi_builder *b, uint32_t v);

/* Add (s p o), taking the nodes. */
void ngi_build_add(ngi_builder *b, ngi_node s, ngi_node p, ngi_node o);
/* Add (s p o) with o a literal, unless the text is NULL or empty. */
void ngi_build_add_lit(ngi_builder *b, const char *s, ngi_term p,
                       const char *text);
/* Add (s p o) with o an IRI, unless o is NULL. */
void ngi_build_add_iri(ngi_builder *b, const char *s, ngi_term p,
                       const char *o);
/* Add (s rdf:type cls). */
void ngi_build_add_type(ngi_builder *b, const char *s, ngi_term cls);

/* Keep base (the first one given) for the prefixes of the output;
 * NG_ENOMEM when out of memory. */
ng_status ngi_graph_set_base(ng_graph *g, const char *base);
/* The first librdf error of the graph's own world, or "" (borrowed). */
const char *ngi_graph_log(ng_graph *g);

#endif /* NG_BUILD_H */
