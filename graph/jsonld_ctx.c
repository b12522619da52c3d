/* jsonld_ctx.c - JSON-LD contexts: ontology/context.jsonld loaded once
 * for the writer (ng_jsonld_context_load), and the inline contexts of a
 * document processed for the reader, with IRI expansion against them.
 *
 * A local context's terms may refer to each other in any order ("p":
 * "ng:x" before "ng"), so its terms are defined in rounds: each round
 * defines those whose prefix is known, and a round that defines nothing
 * ends it (a cycle or an undefined prefix is then an error).
 */
#define _POSIX_C_SOURCE 200809L
#include "jsonld.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include "iri.h"

/* ------------------------------------------------------------ life */

static char *dup(const char *s)
{
  char *d;

  if (s == NULL)
    return NULL;
  d = malloc(strlen(s) + 1);
  if (d != NULL)
    strcpy(d, s);
  return d;
}

ng_jsonld_context *ngi_jctx_new(void)
{
  return calloc(1, sizeof(ng_jsonld_context));
}

static void term_release(ngi_jterm *t)
{
  free(t->name);
  free(t->iri);
  free(t->type);
  free(t->lang);
}

void ng_jsonld_context_free(ng_jsonld_context *c)
{
  size_t i;

  if (c == NULL)
    return;
  for (i = 0; i < c->n; i++)
    term_release(&c->t[i]);
  free(c->t);
  free(c->base);
  free(c->vocab);
  free(c->lang);
  free(c->head_pretty);
  free(c->head_plain);
  free(c);
}

/* Copy s into *dst unless both are NULL; 0, or -1 when out of memory. */
static int copy_str(char **dst, const char *s)
{
  *dst = NULL;
  if (s == NULL)
    return 0;
  *dst = dup(s);
  return *dst != NULL ? 0 : -1;
}

ng_jsonld_context *ngi_jctx_copy(const ng_jsonld_context *c)
{
  ng_jsonld_context *d = ngi_jctx_new();
  size_t i;
  int bad = 0;

  if (d == NULL)
    return NULL;
  d->t = calloc(c->n + 1, sizeof *d->t);
  if (d->t == NULL) {
    free(d);
    return NULL;
  }
  d->cap = c->n + 1;
  for (i = 0; i < c->n; i++, d->n++) {
    bad |= copy_str(&d->t[i].name, c->t[i].name);
    bad |= copy_str(&d->t[i].iri, c->t[i].iri);
    bad |= copy_str(&d->t[i].type, c->t[i].type);
    bad |= copy_str(&d->t[i].lang, c->t[i].lang);
    d->t[i].prefix = c->t[i].prefix;
  }
  bad |= copy_str(&d->base, c->base);
  bad |= copy_str(&d->vocab, c->vocab);
  bad |= copy_str(&d->lang, c->lang);
  if (bad) {
    ng_jsonld_context_free(d);
    return NULL;
  }
  return d;
}

const ngi_jterm *ngi_jctx_term(const ng_jsonld_context *c, const char *name)
{
  size_t i;

  for (i = 0; i < c->n; i++)
    if (strcmp(c->t[i].name, name) == 0)
      return &c->t[i];
  return NULL;
}

/* ------------------------------------------------------------ IRIs */

/* Whether s starts with a URI scheme and a colon. */
static int has_scheme(const char *s)
{
  size_t i = 0;

  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
    return 0;
  for (i = 1; s[i] != '\0' && s[i] != ':'; i++)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
          (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
          s[i] == '.'))
      return 0;
  return s[i] == ':';
}

static char *join(const char *a, const char *b)
{
  size_t la = strlen(a), lb = strlen(b);
  char *r = malloc(la + lb + 1);

  if (r == NULL)
    return NULL;
  memcpy(r, a, la);
  memcpy(r + la, b, lb + 1);
  return r;
}

/* ref resolved against base (RFC 3986), malloc'ed. */
static char *resolve(const char *base, const char *ref)
{
  size_t n = strlen(base) + strlen(ref) + 64;
  unsigned char *buf = malloc(n);

  if (buf == NULL)
    return NULL;
  if (raptor_uri_resolve_uri_reference((const unsigned char *)base,
                                       (const unsigned char *)ref, buf,
                                       n) == 0) {
    free(buf);
    return dup(""); /* not resolvable: refused by the caller */
  }
  return (char *)buf;
}

