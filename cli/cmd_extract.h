/* cmd_extract.h - what the files of `newsgraph extract` share: the
 * options (cmd_extract.c), one article's work (extract_item.c) and the
 * run over the inputs (extract_run.c).
 */
#ifndef NG_CLI_CMD_EXTRACT_H
#define NG_CLI_CMD_EXTRACT_H

#include <stdio.h>

#include "newsgraph.h"
#include "input/input.h"
#include "sources.h"

/* The options (cmd_extract.c). */
typedef struct extract_args {
  const char *format, *data, *output;
  char **inputs;
  size_t ninputs;
  in_kind input;
  ng_graph_opts opts;
  ng_fetch_opts fetch;
  size_t max_bytes;
  long jobs;
  int quiet, merge, stats, format_given, text;
} extract_args;

/* The state of a slot of the ring (extract_run.c). */
enum { SLOT_FREE, SLOT_READY, SLOT_TAKEN, SLOT_DONE };

/* One article: what was read, and what came of it. */
typedef struct item {
  int state;
  in_kind kind;
  char *name;            /* for messages: path, path:LINE, URL */
  char *raw;             /* the bytes read (NULL for URLs) */
  size_t rawlen;
  int rc;                /* exit code of this article; 0 ok */
  char msg[NG_ERRLEN + 256];
  char *out;             /* its serialized graph */
  size_t outlen;
  char *source;          /* article IRI of a URL input (its final URL) */
  ng_doc *doc;           /* --merge: extracted, for the main thread */
  ngi_article art;       /* --merge: its metadata */
  size_t triples;
  double t_extract, t_graph, t_ser;
} item;

/* What every worker shares (read-only while they run). */
typedef struct job {
  const extract_args *a;
  const ng_lexicon *lex;
  const char *format;    /* output syntax */
  int quads;             /* 1 nquads, 2 trig: named graph per article */
  int lines;             /* many articles as N-Triples: ng_graph_lines */
  int single;            /* one article */
  int merge;
  const ng_jsonld_context *jctx; /* -f jsonld: the context */
  int jsonld;            /* -f jsonld: 1 one document per article (JSON
                          * Lines for many), 2 one document of many */
  int jlayout;           /* its NG_JSONLD_* layout */
  size_t jmembers;       /* jsonld 2: members written (main thread) */
} job;

void cli_item_fail(item *it, int rc, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* err, or a text for st when the library left err empty. */
const char *cli_why(const char *err, ng_status st);

void cli_item_clear(item *it);
double cli_cpu_now(void);
double cli_wall_now(void);

/* Turn one read item into its serialized graph (or its failure), in the
 * per-thread world w. */
void cli_item_process(const job *j, item *it, ng_rdf_world *w);

/* One article, written alone; many, through the ring.  Exit codes. */
int cli_extract_one(const extract_args *a, const job *j, cli_source *s);
int cli_extract_many(const extract_args *a, job *j, cli_source *src,
                     size_t nsrc, unsigned long long total_bytes,
                     FILE *out);

#endif /* NG_CLI_CMD_EXTRACT_H */
