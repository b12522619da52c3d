/* cmd_dump.c - `newsgraph dump`: the store written out with its graph
 * names (N-Quads or TriG, sorted; ng_store_dump), all of it or one graph,
 * to stdout or -o FILE (written whole or not at all: output.c).
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "newsgraph.h"
#include "output.h"

static const char dump_help[] =
  "usage: newsgraph dump [OPTIONS]\n"
  "\n"
  "Write the store with its graph names: every named graph (or one) as\n"
  "N-Quads or TriG, graphs in bytewise order of their IRIs and each\n"
  "graph's statements sorted, so the same store gives the same bytes.\n"
  "A dump loaded into a fresh store (newsgraph load) dumps to the same\n"
  "bytes.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       newsgraph.db)\n"
  "  --backend NAME       sqlite (default) or bdb\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10; 0 = fail at once)\n"
  "  -f, --format FMT     nquads (default) or trig\n"
  "  --graph IRI          only this graph\n"
  "  -o, --output FILE    write to FILE (whole or not at all), not stdout\n"
  "  -h, --help           this help\n"
  "\n"
  "Exit: 0 ok, 2 usage (also: --graph names no graph of the store),\n"
  "6 cannot write, 7 store.\n";

int
cmd_dump(int argc, char **argv)
{
  cli_store_opts so;
  const char *format = NULL, *graph = NULL, *output = NULL;
  ng_store *st = NULL;
  char err[NG_ERRLEN];
  FILE *out;
  int i, r;
  ng_status ds;

  cli_store_opts_init(&so);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(dump_help, stdout);
      return CLI_OK;
    }
    if((r = cli_store_opt(argc, argv, &i, &so)) ||
       (r = cli_opt_value(argc, argv, &i, "format", 'f', &format)) ||
       (r = cli_opt_value(argc, argv, &i, "graph", 0, &graph)) ||
       (r = cli_opt_value(argc, argv, &i, "output", 'o', &output))) {
      if(r < 0)
        goto usage;
      continue;
    }
    cli_error("unknown dump argument '%s'", argv[i]);
    goto usage;
  }
  if(format && strcmp(format, "nquads") && strcmp(format, "trig")) {
    cli_error("unknown dump format '%s' (nquads or trig)", format);
    goto usage;
  }
  r = cli_store_open(&so, 1, &st);
  if(r != CLI_OK)
    return r;
  out = cli_output_open(output);
  if(!out) {
    ng_store_free(st);
    return CLI_EOUTPUT;
  }
  ds = ng_store_dump(st, format, graph, out, NULL, err);
  ng_store_free(st);
  r = cli_output_close(out, output, ds == NG_OK);
  if(ds != NG_OK) {
    cli_error("%s", err);
    return ds == NG_EIO ? CLI_EOUTPUT : cli_exit_code(ds);
  }
  return r;

usage:
  fputs("usage: newsgraph dump [--store PATH] [-f nquads|trig] "
        "[--graph IRI] (see --help)\n", stderr);
  return CLI_EUSAGE;
}
