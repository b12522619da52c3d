/* ntline.c - the one reader of the N-Triples lines of a graph of lines
 * (ng_graph_lines: batch.c's text, sorted) back into terms, for the
 * writers that work without a librdf model: turtle.c, ntriples.c and the
 * JSON-LD path (jsonld_stmts.c).  The escape rules of a line live here
 * and nowhere else.
 *
 * A line is "<s> <p> O ." with O an <IRI> or a literal "..." with an
 * optional @lang or ^^<datatype>.  IRIs are taken as written (no
 * escapes).  A literal's value is taken where it is when it has no
 * backslash; otherwise it is unescaped (\" \\ \n \r \t \b \f, \uXXXX and
 * \UXXXXXXXXX as UTF-8) into a copy, made only when some line needs it.
 *
 * What the writers hand back to raptor is NG_EFORMAT: blank nodes,
 * anything not in the shape above, escapes in IRIs, a bad or NUL escape
 * in a literal, and as the caller asks (NGI_NT_ASCII, NGI_NT_LOWER) IRIs
 * past ASCII or language tags with capitals.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "iri.h"
#include "ntline.h"

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

/* 1 when one of the 8 bytes at p is past ASCII or a backslash. */
static int odd8(const char *p)
{
  uint64_t w, x;

  memcpy(&w, p, 8);
  x = w ^ 0x5c5c5c5c5c5c5c5cull; /* a zero byte where w has '\\' */
  return ((w | ((x - 0x0101010101010101ull) & ~x)) &
          0x8080808080808080ull) != 0;
}

/* The first close after p when p is at open, or NULL. */
static const char *closing(const char *p, const char *e, char open,
                           char close)
{
  if (p >= e || *p != open)
    return NULL;
  return memchr(p + 1, close, (size_t)(e - p - 1));
}

/* <IRI> at p, into t.  Returns the end, or NULL. */
static const char *read_iri(const char *p, const char *e, unsigned flags,
                            ngi_ntterm *t)
{
  const char *q, *r;

  if ((q = closing(p, e, '<', '>')) == NULL)
    return NULL;
  if (flags & NGI_NT_ASCII) {
    for (r = p + 1; r + 8 <= q; r += 8)
      if (odd8(r))
        break;
    for (; r < q; r++)
      if (*r == '\\' || (unsigned char)*r >= 0x80)
        return NULL;
  } else if (memchr(p + 1, '\\', (size_t)(q - p - 1)) != NULL) {
    return NULL;
  }
  t->s = p + 1;
  t->n = (size_t)(q - p - 1);
  return q + 1;
}

static int hexval(char h)
{
  return h >= '0' && h <= '9'   ? h - '0'
         : h >= 'A' && h <= 'F' ? h - 'A' + 10
         : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
}

/* The escaped value from p (just past the opening quote, before the
 * first backslash b) unescaped into w; the closing quote, or NULL. */
static const char *unescape(const char *p, const char *b, const char *e,
                            char *w, ngi_ntterm *t)
{
  char *v = w;

  memcpy(v, p, (size_t)(b - p));
  v += b - p;
  for (p = b; p < e && *p != '"'; p++) {
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
      int k = *p == 'u' ? 4 : 8, h;
      unsigned long cp = 0;
      if (e - p <= k)
        return NULL;
      for (; k > 0; k--) {
        if ((h = hexval(*++p)) < 0)
          return NULL;
        cp = cp << 4 | (unsigned long)h;
      }
      if ((v = put_utf8(v, cp)) == NULL)
        return NULL;
      break;
    }
    default:
      return NULL;
    }
  }
  if (p >= e)
    return NULL;
  t->s = w;
  t->n = (size_t)(v - w);
  return p;
}

/* Results of read_line besides 0 (read). */
enum { LINE_BAD = -1, LINE_COPY = 1 };

/* The literal at p into t; an escaped value goes to w (room for e - p
 * bytes at least), or when w is NULL *copy is set.  Returns the end, or
 * NULL. */
static const char *read_lit(const char *p, const char *e, char *w,
                            unsigned flags, ngi_ntterm *t, int *copy)
{
  const char *q, *b;

  if ((q = closing(p, e, '"', '"')) == NULL)
    return NULL;
  b = memchr(p + 1, '\\', (size_t)(q - p - 1));
  if (b == NULL) {
    t->s = p + 1;
    t->n = (size_t)(q - p - 1);
  } else if (w == NULL) {
    *copy = 1;
    return NULL;
  } else if ((q = unescape(p + 1, b, e, w, t)) == NULL) {
    return NULL;
  }
  t->lit = 1;
  p = q + 1;
  if (p < e && *p == '@') {
    t->lang = ++p;
    while (p < e && *p != ' ') {
      if ((flags & NGI_NT_LOWER) && *p >= 'A' && *p <= 'Z')
        return NULL; /* librdf may lower-case it */
      p++;
    }
    t->langn = (size_t)(p - t->lang);
  } else if (p + 1 < e && p[0] == '^' && p[1] == '^') {
    ngi_ntterm d;
    if ((p = read_iri(p + 2, e, flags, &d)) == NULL)
      return NULL;
    t->dt = d.s;
    t->dtn = d.n;
  }
  return p;
}

