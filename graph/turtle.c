/* turtle.c - Turtle of a graph of lines without a librdf model: the bytes
 * raptor 2.0.15's turtle serializer writes for the same graph through
 * ngi_model_write (serialize.c), at a fraction of the cost, for
 * `extract --out-dir` (one Turtle file per article).
 *
 * What raptor does, and this file does again: the @prefix lines of the
 * namespaces in declaration order (rdf first, then set_prefixes' order, a
 * prefix or namespace declared twice skipped), a blank line; then each
 * subject in raptor_term_compare order (IRIs bytewise, a prefix before
 * longer IRIs), its properties sorted by predicate then object (IRIs
 * before literals; literals by value, language, datatype), a predicate
 * repeated as ", object", the next one after " ;" and a new line indented
 * by four spaces, " ." and a blank line at the end of each subject.  An
 * IRI is written prefix:local when exactly one namespace is a proper
 * prefix of it and the rest is an XML 1.0 name (subjects and objects also
 * need a Turtle-legal name: no '.', a letter, digit or '_' first);
 * rdf:type is "a"; literals are quoted with only '"' and '\' escaped,
 * in """ """ when they hold a new line; xsd:integer, decimal, double and
 * boolean values that read as such are written bare.
 *
 * Anything this does not copy exactly (blank nodes, escapes in IRIs,
 * non-ASCII names, xsd numbers and booleans raptor would complain about,
 * language tags with capitals, an empty graph)
 * gives NG_EFORMAT: the caller then writes the graph through raptor.
 */
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "iri.h"
#include "ntline.h"

typedef ngi_ntterm term;
typedef ngi_ntriple triple;

typedef struct tbuf {
  char *p;
  size_t n, cap;
  int oom;
} tbuf;

static void put(tbuf *b, const char *s, size_t n)
{
  if (b->oom)
    return;
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 4096;
    char *np;
    while (b->n + n + 1 > cap)
      cap *= 2;
    np = realloc(b->p, cap);
    if (np == NULL) {
      b->oom = 1;
      return;
    }
    b->p = np;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
}

static void puts_(tbuf *b, const char *s)
{
  put(b, s, strlen(s));
}

/* ------------------------------------------------------------ order */

/* Sort v[0..n) by triple_cmp, using tmp (room for n); returns the sorted
 * array (v or tmp).  The lines come sorted as text, which is raptor's
 * order but where an IRI is a prefix of another (".../a>" sorts after
 * ".../a#x>" and ".../a-2>" as text): a few runs, which are found and
 * merged (a natural merge sort, n log runs). */
static const triple **sort_triples(const triple **v, const triple **tmp,
                                   size_t n)
{
  for (;;) {
    size_t i = 0, runs = 0;

    while (i < n) {
      size_t a = i + 1, b, x, y, k = i;
      while (a < n && ngi_ntriple_cmp(v[a - 1], v[a]) <= 0)
        a++;
      runs++;
      if (a == n) {
        if (runs == 1)
          return v; /* one run: sorted */
        memcpy(tmp + i, v + i, (n - i) * sizeof *v);
        break;
      }
      for (b = a + 1; b < n && ngi_ntriple_cmp(v[b - 1], v[b]) <= 0; b++)
        ;
      for (x = i, y = a; x < a && y < b;)
        tmp[k++] = ngi_ntriple_cmp(v[y], v[x]) < 0 ? v[y++] : v[x++];
      memcpy(tmp + k, v + x, (a - x) * sizeof *v);
      k += a - x;
      memcpy(tmp + k, v + y, (b - y) * sizeof *v);
      i = b;
    }
    {
      const triple **sw = v;
      v = tmp;
      tmp = sw;
    }
  }
}

/* ------------------------------------------------------------ writing */

typedef struct ns {
  const char *prefix;
  char *uri;
  size_t len;
  int sep;             /* ends with '/' or '#' */
  int legal;           /* the prefix may start a subject's or object's name */
} ns;

