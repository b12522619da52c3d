/* outdir.c - `newsgraph extract --out-dir DIR`: one file per article.
 *
 * Names.  A file found in a folder INPUT keeps its path below INPUT
 * (corpus/bbc/politics/001.txt given as corpus gives DIR/bbc/politics/
 * 001.ttl); a file given by name goes to DIR itself; a JSON Lines record
 * is named by its "id" (else the file's name and line, day-7), in the
 * folder of its file; a URL by its last path segment (else its host);
 * stdin is "stdin".  Every part of a name is cut down to the portable
 * characters A-Z a-z 0-9 . _ - (any other run of bytes becomes one _, a
 * leading dot too; Windows device names get a leading _; at most 100
 * bytes), then the format's extension is added.  Two articles whose names
 * are the same ignoring case get -2, -3, ... in input order (the writer
 * takes names in input order, so they do not depend on -j).
 *
 * Writing.  Each folder is opened once and the files are written in it
 * by name (openat, linkat, renameat: no path walked per file).  In a
 * folder this run made, where only our files can be, a file is made
 * nameless (O_TMPFILE), written in one write and linked in under its
 * name: one new directory entry, nothing to clean up if the process dies.
 * Elsewhere (a folder that was there, a name taken meanwhile, or a file
 * system or kernel without O_TMPFILE), it goes to a new hidden temporary
 * file beside it (O_EXCL) and put in the place of its name: a file is
 * whole or not there, and a file already there is replaced at once (by
 * swapping the two, RENAME_EXCHANGE, then removing the old one; renamed
 * over where that cannot be done).  The files
 * are not fsync'ed one by one (that doubled the time of a corpus); the
 * file system of DIR is synced once at the end (syncfs).
 */
#define _GNU_SOURCE /* syncfs, O_TMPFILE */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "outdir.h"
#include "output.h"

#define MAX_PART 100 /* bytes of one sanitised name part */

typedef struct src_name {
  char *dir;   /* sanitised folder below DIR, "" for DIR itself */
  char *stem;  /* sanitised name, no extension */
} src_name;

struct cli_outdir {
  char *root;              /* DIR */
  const char *ext;
  src_name *src;
  size_t nsrc;
  char **used;             /* open addressing: lower-cased dir/name */
  size_t cap, nused;
  int root_made;           /* DIR was made by this run */
  char *made;              /* the folder of dirfd */
  int dirfd;               /* open on made, or -1 */
  int fresh;               /* made by this run: no file but ours in it */
  int notmpfile;           /* O_TMPFILE failed: named temporary files */
  int noexchange;          /* RENAME_EXCHANGE failed: renamed over */
  unsigned long seq;       /* for the names of temporary files (with */
  unsigned long pid;       /* the process id) */
  char *tmp;               /* the live temporary file's path (signals) */
  size_t tmpcap;
};

/* ------------------------------------------------------------ names */

const char *cli_outdir_ext(const char *format)
{
  static const struct {
    const char *format, *ext;
  } exts[] = {
    {"turtle", ".ttl"}, {"ttl", ".ttl"}, {"ntriples", ".nt"},
    {"nt", ".nt"}, {"nquads", ".nq"}, {"nq", ".nq"}, {"trig", ".trig"},
    {"rdfxml", ".rdf"}, {"rdf", ".rdf"}, {"xml", ".rdf"},
    {"rdfxml-abbrev", ".rdf"}, {"json", ".json"},
    {"json-triples", ".json"}, {"jsonld", ".jsonld"},
    {"json-ld", ".jsonld"}, {"dot", ".dot"}, {"html", ".html"},
    {NULL, NULL}
  };
  size_t i;

  for (i = 0; exts[i].format != NULL; i++)
    if (strcmp(format, exts[i].format) == 0)
      return exts[i].ext;
  return ".rdf";
}

static int portable(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
}

