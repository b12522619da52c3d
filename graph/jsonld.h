/* jsonld.h - graph/'s JSON-LD: the context (jsonld_ctx.c), the writer
 * (jsonld.c) and the reader (jsonld_read.c).
 *
 * The context of ontology/context.jsonld is the one source of the term
 * names, prefixes and value types: the writer compacts against it, the
 * reader expands with it (or with a document's own inline contexts).
 * Only what newsgraph writes and plain JSON-LD 1.1 documents need is
 * supported: prefixes, terms with @id and @type (@id, @vocab or a
 * datatype), @base, @vocab, @language; anything else in a context
 * (remote contexts, @import, scoped contexts, containers other than @set,
 * @reverse, keyword aliases) is refused with a message.
 */
#ifndef NG_JSONLD_H
#define NG_JSONLD_H

#include <json-c/json.h>
#include <redland.h>

#include "newsgraph.h"

/* One term of a context: "name" -> iri, values coerced to type. */
typedef struct ngi_jterm {
  char *name;
  char *iri;    /* NULL: the term maps to null (ignored) */
  char *type;   /* NULL, "@id", "@vocab" or a datatype IRI */
  char *lang;   /* its own @language, "" for an explicit null, or NULL */
  int prefix;   /* usable as the prefix of a compact IRI */
} ngi_jterm;

struct ng_jsonld_context {
  ngi_jterm *t;
  size_t n, cap;
  char *base;   /* @base, or NULL */
  char *vocab;  /* @vocab, or NULL */
  char *lang;   /* @language, or NULL */
  /* the context as written at the head of a document (writer only):
   * "{\n  \"@context\": {...}" pretty, "{\"@context\":{...}" plain */
  char *head_pretty, *head_plain;
};

/* Limits of the reader (hostile input). */
#define NGI_JSONLD_MAX_DEPTH 64
#define NGI_JSONLD_MAX_TERMS 10000

ng_jsonld_context *ngi_jctx_new(void);
/* A deep copy (NULL: out of memory). */
ng_jsonld_context *ngi_jctx_copy(const ng_jsonld_context *c);
/* Process a local context (object, array of them, or null) into c. */
ng_status ngi_jctx_apply(ng_jsonld_context *c, json_object *local,
                         char *err);
/* The term called name, or NULL. */
const ngi_jterm *ngi_jctx_term(const ng_jsonld_context *c,
                               const char *name);
/* Expand s to an absolute IRI or blank node id ("_:x"), malloc'ed:
 * vocab for properties and types (terms and @vocab apply), else as a
 * node's @id (resolved against @base).  NULL when it does not expand to
 * one (*oom set when out of memory). */
char *ngi_jctx_expand(const ng_jsonld_context *c, const char *s, int vocab,
                      int *oom);

/* Write the statements of m as one JSON-LD document (the layouts of
 * ng_graph_write_jsonld), for it and for serialize.c. */
ng_status ngi_jsonld_model_write(librdf_model *m, const ng_jsonld_context *c,
                                 const char *name, int layout, FILE *out,
                                 char *err);
/* A statement as the writer reads it (jsonld_stmts.c): strings, blank
 * nodes as "_:id", a literal's datatype NULL for xsd:string. */
enum { NGI_JO_IRI, NGI_JO_BLANK, NGI_JO_LIT };
typedef struct ngi_jtriple {
  char *s, *p, *o, *dt, *lang;
  int okind;
} ngi_jtriple;
void ngi_jtriples_free(ngi_jtriple *v, size_t n);
/* The statements of m, or of a graph of lines (NG_EFORMAT for what only
 * the model way writes the same: blank nodes, escaped IRIs, capitals in a
 * language tag), sorted, duplicates dropped (caller frees). */
ng_status ngi_jsonld_collect(librdf_model *m, ngi_jtriple **out,
                             size_t *nout, char *err);
ng_status ngi_jsonld_collect_lines(ng_graph *g, ngi_jtriple **out,
                                   size_t *nout, char *err);
/* The same for a graph of lines (ng_graph_new_lines), without librdf, for
 * the front (cli/front.c); NG_EFORMAT when only the model way writes it
 * the same (blank nodes, escaped IRIs, capitals in a language tag). */
ng_status ngi_jsonld_lines_write(ng_graph *g, const ng_jsonld_context *c,
                                 const char *name, int layout, FILE *out,
                                 char *err);

/* Parse a JSON-LD document (buf, len bytes) into statements with their
 * graph (NULL: the default graph), in a stream over world w that owns
 * them.  base resolves relative IRIs when the document has no @base.
 * NG_EINPUT with a message for a bad document. */
ng_status ngi_jsonld_parse(librdf_world *w, const char *buf, size_t len,
                           const char *base, librdf_stream **out,
                           char *err);

#endif /* NG_JSONLD_H */
