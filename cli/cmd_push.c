/* cmd_push.c - `newsgraph push`: send articles' graphs to a SPARQL 1.1
 * endpoint (Graph Store protocol by default, or SPARQL Update), then
 * report what was sent and what failed; --verify counts each graph at the
 * endpoint afterwards.  FILEs are read and sent one input at a time
 * (N-Triples and N-Quads lines as they are, ng_push_file_open), so memory
 * does not grow with their number.  The password comes from
 * $NEWSGRAPH_PASSWORD or ~/.netrc, never from the command line, and is
 * never printed.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "cli.h"
#include "load_input.h"
#include "newsgraph.h"

static const char push_help[] =
  "usage: newsgraph push --endpoint URL [OPTIONS] (FILE... | --store PATH)\n"
  "\n"
  "Send each article's graph to a SPARQL 1.1 endpoint, replacing the graph\n"
  "of the same name there (so pushing twice changes nothing).  FILEs are\n"
  "articles or RDF files as for `newsgraph load`, read and sent one input\n"
  "at a time (N-Triples and N-Quads lines as they are, after checks);\n"
  "--store sends every named graph of a store.\n"
  "\n"
  "  --endpoint URL        Graph Store endpoint (Virtuoso:\n"
  "                        .../sparql-graph-crud-auth) or, with --protocol\n"
  "                        update, the Update endpoint (.../sparql-auth)\n"
  "  --protocol P          gsp (default: PUT per graph) or update (INSERT\n"
  "                        DATA, many small graphs per request)\n"
  "  --graph IRI           graph name (one FILE only)\n"
  "  --store PATH          push the graphs of this store\n"
  "  --backend NAME        sqlite (default) or bdb, with --store\n"
  "  --wait SECS           wait while another process holds the store\n"
  "                        locked (default 10; 0 = fail at once)\n"
  "  --input KIND          as for load (also --input-format)\n"
  "  --base IRI            IRI base for articles\n"
  "  --with-text           keep each article's whole text in its graph\n"
  "                        (schema:articleBody)\n"
  "  --user NAME           authenticate (basic or digest); the password is\n"
  "                        $NEWSGRAPH_PASSWORD, else ~/.netrc\n"
  "  --auth any|basic|digest\n"
  "                        any: as the server asks, but digest only over\n"
  "                        plain http:// (Basic would send the password in\n"
  "                        clear)\n"
  "  --verify              count each graph at the endpoint afterwards and\n"
  "                        fail when the count differs\n"
  "  --query-endpoint URL  for --verify (default: scheme://host/sparql)\n"
  "  --update-endpoint URL SPARQL Update endpoint (Virtuoso: .../sparql-auth)\n"
  "                        for gsp graphs over --chunk triples: they go in\n"
  "                        parts to a staging graph, then one MOVE puts\n"
  "                        them in place (without it they are refused,\n"
  "                        but for one empty at the endpoint: --staging)\n"
  "  --staging auto|always gsp graphs over --chunk triples: auto (default)\n"
  "                        PUTs one that is empty at the endpoint whole\n"
  "                        (asked at --query-endpoint), deleting it again\n"
  "                        if that fails, and stages the others; always\n"
  "                        stages every one (parts + MOVE).  Both: a\n"
  "                        failure leaves the graph as it was\n"
  "  --insecure            do not verify TLS certificates (warns)\n"
  "  --connect-timeout S   seconds (default 10)\n"
  "  --timeout S           seconds per request (default 300)\n"
  "  --retries N           on connection errors, 5xx, 429 (default 3)\n"
  "  --max-failures N      stop after N graphs in a row reach no server\n"
  "                        (default 3; 0 = never); a refused login (HTTP\n"
  "                        401/403) stops at once\n"
  "  --chunk N             triples per request (default 50000 gsp,\n"
  "                        1000 update); a bigger graph is sent in parts\n"
  "                        (one PUT if empty at the endpoint: --staging),\n"
  "                        all or nothing (a failure leaves it as it was)\n"
  "  -q, --quiet           only errors and the summary\n"
  "  -h, --help            this help\n"
  "\n"
  "Prints one line per graph sent, then a summary on stderr.\n"
  "Exit: 0 ok, 2 usage, 3/4/5 inputs, 7 store, 8 network/HTTP (nothing\n"
  "sent, or stopped), 10 some graphs failed.\n";

typedef struct tally {
  size_t sent, triples, failed;
  int keep;             /* --verify with FILEs: keep what was sent */
  char **graphs;        /* the graphs sent, and their triples */
  size_t *counts, ngraphs, cap;
  int quiet;
  size_t max_failures;  /* connection failures in a row that stop; 0: none */
  size_t in_a_row;      /* graphs in a row that reached no server */
  int stop;             /* 1 authentication failed, 2 too many in a row */
} tally;

