/* cmd_extract.c - `newsgraph extract`: articles in, RDF out.
 *
 * One article (a file, stdin or a URL) gives one graph, Turtle by default,
 * written only once all of it worked.  Many articles (several inputs,
 * folders, JSON Lines) are a stream: the main thread reads the inputs in
 * order into a ring of slots, -j worker threads (one librdf world each)
 * turn slots into N-Quads or TriG (one named graph per article), and the
 * main thread writes finished slots in input order, so the output is the
 * same for any -j and memory stays bounded by the ring.  --merge puts all
 * articles into one graph instead.  A failed article is counted and
 * reported at the end (exit 10).  This file: the options and the command;
 * one article's work: extract_item.c; reading the inputs and running one
 * or many: extract_run.c; inputs: sources.c; -o FILE: output.c.
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_extract.h"
#include "outdir.h"
#include "output.h"
#include "sources.h"

/* ------------------------------------------------------------ options */

static void help(FILE *out)
{
  const char *const *f;

  fputs("usage: newsgraph extract [OPTIONS] INPUT...\n\n"
        "Extract persons, roles, organisations, quotes, reported speech,\n"
        "topics and agreements from news articles and write them as RDF.\n"
        "An INPUT is a file (*.txt text, *.html/*.htm page, *.jsonl JSON\n"
        "Lines), a folder (searched recursively for those, in sorted\n"
        "order), an http://, https:// or file:// URL, or - for stdin\n"
        "(JSON Lines when it starts with '{', HTML with '<').\n\n"
        "One article gives one graph (Turtle by default).  Many articles\n"
        "give a stream of N-Quads with one named graph per article (its\n"
        "IRI), or TriG, or with --merge one graph; as JSON-LD (-f jsonld)\n"
        "one document per article, one per line (JSON Lines), or one\n"
        "document with a named graph per article when -o FILE ends in\n"
        "'.jsonld'.  JSON Lines records are\n"
        "objects with \"text\" or \"html\" and optional \"id\", \"url\",\n"
        "\"title\", \"date\", \"author\".  Failed articles do not stop the\n"
        "run: they are listed at the end and the exit code is 10.\n\n"
        "Options:\n"
        "  -f, --format FORMAT  output syntax (default turtle for one\n"
        "                       article, nquads for many)\n"
        "  -o, --output FILE    write FILE (via FILE.tmp, renamed at the\n"
        "                       end: never a partial FILE)\n"
        "      --out-dir DIR    one file per article in DIR (made when\n"
        "                       missing), in FORMAT (default turtle),\n"
        "                       named after its path below its INPUT or\n"
        "                       its JSON Lines id (see the man page);\n"
        "                       each file whole or not at all\n"
        "      --merge          many articles into one graph\n"
        "  -j, --jobs N         worker threads (default: the number of\n"
        "                       cores); the output does not depend on N\n"
        "  -q, --quiet          no progress line (shown only when stderr\n"
        "                       is a terminal)\n"
        "      --input KIND     read inputs as text, html or jsonl\n"
        "                       (default: by file name or first byte)\n"
        "      --base IRI       base of minted IRIs (default "
        NG_DEFAULT_BASE ")\n"
        "      --source IRI     IRI of the article (one article only;\n"
        "                       default <base>article/<16 hex of SHA-256>,\n"
        "                       for a URL its final URL after redirects)\n"
        "      --max-bytes N    largest article accepted (default 16M;\n"
        "                       suffixes k, M, G); also the URL body limit\n"
        "      --timeout SECS   URL fetch timeout (default 30)\n"
        "      --max-redirects N  URL redirects followed (default 5)\n"
        "      --with-text      keep each article's whole text in the graph\n"
        "                       (schema:articleBody; served pages show it)\n"
        "      --stats          timing and counts on stderr at the end\n"
        "      --text           write the text the extractor reads (from\n"
        "                       HTML and JSON Lines), no RDF\n"
        "      --data DIR       ontology and lexicons (default "
        "$NEWSGRAPH_DATA,\n"
        "                       else the installed share/newsgraph)\n"
        "  -h, --help           show this help and exit\n\n"
        "Formats:\n ", out);
  for (f = ng_formats(); *f != NULL; f++)
    fprintf(out, " %s", *f);
  fputs(" trig html\n(html: a page to read, one article; html-table: "
        "raptor's table)\n\n", out);
  cli_print_exit_codes(out);
}



static int parse_long(const char *opt, const char *v, long lo, long hi,
                      long *out)
{
  char *end;
  long n;

  errno = 0;
  n = strtol(v, &end, 10);
  if (v[0] < '0' || v[0] > '9' || *end != '\0' || errno != 0 || n < lo ||
      n > hi) {
    cli_error("%s '%s': want a whole number from %ld to %ld", opt, v, lo,
              hi);
    return -1;
  }
  *out = n;
  return 0;
}

