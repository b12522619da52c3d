/* sources.c - the inputs of `newsgraph extract`, `load` and `push`:
 * files, folders (searched for articles, in sorted order), URLs and stdin,
 * each with the kind of reader it needs, chosen by --input KIND or by the
 * file's extension from one table (a new reader is one row of it). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "input/input.h"
#include "sources.h"

int cli_is_url(const char *s)
{
  return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0 ||
         strncmp(s, "file://", 7) == 0;
}

int cli_ends_with(const char *s, const char *suffix)
{
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The kinds of input: --input name, kind, RDF syntax (raptor's name),
 * extensions (space-separated).  A file whose extension is in no row is
 * read as text. */
static const struct {
  const char *name;
  in_kind kind;
  const char *syntax;
  const char *exts;
} kinds[] = {
  {"text", IN_TEXT, NULL, ".txt"},
  {"html", IN_HTML, NULL, ".html .htm"},
  {"jsonl", IN_JSONL, NULL, ".jsonl"},
  {"turtle", IN_RDF, "turtle", ".ttl .turtle .n3"},
  {"ntriples", IN_RDF, "ntriples", ".nt"},
  {"nquads", IN_RDF, "nquads", ".nq"},
  {"trig", IN_RDF, "trig", ".trig"},
  {"rdfxml", IN_RDF, "rdfxml", ".rdf .owl"},
  {"rdfjson", IN_RDF, "json", ".json"},
  {"jsonld", IN_RDF, "jsonld", ".jsonld"},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

int cli_input_kind(const char *name, in_kind *kind, const char **syntax)
{
  size_t i;

  for (i = 0; i < NKINDS; i++)
    if (strcmp(kinds[i].name, name) == 0 ||
        (kinds[i].syntax != NULL && strcmp(kinds[i].syntax, name) == 0)) {
      *kind = kinds[i].kind;
      *syntax = kinds[i].syntax;
      return 0;
    }
  return -1;
}

const char *cli_input_kinds(void)
{
  return "text, html, jsonl, turtle, ntriples, nquads, trig, rdfxml, "
         "rdfjson, jsonld";
}

/* The row of path by its extension, or -1. */
static int kind_row(const char *path)
{
  size_t i, n = strlen(path);

  for (i = 0; i < NKINDS; i++) {
    const char *e = kinds[i].exts;
    while (*e != '\0') {
      size_t el = strcspn(e, " ");
      if (n > el && memcmp(path + n - el, e, el) == 0)
        return (int)i;
      e += el;
      while (*e == ' ')
        e++;
    }
  }
  return -1;
}

const char *cli_rdf_syntax_of(const char *path)
{
  int r = kind_row(path);
  return r >= 0 ? kinds[r].syntax : NULL;
}

in_kind cli_kind_of(const char *path, in_kind forced)
{
  int r;

  if (forced != IN_AUTO)
    return forced;
  r = kind_row(path);
  return r >= 0 ? kinds[r].kind : IN_TEXT;
}

/* The kind and syntax of a named file. */
static void set_kind(cli_source *s, in_kind forced, const char *fsyntax)
{
  s->kind = cli_kind_of(s->path, forced);
  s->syntax = forced != IN_AUTO ? fsyntax : cli_rdf_syntax_of(s->path);
}

int cli_sources_expand(char **inputs, size_t ninputs, in_kind forced,
                       const char *forced_syntax, cli_source **out, size_t *nout, size_t *dirs,
                       unsigned long long *total_bytes)
{
  cli_source *v = NULL;
  size_t n = 0, cap = 0, i, k;

  *dirs = 0;
  *total_bytes = 0;
  for (i = 0; i < ninputs; i++) {
    const char *arg = inputs[i];
    struct stat sb;
    char **paths = NULL;
    size_t np = 0;
    int is_dir = strcmp(arg, "-") != 0 && !cli_is_url(arg) &&
                 stat(arg, &sb) == 0 && S_ISDIR(sb.st_mode);

    if (is_dir) {
      (*dirs)++;
      if (ngi_walk(arg, &paths, &np) != 0) {
        cli_error("cannot read '%s': %s", arg, cli_errno_text(errno));
        goto fail;
      }
      if (np == 0 && ninputs == 1) {
        free(paths);
        cli_error("cannot read '%s': a directory with no articles (*.txt, "
                  "*.html, *.htm, *.jsonl)", arg);
        goto fail;
      }
    }
    if (n + (is_dir ? np : 1) > cap) {
      size_t ncap = (cap + np + 16) * 2;
      cli_source *nv = realloc(v, ncap * sizeof *nv);
      if (nv == NULL) {
        for (k = 0; k < np; k++)
          free(paths[k]);
        free(paths);
        cli_error("out of memory");
        goto fail;
      }
      v = nv;
      cap = ncap;
    }
    if (is_dir) {
      for (k = 0; k < np; k++) {
        v[n].path = paths[k];
        set_kind(&v[n], forced, forced_syntax);
        if (stat(paths[k], &sb) == 0)
          *total_bytes += (unsigned long long)sb.st_size;
        n++;
      }
      free(paths);
      continue;
    }
    v[n].path = malloc(strlen(arg) + 1);
    if (v[n].path == NULL) {
      cli_error("out of memory");
      goto fail;
    }
    strcpy(v[n].path, arg);
    if (cli_is_url(arg)) {
      const char *a = strstr(arg, "://") + 3;
      size_t al = strcspn(a, "/?#");
      if (memchr(a, '@', al) != NULL) {
        /* the URL is not printed: it holds the password */
        cli_error("a URL with a user or password (user:password@) is "
                  "refused; give no credentials in a URL");
        free(v[n].path);
        goto fail_usage;
      }
      v[n].kind = IN_URL;
      v[n].syntax = NULL;
    } else if (strcmp(arg, "-") == 0) {
      v[n].kind = forced;
      v[n].syntax = forced_syntax;
      if (v[n].kind == IN_AUTO) {
        int c = getc(stdin);
        if (c != EOF)
          ungetc(c, stdin);
        v[n].kind = c == '{' ? IN_JSONL : c == '<' ? IN_HTML : IN_TEXT;
      }
    } else {
      set_kind(&v[n], forced, forced_syntax);
      if (stat(arg, &sb) == 0 && S_ISREG(sb.st_mode))
        *total_bytes += (unsigned long long)sb.st_size;
    }
    n++;
  }
  *out = v;
  *nout = n;
  return 0;

fail:
  for (k = 0; k < n; k++)
    free(v[k].path);
  free(v);
  return -1;
fail_usage:
  for (k = 0; k < n; k++)
    free(v[k].path);
  free(v);
  return -2;
}

void cli_sources_free(cli_source *v, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    free(v[i].path);
  free(v);
}