char *ngi_jctx_expand(const ng_jsonld_context *c, const char *s, int vocab,
                      int *oom)
{
  const char *colon = strchr(s, ':');
  const ngi_jterm *t;
  char *r = NULL;

  *oom = 0;
  if (s[0] == '@')
    return NULL;
  if (vocab && (t = ngi_jctx_term(c, s)) != NULL) {
    if (t->iri == NULL)
      return NULL;
    r = dup(t->iri);
  } else if (colon != NULL) {
    size_t np = (size_t)(colon - s);
    char *prefix = malloc(np + 1);

    if (prefix == NULL) {
      *oom = 1;
      return NULL;
    }
    memcpy(prefix, s, np);
    prefix[np] = '\0';
    t = ngi_jctx_term(c, prefix);
    free(prefix);
    if (np == 1 && s[0] == '_')
      r = dup(s); /* a blank node */
    else if (colon[1] == '/' && colon[2] == '/')
      r = dup(s);
    else if (t != NULL && t->iri != NULL && t->prefix)
      r = join(t->iri, colon + 1);
    else if (has_scheme(s))
      r = dup(s);
    else if (c->base != NULL && !vocab)
      r = resolve(c->base, s);
    else
      return NULL;
  } else if (vocab && c->vocab != NULL) {
    r = join(c->vocab, s);
  } else if (!vocab && c->base != NULL) {
    r = resolve(c->base, s);
  } else {
    return NULL;
  }
  if (r == NULL)
    *oom = 1;
  else if (r[0] == '\0' || (strncmp(r, "_:", 2) != 0 && !has_scheme(r))) {
    free(r);
    r = NULL;
  }
  return r;
}

/* ------------------------------------------------------------ contexts */

static ng_status fail(char *err, ng_status st, const char *fmt,
                      const char *arg)
{
  ngi_graph_errf(err, fmt, arg);
  return st;
}

/* Add or replace a term (taking name, iri, type, lang). */
static ng_status put_term(ng_jsonld_context *c, ngi_jterm t, char *err)
{
  size_t i;

  for (i = 0; i < c->n; i++)
    if (strcmp(c->t[i].name, t.name) == 0) {
      term_release(&c->t[i]);
      c->t[i] = t;
      return NG_OK;
    }
  if (c->n >= NGI_JSONLD_MAX_TERMS) {
    term_release(&t);
    return fail(err, NG_EINPUT, "more than %s terms in the contexts",
                "10000");
  }
  if (c->n == c->cap) {
    size_t ncap = c->cap > 0 ? 2 * c->cap : 64;
    ngi_jterm *nt = realloc(c->t, ncap * sizeof *nt);
    if (nt == NULL) {
      term_release(&t);
      return fail(err, NG_ENOMEM, "%s", "out of memory");
    }
    c->t = nt;
    c->cap = ncap;
  }
  c->t[c->n++] = t;
  return NG_OK;
}

static int gen_delim_end(const char *iri)
{
  size_t n = strlen(iri);
  return n > 0 && strchr(":/?#[]@", iri[n - 1]) != NULL;
}

/* The prefix of a compact IRI value that is a key of local still to be
 * defined (so this term must wait), else 0. */
static int waits(json_object *local, json_object *done, const char *v)
{
  const char *colon = v != NULL ? strchr(v, ':') : NULL;
  char prefix[256];
  size_t np;

  if (colon == NULL || colon[1] == '/' ||
      (np = (size_t)(colon - v)) >= sizeof prefix)
    return 0;
  memcpy(prefix, v, np);
  prefix[np] = '\0';
  return json_object_object_get_ex(local, prefix, NULL) &&
         !json_object_object_get_ex(done, prefix, NULL);
}

/* Define one term of local, or return NG_OK with *later set when it
 * refers to a prefix of local not yet defined. */
