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
#include "load_input.h"
#include "newsgraph.h"

#define DEFAULT_STORE "newsgraph.db"

static const char load_help[] =
  "usage: newsgraph load [OPTIONS] INPUT...\n"
  "\n"
  "Put each INPUT into the store, in its own named graph.  Inputs are read\n"
  "as 'newsgraph extract' reads them: an article (.txt or any other\n"
  "name), an HTML page (.html, .htm), each record of a JSON Lines file\n"
  "(.jsonl), a URL and every article of a folder are extracted on the fly\n"
  "(graph = the article IRI); an RDF file (.ttl .nt .nq .trig .rdf .owl,\n"
  "RDF/JSON .json, JSON-LD .jsonld) is loaded as RDF: triples into --graph\n"
  "or the file's file:// IRI, quads (N-Quads, TriG, JSON-LD) each into its\n"
  "own graph.  JSON-LD is read with its inline contexts (remote ones are\n"
  "refused).  Loading again replaces a graph.  Each article or file is one\n"
  "transaction: a failed or killed load leaves the store as it was, and a\n"
  "load that put nothing into a store it created removes it.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       " DEFAULT_STORE "); created when missing\n"
  "  --backend NAME       sqlite (default, crash-safe) or bdb (faster, no\n"
  "                       transactions)\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10; 0 = fail at once)\n"
  "  --input KIND         read every INPUT as text, html, jsonl, turtle,\n"
  "                       ntriples, nquads, trig, rdfxml, rdfjson or jsonld\n"
  "                       (default: by its name)\n"
  "  --input-format FMT   the same (also: article = text)\n"
  "  --graph IRI          the graph (RDF) or article IRI (one INPUT only)\n"
  "  --base IRI           IRI base for articles\n"
  "  --with-text          keep each article's whole text in its graph\n"
  "                       (schema:articleBody), for the served pages\n"
  "  --max-bytes N        largest file: an article (default 16M) or an RDF\n"
  "                       file (default 1G); RDF files are also refused\n"
  "                       with an N-Triples line over 1 MiB, RDF/XML over\n"
  "                       1000 elements deep, over 2000 prefixes, or a\n"
  "                       language tag over 64 bytes\n"
  "  -q, --quiet          no line per graph\n"
  "  -h, --help           this help\n"
  "\n"
  "Prints one line per graph put on stdout: the graph IRI (\"(quads)\" for\n"
  "N-Quads and TriG), the triples, the INPUT (FILE:LINE for JSON Lines).\n"
  "Exit: 0 ok, 2 usage, 3 cannot read, 4 bad input, 5 lexicon, 7 store,\n"
  "8 network, 10 some inputs failed.\n";

static const char query_help[] =
  "usage: newsgraph query [OPTIONS] (QUERY | -q FILE.rq)\n"
  "\n"
  "Run a SPARQL 1.1 query over the store.  The default graph is the merge\n"
  "of all named graphs, as a set (each triple once); GRAPH ?g { } reaches\n"
  "each article's graph.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       " DEFAULT_STORE ")\n"
  "  --backend NAME       sqlite (default) or bdb\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10; 0 = fail at once)\n"
  "  -f, --format FMT     SELECT/ASK: table (default), csv, tsv, json, xml;\n"
  "                       CONSTRUCT/DESCRIBE: turtle (default), ntriples,\n"
  "                       rdfxml, json, jsonld\n"
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

/* The files of a store at path (sqlite: the file and its journals;
 * bdb: the librdf hashes), removed after a load that put nothing into a
 * store it created. */
static void
remove_store(const char *path, ng_store_backend backend)
{
  static const char *const sqlite[] = { "", "-journal", "-wal", "-shm" };
  static const char *const bdb[] = { "-contexts.db", "-po2s.db", "-so2p.db",
                                     "-sp2o.db" };
  const char *const *v = backend == NG_STORE_BDB ? bdb : sqlite;
  size_t i, n = strlen(path) + 16;
  char *p = malloc(n);

  if(!p)
    return;
  for(i = 0; i < 4; i++) {
    snprintf(p, n, "%s%s", path, v[i]);
    remove(p);
  }
  free(p);
}

