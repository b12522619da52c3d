/* ntriples.c - N-Triples of a graph of lines without a librdf model: the
 * bytes that ngi_model_write (serialize.c) and raptor 2.0.15's ntriples
 * serializer write for the same graph, for the front's `extract -f
 * ntriples FILE.txt` (cli/front.c), which links no RDF library.
 *
 * What they do, and this file does again: the statements sorted as
 * serialize.c's statement_cmp sorts them (subject, predicate, object;
 * IRIs before literals; IRIs bytewise; literals by their value's bytes,
 * then language, then datatype, none first), one per line; a literal's
 * '"', '\', new line, return and tab escaped with a backslash, and every
 * character past ASCII as \uXXXX or \UXXXXXXXX (upper-case hex).
 *
 * Anything else (blank nodes, escapes in IRIs or IRIs past ASCII, other
 * control characters in literals) gives NG_EFORMAT: the caller then
 * leaves the graph to raptor.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "iri.h"

typedef ngi_ntterm nterm;
typedef ngi_ntriple ntriple;

/* One code point as UTF-8 at v; the end, or NULL when it is none. */
static char *put_utf8(char *v, unsigned long cp)
{
  if (cp == 0) {
    return NULL; /* values are C strings further on */
  } else if (cp < 0x80) {
    *v++ = (char)cp;
  } else if (cp < 0x800) {
    *v++ = (char)(0xc0 | (cp >> 6));
    *v++ = (char)(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    if (cp >= 0xd800 && cp < 0xe000)
      return NULL;
    *v++ = (char)(0xe0 | (cp >> 12));
    *v++ = (char)(0x80 | ((cp >> 6) & 0x3f));
    *v++ = (char)(0x80 | (cp & 0x3f));
  } else if (cp < 0x110000) {
    *v++ = (char)(0xf0 | (cp >> 18));
    *v++ = (char)(0x80 | ((cp >> 12) & 0x3f));
    *v++ = (char)(0x80 | ((cp >> 6) & 0x3f));
    *v++ = (char)(0x80 | (cp & 0x3f));
  } else {
    return NULL;
  }
  return v;
}

/* <IRI> at p: ASCII, no escapes.  Returns the end, or NULL. */
/* 1 when one of the 8 bytes at p is past ASCII or a backslash. */
static int odd8(const char *p)
{
  uint64_t w, x;

  memcpy(&w, p, 8);
  x = w ^ 0x5c5c5c5c5c5c5c5cull; /* a zero byte where w has '\\' */
  return ((w | ((x - 0x0101010101010101ull) & ~x)) &
          0x8080808080808080ull) != 0;
}

static const char *read_iri(const char *p, const char *e, const char **s,
                            size_t *n)
{
  const char *q, *r;

  if (p >= e || *p != '<')
    return NULL;
  q = memchr(p + 1, '>', (size_t)(e - p - 1));
  if (q == NULL)
    return NULL;
  for (r = p + 1; r + 8 <= q; r += 8)
    if (odd8(r))
      break;
  for (; r < q; r++)
    if (*r == '\\' || (unsigned char)*r >= 0x80)
      return NULL;
  *s = p + 1;
  *n = (size_t)(q - p - 1);
  return q + 1;
}

/* A literal at p, its value unescaped into *val (which advances). */
static const char *read_lit(const char *p, const char *e, char **val,
                            nterm *t)
{
  char *v = *val;

  if (p >= e || *p != '"')
    return NULL;
  t->s = v;
  t->lit = 1;
  for (p++; p < e && *p != '"'; p++) {
    if (*p != '\\') {
      /* the run up to the next quote or backslash, at once */
      const char *q = p + 1;
      while (q < e && *q != '"' && *q != '\\')
        q++;
      memcpy(v, p, (size_t)(q - p));
      v += q - p;
      p = q - 1;
      continue;
    }
    if (++p >= e)
      return NULL;
    switch (*p) {
    case '"': *v++ = '"'; break;
    case '\\': *v++ = '\\'; break;
    case 'n': *v++ = '\n'; break;
    case 'r': *v++ = '\r'; break;
    case 't': *v++ = '\t'; break;
    case 'b': *v++ = '\b'; break;
    case 'f': *v++ = '\f'; break;
    case 'u':
    case 'U': {
      int k = *p == 'u' ? 4 : 8;
      unsigned long cp = 0;
      for (; k > 0; k--) {
        int h;
        if (++p >= e)
          return NULL;
        h = *p >= '0' && *p <= '9' ? *p - '0'
          : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10
          : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10 : -1;
        if (h < 0)
          return NULL;
        cp = cp << 4 | (unsigned long)h;
      }
      if ((v = put_utf8(v, cp)) == NULL)
        return NULL;
      break;
    }
    default: return NULL;
    }
  }
  if (p >= e)
    return NULL;
  t->n = (size_t)(v - t->s);
  *val = v;
  p++;
  if (p < e && *p == '@') {
    const char *l = ++p;
    while (p < e && *p != ' ')
      p++;
    t->lang = l;
    t->langn = (size_t)(p - l);
  } else if (p + 1 < e && p[0] == '^' && p[1] == '^') {
    p = read_iri(p + 2, e, &t->dt, &t->dtn);
  }
  return p;
}

static int bytes_cmp(const char *a, size_t la, const char *b, size_t lb)
{
  int c = memcmp(a, b, la < lb ? la : lb);

  if (c != 0)
    return c;
  return la < lb ? -1 : la > lb;
}

/* serialize.c's str_cmp and uri_cmp: none before any */
static int opt_cmp(const char *a, size_t la, const char *b, size_t lb)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return bytes_cmp(a, la, b, lb);
}

