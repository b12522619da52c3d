/* cmd_serve.c - `newsgraph serve`: the store over HTTP, as a SPARQL 1.1
 * endpoint, a Graph Store and pages a person can read (serve/ does the
 * work).  Options, the start-up line, and waiting for SIGINT or SIGTERM.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "serve/serve.h"

static const char serve_help[] =
  "usage: newsgraph serve [OPTIONS]\n"
  "\n"
  "Serve the store over HTTP until interrupted (SIGINT or SIGTERM):\n"
  "  /sparql   SPARQL 1.1 Protocol: query= by GET or POST (urlencoded or\n"
  "            application/sparql-query); results as JSON, XML, CSV or\n"
  "            TSV, graphs as Turtle or N-Triples, by Accept (or\n"
  "            format=NAME)\n"
  "  /data     Graph Store Protocol: GET ?graph=IRI or ?default; PUT and\n"
  "            DELETE ?graph=IRI with --allow-update\n"
  "  /         pages to read: the articles, /article/ID, /person/SLUG\n"
  "Answers carry CORS headers (any origin).  Prints the URL it serves on\n"
  "stdout once it listens.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       newsgraph.db); it must exist\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10)\n"
  "  --port N             TCP port (default 8080; 0: any free port)\n"
  "  --listen ADDR        address to listen on (default 127.0.0.1,\n"
  "                       loopback only; 0.0.0.0 or :: for every one)\n"
  "  --allow-update       accept Graph Store PUT and DELETE (read-only\n"
  "                       otherwise)\n"
  "  --allow-service      run SERVICE clauses, to http:// and https://\n"
  "  --workers N          queries run at once, each with its own\n"
  "                       connection to the store (default 4)\n"
  "  --timeout SECS       longest wait for an answer; then 503 (default\n"
  "                       30)\n"
  "  --max-result N       largest answer in bytes (default 64M)\n"
  "  --max-body N         largest request body in bytes (default 16M)\n"
  "  --max-connections N  connections at once (default 256)\n"
  "  --base IRI           IRI base of the store's articles and persons\n"
  "  -h, --help           this help\n"
  "\n"
  "Exit: 0 stopped by a signal, 2 usage, 7 store, 8 cannot listen.\n";

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
  stop_signal = sig;
}

static int parse_uint(const char *opt, const char *v, unsigned long lo,
                      unsigned long hi, unsigned *out)
{
  char *end;
  unsigned long n;

  errno = 0;
  n = strtoul(v, &end, 10);
  if (v[0] < '0' || v[0] > '9' || *end != '\0' || errno != 0 || n < lo ||
      n > hi) {
    cli_error("%s '%s': want a whole number from %lu to %lu", opt, v, lo,
              hi);
    return -1;
  }
  *out = (unsigned)n;
  return 0;
}

int cmd_serve(int argc, char **argv)
{
  ngi_serve_opts o;
  cli_store_opts so;
  ngi_server *srv = NULL;
  char err[NG_ERRLEN] = "";
  const char *v, *path;
  struct sigaction sa;
  sigset_t block, old;
  struct stat sb;
  unsigned port = 0;
  ng_status st;
  int i, r;

  ngi_serve_opts_init(&o);
  cli_store_opts_init(&so);
  for (i = 1; i < argc; i++) {
    if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
      fputs(serve_help, stdout);
      return CLI_OK;
    }
    if (strcmp(argv[i], "--allow-update") == 0) {
      o.allow_update = 1;
      continue;
    }
    if (strcmp(argv[i], "--allow-service") == 0) {
      o.allow_service = 1;
      continue;
    }
    if ((r = cli_store_opt(argc, argv, &i, &so)) != 0 ||
        (r = cli_opt_value(argc, argv, &i, "listen", 0, &o.listen)) != 0 ||
        (r = cli_opt_value(argc, argv, &i, "base", 0, &o.base)) != 0) {
      if (r < 0)
        return CLI_EUSAGE;
      continue;
    }
    if ((r = cli_opt_value(argc, argv, &i, "port", 0, &v)) != 0) {
      if (r < 0 || parse_uint("--port", v, 0, 65535, &o.port) != 0)
        return CLI_EUSAGE;
      continue;
    }
    if ((r = cli_opt_value(argc, argv, &i, "workers", 0, &v)) != 0) {
      if (r < 0 || parse_uint("--workers", v, 1, 64, &o.workers) != 0)
        return CLI_EUSAGE;
      continue;
    }
    if ((r = cli_opt_value(argc, argv, &i, "max-connections", 0, &v)) != 0) {
      if (r < 0 ||
          parse_uint("--max-connections", v, 1, 10000, &o.max_connections))
        return CLI_EUSAGE;
      continue;
    }
    if ((r = cli_opt_value(argc, argv, &i, "timeout", 0, &v)) != 0) {
      unsigned t;
      if (r < 0 || parse_uint("--timeout", v, 1, 86400, &t) != 0)
        return CLI_EUSAGE;
      o.timeout = t;
      continue;
    }
    if ((r = cli_opt_value(argc, argv, &i, "max-result", 0, &v)) != 0) {
      if (r < 0 || cli_parse_size("--max-result", v, &o.max_result) != 0)
        return CLI_EUSAGE;
      continue;
    }
    if ((r = cli_opt_value(argc, argv, &i, "max-body", 0, &v)) != 0) {
      if (r < 0 || cli_parse_size("--max-body", v, &o.max_body) != 0)
        return CLI_EUSAGE;
      continue;
    }
    cli_error("unknown serve option '%s' (see 'newsgraph serve --help')",
              argv[i]);
    return CLI_EUSAGE;
  }
  if (so.backend != NG_STORE_SQLITE) {
    cli_error("serve reads a sqlite store (--backend sqlite)");
    return CLI_EUSAGE;
  }
  path = cli_store_path(&so);
  if (stat(path, &sb) != 0) {
    cli_error("no store at '%s' (newsgraph load creates one)", path);
    return CLI_ESTORE;
  }
  o.store = path;
  o.backend = so.backend;
  o.wait = so.wait;

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  /* the threads started below inherit the blocked mask: the signals come
   * to this thread only, in sigsuspend */
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigprocmask(SIG_BLOCK, &block, &old);

  st = ngi_server_start(&o, &srv, &port, err);
  if (st != NG_OK) {
    cli_error("%s", err);
    return st == NG_ENET ? CLI_ENET : st == NG_EUSAGE ? CLI_EUSAGE
           : st == NG_ENOMEM ? CLI_EINTERNAL : CLI_ESTORE;
  }
  printf("newsgraph: serving '%s' at http://%s%s%s:%u/\n", path,
         strchr(o.listen, ':') != NULL ? "[" : "", o.listen,
         strchr(o.listen, ':') != NULL ? "]" : "", port);
  fflush(stdout);
  while (!stop_signal)
    sigsuspend(&old);
  ngi_server_stop(srv);
  return CLI_OK;
}
