/* cmd_extract.c - `newsgraph extract`: one article in, RDF out.
 *
 * Reads the whole input, validates and extracts it, builds the graph and
 * serializes it in memory; stdout is written only when all of that worked,
 * so a failure never leaves partial output.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void help(FILE *out)
{
  const char *const *f;

  fputs("usage: newsgraph extract [OPTIONS] FILE|-\n\n"
        "Extract persons, roles, organisations, quotes, reported speech,\n"
        "topics and agreements from one UTF-8 article (- reads stdin) and\n"
        "write them as RDF to stdout.\n\n"
        "Options:\n"
        "  -f, --format FORMAT  output syntax (default turtle)\n"
        "      --base IRI       base of minted IRIs (default "
        NG_DEFAULT_BASE ")\n"
        "      --source IRI     IRI of the article (default\n"
        "                       <base>article/<16 hex of its SHA-256>)\n"
        "      --max-bytes N    largest article accepted (default 16M;\n"
        "                       suffixes k, M, G)\n"
        "      --data DIR       ontology and lexicons (default "
        "$NEWSGRAPH_DATA,\n"
        "                       else the installed share/newsgraph)\n"
        "  -h, --help           show this help and exit\n\n"
        "Formats:\n ", out);
  for (f = ng_formats(); *f != NULL; f++)
    fprintf(out, " %s", *f);
  fputs("\n\n", out);
  cli_print_exit_codes(out);
}

static const char *status_text(ng_status st)
{
  switch (st) {
  case NG_ENOMEM: return "out of memory";
  case NG_EINPUT: return "not an article";
  case NG_EIO: return "I/O error";
  case NG_ELEXICON: return "lexicon data missing or malformed";
  case NG_EFORMAT: return "unknown format";
  case NG_ERDF: return "RDF library error";
  default: return "failed";
  }
}

/* err, or a text for st when the library left err empty. */
static const char *why(const char *err, ng_status st)
{
  return err[0] != '\0' ? err : status_text(st);
}

typedef struct extract_args {
  const char *format, *file, *data;
  ng_graph_opts opts;
  size_t max_bytes;
} extract_args;

/* Returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, extract_args *a)
{
  int i, r, only_files = 0;

  memset(a, 0, sizeof *a);
  a->format = "turtle";
  for (i = 1; i < argc; i++) {
    const char *arg = argv[i], *v = NULL;

    if (!only_files && arg[0] == '-' && arg[1] != '\0') {
      if (strcmp(arg, "--") == 0) {
        only_files = 1;
        continue;
      }
      if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
        help(stdout);
        return fflush(stdout) == 0 ? CLI_OK : CLI_EOUTPUT;
      }
      if ((r = cli_opt_value(argc, argv, &i, "format", 'f', &v)) != 0) {
        if (r < 0)
          return CLI_EUSAGE;
        a->format = v;
      } else if ((r = cli_opt_value(argc, argv, &i, "base", 0, &v)) != 0) {
        if (r < 0)
          return CLI_EUSAGE;
        a->opts.base = v;
      } else if ((r = cli_opt_value(argc, argv, &i, "source", 0, &v)) != 0) {
        if (r < 0)
          return CLI_EUSAGE;
        a->opts.source = v;
      } else if ((r = cli_opt_value(argc, argv, &i, "data", 0, &v)) != 0) {
        if (r < 0)
          return CLI_EUSAGE;
        a->data = v;
      } else if ((r = cli_opt_value(argc, argv, &i, "max-bytes", 0, &v)) !=
                 0) {
        if (r < 0 || cli_parse_size("--max-bytes", v, &a->max_bytes) != 0)
          return CLI_EUSAGE;
        if (a->max_bytes == 0) {
          cli_error("--max-bytes '%s': must be at least 1", v);
          return CLI_EUSAGE;
        }
      } else {
        cli_error("extract: unknown option '%s' (see 'newsgraph extract "
                  "--help')", arg);
        return CLI_EUSAGE;
      }
      continue;
    }
    if (a->file != NULL) {
      cli_error("extract: one FILE only (got '%s' and '%s')", a->file, arg);
      return CLI_EUSAGE;
    }
    a->file = arg;
  }
  if (a->file == NULL) {
    cli_error("extract: no input FILE (use - for stdin; see 'newsgraph "
              "extract --help')");
    return CLI_EUSAGE;
  }
  if (!ng_format_known(a->format)) {
    cli_error("unknown format '%s' (see 'newsgraph extract --help')",
              a->format);
    return CLI_EUSAGE;
  }
  return -1;
}

int cmd_extract(int argc, char **argv)
{
  extract_args a;
  char err[NG_ERRLEN], *text = NULL;
  const char *name;
  size_t len, limit;
  ng_lexicon *lex = NULL;
  ng_doc *doc = NULL;
  ng_graph *g = NULL;
  ng_status st;
  int rc = parse(argc, argv, &a);

  if (rc >= 0)
    return rc;
  name = cli_display_name(a.file);
  limit = a.max_bytes != 0 ? a.max_bytes : NG_DEFAULT_MAX_BYTES;
  rc = cli_read_input(a.file, limit, &text, &len);
  if (rc != CLI_OK)
    return rc;

  err[0] = '\0';
  st = ng_doc_new(text, len, a.max_bytes, &doc, err);
  free(text);
  if (st != NG_OK) {
    cli_error("'%s': %s", name, why(err, st));
    return cli_exit_code(st);
  }

  err[0] = '\0';
  st = ng_lexicon_load(a.data, &lex, err);
  if (st != NG_OK) {
    if (a.data != NULL && strstr(err, a.data) == NULL)
      cli_error("cannot load lexicons from '%s': %s", a.data, why(err, st));
    else
      cli_error("cannot load lexicons: %s", why(err, st));
    rc = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_ELEXICON;
    goto out;
  }

  st = ng_extract(doc, lex);
  if (st != NG_OK) {
    cli_error("'%s': extraction failed: %s", name, status_text(st));
    rc = st == NG_ELEXICON ? CLI_ELEXICON : cli_exit_code(st);
    goto out;
  }

  err[0] = '\0';
  st = ng_graph_new(&g, err);
  if (st == NG_OK)
    st = ng_graph_add_doc(g, doc, &a.opts, err);
  if (st != NG_OK) {
    if (st == NG_EUSAGE)
      cli_error("%s", why(err, st));
    else
      cli_error("'%s': cannot build the graph: %s", name, why(err, st));
    rc = st == NG_EUSAGE ? CLI_EUSAGE
         : st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT;
    goto out;
  }

  err[0] = '\0';
  st = ng_graph_write(g, a.format, stdout, err);
  if (st != NG_OK) {
    cli_error("cannot write the %s output: %s", a.format, why(err, st));
    rc = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT;
    goto out;
  }
  rc = CLI_OK;

out:
  ng_graph_free(g);
  ng_doc_free(doc);
  ng_lexicon_free(lex);
  return rc;
}
