/* load_input.h - the inputs of `newsgraph load` and `push` put into a
 * store (see load_input.c). */
#ifndef NG_CLI_LOAD_INPUT_H
#define NG_CLI_LOAD_INPUT_H

#include <stddef.h>

#include "newsgraph.h"
#include "sources.h"

typedef struct cli_load_args {
  in_kind forced;            /* --input (IN_AUTO: by the file's name) */
  const char *forced_syntax; /* its RDF syntax when forced is IN_RDF */
  const char *graph;         /* --graph: an RDF file's graph, an article's
                                IRI (one input only) */
  const char *base;          /* --base for articles */
  int with_text;             /* --with-text: schema:articleBody */
  const ng_lexicon *lex;     /* to extract articles (NULL: RDF only) */
  size_t max_bytes;          /* largest article (NG_DEFAULT_MAX_BYTES) */
  size_t rdf_max_bytes;      /* largest RDF file (0: the store's limit) */
  int quiet;                 /* no line per graph on stdout */
} cli_load_args;

typedef struct cli_load_count {
  size_t ok, failed; /* graphs put; inputs or records that failed */
  int last;          /* the exit code of the last failure */
} cli_load_count;

/* 1 when some input is (or may be) an article, so a lexicon is needed. */
int cli_load_needs_lexicon(char **inputs, size_t n, in_kind forced);

/* Put every input into st, each in its own transaction, printing the
 * errors (and, unless quiet, "IRI<TAB>triples<TAB>NAME" per graph).
 * Returns CLI_OK with *c counting what worked and what failed, or an exit
 * code when the inputs could not be listed (nothing done). */
int cli_load_inputs(ng_store *st, char **inputs, size_t n,
                    const cli_load_args *a, cli_load_count *c);

#endif /* NG_CLI_LOAD_INPUT_H */