static char lower(char c)
{
  return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* One name part of s[0..n) into out (MAX_PART + 2 bytes). */
static void sanitise(const char *s, size_t n, char *out)
{
  static const char *const devices[] = {
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5",
    "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5",
    "lpt6", "lpt7", "lpt8", "lpt9", NULL
  };
  size_t i, k = 0, d;
  char first[8];

  out[0] = '_'; /* room for a leading _ before a device name */
  for (i = 0; i < n && k < MAX_PART; i++) {
    if (portable(s[i]) && !(k == 0 && s[i] == '.'))
      out[1 + k++] = s[i];
    else if (k == 0 || out[k] != '_')
      out[1 + k++] = '_';
  }
  while (k > 0 && out[k] == '.')
    out[k--] = '\0'; /* no trailing dot (Windows drops it) */
  if (k == 0) {
    memcpy(out, "article", 8);
    return;
  }
  out[1 + k] = '\0';
  for (d = 0; d + 1 < sizeof first && d < k && out[1 + d] != '.'; d++)
    first[d] = lower(out[1 + d]);
  first[d] = '\0';
  for (i = 0; devices[i] != NULL; i++)
    if (strcmp(first, devices[i]) == 0)
      return; /* keep the leading _ */
  memmove(out, out + 1, k + 1);
}

static char *dup_str(const char *s)
{
  size_t n = strlen(s) + 1;
  char *d = malloc(n);

  if (d != NULL)
    memcpy(d, s, n);
  return d;
}

/* The name of one source from its path below its input (rel), or of a
 * URL or stdin. */
static int name_source(src_name *sn, const char *path, const char *rel)
{
  char part[MAX_PART + 2], *dir;
  const char *p, *last, *dot;
  size_t dl = 0;

  sn->dir = sn->stem = NULL;
  if (strcmp(path, "-") == 0) {
    sn->dir = dup_str("");
    sn->stem = dup_str("stdin");
    return sn->dir != NULL && sn->stem != NULL ? 0 : -1;
  }
  if (cli_is_url(path)) {
    const char *host = strstr(path, "://") + 3, *end;
    size_t hl = strcspn(host, "/?#");
    const char *seg = NULL;
    size_t sl = 0;

    end = host + hl + strcspn(host + hl, "?#");
    for (p = host + hl; p < end;) {
      size_t n;
      while (p < end && *p == '/')
        p++;
      n = (size_t)(end - p);
      n = strcspn(p, "/") < n ? strcspn(p, "/") : n;
      if (n > 0) {
        seg = p;
        sl = n;
      }
      p += n;
    }
    if (seg == NULL) {
      seg = host;
      sl = hl;
    } else {
      for (dot = seg + sl; dot > seg && dot[-1] != '.'; dot--)
        ;
      if (dot > seg + 1)
        sl = (size_t)(dot - 1 - seg);
    }
    sanitise(seg, sl, part);
    sn->dir = dup_str("");
    sn->stem = dup_str(part);
    return sn->dir != NULL && sn->stem != NULL ? 0 : -1;
  }
  dir = malloc(strlen(rel) + 2);
  if (dir == NULL)
    return -1;
  dir[0] = '\0';
  last = rel;
  for (p = rel; *p != '\0';) {
    size_t n = strcspn(p, "/");
    if (p[n] == '\0') {
      last = p;
      break;
    }
    if (n > 0 && !(n == 1 && p[0] == '.') &&
        !(n == 2 && p[0] == '.' && p[1] == '.')) {
      sanitise(p, n, part);
      if (dl > 0)
        dir[dl++] = '/';
      memcpy(dir + dl, part, strlen(part) + 1);
      dl += strlen(part);
    }
    p += n + 1;
    last = p;
  }
  dot = strrchr(last, '.');
  sanitise(last, dot != NULL && dot > last ? (size_t)(dot - last)
                                           : strlen(last), part);
  sn->dir = dir;
  sn->stem = dup_str(part);
  return sn->stem != NULL ? 0 : -1;
}

static size_t hash(const char *s)
{
  size_t h = 5381;

  for (; *s != '\0'; s++)
    h = h * 33 + (unsigned char)*s;
  return h;
}

/* Take key (lower-cased in place); 0 when it was free, 1 when taken, -1
 * out of memory. */
static int take(cli_outdir *od, char *key)
{
  size_t i;
  char *k;

  for (k = key; *k != '\0'; k++)
    *k = lower(*k);
  if (2 * (od->nused + 1) > od->cap) {
    size_t ncap = od->cap > 0 ? 2 * od->cap : 1024, j;
    char **nv = calloc(ncap, sizeof *nv);
    if (nv == NULL)
      return -1;
    for (j = 0; j < od->cap; j++) {
      if (od->used[j] == NULL)
        continue;
      for (i = hash(od->used[j]) & (ncap - 1); nv[i] != NULL;
           i = (i + 1) & (ncap - 1))
        ;
      nv[i] = od->used[j];
    }
    free(od->used);
    od->used = nv;
    od->cap = ncap;
  }
  for (i = hash(key) & (od->cap - 1); od->used[i] != NULL;
       i = (i + 1) & (od->cap - 1))
    if (strcmp(od->used[i], key) == 0)
      return 1;
  od->used[i] = dup_str(key);
  if (od->used[i] == NULL)
    return -1;
  od->nused++;
  return 0;
}

/* ------------------------------------------------------------ the folder */

/* mkdir -p path; 0 or an errno value; *made: path itself was made. */
static int make_dirs(char *path, int *made)
{
  char *p;
  struct stat sb;

  *made = 0;
  if (mkdir(path, 0777) == 0) {
    *made = 1;
    return 0;
  }
  if (errno == EEXIST) {
    if (stat(path, &sb) != 0)
      return errno;
    return S_ISDIR(sb.st_mode) ? 0 : ENOTDIR;
  }
  if (errno != ENOENT)
    return errno;
  for (p = path + 1; ; p++) {
    if (*p == '/' || *p == '\0') {
      char c = *p;
      int r;
      *p = '\0';
      r = mkdir(path, 0777);
      if (r != 0 && errno != EEXIST) {
        int e = errno;
        *p = c;
        return e;
      }
      *p = c;
      if (c == '\0') {
        *made = r == 0;
        break;
      }
    }
  }
  if (stat(path, &sb) != 0)
    return errno;
  return S_ISDIR(sb.st_mode) ? 0 : ENOTDIR;
}

int cli_outdir_new(const char *dir, const char *format, char **inputs,
                   size_t ninputs, const cli_source *src, size_t nsrc,
                   cli_outdir **out)
{
  cli_outdir *od = calloc(1, sizeof *od);
  size_t i, j = 0;
  int e;

  *out = NULL;
  if (od != NULL)
    od->dirfd = -1;
  if (od == NULL || (od->root = dup_str(dir)) == NULL ||
      (nsrc > 0 && (od->src = calloc(nsrc, sizeof *od->src)) == NULL))
    goto nomem;
  for (i = strlen(od->root); i > 1 && od->root[i - 1] == '/'; i--)
    od->root[i - 1] = '\0';
  od->ext = cli_outdir_ext(format);
  od->nsrc = nsrc;
  od->pid = (unsigned long)getpid();
  e = make_dirs(od->root, &od->root_made);
  if (e == 0 && access(od->root, W_OK | X_OK) != 0)
    e = errno;
  if (e != 0) {
    cli_error("cannot write to '%s': %s", dir, cli_errno_text(e));
    cli_outdir_free(od);
    return CLI_EOUTPUT;
  }
  /* each input's sources follow in order: a folder's have its path as
   * their prefix */
  for (i = 0; i < ninputs && j < nsrc; i++) {
    const char *arg = inputs[i], *base;
    size_t al = strlen(arg);
    struct stat sb;

    if (strcmp(arg, "-") != 0 && !cli_is_url(arg) && stat(arg, &sb) == 0 &&
        S_ISDIR(sb.st_mode)) {
      while (al > 0 && arg[al - 1] == '/')
        al--;
      for (; j < nsrc && strncmp(src[j].path, arg, al) == 0 &&
             src[j].path[al] == '/'; j++) {
        const char *rel = src[j].path + al;
        while (*rel == '/')
          rel++;
        if (name_source(&od->src[j], src[j].path, rel) != 0)
          goto nomem;
      }
      continue;
    }
    base = strrchr(src[j].path, '/');
    if (name_source(&od->src[j], src[j].path,
                    base != NULL ? base + 1 : src[j].path) != 0)
      goto nomem;
    j++;
  }
  for (; j < nsrc; j++) { /* not expected: named by their own file name */
    const char *base = strrchr(src[j].path, '/');
    if (name_source(&od->src[j], src[j].path,
                    base != NULL ? base + 1 : src[j].path) != 0)
      goto nomem;
  }
  *out = od;
  return 0;

nomem:
  cli_error("out of memory");
  cli_outdir_free(od);
  return CLI_EINTERNAL;
}

int cli_outdir_sync(cli_outdir *od)
{
  int fd, rc = 0;

  fd = open(od->root, O_RDONLY);
  if (fd < 0)
    return errno;
#ifdef __linux__
  if (syncfs(fd) != 0)
    rc = errno;
#else
  sync();
#endif
  close(fd);
  return rc;
}

void cli_outdir_free(cli_outdir *od)
{
  size_t i;

  if (od == NULL)
    return;
  for (i = 0; od->src != NULL && i < od->nsrc; i++) {
    free(od->src[i].dir);
    free(od->src[i].stem);
  }
  for (i = 0; i < od->cap; i++)
    free(od->used[i]);
  free(od->used);
  free(od->src);
  if (od->dirfd >= 0)
    close(od->dirfd);
  free(od->made);
  free(od->tmp);
  free(od->root);
  free(od);
}

/* Errors that every further file would meet too. */
static int fatal_errno(int e)
{
  return e == ENOSPC || e == EROFS || e == EIO || e == ENOMEM ||
         e == EACCES || e == EPERM
#ifdef EDQUOT
         || e == EDQUOT
#endif
    ;
}

/* Make folder (below DIR, or DIR itself) the one files go to; 0 or an
 * errno value. */
static int use_folder(cli_outdir *od, const char *folder, int is_root)
{
  char *copy;
  int made = 0, e = 0, fd;

  if (od->made != NULL && strcmp(od->made, folder) == 0 && od->dirfd >= 0)
    return 0;
  if (od->dirfd >= 0)
    close(od->dirfd);
  od->dirfd = -1;
  free(od->made);
  od->made = NULL;
  copy = dup_str(folder);
  if (copy == NULL)
    return ENOMEM;
  if (is_root)
    made = od->root_made;
  else
    e = make_dirs(copy, &made);
  if (e == 0) {
    fd = open(copy, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
      e = errno;
    else
      od->dirfd = fd;
  }
  if (e != 0) {
    free(copy);
    return e;
  }
  od->made = copy;
  od->fresh = made;
  return 0;
}

static int write_all(int fd, const char *data, size_t len)
{
  size_t off = 0;

  while (off < len) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return w < 0 ? errno : EIO;
    off += (size_t)w;
  }
  return 0;
}

/* A nameless file (O_TMPFILE) linked in as name: 0, an errno value, or
 * -1 when this way is not to be taken (the name is there, or the kernel,
 * the file system or a missing /proc do not allow it). */
static int put_nameless(cli_outdir *od, const char *name, const char *data,
                        size_t len)
{
#ifdef O_TMPFILE
  char proc[64];
  int fd, e;

  fd = openat(od->dirfd, ".", O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0) {
    e = errno;
    if (e == EOPNOTSUPP || e == EISDIR || e == EINVAL || e == ENOENT) {
      od->notmpfile = 1;
      return -1;
    }
    return e;
  }
  e = write_all(fd, data, len);
  if (e == 0) {
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
    if (linkat(AT_FDCWD, proc, od->dirfd, name, AT_SYMLINK_FOLLOW) != 0) {
      e = errno;
      close(fd);
      if (e == EEXIST)
        return -1; /* replaced by a renamed temporary file */
      if (e == ENOENT || e == EPERM || e == EXDEV) {
        od->notmpfile = 1; /* no /proc, or it cannot be linked: named */
        return -1;
      }
      return e;
    }
    if (close(fd) != 0) {
      e = errno;
      unlinkat(od->dirfd, name, 0); /* the name was not there before */
    }
    return e;
  }
  close(fd);
  return e;
#else
  (void)name;
  (void)data;
  (void)len;
  od->notmpfile = 1;
  return -1;
#endif
}

/* Put the file tmp in the place of name, at once; 0 or an errno value.
 * A file (or link) there is swapped with it (RENAME_EXCHANGE) and then
 * removed: renaming over it would do the same, but ext4 then writes the
 * new file out at once (auto_da_alloc, for programs that do not fsync),
 * which made replacing a corpus cost 0.3 to 0.7 s more CPU. */
static int replace(cli_outdir *od, const char *tmp, const char *name)
{
#ifdef RENAME_EXCHANGE
  if (!od->noexchange) {
    if (renameat2(od->dirfd, tmp, od->dirfd, name, RENAME_EXCHANGE) == 0) {
      int e;
      if (unlinkat(od->dirfd, tmp, 0) == 0)
        return 0;
      e = errno; /* a folder was there: put it back */
      if (renameat2(od->dirfd, tmp, od->dirfd, name, RENAME_EXCHANGE) != 0)
        return errno;
      return e == EISDIR || e == EPERM ? EISDIR : e;
    }
    if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP)
      od->noexchange = 1; /* not here: renamed over */
    else if (errno != ENOENT)
      return errno;
  }
#else
  (void)od;
#endif
  /* renameat replaces a file (or link) there at once: whole or not at
   * all */
  return renameat(od->dirfd, tmp, od->dirfd, name) != 0 ? errno : 0;
}

