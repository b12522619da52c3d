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
#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "iri.h"
#include "ntline.h"

typedef ngi_ntterm nterm;
typedef ngi_ntriple ntriple;

/* ngi_ntriple_cmp for qsort */
static int triple_cmp(const void *a, const void *b)
{
  return ngi_ntriple_cmp(a, b);
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

/* "<t> " at o; the end. */
static char *put_iri(char *o, const nterm *t)
{
  *o++ = '<';
  memcpy(o, t->s, t->n);
  o += t->n;
  *o++ = '>';
  *o++ = ' ';
  return o;
}

static ng_status lines_ntriples(const char *nt, size_t len, char **out,
                                size_t *outlen, char *err)
{
  size_t n = 0, i, room = 0;
  ntriple *v = NULL;
  char *vals = NULL, *buf = NULL, *o;
  ng_status st = ngi_lines_parse(nt, len, NGI_NT_ASCII, &v, &n, &vals);

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
    o = put_iri(o, &t->s);
    o = put_iri(o, &t->p);
    if (!t->o.lit) {
      o = put_iri(o, &t->o);
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
        *o++ = ' ';
      } else if (t->o.dt != NULL) {
        nterm dt = {t->o.dt, t->o.dtn, NULL, NULL, 0, 0, 0};
        *o++ = '^';
        *o++ = '^';
        o = put_iri(o, &dt);
      } else {
        *o++ = ' ';
      }
    }
    memcpy(o, ".\n", 2);
    o += 2;
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
  st = ngi_lines_text(g, &nt, &ntlen, err);
  if (st == NG_OK)
    st = lines_ntriples(nt, ntlen, buf, len, err);
  free(nt);
  return st;
}