static void
on_report(void *arg, const ng_push_report *r)
{
  tally *t = arg;

  if(r->status == NG_OK) {
    t->sent++;
    t->triples += r->triples;
    if(t->keep && t->ngraphs == t->cap) {
      size_t cap = t->cap ? 2 * t->cap : 64;
      char **g = realloc(t->graphs, cap * sizeof *g);
      size_t *c = g ? realloc(t->counts, cap * sizeof *c) : NULL;
      if(g)
        t->graphs = g;
      if(c) {
        t->counts = c;
        t->cap = cap;
      }
    }
    if(t->keep && t->ngraphs < t->cap &&
       (t->graphs[t->ngraphs] = strdup(r->graph)) != NULL)
      t->counts[t->ngraphs++] = r->triples;
    if(!t->quiet)
      printf("%s\t%zu\tHTTP %ld\n", r->graph, r->triples, r->http_status);
  } else {
    t->failed++;
    cli_error("push <%s> failed: %s", r->graph,
              r->message ? r->message : ng_strerror(r->status));
    if(r->http_status == 401 || r->http_status == 403)
      t->stop = 1; /* the next graph would fail the same login */
    else if(r->http_status == 0 && t->max_failures &&
            ++t->in_a_row >= t->max_failures)
      t->stop = 2;
  }
  if(r->status == NG_OK || r->http_status != 0)
    t->in_a_row = 0;
}

static int
parse_seconds(const char *opt, const char *s, long *ms)
{
  size_t v;

  if(cli_parse_size(opt, s, &v) != CLI_OK)
    return CLI_EUSAGE;
  if(v > 86400) {
    cli_error("%s: at most 86400 seconds", opt);
    return CLI_EUSAGE;
  }
  *ms = (long)v * 1000L;
  return CLI_OK;
}

/* Push one input's graphs and let them go: an N-Triples or N-Quads file
 * line by line (ng_push_file_open: no model), anything else (articles,
 * folders, JSON Lines, other RDF) read as load reads it (load_input.c)
 * into a memory store of its own, freed after. */
static void
push_input(ng_endpoint *ep, char *path, const cli_load_args *la, tally *t,
           int *load_failed, int *last, size_t *left)
{
  const char *syn = la->forced == IN_RDF ? la->forced_syntax
                    : la->forced == IN_AUTO ? cli_rdf_syntax_of(path) : NULL;
  char err[NG_ERRLEN];
  struct stat sb;
  size_t k, done = 0;
  int more = 1;

  if(syn && (!strcmp(syn, "ntriples") || !strcmp(syn, "nquads")) &&
     stat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
    ng_load_opts lo = { 0 };
    ng_push_file *pf = NULL;
    ng_status ls;

    lo.syntax = syn;
    lo.graph = la->graph;
    lo.base = la->base;
    lo.lex = la->lex;
    ls = ng_push_file_open(path, &lo, &pf, err);
    if(ls != NG_OK) {
      cli_error("%s", err);
      (*load_failed)++;
      *last = cli_exit_code(ls);
      return;
    }
    while(more && !t->stop) {
      ng_endpoint_push_next(ep, pf, &more, err); /* reported by on_report */
      done += (size_t)more;
    }
    if(t->stop)
      *left = ng_push_file_graphs(pf) - done;
    ng_push_file_free(pf);
  } else {
    ng_store *st = NULL;
    char **graphs = NULL;
    size_t ngraphs = 0;
    cli_load_count lc;
    ng_status s = ng_store_open(NULL, NG_STORE_MEMORY, &st, err);
    int r;

    if(s != NG_OK) {
      cli_error("%s", err);
      (*load_failed)++;
      *last = CLI_ESTORE;
      return;
    }
    r = cli_load_inputs(st, &path, 1, la, &lc);
    if(r != CLI_OK) {
      (*load_failed)++;
      *last = r;
    } else if(lc.failed > 0) {
      *load_failed += (int)lc.failed;
      *last = lc.last;
    }
    if(ng_store_graphs(st, &graphs, &ngraphs, err) != NG_OK) {
      cli_error("%s", err);
      (*load_failed)++;
      *last = CLI_ESTORE;
    }
    for(k = 0; k < ngraphs && !t->stop; k++)
      ng_endpoint_push(ep, st, graphs[k], err); /* reported by on_report */
    if(t->stop)
      *left = ngraphs - k;
    for(k = 0; k < ngraphs; k++)
      free(graphs[k]);
    free(graphs);
    ng_store_free(st);
  }
}