/* A new hidden temporary file beside name, renamed over it; 0 or an
 * errno value. */
static int put_renamed(cli_outdir *od, const char *name, const char *data,
                       size_t len)
{
  size_t nl = strlen(name), need = strlen(od->made) + nl + 32;
  char *tmp;
  int fd = -1, e, tries;

  if (need > od->tmpcap) {
    char *nt = realloc(od->tmp, need);
    if (nt == NULL)
      return ENOMEM;
    od->tmp = nt;
    od->tmpcap = need;
  }
  /* the full path for the signal handler, known to it before the file
   * is there; openat gets its last part */
  snprintf(od->tmp, od->tmpcap, "%s/", od->made);
  tmp = od->tmp + strlen(od->tmp);
  for (tries = 0; tries < 100; tries++) {
    unsigned long x = od->pid * 2654435761UL + od->seq++;
    snprintf(tmp, od->tmpcap - (size_t)(tmp - od->tmp), ".%s.tmp.%06lx",
             name, x & 0xffffffUL);
    cli_output_temp(od->tmp);
    /* O_EXCL: never a link or a file planted at the name */
    fd = openat(od->dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                0666);
    e = fd < 0 ? errno : 0;
    if (fd >= 0 || e != EEXIST)
      break;
    cli_output_temp(NULL);
  }
  if (fd < 0) {
    cli_output_temp(NULL);
    return e;
  }
  e = write_all(fd, data, len);
  if (close(fd) != 0 && e == 0)
    e = errno;
  if (e == 0)
    e = replace(od, tmp, name);
  if (e != 0)
    unlinkat(od->dirfd, tmp, 0);
  cli_output_temp(NULL);
  return e;
}

