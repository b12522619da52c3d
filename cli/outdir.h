/* outdir.h - `newsgraph extract --out-dir DIR`: one file per article
 * (see outdir.c). */
#ifndef NG_CLI_OUTDIR_H
#define NG_CLI_OUTDIR_H

#include <stddef.h>

#include "sources.h"

typedef struct cli_outdir cli_outdir;

/* DIR (created with its parents when missing, else it must be a
 * writable folder) for files of format, named after the sources, which
 * came from inputs (cli_sources_expand).  Returns 0, or an exit code
 * after printing the error. */
int cli_outdir_new(const char *dir, const char *format, char **inputs,
                   size_t ninputs, const cli_source *src, size_t nsrc,
                   cli_outdir **out);
void cli_outdir_free(cli_outdir *od);

/* Write the article of source srcno (line: its JSON Lines line, else 0;
 * id: its record's "id" or NULL) whole or not at all.  The name is taken
 * here, in call order: call in input order for names independent of -j.
 * Returns 0; 1 when this article failed (msg says why); or an exit code
 * when the run cannot go on (msg says why). */
int cli_outdir_write(cli_outdir *od, size_t srcno, unsigned long line,
                     const char *id, const char *data, size_t len,
                     char *msg, size_t msglen);

/* Flush the files written to disk (syncfs of DIR's file system); 0 or
 * an errno value. */
int cli_outdir_sync(cli_outdir *od);

/* The file extension of a format (".ttl", ".nq", ...). */
const char *cli_outdir_ext(const char *format);

#endif /* NG_CLI_OUTDIR_H */
