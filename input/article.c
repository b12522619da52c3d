/* article.c - the ngi_article record shared by the input readers, and
 * the folder walk (sorted, so that runs are reproducible).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input.h"

void ngi_article_release(ngi_article *a)
{
  if (a == NULL)
    return;
  free(a->text);
  free(a->title);
  free(a->date);
  free(a->author);
  free(a->url);
  free(a->id);
  memset(a, 0, sizeof *a);
}

void ngi_article_meta(const ngi_article *a, ng_article_meta *m)
{
  m->title = a->title;
  m->date = a->date;
  m->author = a->author;
  m->url = a->url;
  m->id = a->id;
}

int ngi_article_has_meta(const ngi_article *a)
{
  return a->title != NULL || a->date != NULL || a->author != NULL ||
         a->url != NULL || a->id != NULL;
}

int ngi_article_put_headline(ngi_article *a)
{
  size_t tl, skip = 0;
  char *t;

  if (a->title == NULL || a->title[0] == '\0')
    return 0;
  tl = strlen(a->title);
  if (a->text != NULL) {
    while (skip < a->len && (a->text[skip] == '\n' || a->text[skip] == ' ' ||
                             a->text[skip] == '\r' || a->text[skip] == '\t'))
      skip++;
    if (a->len - skip >= tl && memcmp(a->text + skip, a->title, tl) == 0 &&
        (a->len - skip == tl || a->text[skip + tl] == '\n' ||
         a->text[skip + tl] == '\r'))
      return 0;
  }
  t = malloc(tl + 2 + a->len + 1);
  if (t == NULL)
    return -1;
  memcpy(t, a->title, tl);
  memcpy(t + tl, "\n\n", 2);
  if (a->len > 0)
    memcpy(t + tl + 2, a->text, a->len);
  t[tl + 2 + a->len] = '\0';
  free(a->text);
  a->text = t;
  a->len += tl + 2;
  return 0;
}

/* ------------------------------------------------------------ walk */

typedef struct list {
  char **v;
  size_t n, cap;
} list;

static int wanted(const char *name)
{
  static const char *const ext[] = {".txt", ".html", ".htm", ".jsonl", NULL};
  size_t n = strlen(name), i;

  for (i = 0; ext[i] != NULL; i++) {
    size_t e = strlen(ext[i]);
    if (n > e && strcmp(name + n - e, ext[i]) == 0)
      return 1;
  }
  return 0;
}

static int push(list *l, char *s)
{
  if (l->n == l->cap) {
    size_t ncap = l->cap > 0 ? 2 * l->cap : 64;
    char **nv = realloc(l->v, ncap * sizeof *nv);
    if (nv == NULL)
      return -1;
    l->v = nv;
    l->cap = ncap;
  }
  l->v[l->n++] = s;
  return 0;
}

static int walk(const char *dir, list *l, int depth)
{
  DIR *d;
  struct dirent *e;
  int rc = 0;

  if (depth > 64)
    return 0; /* a loop of links, or absurd nesting */
  d = opendir(dir);
  if (d == NULL)
    return -1;
  while (rc == 0 && (e = readdir(d)) != NULL) {
    size_t dl = strlen(dir), nl = strlen(e->d_name);
    char *p;
    struct stat sb;

    if (e->d_name[0] == '.')
      continue; /* ., .., hidden files and folders */
    p = malloc(dl + 1 + nl + 1);
    if (p == NULL) {
      rc = -1;
      break;
    }
    memcpy(p, dir, dl);
    if (dl > 0 && dir[dl - 1] == '/')
      dl--;
    p[dl] = '/';
    memcpy(p + dl + 1, e->d_name, nl + 1);
    if (stat(p, &sb) != 0) {
      free(p);
      continue; /* a dangling link */
    }
    if (S_ISDIR(sb.st_mode)) {
      DIR *sub = opendir(p);
      if (sub == NULL) {
        /* unreadable: one item, whose reading fails and says why */
        if (push(l, p) != 0) {
          free(p);
          rc = -1;
        }
        continue;
      }
      closedir(sub);
      rc = walk(p, l, depth + 1);
      free(p);
    } else if (S_ISREG(sb.st_mode) && wanted(e->d_name)) {
      if (push(l, p) != 0) {
        free(p);
        rc = -1;
      }
    } else {
      free(p);
    }
  }
  closedir(d);
  return rc;
}

static int path_cmp(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int ngi_walk(const char *dir, char ***paths, size_t *n)
{
  list l = {NULL, 0, 0};
  size_t i;

  *paths = NULL;
  *n = 0;
  if (walk(dir, &l, 0) != 0) {
    int e = errno;
    for (i = 0; i < l.n; i++)
      free(l.v[i]);
    free(l.v);
    errno = e;
    return -1;
  }
  if (l.n > 1)
    qsort(l.v, l.n, sizeof *l.v, path_cmp);
  *paths = l.v;
  *n = l.n;
  return 0;
}
