/* serialize.c - a librdf model out in any syntax raptor writes.
 *
 * Output is deterministic: the statements are sorted (IRIs, then blank
 * nodes, then literals, byte order) before serializing, whatever order the
 * storage keeps, and the prefixes are always the same.  The text goes
 * through a memory FILE; raptor's JSON escapes are mended on the way.
 */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include "graph.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "iri.h"
#include "jsonld.h"
#include "vocab.h"

/* ------------------------------------------------------------ formats */

static const char *const formats[] = {
  "turtle", "ntriples", "nquads", "rdfxml", "rdfxml-abbrev", "json",
  "json-triples", "dot", "html-table", "jsonld", NULL
};
/* html-table is raptor's "html" (a table of the triples); "html" is the
 * page of page/ (ng_doc_write_html), written by the command. */
/* raptor's atom and rss-1.0 writers are left out: they write only feed
 * items, so a news graph comes out empty. */

static const struct {
  const char *alias, *name;
} aliases[] = {
  {"ttl", "turtle"}, {"nt", "ntriples"}, {"nq", "nquads"},
  {"xml", "rdfxml"}, {"rdf", "rdfxml"}, {NULL, NULL}
};

const char *ngi_format_name(const char *format)
{
  size_t i;

  if (format == NULL)
    return "turtle";
  for (i = 0; formats[i] != NULL; i++)
    if (strcmp(format, formats[i]) == 0)
      return formats[i];
  for (i = 0; aliases[i].alias != NULL; i++)
    if (strcmp(format, aliases[i].alias) == 0)
      return aliases[i].name;
  return NULL;
}

int ng_format_known(const char *format)
{
  return format != NULL && ngi_format_name(format) != NULL;
}

const char *const *ng_formats(void)
{
  return formats;
}

/* ------------------------------------------------------------ writing */

static int node_rank(librdf_node *n)
{
  if (librdf_node_is_resource(n))
    return 0;
  if (librdf_node_is_blank(n))
    return 1;
  return 2;
}

static int bytes_cmp(const unsigned char *a, size_t la,
                     const unsigned char *b, size_t lb)
{
  int c = memcmp(a, b, la < lb ? la : lb);

  if (c != 0)
    return c;
  return la < lb ? -1 : la > lb;
}

static int str_cmp(const char *a, const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp(a, b);
}

static int uri_cmp(librdf_uri *a, librdf_uri *b)
{
  unsigned char *sa, *sb;
  size_t la, lb;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  sa = librdf_uri_as_counted_string(a, &la);
  sb = librdf_uri_as_counted_string(b, &lb);
  return bytes_cmp(sa, la, sb, lb);
}

static int node_cmp(librdf_node *a, librdf_node *b)
{
  int ra = node_rank(a), rb = node_rank(b), c;
  unsigned char *sa, *sb;
  size_t la, lb;

  if (ra != rb)
    return ra - rb;
  if (ra == 0)
    return uri_cmp(librdf_node_get_uri(a), librdf_node_get_uri(b));
  if (ra == 1)
    return str_cmp((const char *)librdf_node_get_blank_identifier(a),
                   (const char *)librdf_node_get_blank_identifier(b));
  sa = librdf_node_get_literal_value_as_counted_string(a, &la);
  sb = librdf_node_get_literal_value_as_counted_string(b, &lb);
  c = bytes_cmp(sa, la, sb, lb);
  if (c == 0)
    c = str_cmp(librdf_node_get_literal_value_language(a),
                librdf_node_get_literal_value_language(b));
  if (c == 0)
    c = uri_cmp(librdf_node_get_literal_value_datatype_uri(a),
                librdf_node_get_literal_value_datatype_uri(b));
  return c;
}

static int statement_cmp(const void *pa, const void *pb)
{
  librdf_statement *a = *(librdf_statement *const *)pa;
  librdf_statement *b = *(librdf_statement *const *)pb;
  int c = node_cmp(librdf_statement_get_subject(a),
                   librdf_statement_get_subject(b));

  if (c == 0)
    c = node_cmp(librdf_statement_get_predicate(a),
                 librdf_statement_get_predicate(b));
  if (c == 0)
    c = node_cmp(librdf_statement_get_object(a),
                 librdf_statement_get_object(b));
  return c;
}

/* A librdf stream over a sorted array of statements it does not own. */
typedef struct array_stream {
  librdf_statement **v;
  size_t n, i;
} array_stream;

static int as_is_end(void *ctx)
{
  array_stream *s = ctx;
  return s->i >= s->n;
}

static int as_next(void *ctx)
{
  array_stream *s = ctx;
  if (s->i < s->n)
    s->i++;
  return s->i >= s->n;
}

static void *as_get(void *ctx, int flags)
{
  array_stream *s = ctx;

  if (flags != LIBRDF_ITERATOR_GET_METHOD_GET_OBJECT || s->i >= s->n)
    return NULL;
  return s->v[s->i];
}

