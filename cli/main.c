/* main.c - the newsgraph command: global options, the subcommand table,
 * and the helpers every subcommand shares (errors, exit codes, options,
 * reading input).  One row per subcommand in `commands`.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#ifndef NGI_FRONT /* the front (front.c) has only the helpers */
static const struct {
  const char *name;
  cli_cmd_fn run;
  const char *summary;
} commands[] = {
  {"extract", cmd_extract, "turn an article into RDF (Turtle by default)"},
  {"load", cmd_load, "put articles or RDF files into the store"},
  {"query", cmd_query, "run a SPARQL query over the store"},
  {"stats", cmd_stats, "count articles, persons, statements in the store"},
  {"dump", cmd_dump, "write the store with its graph names (N-Quads, TriG)"},
  {"push", cmd_push, "send graphs to a SPARQL endpoint"},
  {"link", cmd_link, "link persons across articles and to Wikidata"},
  {"serve", cmd_serve, "serve the store: SPARQL endpoint and pages"},
};

#define NCOMMANDS (sizeof commands / sizeof commands[0])
#endif

/* ------------------------------------------------------------ helpers */

void cli_error(const char *fmt, ...)
{
  va_list ap;
  char msg[4096];
  size_t k;

  fflush(stdout);
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* one line, whatever a library or a server put in the text */
  for (k = 0; msg[k]; k++)
    if ((unsigned char)msg[k] < 0x20 || msg[k] == 0x7f)
      msg[k] = ' ';
  fprintf(stderr, "newsgraph: %s\n", msg);
}

int cli_exit_code(ng_status st)
{
  switch (st) {
  case NG_OK: return CLI_OK;
  case NG_ENOMEM: return CLI_EINTERNAL;
  case NG_EINPUT: return CLI_EINPUT;
  case NG_EIO: return CLI_EREAD;
  case NG_ELEXICON: return CLI_ELEXICON;
  case NG_EFORMAT: return CLI_EUSAGE;
  case NG_ERDF: return CLI_EOUTPUT;
  case NG_ESTORE: return CLI_ESTORE;
  case NG_ENET: return CLI_ENET;
  case NG_EQUERY: return CLI_EQUERY;
  case NG_EUSAGE: return CLI_EUSAGE;
  }
  return CLI_EINTERNAL;
}

void cli_print_exit_codes(FILE *out)
{
  fputs("Exit codes:\n"
        "  0  ok\n"
        "  1  out of memory or internal error\n"
        "  2  usage: bad option, argument, format or IRI\n"
        "  3  cannot read the input (missing, a directory, I/O error)\n"
        "  4  bad input: empty, binary or NUL bytes, invalid UTF-8, "
        "too large\n"
        "  5  lexicon or data files missing or malformed\n"
        "  6  cannot write or serialize the output\n"
        "  7  triple store error\n"
        "  8  network or HTTP error\n"
        "  9  SPARQL query error\n"
        "  10 some items failed\n"
        "  11 cannot run newsgraph-full (every command but a plain "
        "extract)\n", out);
}

