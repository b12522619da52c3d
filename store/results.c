/* results.c - SELECT and ASK results written out (ngi_results_write, for
 * query.c's ng_store_query): SPARQL 1.1 Query Results JSON, the SPARQL
 * Query Results XML Format, SPARQL 1.1 CSV and TSV, each as its W3C
 * specification says, and "table", aligned columns of plain values for
 * people.  rasqal's own writers are not used: its JSON has two keys the
 * specification does not, its table prints librdf's debugging forms.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

#define XSD "http://www.w3.org/2001/XMLSchema#"

/* ------------------------------------------------------------ escaping */

static void
json_str(FILE *out, const char *s)
{
  const unsigned char *p = (const unsigned char *)s;

  putc('"', out);
  for(; *p; p++) {
    switch(*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    case '\b': fputs("\\b", out); break;
    case '\f': fputs("\\f", out); break;
    default:
      if(*p < 0x20)
        fprintf(out, "\\u%04X", *p);
      else
        putc(*p, out);
    }
  }
  putc('"', out);
}

/* XML 1.0 text or attribute value; characters XML 1.0 cannot carry (C0
 * controls other than tab, LF, CR) become U+FFFD. */
static void
xml_str(FILE *out, const char *s)
{
  const unsigned char *p = (const unsigned char *)s;

  for(; *p; p++) {
    switch(*p) {
    case '&': fputs("&amp;", out); break;
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '"': fputs("&quot;", out); break;
    case '\r': fputs("&#13;", out); break;
    default:
      if(*p < 0x20 && *p != '\t' && *p != '\n')
        fputs("\xEF\xBF\xBD", out);
      else
        putc(*p, out);
    }
  }
}

/* RFC 4180: quoted when it holds a quote, comma, CR or LF. */
static void
csv_str(FILE *out, const char *s)
{
  if(!strpbrk(s, "\",\r\n")) {
    fputs(s, out);
    return;
  }
  putc('"', out);
  for(; *s; s++) {
    if(*s == '"')
      putc('"', out);
    putc(*s, out);
  }
  putc('"', out);
}

/* The inside of a Turtle string or IRI (TSV). */
static void
ttl_str(FILE *out, const char *s, int iri)
{
  const unsigned char *p = (const unsigned char *)s;

  for(; *p; p++) {
    if(iri) {
      if(*p <= 0x20 || strchr("<>\"{}|^`\\", *p))
        fprintf(out, "\\u%04X", *p);
      else
        putc(*p, out);
      continue;
    }
    switch(*p) {
    case '"': fputs("\\\"", out); break;
    case '\\': fputs("\\\\", out); break;
    case '\n': fputs("\\n", out); break;
    case '\r': fputs("\\r", out); break;
    case '\t': fputs("\\t", out); break;
    default:
      if(*p < 0x20 || *p == 0x7f)
        fprintf(out, "\\u%04X", *p);
      else
        putc(*p, out);
    }
  }
}

/* ------------------------------------------------------------ terms */

typedef struct term {
  int kind;          /* 0 unbound, 'u' IRI, 'l' literal, 'b' blank */
  const char *text;  /* IRI, lexical form or blank label */
  const char *lang;  /* NULL or a language tag */
  const char *dt;    /* NULL or a datatype IRI */
} term;

static void
term_of(librdf_node *n, term *t)
{
  memset(t, 0, sizeof *t);
  if(!n)
    return;
  if(librdf_node_is_resource(n)) {
    t->kind = 'u';
    t->text = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  } else if(librdf_node_is_blank(n)) {
    t->kind = 'b';
    t->text = (const char *)librdf_node_get_blank_identifier(n);
  } else if(librdf_node_is_literal(n)) {
    librdf_uri *dt = librdf_node_get_literal_value_datatype_uri(n);
    const char *lang = librdf_node_get_literal_value_language(n);
    t->kind = 'l';
    t->text = (const char *)librdf_node_get_literal_value(n);
    t->lang = lang && *lang ? lang : NULL;
    t->dt = dt ? (const char *)librdf_uri_as_string(dt) : NULL;
  }
  if(t->kind && !t->text)
    t->text = "";
}