int cli_outdir_write(cli_outdir *od, size_t srcno, unsigned long line,
                     const char *id, const char *data, size_t len,
                     char *msg, size_t msglen)
{
  const src_name *sn = &od->src[srcno < od->nsrc ? srcno : 0];
  char stem[MAX_PART + 32], *key = NULL, *folder = NULL, *name = NULL;
  size_t kl, n = 1;
  int e = 0, t;

  if (line > 0 && id != NULL)
    sanitise(id, strlen(id), stem);
  else if (line > 0)
    snprintf(stem, sizeof stem, "%s-%lu", sn->stem, line);
  else
    snprintf(stem, sizeof stem, "%s", sn->stem);
  kl = strlen(sn->dir) + strlen(stem) + 32;
  key = malloc(kl);
  name = malloc(strlen(stem) + strlen(od->ext) + 32);
  folder = malloc(strlen(od->root) + strlen(sn->dir) + 2);
  if (key == NULL || name == NULL || folder == NULL) {
    e = ENOMEM;
    goto done;
  }
  for (;;) {
    if (n == 1)
      snprintf(key, kl, "%s/%s", sn->dir, stem);
    else
      snprintf(key, kl, "%s/%s-%lu", sn->dir, stem, (unsigned long)n);
    t = take(od, key);
    if (t < 0) {
      e = ENOMEM;
      goto done;
    }
    if (t == 0)
      break;
    n++;
  }
  if (n == 1)
    snprintf(name, strlen(stem) + strlen(od->ext) + 32, "%s%s", stem,
             od->ext);
  else
    snprintf(name, strlen(stem) + strlen(od->ext) + 32, "%s-%lu%s", stem,
             (unsigned long)n, od->ext);
  snprintf(folder, strlen(od->root) + strlen(sn->dir) + 2, "%s%s%s",
           od->root, sn->dir[0] != '\0' ? "/" : "", sn->dir);
  e = use_folder(od, folder, sn->dir[0] == '\0');
  if (e == 0) {
    e = od->fresh && !od->notmpfile ? put_nameless(od, name, data, len)
                                    : -1;
    if (e < 0)
      e = put_renamed(od, name, data, len);
  }
  if (e != 0)
    snprintf(msg, msglen, "cannot write '%s/%s': %s", folder, name,
             cli_errno_text(e));

done:
  if (e == ENOMEM && (key == NULL || name == NULL || folder == NULL))
    snprintf(msg, msglen, "out of memory");
  free(key);
  free(name);
  free(folder);
  if (e == 0)
    return 0;
  return fatal_errno(e) ? (e == ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT) : 1;
}
