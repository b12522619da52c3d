/* front.c - the `newsgraph` binary users start: a front that links only
 * libc, libm and json-c (and the library's objects that need no more),
 * so that it starts in a fraction of the time the RDF/curl/XML/HTTP stack
 * takes to bind (about 50 shared libraries, which Debian builds with
 * BIND_NOW).
 *
 * It does itself only `--version` and the commonest command, one plain
 * text article to Turtle, N-Quads, N-Triples or JSON-LD (`extract [-f
 * FORMAT] [-o FILE] FILE.txt` with the options of parse()); for
 * everything else, and whenever that one article needs more (an option
 * it does not know, an error to report, a graph only raptor writes the
 * same), it replaces itself, before any output, with the full command:
 * newsgraph-full (beside it in the build tree, in PREFIX/libexec when
 * installed; run_full), given the same arguments.  The full command is
 * cli/main.c with every subcommand; the output is the same bytes either
 * way.  If newsgraph-full cannot be run: one line, exit code 11.
 *
 * The front is cli/main.c's helpers (compiled with -DNGI_FRONT: no
 * command table), output.c, sources.c, front_stubs.c and this file,
 * linked with --gc-sections so that only what the path below reaches of
 * the library is kept (HACKING.md, "The front and newsgraph-full").
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "graph/graph.h"
#include "graph/jsonld.h"
#include "output.h"
#include "sources.h"

#ifndef NG_LIBEXECDIR
#define NG_LIBEXECDIR "/usr/local/libexec"
#endif

#define FULL_NAME "newsgraph-full"

/* ------------------------------------------------------------ the full command */

/* Replace this process with newsgraph-full, same arguments: the one named
 * by $NEWSGRAPH_FULL, else the one beside this program (a build tree),
 * else in ../libexec from this program's folder (an install, also moved
 * or staged with DESTDIR), else in NG_LIBEXECDIR (the install's).
 * Returns only when none can be run, after saying so. */
static int run_full(char **argv)
{
  char self[PATH_MAX], path[PATH_MAX + 32];
  const char *env = getenv("NEWSGRAPH_FULL");
  ssize_t n;
  int e = 0;

  if (env != NULL && env[0] != '\0') {
    execv(env, argv);
    cli_error("cannot run '%s' (NEWSGRAPH_FULL): %s", env,
              cli_errno_text(errno));
    return CLI_EFULL;
  }
  n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    char *slash;
    self[n] = '\0';
    slash = strrchr(self, '/');
    if (slash != NULL) {
      *slash = '\0';
      snprintf(path, sizeof path, "%s/" FULL_NAME, self);
      execv(path, argv);
      e = errno;
      snprintf(path, sizeof path, "%s/../libexec/" FULL_NAME, self);
      execv(path, argv);
      if (e == ENOENT)
        e = errno;
    }
  }
  snprintf(path, sizeof path, "%s/" FULL_NAME, NG_LIBEXECDIR);
  execv(path, argv);
  if (e == 0 || e == ENOENT)
    e = errno;
  cli_error("cannot run " FULL_NAME " (beside newsgraph or in %s), which "
            "does every command but a plain extract: %s", NG_LIBEXECDIR,
            cli_errno_text(e));
  return CLI_EFULL;
}

static char **full_argv; /* main's argv, for ngi_front_handover */

void ngi_front_handover(void); /* front_stubs.c */

/* The library reached code the front is not linked with (front_stubs.c):
 * newsgraph-full does the command instead.  Nothing is written yet. */
void ngi_front_handover(void)
{
  exit(run_full(full_argv));
}

/* ------------------------------------------------------------ extract */

typedef struct front_args {
  const char *format, *output, *data, *path;
  int text;              /* --input text */
  ng_graph_opts opts;
} front_args;

/* 1 when s is a whole number from 1 to 256 (-j; one article ignores it). */
static int jobs_ok(const char *s)
{
  char *end;
  long n;

  if (s[0] < '0' || s[0] > '9')
    return 0;
  errno = 0;
  n = strtol(s, &end, 10);
  return *end == '\0' && errno == 0 && n >= 1 && n <= 256;
}

/* The options of `extract` (cmd_extract.c) that the front does itself;
 * 0 when they are all the command line has and right, -1 for the full
 * command (which also gives every error). */
static int parse(int argc, char **argv, front_args *a)
{
  static const struct {
    const char *name;
    char shortname;
  } valued[] = {{"format", 'f'}, {"output", 'o'}, {"jobs", 'j'},
                {"input", 0},    {"base", 0},     {"source", 0},
                {"data", 0}};
  const size_t nvalued = sizeof valued / sizeof valued[0];
  int i, only_files = 0;
  size_t k;

  memset(a, 0, sizeof *a);
  a->format = "turtle";
  for (i = 1; i < argc; i++) {
    const char *arg = argv[i], *v = NULL;

    if (only_files || arg[0] != '-' || arg[1] == '\0') {
      if (a->path != NULL)
        return -1; /* many inputs */
      a->path = arg;
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      only_files = 1;
      continue;
    }
    if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0)
      continue;
    for (k = 0; k < nvalued; k++) {
      const char *n = valued[k].name;
      size_t nl = strlen(n);
      int at = i;
      /* the value missing: an error the full command gives */
      if (i + 1 >= argc &&
          ((arg[1] == '-' && strcmp(arg + 2, n) == 0) ||
           (valued[k].shortname != 0 && arg[1] == valued[k].shortname &&
            arg[2] == '\0')))
        return -1;
      if (arg[1] == '-' && strncmp(arg + 2, n, nl) != 0)
        continue;
      if (cli_opt_value(argc, argv, &at, n, valued[k].shortname, &v) == 1) {
        i = at;
        break;
      }
    }
    switch (k) {
    case 0: a->format = v; break;
    case 1: a->output = v; break;
    case 2:
      if (!jobs_ok(v))
        return -1;
      break;
    case 3:
      if (strcmp(v, "text") != 0)
        return -1;
      a->text = 1;
      break;
    case 4: a->opts.base = v; break;
    case 5: a->opts.source = v; break;
    case 6: a->data = v; break;
    default: return -1; /* not an option the front does */
    }
  }
  return a->path != NULL ? 0 : -1;
}