static int
store_exists(const char *path, ng_store_backend backend)
{
  struct stat sb;
  char *p;
  int r;

  if(backend != NG_STORE_BDB)
    return stat(path, &sb) == 0;
  p = malloc(strlen(path) + 16);
  if(!p)
    return 1;
  sprintf(p, "%s-contexts.db", path);
  r = stat(p, &sb) == 0;
  free(p);
  return r;
}

int
cmd_load(int argc, char **argv)
{
  cli_store_opts so;
  cli_load_args la;
  cli_load_count c;
  const char *format = NULL, *input = NULL, *mb = NULL;
  ng_lexicon *lex = NULL;
  ng_store *st = NULL;
  char err[NG_ERRLEN];
  int i, r, nfiles = 0, existed;
  size_t max_bytes = 0;
  char **files;

  files = calloc((size_t)argc + 1, sizeof *files);
  if(!files) {
    cli_error("out of memory");
    return CLI_EINTERNAL;
  }
  cli_store_opts_init(&so);
  memset(&la, 0, sizeof la);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(load_help, stdout);
      free(files);
      return CLI_OK;
    }
    if(!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
      la.quiet = 1;
      continue;
    }
    if(!strcmp(argv[i], "--with-text")) {
      la.with_text = 1;
      continue;
    }
    if(!strcmp(argv[i], "--")) {
      for(i++; i < argc; i++)
        files[nfiles++] = argv[i];
      break;
    }
    if((r = cli_store_opt(argc, argv, &i, &so)) ||
       (r = cli_opt_value(argc, argv, &i, "input-format", 0, &format)) ||
       (r = cli_opt_value(argc, argv, &i, "input", 0, &input)) ||
       (r = cli_opt_value(argc, argv, &i, "graph", 0, &la.graph)) ||
       (r = cli_opt_value(argc, argv, &i, "base", 0, &la.base))) {
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
    cli_error("load: no INPUT given");
    goto usage;
  }
  if(la.graph && nfiles > 1) {
    cli_error("--graph names one graph: give one INPUT with it");
    goto usage;
  }
  if(input && format) {
    cli_error("give --input or --input-format, not both");
    goto usage;
  }
  if(format && !strcmp(format, "article"))
    format = "text";
  if(!input)
    input = format;
  la.forced = IN_AUTO;
  if(input && cli_input_kind(input, &la.forced, &la.forced_syntax) != 0) {
    cli_error("--input '%s': want %s", input, cli_input_kinds());
    goto usage;
  }
  la.max_bytes = max_bytes ? max_bytes : NG_DEFAULT_MAX_BYTES;
  la.rdf_max_bytes = max_bytes;
  if(cli_load_needs_lexicon(files, (size_t)nfiles, la.forced)) {
    ng_status ls = ng_lexicon_load(NULL, &lex, err);
    if(ls != NG_OK) {
      cli_error("%s", err);
      free(files);
      return cli_exit_code(ls);
    }
  }
  la.lex = lex;
  existed = store_exists(cli_store_path(&so), so.backend);
  r = cli_store_open(&so, 0, &st);
  if(r != CLI_OK) {
    ng_lexicon_free(lex);
    free(files);
    return r;
  }
  r = cli_load_inputs(st, files, (size_t)nfiles, &la, &c);
  ng_store_free(st);
  ng_lexicon_free(lex);
  free(files);
  if(!existed && (r != CLI_OK || c.ok == 0))
    remove_store(cli_store_path(&so), so.backend);
  if(r != CLI_OK)
    return r;
  if(fflush(stdout) || ferror(stdout)) {
    cli_error("cannot write to stdout");
    return CLI_EOUTPUT;
  }
  if(c.failed == 0)
    return CLI_OK;
  return c.ok == 0 && c.failed == 1 ? c.last : CLI_ESOME;

usage:
  free(files);
  fputs("usage: newsgraph load [--store PATH] INPUT... (see --help)\n",
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
