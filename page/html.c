/* html.c - writes the pages: the head with the embedded style sheet, the
 * article's text with its statements as nested <mark> elements (each
 * ends with a link to its speaker), the persons, topics and agreements
 * beside it.  Every text is escaped; nothing is read from the network.
 *
 * Statements may nest (a reported clause holds a direct quote); one that
 * would cross another's end is cut at that end, so the marks always nest.
 */
#define _POSIX_C_SOURCE 200809L
#include "page.h"

#include <stdlib.h>
#include <string.h>

static const char css[] =
#include "page_css.h"
  ;

/* ------------------------------------------------------------ escaping */

void ngi_page_esc(FILE *out, const char *s, size_t n)
{
  size_t i, run = 0;

  for (i = 0; i < n; i++) {
    const char *e = NULL;
    switch (s[i]) {
    case '&': e = "&amp;"; break;
    case '<': e = "&lt;"; break;
    case '>': e = "&gt;"; break;
    case '"': e = "&quot;"; break;
    case '\'': e = "&#39;"; break;
    case '\r': e = ""; break;
    default: break;
    }
    if (e != NULL) {
      fwrite(s + run, 1, i - run, out);
      fputs(e, out);
      run = i + 1;
    }
  }
  fwrite(s + run, 1, n - run, out);
}

void ngi_page_esc_str(FILE *out, const char *s)
{
  if (s != NULL)
    ngi_page_esc(out, s, strlen(s));
}

static int unreserved(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
         c == '~';
}

static void pct(FILE *out, const char *s, int keep_slash)
{
  for (; *s != '\0'; s++) {
    unsigned char c = (unsigned char)*s;
    if (unreserved(c) || (keep_slash && c == '/'))
      fputc(c, out);
    else
      fprintf(out, "%%%02X", c);
  }
}

static int has_prefix(const char *s, const char *base, const char *kind,
                      const char **rest)
{
  size_t bl = strlen(base), kl = strlen(kind);

  if (strncmp(s, base, bl) != 0 || strncmp(s + bl, kind, kl) != 0 ||
      s[bl + kl] == '\0')
    return 0;
  *rest = s + bl + kl;
  return 1;
}

void ngi_page_href(FILE *out, const ng_page_opts *o, const char *iri)
{
  const char *base = o->base != NULL ? o->base : NG_DEFAULT_BASE;
  const char *root = o->root != NULL ? o->root : "/";
  const char *rest;

  ngi_page_esc_str(out, root);
  if (has_prefix(iri, base, "person/", &rest)) {
    fputs("person/", out);
    pct(out, rest, 0);
  } else if (has_prefix(iri, base, "article/", &rest) &&
             strchr(rest, '#') == NULL) {
    fputs("article/", out);
    pct(out, rest, 0);
  } else {
    fputs("article?iri=", out);
    pct(out, iri, 0);
  }
}

/* ------------------------------------------------------------ frame */

void ngi_page_head(FILE *out, const char *title, const ng_page_opts *o)
{
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
        "<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, "
        "initial-scale=1\">\n<meta name=\"generator\" content=\"newsgraph "
        NG_VERSION "\">\n<title>", out);
  ngi_page_esc_str(out, title);
  fputs(" \xe2\x80\x93 newsgraph</title>\n<style>\n", out);
  fputs(css, out);
  fputs("</style>\n</head>\n<body>\n"
        "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n"
        "<header class=\"site\">", out);
  if (o->root != NULL) {
    fputs("<a href=\"", out);
    ngi_page_esc_str(out, o->root);
    fputs("\">newsgraph</a> \xc2\xb7 <a href=\"", out);
    ngi_page_esc_str(out, o->root);
    fputs("sparql\">SPARQL endpoint</a>", out);
  } else {
    fputs("<a href=\"#main\">newsgraph</a>", out);
  }
  fputs("</header>\n<div class=\"layout\">\n", out);
}

void ngi_page_tail(FILE *out)
{
  fputs("</div>\n</body>\n</html>\n", out);
}

/* ------------------------------------------------------------ article */

/* The link of agent i: within the page (standalone, or an organisation)
 * or to its own page. */
static void agent_href(FILE *out, const ngi_particle *a, size_t i,
                       const ng_page_opts *o)
{
  const ngi_pagent *g = &a->agents[i];

  if (o->root != NULL && g->person && g->iri != NULL)
    ngi_page_href(out, o, g->iri);
  else
    fprintf(out, "#agent-%zu", i + 1);
}