/* One text article as cli_extract_one (extract_run.c) and
 * cli_item_process (extract_item.c) make it; -1 (nothing written) for
 * the full command. */
static int extract(int argc, char **argv)
{
  front_args a;
  char err[NG_ERRLEN];
  struct stat sb;
  ng_lexicon *lex = NULL;
  ng_doc *doc = NULL;
  ng_graph *g = NULL;
  char *raw = NULL, *out = NULL, *iri = NULL;
  size_t rawlen = 0, outlen = 0;
  int form, rc = -1; /* form: 0 turtle, 1 nquads, 2 ntriples, 3 jsonld */
  ng_jsonld_context *jc = NULL;
  FILE *f;

  if (parse(argc, argv, &a) != 0)
    return -1;
  if (strcmp(a.format, "turtle") == 0 || strcmp(a.format, "ttl") == 0)
    form = 0;
  else if (strcmp(a.format, "nquads") == 0 || strcmp(a.format, "nq") == 0)
    form = 1;
  else if (strcmp(a.format, "ntriples") == 0 || strcmp(a.format, "nt") == 0)
    form = 2;
  else if (strcmp(a.format, "jsonld") == 0)
    form = 3;
  else
    return -1;
  /* a regular file read as text: not stdin, a URL, a folder, HTML ... */
  if (strcmp(a.path, "-") == 0 || cli_is_url(a.path) ||
      cli_kind_of(a.path, a.text ? IN_TEXT : IN_AUTO) != IN_TEXT ||
      stat(a.path, &sb) != 0 || !S_ISREG(sb.st_mode))
    return -1;
  err[0] = '\0';
  if (ng_lexicon_load(a.data, &lex, err) != NG_OK ||
      (form == 3 && ng_jsonld_context_load(a.data, &jc, err) != NG_OK))
    goto out;
  if (cli_slurp(a.path, NG_DEFAULT_MAX_BYTES, &raw, &rawlen) != 0)
    goto out;
  if (ng_doc_new(raw, rawlen, 0, &doc, err) != NG_OK ||
      ng_extract(doc, lex) != NG_OK)
    goto out;
  if (ng_graph_new_lines(&g, err) != NG_OK ||
      ng_graph_add_doc(g, doc, &a.opts, err) != NG_OK)
    goto out;
  /* NG_EFORMAT from a writer here: raptor (or librdf) writes it */
  if (form == 1 || form == 3) {
    iri = ng_article_iri(doc, &a.opts);
    if (iri == NULL)
      goto out;
  }
  if (form == 3) {
    /* the article's named graph, as in N-Quads (extract_item.c) */
    FILE *mem = open_memstream(&out, &outlen);
    ng_status st;
    if (mem == NULL)
      goto out;
    st = ngi_jsonld_lines_write(g, jc, iri, NG_JSONLD_PRETTY, mem, err);
    if (fclose(mem) != 0 || st != NG_OK)
      goto out;
  } else if (form == 1) {
    if (ng_graph_lines(g, iri, &out, &outlen, err) != NG_OK)
      goto out;
  } else if (form == 2) {
    if (ngi_graph_ntriples(g, &out, &outlen, err) != NG_OK)
      goto out;
  } else if (ng_graph_turtle(g, &out, &outlen, err) != NG_OK) {
    goto out;
  }
  /* the output, as cli_extract_one writes it */
  f = cli_output_open(a.output);
  if (f == NULL) {
    rc = CLI_EOUTPUT;
    goto out;
  }
  rc = 0;
  if (outlen > 0 && fwrite(out, 1, outlen, f) != outlen)
    rc = CLI_EOUTPUT;
  if (rc == 0 && f == stdout && (fflush(stdout) != 0 || ferror(stdout)))
    rc = CLI_EOUTPUT;
  if (rc != 0) {
    cli_error("cannot write the %s output: %s", a.format,
              cli_errno_text(errno));
    cli_output_close(f, a.output, 0);
  } else {
    rc = cli_output_close(f, a.output, 1);
  }

out:
  free(iri);
  free(out);
  free(raw);
  ng_graph_free(g);
  ng_doc_free(doc);
  ng_lexicon_free(lex);
  ng_jsonld_context_free(jc);
  return rc;
}

/* ------------------------------------------------------------ main */

int main(int argc, char **argv)
{
  int rc;

  signal(SIGXFSZ, SIG_IGN); /* as cli/main.c */
  full_argv = argv;
  if (argc >= 2 && (strcmp(argv[1], "--version") == 0 ||
                    strcmp(argv[1], "-V") == 0)) {
    printf("newsgraph %s\n", NG_VERSION);
    return fflush(stdout) == 0 ? CLI_OK : CLI_EOUTPUT;
  }
  if (argc >= 2 && strcmp(argv[1], "extract") == 0 &&
      (rc = extract(argc - 1, argv + 1)) >= 0)
    return rc;
  return run_full(argv);
}
