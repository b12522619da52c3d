/* jsonl.c - one JSON Lines record to an article, with json-c.
 *
 * A record is an object: "text" (plain article text) or "html" (a page,
 * read by html.c), and optionally "id" (string or number), "url",
 * "title", "date", "author" (a string, an array of strings, or objects
 * with "name").  Unknown keys are ignored; a wrong type is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "input.h"

static char *dup_n(const char *s, size_t n)
{
  char *d = malloc(n + 1);

  if (d != NULL) {
    memcpy(d, s, n);
    d[n] = '\0';
  }
  return d;
}

/* A string member as a copy; 1 when absent or null, -1 on a wrong type,
 * 0 when set.  Numbers are accepted where `numbers` (ids). */
static int member_len(json_object *o, const char *key, int numbers,
                      char **out, size_t *len, char *err)
{
  json_object *v;
  const char *s;

  *out = NULL;
  *len = 0;
  if (!json_object_object_get_ex(o, key, &v) || v == NULL)
    return 1;
  if (json_object_is_type(v, json_type_string)) {
    s = json_object_get_string(v);
    *len = (size_t)json_object_get_string_len(v);
    *out = dup_n(s, *len);
  } else if (numbers && json_object_is_type(v, json_type_int)) {
    s = json_object_get_string(v);
    /* json-c saturates a number past 64 bits: the digits would be lost */
    if (!strcmp(s, "18446744073709551615") ||
        !strcmp(s, "9223372036854775807") ||
        !strcmp(s, "-9223372036854775808")) {
      snprintf(err, NGI_INPUT_ERRLEN, "\"%s\" is a number too large to "
               "keep (give it as a string)", key);
      return -1;
    }
    *len = strlen(s);
    *out = dup_n(s, *len);
  } else {
    snprintf(err, NGI_INPUT_ERRLEN, "\"%s\" is not a string", key);
    return -1;
  }
  if (*out == NULL) {
    snprintf(err, NGI_INPUT_ERRLEN, "out of memory");
    return -1;
  }
  return 0;
}

/* The same without the length; a string with a NUL byte ("\u0000") is
 * refused, since C strings would cut it short. */
static int member(json_object *o, const char *key, int numbers, char **out,
                  char *err)
{
  size_t len;
  int r = member_len(o, key, numbers, out, &len, err);

  if (r == 0 && strlen(*out) != len) {
    free(*out);
    *out = NULL;
    snprintf(err, NGI_INPUT_ERRLEN, "\"%s\" holds a NUL character", key);
    return -1;
  }
  return r;
}

/* "author": "A", ["A", "B"], {"name": "A"} or [{"name": "A"}, ...];
 * authors joined with newlines. */
static int authors(json_object *o, char **out, char *err)
{
  json_object *v, *one, *name;
  size_t i, n = 1, len = 0;
  char *buf = NULL;

  *out = NULL;
  if (!json_object_object_get_ex(o, "author", &v) || v == NULL)
    return 0;
  if (json_object_is_type(v, json_type_array))
    n = json_object_array_length(v);
  for (i = 0; i < n; i++) {
    const char *s = NULL;
    size_t sl;
    char *nb;

    one = json_object_is_type(v, json_type_array)
            ? json_object_array_get_idx(v, i) : v;
    if (one != NULL && json_object_is_type(one, json_type_object) &&
        json_object_object_get_ex(one, "name", &name))
      one = name;
    if (one != NULL && json_object_is_type(one, json_type_string))
      s = json_object_get_string(one);
    if (s == NULL) {
      free(buf);
      snprintf(err, NGI_INPUT_ERRLEN, "\"author\" is not a name or a list "
               "of names");
      return -1;
    }
    sl = strlen(s);
    if (sl == 0 || strchr(s, '\n') != NULL)
      continue;
    nb = realloc(buf, len + sl + 2);
    if (nb == NULL) {
      free(buf);
      snprintf(err, NGI_INPUT_ERRLEN, "out of memory");
      return -1;
    }
    buf = nb;
    if (len > 0)
      buf[len++] = '\n';
    memcpy(buf + len, s, sl + 1);
    len += sl;
  }
  *out = buf;
  return 0;
}

int ngi_jsonl_article(const char *line, size_t len, ngi_article *a,
                      char *err)
{
  json_tokener *tok;
  json_object *o;
  enum json_tokener_error je;
  char *html = NULL;
  int r, rt, rh;

  memset(a, 0, sizeof *a);
  if (len > (size_t)0x7fffffff) {
    snprintf(err, NGI_INPUT_ERRLEN, "record too large");
    return -1;
  }
  tok = json_tokener_new();
  if (tok == NULL) {
    snprintf(err, NGI_INPUT_ERRLEN, "out of memory");
    return -1;
  }
  o = json_tokener_parse_ex(tok, line, (int)len);
  je = json_tokener_get_error(tok);
  if (o != NULL && je == json_tokener_success) {
    /* nothing but white space may follow the object */
    size_t off = json_tokener_get_parse_end(tok);
    while (off < len && (line[off] == ' ' || line[off] == '\t' ||
                         line[off] == '\r' || line[off] == '\n'))
      off++;
    if (off < len) {
      json_object_put(o);
      json_tokener_free(tok);
      snprintf(err, NGI_INPUT_ERRLEN, "invalid JSON: text after the "
               "object");
      return -1;
    }
  }
  json_tokener_free(tok);
  if (o == NULL || je != json_tokener_success) {
    if (o != NULL)
      json_object_put(o);
    snprintf(err, NGI_INPUT_ERRLEN, "invalid JSON: %s",
             je == json_tokener_continue ? "unexpected end of the line"
                                         : json_tokener_error_desc(je));
    return -1;
  }
  if (!json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    snprintf(err, NGI_INPUT_ERRLEN, "a record must be a JSON object");
    return -1;
  }
  r = 0;
  if (member(o, "id", 1, &a->id, err) < 0 ||
      member(o, "url", 0, &a->url, err) < 0 ||
      member(o, "title", 0, &a->title, err) < 0 ||
      member(o, "date", 0, &a->date, err) < 0 ||
      authors(o, &a->author, err) < 0)
    r = -1;
  if (r == 0) {
    /* the text keeps its length: a NUL in it is the extractor's to
     * refuse, as in a file */
    rt = member_len(o, "text", 0, &a->text, &a->len, err);
    rh = rt == 0 ? 1 : rt < 0 ? -1 : member(o, "html", 0, &html, err);
    if (rt < 0 || rh < 0) {
      r = -1;
    } else if (rt == 1 && rh == 1) {
      snprintf(err, NGI_INPUT_ERRLEN, "no \"text\" or \"html\" in the "
               "record");
      r = -1;
    }
  }
  json_object_put(o);
  if (r == 0 && a->text == NULL && html != NULL) {
    ngi_article page;
    if (ngi_html_article(html, strlen(html), a->url, &page, err) != 0) {
      r = -1;
    } else {
      /* the record's own fields win over the page's */
      a->text = page.text;
      a->len = page.len;
      page.text = NULL;
#define TAKE(f) if (a->f == NULL) { a->f = page.f; page.f = NULL; }
      TAKE(title) TAKE(date) TAKE(author) TAKE(url)
#undef TAKE
      ngi_article_release(&page);
    }
  }
  free(html);
  if (r != 0)
    ngi_article_release(a);
  return r;
}
