/* pushfile.c - `push FILE...` one graph at a time: the graphs of a file
 * are read, pushed and let go before the next, so memory does not grow
 * with the number of files.
 *
 * N-Triples and N-Quads files (what `newsgraph extract` writes) are not
 * parsed into a model: after guard.c's checks (size, line length, language
 * tags, NUL bytes) the file is mapped, each line is checked by a small
 * lexer (terms well formed, only N-Triples' escapes and language tags, a
 * '.' at the end), and each graph's lines go
 * out as they are (an N-Quads line without its graph term).  A file the
 * lexer does not take (an escaped or blank graph name, anything odd), and
 * every other file (Turtle, TriG, RDF/XML,
 * articles), is loaded into a memory store of its own (ng_store_load_file:
 * the full parser and its errors), its graphs pushed, the store freed.
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <raptor2.h>

#include "http.h"
#include "store/store.h"
#include "util/str.h"

/* One graph of a line file: its lines are bytes [from, to). */
typedef struct run {
  char *graph;          /* NULL: the file's graph (--graph or file IRI) */
  size_t from, to, n;
  size_t more;          /* the next run of the same graph, or 0 */
  int later;            /* not the graph's first run: sent with that */
  size_t idx;
} run;

struct ng_push_file {
  /* a line file */
  FILE *fh;
  const char *map;
  size_t size;
  int quads, clean;     /* N-Quads; every line a statement (N-Triples) */
  char *def;            /* the graph of triples */
  run *runs;
  size_t nruns, next, ngraphs_lines;
  ngi_buf text;
  /* any other file: a memory store */
  ng_store *st;
  char **graphs;
  size_t ngraphs;
};

/* ------------------------------------------------------------ lexer */

