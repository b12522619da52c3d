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
 * reported at the end (exit 10).  Inputs: sources.c; -o FILE: output.c.
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
#include "input/input.h"
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
        "IRI), or TriG, or with --merge one graph.  JSON Lines records are\n"
        "objects with \"text\" or \"html\" and optional \"id\", \"url\",\n"
        "\"title\", \"date\", \"author\".  Failed articles do not stop the\n"
        "run: they are listed at the end and the exit code is 10.\n\n"
        "Options:\n"
        "  -f, --format FORMAT  output syntax (default turtle for one\n"
        "                       article, nquads for many)\n"
        "  -o, --output FILE    write FILE (via FILE.tmp, renamed at the\n"
        "                       end: never a partial FILE)\n"
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
  fputs(" trig\n\n", out);
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
  case NG_ENET: return "network error";
  default: return "failed";
  }
}

/* err, or a text for st when the library left err empty. */
static const char *why(const char *err, ng_status st)
{
  return err[0] != '\0' ? err : status_text(st);
}

typedef struct extract_args {
  const char *format, *data, *output;
  char **inputs;
  size_t ninputs;
  in_kind input;
  ng_graph_opts opts;
  ng_fetch_opts fetch;
  size_t max_bytes;
  long jobs;
  int quiet, merge, stats, format_given, text;
} extract_args;

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
      } else if ((r = cli_opt_value(argc, argv, &i, "jobs", 'j', &v)) != 0) {
        if (r < 0 || parse_long("--jobs", v, 1, 256, &a->jobs) != 0)
          return CLI_EUSAGE;
      } else if ((r = cli_opt_value(argc, argv, &i, "input", 0, &v)) != 0) {
        if (r < 0)
          return CLI_EUSAGE;
        if (strcmp(v, "text") == 0)
          a->input = IN_TEXT;
        else if (strcmp(v, "html") == 0)
          a->input = IN_HTML;
        else if (strcmp(v, "jsonl") == 0)
          a->input = IN_JSONL;
        else {
          cli_error("--input '%s': want text, html or jsonl", v);
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
  if (strcmp(a->format, "trig") != 0 && !ng_format_known(a->format)) {
    cli_error("unknown format '%s' (see 'newsgraph extract --help')",
              a->format);
    return CLI_EUSAGE;
  }
  if (a->jobs == 0) {
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = c > 0 ? (c < 64 ? c : 64) : 1;
  }
  a->fetch.max_bytes = a->max_bytes;
  return -1;
}

/* ------------------------------------------------------------ items */

enum { SLOT_FREE, SLOT_READY, SLOT_TAKEN, SLOT_DONE };

typedef struct item {
  int state;
  in_kind kind;
  char *name;            /* for messages: path, path:LINE, URL */
  char *raw;             /* the bytes read (NULL for URLs) */
  size_t rawlen;
  int rc;                /* exit code of this article; 0 ok */
  char msg[NG_ERRLEN + 256];
  char *out;             /* its serialized graph */
  size_t outlen;
  char *source;          /* article IRI of a URL input (its final URL) */
  ng_doc *doc;           /* --merge: extracted, for the main thread */
  ngi_article art;       /* --merge: its metadata */
  size_t triples;
  double t_extract, t_graph, t_ser;
} item;

static void item_clear(item *it)
{
  free(it->name);
  free(it->raw);
  free(it->out);
  free(it->source);
  ng_doc_free(it->doc);
  ngi_article_release(&it->art);
  memset(it, 0, sizeof *it);
}

static void item_fail(item *it, int rc, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

static void item_fail(item *it, int rc, const char *fmt, ...)
{
  va_list ap;

  it->rc = rc;
  va_start(ap, fmt);
  vsnprintf(it->msg, sizeof it->msg, fmt, ap);
  va_end(ap);
}

static double cpu_now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double wall_now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* What every worker shares (read-only while they run). */
typedef struct job {
  const extract_args *a;
  const ng_lexicon *lex;
  const char *format;    /* output syntax */
  int quads;             /* 1 nquads, 2 trig: named graph per article */
  int lines;             /* many articles as N-Triples: ng_graph_lines */
  int single;            /* one article */
  int merge;
} job;

/* N-Triples lines as one TriG block for graph g. */
static int to_trig(const char *nt, size_t n, const char *g, char **out,
                   size_t *outlen)
{
  size_t gl = strlen(g), k = 0;
  char *b = malloc(n + gl + 16);

  if (b == NULL)
    return -1;
  b[k++] = '<';
  memcpy(b + k, g, gl);
  k += gl;
  memcpy(b + k, "> {\n", 4);
  k += 4;
  memcpy(b + k, nt, n);
  k += n;
  memcpy(b + k, "}\n", 2);
  k += 2;
  *out = b;
  *outlen = k;
  return 0;
}

/* The article text and metadata of an item. */
static int decode(const job *j, item *it, ngi_article *art)
{
  char err[NGI_INPUT_ERRLEN];

  memset(art, 0, sizeof *art);
  switch (it->kind) {
  case IN_JSONL:
    if (ngi_jsonl_article(it->raw, it->rawlen, art, err) != 0) {
      item_fail(it, CLI_EINPUT, "'%s': %s", it->name, err);
      return -1;
    }
    break;
  case IN_HTML:
    if (ngi_html_article(it->raw, it->rawlen, NULL, art, err) != 0) {
      item_fail(it, CLI_EINPUT, "'%s': %s", it->name, err);
      return -1;
    }
    break;
  case IN_URL: {
    ng_fetched *f = NULL;
    char ferr[NG_ERRLEN];
    ng_status st;
    const char *p;
    int html;

    ferr[0] = '\0';
    st = ng_fetch(it->name, &j->a->fetch, &f, ferr);
    if (st != NG_OK) {
      item_fail(it, cli_exit_code(st), "cannot fetch %s", why(ferr, st));
      return -1;
    }
    it->rawlen = f->len;
    for (p = f->body; *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';
         p++)
      ;
    html = j->a->input == IN_HTML ||
           (j->a->input == IN_AUTO &&
            ((f->content_type != NULL &&
              strstr(f->content_type, "html") != NULL) ||
             (f->content_type == NULL && *p == '<') ||
             (strncmp(it->name, "file://", 7) == 0 &&
              (cli_ends_with(it->name, ".html") ||
               cli_ends_with(it->name, ".htm")))));
    if (html) {
      if (ngi_html_article(f->body, f->len, f->final_url, art, err) != 0) {
        item_fail(it, CLI_EINPUT, "'%s': %s", it->name, err);
        ng_fetched_free(f);
        return -1;
      }
    } else {
      art->text = f->body;
      art->len = f->len;
      f->body = NULL;
      art->url = f->final_url;
      f->final_url = NULL;
    }
    ng_fetched_free(f);
    break;
  }
  default:
    art->text = it->raw;
    art->len = it->rawlen;
    it->raw = NULL;
    break;
  }
  if (ngi_article_put_headline(art) != 0) {
    item_fail(it, CLI_EINTERNAL, "out of memory");
    return -1;
  }
  return 0;
}

/* The graph options of an item: a URL input is named by its final URL
 * (its fragment dropped, since statements are fragments of it) unless
 * --source is given or the URL is not an IRI we can use; other articles
 * by --source or their content hash. */
static void item_opts(const extract_args *a, item *it, const ng_doc *doc,
                      const char *url, ng_graph_opts *o)
{
  char *iri;

  *o = a->opts;
  if (it->kind != IN_URL || a->opts.source != NULL || url == NULL)
    return;
  free(it->source);
  it->source = malloc(strlen(url) + 1);
  if (it->source == NULL)
    return;
  memcpy(it->source, url, strlen(url) + 1);
  it->source[strcspn(it->source, "#")] = '\0';
  o->source = it->source;
  iri = ng_article_iri(doc, o);
  if (iri == NULL) {
    o->source = NULL; /* not a usable IRI: the content hash names it */
    free(it->source);
    it->source = NULL;
  }
  free(iri);
}

/* Read, extract and serialize one article.  w NULL: a graph with its own
 * world (one article). */
static void process(const job *j, item *it, ng_rdf_world *w)
{
  const extract_args *a = j->a;
  char err[NG_ERRLEN];
  ngi_article art;
  ng_doc *doc = NULL;
  ng_graph *g = NULL;
  ng_article_meta meta;
  ng_graph_opts o;
  ng_status st;
  double t0 = cpu_now(), t1;
  FILE *mem;
  char *buf = NULL, *iri = NULL;
  size_t len = 0;

  if (decode(j, it, &art) != 0)
    return;
  if (a->text) {
    /* the article as the extractor would read it, ended by a blank line */
    it->out = malloc(art.len + 2);
    if (it->out == NULL) {
      item_fail(it, CLI_EINTERNAL, "out of memory");
    } else {
      memcpy(it->out, art.text, art.len);
      it->outlen = art.len;
      if (art.len > 0 && art.text[art.len - 1] != '\n')
        it->out[it->outlen++] = '\n';
      if (!j->single)
        it->out[it->outlen++] = '\n';
    }
    ngi_article_release(&art);
    return;
  }
  err[0] = '\0';
  st = ng_doc_new(art.text, art.len, a->max_bytes, &doc, err);
  if (st != NG_OK) {
    item_fail(it, cli_exit_code(st), "'%s': %s", it->name, why(err, st));
    goto out;
  }
  free(art.text); /* the doc has its copy */
  art.text = NULL;
  st = ng_extract(doc, j->lex);
  if (st != NG_OK) {
    item_fail(it, st == NG_ELEXICON ? CLI_ELEXICON : cli_exit_code(st),
              "'%s': extraction failed: %s", it->name, status_text(st));
    goto out;
  }
  t1 = cpu_now();
  it->t_extract = t1 - t0;
  item_opts(a, it, doc, art.url, &o);
  if (j->merge) {
    it->doc = doc;
    it->art = art;
    return;
  }

  t0 = t1;
  err[0] = '\0';
  st = w != NULL ? ng_graph_new_in_world(w, &g, err) : ng_graph_new(&g, err);
  if (st == NG_OK)
    st = ng_graph_add_doc(g, doc, &o, err);
  if (st == NG_OK && ngi_article_has_meta(&art)) {
    ngi_article_meta(&art, &meta);
    st = ng_graph_add_meta(g, doc, &o, &meta, err);
  }
  if (st != NG_OK) {
    if (st == NG_EUSAGE)
      item_fail(it, CLI_EUSAGE, "%s", why(err, st));
    else
      item_fail(it, st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT,
                "'%s': cannot build the graph: %s", it->name, why(err, st));
    goto out;
  }
  it->triples = ng_graph_size(g);
  t1 = cpu_now();
  it->t_graph = t1 - t0;
  iri = j->quads != 0 ? ng_article_iri(doc, &o) : NULL;
  ng_doc_free(doc); /* the graph has it all: free it before writing */
  doc = NULL;
  ngi_article_release(&art);

  t0 = t1;
  err[0] = '\0';
  if (j->quads || j->lines) {
    /* our own sorted N-Triples / N-Quads lines: fast and deterministic */
    if ((j->quads != 0 && iri == NULL) ||
        (st = ng_graph_lines(g, j->quads == 1 ? iri : NULL, &buf, &len,
                             err)) != NG_OK) {
      item_fail(it, CLI_EINTERNAL, "out of memory");
    } else if (j->quads == 2) {
      if (to_trig(buf, len, iri, &it->out, &it->outlen) != 0)
        item_fail(it, CLI_EINTERNAL, "out of memory");
      free(buf);
    } else {
      it->out = buf;
      it->outlen = len;
    }
  } else {
    mem = open_memstream(&buf, &len);
    if (mem == NULL) {
      item_fail(it, CLI_EINTERNAL, "out of memory");
      goto out;
    }
    st = ng_graph_write(g, j->format, mem, err);
    if (fclose(mem) != 0 && st == NG_OK)
      st = NG_ENOMEM;
    if (st != NG_OK) {
      item_fail(it, st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT,
                "cannot write the %s output: %s", j->format, why(err, st));
      free(buf);
      goto out;
    }
    it->out = buf;
    it->outlen = len;
  }
  it->t_ser = cpu_now() - t0;

out:
  free(iri);
  ng_graph_free(g);
  ng_doc_free(doc);
  ngi_article_release(&art);
}

/* ------------------------------------------------------------ reading */

/* Read a whole file (or stdin) of at most limit + 1 bytes into it. */
static void read_whole(item *it, const char *path, size_t limit)
{
  int e = cli_slurp(path, limit, &it->raw, &it->rawlen);

  if (e != 0)
    item_fail(it, e == ENOMEM ? CLI_EINTERNAL : CLI_EREAD,
              "cannot read '%s': %s", it->name,
              e > 0 ? cli_errno_text(e) : "I/O error");
}

/* The reader: sources in order, JSON Lines files line by line. */
typedef struct reader {
  cli_source *src;
  size_t nsrc, next;
  FILE *jf;              /* the open JSON Lines file */
  const char *jpath;
  unsigned long line;
  size_t limit;
  char *lbuf;
  size_t lcap;
} reader;

static char *dup_name(const char *s)
{
  char *d = malloc(strlen(s) + 1);
  if (d != NULL)
    strcpy(d, s);
  return d;
}

/* Next line of the JSON Lines file into it; 0 at the end of the file. */
static int next_line(reader *r, item *it)
{
  for (;;) {
    size_t n = 0;
    int c, too_long = 0;
    char name[64];

    c = getc_unlocked(r->jf);
    if (c == EOF)
      return 0;
    r->line++;
    while (c != EOF && c != '\n') {
      if (n + 1 >= r->lcap && !too_long) {
        size_t ncap = r->lcap > 0 ? r->lcap * 2 : 65536;
        char *nb = realloc(r->lbuf, ncap);
        if (nb == NULL) {
          too_long = 1;
        } else {
          r->lbuf = nb;
          r->lcap = ncap;
        }
      }
      if (n > r->limit)
        too_long = 1;
      if (!too_long)
        r->lbuf[n++] = (char)c;
      c = getc_unlocked(r->jf);
    }
    snprintf(name, sizeof name, ":%lu", r->line);
    if (too_long) {
      it->name = malloc(strlen(cli_display_name(r->jpath)) + strlen(name) +
                        1);
      if (it->name != NULL) {
        strcpy(it->name, cli_display_name(r->jpath));
        strcat(it->name, name);
      }
      item_fail(it, CLI_EINPUT, "'%s%s': record longer than %lu bytes",
                cli_display_name(r->jpath), name, (unsigned long)r->limit);
      return 1;
    }
    if (n == 0)
      continue;
    r->lbuf[n] = '\0';
    {
      size_t k;
      for (k = 0; k < n && (r->lbuf[k] == ' ' || r->lbuf[k] == '\t' ||
                            r->lbuf[k] == '\r'); k++)
        ;
      if (k == n)
        continue; /* a blank line */
    }
    it->kind = IN_JSONL;
    it->name = malloc(strlen(cli_display_name(r->jpath)) + strlen(name) + 1);
    it->raw = malloc(n + 1);
    if (it->name == NULL || it->raw == NULL) {
      item_fail(it, CLI_EINTERNAL, "out of memory");
      return 1;
    }
    strcpy(it->name, cli_display_name(r->jpath));
    strcat(it->name, name);
    memcpy(it->raw, r->lbuf, n + 1);
    it->rawlen = n;
    return 1;
  }
}

/* The next item; 0 when all inputs are read. */
static int read_next(reader *r, item *it)
{
  memset(it, 0, sizeof *it);
  for (;;) {
    cli_source *s;

    if (r->jf != NULL) {
      int got = next_line(r, it);
      if (got)
        return 1;
      if (ferror(r->jf)) {
        it->name = dup_name(r->jpath);
        item_fail(it, CLI_EREAD, "cannot read '%s': %s",
                  cli_display_name(r->jpath), cli_errno_text(errno));
      }
      if (r->jf != stdin)
        fclose(r->jf);
      r->jf = NULL;
      if (it->rc != 0)
        return 1;
    }
    if (r->next >= r->nsrc)
      return 0;
    s = &r->src[r->next++];
    if (s->kind == IN_JSONL) {
      r->jf = strcmp(s->path, "-") == 0 ? stdin : fopen(s->path, "rb");
      r->jpath = s->path;
      r->line = 0;
      if (r->jf == NULL) {
        it->name = dup_name(s->path);
        item_fail(it, CLI_EREAD, "cannot read '%s': %s", s->path,
                  cli_errno_text(errno));
        return 1;
      }
      continue;
    }
    it->kind = s->kind;
    it->name = dup_name(cli_display_name(s->path));
    if (it->name == NULL) {
      item_fail(it, CLI_EINTERNAL, "out of memory");
      return 1;
    }
    if (s->kind != IN_URL)
      read_whole(it, s->path, r->limit);
    return 1;
  }
}

/* ------------------------------------------------------------ one article */

static int run_one(const extract_args *a, const job *j, cli_source *s)
{
  item it;
  reader r;
  FILE *out;
  int rc;

  memset(&r, 0, sizeof r);
  r.src = s;
  r.nsrc = 1;
  r.limit = a->max_bytes != 0 ? a->max_bytes : NG_DEFAULT_MAX_BYTES;
  if (!read_next(&r, &it)) {
    cli_error("'%s': no article", cli_display_name(s->path));
    return CLI_EINPUT;
  }
  if (it.rc == 0)
    process(j, &it, NULL);
  if (it.rc != 0) {
    cli_error("%s", it.msg);
    rc = it.rc;
    item_clear(&it);
    return rc;
  }
  out = cli_output_open(a->output);
  if (out == NULL) {
    item_clear(&it);
    return CLI_EOUTPUT;
  }
  rc = 0;
  if (it.outlen > 0 && fwrite(it.out, 1, it.outlen, out) != it.outlen)
    rc = CLI_EOUTPUT;
  if (rc == 0 && out == stdout && (fflush(stdout) != 0 || ferror(stdout)))
    rc = CLI_EOUTPUT;
  if (rc != 0) {
    cli_error("cannot write the %s output: %s", j->format,
              cli_errno_text(errno));
    cli_output_close(out, a->output, 0);
  } else {
    rc = cli_output_close(out, a->output, 1);
  }
  item_clear(&it);
  return rc;
}

/* ------------------------------------------------------------ many */

typedef struct pool {
  const job *j;
  item *slots;
  size_t nslots;
  size_t next_read, next_take, next_write;   /* sequence numbers */
  int eof, stop;
  ng_rdf_world **worlds; /* one per worker, freed after all have ended */
  size_t nworlds;
  pthread_mutex_t lock;
  pthread_cond_t work, done;
} pool;

static void *worker(void *arg)
{
  pool *p = arg;
  ng_rdf_world *w = NULL;
  char err[NG_ERRLEN];
  ng_status wst = NG_OK;

  if (!p->j->merge) {
    err[0] = '\0';
    wst = ng_rdf_world_new(&w, err);
  }
  pthread_mutex_lock(&p->lock);
  /* raptor calls xmlCleanupParser when a world is freed: no world may go
   * while another thread still parses, so run_many frees them all */
  p->worlds[p->nworlds++] = w;
  for (;;) {
    item *it;
    while (!p->stop && !p->eof && p->next_take >= p->next_read)
      pthread_cond_wait(&p->work, &p->lock);
    if (p->stop || p->next_take >= p->next_read)
      break;
    it = &p->slots[p->next_take++ % p->nslots];
    if (it->state != SLOT_READY)
      continue;
    it->state = SLOT_TAKEN;
    pthread_mutex_unlock(&p->lock);
    if (wst != NG_OK)
      item_fail(it, CLI_EOUTPUT, "'%s': %s", it->name, why(err, wst));
    else
      process(p->j, it, w);
    pthread_mutex_lock(&p->lock);
    it->state = SLOT_DONE;
    pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

typedef struct totals {
  size_t ok, failed, triples, listed;
  unsigned long long bytes;
  double t_extract, t_graph, t_ser;
  char **failures;       /* the first few messages */
} totals;

#define MAX_LISTED 50

static void count(totals *t, const item *it)
{
  t->bytes += it->rawlen;
  t->t_extract += it->t_extract;
  t->t_graph += it->t_graph;
  t->t_ser += it->t_ser;
  if (it->rc == 0) {
    t->ok++;
    t->triples += it->triples;
    return;
  }
  t->failed++;
  if (t->listed < MAX_LISTED && t->failures != NULL)
    t->failures[t->listed++] = dup_name(it->msg);
}

static void progress(const totals *t, double start, unsigned long long total,
                     int final)
{
  double s = wall_now() - start, rate, mbs;
  char eta[32] = "";

  if (s <= 0)
    s = 1e-3;
  rate = (double)(t->ok + t->failed) / s;
  mbs = (double)t->bytes / 1e6 / s;
  if (total > t->bytes && t->bytes > 0 && !final) {
    double left = (double)(total - t->bytes) / ((double)t->bytes / s);
    snprintf(eta, sizeof eta, "  ETA %.0fs", left);
  }
  fprintf(stderr, "\r\033[K%lu articles (%lu failed)  %.1f articles/s  "
          "%.2f MB/s%s%s", (unsigned long)(t->ok + t->failed),
          (unsigned long)t->failed, rate, mbs, eta, final ? "\n" : "");
  fflush(stderr);
}

static int run_many(const extract_args *a, job *j, cli_source *src, size_t nsrc,
                    unsigned long long total_bytes, FILE *out)
{
  pool p;
  reader r;
  totals t;
  pthread_t *tids;
  long nt = a->jobs, started = 0, i;
  ng_rdf_world *mw = NULL;
  ng_graph *merged = NULL;
  char err[NG_ERRLEN];
  int rc = 0, fatal = 0, show = !a->quiet && isatty(2);
  double start = wall_now(), last = 0;
  ng_status st;

  memset(&t, 0, sizeof t);
  t.failures = calloc(MAX_LISTED, sizeof *t.failures);
  memset(&r, 0, sizeof r);
  r.src = src;
  r.nsrc = nsrc;
  r.limit = a->max_bytes != 0 ? a->max_bytes : NG_DEFAULT_MAX_BYTES;
  memset(&p, 0, sizeof p);
  p.j = j;
  p.nslots = (size_t)nt * 4 + 4;
  p.slots = calloc(p.nslots, sizeof *p.slots);
  tids = calloc((size_t)nt, sizeof *tids);
  p.worlds = calloc((size_t)nt, sizeof *p.worlds);
  if (p.slots == NULL || tids == NULL || t.failures == NULL ||
      p.worlds == NULL) {
    free(p.worlds);
    cli_error("out of memory");
    free(p.slots);
    free(tids);
    free(t.failures);
    return CLI_EINTERNAL;
  }
  if (j->merge) {
    err[0] = '\0';
    st = ng_rdf_world_new(&mw, err);
    if (st == NG_OK)
      st = ng_graph_new_in_world(mw, &merged, err);
    if (st != NG_OK) {
      cli_error("cannot build the graph: %s", why(err, st));
      ng_rdf_world_free(mw);
      free(p.worlds);
      free(p.slots);
      free(tids);
      free(t.failures);
      return CLI_EOUTPUT;
    }
  }
  ngi_html_init();
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.work, NULL);
  pthread_cond_init(&p.done, NULL);
  for (i = 0; i < nt; i++) {
    if (pthread_create(&tids[i], NULL, worker, &p) != 0)
      break;
    started++;
  }
  if (started == 0) {
    cli_error("cannot start worker threads");
    fatal = CLI_EINTERNAL;
  }

  pthread_mutex_lock(&p.lock);
  while (!fatal) {
    item *w = &p.slots[p.next_write % p.nslots];

    if (p.next_write < p.next_read && w->state == SLOT_DONE) {
      pthread_mutex_unlock(&p.lock);
      count(&t, w);
      if (w->rc == 0 && merged != NULL) {
        ng_article_meta meta;
        double t0 = cpu_now();
        err[0] = '\0';
        ng_graph_opts o = a->opts;
        if (w->source != NULL)
          o.source = w->source;
        st = ng_graph_add_doc(merged, w->doc, &o, err);
        if (st == NG_OK && ngi_article_has_meta(&w->art)) {
          ngi_article_meta(&w->art, &meta);
          st = ng_graph_add_meta(merged, w->doc, &o, &meta, err);
        }
        if (st != NG_OK) {
          cli_error("'%s': cannot build the graph: %s", w->name,
                    why(err, st));
          fatal = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT;
        }
        t.t_graph += cpu_now() - t0;
      } else if (w->rc == 0 && w->outlen > 0 &&
                 fwrite(w->out, 1, w->outlen, out) != w->outlen) {
        cli_error("cannot write the output: %s", cli_errno_text(errno));
        fatal = CLI_EOUTPUT;
      }
      item_clear(w);
      pthread_mutex_lock(&p.lock);
      p.next_write++;
      continue;
    }
    if (p.eof && p.next_write == p.next_read)
      break;
    if (!p.eof && p.next_read - p.next_write < p.nslots) {
      item *it = &p.slots[p.next_read % p.nslots];
      int got;
      pthread_mutex_unlock(&p.lock);
      got = read_next(&r, it);
      pthread_mutex_lock(&p.lock);
      if (!got) {
        p.eof = 1;
        pthread_cond_broadcast(&p.work);
        continue;
      }
      it->state = it->rc != 0 ? SLOT_DONE : SLOT_READY;
      p.next_read++;
      pthread_cond_signal(&p.work);
      continue;
    }
    if (show) {
      struct timespec ts;
      double now = wall_now();
      if (now - last >= 0.25) {
        pthread_mutex_unlock(&p.lock);
        progress(&t, start, total_bytes, 0);
        last = now;
        pthread_mutex_lock(&p.lock);
        continue;
      }
      clock_gettime(CLOCK_REALTIME, &ts);
      ts.tv_nsec += 250000000L;
      if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
      }
      pthread_cond_timedwait(&p.done, &p.lock, &ts);
    } else {
      pthread_cond_wait(&p.done, &p.lock);
    }
  }
  p.stop = 1;
  pthread_cond_broadcast(&p.work);
  pthread_mutex_unlock(&p.lock);
  for (i = 0; i < started; i++)
    pthread_join(tids[i], NULL);
  for (i = 0; i < (long)p.nworlds; i++)
    ng_rdf_world_free(p.worlds[i]);
  free(p.worlds);
  for (i = 0; i < (long)p.nslots; i++)
    item_clear(&p.slots[i]);
  if (r.jf != NULL && r.jf != stdin)
    fclose(r.jf);
  free(r.lbuf);
  if (show)
    progress(&t, start, total_bytes, 1);

  if (!fatal && merged != NULL) {
    double t0 = cpu_now();
    err[0] = '\0';
    st = ng_graph_write(merged, j->format, out, err);
    if (st != NG_OK) {
      cli_error("cannot write the %s output: %s", j->format, why(err, st));
      fatal = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT;
    }
    t.triples = ng_graph_size(merged);
    t.t_ser += cpu_now() - t0;
  }
  ng_graph_free(merged);
  ng_rdf_world_free(mw);

  if (!fatal)
    fatal = cli_output_close(out, a->output, 1);
  else
    cli_output_close(out, a->output, 0);
  if (a->stats)
    fprintf(stderr, "newsgraph: stats: articles=%lu failed=%lu bytes=%llu "
            "triples=%lu jobs=%ld seconds=%.3f extract_cpu=%.3f "
            "graph_cpu=%.3f serialize_cpu=%.3f\n",
            (unsigned long)(t.ok + t.failed), (unsigned long)t.failed,
            t.bytes, (unsigned long)t.triples, nt, wall_now() - start,
            t.t_extract, t.t_graph, t.t_ser);
  for (i = 0; i < (long)t.listed; i++) {
    if (t.failures[i] != NULL)
      cli_error("%s", t.failures[i]);
    free(t.failures[i]);
  }
  free(t.failures);
  if (t.failed > t.listed)
    cli_error("... and %lu more failed articles",
              (unsigned long)(t.failed - t.listed));
  if (t.failed > 0 || (fatal == 0 && !a->quiet))
    cli_error("extract: %lu ok, %lu failed", (unsigned long)t.ok,
              (unsigned long)t.failed);
  rc = fatal != 0 ? fatal : t.failed > 0 ? CLI_ESOME : CLI_OK;
  pthread_mutex_destroy(&p.lock);
  pthread_cond_destroy(&p.work);
  pthread_cond_destroy(&p.done);
  free(p.slots);
  free(tids);
  return rc;
}

/* ------------------------------------------------------------ command */

int cmd_extract(int argc, char **argv)
{
  extract_args a;
  job j;
  cli_source *src = NULL;
  size_t nsrc = 0, dirs = 0;
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
  if (cli_sources_expand(a.inputs, a.ninputs, a.input, &src, &nsrc, &dirs,
                         &total) != 0) {
    free(a.inputs);
    return CLI_EREAD;
  }
  single = a.ninputs == 1 && nsrc == 1 && dirs == 0 &&
           src[0].kind != IN_JSONL && !a.merge;
  memset(&j, 0, sizeof j);
  j.a = &a;
  j.merge = a.merge && !a.text;
  j.single = single;
  j.format = a.format;
  if (!single && !a.format_given)
    j.format = a.merge ? "turtle" : "nquads";
  if (strcmp(j.format, "nquads") == 0 || strcmp(j.format, "nq") == 0)
    j.quads = 1;
  else if (strcmp(j.format, "trig") == 0)
    j.quads = 2;
  rc = -1;
  if (a.text) {
    ; /* no RDF */
  } else if (!single && !a.merge && !j.quads &&
      strcmp(j.format, "ntriples") != 0 && strcmp(j.format, "nt") != 0) {
    cli_error("extract: many articles are written as nquads, trig or "
              "ntriples; use --merge for one %s graph", j.format);
    rc = CLI_EUSAGE;
  } else if (a.merge && j.quads == 2) {
    cli_error("extract: --merge writes one graph; trig is for many");
    rc = CLI_EUSAGE;
  } else if (!single && a.opts.source != NULL) {
    cli_error("extract: --source names one article, not many");
    rc = CLI_EUSAGE;
  }
  if (a.merge)
    j.quads = 0;
  else if (!single && !j.quads)
    j.lines = 1; /* ntriples */
  if (rc < 0) {
    err[0] = '\0';
    st = ng_lexicon_load(a.data, &lex, err);
    if (st != NG_OK) {
      if (a.data != NULL && strstr(err, a.data) == NULL)
        cli_error("cannot load lexicons from '%s': %s", a.data,
                  why(err, st));
      else
        cli_error("cannot load lexicons: %s", why(err, st));
      rc = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_ELEXICON;
    }
  }
  if (rc < 0) {
    j.lex = lex;
    if (single) {
      rc = run_one(&a, &j, &src[0]);
    } else {
      static char obuf[1 << 16];
      out = cli_output_open(a.output);
      if (out == NULL) {
        rc = CLI_EOUTPUT;
      } else {
        if (out == stdout)
          setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
        rc = run_many(&a, &j, src, nsrc, total, out);
      }
    }
  }
  ng_lexicon_free(lex);
  cli_sources_free(src, nsrc);
  free(a.inputs);
  return rc;
}
