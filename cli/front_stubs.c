/* front_stubs.c - the RDF-library functions that the front's code names
 * but does not call.  The front (front.c) builds only graphs of lines
 * (ng_graph_new_lines), yet a few library functions it calls serve both
 * kinds of graph and name librdf in their model branch (ng_graph_free,
 * ng_graph_lines, the statement builder of graph/graph.c), and loading a
 * JSON-LD context resolves a relative @base or @vocab with raptor.  The
 * front is not linked with those libraries, so the names are defined
 * here: each hands the command line to newsgraph-full
 * (ngi_front_handover), which does it all again with the real library.
 * That is safe because the front writes nothing before its library work
 * is done.
 *
 * If the front fails to link with "undefined reference to X", a function
 * it reaches has gained a call into the RDF stack: add X to the list when
 * the call is for a case the front leaves to newsgraph-full; or do that
 * case in front.c before calling the library.
 */
void ngi_front_handover(void);

#define NGI_STUB(name)                                                    \
  void name(void);                                                        \
  void name(void)                                                         \
  {                                                                       \
    ngi_front_handover();                                                 \
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
NGI_STUB(raptor_uri_resolve_uri_reference)