const char *cli_display_name(const char *path)
{
  return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cli_opt_value(int argc, char **argv, int *i, const char *longname,
                  char shortname, const char **val)
{
  const char *a = argv[*i];
  size_t n = strlen(longname);

  if (a[0] != '-')
    return 0;
  if (a[1] == '-' && strncmp(a + 2, longname, n) == 0) {
    if (a[2 + n] == '=') {
      *val = a + 3 + n;
      return 1;
    }
    if (a[2 + n] != '\0')
      return 0;
  } else if (shortname != 0 && a[1] == shortname) {
    if (a[2] != '\0') {
      *val = a + 2;
      return 1;
    }
  } else {
    return 0;
  }
  if (*i + 1 >= argc) {
    cli_error("option '%s' needs a value", a);
    return -1;
  }
  *i += 1;
  *val = argv[*i];
  return 1;
}

int cli_parse_size(const char *opt, const char *s, size_t *out)
{
  unsigned long long v, mul = 1;
  char *end;

  if (s[0] < '0' || s[0] > '9') {
    cli_error("%s '%s': not a number", opt, s);
    return CLI_EUSAGE;
  }
  errno = 0;
  v = strtoull(s, &end, 10);
  if (*end == 'k' || *end == 'K')
    mul = 1024;
  else if (*end == 'M')
    mul = 1024 * 1024;
  else if (*end == 'G')
    mul = 1024 * 1024 * 1024;
  if (mul != 1)
    end++;
  if (errno != 0 || *end != '\0' || v > (unsigned long long)SIZE_MAX / mul) {
    cli_error("%s '%s': not a number of bytes", opt, s);
    return CLI_EUSAGE;
  }
  *out = (size_t)(v * mul);
  return CLI_OK;
}

const char *cli_errno_text(int e)
{
  switch (e) {
  case ENOENT: return "no such file";
  case EACCES: return "permission denied";
  case EISDIR: return "is a directory";
  case ENOTDIR: return "not a directory in the path";
  case ENOMEM: return "out of memory";
  default: return strerror(e);
  }
}

int cli_slurp(const char *path, size_t limit, char **buf, size_t *len)
{
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  struct stat sb;
  size_t n = 0, cap, want = limit < SIZE_MAX - 2 ? limit + 1 : SIZE_MAX - 2;
  char *b = NULL;
  int e = 0;

  *buf = NULL;
  *len = 0;
  if (f == NULL)
    return errno != 0 ? errno : -1;
  if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    if (!is_stdin)
      fclose(f);
    return EISDIR;
  }
  if (!is_stdin && S_ISREG(sb.st_mode) && (size_t)sb.st_size < want)
    cap = (size_t)sb.st_size + 2; /* read once more to see the end */
  else
    cap = 65536;
  while (n < want) {
    size_t got, room;
    if (b == NULL || n + 1 >= cap) {
      size_t ncap = b == NULL ? cap : cap * 2;
      char *nb;
      if (ncap > want + 1)
        ncap = want + 1;
      nb = realloc(b, ncap);
      if (nb == NULL) {
        e = ENOMEM;
        break;
      }
      b = nb;
      cap = ncap;
    }
    room = cap - 1 - n;
    if (room > want - n)
      room = want - n;
    got = fread(b + n, 1, room, f);
    n += got;
    if (got == 0)
      break;
  }
  if (e == 0 && ferror(f))
    e = errno != 0 ? errno : -1;
  if (e == 0 && b == NULL && (b = malloc(1)) == NULL)
    e = ENOMEM;
  if (!is_stdin)
    fclose(f);
  if (e != 0) {
    free(b);
    return e;
  }
  b[n] = '\0';
  *buf = b;
  *len = n;
  return 0;
}

int cli_read_input(const char *path, size_t limit, char **buf, size_t *len)
{
  int e = cli_slurp(path, limit, buf, len);

  if (e == 0)
    return CLI_OK;
  cli_error("cannot read '%s': %s", cli_display_name(path),
            e > 0 ? cli_errno_text(e) : "I/O error");
  return e == ENOMEM ? CLI_EINTERNAL : CLI_EREAD;
}

/* ------------------------------------------------------------ main */

#ifndef NGI_FRONT

static void usage(FILE *out)
{
  size_t i;

  fputs("usage: newsgraph [--help | --version] COMMAND [ARGS...]\n\n"
        "Turn news articles into an RDF knowledge graph: persons, roles,\n"
        "organisations, quotes and reported speech, topics, agreements.\n\n"
        "Commands:\n", out);
  for (i = 0; i < NCOMMANDS; i++)
    fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
  fputs("\nRun 'newsgraph COMMAND --help' for the options of a command.\n\n"
        "Options:\n"
        "  -h, --help     show this help and exit\n"
        "  -V, --version  show the version and exit\n\n", out);
  cli_print_exit_codes(out);
}

int main(int argc, char **argv)
{
  size_t i;
  const char *cmd;

  /* a file size limit (ulimit -f) makes write() fail with EFBIG, which
   * is reported, instead of killing the process without a word */
  signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    cli_error("no command given (see 'newsgraph --help')");
    return CLI_EUSAGE;
  }
  cmd = argv[1];
  if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
      strcmp(cmd, "help") == 0) {
    usage(stdout);
    return fflush(stdout) == 0 ? CLI_OK : CLI_EOUTPUT;
  }
  if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
    printf("newsgraph %s\n", NG_VERSION);
    return fflush(stdout) == 0 ? CLI_OK : CLI_EOUTPUT;
  }
  if (cmd[0] == '-') {
    cli_error("unknown option '%s' (see 'newsgraph --help')", cmd);
    return CLI_EUSAGE;
  }
  for (i = 0; i < NCOMMANDS; i++)
    if (strcmp(cmd, commands[i].name) == 0)
      return commands[i].run(argc - 1, argv + 1);
  cli_error("unknown command '%s' (see 'newsgraph --help')", cmd);
  return CLI_EUSAGE;
}
#endif