int
cmd_push(int argc, char **argv)
{
  cli_store_opts so;
  const char *endpoint = NULL, *proto = NULL, *graph = NULL, *store;
  const char *format = NULL, *base = NULL, *user = NULL, *auth = NULL;
  const char *qurl = NULL, *uurl = NULL, *staging = NULL, *v;
  ng_endpoint_opts eo;
  ng_endpoint *ep = NULL;
  ng_lexicon *lex = NULL;
  ng_store *st = NULL;
  char err[NG_ERRLEN];
  char **files = NULL, **graphs = NULL;
  size_t ngraphs = 0, k, verify_bad = 0, left = 0;
  int i, r, nfiles = 0, verify = 0, with_text = 0, load_failed = 0;
  int last = CLI_OK;
  tally t;
  cli_load_args la;
  char *pw = NULL;
  ng_status s;

  memset(&t, 0, sizeof t);
  t.max_failures = 3;
  memset(&la, 0, sizeof la);
  ng_endpoint_opts_init(&eo);
  cli_store_opts_init(&so);
  files = calloc((size_t)argc + 1, sizeof *files);
  if(!files) {
    cli_error("out of memory");
    return CLI_EINTERNAL;
  }
  for(i = 1; i < argc; i++) {
    size_t n;
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(push_help, stdout);
      free(files);
      return CLI_OK;
    }
    if(!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
      t.quiet = 1;
      continue;
    }
    if(!strcmp(argv[i], "--with-text")) {
      with_text = 1;
      continue;
    }
    if(!strcmp(argv[i], "--verify")) {
      verify = 1;
      continue;
    }
    if(!strcmp(argv[i], "--insecure")) {
      eo.insecure = 1;
      continue;
    }
    if(!strcmp(argv[i], "--password") || !strncmp(argv[i], "--password=", 11)) {
      cli_error("no password on the command line: use $NEWSGRAPH_PASSWORD "
                "or ~/.netrc");
      goto usage;
    }
    if((r = cli_store_opt(argc, argv, &i, &so)) ||
       (r = cli_opt_value(argc, argv, &i, "endpoint", 0, &endpoint)) ||
       (r = cli_opt_value(argc, argv, &i, "protocol", 0, &proto)) ||
       (r = cli_opt_value(argc, argv, &i, "graph", 0, &graph)) ||
       (r = cli_opt_value(argc, argv, &i, "input-format", 0, &format)) ||
       (r = cli_opt_value(argc, argv, &i, "input", 0, &format)) ||
       (r = cli_opt_value(argc, argv, &i, "base", 0, &base)) ||
       (r = cli_opt_value(argc, argv, &i, "user", 0, &user)) ||
       (r = cli_opt_value(argc, argv, &i, "auth", 0, &auth)) ||
       (r = cli_opt_value(argc, argv, &i, "query-endpoint", 0, &qurl)) ||
       (r = cli_opt_value(argc, argv, &i, "update-endpoint", 0, &uurl)) ||
       (r = cli_opt_value(argc, argv, &i, "staging", 0, &staging))) {
      if(r < 0)
        goto usage;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "connect-timeout", 0, &v))) {
      if(r < 0 || parse_seconds("--connect-timeout", v,
                                &eo.connect_timeout_ms))
        goto usage;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "timeout", 0, &v))) {
      if(r < 0 || parse_seconds("--timeout", v, &eo.timeout_ms))
        goto usage;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "retries", 0, &v))) {
      if(r < 0 || cli_parse_size("--retries", v, &n) != CLI_OK)
        goto usage;
      if(n > 20) {
        cli_error("--retries: at most 20");
        goto usage;
      }
      eo.retries = (int)n;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "max-failures", 0, &v))) {
      if(r < 0 || cli_parse_size("--max-failures", v, &n) != CLI_OK)
        goto usage;
      t.max_failures = n;
      continue;
    }
    if((r = cli_opt_value(argc, argv, &i, "chunk", 0, &v))) {
      if(r < 0 || cli_parse_size("--chunk", v, &n) != CLI_OK)
        goto usage;
      if(n == 0) {
        cli_error("--chunk: at least 1");
        goto usage;
      }
      eo.chunk_triples = n;
      continue;
    }
    if(!strcmp(argv[i], "--")) {
      for(i++; i < argc; i++)
        files[nfiles++] = argv[i];
      break;
    }
    if(argv[i][0] == '-' && argv[i][1]) {
      cli_error("unknown push option '%s'", argv[i]);
      goto usage;
    }
    files[nfiles++] = argv[i];
  }
  if(!endpoint) {
    cli_error("push: --endpoint URL is required");
    goto usage;
  }
  store = so.path; /* no default here: without --store, FILEs */
  if(!!store == !!nfiles) {
    cli_error("push: give FILEs or --store, %s",
              store ? "not both" : "none given");
    goto usage;
  }
  if(graph && nfiles != 1) {
    cli_error("--graph names one graph: give one FILE with it");
    goto usage;
  }
  if(proto && !strcmp(proto, "update"))
    eo.protocol = NG_PROTO_UPDATE;
  else if(proto && strcmp(proto, "gsp")) {
    cli_error("unknown protocol '%s' (gsp or update)", proto);
    goto usage;
  }
  if(staging && !strcmp(staging, "always"))
    eo.always_stage = 1;
  else if(staging && strcmp(staging, "auto")) {
    cli_error("unknown staging '%s' (auto or always)", staging);
    goto usage;
  }
  if(auth) {
    if(!strcmp(auth, "basic"))
      eo.auth = NG_AUTH_BASIC;
    else if(!strcmp(auth, "digest"))
      eo.auth = NG_AUTH_DIGEST;
    else if(strcmp(auth, "any")) {
      cli_error("unknown auth '%s' (any, basic or digest)", auth);
      goto usage;
    }
  }
  if(eo.insecure)
    cli_error("warning: --insecure: TLS certificates are not verified");
