/* batch.c - what batch extraction needs from graph/: one librdf world per
 * thread, reused by many graphs, and a fast sorted N-Triples / N-Quads
 * writer for streams of graphs, which needs no model for graphs of lines
 * (ng_graph_new_lines).
 *
 * librdf_new_world/librdf_world_open touch process-wide state (raptor's
 * and rasqal's factories, libxml2's initialisation), so worlds are
 * created and freed under one mutex; once open, a world is used by its
 * own thread only.
 */
#include "graph.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "iri.h"

struct ng_rdf_world {
  librdf_world *world;
};

static pthread_mutex_t world_lock = PTHREAD_MUTEX_INITIALIZER;

/* The library never prints: librdf messages are dropped here (a failing
 * call still returns its error to the caller). */
static int quiet_logger(void *user_data, librdf_log_message *msg)
{
  (void)user_data;
  (void)msg;
  return 1;
}

ng_status ng_rdf_world_new(ng_rdf_world **out, char *err)
{
  ng_rdf_world *w;

  *out = NULL;
  w = calloc(1, sizeof *w);
  if (w == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  pthread_mutex_lock(&world_lock);
  w->world = librdf_new_world();
  if (w->world != NULL) {
    librdf_world_set_logger(w->world, NULL, quiet_logger);
    librdf_world_open(w->world);
  }
  pthread_mutex_unlock(&world_lock);
  if (w->world == NULL) {
    free(w);
    ngi_graph_errf(err, "cannot create a librdf world");
    return NG_ERDF;
  }
  *out = w;
  return NG_OK;
}

/* raptor_free_world calls xmlCleanupParser: freeing a world while another
 * thread parses HTML or RDF with libxml2 is not safe, whatever the lock;
 * callers free their worlds once the other threads are done. */
void ng_rdf_world_free(ng_rdf_world *w)
{
  if (w == NULL)
    return;
  pthread_mutex_lock(&world_lock);
  librdf_free_world(w->world);
  pthread_mutex_unlock(&world_lock);
  free(w);
}

/* A graph on librdf's "trees" storage (AVL trees) in a per-thread world:
 * twice as fast as the hashes storage of ng_graph_new for an article's
 * hundred-odd statements, and still O(log n) per statement for a merged
 * corpus (the "memory" list storage is as fast for one article but
 * quadratic: 20x slower on 500 merged articles). */
ng_status ng_graph_new_in_world(ng_rdf_world *rw, ng_graph **out, char *err)
{
  *out = NULL;
  if (rw == NULL || rw->world == NULL) {
    ngi_graph_errf(err, "no librdf world");
    return NG_EUSAGE;
  }
  return ngi_graph_new_in(rw->world, out, err);
}

/* ------------------------------------------------------------ lines
 * N-Triples / N-Quads written directly: raptor 2.0.15's N-Triples writer
 * allocates per escaped byte and took over half of a corpus run.  Lines
 * are sorted bytewise afterwards, so the output does not depend on the
 * storage's order (and duplicates drop out). */

typedef struct lbuf {
  char *s;
  size_t n, cap;
  int oom;
} lbuf;

static void lb_grow(lbuf *b, size_t more)
{
  size_t ncap;
  char *ns;

  if (b->n + more <= b->cap || b->oom)
    return;
  ncap = b->cap > 0 ? b->cap : 4096;
  while (ncap < b->n + more)
    ncap *= 2;
  ns = realloc(b->s, ncap);
  if (ns == NULL) {
    b->oom = 1;
    return;
  }
  b->s = ns;
  b->cap = ncap;
}

static void lb_add(lbuf *b, const void *p, size_t n)
{
  lb_grow(b, n);
  if (b->oom)
    return;
  memcpy(b->s + b->n, p, n);
  b->n += n;
}

/* Escaped as N-Triples 1.1 wants: ECHAR for " \ and the usual controls,
 * \u00XX for other controls; UTF-8 kept.  In IRIs also the characters
 * IRIREF excludes. */
static void lb_escaped(lbuf *b, const unsigned char *s, size_t n, int iri)
{
  static const char hex[] = "0123456789ABCDEF";
  size_t i, start = 0;

  /* bit 1: escaped in literals, bit 2: in IRIs */
  static const unsigned char init[256] = {
    [0] = 3, [1] = 3, [2] = 3, [3] = 3, [4] = 3, [5] = 3, [6] = 3, [7] = 3,
    [8] = 3, [9] = 3, [10] = 3, [11] = 3, [12] = 3, [13] = 3, [14] = 3,
    [15] = 3, [16] = 3, [17] = 3, [18] = 3, [19] = 3, [20] = 3, [21] = 3,
    [22] = 3, [23] = 3, [24] = 3, [25] = 3, [26] = 3, [27] = 3, [28] = 3,
    [29] = 3, [30] = 3, [31] = 3, [127] = 3, ['\\'] = 3, ['"'] = 3,
    [' '] = 2, ['<'] = 2, ['>'] = 2, ['{'] = 2, ['}'] = 2, ['|'] = 2,
    ['^'] = 2, ['`'] = 2
  };
  unsigned char mask = iri ? 2 : 1;

  lb_grow(b, n + 2);
  for (i = 0; i < n && !b->oom; i++) {
    unsigned char c;
    const char *e = NULL;
    char u[6];
    /* the usual case: a run with nothing to escape, 8 bytes a step */
    while (i + 8 <= n &&
           !((init[s[i]] | init[s[i + 1]] | init[s[i + 2]] | init[s[i + 3]] |
              init[s[i + 4]] | init[s[i + 5]] | init[s[i + 6]] |
              init[s[i + 7]]) & mask))
      i += 8;
    while (i < n && !(init[s[i]] & mask))
      i++;
    if (i == n)
      break;
    c = s[i];
    lb_add(b, s + start, i - start);
    start = i + 1;
    if (!iri) {
      switch (c) {
      case '"': e = "\\\""; break;
      case '\\': e = "\\\\"; break;
      case '\n': e = "\\n"; break;
      case '\r': e = "\\r"; break;
      case '\t': e = "\\t"; break;
      case '\b': e = "\\b"; break;
      case '\f': e = "\\f"; break;
      default: break;
      }
    }
    if (e != NULL) {
      lb_add(b, e, 2);
    } else {
      u[0] = '\\';
      u[1] = 'u';
      lb_add(b, u, 2);
      lb_add(b, "00", 2);
      u[0] = hex[c >> 4];
      u[1] = hex[c & 15];
      lb_add(b, u, 2);
    }
  }
  lb_add(b, s + start, n - start);
}

static void lb_uri(lbuf *b, librdf_uri *u)
{
  size_t n = 0;
  unsigned char *s = librdf_uri_as_counted_string(u, &n);

  lb_add(b, "<", 1);
  lb_escaped(b, s, n, 1);
  lb_add(b, ">", 1);
}

static void lb_node(lbuf *b, librdf_node *t)
{
  if (librdf_node_is_resource(t)) {
    lb_uri(b, librdf_node_get_uri(t));
  } else if (librdf_node_is_blank(t)) {
    const char *id = (const char *)librdf_node_get_blank_identifier(t);
    lb_add(b, "_:", 2);
    lb_add(b, id, strlen(id));
  } else {
    size_t n = 0;
    unsigned char *s = librdf_node_get_literal_value_as_counted_string(t, &n);
    const char *lang = librdf_node_get_literal_value_language(t);
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(t);

    lb_add(b, "\"", 1);
    lb_escaped(b, s, n, 0);
    lb_add(b, "\"", 1);
    if (lang != NULL && *lang != '\0') {
      lb_add(b, "@", 1);
      lb_add(b, lang, strlen(lang));
    } else if (dt != NULL) {
      lb_add(b, "^^", 2);
      lb_uri(b, dt);
    }
  }
}

/* An ngi_node as an N-Triples term. */
static void lb_term(lbuf *b, const ngi_node *n)
{
  if (n->kind == NGI_NODE_IRI || n->kind == NGI_NODE_TERM) {
    lb_add(b, "<", 1);
    lb_escaped(b, (const unsigned char *)n->s, strlen(n->s), 1);
    lb_add(b, ">", 1);
    return;
  }
  lb_add(b, "\"", 1);
  lb_escaped(b, (const unsigned char *)n->s, strlen(n->s), 0);
  lb_add(b, "\"", 1);
  if (n->kind == NGI_NODE_TYPED) {
    lb_add(b, "^^<", 3);
    lb_escaped(b, (const unsigned char *)n->dt, strlen(n->dt), 1);
    lb_add(b, ">", 1);
  }
}

typedef struct line {
  size_t off, len;
} line;

/* qsort has no context argument in C11: the base of the lines being
 * sorted, and how many bytes they all start with, are thread-locals. */
static _Thread_local const char *sort_base;
static _Thread_local size_t sort_skip;

static int line_cmp(const void *pa, const void *pb)
{
  const line *a = pa, *b = pb;
  size_t k = sort_skip;
  int c = memcmp(sort_base + a->off + k, sort_base + b->off + k,
                 (a->len < b->len ? a->len : b->len) - k);

  if (c != 0)
    return c;
  return a->len < b->len ? -1 : a->len > b->len;
}

/* A run of lines in a row with one subject. */
typedef struct run {
  size_t first, n;       /* its lines */
  size_t off, sl;        /* its subject: the bytes of its IRI term */
} run;

static int run_cmp(const void *pa, const void *pb)
{
  const run *a = pa, *b = pb;
  int c = memcmp(sort_base + a->off, sort_base + b->off,
                 a->sl < b->sl ? a->sl : b->sl);

  if (c != 0)
    return c;
  if (a->sl != b->sl)
    return a->sl < b->sl ? -1 : 1;
  return a->first < b->first ? -1 : a->first > b->first; /* any order */
}

/* The length of the IRI term line l starts with ("<...>", which has no
 * '>' inside), or 0 when it starts with none. */
static size_t subject_len(const char *base, const line *l)
{
  const char *s = base + l->off, *gt;

  if (l->len < 2 || s[0] != '<')
    return 0;
  gt = memchr(s, '>', l->len);
  return gt != NULL ? (size_t)(gt - s) + 1 : 0;
}

/* Sort lines that come in runs of one subject (a graph's statements do):
 * the runs by their subject, then the lines of each subject by what
 * follows it.  Two IRI terms differ before either ends, so this is the
 * bytewise order of the lines.  Returns 0, or -1 (nothing done) when a
 * line has no IRI subject or out of memory. */
static int sort_by_subject(const char *base, line *v, size_t n)
{
  run *r = NULL;
  line *o = NULL;
  size_t nr = 0, i, k, g;

  for (i = 0; i < n; i++) {
    size_t sl = subject_len(base, &v[i]);
    if (sl == 0)
      break;
    if (nr > 0 && r[nr - 1].sl == sl &&
        memcmp(base + r[nr - 1].off, base + v[i].off, sl) == 0) {
      r[nr - 1].n++;
      continue;
    }
    if (nr == 0 || (nr & (nr - 1)) == 0) { /* 1, 2, 4, ...: grow */
      run *nrun = realloc(r, (nr < 8 ? 8 : nr * 2) * sizeof *r);
      if (nrun == NULL)
        break;
      r = nrun;
    }
    r[nr].first = i;
    r[nr].n = 1;
    r[nr].off = v[i].off;
    r[nr].sl = sl;
    nr++;
  }
  if (i < n || (o = malloc(n * sizeof *o)) == NULL) {
    free(r);
    return -1;
  }
  sort_base = base;
  qsort(r, nr, sizeof *r, run_cmp);
  for (g = 0, k = 0; g < nr;) {
    size_t h = g, start = k;
    /* the runs of one subject, side by side now */
    while (h < nr && r[h].sl == r[g].sl &&
           memcmp(base + r[h].off, base + r[g].off, r[g].sl) == 0) {
      memcpy(o + k, v + r[h].first, r[h].n * sizeof *o);
      k += r[h].n;
      h++;
    }
    sort_base = base;
    sort_skip = r[g].sl;
    qsort(o + start, k - start, sizeof *o, line_cmp);
    g = h;
  }
  memcpy(v, o, n * sizeof *v);
  free(o);
  free(r);
  return 0;
}

/* Sort the lines v[0..n) of base and drop the duplicates; returns the
 * new count. */
static size_t sort_unique(const char *base, line *v, size_t n)
{
  size_t i, k;

  if (n < 2)
    return n;
  if (sort_by_subject(base, v, n) != 0) {
    sort_base = base;
    sort_skip = 0;
    qsort(v, n, sizeof *v, line_cmp);
  }
  for (i = k = 1; i < n; i++) {
    if (v[i].len == v[k - 1].len &&
        memcmp(base + v[i].off, base + v[k - 1].off, v[i].len) == 0)
      continue;
    v[k++] = v[i];
  }
  return k;
}

/* ------------------------------------------------------------ graphs of
 * lines.  A statement is kept as "<s> <p> o", without the graph and the
 * " .\n" that ng_graph_lines appends: every such text ends where its
 * object ends (a closing '>' or '"' that cannot occur unescaped inside
 * the term), so one text is a proper prefix of another only as a plain
 * literal is of the same literal typed ("..."^^<dt>), and '^' sorts after
 * the ' ' that follows either text in a line.  Sorting the texts thus
 * sorts the lines, with or without a graph IRI. */

struct ngi_lines {
  lbuf b;
  line *v;
  size_t n, cap;
  int sorted;
  /* A subject comes in many statements in a row: the latest one, and the
   * length of its term at the start of the latest line. */
  char *subj;
  size_t subjcap, subjterm;
  int subjok;              /* subj holds the latest line's subject IRI */
};

ngi_lines *ngi_lines_new(void)
{
  return calloc(1, sizeof(ngi_lines));
}

void ngi_lines_free(ngi_lines *l)
{
  if (l == NULL)
    return;
  free(l->b.s);
  free(l->v);
  free(l->subj);
  free(l);
}

int ngi_lines_add(ngi_lines *l, const ngi_node *s, const ngi_node *p,
                  const ngi_node *o)
{
  size_t start = l->b.n;

  if (l->b.oom)
    return -1;
  if (l->n == l->cap) {
    size_t ncap = l->cap > 0 ? 2 * l->cap : 256;
    line *nv = realloc(l->v, ncap * sizeof *nv);
    if (nv == NULL)
      return -1;
    l->v = nv;
    l->cap = ncap;
  }
  if (s->kind == NGI_NODE_IRI && l->n > 0 && l->subjok &&
      strcmp(s->s, l->subj) == 0) {
    /* the same subject as the latest line: copy its term */
    lb_grow(&l->b, l->subjterm);
    if (!l->b.oom)
      lb_add(&l->b, l->b.s + l->v[l->n - 1].off, l->subjterm);
  } else {
    size_t sl = s->kind == NGI_NODE_IRI ? strlen(s->s) + 1 : 0;
    lb_term(&l->b, s);
    if (sl > l->subjcap) {
      char *ns = realloc(l->subj, sl);
      if (ns == NULL)
        return -1;
      l->subj = ns;
      l->subjcap = sl;
    }
    if (sl > 0)
      memcpy(l->subj, s->s, sl);
    l->subjok = sl > 0;
    l->subjterm = l->b.n - start;
  }
  lb_add(&l->b, " ", 1);
  lb_term(&l->b, p);
  lb_add(&l->b, " ", 1);
  lb_term(&l->b, o);
  if (l->b.oom)
    return -1;
  l->v[l->n].off = start;
  l->v[l->n].len = l->b.n - start;
  l->n++;
  l->sorted = 0;
  return 0;
}

size_t ngi_lines_count(ngi_lines *l)
{
  if (!l->sorted) {
    l->n = sort_unique(l->b.s, l->v, l->n);
    l->sorted = 1;
  }
  return l->n;
}

/* The lines of a graph of lines, each ended by the graph IRI and " .". */
static ng_status lines_write(ngi_lines *l, const char *graph_iri,
                             char **buf, size_t *len, char *err)
{
  lbuf o = {NULL, 0, 0, 0}, end = {NULL, 0, 0, 0};
  size_t i, n = ngi_lines_count(l);

  if (graph_iri != NULL) {
    lb_add(&end, " <", 2);
    lb_escaped(&end, (const unsigned char *)graph_iri, strlen(graph_iri), 1);
    lb_add(&end, ">", 1);
  }
  lb_add(&end, " .\n", 3);
  lb_grow(&o, l->b.n + n * end.n + 1);
  for (i = 0; i < n && !o.oom && !end.oom; i++) {
    lb_add(&o, l->b.s + l->v[i].off, l->v[i].len);
    lb_add(&o, end.s, end.n);
  }
  if (o.s == NULL)
    lb_grow(&o, 1);
  if (o.oom || end.oom) {
    free(o.s);
    free(end.s);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  free(end.s);
  o.s[o.n] = '\0';
  *buf = o.s;
  *len = o.n;
  return NG_OK;
}

ng_status ng_graph_lines(ng_graph *g, const char *graph_iri, char **buf,
                         size_t *len, char *err)
{
  librdf_stream *stream;
  lbuf b = {NULL, 0, 0, 0}, o = {NULL, 0, 0, 0};
  line *v = NULL;
  size_t n = 0, cap = 0, i, gl = graph_iri != NULL ? strlen(graph_iri) : 0;

  *buf = NULL;
  *len = 0;
  if (g == NULL) {
    ngi_graph_errf(err, "no graph");
    return NG_EUSAGE;
  }
  if (ngi_graph_lines_of(g) != NULL)
    return lines_write(ngi_graph_lines_of(g), graph_iri, buf, len, err);
  stream = librdf_model_as_stream(ngi_graph_model(g));
  if (stream == NULL) {
    ngi_graph_errf(err, "cannot list the statements of the graph");
    return NG_ERDF;
  }
  for (; !librdf_stream_end(stream) && !b.oom;
       librdf_stream_next(stream)) {
    librdf_statement *s = librdf_stream_get_object(stream);
    size_t start = b.n;

    if (s == NULL)
      continue;
    if (n == cap) {
      size_t ncap = cap > 0 ? 2 * cap : 256;
      line *nv = realloc(v, ncap * sizeof *nv);
      if (nv == NULL) {
        b.oom = 1;
        break;
      }
      v = nv;
      cap = ncap;
    }
    lb_node(&b, librdf_statement_get_subject(s));
    lb_add(&b, " ", 1);
    lb_node(&b, librdf_statement_get_predicate(s));
    lb_add(&b, " ", 1);
    lb_node(&b, librdf_statement_get_object(s));
    if (graph_iri != NULL) {
      lb_add(&b, " <", 2);
      lb_escaped(&b, (const unsigned char *)graph_iri, gl, 1);
      lb_add(&b, ">", 1);
    }
    lb_add(&b, " .\n", 3);
    v[n].off = start;
    v[n].len = b.n - start;
    n++;
  }
  librdf_free_stream(stream);
  if (!b.oom)
    n = sort_unique(b.s, v, n);
  lb_grow(&o, b.n + 1);
  for (i = 0; i < n && !b.oom && !o.oom; i++)
    lb_add(&o, b.s + v[i].off, v[i].len);
  free(v);
  free(b.s);
  if (b.oom || o.oom) {
    free(o.s);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if (o.s == NULL && (o.s = malloc(1)) == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  o.s[o.n] = '\0';
  *buf = o.s;
  *len = o.n;
  return NG_OK;
}