static int term_cmp(const nterm *a, const nterm *b)
{
  int c;

  if (a->lit != b->lit)
    return a->lit - b->lit;
  c = bytes_cmp(a->s, a->n, b->s, b->n);
  if (c == 0 && a->lit)
    c = opt_cmp(a->lang, a->langn, b->lang, b->langn);
  if (c == 0 && a->lit)
    c = opt_cmp(a->dt, a->dtn, b->dt, b->dtn);
  return c;
}

static int triple_cmp(const void *pa, const void *pb)
{
  const ntriple *a = pa, *b = pb;
  int c = term_cmp(&a->s, &b->s);

  if (c == 0)
    c = term_cmp(&a->p, &b->p);
  if (c == 0)
    c = term_cmp(&a->o, &b->o);
  return c;
}

/* The literal value v escaped as raptor's N-Triples writer does, at o
 * (room: 10 bytes a byte of v).  Returns the end, NULL on bad UTF-8. */
static char *escape(const char *v, size_t n, char *o)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *s = (const unsigned char *)v, *e = s + n;

  while (s < e) {
    unsigned long cp;
    int k, digits;

    if (*s < 0x80) {
      switch (*s) {
      case '"': *o++ = '\\'; *o++ = '"'; break;
      case '\\': *o++ = '\\'; *o++ = '\\'; break;
      case '\n': *o++ = '\\'; *o++ = 'n'; break;
      case '\r': *o++ = '\\'; *o++ = 'r'; break;
      case '\t': *o++ = '\\'; *o++ = 't'; break;
      default:
        if (*s < 0x20 || *s == 0x7f)
          return NULL;
        *o++ = (char)*s;
      }
      s++;
      continue;
    }
    if ((*s & 0xe0) == 0xc0) {
      cp = *s & 0x1f;
      k = 1;
    } else if ((*s & 0xf0) == 0xe0) {
      cp = *s & 0x0f;
      k = 2;
    } else if ((*s & 0xf8) == 0xf0) {
      cp = *s & 0x07;
      k = 3;
    } else {
      return NULL;
    }
    if (e - s <= k)
      return NULL;
    for (s++; k > 0; k--, s++) {
      if ((*s & 0xc0) != 0x80)
        return NULL;
      cp = (cp << 6) | (*s & 0x3f);
    }
    *o++ = '\\';
    if (cp < 0x10000) {
      *o++ = 'u';
      digits = 4;
    } else {
      *o++ = 'U';
      digits = 8;
    }
    while (digits-- > 0)
      *o++ = hex[(cp >> (4 * digits)) & 15];
  }
  return o;
}

