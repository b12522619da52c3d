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

/* path (borrowed; NULL for none) is a temporary file of --out-dir
 * being written: removed on SIGINT, SIGTERM or SIGHUP, which are passed
 * on to the thread that called this first, the one that makes them.
 * Not with cli_output_open's file at the same time. */
void cli_output_temp(const char *path);

#endif /* NG_CLI_OUTPUT_H */