#ifdef __linux__
  /* a password from the environment or ~/.netrc may be in memory from
   * here on: no core dump, no ptrace by other users */
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
#endif
  eo.user = user;
  pw = getenv("NEWSGRAPH_PASSWORD");
  if(pw && !*pw)
    pw = NULL;
  if(user && !pw) {
    const char *home = getenv("HOME");
    char netrc[4096];
    snprintf(netrc, sizeof netrc, "%s/.netrc", home ? home : "");
    if(!home || access(netrc, R_OK) != 0) {
      cli_error("--user %s: no password: set NEWSGRAPH_PASSWORD or give the "
                "host a line in ~/.netrc (a password on the command line is "
                "refused)", user);
      goto usage;
    }
  }
  eo.password = user ? pw : NULL;
  eo.query_url = qurl;
  eo.update_url = uurl;
  eo.on_report = on_report;
  eo.arg = &t;

  s = ng_endpoint_new(endpoint, &eo, &ep, err);
  if(pw) {
    /* the endpoint has its own copy (cleared when freed): clear this one */
    volatile char *p = pw;
    while(*p)
      *p++ = 0;
    unsetenv("NEWSGRAPH_PASSWORD");
    eo.password = NULL;
  }
  if(s != NG_OK) {
    cli_error("%s", err);
    free(files);
    return s == NG_EUSAGE ? CLI_EUSAGE : cli_exit_code(s);
  }

  /* the graphs to send: a store's, or the FILEs', one input at a time */
  if(store) {
    r = cli_store_open(&so, 1, &st);
    if(r != CLI_OK) {
      ng_endpoint_free(ep);
      free(files);
      return r;
    }
  } else {
    la.forced = IN_AUTO;
    if(format && cli_input_kind(!strcmp(format, "article") ? "text" : format,
                                &la.forced, &la.forced_syntax) != 0) {
      cli_error("--input '%s': want %s", format, cli_input_kinds());
      ng_endpoint_free(ep);
      free(files);
      return CLI_EUSAGE;
    }
    if(cli_load_needs_lexicon(files, (size_t)nfiles, la.forced)) {
      s = ng_lexicon_load(NULL, &lex, err);
      if(s != NG_OK) {
        cli_error("%s", err);
        ng_endpoint_free(ep);
        free(files);
        return cli_exit_code(s);
      }
    }
    la.graph = graph;
    la.base = base;
    la.with_text = with_text;
    la.lex = lex;
    la.max_bytes = NG_DEFAULT_MAX_BYTES;
    la.quiet = 1;
  }
  t.keep = verify && !store;
  if(store) {
    s = ng_store_graphs(st, &graphs, &ngraphs, err);
    if(s != NG_OK) {
      cli_error("%s", err);
      last = CLI_ESTORE;
      load_failed++;
    }
    for(k = 0; k < ngraphs && !t.stop; k++)
      ng_endpoint_push(ep, st, graphs[k], err); /* reported by on_report */
    left = ngraphs - k;
  }
  for(i = 0; i < nfiles && !t.stop; i++)
    push_input(ep, files[i], &la, &t, &load_failed, &last, &left);
  if(!t.stop)
    ng_endpoint_flush(ep, err);
  if(t.stop) {
    const char *what = "graph";
    if(!store && i < nfiles) {
      left += (size_t)(nfiles - i);
      what = left == (size_t)(nfiles - i) ? "input" : "graphs or input";
    }
    if(t.stop == 1)
      cli_error("stopped: the endpoint refused the credentials (HTTP 401/403); "
                "%zu %s%s not tried", left, what, left == 1 ? "" : "s");
    else
      cli_error("stopped: %zu graphs in a row could not reach the endpoint "
                "(--max-failures %zu); %zu %s%s not tried", t.in_a_row,
                t.max_failures, left, what, left == 1 ? "" : "s");
    t.failed += left;
  }
  fflush(stdout);

  if(verify) {
    size_t nv = store ? ngraphs : t.ngraphs;
    for(k = 0; k < nv; k++) {
      const char *g = store ? graphs[k] : t.graphs[k];
      size_t want = store ? 0 : t.counts[k], have = 0;
      if((store && ng_store_count(st, g, &want, err) != NG_OK) ||
         ng_endpoint_count(ep, g, &have, err) != NG_OK) {
        cli_error("verify <%s>: %s", g, err);
        verify_bad++;
      } else if(want != have) {
        cli_error("verify <%s>: the endpoint holds %zu triples, %zu were "
                  "sent", g, have, want);
        verify_bad++;
      }
    }
  }
  fprintf(stderr, "newsgraph: pushed %zu graph%s, %zu triples; %zu "
          "failed%s\n", t.sent, t.sent == 1 ? "" : "s", t.triples,
          t.failed + (size_t)load_failed,
          verify ? (verify_bad ? "; verify FAILED" : "; verified") : "");
  for(k = 0; k < ngraphs; k++)
    free(graphs[k]);
  free(graphs);
  for(k = 0; k < t.ngraphs; k++)
    free(t.graphs[k]);
  free(t.graphs);
  free(t.counts);
  ng_store_free(st);
  ng_endpoint_free(ep);
  ng_lexicon_free(lex);
  free(files);
  if(t.failed == 0 && load_failed == 0 && verify_bad == 0)
    return CLI_OK;
  if((t.sent == 0 || t.stop) && t.failed > 0 && load_failed == 0)
    return CLI_ENET;
  if(t.sent == 0 && t.failed == 0 && verify_bad == 0 && nfiles == 1)
    return last;
  return CLI_ESOME;

usage:
  free(files);
  fputs("usage: newsgraph push --endpoint URL (FILE... | --store PATH) "
        "(see --help)\n", stderr);
  return CLI_EUSAGE;
}