ng_status ngi_lines_parse(const char *nt, size_t len, ngi_ntriple **out,
                          size_t *nout, char **vals_out)
{
  const char *p = nt, *e = nt + len;
  size_t n = 0, cap = 0;
  ntriple *v = NULL;
  /* a value unescaped is never longer than written (\uXXXX: 6 bytes for
   * at most 3) */
  char *vals = malloc(len + 1), *val = vals;

  *out = NULL;
  *nout = 0;
  *vals_out = NULL;
  if (vals == NULL)
    return NG_ENOMEM;
  while (p < e) {
    const char *eol = memchr(p, '\n', (size_t)(e - p));
    ntriple t;

    if (eol == NULL)
      eol = e;
    if (n == cap) {
      size_t ncap = cap > 0 ? 2 * cap : 256;
      ntriple *nv = realloc(v, ncap * sizeof *nv);
      if (nv == NULL) {
        free(v);
        free(vals);
        return NG_ENOMEM;
      }
      v = nv;
      cap = ncap;
    }
    memset(&t, 0, sizeof t);
    p = read_iri(p, eol, &t.s.s, &t.s.n);
    if (p != NULL && p < eol && *p == ' ')
      p = read_iri(p + 1, eol, &t.p.s, &t.p.n);
    else
      p = NULL;
    if (p != NULL && p + 1 < eol && *p == ' ')
      p = p[1] == '"' ? read_lit(p + 1, eol, &val, &t.o)
                      : read_iri(p + 1, eol, &t.o.s, &t.o.n);
    else
      p = NULL;
    if (p == NULL || eol - p != 2 || p[0] != ' ' || p[1] != '.') {
      free(v);
      free(vals);
      return NG_EFORMAT;
    }
    v[n++] = t;
    p = eol + 1;
  }
  *out = v;
  *nout = n;
  *vals_out = vals;
  return NG_OK;
}

static ng_status lines_ntriples(const char *nt, size_t len, char **out,
                                size_t *outlen, char *err)
{
  size_t n = 0, i, room = 0;
  ntriple *v = NULL;
  char *vals = NULL, *buf = NULL, *o;
  ng_status st = ngi_lines_parse(nt, len, &v, &n, &vals);

  if (st != NG_OK)
    goto out;
  for (i = 0; i < n; i++)
    room += v[i].s.n + v[i].p.n + 10 * v[i].o.n + v[i].o.langn +
            v[i].o.dtn + 16;
  if (n > 1)
    qsort(v, n, sizeof *v, triple_cmp);
  buf = malloc(room + 1);
  if (buf == NULL)
    goto oom;
  o = buf;
  for (i = 0; i < n; i++) {
    const ntriple *t = &v[i];
    *o++ = '<';
    memcpy(o, t->s.s, t->s.n);
    o += t->s.n;
    memcpy(o, "> <", 3);
    o += 3;
    memcpy(o, t->p.s, t->p.n);
    o += t->p.n;
    memcpy(o, "> ", 2);
    o += 2;
    if (!t->o.lit) {
      *o++ = '<';
      memcpy(o, t->o.s, t->o.n);
      o += t->o.n;
      *o++ = '>';
    } else {
      *o++ = '"';
      o = escape(t->o.s, t->o.n, o);
      if (o == NULL) {
        st = NG_EFORMAT;
        goto out;
      }
      *o++ = '"';
      if (t->o.lang != NULL) {
        *o++ = '@';
        memcpy(o, t->o.lang, t->o.langn);
        o += t->o.langn;
      } else if (t->o.dt != NULL) {
        memcpy(o, "^^<", 3);
        o += 3;
        memcpy(o, t->o.dt, t->o.dtn);
        o += t->o.dtn;
        *o++ = '>';
      }
    }
    memcpy(o, " .\n", 3);
    o += 3;
  }
  *out = buf;
  *outlen = (size_t)(o - buf);
  buf = NULL;
  goto out;
oom:
  st = NG_ENOMEM;
out:
  if (st == NG_EFORMAT)
    ngi_graph_errf(err, "this graph is written through raptor");
  else if (st == NG_ENOMEM)
    ngi_graph_errf(err, "out of memory");
  free(buf);
  free(vals);
  free(v);
  return st;
}

ng_status ngi_graph_ntriples(ng_graph *g, char **buf, size_t *len,
                             char *err)
{
  char *nt = NULL;
  size_t ntlen = 0;
  ng_status st;

  *buf = NULL;
  *len = 0;
  if (g == NULL || ngi_graph_lines_of(g) == NULL) {
    ngi_graph_errf(err, "not a graph of lines");
    return NG_EUSAGE;
  }
  st = ng_graph_lines(g, NULL, &nt, &ntlen, err);
  if (st == NG_OK)
    st = lines_ntriples(nt, ntlen, buf, len, err);
  free(nt);
  return st;
}