/* An xsd:integer written as digits: TSV may give it as a bare number. */
static int
bare_integer(const term *t)
{
  const char *s = t->text;

  if(!t->dt || strcmp(t->dt, XSD "integer"))
    return 0;
  if(*s == '+' || *s == '-')
    s++;
  if(!*s)
    return 0;
  for(; *s; s++)
    if(*s < '0' || *s > '9')
      return 0;
  return 1;
}

static void
json_term(FILE *out, const term *t)
{
  fputs("{ \"type\": ", out);
  fputs(t->kind == 'u' ? "\"uri\"" : t->kind == 'b' ? "\"bnode\""
                                                     : "\"literal\"", out);
  fputs(", \"value\": ", out);
  json_str(out, t->text);
  if(t->lang) {
    fputs(", \"xml:lang\": ", out);
    json_str(out, t->lang);
  } else if(t->dt) {
    fputs(", \"datatype\": ", out);
    json_str(out, t->dt);
  }
  fputs(" }", out);
}

static void
xml_term(FILE *out, const term *t)
{
  if(t->kind == 'u') {
    fputs("<uri>", out);
    xml_str(out, t->text);
    fputs("</uri>", out);
  } else if(t->kind == 'b') {
    fputs("<bnode>", out);
    xml_str(out, t->text);
    fputs("</bnode>", out);
  } else {
    fputs("<literal", out);
    if(t->lang) {
      fputs(" xml:lang=\"", out);
      xml_str(out, t->lang);
      putc('"', out);
    } else if(t->dt) {
      fputs(" datatype=\"", out);
      xml_str(out, t->dt);
      putc('"', out);
    }
    putc('>', out);
    xml_str(out, t->text);
    fputs("</literal>", out);
  }
}

static void
tsv_term(FILE *out, const term *t)
{
  if(t->kind == 'u') {
    putc('<', out);
    ttl_str(out, t->text, 1);
    putc('>', out);
  } else if(t->kind == 'b') {
    fprintf(out, "_:%s", t->text);
  } else if(bare_integer(t)) {
    fputs(t->text, out);
  } else {
    putc('"', out);
    ttl_str(out, t->text, 0);
    putc('"', out);
    if(t->lang) {
      fprintf(out, "@%s", t->lang);
    } else if(t->dt && strcmp(t->dt, XSD "string")) {
      fputs("^^<", out);
      ttl_str(out, t->dt, 1);
      putc('>', out);
    }
  }
}

/* ------------------------------------------------------------ table */

/* A table cell: the plain value, control characters shown as \n, \t. */
static char *
cell_of(const term *t)
{
  const char *s = t->kind ? t->text : "";
  size_t n = strlen(s), k = 0;
  char *c = malloc(2 * n + 3);

  if(!c)
    return NULL;
  if(t->kind == 'b') {
    c[k++] = '_';
    c[k++] = ':';
  }
  for(; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if(ch == '\n' || ch == '\t' || ch == '\r') {
      c[k++] = '\\';
      c[k++] = ch == '\n' ? 'n' : ch == '\t' ? 't' : 'r';
    } else if(ch < 0x20 || ch == 0x7f) {
      c[k++] = ' ';
    } else {
      c[k++] = (char)ch;
    }
  }
  c[k] = '\0';
  return c;
}

/* Width on a terminal: code points (UTF-8 continuation bytes skipped). */
static size_t
width(const char *s)
{
  size_t w = 0;

  for(; *s; s++)
    if(((unsigned char)*s & 0xC0) != 0x80)
      w++;
  return w;
}

static void
pad(FILE *out, const char *s, size_t w, int last)
{
  size_t n = width(s);

  fputs(s, out);
  if(!last)
    for(; n < w; n++)
      putc(' ', out);
}