/* Returns -1 to go on, else the exit code. */
static int parse(int argc, char **argv, extract_args *a)
{
  int i, r, only_files = 0;
  long n;

  memset(a, 0, sizeof *a);
  a->format = "turtle";
  a->inputs = calloc((size_t)argc, sizeof *a->inputs);
  if (a->inputs == NULL) {
    cli_error("out of memory");
    return CLI_EINTERNAL;
  }
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
      if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
        a->quiet = 1;
      } else if (strcmp(arg, "--with-text") == 0) {
        a->opts.with_text = 1;
      } else if (strcmp(arg, "--merge") == 0) {
        a->merge = 1;
      } else if (strcmp(arg, "--stats") == 0) {
        a->stats = 1;
      } else if (strcmp(arg, "--text") == 0) {
        a->text = 1;
      } else if ((r = cli_opt_value(argc, argv, &i, "format", 'f', &v)) !=
                 0) {
        if (r < 0)
          return CLI_EUSAGE;
        a->format = v;
        a->format_given = 1;
      } else if ((r = cli_opt_value(argc, argv, &i, "output", 'o', &v)) !=
                 0) {
        if (r < 0)
          return CLI_EUSAGE;
        a->output = v;
      } else if ((r = cli_opt_value(argc, argv, &i, "out-dir", 0, &v)) !=
                 0) {
        if (r < 0)
          return CLI_EUSAGE;
        if (v[0] == '\0') {
          cli_error("--out-dir: give a folder");
          return CLI_EUSAGE;
        }
        a->outdir = v;
      } else if ((r = cli_opt_value(argc, argv, &i, "jobs", 'j', &v)) != 0) {
        if (r < 0 || parse_long("--jobs", v, 1, 256, &a->jobs) != 0)
          return CLI_EUSAGE;
      } else if ((r = cli_opt_value(argc, argv, &i, "input", 0, &v)) != 0) {
        if (r < 0)
          return CLI_EUSAGE;
        const char *syn = NULL;
        if (cli_input_kind(v, &a->input, &syn) != 0 || a->input == IN_RDF) {
          cli_error("--input '%s': want text, html or jsonl%s", v,
                    syn != NULL ? " (RDF files go to 'newsgraph load')" : "");
          return CLI_EUSAGE;
        }
      } else if ((r = cli_opt_value(argc, argv, &i, "timeout", 0, &v)) !=
                 0) {
        if (r < 0 || parse_long("--timeout", v, 1, 86400, &n) != 0)
          return CLI_EUSAGE;
        a->fetch.timeout_ms = n * 1000;
      } else if ((r = cli_opt_value(argc, argv, &i, "max-redirects", 0,
                                    &v)) != 0) {
        if (r < 0 || parse_long("--max-redirects", v, 0, 50, &n) != 0)
          return CLI_EUSAGE;
        a->fetch.max_redirects = n > 0 ? n : -1;
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
    a->inputs[a->ninputs++] = argv[i];
  }
  if (a->ninputs == 0) {
    cli_error("extract: no input FILE (use - for stdin; see 'newsgraph "
              "extract --help')");
    return CLI_EUSAGE;
  }
  if (strcmp(a->format, "trig") != 0 && strcmp(a->format, "html") != 0 &&
      !ng_format_known(a->format)) {
    cli_error("unknown format '%s' (see 'newsgraph extract --help')",
              a->format);
    return CLI_EUSAGE;
  }
  if (a->outdir != NULL && (a->output != NULL || a->merge || a->text)) {
    cli_error("extract: --out-dir writes one file per article: not with "
              "%s", a->output != NULL ? "-o" : a->merge ? "--merge"
                                                      : "--text");
    return CLI_EUSAGE;
  }
  if (a->jobs == 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = c > 0 ? (c < 64 ? c : 64) : 1;
  }
  a->fetch.max_bytes = a->max_bytes;
  return -1;
}

/* ------------------------------------------------------------ command */

