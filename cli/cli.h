/* cli.h - what the files of the newsgraph command share: the subcommand
 * signature, error printing, exit codes and option helpers.
 * The CLI uses only include/newsgraph.h from the library.  Each subcommand
 * is one `cmd_` function and one row of the table in cli/main.c.
 */
#ifndef NG_CLI_H
#define NG_CLI_H

#include <stddef.h>
#include <stdio.h>

#include "newsgraph.h"

/* Exit codes (documented in --help; see HACKING.md). */
enum {
  CLI_OK = 0,
  CLI_EINTERNAL = 1, /* out of memory, internal error */
  CLI_EUSAGE = 2,
  CLI_EREAD = 3,
  CLI_EINPUT = 4,
  CLI_ELEXICON = 5,
  CLI_EOUTPUT = 6,
  CLI_ESTORE = 7,
  CLI_ENET = 8,
  CLI_EQUERY = 9,
  CLI_ESOME = 10,
  CLI_EFULL = 11     /* the front cannot run newsgraph-full (front.c) */
};

/* A subcommand: argv[0] is its name; returns the exit code. */
typedef int (*cli_cmd_fn)(int argc, char **argv);

int cmd_extract(int argc, char **argv);
/* store helper: cmd_load, cmd_query, cmd_stats, cmd_push (cli/cmd_*.c) */
int cmd_load(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_push(int argc, char **argv);
/* link helper: cmd_link (cli/cmd_link.c) */
int cmd_link(int argc, char **argv);
/* dump: the store with its graph names (cli/cmd_dump.c) */
int cmd_dump(int argc, char **argv);
/* the store over HTTP: cmd_serve (cli/cmd_serve.c, serve/) */
int cmd_serve(int argc, char **argv);

/* "newsgraph: <message>\n" on stderr, the one line of an error. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 1, 2)))
#endif
  ;

/* The exit code for a library status (NG_EIO counts as reading: 3). */
int cli_exit_code(ng_status st);

/* Option with a value at argv[*i]: "--name V", "--name=V", or for a
 * one-letter short name "-s V" / "-sV".  Returns 1 and sets *val (and
 * advances *i past V) when argv[*i] is that option, 0 when it is not, and
 * -1 after printing an error when the value is missing. */
int cli_opt_value(int argc, char **argv, int *i, const char *longname,
                  char shortname, const char **val);

/* Parse a non-negative decimal (optional k/M/G suffix) for option `opt`;
 * prints an error and returns CLI_EUSAGE when it is not one. */
int cli_parse_size(const char *opt, const char *s, size_t *out);

/* Where a store command's store is (storeopts.c). */
typedef struct cli_store_opts {
  const char *path;           /* --store; NULL: $NEWSGRAPH_STORE or the
                                 default newsgraph.db */
  ng_store_backend backend;   /* --backend sqlite|bdb */
  double wait;                /* --wait SECS on a locked store */
} cli_store_opts;

void cli_store_opts_init(cli_store_opts *o);
/* --store, --backend or --wait at argv[*i]: as cli_opt_value. */
int cli_store_opt(int argc, char **argv, int *i, cli_store_opts *o);
const char *cli_store_path(const cli_store_opts *o);
/* Open the store (existing: refuse to create a missing sqlite file);
 * CLI_OK, or the exit code after printing the error. */
int cli_store_open(const cli_store_opts *o, int existing, ng_store **st);

/* Read at most limit + 1 bytes of path ("-" = stdin) into a malloc'ed,
 * NUL-terminated buffer.  Returns 0, or an errno (EISDIR for a folder,
 * ENOMEM), or -1 for an unknown read error.  Prints nothing. */
int cli_slurp(const char *path, size_t limit, char **buf, size_t *len);

/* Read a whole file ("-" = stdin) into a malloc'ed buffer, at most
 * limit + 1 bytes (so that "too large" stays the library's call).
 * Prints the error and returns CLI_EREAD (or CLI_EINTERNAL) on failure. */
int cli_read_input(const char *path, size_t limit, char **buf, size_t *len);

/* errno as a short lower-case phrase ("no such file"). */
const char *cli_errno_text(int e);

/* The exit code table of --help. */
void cli_print_exit_codes(FILE *out);

/* How a path is named in messages: "<stdin>" for "-". */
const char *cli_display_name(const char *path);

#endif /* NG_CLI_H */