typedef struct ctx {
  ns v[40];
  size_t n;
  int bad;             /* something raptor would write otherwise */
  /* the namespaces ending in '/' or '#' by their length (chained by
   * next, -1 ends), and those that do not */
  signed char bylen[64], next[40], other;
} ctx;

/* The classes of a byte: C_START may start an XML name, C_NAME may
 * follow; C_BAD may not be in an IRI written <...>. */
enum { C_START = 1, C_NAME = 2, C_BAD = 4, C_HIGH = 8 };
static unsigned char cls[256];

static void init_cls(void)
{
  int ch;

  if (cls['a'] != 0)
    return; /* the same bytes from any thread: a harmless race */
  for (ch = 0; ch < 256; ch++) {
    unsigned char k = 0;
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_')
      k |= C_START | C_NAME;
    if ((ch >= '0' && ch <= '9') || ch == '.' || ch == '-')
      k |= C_NAME;
    if (ch <= 0x20 || (ch != 0 && strchr("<>\"{}|^`\\", ch) != NULL))
      k |= C_BAD;
    if (ch >= 0x80)
      k |= C_HIGH;
    cls[ch] = k;
  }
}

static void declare(ctx *c, const char *prefix, const char *uri)
{
  size_t i;
  ns *d;

  if (uri == NULL) {
    c->bad = 1;
    return;
  }
  for (i = 0; i < c->n; i++)
    if (strcmp(c->v[i].prefix, prefix) == 0 || strcmp(c->v[i].uri, uri) == 0)
      return;
  if (c->n == sizeof c->v / sizeof c->v[0]) {
    c->bad = 1;
    return;
  }
  d = &c->v[c->n];
  d->prefix = prefix; /* static strings of serialize.c */
  d->len = strlen(uri);
  d->uri = malloc(d->len + 1);
  if (d->uri == NULL) {
    c->bad = 1;
    return;
  }
  memcpy(d->uri, uri, d->len + 1);
  d->sep = d->len > 0 && (uri[d->len - 1] == '/' || uri[d->len - 1] == '#');
  if (d->sep) {
    c->next[c->n] = c->bylen[d->len & 63];
    c->bylen[d->len & 63] = (signed char)c->n;
  } else {
    c->next[c->n] = c->other;
    c->other = (signed char)c->n;
  }
  d->legal = ((prefix[0] >= 'a' && prefix[0] <= 'z') ||
              (prefix[0] >= 'A' && prefix[0] <= 'Z') ||
              (prefix[0] >= '0' && prefix[0] <= '9')) &&
             strchr(prefix, '.') == NULL;
  c->n++;
}

static void declare_one(void *arg, const char *prefix, const char *uri)
{
  declare(arg, prefix, uri);
}

/* 1 when s[0..n) is an XML 1.0 name (ASCII), 0 when not, -1 at a byte
 * past ASCII (not judged here) before anything that is not a name. */
static int xml_name(const char *s, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    unsigned char x = cls[(unsigned char)s[i]];
    if (x & C_HIGH)
      return -1;
    if (!(x & (i == 0 ? C_START : C_NAME)))
      return 0;
  }
  return n > 0;
}

/* Write iri as prefix:local when raptor would; legal: subjects and
 * objects also need a Turtle-legal name. */