static void mark_open(FILE *out, const ngi_pstmt *s)
{
  fprintf(out, "<mark class=\"%s\" id=\"statement-%zu\" tabindex=\"-1\">",
          s->direct ? "direct" : "reported", s->num);
}

static void mark_close(FILE *out, const ngi_particle *a, const ngi_pstmt *s,
                       const ng_page_opts *o)
{
  if (s->speaker >= 0 && (size_t)s->speaker < a->nagents) {
    fputs("<a class=\"by\" href=\"", out);
    agent_href(out, a, (size_t)s->speaker, o);
    fprintf(out, "\" aria-label=\"%s by ",
            s->direct ? "quote" : "reported");
    ngi_page_esc_str(out, a->agents[s->speaker].label);
    fputs("\">", out);
    ngi_page_esc_str(out, a->agents[s->speaker].label);
    fputs("</a>", out);
  }
  fputs("</mark>", out);
}

/* Text from *pos to end, paragraphs at blank lines (inside a mark a
 * blank line is two line breaks, so the marks stay whole). */
static void text_run(FILE *out, const char *t, size_t from, size_t to,
                     int depth)
{
  size_t i = from, run = from;

  while (i < to) {
    if (t[i] == '\n') {
      size_t j = i, nl = 0;
      while (j < to && (t[j] == '\n' || t[j] == ' ' || t[j] == '\t' ||
                        t[j] == '\r')) {
        nl += t[j] == '\n';
        j++;
      }
      ngi_page_esc(out, t + run, i - run);
      if (nl >= 2)
        fputs(depth > 0 ? "<br><br>" : "</p>\n<p>", out);
      else
        fputs("<br>\n", out);
      i = run = j;
      continue;
    }
    i++;
  }
  ngi_page_esc(out, t + run, to - run);
}

static int by_position(const void *x, const void *y)
{
  const ngi_pstmt *a = *(const ngi_pstmt *const *)x;
  const ngi_pstmt *b = *(const ngi_pstmt *const *)y;

  if (a->begin != b->begin)
    return a->begin < b->begin ? -1 : 1;
  if (a->end != b->end)
    return a->end > b->end ? -1 : 1;
  return a->num < b->num ? -1 : a->num > b->num;
}

#define MAXDEPTH 32

/* The article's text (after its headline line) with nested marks. */
static ng_status write_text(FILE *out, const ngi_particle *a,
                            const ng_page_opts *o, char *err)
{
  const ngi_pstmt **order;
  const ngi_pstmt *stack[MAXDEPTH];
  size_t ends[MAXDEPTH];
  size_t depth = 0, k = 0, pos = 0, n = 0, i;
  const char *nl = memchr(a->text, '\n', a->len);

  order = malloc((a->nstmts ? a->nstmts : 1) * sizeof *order);
  if (order == NULL) {
    if (err != NULL)
      snprintf(err, NG_ERRLEN, "out of memory");
    return NG_ENOMEM;
  }
  if (a->headline != NULL && nl != NULL)
    pos = (size_t)(nl - a->text);
  for (i = 0; i < a->nstmts; i++)
    if (a->stmts[i].begin >= pos && a->stmts[i].end <= a->len &&
        a->stmts[i].begin < a->stmts[i].end)
      order[n++] = &a->stmts[i];
  qsort(order, n, sizeof *order, by_position);
  while (pos < a->len && (a->text[pos] == '\n' || a->text[pos] == ' ' ||
                          a->text[pos] == '\r'))
    pos++;
  fputs("<p>", out);
  for (;;) {
    size_t next = a->len;
    if (k < n && order[k]->begin < next)
      next = order[k]->begin;
    if (depth > 0 && ends[depth - 1] <= next)
      next = ends[depth - 1];
    text_run(out, a->text, pos, next, (int)depth);
    pos = next;
    if (depth > 0 && ends[depth - 1] == pos) {
      mark_close(out, a, stack[--depth], o);
      continue;
    }
    if (k < n && order[k]->begin == pos) {
      const ngi_pstmt *s = order[k++];
      size_t end = s->end;
      if (depth > 0 && end > ends[depth - 1])
        end = ends[depth - 1]; /* crossing: cut at the outer end */
      if (depth == MAXDEPTH || end <= pos)
        continue;
      mark_open(out, s);
      stack[depth] = s;
      ends[depth++] = end;
      continue;
    }
    if (pos >= a->len)
      break;
  }
  fputs("</p>\n", out);
  free(order);
  return NG_OK;
}