static ng_status
write_table(librdf_query_results *res, size_t ncols, const char **names,
            FILE *out, char *err)
{
  char **cells = NULL;
  size_t nrows = 0, cap = 0, i, j, *w;
  ng_status rc = NG_OK;

  w = calloc(ncols + 1, sizeof *w);
  if(!w) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  for(j = 0; j < ncols; j++)
    w[j] = width(names[j]);
  for(; rc == NG_OK && !librdf_query_results_finished(res);
      librdf_query_results_next(res)) {
    if(nrows == cap) {
      size_t nc = cap ? 2 * cap : 64;
      char **c = realloc(cells, nc * (ncols + 1) * sizeof *c);
      if(!c) {
        rc = NG_ENOMEM;
        break;
      }
      cells = c;
      cap = nc;
    }
    for(j = 0; j < ncols; j++) {
      librdf_node *n = librdf_query_results_get_binding_value(res, (int)j);
      term t;
      char *c;
      term_of(n, &t);
      c = cell_of(&t);
      if(n)
        librdf_free_node(n);
      cells[nrows * ncols + j] = c;
      if(!c) {
        for(j++; j < ncols; j++)
          cells[nrows * ncols + j] = NULL;
        rc = NG_ENOMEM;
        break;
      }
      if(width(c) > w[j])
        w[j] = width(c);
    }
    nrows++;
  }
  if(rc == NG_OK) {
    for(j = 0; j < ncols; j++) {
      if(j)
        fputs(" | ", out);
      pad(out, names[j], w[j], j + 1 == ncols);
    }
    putc('\n', out);
    for(j = 0; j < ncols; j++) {
      size_t k;
      if(j)
        fputs("-+-", out);
      for(k = 0; k < w[j]; k++)
        putc('-', out);
    }
    putc('\n', out);
    for(i = 0; i < nrows; i++) {
      for(j = 0; j < ncols; j++) {
        const char *c = cells[i * ncols + j];
        if(j)
          fputs(j + 1 == ncols && !*c ? " |" : " | ", out);
        pad(out, c, w[j], j + 1 == ncols);
      }
      putc('\n', out);
    }
  } else {
    ngi_store_errf(err, "out of memory");
  }
  for(i = 0; i < nrows * ncols; i++)
    free(cells[i]);
  free(cells);
  free(w);
  return rc;
}

/* ------------------------------------------------------------ writing */

static void
write_boolean(int b, const char *format, FILE *out)
{
  if(!strcmp(format, "json")) {
    fprintf(out, "{\n  \"head\": { },\n  \"boolean\": %s\n}\n",
            b ? "true" : "false");
  } else if(!strcmp(format, "xml")) {
    fprintf(out, "<?xml version=\"1.0\"?>\n"
                 "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
                 "  <head>\n  </head>\n  <boolean>%s</boolean>\n</sparql>\n",
            b ? "true" : "false");
  } else {
    /* CSV and TSV have no form for ASK: the answer alone */
    fputs(b ? "true\n" : "false\n", out);
  }
}

static void
write_head(const char *format, size_t ncols, const char **names, FILE *out)
{
  size_t j;

  if(!strcmp(format, "json")) {
    fputs("{\n  \"head\": { \"vars\": [ ", out);
    for(j = 0; j < ncols; j++) {
      if(j)
        fputs(", ", out);
      json_str(out, names[j]);
    }
    fputs(" ] },\n  \"results\": {\n    \"bindings\": [", out);
  } else if(!strcmp(format, "xml")) {
    fputs("<?xml version=\"1.0\"?>\n"
          "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
          "  <head>\n", out);
    for(j = 0; j < ncols; j++) {
      fputs("    <variable name=\"", out);
      xml_str(out, names[j]);
      fputs("\"/>\n", out);
    }
    fputs("  </head>\n  <results>\n", out);
  } else {
    int csv = !strcmp(format, "csv");
    for(j = 0; j < ncols; j++) {
      if(j)
        putc(csv ? ',' : '\t', out);
      if(csv) {
        csv_str(out, names[j]);
      } else {
        putc('?', out);
        fputs(names[j], out);
      }
    }
    fputs(csv ? "\r\n" : "\n", out);
  }
}