static void write_iri(ctx *c, tbuf *b, const char *s, size_t n, int legal)
{
  size_t i, found = 0, at = 0, k = n;
  int j, pass;

  if (n >= 36 && memcmp(s, "http://www.w3.org/XML/1998/namespace", 36) == 0)
    c->bad = 1; /* raptor's own xml: namespace */
  /* a name has no '/' or '#': a namespace ending in one can only match
   * up to the last of them */
  while (k > 0 && s[k - 1] != '/' && s[k - 1] != '#')
    k--;
  /* only namespaces of length k, or not ending in '/' or '#', can be a
   * proper prefix of it followed by a name */
  for (j = c->bylen[k & 63], pass = 0; pass < 2; j = c->other, pass++) {
    for (; j >= 0; j = c->next[j]) {
      size_t ul = c->v[j].len;
      int x;
      if ((c->v[j].sep && ul != k) || ul >= n ||
          memcmp(s, c->v[j].uri, ul) != 0)
        continue;
      x = xml_name(s + ul, n - ul);
      if (x < 0)
        c->bad = 1;
      if (x > 0) {
        found++;
        at = (size_t)j;
      }
    }
  }
  if (found > 1)
    c->bad = 1; /* raptor's choice would hang on its hash order */
  if (found == 1 && legal &&
      (!c->v[at].legal ||
       memchr(s + c->v[at].len, '.', n - c->v[at].len) != NULL))
    found = 0;
  if (found == 1) {
    size_t ul = c->v[at].len;
    puts_(b, c->v[at].prefix);
    put(b, ":", 1);
    put(b, s + ul, n - ul);
    return;
  }
  for (i = 0; i < n; i++)
    if (cls[(unsigned char)s[i]] & C_BAD)
      c->bad = 1;
  put(b, "<", 1);
  put(b, s, n);
  put(b, ">", 1);
}

static void write_object(ctx *c, tbuf *b, const term *t)
{
  const char *p, *e, *q, *bs;
  int longs;

  if (!t->lit) {
    if (t->n == sizeof NGI_RDF "nil" - 1 &&
        memcmp(t->s, NGI_RDF "nil", t->n) == 0)
      puts_(b, "( )");
    else
      write_iri(c, b, t->s, t->n, 1);
    return;
  }
  if (t->dt != NULL &&
      t->dtn > sizeof NGI_XSD - 1 && memcmp(t->dt, NGI_XSD, sizeof NGI_XSD
                                           - 1) == 0) {
    const char *l = t->dt + sizeof NGI_XSD - 1;
    size_t ln = t->dtn - (sizeof NGI_XSD - 1);
    int kind = ln == 7 && memcmp(l, "integer", 7) == 0   ? 1
               : ln == 6 && memcmp(l, "double", 6) == 0  ? 2
               : ln == 7 && memcmp(l, "decimal", 7) == 0 ? 2
               : ln == 7 && memcmp(l, "boolean", 7) == 0 ? 3 : 0;
    if (kind != 0) {
      /* raptor writes these bare when they read as numbers (strtol,
       * strtod) or booleans; other values it complains about: left to it */
      char v[64], *end = v;
      if (t->n >= sizeof v) {
        c->bad = 1;
        return;
      }
      memcpy(v, t->s, t->n);
      v[t->n] = '\0';
      if (kind == 1)
        (void)strtol(v, &end, 10);
      else if (kind == 2)
        (void)strtod(v, &end);
      if (kind == 3 && (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)) {
        puts_(b, "false");
      } else if (kind == 3 && (strcmp(v, "1") == 0 ||
                               strcmp(v, "true") == 0)) {
        puts_(b, "true");
      } else if (kind != 3 && end != v && *end == '\0') {
        put(b, t->s, t->n);
      } else {
        c->bad = 1;
      }
      return;
    }
  }
  longs = memchr(t->s, '\n', t->n) != NULL;
  put(b, longs ? "\"\"\"" : "\"", longs ? 3 : 1);
  /* only '"' and '\' are escaped */
  p = t->s;
  e = t->s + t->n;
  q = memchr(p, '"', t->n);
  bs = memchr(p, '\\', t->n);
  while (q != NULL || bs != NULL) {
    const char *x = q == NULL || (bs != NULL && bs < q) ? bs : q;
    put(b, p, (size_t)(x - p));
    put(b, "\\", 1);
    p = x; /* the byte itself goes out with the next piece */
    if (x == q)
      q = memchr(x + 1, '"', (size_t)(e - x - 1));
    else
      bs = memchr(x + 1, '\\', (size_t)(e - x - 1));
  }
  put(b, p, (size_t)(e - p));
  put(b, longs ? "\"\"\"" : "\"", longs ? 3 : 1);
  if (t->dt != NULL) {
    put(b, "^^", 2);
    write_iri(c, b, t->dt, t->dtn, 0);
  } else if (t->lang != NULL) {
    put(b, "@", 1);
    put(b, t->lang, t->langn);
  }
}

