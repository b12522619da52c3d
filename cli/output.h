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

#endif /* NG_CLI_OUTPUT_H */