static void
write_row(const char *format, size_t ncols, const char **names,
          const term *t, int first, FILE *out)
{
  size_t j;
  int any = 0;

  if(!strcmp(format, "json")) {
    fputs(first ? "\n      {" : ",\n      {", out);
    for(j = 0; j < ncols; j++) {
      if(!t[j].kind)
        continue;
      fputs(any ? ",\n        " : "\n        ", out);
      json_str(out, names[j]);
      fputs(": ", out);
      json_term(out, &t[j]);
      any = 1;
    }
    fputs(any ? "\n      }" : "}", out);
  } else if(!strcmp(format, "xml")) {
    fputs("    <result>\n", out);
    for(j = 0; j < ncols; j++) {
      if(!t[j].kind)
        continue;
      fputs("      <binding name=\"", out);
      xml_str(out, names[j]);
      fputs("\">", out);
      xml_term(out, &t[j]);
      fputs("</binding>\n", out);
    }
    fputs("    </result>\n", out);
  } else if(!strcmp(format, "csv")) {
    for(j = 0; j < ncols; j++) {
      if(j)
        putc(',', out);
      if(t[j].kind == 'b')
        fputs("_:", out);
      if(t[j].kind)
        csv_str(out, t[j].text);
    }
    fputs("\r\n", out);
  } else {
    for(j = 0; j < ncols; j++) {
      if(j)
        putc('\t', out);
      if(t[j].kind)
        tsv_term(out, &t[j]);
    }
    putc('\n', out);
  }
}

static void
write_tail(const char *format, int rows, FILE *out)
{
  if(!strcmp(format, "json"))
    fputs(rows ? "\n    ]\n  }\n}\n" : " ]\n  }\n}\n", out);
  else if(!strcmp(format, "xml"))
    fputs("  </results>\n</sparql>\n", out);
}

ng_status
ngi_results_write(ng_store *st, librdf_query_results *res,
                  const char *format, FILE *out, char *err)
{
  const char **names = NULL;
  librdf_node **vals = NULL;
  term *t = NULL;
  size_t ncols, j;
  ng_status rc = NG_OK;
  int n, rows = 0;

  if(!format)
    format = "table";
  if(librdf_query_results_is_boolean(res)) {
    int b = librdf_query_results_get_boolean(res);
    if(b < 0) {
      ngi_store_log_err(st, "query error", err);
      return NG_EQUERY;
    }
    write_boolean(b, format, out);
    return NG_OK;
  }
  n = librdf_query_results_get_bindings_count(res);
  ncols = n > 0 ? (size_t)n : 0;
  names = calloc(ncols + 1, sizeof *names);
  vals = calloc(ncols + 1, sizeof *vals);
  t = calloc(ncols + 1, sizeof *t);
  if(!names || !vals || !t) {
    rc = NG_ENOMEM;
    ngi_store_errf(err, "out of memory");
    goto done;
  }
  for(j = 0; j < ncols; j++) {
    names[j] = librdf_query_results_get_binding_name(res, (int)j);
    if(!names[j])
      names[j] = "";
  }
  if(!strcmp(format, "table")) {
    rc = write_table(res, ncols, names, out, err);
    goto done;
  }
  write_head(format, ncols, names, out);
  for(; !librdf_query_results_finished(res); librdf_query_results_next(res)) {
    for(j = 0; j < ncols; j++) {
      vals[j] = librdf_query_results_get_binding_value(res, (int)j);
      term_of(vals[j], &t[j]);
    }
    write_row(format, ncols, names, t, !rows, out);
    rows = 1;
    for(j = 0; j < ncols; j++)
      if(vals[j]) {
        librdf_free_node(vals[j]);
        vals[j] = NULL;
      }
  }
  write_tail(format, rows, out);

done:
  free(names);
  free(vals);
  free(t);
  return rc;
}