static ng_status define(ng_jsonld_context *c, json_object *local,
                        json_object *done, const char *key, json_object *v,
                        int *later, char *err)
{
  ngi_jterm t;
  const char *id = NULL, *type = NULL;
  int oom = 0, simple = 0;
  ng_status st;

  memset(&t, 0, sizeof t);
  *later = 0;
  if (key[0] == '@')
    return fail(err, NG_EINPUT, "unsupported context keyword '%.80s'", key);
  if (v == NULL || json_object_is_type(v, json_type_null)) {
    t.name = dup(key);
    return t.name != NULL ? put_term(c, t, err)
                          : fail(err, NG_ENOMEM, "%s", "out of memory");
  }
  if (json_object_is_type(v, json_type_string)) {
    id = json_object_get_string(v);
    simple = 1;
  } else if (json_object_is_type(v, json_type_object)) {
    json_object_object_foreach(v, k, x) {
      if (strcmp(k, "@id") == 0 && json_object_is_type(x, json_type_string))
        id = json_object_get_string(x);
      else if (strcmp(k, "@type") == 0 &&
               json_object_is_type(x, json_type_string))
        type = json_object_get_string(x);
      else if (strcmp(k, "@language") == 0 &&
               (json_object_is_type(x, json_type_string) ||
                json_object_is_type(x, json_type_null)))
        ;
      else if (strcmp(k, "@container") == 0 &&
               json_object_is_type(x, json_type_string) &&
               strcmp(json_object_get_string(x), "@set") == 0)
        ;
      else if ((strcmp(k, "@prefix") == 0 || strcmp(k, "@protected") == 0) &&
               json_object_is_type(x, json_type_boolean))
        ;
      else
        return fail(err, NG_EINPUT, "unsupported term definition of '%.80s'",
                    key);
    }
  } else {
    return fail(err, NG_EINPUT, "bad term definition of '%.80s'", key);
  }
  if (id != NULL && id[0] == '@')
    return fail(err, NG_EINPUT, "keyword alias '%.80s' not supported", key);
  if (waits(local, done, id != NULL ? id : key) ||
      (type != NULL && waits(local, done, type))) {
    *later = 1;
    return NG_OK;
  }
  t.name = dup(key);
  if (t.name == NULL)
    return fail(err, NG_ENOMEM, "%s", "out of memory");
  t.iri = ngi_jctx_expand(c, id != NULL ? id : key, 1, &oom);
  if (t.iri == NULL) {
    term_release(&t);
    return oom ? fail(err, NG_ENOMEM, "%s", "out of memory")
               : fail(err, NG_EINPUT, "term '%.80s' is not an IRI", key);
  }
  if (type != NULL) {
    if (strcmp(type, "@id") == 0 || strcmp(type, "@vocab") == 0)
      t.type = dup(type);
    else
      t.type = ngi_jctx_expand(c, type, 1, &oom);
    if (t.type == NULL) {
      term_release(&t);
      return oom ? fail(err, NG_ENOMEM, "%s", "out of memory")
                 : fail(err, NG_EINPUT, "bad @type of term '%.80s'", key);
    }
  }
  if (json_object_is_type(v, json_type_object)) {
    json_object *x, *p;
    if (json_object_object_get_ex(v, "@language", &x)) {
      t.lang = dup(json_object_is_type(x, json_type_null)
                       ? "" : json_object_get_string(x));
      if (t.lang == NULL) {
        term_release(&t);
        return fail(err, NG_ENOMEM, "%s", "out of memory");
      }
    }
    if (json_object_object_get_ex(v, "@prefix", &p))
      t.prefix = json_object_get_boolean(p);
  }
  if (simple)
    t.prefix = gen_delim_end(t.iri) && strchr(key, ':') == NULL;
  st = put_term(c, t, err);
  if (st == NG_OK)
    json_object_object_add(done, key, NULL);
  return st;
}

static ng_status set_str(char **dst, json_object *v, int iri,
                         const ng_jsonld_context *c, const char *what,
                         char *err)
{
  char *s = NULL;
  int oom = 0;

  if (json_object_is_type(v, json_type_null)) {
    free(*dst);
    *dst = NULL;
    return NG_OK;
  }
  if (!json_object_is_type(v, json_type_string))
    return fail(err, NG_EINPUT, "bad %s in a context", what);
  if (iri && !has_scheme(json_object_get_string(v)))
    s = ngi_jctx_expand(c, json_object_get_string(v), 0, &oom);
  else
    s = dup(json_object_get_string(v));
  if (s == NULL)
    return oom || !iri ? fail(err, NG_ENOMEM, "%s", "out of memory")
                       : fail(err, NG_EINPUT, "bad %s in a context", what);
  free(*dst);
  *dst = s;
  return NG_OK;
}

static ng_status apply_object(ng_jsonld_context *c, json_object *local,
                              char *err)
{
  json_object *done, *v;
  ng_status st = NG_OK;
  int progress = 1, pending = 1;

  if (json_object_object_get_ex(local, "@version", &v) &&
      !(json_object_is_type(v, json_type_double) &&
        json_object_get_double(v) == 1.1))
    return fail(err, NG_EINPUT, "%s", "bad @version in a context");
  if (json_object_object_get_ex(local, "@base", &v))
    st = set_str(&c->base, v, 1, c, "@base", err);
  if (st == NG_OK && json_object_object_get_ex(local, "@vocab", &v))
    st = set_str(&c->vocab, v, 1, c, "@vocab", err);
  if (st == NG_OK && json_object_object_get_ex(local, "@language", &v))
    st = set_str(&c->lang, v, 0, c, "@language", err);
  if (st != NG_OK)
    return st;
  done = json_object_new_object();
  if (done == NULL)
    return fail(err, NG_ENOMEM, "%s", "out of memory");
  while (st == NG_OK && pending && progress) {
    pending = progress = 0;
    json_object_object_foreach(local, key, val) {
      int later;
      if (strcmp(key, "@base") == 0 || strcmp(key, "@vocab") == 0 ||
          strcmp(key, "@language") == 0 || strcmp(key, "@version") == 0 ||
          json_object_object_get_ex(done, key, NULL))
        continue;
      st = define(c, local, done, key, val, &later, err);
      if (st != NG_OK)
        break;
      if (later)
        pending = 1;
      else
        progress = 1;
    }
  }
  json_object_put(done);
  if (st == NG_OK && pending)
    st = fail(err, NG_EINPUT, "%s",
              "a context whose terms refer to each other in a cycle");
  return st;
}

