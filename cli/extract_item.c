/* extract_item.c - one article's work in `newsgraph extract`: an item
 * (a file, a JSON Lines record or a URL) decoded, extracted, turned into
 * a graph and serialized (N-Quads, TriG or one syntax), or failed with its
 * exit code and message.  Called by the worker threads of extract_run.c,
 * or by the main thread for one article.
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
const char *cli_why(const char *err, ng_status st)
{
  return err[0] != '\0' ? err : status_text(st);
}

/* ------------------------------------------------------------ items */



void cli_item_clear(item *it)
{
  free(it->name);
  free(it->raw);
  free(it->out);
  free(it->source);
  ng_doc_free(it->doc);
  ngi_article_release(&it->art);
  memset(it, 0, sizeof *it);
}


void cli_item_fail(item *it, int rc, const char *fmt, ...)
{
  va_list ap;

  it->rc = rc;
  va_start(ap, fmt);
  vsnprintf(it->msg, sizeof it->msg, fmt, ap);
  va_end(ap);
}

double cli_cpu_now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double cli_wall_now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}


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
      cli_item_fail(it, CLI_EINPUT, "'%s': %s", it->name, err);
      return -1;
    }
    break;
  case IN_HTML:
    if (ngi_html_article(it->raw, it->rawlen, NULL, art, err) != 0) {
      cli_item_fail(it, CLI_EINPUT, "'%s': %s", it->name, err);
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
      cli_item_fail(it, cli_exit_code(st), "cannot fetch %s",
                    cli_why(ferr, st));
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
        cli_item_fail(it, CLI_EINPUT, "'%s': %s", it->name, err);
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
    cli_item_fail(it, CLI_EINTERNAL, "out of memory");
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

/* The page of one article (extract -f html), into it->out. */
static void write_page(item *it, const ng_doc *doc, const ng_graph_opts *o)
{
  char err[NG_ERRLEN] = "";
  char *buf = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&buf, &len);
  ng_status st;

  if (mem == NULL) {
    cli_item_fail(it, CLI_EINTERNAL, "out of memory");
    return;
  }
  st = ng_doc_write_html(doc, o, NULL, mem, err);
  if (fclose(mem) != 0 && st == NG_OK)
    st = NG_ENOMEM;
  if (st != NG_OK) {
    cli_item_fail(it, st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT,
                  "cannot write the html output: %s", cli_why(err, st));
    free(buf);
    return;
  }
  it->out = buf;
  it->outlen = len;
}

/* Read, extract and serialize one article.  w NULL: a graph with its own
 * world (one article). */
void cli_item_process(const job *j, item *it, ng_rdf_world *w)
{
  const extract_args *a = j->a;
  char err[NG_ERRLEN];
  ngi_article art;
  ng_doc *doc = NULL;
  ng_graph *g = NULL;
  ng_article_meta meta;
  ng_graph_opts o;
  ng_status st;
  double t0 = cli_cpu_now(), t1;
  FILE *mem;
  char *buf = NULL, *iri = NULL;
  size_t len = 0;

  if (decode(j, it, &art) != 0)
    return;
  if (a->text) {
    /* the article as the extractor would read it, ended by a blank line */
    it->out = malloc(art.len + 2);
    if (it->out == NULL) {
      cli_item_fail(it, CLI_EINTERNAL, "out of memory");
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
    cli_item_fail(it, cli_exit_code(st), "'%s': %s", it->name,
                  cli_why(err, st));
    goto out;
  }
  free(art.text); /* the doc has its copy */
  art.text = NULL;
  st = ng_extract(doc, j->lex);
  if (st != NG_OK) {
    cli_item_fail(it, st == NG_ELEXICON ? CLI_ELEXICON : cli_exit_code(st),
                  "'%s': extraction failed: %s", it->name, status_text(st));
    goto out;
  }
  t1 = cli_cpu_now();
  it->t_extract = t1 - t0;
  item_opts(a, it, doc, art.url, &o);
  if (j->merge) {
    it->doc = doc;
    it->art = art;
    return;
  }

  if (strcmp(j->format, "html") == 0) { /* the page, from the doc */
    write_page(it, doc, &o);
    goto out;
  }
  t0 = t1;
  err[0] = '\0';
  if (j->quads || j->lines) /* no model needed: lines straight away */
    st = ng_graph_new_lines(&g, err);
  else
    st = w != NULL ? ng_graph_new_in_world(w, &g, err) : ng_graph_new(&g, err);
  if (st == NG_OK)
    st = ng_graph_add_doc(g, doc, &o, err);
  if (st == NG_OK && ngi_article_has_meta(&art)) {
    ngi_article_meta(&art, &meta);
    st = ng_graph_add_meta(g, doc, &o, &meta, err);
  }
  if (st != NG_OK) {
    if (st == NG_EUSAGE)
      cli_item_fail(it, CLI_EUSAGE, "%s", cli_why(err, st));
    else
      cli_item_fail(it, st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT,
                    "'%s': cannot build the graph: %s", it->name,
                    cli_why(err, st));
    goto out;
  }
  it->triples = ng_graph_size(g);
  t1 = cli_cpu_now();
  it->t_graph = t1 - t0;
  iri = j->quads != 0 || j->jsonld ? ng_article_iri(doc, &o) : NULL;
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
      cli_item_fail(it, CLI_EINTERNAL, "out of memory");
    } else if (j->quads == 2) {
      if (to_trig(buf, len, iri, &it->out, &it->outlen) != 0)
        cli_item_fail(it, CLI_EINTERNAL, "out of memory");
      free(buf);
    } else {
      it->out = buf;
      it->outlen = len;
    }
  } else {
    mem = open_memstream(&buf, &len);
    if (mem == NULL) {
      cli_item_fail(it, CLI_EINTERNAL, "out of memory");
      goto out;
    }
    if (j->jsonld) /* the article's named graph, as in N-Quads */
      st = iri == NULL ? NG_ENOMEM
                       : ng_graph_write_jsonld(g, j->jctx, iri, j->jlayout,
                                               mem, err);
    else
      st = ng_graph_write(g, j->format, mem, err);
    if (fclose(mem) != 0 && st == NG_OK)
      st = NG_ENOMEM;
    if (st != NG_OK) {
      cli_item_fail(it, st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT,
                    "cannot write the %s output: %s", j->format,
                    cli_why(err, st));
      free(buf);
      goto out;
    }
    it->out = buf;
    it->outlen = len;
  }
  it->t_ser = cli_cpu_now() - t0;

out:
  free(iri);
  ng_graph_free(g);
  ng_doc_free(doc);
  ngi_article_release(&art);
}
