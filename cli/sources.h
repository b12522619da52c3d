/* sources.h - the inputs of `newsgraph extract` (see sources.c). */
#ifndef NG_CLI_SOURCES_H
#define NG_CLI_SOURCES_H

#include <stddef.h>

/* How an input is read. */
typedef enum in_kind { IN_AUTO, IN_TEXT, IN_HTML, IN_JSONL, IN_URL } in_kind;

typedef struct cli_source {
  char *path; /* "-" for stdin */
  in_kind kind;
} cli_source;

/* http://, https:// or file:// */
int cli_is_url(const char *s);
int cli_ends_with(const char *s, const char *suffix);
/* The kind of a file by its name (forced unless IN_AUTO). */
in_kind cli_kind_of(const char *path, in_kind forced);

/* The inputs in order, folders expanded (*dirs counts them), stdin's kind
 * guessed from its first byte, *total_bytes the sizes of the files.
 * Returns 0, or -1 after printing the error (-2: a usage error, such as
 * a URL with user:password@).  cli_sources_free frees. */
int cli_sources_expand(char **inputs, size_t ninputs, in_kind forced,
                       cli_source **out, size_t *nout, size_t *dirs,
                       unsigned long long *total_bytes);
void cli_sources_free(cli_source *v, size_t n);

#endif /* NG_CLI_SOURCES_H */