/* The statements as a list (a page from a store without the text). */
static void write_list(FILE *out, const ngi_particle *a,
                       const ng_page_opts *o)
{
  size_t i;

  fputs("<p class=\"note\">The store keeps what was said, not the "
        "article's whole text (<code>newsgraph load --with-text</code> "
        "keeps it); <code>newsgraph extract -f html</code> "
        "writes the page with it.</p>\n<ol class=\"said\">\n", out);
  for (i = 0; i < a->nstmts; i++) {
    fputs("<li>", out);
    mark_open(out, &a->stmts[i]);
    ngi_page_esc_str(out, a->stmts[i].text);
    mark_close(out, a, &a->stmts[i], o);
    fputs("</li>\n", out);
  }
  fputs("</ol>\n", out);
}

static void write_aside(FILE *out, const ngi_particle *a,
                        const ng_page_opts *o)
{
  size_t i;
  int any;

  fputs("<aside aria-label=\"Who and what\">\n", out);
  for (int person = 1; person >= 0; person--) {
    any = 0;
    for (i = 0; i < a->nagents; i++) {
      const ngi_pagent *g = &a->agents[i];
      if (g->person != person)
        continue;
      if (!any)
        fputs(person ? "<h2 id=\"persons\">Persons</h2>\n<ul class=\"plain\">\n"
                     : "<h2 id=\"organisations\">Organisations</h2>\n"
                       "<ul class=\"plain\">\n", out);
      any = 1;
      fprintf(out, "<li id=\"agent-%zu\">", i + 1);
      if (o->root != NULL && person && g->iri != NULL) {
        fputs("<a href=\"", out);
        ngi_page_href(out, o, g->iri);
        fputs("\">", out);
        ngi_page_esc_str(out, g->label);
        fputs("</a>", out);
      } else {
        fputs("<strong>", out);
        ngi_page_esc_str(out, g->label);
        fputs("</strong>", out);
      }
      if (g->roles != NULL) {
        fputs(" <span class=\"roles\">\xe2\x80\x94 ", out);
        ngi_page_esc_str(out, g->roles);
        fputs("</span>", out);
      }
      if (g->said > 0)
        fprintf(out, " <span class=\"meta\">(%zu statement%s)</span>",
                g->said, g->said == 1 ? "" : "s");
      fputs("</li>\n", out);
    }
    if (any)
      fputs("</ul>\n", out);
  }
  if (a->ntopics > 0) {
    fputs("<h2 id=\"topics\">Topics</h2>\n<ul class=\"plain\">\n", out);
    for (i = 0; i < a->ntopics; i++) {
      fputs("<li>", out);
      ngi_page_esc_str(out, a->topics[i]);
      fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
  }
  if (a->nagrees > 0) {
    fputs("<h2 id=\"agreements\">Agreements</h2>\n<ul class=\"plain\">\n",
          out);
    for (i = 0; i < a->nagrees; i++) {
      fputs("<li><strong>", out);
      ngi_page_esc_str(out, a->agrees[i].label);
      fputs("</strong>", out);
      if (a->agrees[i].parties != NULL) {
        fputs(" <span class=\"roles\">\xe2\x80\x94 ", out);
        ngi_page_esc_str(out, a->agrees[i].parties);
        fputs("</span>", out);
      }
      fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
  }
  fputs("</aside>\n", out);
}

ng_status ngi_page_article(const ngi_particle *a, const ng_page_opts *o,
                           FILE *out, char *err)
{
  ng_status st = NG_OK;
  const char *title = a->headline != NULL && a->headline[0] != '\0'
                        ? a->headline : "Article";

  ngi_page_head(out, title, o);
  fputs("<main id=\"main\">\n<article>\n<h1>", out);
  ngi_page_esc_str(out, title);
  fputs("</h1>\n", out);
  if (a->iri != NULL) {
    fputs("<p class=\"meta\">", out);
    ngi_page_esc_str(out, a->iri);
    fputs("</p>\n", out);
  }
  fputs("<p class=\"legend\">In the text: <mark class=\"direct\">direct "
        "quote</mark> and <mark class=\"reported\">reported speech</mark>, "
        "each followed by its speaker.</p>\n", out);
  if (a->text != NULL)
    st = write_text(out, a, o, err);
  else
    write_list(out, a, o);
  fputs("</article>\n</main>\n", out);
  write_aside(out, a, o);
  ngi_page_tail(out);
  if (st == NG_OK && (fflush(out) != 0 || ferror(out))) {
    if (err != NULL)
      snprintf(err, NG_ERRLEN, "cannot write the page");
    st = NG_EIO;
  }
  return st;
}
