/* front_stubs.c - the librdf functions that the front's code names but
 * never calls.  The front (front.c) builds only graphs of lines
 * (ng_graph_new_lines), yet a few library functions it calls serve both
 * kinds of graph and name librdf in their model branch (ng_graph_free,
 * ng_graph_lines, the statement builder of graph/graph.c).  The front is
 * not linked with librdf, so those names are defined here: each stops
 * the program with an internal error, since reaching one is a bug.
 *
 * If the front fails to link with "undefined reference to X", a function
 * it reaches has gained a call into the RDF stack: when that call is in a
 * model-only branch, add X to the list; else the front must leave that
 * case to newsgraph-full (front.c).
 */
#include <stdio.h>
#include <stdlib.h>

#define NGI_STUB(name)                                                    \
  void name(void);                                                        \
  void name(void)                                                         \
  {                                                                       \
    fputs("newsgraph: internal error: the front called " #name "\n",      \
          stderr);                                                        \
    abort();                                                              \
  }

NGI_STUB(librdf_free_model)
NGI_STUB(librdf_free_node)
NGI_STUB(librdf_free_statement)
NGI_STUB(librdf_free_storage)
NGI_STUB(librdf_free_stream)
NGI_STUB(librdf_free_uri)
NGI_STUB(librdf_free_world)
NGI_STUB(librdf_model_add_statement)
NGI_STUB(librdf_model_as_stream)
NGI_STUB(librdf_new_node_from_literal)
NGI_STUB(librdf_new_node_from_node)
NGI_STUB(librdf_new_node_from_typed_literal)
NGI_STUB(librdf_new_node_from_uri_string)
NGI_STUB(librdf_new_statement_from_nodes)
NGI_STUB(librdf_new_uri)
NGI_STUB(librdf_node_get_blank_identifier)
NGI_STUB(librdf_node_get_literal_value_as_counted_string)
NGI_STUB(librdf_node_get_literal_value_datatype_uri)
NGI_STUB(librdf_node_get_literal_value_language)
NGI_STUB(librdf_node_get_uri)
NGI_STUB(librdf_node_is_blank)
NGI_STUB(librdf_node_is_resource)
NGI_STUB(librdf_statement_get_object)
NGI_STUB(librdf_statement_get_predicate)
NGI_STUB(librdf_statement_get_subject)
NGI_STUB(librdf_stream_end)
NGI_STUB(librdf_stream_get_object)
NGI_STUB(librdf_stream_next)
NGI_STUB(librdf_uri_as_counted_string)
