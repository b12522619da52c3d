/* load_input.c - the inputs of `newsgraph load` and `push` put into a
 * store, read as `extract` reads them (sources.c): an article file, an
 * HTML page, each record of a JSON Lines file and each URL is extracted
 * (extract_item.c) and put in its own graph, with the page's or record's
 * metadata; a folder is walked for articles; an RDF file (by extension or
 * --input) is loaded as RDF, keeping the graphs of its quads.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cmd_extract.h"
#include "load_input.h"

/* One extracted item into the store; prints its line unless quiet. */
static int put_item(ng_store *st, ng_rdf_world *w, const cli_load_args *a,
                    const job *j, item *it)
{
  char err[NG_ERRLEN];
  ng_graph *g = NULL;
  ng_graph_opts o;
  ng_article_meta meta;
  char *iri = NULL;
  size_t added = 0;
  ng_status s;

  cli_item_process(j, it, w);
  if (it->rc != 0) {
    cli_error("%s", it->msg);
    return it->rc;
  }
  o = j->a->opts;
  if (it->source != NULL)
    o.source = it->source;
  err[0] = '\0';
  s = ng_graph_new_in_world(w, &g, err);
  if (s == NG_OK)
    s = ng_graph_add_doc(g, it->doc, &o, err);
  if (s == NG_OK && ngi_article_has_meta(&it->art)) {
    ngi_article_meta(&it->art, &meta);
    s = ng_graph_add_meta(g, it->doc, &o, &meta, err);
  }
  if (s == NG_OK) {
    iri = ng_article_iri(it->doc, &o);
    if (iri == NULL) {
      snprintf(err, sizeof err, "out of memory");
      s = NG_ENOMEM;
    }
  }
  if (s == NG_OK)
    s = ng_store_put_graph(st, g, iri, &added, err);
  ng_graph_free(g);
  if (s != NG_OK) {
    cli_error("'%s': %s", it->name, cli_why(err, s));
    free(iri);
    return cli_exit_code(s);
  }
  if (!a->quiet)
    printf("%s\t%zu\t%s\n", iri, added, it->name);
  free(iri);
  return CLI_OK;
}

/* The next line of f into *buf (at most limit bytes kept; *too_long when
 * it had more): its length, or -1 at the end of the file. */
static long next_line(FILE *f, char **buf, size_t *cap, size_t limit,
                      int *too_long)
{
  size_t n = 0;
  int c = getc(f);

  *too_long = 0;
  if (c == EOF)
    return -1;
  for (; c != EOF && c != '\n'; c = getc(f)) {
    if (n >= limit) {
      *too_long = 1;
      continue;
    }
    if (n + 2 > *cap) {
      size_t ncap = *cap ? 2 * *cap : 65536;
      char *nb;
      while (ncap < n + 2)
        ncap *= 2;
      nb = realloc(*buf, ncap);
      if (nb == NULL) {
        *too_long = 1;
        continue;
      }
      *buf = nb;
      *cap = ncap;
    }
    (*buf)[n++] = (char)c;
  }
  if (*buf != NULL)
    (*buf)[n] = '\0';
  return (long)n;
}

/* Each record of a JSON Lines file (or stdin): 1 line, 1 item. */
static void load_jsonl(ng_store *st, ng_rdf_world *w, const cli_load_args *a,
                       const job *j, const cli_source *src, cli_load_count *c)
{
  FILE *f = strcmp(src->path, "-") == 0 ? stdin : fopen(src->path, "rb");
  char *line = NULL;
  size_t cap = 0;
  long n;
  unsigned long no = 0, records = 0;
  const char *name = cli_display_name(src->path);
  int too_long;

  if (f == NULL) {
    cli_error("cannot read '%s': %s", name, cli_errno_text(errno));
    c->failed++;
    c->last = CLI_EREAD;
    return;
  }
  while ((n = next_line(f, &line, &cap, a->max_bytes, &too_long)) >= 0) {
    item it;
    long k;
    int r;

    no++;
    for (k = 0; !too_long && k < n && (line[k] == ' ' || line[k] == '\t' ||
                                       line[k] == '\r'); k++)
      ;
    if (!too_long && k == n)
      continue; /* a blank line */
    records++;
    memset(&it, 0, sizeof it);
    it.kind = IN_JSONL;
    it.name = malloc(strlen(name) + 24);
    if (it.name != NULL)
      sprintf(it.name, "%s:%lu", name, no);
    if (too_long) {
      cli_error("'%s:%lu': record longer than %zu bytes", name, no,
                a->max_bytes);
      r = CLI_EINPUT;
    } else if (it.name == NULL || (it.raw = malloc((size_t)n + 1)) == NULL) {
      cli_error("out of memory");
      r = CLI_EINTERNAL;
    } else {
      memcpy(it.raw, line, (size_t)n + 1);
      it.rawlen = (size_t)n;
      r = put_item(st, w, a, j, &it);
    }
    cli_item_clear(&it);
    if (r == CLI_OK) {
      c->ok++;
    } else {
      c->failed++;
      c->last = r;
    }
  }
  if (ferror(f)) {
    cli_error("cannot read '%s': %s", name, cli_errno_text(errno));
    c->failed++;
    c->last = CLI_EREAD;
  } else if (records == 0) {
    cli_error("'%s': no JSON Lines records", name);
    c->failed++;
    c->last = CLI_EINPUT;
  }
  free(line);
  if (f != stdin)
    fclose(f);
}