ng_status ngi_jctx_apply(ng_jsonld_context *c, json_object *local,
                         char *err)
{
  size_t i, n;

  if (local == NULL || json_object_is_type(local, json_type_null)) {
    size_t k;
    for (k = 0; k < c->n; k++)
      term_release(&c->t[k]);
    c->n = 0;
    free(c->vocab);
    free(c->lang);
    c->vocab = c->lang = NULL;
    return NG_OK;
  }
  if (json_object_is_type(local, json_type_string))
    return fail(err, NG_EINPUT,
                "remote context '%.200s' refused (inline contexts only)",
                json_object_get_string(local));
  if (json_object_is_type(local, json_type_object))
    return apply_object(c, local, err);
  if (!json_object_is_type(local, json_type_array))
    return fail(err, NG_EINPUT, "%s", "bad @context");
  n = json_object_array_length(local);
  for (i = 0; i < n; i++) {
    json_object *one = json_object_array_get_idx(local, i);
    ng_status st;
    if (one != NULL && json_object_is_type(one, json_type_array))
      return fail(err, NG_EINPUT, "%s", "bad @context");
    st = ngi_jctx_apply(c, one, err);
    if (st != NG_OK)
      return st;
  }
  return NG_OK;
}

/* ------------------------------------------------------------ the file */

/* "{\n  \"@context\": {...}" and "{\"@context\":{...}": the document head
 * before its other members, from the file's context object. */
static ng_status heads(ng_jsonld_context *c, json_object *ctx, char *err)
{
  json_object *w = json_object_new_object();
  const char *s;
  size_t n;
  int k;

  if (w == NULL || json_object_object_add(w, "@context",
                                          json_object_get(ctx)) != 0) {
    json_object_put(w);
    return fail(err, NG_ENOMEM, "%s", "out of memory");
  }
  for (k = 0; k < 2; k++) {
    char **dst = k == 0 ? &c->head_pretty : &c->head_plain;
    s = json_object_to_json_string_ext(
        w, (k == 0 ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                   : JSON_C_TO_STRING_PLAIN) | JSON_C_TO_STRING_NOSLASHESCAPE);
    n = s != NULL ? strlen(s) : 0;
    /* drop the wrapper's closing brace: the context's own ends the head */
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
      n--;
    if (n > 0 && s[n - 1] == '}')
      n--;
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
      n--;
    *dst = s != NULL ? malloc(n + 1) : NULL;
    if (*dst == NULL) {
      json_object_put(w);
      return fail(err, NG_ENOMEM, "%s", "out of memory");
    }
    memcpy(*dst, s, n);
    (*dst)[n] = '\0';
  }
  json_object_put(w);
  return NG_OK;
}

ng_status ng_jsonld_context_load(const char *dir, ng_jsonld_context **out,
                                 char *err)
{
  char *path;
  json_object *doc, *ctx;
  ng_jsonld_context *c;
  ng_status st;

  *out = NULL;
  if (dir == NULL)
    dir = ng_data_dir();
  path = ngi_iri_join(dir, "/", "context.jsonld");
  if (path == NULL)
    return fail(err, NG_ENOMEM, "%s", "out of memory");
  doc = json_object_from_file(path);
  if (doc == NULL || !json_object_is_type(doc, json_type_object) ||
      !json_object_object_get_ex(doc, "@context", &ctx) ||
      !json_object_is_type(ctx, json_type_object)) {
    ngi_graph_errf(err, "cannot read the JSON-LD context '%s': %s", path,
                   doc == NULL ? "missing or not JSON"
                               : "no @context object");
    json_object_put(doc);
    free(path);
    return NG_ELEXICON;
  }
  c = ngi_jctx_new();
  st = c != NULL ? ngi_jctx_apply(c, ctx, err)
                 : fail(err, NG_ENOMEM, "%s", "out of memory");
  if (st == NG_OK)
    st = heads(c, ctx, err);
  if (st != NG_OK) {
    if (st != NG_ENOMEM) {
      char why[NG_ERRLEN];
      snprintf(why, sizeof why, "%s", err != NULL ? err : "bad context");
      ngi_graph_errf(err, "'%s': %s", path, why);
      st = NG_ELEXICON;
    }
    ng_jsonld_context_free(c);
    c = NULL;
  }
  json_object_put(doc);
  free(path);
  *out = c;
  return st;
}