/* The line p[0..e) (no new line) into t: 0, LINE_BAD, or LINE_COPY when
 * w is NULL and the literal needs a copy. */
static int read_line(const char *p, const char *e, char *w, unsigned flags,
                     ngi_ntriple *t)
{
  int copy = 0;

  memset(t, 0, sizeof *t);
  p = read_iri(p, e, flags, &t->s);
  if (p != NULL && p < e && *p == ' ')
    p = read_iri(p + 1, e, flags, &t->p);
  else
    p = NULL;
  if (p != NULL && p + 1 < e && *p == ' ')
    p = p[1] == '"' ? read_lit(p + 1, e, w, flags, &t->o, &copy)
                    : read_iri(p + 1, e, flags, &t->o);
  else
    p = NULL;
  if (copy)
    return LINE_COPY;
  if (p == NULL || e - p != 2 || p[0] != ' ' || p[1] != '.')
    return LINE_BAD;
  return 0;
}

ng_status ngi_lines_text(ng_graph *g, char **nt, size_t *len,
                         char *err)
{
  *nt = NULL;
  *len = 0;
  if (g == NULL || ngi_graph_lines_of(g) == NULL) {
    ngi_graph_errf(err, "not a graph of lines");
    return NG_EUSAGE;
  }
  return ng_graph_lines(g, NULL, nt, len, err);
}

ng_status ngi_lines_parse(const char *nt, size_t len, unsigned flags,
                          ngi_ntriple **out, size_t *nout, char **vals)
{
  const char *p = nt, *e = nt + len;
  size_t n = 0, cap = len / 96 + 16;
  ngi_ntriple *v = malloc(cap * sizeof *v);

  *out = NULL;
  *nout = 0;
  *vals = NULL;
  if (v == NULL)
    return NG_ENOMEM;
  while (p < e) {
    const char *eol = memchr(p, '\n', (size_t)(e - p));
    ngi_ntriple *t;
    int r;

    if (eol == NULL)
      eol = e;
    if (n == cap) {
      ngi_ntriple *nv = realloc(v, 2 * cap * sizeof *nv);
      if (nv == NULL)
        goto oom;
      v = nv;
      cap *= 2;
    }
    t = &v[n];
    /* an escaped value goes where its line is in a copy of nt (never
     * longer unescaped: \uXXXX is 6 bytes for at most 3) */
    while ((r = read_line(p, eol, *vals != NULL ? *vals + (p - nt) : NULL,
                          flags, t)) == LINE_COPY)
      if ((*vals = malloc(len + 1)) == NULL)
        goto oom;
    if (r != 0) {
      free(v);
      free(*vals);
      *vals = NULL;
      return NG_EFORMAT;
    }
    if (n > 0) { /* share the previous line's terms: equal by address */
      const ngi_ntriple *u = t - 1;
      if (u->s.n == t->s.n && memcmp(u->s.s, t->s.s, t->s.n) == 0)
        t->s.s = u->s.s;
      if (u->p.n == t->p.n && memcmp(u->p.s, t->p.s, t->p.n) == 0)
        t->p.s = u->p.s;
    }
    n++;
    p = eol + 1;
  }
  *out = v;
  *nout = n;
  return NG_OK;
oom:
  free(v);
  free(*vals);
  *vals = NULL;
  return NG_ENOMEM;
}

/* ------------------------------------------------------------ order */

static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
  int c;

  if (a == b && an == bn)
    return 0; /* the same term, shared by ngi_lines_parse */
  c = memcmp(a, b, an < bn ? an : bn);
  if (c != 0)
    return c;
  return an < bn ? -1 : an > bn;
}

int ngi_ntterm_cmp(const ngi_ntterm *a, const ngi_ntterm *b)
{
  int c;

  if (a->lit != b->lit)
    return a->lit - b->lit;
  c = bytes_cmp(a->s, a->n, b->s, b->n);
  if (c != 0 || !a->lit)
    return c;
  if ((a->lang != NULL) != (b->lang != NULL))
    return a->lang == NULL ? -1 : 1;
  if (a->lang != NULL && (c = bytes_cmp(a->lang, a->langn, b->lang,
                                        b->langn)) != 0)
    return c;
  if ((a->dt != NULL) != (b->dt != NULL))
    return a->dt == NULL ? -1 : 1;
  return a->dt != NULL ? bytes_cmp(a->dt, a->dtn, b->dt, b->dtn) : 0;
}