/* An RDF file loaded as RDF. */
static int load_rdf(ng_store *st, const cli_load_args *a,
                    const cli_source *src)
{
  char err[NG_ERRLEN];
  ng_load_opts lo;
  char *g = NULL;
  size_t added = 0;
  ng_status s;

  memset(&lo, 0, sizeof lo);
  lo.syntax = src->syntax;
  lo.graph = a->graph;
  lo.max_bytes = a->rdf_max_bytes;
  err[0] = '\0';
  s = ng_store_load_file(st, src->path, &lo, &g, &added, err);
  if (s != NG_OK) {
    cli_error("%s", cli_why(err, s));
    free(g);
    return cli_exit_code(s);
  }
  if (!a->quiet)
    printf("%s\t%zu\t%s\n", g ? g : "(quads)", added,
           cli_display_name(src->path));
  free(g);
  return CLI_OK;
}

int cli_load_needs_lexicon(char **inputs, size_t n, in_kind forced)
{
  size_t i;

  if (forced != IN_AUTO)
    return forced != IN_RDF;
  for (i = 0; i < n; i++)
    if (cli_is_url(inputs[i]) || cli_rdf_syntax_of(inputs[i]) == NULL)
      return 1;
  return 0;
}

int cli_load_inputs(ng_store *st, char **inputs, size_t n,
                    const cli_load_args *a, cli_load_count *c)
{
  extract_args ea;
  job j;
  cli_source *src = NULL;
  size_t nsrc = 0, dirs = 0, i;
  unsigned long long total = 0;
  ng_rdf_world *w = NULL;
  char err[NG_ERRLEN];
  int r;

  memset(c, 0, sizeof *c);
  r = cli_sources_expand(inputs, n, a->forced, a->forced_syntax, &src, &nsrc,
                         &dirs, &total);
  if (r != 0)
    return r == -2 ? CLI_EUSAGE : CLI_EREAD;
  memset(&ea, 0, sizeof ea);
  ea.input = a->forced;
  ea.opts.base = a->base;
  ea.opts.source = a->graph;
  ea.opts.with_text = a->with_text;
  ea.max_bytes = a->max_bytes;
  ea.fetch.max_bytes = a->max_bytes;
  memset(&j, 0, sizeof j);
  j.a = &ea;
  j.lex = a->lex;
  j.merge = 1; /* keep the extracted doc: it is put in the store here */
  for (i = 0; i < nsrc; i++) {
    const cli_source *s = &src[i];

    if (s->kind == IN_RDF) {
      r = load_rdf(st, a, s);
    } else if (a->lex == NULL) {
      cli_error("'%s': no lexicon to extract it with",
                cli_display_name(s->path));
      r = CLI_EINTERNAL;
    } else {
      if (w == NULL && ng_rdf_world_new(&w, err) != NG_OK) {
        cli_error("%s", err);
        r = CLI_EINTERNAL;
      } else if (s->kind == IN_JSONL) {
        load_jsonl(st, w, a, &j, s, c);
        continue;
      } else {
        item it;
        memset(&it, 0, sizeof it);
        it.kind = s->kind;
        it.name = malloc(strlen(cli_display_name(s->path)) + 1);
        if (it.name == NULL) {
          cli_error("out of memory");
          r = CLI_EINTERNAL;
        } else {
          strcpy(it.name, cli_display_name(s->path));
          r = CLI_OK;
          if (s->kind != IN_URL) {
            int e = cli_slurp(s->path, a->max_bytes, &it.raw, &it.rawlen);
            if (e != 0) {
              cli_error("cannot read '%s': %s", it.name,
                        e > 0 ? cli_errno_text(e) : "I/O error");
              r = e == ENOMEM ? CLI_EINTERNAL : CLI_EREAD;
            }
          }
          if (r == CLI_OK)
            r = put_item(st, w, a, &j, &it);
        }
        cli_item_clear(&it);
      }
    }
    if (r == CLI_OK) {
      c->ok++;
    } else {
      c->failed++;
      c->last = r;
    }
  }
  ng_rdf_world_free(w);
  cli_sources_free(src, nsrc);
  return CLI_OK;
}
