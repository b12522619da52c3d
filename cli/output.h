/* output.h - the output file of a command (see output.c). */
#ifndef NG_CLI_OUTPUT_H
#define NG_CLI_OUTPUT_H

#include <stdio.h>

/* stdout for NULL, else FILE.tmp (or the device or FIFO itself); NULL
 * after printing the error.  One output at a time. */
FILE *cli_output_open(const char *path);

/* Finish the output: keep it (rename FILE.tmp to FILE) or drop it.
 * Returns 0, or CLI_EOUTPUT after printing why. */
int cli_output_close(FILE *f, const char *path, int keep);

/* Write data as the file dir/name, whole or not at all: a new temporary
 * file dir/.name.tmp.XXXXXX (mkstemp), fsync'ed when sync, renamed over
 * dir/name (a file or link there is replaced at once, not followed).
 * Removed on failure and on SIGINT, SIGTERM or SIGHUP.  Returns 0 or an
 * errno value.  Not with cli_output_open's file at the same time. */
int cli_output_write_whole(const char *dir, const char *name,
                           const char *data, size_t len, int sync);

#endif /* NG_CLI_OUTPUT_H */