static char *
dup_n(const char *s, size_t n)
{
  char *d = malloc(n + 1);

  if(d) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

static const char *
ws(const char *p, const char *e)
{
  while(p < e && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* The end of an escape at p (a backslash): \uXXXX, \UXXXXXXXX or, in a
 * literal (lit), one of \t \b \n \r \f \" \' \\; NULL when it is
 * none (a server refuses it, maybe after storing the lines before). */
static const char *
esc_end(const char *p, const char *e, int lit)
{
  size_t nd, k;

  if(p + 1 >= e)
    return NULL;
  if(lit && strchr("tbnrf\"'\\", p[1]) && p[1] != '\0')
    return p + 2;
  if(p[1] != 'u' && p[1] != 'U')
    return NULL;
  nd = p[1] == 'u' ? 4 : 8;
  if((size_t)(e - p) < 2 + nd)
    return NULL;
  for(k = 0; k < nd; k++)
    if(!strchr("0123456789abcdefABCDEF", p[2 + k]) || p[2 + k] == '\0')
      return NULL;
  return p + 2 + nd;
}

static const char *
iri_end(const char *p, const char *e, int *esc)
{
  for(p++; p < e && *p != '>'; p++) {
    unsigned char c = (unsigned char)*p;
    if(c <= 0x20 || c == '<' || c == '"' || c == '{' || c == '}' ||
       c == '|' || c == '^' || c == '`')
      return NULL;
    if(c == '\\') {
      *esc = 1;
      if(!(p = esc_end(p, e, 0)))
        return NULL;
      p--;
    }
  }
  return p < e ? p + 1 : NULL;
}

/* One term at p: <iri>, _:label, or "literal" with @lang or ^^<iri>.
 * kind: 'i', 'b' or 'l'.  NULL when it is not one. */
static const char *
term(const char *p, const char *e, char *kind, int *esc)
{
  if(p >= e)
    return NULL;
  if(*p == '<') {
    *kind = 'i';
    return iri_end(p, e, esc);
  }
  if(*p == '_' && p + 2 < e && p[1] == ':') {
    *kind = 'b';
    for(p += 2; p < e && *p != ' ' && *p != '\t' && *p != '<' && *p != '"';
        p++)
      ;
    return p;
  }
  if(*p != '"')
    return NULL;
  *kind = 'l';
  for(p++; p < e && *p != '"'; p++)
    if(*p == '\\') {
      if(!(p = esc_end(p, e, 1)))
        return NULL;
      p--;
    }
  if(p >= e)
    return NULL;
  p++;
  if(p < e && *p == '@') {
    /* [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* */
    const char *t = ++p;
    while(p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
      p++;
    if(p == t)
      return NULL;
    while(p < e && *p == '-') {
      t = ++p;
      while(p < e && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                      (*p >= '0' && *p <= '9')))
        p++;
      if(p == t)
        return NULL;
    }
    return p;
  }
  if(p + 1 < e && p[0] == '^' && p[1] == '^') {
    int dummy = 0;
    return p + 2 < e && p[2] == '<' ? iri_end(p + 2, e, &dummy) : NULL;
  }
  return p;
}

/* One line [p, e): 0 no statement (blank, comment), 1 a statement (*oend:
 * the end of its object; *g, *gl: its graph IRI or NULL), -1 not taken. */
static int
lex_line(const char *p, const char *e, int quads, const char **oend,
         const char **g, size_t *gl)
{
  char k;
  int esc = 0;
  const char *q;

  *g = NULL;
  *gl = 0;
  if(e > p && e[-1] == '\r')
    e--;
  p = ws(p, e);
  if(p == e || *p == '#')
    return 0;
  if(!(p = term(p, e, &k, &esc)) || k == 'l')
    return -1;
  if(!(p = term(ws(p, e), e, &k, &esc)) || k != 'i')
    return -1;
  if(!(p = term(ws(p, e), e, &k, &esc)))
    return -1;
  *oend = p;
  p = ws(p, e);
  if(quads && p < e && *p != '.') {
    q = p;
    esc = 0;
    if(!(p = term(q, e, &k, &esc)) || k != 'i' || esc)
      return -1;
    *g = q + 1;
    *gl = (size_t)(p - q) - 2;
    p = ws(p, e);
  }
  if(p >= e || *p != '.')
    return -1;
  p = ws(p + 1, e);
  return p == e || *p == '#' ? 1 : -1;
}

static int
cmp_str(const void *a, const void *b)
{
  const run *x = a, *y = b;

  if(!x->graph || !y->graph)
    return (x->graph != NULL) - (y->graph != NULL);
  return strcmp(x->graph, y->graph);
}

/* By graph, then by place in the file. */
static int
cmp_run(const void *a, const void *b)
{
  const run *x = a, *y = b;
  int c = cmp_str(a, b);

  if(c)
    return c;
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Split the mapped file into runs of one graph (the runs of a graph that
 * comes back later are chained); -1: not taken. */
static int
lex_file(ng_push_file *f)
{
  const char *p = f->map, *e = f->map + f->size;
  run *cur = NULL;
  size_t cap = 0, i;
  run *sorted;

  f->clean = 1;
  while(p < e) {
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    const char *le = nl ? nl : e, *oend, *g;
    size_t gl;
    int r = lex_line(p, le, f->quads, &oend, &g, &gl);

    if(r < 0)
      return -1;
    if(r == 0) {
      f->clean = 0;
      p = nl ? nl + 1 : e;
      continue;
    }
    if(!cur || (g == NULL) != (cur->graph == NULL) ||
       (g && (strlen(cur->graph) != gl || memcmp(cur->graph, g, gl)))) {
      if(f->nruns == cap) {
        size_t ncap = cap ? 2 * cap : 16;
        run *nr = realloc(f->runs, ncap * sizeof *nr);
        if(!nr)
          return -1;
        f->runs = nr;
        cap = ncap;
      }
      cur = &f->runs[f->nruns++];
      memset(cur, 0, sizeof *cur);
      cur->from = (size_t)(p - f->map);
      if(g && !(cur->graph = dup_n(g, gl)))
        return -1;
    }
    cur->to = (size_t)((nl ? nl + 1 : e) - f->map);
    cur->n++;
    p = nl ? nl + 1 : e;
  }
  if(f->nruns == 0) { /* no statement: the file's graph, emptied */
    f->runs = calloc(1, sizeof *f->runs);
    if(!f->runs)
      return -1;
    f->nruns = 1;
  }
  f->ngraphs_lines = f->nruns;
  /* a graph in two places: its runs are chained and sent together */
  sorted = malloc(f->nruns * sizeof *sorted);
  if(!sorted)
    return -1;
  for(i = 0; i < f->nruns; i++)
    f->runs[i].idx = i;
  memcpy(sorted, f->runs, f->nruns * sizeof *sorted);
  qsort(sorted, f->nruns, sizeof *sorted, cmp_run);
  for(i = 1; i < f->nruns; i++)
    if(!cmp_str(&sorted[i - 1], &sorted[i])) {
      f->runs[sorted[i - 1].idx].more = sorted[i].idx;
      f->runs[sorted[i].idx].later = 1;
      f->ngraphs_lines--;
    }
  free(sorted);
  return 0;
}

/* ------------------------------------------------------------ files */

void
ng_push_file_free(ng_push_file *f)
{
  size_t i;

  if(!f)
    return;
  if(f->map)
    munmap((void *)f->map, f->size);
  if(f->fh)
    fclose(f->fh);
  for(i = 0; i < f->nruns; i++)
    free(f->runs[i].graph);
  free(f->runs);
  free(f->def);
  ngi_buf_release(&f->text);
  for(i = 0; i < f->ngraphs; i++)
    free(f->graphs[i]);
  free(f->graphs);
  ng_store_free(f->st);
  free(f);
}

/* A line file mapped and lexed: 1 taken, 0 not (load it instead). */
static int
open_lines(ng_push_file *f, const char *path, const char *syntax,
           const ng_load_opts *o, ng_status *rc, char *err)
{
  struct stat sb;
  char *abs;
  unsigned char *u;

  *rc = NG_OK;
  f->quads = !strcmp(syntax, "nquads");
  f->fh = fopen(path, "rb");
  if(!f->fh) {
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    *rc = NG_EIO;
    return 1;
  }
  *rc = ngi_guard_rdf(&f->fh, path, syntax, o->max_bytes, err);
  if(*rc != NG_OK)
    return 1;
  if(fstat(fileno(f->fh), &sb) != 0 || !S_ISREG(sb.st_mode))
    return 0;
  f->size = (size_t)sb.st_size;
  if(f->size > 0) {
    void *m = mmap(NULL, f->size, PROT_READ, MAP_PRIVATE, fileno(f->fh), 0);
    if(m == MAP_FAILED)
      return 0;
    f->map = m;
  }
  if(o->graph) {
    f->def = ngi_str_dup(o->graph);
  } else if((abs = realpath(path, NULL)) != NULL) {
    u = raptor_uri_filename_to_uri_string(abs);
    free(abs);
    f->def = u ? ngi_str_dup((const char *)u) : NULL;
    raptor_free_memory(u);
  }
  if(!f->def || lex_file(f) != 0)
    return 0;
  return 1;
}

ng_status
ng_push_file_open(const char *path, const ng_load_opts *o,
                  ng_push_file **out, char *err)
{
  ng_push_file *f = calloc(1, sizeof *f);
  const char *syntax = o->syntax ? o->syntax : ng_rdf_syntax_for(path);
  ng_status rc = NG_OK;
  size_t i;

  *out = NULL;
  if(!f) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if(syntax && (!strcmp(syntax, "ntriples") || !strcmp(syntax, "nquads"))) {
    if(open_lines(f, path, syntax, o, &rc, err)) {
      if(rc != NG_OK) {
        ng_push_file_free(f);
        return rc;
      }
      *out = f;
      return NG_OK;
    }
    /* not taken: start again with the parser */
    if(f->map)
      munmap((void *)f->map, f->size);
    f->map = NULL;
    for(i = 0; i < f->nruns; i++)
      free(f->runs[i].graph);
    free(f->runs);
    f->runs = NULL;
    f->nruns = 0;
  }
  rc = ng_store_open(NULL, NG_STORE_MEMORY, &f->st, err);
  if(rc == NG_OK)
    rc = ng_store_load_file(f->st, path, o, NULL, NULL, err);
  if(rc == NG_OK)
    rc = ng_store_graphs(f->st, &f->graphs, &f->ngraphs, err);
  if(rc != NG_OK) {
    ng_push_file_free(f);
    return rc;
  }
  *out = f;
  return NG_OK;
}

size_t
ng_push_file_graphs(const ng_push_file *f)
{
  return f->st ? f->ngraphs : f->ngraphs_lines;
}

ng_status
ng_endpoint_push_next(ng_endpoint *ep, ng_push_file *f, int *more,
                      char *err)
{
  const run *r;
  const char *p, *e, *graph;
  size_t n;

  *more = 0;
  if(f->st) {
    if(f->next >= f->ngraphs)
      return NG_OK;
    *more = 1;
    return ng_endpoint_push(ep, f->st, f->graphs[f->next++], err);
  }
  while(f->next < f->nruns && f->runs[f->next].later)
    f->next++;
  if(f->next >= f->nruns)
    return NG_OK;
  *more = 1;
  r = &f->runs[f->next++];
  if(!f->quads && f->clean) /* the file as it is */
    return ngi_push_text(ep, f->def, f->map ? f->map + r->from : "",
                         r->to - r->from, r->n, err);
  /* each statement without its graph, comments and blank lines */
  f->text.len = 0;
  for(n = 0;; r = &f->runs[r->more]) {
    for(p = f->map + r->from, e = f->map + r->to; p < e;) {
      const char *nl = memchr(p, '\n', (size_t)(e - p)), *oend, *g;
      const char *le = nl ? nl : e;
      size_t gl;

      if(lex_line(p, le, f->quads, &oend, &g, &gl) == 1 &&
         (ngi_buf_add(&f->text, p, (size_t)(oend - p)) ||
          ngi_buf_add(&f->text, " .\n", 3))) {
        ngi_store_errf(err, "out of memory");
        return NG_ENOMEM;
      }
      p = nl ? nl + 1 : e;
    }
    n += r->n;
    graph = r->graph;
    if(!r->more)
      break;
  }
  return ngi_push_text(ep, graph ? graph : f->def,
                       f->text.p ? f->text.p : "", f->text.len, n, err);
}
