/* storeopts.c - the options every store command shares (--store,
 * --backend, --wait) and opening the store they name, with its errors. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define DEFAULT_STORE "newsgraph.db"

void cli_store_opts_init(cli_store_opts *o)
{
  o->path = NULL;
  o->backend = NG_STORE_SQLITE;
  o->wait = NG_STORE_WAIT;
}

static int opt_wait(int argc, char **argv, int *i, double *out)
{
  const char *v;
  char *end;
  double d;
  int r = cli_opt_value(argc, argv, i, "wait", 0, &v);

  if (r <= 0)
    return r;
  errno = 0;
  d = strtod(v, &end);
  if (v[0] < '0' || v[0] > '9' || *end != '\0' || errno != 0 ||
      !(d <= 86400)) {
    cli_error("--wait '%s': not a number of seconds (0 to 86400)", v);
    return -1;
  }
  *out = d;
  return 1;
}

int cli_store_opt(int argc, char **argv, int *i, cli_store_opts *o)
{
  const char *v;
  int r;

  if ((r = cli_opt_value(argc, argv, i, "store", 0, &o->path)) != 0)
    return r;
  if ((r = opt_wait(argc, argv, i, &o->wait)) != 0)
    return r;
  if ((r = cli_opt_value(argc, argv, i, "backend", 0, &v)) <= 0)
    return r;
  if (strcmp(v, "sqlite") == 0) {
    o->backend = NG_STORE_SQLITE;
  } else if (strcmp(v, "bdb") == 0) {
    o->backend = NG_STORE_BDB;
  } else {
    cli_error("unknown backend '%s' (sqlite or bdb)", v);
    return -1;
  }
  return 1;
}

const char *cli_store_path(const cli_store_opts *o)
{
  const char *env = getenv("NEWSGRAPH_STORE");

  if (o->path != NULL)
    return o->path;
  if (env != NULL && *env != '\0')
    return env;
  return DEFAULT_STORE;
}

int cli_store_open(const cli_store_opts *o, int existing, ng_store **st)
{
  const char *path = cli_store_path(o);
  char err[NG_ERRLEN];
  struct stat sb;
  ng_status rc;

  if (existing && o->backend == NG_STORE_SQLITE && stat(path, &sb) != 0) {
    cli_error("no store at '%s' (newsgraph load creates one)", path);
    return CLI_ESTORE;
  }
  rc = ng_store_open_wait(path, o->backend, o->wait, st, err);
  if (rc != NG_OK) {
    cli_error("%s", err);
    return rc == NG_ENOMEM ? CLI_EINTERNAL : CLI_ESTORE;
  }
  return CLI_OK;
}