static void as_finished(void *ctx)
{
  (void)ctx;
}

static void free_statements(librdf_statement **v, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    librdf_free_statement(v[i]);
  free(v);
}

/* Copies of the model's statements, sorted, duplicates dropped. */
static ng_status sorted_statements(librdf_model *m, librdf_statement ***out,
                                   size_t *nout, char *err)
{
  librdf_stream *stream = librdf_model_as_stream(m);
  librdf_statement **v = NULL;
  size_t n = 0, cap = 0, i, k;

  *out = NULL;
  *nout = 0;
  if (stream == NULL) {
    ngi_graph_errf(err, "cannot list the statements of the graph");
    return NG_ERDF;
  }
  for (; !librdf_stream_end(stream); librdf_stream_next(stream)) {
    librdf_statement *s = librdf_stream_get_object(stream), *copy;

    if (n == cap) {
      size_t ncap = cap > 0 ? 2 * cap : 256;
      librdf_statement **nv = realloc(v, ncap * sizeof *nv);
      if (nv == NULL)
        break;
      v = nv;
      cap = ncap;
    }
    copy = s != NULL ? librdf_new_statement_from_statement(s) : NULL;
    if (copy == NULL)
      break;
    v[n++] = copy;
  }
  if (!librdf_stream_end(stream)) {
    librdf_free_stream(stream);
    free_statements(v, n);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  librdf_free_stream(stream);
  if (n > 1)
    qsort(v, n, sizeof *v, statement_cmp);
  for (i = 0, k = 0; i < n; i++) {
    if (k > 0 && statement_cmp(&v[k - 1], &v[i]) == 0)
      librdf_free_statement(v[i]);
    else
      v[k++] = v[i];
  }
  *out = v;
  *nout = k;
  return NG_OK;
}

static void set_ns(librdf_world *w, librdf_serializer *ser, const char *ns,
                   const char *prefix)
{
  librdf_uri *u = librdf_new_uri(w, (const unsigned char *)ns);

  if (u == NULL)
    return;
  /* serializers without prefixes (ntriples) refuse: no matter */
  librdf_serializer_set_namespace(ser, u, prefix);
  librdf_free_uri(u);
}

static void set_prefixes(librdf_world *w, librdf_serializer *ser,
                         const char *base)
{
  /* the folder under the base and its prefix: not org:, which is the W3C
   * Organization Ontology's */
  static const char *const kinds[][2] = {
    {"person", "person"}, {"org", "ngorg"}, {"role", "role"},
    {"topic", "topic"}, {"article", "article"}, {NULL, NULL}
  };
  const ngi_prefix *p;
  size_t i;

  for (p = ngi_vocab_prefixes(); p->prefix != NULL; p++)
    set_ns(w, ser, p->ns, p->prefix);
  set_ns(w, ser, NGI_TOPIC_SCHEME, "ngt");
  set_ns(w, ser, NGI_WIKIDATA, "wd");
  if (base == NULL)
    return;
  for (i = 0; kinds[i][0] != NULL; i++) {
    char *ns = ngi_iri_join(base, kinds[i][0], "/");
    if (ns != NULL)
      set_ns(w, ser, ns, kinds[i][1]);
    free(ns);
  }
}

/* raptor 2.0.15's JSON writers escape a character past U+FFFF as
 * \UXXXXXXXX, which JSON does not have (every emoji made the output
 * invalid).  Rewrite each such escape, outside escaped backslashes, as a
 * UTF-16 surrogate pair \uD8xx\uDCxx.  buf has room for len * 6 / 5 + 1
 * bytes; returns the new length. */
static size_t json_fix_astral(char *buf, size_t len)
{
  char *tmp = malloc(len + 1);
  size_t i, j;

  if (tmp == NULL)
    return (size_t)-1;
  memcpy(tmp, buf, len);
  for (i = j = 0; i < len; i++) {
    unsigned long c;
    char hex[9], *end;

    if (tmp[i] != '\\' || i + 1 >= len) {
      buf[j++] = tmp[i];
      continue;
    }
    if (tmp[i + 1] != 'U' || i + 10 > len) {
      buf[j++] = tmp[i++];
      buf[j++] = tmp[i];
      continue;
    }
    memcpy(hex, tmp + i + 2, 8);
    hex[8] = '\0';
    c = strtoul(hex, &end, 16);
    if (end != hex + 8 || c < 0x10000 || c > 0x10ffff) {
      buf[j++] = tmp[i++];
      buf[j++] = tmp[i];
      continue;
    }
    c -= 0x10000;
    snprintf(buf + j, 13, "\\u%04lX\\u%04lX", 0xd800 + (c >> 10),
             0xdc00 + (c & 0x3ff));
    j += 12;
    i += 9;
  }
  buf[j] = '\0';
  free(tmp);
  return j;
}

/* JSON-LD is ours (jsonld.c), not raptor's: one document of the default
 * graph, compacted against the context of ng_data_dir(). */
static ng_status jsonld_serialize(librdf_model *m, char **buf, size_t *len,
                                  char *err)
{
  ng_jsonld_context *c = NULL;
  ng_status st = ng_jsonld_context_load(NULL, &c, err);
  FILE *mem;

  if (st != NG_OK)
    return st;
  mem = open_memstream(buf, len);
  if (mem == NULL) {
    ng_jsonld_context_free(c);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  st = ngi_jsonld_model_write(m, c, NULL, NG_JSONLD_PRETTY, mem, err);
  if (fclose(mem) != 0 && st == NG_OK) {
    ngi_graph_errf(err, "out of memory");
    st = NG_ENOMEM;
  }
  ng_jsonld_context_free(c);
  if (st != NG_OK) {
    free(*buf);
    *buf = NULL;
    *len = 0;
  }
  return st;
}

ng_status ngi_model_serialize(librdf_world *w, librdf_model *m,
                              const char *format, const char *base,
                              char **buf, size_t *len, char *err)
{
  const char *name = ngi_format_name(format);
  librdf_statement **v;
  librdf_serializer *ser;
  librdf_stream *stream;
  array_stream as;
  FILE *mem;
  char *s = NULL;
  size_t n, slen = 0, out_len;
  ng_status st;
  int rc;

  *buf = NULL;
  *len = 0;
  if (name == NULL) {
    ngi_graph_errf(err, "unknown format '%.100s'", format);
    return NG_EFORMAT;
  }
  if (strcmp(name, "jsonld") == 0)
    return jsonld_serialize(m, buf, len, err);
  if (strcmp(name, "html-table") == 0)
    name = "html";
  ser = librdf_new_serializer(w, name, NULL, NULL);
  if (ser == NULL) {
    ngi_graph_errf(err, "format '%s' is not supported by this raptor", name);
    return NG_EFORMAT;
  }
  st = sorted_statements(m, &v, &n, err);
  if (st != NG_OK) {
    librdf_free_serializer(ser);
    return st;
  }
  set_prefixes(w, ser, base);
  as.v = v;
  as.n = n;
  as.i = 0;
  stream = librdf_new_stream(w, &as, as_is_end, as_next, as_get,
                             as_finished);
  if (stream == NULL) {
    free_statements(v, n);
    librdf_free_serializer(ser);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  /* Into a memory FILE, not raptor's counted string: that one keeps every
   * small write as its own heap block (tens of bytes of overhead for each
   * escaped term, 20x the output for N-Triples). */
  mem = open_memstream(&s, &slen);
  if (mem == NULL) {
    librdf_free_stream(stream);
    free_statements(v, n);
    librdf_free_serializer(ser);
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  rc = librdf_serializer_serialize_stream_to_file_handle(ser, mem, NULL,
                                                         stream);
  if (fflush(mem) != 0)
    rc = -1;
  out_len = slen;
  /* room for json_fix_astral, which may grow the text by a fifth */
  if (rc == 0 && strncmp(name, "json", 4) == 0) {
    size_t k;
    for (k = out_len / 5 + 1; k > 0 && putc('\0', mem) != EOF; k--)
      ;
    if (k > 0)
      rc = -1;
  }
  if (fclose(mem) != 0)
    rc = -1;
  librdf_free_stream(stream);
  free_statements(v, n);
  librdf_free_serializer(ser);
  if (rc != 0 && n == 0) /* some serializers refuse an empty graph */
    rc = 0, out_len = 0;
  if (rc != 0 || s == NULL) {
    free(s);
    ngi_graph_errf(err, "cannot serialize the graph as %s", name);
    return NG_ERDF;
  }
  s[out_len] = '\0';
  *buf = s;
  *len = out_len;
  if (strncmp(name, "json", 4) == 0) {
    *len = json_fix_astral(*buf, out_len);
    if (*len == (size_t)-1) {
      free(*buf);
      *buf = NULL;
      *len = 0;
      ngi_graph_errf(err, "out of memory");
      return NG_ENOMEM;
    }
  }
  return NG_OK;
}

ng_status ngi_model_write(librdf_world *w, librdf_model *m,
                          const char *format, const char *base, FILE *out,
                          char *err)
{
  char *buf;
  size_t len;
  ng_status st = ngi_model_serialize(w, m, format, base, &buf, &len, err);

  if (st != NG_OK)
    return st;
  errno = 0;
  if ((len > 0 && fwrite(buf, 1, len, out) != len) || fflush(out) != 0 ||
      ferror(out)) {
    const char *why = errno != 0 ? strerror(errno) : "short write";
    int c0 = why[0] >= 'A' && why[0] <= 'Z' ? why[0] - 'A' + 'a' : why[0];
    ngi_graph_errf(err, "write error: %c%s", c0, why + 1);
    free(buf);
    return NG_EIO;
  }
  free(buf);
  return NG_OK;
}

