/* cmd_store.c - `newsgraph load`, `query` and `stats`: the embedded store.
 *
 * load puts each article (extracted on the fly) or RDF file into its own
 * named graph of the store, replacing what that graph held; query runs
 * SPARQL over it; stats counts what it holds.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "newsgraph.h"

#define DEFAULT_STORE "newsgraph.db"

static const char load_help[] =
  "usage: newsgraph load [OPTIONS] FILE...\n"
  "\n"
  "Put each FILE into the store, in its own named graph: an article\n"
  "(extracted on the fly, graph = its article IRI) or an RDF file (.ttl,\n"
  ".nt, .nq, .rdf, .trig; graph = --graph or the file's file:// IRI).\n"
  "Loading a file again replaces its graph.  Each file is one\n"
  "transaction: a failed or killed load leaves the store as it was.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       " DEFAULT_STORE "); created when missing\n"
  "  --backend NAME       sqlite (default, crash-safe) or bdb (faster, no\n"
  "                       transactions)\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10; 0 = fail at once)\n"
  "  --input-format FMT   turtle, ntriples, nquads, rdfxml, trig, article\n"
  "  --graph IRI          the graph (RDF) or article IRI (one FILE only)\n"
  "  --base IRI           IRI base for articles\n"
  "  --max-bytes N        largest file: an article (default 16M) or an RDF\n"
  "                       file (default 1G); RDF files are also refused\n"
  "                       with an N-Triples line over 1 MiB, RDF/XML over\n"
  "                       1000 elements deep, over 2000 prefixes, or a\n"
  "                       language tag over 64 bytes\n"
  "  -q, --quiet          no line per file\n"
  "  -h, --help           this help\n"
  "\n"
  "Prints one line per file on stdout: the graph IRI, the triples, FILE.\n"
  "Exit: 0 ok, 2 usage, 3 cannot read, 4 bad input, 5 lexicon, 7 store,\n"
  "10 some files failed.\n";

static const char query_help[] =
  "usage: newsgraph query [OPTIONS] (QUERY | -q FILE.rq)\n"
  "\n"
  "Run a SPARQL 1.1 query over the store.  The default graph is the union\n"
  "of all named graphs; GRAPH ?g { } reaches each article's graph.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       " DEFAULT_STORE ")\n"
  "  --backend NAME       sqlite (default) or bdb\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10; 0 = fail at once)\n"
  "  -f, --format FMT     SELECT/ASK: table (default), csv, tsv, json, xml;\n"
  "                       CONSTRUCT/DESCRIBE: turtle (default), ntriples,\n"
  "                       rdfxml, json\n"
  "  -q, --query-file F   read the query from F ('-' = stdin)\n"
  "  --allow-service      run SERVICE clauses (off by default), and then\n"
  "                       only to http:// and https:// IRIs, with the limits\n"
  "                       of URL inputs: http/https redirects only, 5 at most\n"
  "  --timeout SECS       time limit of a SERVICE request (default 30)\n"
  "  --max-bytes N        largest SERVICE answer (default 16M)\n"
  "  --merge-same-as      see persons through 'newsgraph link': each one\n"
  "                       owl:sameAs another is replaced by it\n"
  "  -h, --help           this help\n"
  "\n"
  "Exit: 0 ok, 2 usage, 3 cannot read the query, 7 store, 9 query error.\n";

static const char stats_help[] =
  "usage: newsgraph stats [--store PATH] [--backend NAME] [--wait SECS]\n"
  "\n"
  "Count the graphs, articles, persons, organizations, statements,\n"
  "agreements and triples in the store, one 'name: N' line each.\n"
  "Exit: 0 ok, 2 usage, 7 store.\n";

int
cmd_load(int argc, char **argv)
{
  cli_store_opts so;
  const char *format = NULL, *graph = NULL, *base = NULL, *mb = NULL;
  ng_lexicon *lex = NULL;
  ng_store *st = NULL;
  char err[NG_ERRLEN];
  int i, r, quiet = 0, nfiles = 0, nfailed = 0, last = CLI_OK;
  size_t max_bytes = 0;
  char **files;

  files = calloc((size_t)argc + 1, sizeof *files);
  if(!files) {
    cli_error("out of memory");
    return CLI_EINTERNAL;
  }
  cli_store_opts_init(&so);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(load_help, stdout);
      free(files);
      return CLI_OK;
    }
    if(!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
      quiet = 1;
      continue;
    }
    if(!strcmp(argv[i], "--")) {
      for(i++; i < argc; i++)
        files[nfiles++] = argv[i];
      break;
    }
    if((r = cli_store_opt(argc, argv, &i, &so)) ||
       (r = cli_opt_value(argc, argv, &i, "input-format", 0, &format)) ||
       (r = cli_opt_value(argc, argv, &i, "graph", 0, &graph)) ||
       (r = cli_opt_value(argc, argv, &i, "base", 0, &base))) {
      if(r < 0)
        goto usage;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "max-bytes", 0, &mb))) {
      if(r < 0 || cli_parse_size("--max-bytes", mb, &max_bytes) != 0)
        goto usage;
      continue;
    }
    if(argv[i][0] == '-' && argv[i][1]) {
      cli_error("unknown load option '%s'", argv[i]);
      goto usage;
    }
    files[nfiles++] = argv[i];
  }
  if(nfiles == 0) {
    cli_error("load: no FILE given");
    goto usage;
  }
  if(graph && nfiles > 1) {
    cli_error("--graph names one graph: give one FILE with it");
    goto usage;
  }
  for(i = 0; i < nfiles; i++) {
    const char *syn = format ? format : ng_rdf_syntax_for(files[i]);
    if(!syn || !strcmp(syn, "article")) {
      ng_status ls = ng_lexicon_load(NULL, &lex, err);
      if(ls != NG_OK) {
        cli_error("%s", err);
        free(files);
        return cli_exit_code(ls);
      }
      break;
    }
  }
  r = cli_store_open(&so, 0, &st);
  if(r != CLI_OK) {
    ng_lexicon_free(lex);
    free(files);
    return r;
  }
  for(i = 0; i < nfiles; i++) {
    ng_load_opts lo = { 0 };
    char *g = NULL;
    size_t added = 0;
    ng_status ls;

    lo.syntax = format;
    lo.graph = graph;
    lo.base = base;
    lo.lex = lex;
    lo.max_bytes = max_bytes;
    ls = ng_store_load_file(st, files[i], &lo, &g, &added, err);
    if(ls != NG_OK) {
      cli_error("%s", err);
      nfailed++;
      last = cli_exit_code(ls);
    } else if(!quiet) {
      printf("%s\t%zu\t%s\n", g ? g : "(quads)", added, files[i]);
    }
    free(g);
  }
  ng_store_free(st);
  ng_lexicon_free(lex);
  free(files);
  if(fflush(stdout) || ferror(stdout)) {
    cli_error("cannot write to stdout");
    return CLI_EOUTPUT;
  }
  if(nfailed == 0)
    return CLI_OK;
  return nfiles == 1 ? last : CLI_ESOME;

usage:
  free(files);
  fputs("usage: newsgraph load [--store PATH] FILE... (see --help)\n",
        stderr);
  return CLI_EUSAGE;
}

int
cmd_query(int argc, char **argv)
{
  cli_store_opts so;
  const char *format = NULL, *qfile = NULL, *text = NULL;
  ng_store *st = NULL;
  char err[NG_ERRLEN];
  char *qbuf = NULL;
  size_t qlen = 0;
  int i, r, merge = 0, allow_service = 0;
  ng_fetch_opts svc = { 0 };
  const char *v;
  ng_status qs;

  cli_store_opts_init(&so);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(query_help, stdout);
      return CLI_OK;
    }
    if(!strcmp(argv[i], "--merge-same-as")) {
      merge = 1;
      continue;
    }
    if(!strcmp(argv[i], "--allow-service")) {
      allow_service = 1;
      continue;
    }
    if((r = cli_store_opt(argc, argv, &i, &so)) ||
       (r = cli_opt_value(argc, argv, &i, "format", 'f', &format)) ||
       (r = cli_opt_value(argc, argv, &i, "query-file", 'q', &qfile))) {
      if(r < 0)
        goto usage;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "timeout", 0, &v))) {
      char *end = NULL;
      long n = r < 0 ? 0 : strtol(v, &end, 10);
      if(r < 0 || end == v || *end || n < 1 || n > 86400) {
        if(r > 0)
          cli_error("--timeout wants seconds from 1 to 86400, not '%s'", v);
        goto usage;
      }
      svc.timeout_ms = n * 1000;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "max-bytes", 0, &v))) {
      if(r < 0 || cli_parse_size("--max-bytes", v, &svc.max_bytes) != 0)
        goto usage;
      continue;
    }
    if(argv[i][0] == '-' && argv[i][1]) {
      cli_error("unknown query option '%s'", argv[i]);
      goto usage;
    }
    if(text) {
      cli_error("give one QUERY (quote it)");
      goto usage;
    }
    text = argv[i];
  }
  if(!!text == !!qfile) {
    cli_error("give a QUERY or -q FILE.rq, not %s",
              text ? "both" : "neither");
    goto usage;
  }
  if(format && !ng_query_format_known(format)) {
    cli_error("unknown result format '%s'", format);
    goto usage;
  }
  if(qfile) {
    r = cli_read_input(qfile, 1u << 20, &qbuf, &qlen);
    if(r != CLI_OK)
      return r;
    if(qlen > (1u << 20) || memchr(qbuf, '\0', qlen)) {
      cli_error("'%s' is not a query file", cli_display_name(qfile));
      free(qbuf);
      return CLI_EINPUT;
    }
    text = qbuf;
  }
  r = cli_store_open(&so, 1, &st);
  if(r != CLI_OK) {
    free(qbuf);
    return r;
  }
  ng_store_allow_service(st, allow_service);
  ng_service_limits(&svc);
  qs = merge ? ng_store_query_merged(st, NULL, text, format, stdout, err)
             : ng_store_query(st, text, format, stdout, err);
  ng_store_free(st);
  free(qbuf);
  if(qs != NG_OK) {
    if(ng_service_over_limit())
      cli_error("query error: a SERVICE answer is larger than %zu bytes "
                "(--max-bytes)", svc.max_bytes ? svc.max_bytes
                                               : (size_t)NG_DEFAULT_MAX_BYTES);
    else
      cli_error("%s", err);
    if(qs == NG_EQUERY)
      return CLI_EQUERY;
    return qs == NG_EIO ? CLI_EOUTPUT : cli_exit_code(qs);
  }
  return CLI_OK;

usage:
  fputs("usage: newsgraph query [--store PATH] [-f FORMAT] "
        "(QUERY | -q FILE.rq) (see --help)\n", stderr);
  return CLI_EUSAGE;
}

int
cmd_stats(int argc, char **argv)
{
  cli_store_opts so;
  ng_store *st = NULL;
  ng_store_stats s;
  char err[NG_ERRLEN];
  int i, r;
  ng_status ss;

  cli_store_opts_init(&so);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(stats_help, stdout);
      return CLI_OK;
    }
    if((r = cli_store_opt(argc, argv, &i, &so))) {
      if(r < 0)
        goto usage;
      continue;
    }
    cli_error("unknown stats argument '%s'", argv[i]);
    goto usage;
  }
  r = cli_store_open(&so, 1, &st);
  if(r != CLI_OK)
    return r;
  ss = ng_store_get_stats(st, &s, err);
  ng_store_free(st);
  if(ss != NG_OK) {
    cli_error("%s", err);
    return CLI_ESTORE;
  }
  printf("graphs: %zu\narticles: %zu\npersons: %zu\norganizations: %zu\n"
         "statements: %zu\nagreements: %zu\ntriples: %zu\n",
         s.graphs, s.articles, s.persons, s.organizations, s.statements,
         s.agreements, s.triples);
  if(fflush(stdout) || ferror(stdout)) {
    cli_error("cannot write to stdout");
    return CLI_EOUTPUT;
  }
  return CLI_OK;

usage:
  fputs("usage: newsgraph stats [--store PATH]\n", stderr);
  return CLI_EUSAGE;
}