ng_status ngi_lines_turtle(const char *nt, size_t len, const char *base,
                           char **out, size_t *outlen, char *err)
{
  ctx c;
  tbuf b = {NULL, 0, 0, 0};
  triple *v = NULL;
  const triple **pv = NULL, **tmp = NULL, **sorted;
  char *copy = NULL;
  size_t n = 0, i;
  ng_status st = NG_OK;

  *out = NULL;
  *outlen = 0;
  init_cls();
  memset(&c, 0, sizeof c);
  memset(c.bylen, -1, sizeof c.bylen);
  c.other = -1;
  st = ngi_lines_parse(nt, len, NGI_NT_LOWER, &v, &n, &copy);
  if (st == NG_EFORMAT) {
    c.bad = 1;
    st = NG_OK;
  }
  if (n == 0)
    c.bad = 1;
  if (st == NG_OK && !c.bad) {
    pv = malloc(2 * n * sizeof *pv);
    b.cap = len + 4096; /* Turtle is shorter than its N-Triples */
    b.p = malloc(b.cap);
    if (pv == NULL || b.p == NULL)
      st = NG_ENOMEM;
  }
  if (st == NG_OK && !c.bad) {
    for (i = 0; i < n; i++)
      pv[i] = &v[i];
    tmp = pv + n;
    sorted = sort_triples(pv, tmp, n);
    /* the namespaces: raptor's rdf:, then the serializers' */
    declare(&c, "rdf", NGI_RDF);
    ngi_serialize_prefixes(base, declare_one, &c);
    for (i = 0; i < c.n; i++) {
      puts_(&b, "@prefix ");
      puts_(&b, c.v[i].prefix);
      puts_(&b, ": <");
      put(&b, c.v[i].uri, c.v[i].len);
      puts_(&b, "> .\n");
    }
    put(&b, "\n", 1);
    for (i = 0; i < n; i++) {
      const triple *t = sorted[i];
      if (i == 0 || ngi_ntterm_cmp(&t->s, &sorted[i - 1]->s) != 0) {
        if (i > 0)
          puts_(&b, " .\n\n");
        write_iri(&c, &b, t->s.s, t->s.n, 1);
        puts_(&b, "\n    ");
      } else if (ngi_ntterm_cmp(&t->p, &sorted[i - 1]->p) != 0) {
        puts_(&b, " ;\n    ");
      } else {
        puts_(&b, ", ");
        write_object(&c, &b, &t->o);
        continue;
      }
      if (t->p.n == sizeof NGI_RDF "type" - 1 &&
          memcmp(t->p.s, NGI_RDF "type", t->p.n) == 0)
        put(&b, "a", 1);
      else
        write_iri(&c, &b, t->p.s, t->p.n, 0);
      put(&b, " ", 1);
      write_object(&c, &b, &t->o);
    }
    puts_(&b, " .\n\n");
    if (b.oom)
      st = NG_ENOMEM;
  }
  for (i = 0; i < c.n; i++)
    free(c.v[i].uri);
  free(v);
  free(pv);
  free(copy);
  if (st == NG_OK && c.bad) {
    ngi_graph_errf(err, "this graph is written through raptor");
    st = NG_EFORMAT;
  } else if (st == NG_ENOMEM) {
    ngi_graph_errf(err, "out of memory");
  }
  if (st != NG_OK) {
    free(b.p);
    return st;
  }
  b.p[b.n] = '\0';
  *out = b.p;
  *outlen = b.n;
  return NG_OK;
}

ng_status ng_graph_turtle(ng_graph *g, char **buf, size_t *len, char *err)
{
  char *nt = NULL;
  size_t ntlen = 0;
  ng_status st;

  *buf = NULL;
  *len = 0;
  st = ngi_lines_text(g, &nt, &ntlen, err);
  if (st != NG_OK)
    return st;
  st = ngi_lines_turtle(nt, ntlen,
                        ngi_graph_base(g) != NULL ? ngi_graph_base(g)
                                                  : NG_DEFAULT_BASE,
                        buf, len, err);
  free(nt);
  return st;
}
