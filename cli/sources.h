/* sources.h - the inputs of `newsgraph extract`, `load` and `push` (see
 * sources.c): one reader of inputs for the three commands. */
#ifndef NG_CLI_SOURCES_H
#define NG_CLI_SOURCES_H

#include <stddef.h>

/* How an input is read. */
typedef enum in_kind {
  IN_AUTO, IN_TEXT, IN_HTML, IN_JSONL, IN_URL,
  IN_RDF      /* an RDF file: loaded as RDF, never extracted */
} in_kind;

typedef struct cli_source {
  char *path; /* "-" for stdin */
  in_kind kind;
  const char *syntax; /* IN_RDF: the raptor syntax (static) */
} cli_source;

/* The kind named by --input KIND (text, html, jsonl, turtle, ntriples,
 * nquads, trig, rdfxml, rdfjson), with *syntax for an RDF kind; -1 when
 * there is none of that name. */
int cli_input_kind(const char *name, in_kind *kind, const char **syntax);
/* The names of the kinds, for messages: "text, html, ...". */
const char *cli_input_kinds(void);
/* The RDF syntax a file name implies by its extension, or NULL. */
const char *cli_rdf_syntax_of(const char *path);

/* http://, https:// or file:// */
int cli_is_url(const char *s);
int cli_ends_with(const char *s, const char *suffix);
/* The kind of a file by its name (forced unless IN_AUTO). */
in_kind cli_kind_of(const char *path, in_kind forced);

/* The inputs in order, folders expanded (*dirs counts them), stdin's kind
 * guessed from its first byte, *total_bytes the sizes of the files.
 * forced (IN_RDF: with forced_syntax) is --input; IN_AUTO: by name.
 * Returns 0, or -1 after printing the error (-2: a usage error, such as
 * a URL with user:password@).  cli_sources_free frees. */
int cli_sources_expand(char **inputs, size_t ninputs, in_kind forced,
                       const char *forced_syntax, cli_source **out, size_t *nout, size_t *dirs,
                       unsigned long long *total_bytes);
void cli_sources_free(cli_source *v, size_t n);

#endif /* NG_CLI_SOURCES_H */