int cmd_extract(int argc, char **argv)
{
  extract_args a;
  job j;
  cli_source *src = NULL;
  size_t nsrc = 0, dirs = 0, i;
  unsigned long long total = 0;
  char err[NG_ERRLEN];
  ng_lexicon *lex = NULL;
  ng_status st;
  int rc = parse(argc, argv, &a), single;
  FILE *out;

  if (rc >= 0) {
    free(a.inputs);
    return rc;
  }
  rc = cli_sources_expand(a.inputs, a.ninputs, a.input, NULL, &src, &nsrc,
                          &dirs, &total);
  if (rc != 0) {
    free(a.inputs);
    return rc == -2 ? CLI_EUSAGE : CLI_EREAD;
  }
  for (i = 0; i < nsrc; i++)
    if (src[i].kind == IN_RDF) {
      cli_error("'%s' is an RDF file (%s), not an article: put it in a "
                "store with 'newsgraph load' (or give --input text)",
                cli_display_name(src[i].path),
                strcmp(src[i].syntax, "json") ? src[i].syntax : "RDF/JSON");
      cli_sources_free(src, nsrc);
      free(a.inputs);
      return CLI_EINPUT;
    }
  single = a.ninputs == 1 && nsrc == 1 && dirs == 0 &&
           src[0].kind != IN_JSONL && !a.merge && a.outdir == NULL;
  memset(&j, 0, sizeof j);
  j.a = &a;
  j.merge = a.merge && !a.text;
  j.single = single;
  j.format = a.format;
  if (!single && !a.format_given && a.outdir == NULL)
    j.format = a.merge ? "turtle" : "nquads";
  if (strcmp(j.format, "nquads") == 0 || strcmp(j.format, "nq") == 0)
    j.quads = 1;
  else if (strcmp(j.format, "trig") == 0)
    j.quads = 2;
  rc = -1;
  if (a.text) {
    ; /* no RDF */
  } else if (strcmp(j.format, "html") == 0 && !single) {
    cli_error("extract: html writes the page of one article");
    rc = CLI_EUSAGE;
  } else if (a.outdir != NULL) {
    ; /* each article its own file */
  } else if (!single && !a.merge && !j.quads &&
      strcmp(j.format, "ntriples") != 0 && strcmp(j.format, "nt") != 0 &&
      strcmp(j.format, "jsonld") != 0) {
    cli_error("extract: many articles are written as nquads, trig, "
              "ntriples or jsonld; use --merge for one %s graph", j.format);
    rc = CLI_EUSAGE;
  } else if (a.merge && j.quads == 2) {
    cli_error("extract: --merge writes one graph; trig is for many");
    rc = CLI_EUSAGE;
  } else if (!single && a.opts.source != NULL) {
    cli_error("extract: --source names one article, not many");
    rc = CLI_EUSAGE;
  }
  if (strcmp(j.format, "jsonld") == 0 && !a.merge && !a.text) {
    /* many: JSON Lines, or one document when -o names a .jsonld file */
    j.jsonld = !single && a.output != NULL &&
               cli_ends_with(a.output, ".jsonld") ? 2 : 1;
    j.jlayout = single || a.outdir != NULL ? NG_JSONLD_PRETTY
                       : j.jsonld == 2 ? NG_JSONLD_MEMBER : NG_JSONLD_LINE;
  }
  if (a.merge)
    j.quads = 0;
  else if (a.outdir != NULL || single)
    /* Turtle without a librdf model (raptor's bytes; raptor itself where
     * graph/turtle.c cannot copy them): each --out-dir file as `extract
     * -f turtle FILE` writes it */
    j.turtle = strcmp(j.format, "turtle") == 0 ||
               strcmp(j.format, "ttl") == 0;
  if (!a.merge && a.outdir == NULL && !single && !j.quads && !j.jsonld)
    j.lines = 1; /* ntriples */
  if (rc < 0) {
    err[0] = '\0';
    st = ng_lexicon_load(a.data, &lex, err);
    if (st != NG_OK) {
      if (a.data != NULL && strstr(err, a.data) == NULL)
        cli_error("cannot load lexicons from '%s': %s", a.data,
                  cli_why(err, st));
      else
        cli_error("cannot load lexicons: %s", cli_why(err, st));
      rc = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_ELEXICON;
    }
  }
  if (rc < 0 && j.jsonld) {
    ng_jsonld_context *jc = NULL;
    err[0] = '\0';
    st = ng_jsonld_context_load(a.data, &jc, err);
    if (st != NG_OK) {
      cli_error("%s", cli_why(err, st));
      rc = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_ELEXICON;
    }
    j.jctx = jc;
  }
  if (rc < 0) {
    j.lex = lex;
    if (single) {
      rc = cli_extract_one(&a, &j, &src[0]);
    } else if (a.outdir != NULL) {
      rc = cli_outdir_new(a.outdir, j.format, a.inputs, a.ninputs, src,
                          nsrc, &j.outdir);
      if (rc == 0)
        rc = cli_extract_many(&a, &j, src, nsrc, total, NULL);
      if (j.outdir != NULL && (rc == CLI_OK || rc == CLI_ESOME)) {
        int e = cli_outdir_sync(j.outdir);
        if (e != 0) {
          cli_error("cannot write to '%s': %s", a.outdir, cli_errno_text(e));
          rc = CLI_EOUTPUT;
        }
      }
      cli_outdir_free(j.outdir);
    } else {
      static char obuf[1 << 16];
      out = cli_output_open(a.output);
      if (out == NULL) {
        rc = CLI_EOUTPUT;
      } else {
        if (out == stdout)
          setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
        err[0] = '\0';
        if (j.jsonld == 2 &&
            (st = ng_jsonld_write_head(j.jctx, out, err)) != NG_OK) {
          cli_error("cannot write the jsonld output: %s", cli_why(err, st));
          cli_output_close(out, a.output, 0);
          rc = CLI_EOUTPUT;
        } else {
          rc = cli_extract_many(&a, &j, src, nsrc, total, out);
        }
      }
    }
  }
  ng_lexicon_free(lex);
  ng_jsonld_context_free((ng_jsonld_context *)j.jctx);
  cli_sources_free(src, nsrc);
  free(a.inputs);
  return rc;
}
