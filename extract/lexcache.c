/* lexcache.c - the lexicon cache (see lexcache.h): write a loaded lexicon
 * as one file, map it back read-only.
 *
 * The file is native (its header says the byte order and the sizes it
 * assumes) and every field of it is 8-byte aligned:
 *
 *   header     magic, format, byte order, sizes, file size, checksum,
 *              the checksum of the lexicon code (NGI_LEXCODE)
 *   dir        the lexicon folder it was made from
 *   sources    every file the loader read or missed, with its stat
 *   blob       every string, NUL-terminated, deduplicated; offset 0 unused
 *   maps       per map: cap, n, bit and its cap entries, the keys as
 *              offsets into the blob (ngi_map.kbase is the blob)
 *   arrays     places, orgs, topics, keywords: string offsets, numbers
 *
 * Loading checks the header, the sources (one stat each), then the
 * checksum of the whole file, before anything in it is used; the maps are
 * used in place, only the small arrays of pointers are rebuilt.
 */
#define _XOPEN_SOURCE 700 /* realpath, st_mtim, mmap */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lexcache.h"

#ifndef NGI_LEXCODE
#define NGI_LEXCODE "unknown"   /* set by the Makefile */
#endif

#define FORMAT 3
#define NMAPS 18

static const char MAGIC[8] = "NGLEXC\r\n";

typedef struct header {
  char magic[8];
  uint32_t format, order;       /* order: 0x01020304 as written */
  uint32_t lexsize, entsize;    /* sizeof(ng_lexicon), sizeof(ngi_mapent) */
  uint64_t size;                /* of the whole file */
  uint64_t sum;                 /* checksum of the bytes after the header */
  char code[32];                /* NGI_LEXCODE */
} header;

/* The maps in file order: the 16 of the word index and the index. */
static void maps_of(ng_lexicon *lex, ngi_map **m) {
  ngi_map *v[NMAPS] = {&lex->given,     &lex->notname,   &lex->honorific,
                       &lex->title,     &lex->describer, &lex->timeword,
                       &lex->orgword,   &lex->place,     &lex->org,
                       &lex->speech,    &lex->speech_first, &lex->agree,
                       &lex->kwfirst,   &lex->topicstop, &lex->thingword,
                       &lex->cueword,   &lex->words,     &lex->phrasepre};
  memcpy(m, v, sizeof v);
}

/* A field added to ng_lexicon must be written and read here too: its
 * size is part of the header, and this assertion is a reminder. */
_Static_assert(sizeof(void *) != 8 || sizeof(ng_lexicon) == 20856,
               "ng_lexicon changed: update lexcache.c (and FORMAT)");

/* ------------------------------------------------------------ checksum */

/* Fletcher-style sums of 8-byte words in four lanes (each word added
 * to a running sum, and that sum to a second one): a flipped, lost or
 * moved word changes it, and it runs at memory speed.  Not meant against
 * an adversary: the cache is the user's own file. */
static uint64_t checksum(const unsigned char *p, size_t n) {
  uint64_t a0 = 1, a1 = 2, a2 = 3, a3 = 4, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w[4];
    memcpy(w, p + i, 32);
    a0 += w[0];
    a1 += w[1];
    a2 += w[2];
    a3 += w[3];
    b0 += a0;
    b1 += a1;
    b2 += a2;
    b3 += a3;
  }
  const uint64_t K = 0x9e3779b97f4a7c15ull;
  uint64_t h = n;
  h = (h ^ a0 ^ (b0 << 1 | b0 >> 63)) * K;
  h = (h ^ a1 ^ (b1 << 1 | b1 >> 63)) * K;
  h = (h ^ a2 ^ (b2 << 1 | b2 >> 63)) * K;
  h = (h ^ a3 ^ (b3 << 1 | b3 >> 63)) * K;
  for (; i < n; i++)
    h = (h ^ p[i]) * K;
  return h ^ (h >> 29);
}

/* ------------------------------------------------------------ the path */

int ngi_lexcache_path(const char *dir, char *path, size_t n) {
  const char *env = getenv("NEWSGRAPH_CACHE");
  char folder[2048], real[4096];
  int k;

  if (env && (!*env || strcmp(env, "off") == 0 || strcmp(env, "0") == 0))
    return -1;
  if (env)
    k = snprintf(folder, sizeof folder, "%s", env);
  else if (getenv("XDG_CACHE_HOME") && *getenv("XDG_CACHE_HOME") == '/')
    k = snprintf(folder, sizeof folder, "%s/newsgraph",
                 getenv("XDG_CACHE_HOME"));
  else if (getenv("HOME") && *getenv("HOME") == '/')
    k = snprintf(folder, sizeof folder, "%s/.cache/newsgraph",
                 getenv("HOME"));
  else
    return -1;
  if (k < 0 || (size_t)k >= sizeof folder)
    return -1;
  if (!realpath(dir, real))
    return -1;
  /* one file per lexicon folder */
  k = snprintf(path, n, "%s/lexicon-%016llx.bin", folder,
               (unsigned long long)ngi_hash(real, strlen(real)));
  return k < 0 || (size_t)k >= n ? -1 : 0;
}

/* mkdir -p of the folder of path (0700: the user's own cache). */
static int make_folder(const char *path) {
  char buf[2048];
  size_t n = strlen(path);
  if (n >= sizeof buf)
    return -1;
  memcpy(buf, path, n + 1);
  char *slash = strrchr(buf, '/');
  if (!slash || slash == buf)
    return 0;
  *slash = '\0';
  for (char *p = buf + 1; *p; p++) {
    if (*p != '/')
      continue;
    *p = '\0';
    if (mkdir(buf, 0700) != 0 && errno != EEXIST)
      return -1;
    *p = '/';
  }
  if (mkdir(buf, 0700) != 0 && errno != EEXIST)
    return -1;
  return 0;
}

/* ------------------------------------------------------------ sources */

static void src_fill(ngi_lexsrc *s, const struct stat *sb) {
  s->present = 1;
  s->size = (uint64_t)sb->st_size;
  s->ino = (uint64_t)sb->st_ino;
  s->dev = (uint64_t)sb->st_dev;
  s->mtime_ns = (int64_t)sb->st_mtim.tv_sec * 1000000000 + sb->st_mtim.tv_nsec;
  s->ctime_ns = (int64_t)sb->st_ctim.tv_sec * 1000000000 + sb->st_ctim.tv_nsec;
}

/* Is the file recorded in s as it was? */
static int src_fresh(const char *dir, const ngi_lexsrc *s) {
  char path[4096];
  struct stat sb;
  ngi_lexsrc now;

  if ((size_t)snprintf(path, sizeof path, "%s/lexicon/%s", dir, s->name) >=
      sizeof path)
    return 0;
  memset(&now, 0, sizeof now);
  if (stat(path, &sb) == 0)
    src_fill(&now, &sb);
  if (now.present != s->present)
    return 0;
  return !s->present ||
         (now.size == s->size && now.ino == s->ino && now.dev == s->dev &&
          now.mtime_ns == s->mtime_ns && now.ctime_ns == s->ctime_ns);
}

/* ------------------------------------------------------------ writing */

typedef struct wbuf {
  unsigned char *s;
  size_t n, cap;
  int oom;
} wbuf;

static void w_bytes(wbuf *b, const void *p, size_t n) {
  size_t pad = (8 - n % 8) % 8;
  if (b->oom)
    return;
  if (b->n + n + pad > b->cap) {
    size_t cap = b->cap ? b->cap : 1 << 16;
    while (cap < b->n + n + pad)
      cap *= 2;
    unsigned char *s = realloc(b->s, cap);
    if (!s) {
      b->oom = 1;
      return;
    }
    b->s = s;
    b->cap = cap;
  }
  if (n)
    memcpy(b->s + b->n, p, n);
  memset(b->s + b->n + n, 0, pad);
  b->n += n + pad;
}

static void w_u64(wbuf *b, uint64_t v) { w_bytes(b, &v, 8); }

static void w_str(wbuf *b, const char *s) {
  size_t n = strlen(s);
  w_u64(b, n);
  w_bytes(b, s, n + 1);
}

/* The strings, each once: content -> offset in the blob. */
typedef struct interner {
  ngi_map seen;
  wbuf blob;
} interner;

static void intern(interner *in, const char *s) {
  if (!s || ngi_map_get(&in->seen, s, NULL))
    return;
  size_t off = in->blob.n, n = strlen(s);
  /* unpadded: strings follow each other */
  if (in->blob.oom)
    return;
  if (in->blob.n + n + 1 > in->blob.cap) {
    size_t cap = in->blob.cap ? in->blob.cap : 1 << 16;
    while (cap < in->blob.n + n + 1)
      cap *= 2;
    unsigned char *p = realloc(in->blob.s, cap);
    if (!p) {
      in->blob.oom = 1;
      return;
    }
    in->blob.s = p;
    in->blob.cap = cap;
  }
  memcpy(in->blob.s + off, s, n + 1);
  in->blob.n += n + 1;
  if (ngi_map_put(&in->seen, s, (intptr_t)off))
    in->blob.oom = 1;
}

static uint64_t offset_of(const interner *in, const char *s) {
  intptr_t v = 0;
  if (!s)
    return 0;
  ngi_map_get(&in->seen, s, &v);
  return (uint64_t)v;
}

/* Temporary files of this process: one name per save, so that two
 * threads saving at once do not write into one file. */
static atomic_uint saves;

int ngi_lexcache_save(const ng_lexicon *clex, const char *dir,
                      const char *path) {
  ng_lexicon *lex = (ng_lexicon *)clex; /* only read */
  ngi_map *maps[NMAPS];
  interner in;
  wbuf out = {0};
  header h;

  if (lex->cache)
    return 0; /* it came from the cache */
  if (lex->nsrcs >= NGI_LEX_MAXSRC)
    return -1; /* some file may have gone unrecorded */
  /* A file system that keeps whole seconds cannot tell an edit in the
   * second the cache is made from no edit: no cache of such a file then
   * (git's "racily clean" entries). */
  struct timespec now;
  if (clock_gettime(CLOCK_REALTIME, &now) != 0)
    return -1;
  for (int i = 0; i < lex->nsrcs; i++) {
    const ngi_lexsrc *src = &lex->srcs[i];
    if (src->present && src->mtime_ns % 1000000000 == 0 &&
        src->ctime_ns % 1000000000 == 0 &&
        src->ctime_ns / 1000000000 >= (int64_t)now.tv_sec - 2)
      return -1;
  }
  maps_of(lex, maps);
  memset(&in, 0, sizeof in);
  ngi_map_init(&in.seen);
  intern(&in, ""); /* offset 0: never a key */
  in.blob.s[0] = '\0';
  for (size_t i = 0; i < NMAPS; i++)
    for (size_t j = 0; j < maps[i]->cap; j++)
      intern(&in, ngi_map_key(maps[i], j));
  for (size_t i = 0; i < lex->nplaces; i++) {
    intern(&in, lex->places[i].name);
    intern(&in, lex->places[i].wikidata);
  }
  for (size_t i = 0; i < lex->norgs; i++) {
    intern(&in, lex->orgs[i].name);
    intern(&in, lex->orgs[i].wikidata);
  }
  for (size_t i = 0; i < lex->ntopics; i++) {
    intern(&in, lex->topics[i].id);
    intern(&in, lex->topics[i].label);
    intern(&in, lex->topics[i].iptc);
  }
  for (size_t i = 0; i < lex->nkeywords; i++)
    for (int k = 0; k < lex->keywords[i].nwords; k++)
      intern(&in, lex->keywords[i].words[k]);

  memset(&h, 0, sizeof h);
  w_bytes(&out, &h, sizeof h);
  w_str(&out, dir);
  w_u64(&out, (uint64_t)lex->nsrcs);
  w_bytes(&out, lex->srcs, (size_t)lex->nsrcs * sizeof *lex->srcs);
  w_u64(&out, in.blob.n);
  w_bytes(&out, in.blob.s, in.blob.n);
  for (size_t i = 0; i < NMAPS && !out.oom; i++) {
    const ngi_map *m = maps[i];
    /* written at most 3/4 full (a map grows at half): the file, read
     * whole at every start to check it, is then a third smaller; the
     * keys, and so every look-up's answer, are the same */
    size_t cap = m->cap;
    while (cap > 64 && (cap / 2) * 3 >= m->n * 4)
      cap /= 2;
    ngi_mapent *ents = cap ? calloc(cap, sizeof *ents) : NULL;
    if (cap && !ents) {
      out.oom = 1;
      break;
    }
    for (size_t j = 0; j < m->cap; j++) {
      if (!m->ents[j].key)
        continue;
      size_t k = m->ents[j].h & (cap - 1);
      while (ents[k].key)
        k = (k + 1) & (cap - 1);
      ents[k] = m->ents[j];
      ents[k].key = (uintptr_t)offset_of(&in, ngi_map_key(m, j));
    }
    w_u64(&out, cap);
    w_u64(&out, m->n);
    w_u64(&out, m->bit);
    w_bytes(&out, ents, cap * sizeof *ents);
    free(ents);
  }
  w_u64(&out, lex->nplaces);
  for (size_t i = 0; i < lex->nplaces; i++) {
    w_u64(&out, offset_of(&in, lex->places[i].name));
    w_u64(&out, offset_of(&in, lex->places[i].wikidata));
  }
  w_u64(&out, lex->norgs);
  for (size_t i = 0; i < lex->norgs; i++) {
    w_u64(&out, offset_of(&in, lex->orgs[i].name));
    w_u64(&out, offset_of(&in, lex->orgs[i].wikidata));
  }
  w_u64(&out, lex->ntopics);
  for (size_t i = 0; i < lex->ntopics; i++) {
    w_u64(&out, offset_of(&in, lex->topics[i].id));
    w_u64(&out, offset_of(&in, lex->topics[i].label));
    w_u64(&out, offset_of(&in, lex->topics[i].iptc));
    w_u64(&out, (uint64_t)lex->topics[i].exact);
  }
  w_u64(&out, lex->nkeywords);
  for (size_t i = 0; i < lex->nkeywords; i++) {
    const ngi_keyword *k = &lex->keywords[i];
    w_u64(&out, (uint64_t)k->nwords);
    w_u64(&out, (uint64_t)(int64_t)k->topic);
    w_u64(&out, (uint64_t)(int64_t)k->next);
    for (int j = 0; j < k->nwords; j++)
      w_u64(&out, offset_of(&in, k->words[j]));
  }
  w_u64(&out, (uint64_t)lex->indexed);
  int bad = out.oom || in.blob.oom;
  free(in.blob.s);
  ngi_map_release(&in.seen);
  if (bad) {
    free(out.s);
    return -1;
  }
  memcpy(h.magic, MAGIC, sizeof h.magic);
  h.format = FORMAT;
  h.order = 0x01020304;
  h.lexsize = sizeof(ng_lexicon);
  h.entsize = sizeof(ngi_mapent);
  h.size = out.n;
  h.sum = checksum(out.s + sizeof h, out.n - sizeof h);
  snprintf(h.code, sizeof h.code, "%s", NGI_LEXCODE);
  memcpy(out.s, &h, sizeof h);

  /* a temporary file beside it, renamed: readers see all or nothing */
  char tmp[4096 + 32];
  int fd = -1, rc = -1;
  if (make_folder(path) == 0 &&
      (size_t)snprintf(tmp, sizeof tmp, "%s.%ld.%u.tmp", path, (long)getpid(),
                       (unsigned)atomic_fetch_add(&saves, 1)) < sizeof tmp &&
      (fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) >= 0) {
    size_t done = 0;
    while (done < out.n) {
      ssize_t k = write(fd, out.s + done, out.n - done);
      if (k < 0 && errno == EINTR)
        continue;
      if (k <= 0)
        break;
      done += (size_t)k;
    }
    if (close(fd) == 0 && done == out.n && rename(tmp, path) == 0)
      rc = 0;
    else
      unlink(tmp);
  }
  free(out.s);
  return rc;
}

/* ------------------------------------------------------------ reading */

typedef struct rbuf {
  const unsigned char *s;
  size_t n, at;
  int bad;
} rbuf;

static const void *r_bytes(rbuf *b, size_t n) {
  size_t pad = (8 - n % 8) % 8;
  if (b->bad || n > b->n - b->at || pad > b->n - b->at - n) {
    b->bad = 1;
    return NULL;
  }
  const void *p = b->s + b->at;
  b->at += n + pad;
  return p;
}

static uint64_t r_u64(rbuf *b) {
  const void *p = r_bytes(b, 8);
  uint64_t v = 0;
  if (p)
    memcpy(&v, p, 8);
  return v;
}

/* A string of the blob, or NULL for offset 0; bad when out of it. */
static const char *r_str(rbuf *b, const char *blob, size_t bloblen) {
  uint64_t off = r_u64(b);
  if (off == 0)
    return NULL;
  if (off >= bloblen) {
    b->bad = 1;
    return NULL;
  }
  return blob + off;
}

static int fill(ng_lexicon *lex, const char *dir, rbuf *b) {
  ngi_map *maps[NMAPS];
  uint64_t n = r_u64(b);
  const char *d = r_bytes(b, n < SIZE_MAX ? (size_t)n + 1 : 0);
  if (!d || strlen(dir) != n || memcmp(d, dir, n) != 0)
    return -1;
  /* the sources: a changed or new file makes the cache stale */
  n = r_u64(b);
  if (n > NGI_LEX_MAXSRC)
    return -1;
  const ngi_lexsrc *srcs = r_bytes(b, (size_t)n * sizeof *srcs);
  if (!srcs)
    return -1;
  for (size_t i = 0; i < n; i++) {
    lex->srcs[i] = srcs[i];
    lex->srcs[i].name[sizeof srcs[i].name - 1] = '\0';
    if (!src_fresh(dir, &lex->srcs[i]))
      return -1;
  }
  lex->nsrcs = (int)n;
  /* now that it is fresh, is it whole? */
  const header *h = (const header *)b->s;
  if (checksum(b->s + sizeof *h, b->n - sizeof *h) != h->sum)
    return -1;
  uint64_t bloblen = r_u64(b);
  const char *blob = r_bytes(b, bloblen < SIZE_MAX ? (size_t)bloblen : 0);
  if (!blob || bloblen == 0 || blob[bloblen - 1] != '\0')
    return -1;
  maps_of(lex, maps);
  for (size_t i = 0; i < NMAPS; i++) {
    uint64_t cap = r_u64(b), cnt = r_u64(b), bit = r_u64(b);
    if (b->bad || (cap & (cap - 1)) || (cap ? cnt >= cap : cnt != 0) ||
        cap > (b->n - b->at) / sizeof(ngi_mapent))
      return -1;
    ngi_map *m = maps[i];
    m->ents = cap ? (ngi_mapent *)r_bytes(b, cap * sizeof(ngi_mapent)) : NULL;
    m->cap = cap;
    m->n = cnt;
    m->bit = (uint32_t)bit;
    m->kbase = (uintptr_t)blob;
    m->borrowed = 1;
  }
  n = r_u64(b);
  if (n > b->n / 16)
    return -1;
  for (size_t i = 0; i < n; i++) {
    ngi_place *p = NGI_PUSH(&lex->arena, lex->places, lex->nplaces,
                            lex->capplaces);
    if (!p)
      return -1;
    p->name = r_str(b, blob, bloblen);
    p->wikidata = r_str(b, blob, bloblen);
  }
  n = r_u64(b);
  if (n > b->n / 16)
    return -1;
  for (size_t i = 0; i < n; i++) {
    ngi_lexorg *o = NGI_PUSH(&lex->arena, lex->orgs, lex->norgs,
                             lex->caporgs);
    if (!o)
      return -1;
    o->name = r_str(b, blob, bloblen);
    o->wikidata = r_str(b, blob, bloblen);
  }
  n = r_u64(b);
  if (n > b->n / 32)
    return -1;
  for (size_t i = 0; i < n; i++) {
    ngi_lextopic *t = NGI_PUSH(&lex->arena, lex->topics, lex->ntopics,
                               lex->captopics);
    if (!t)
      return -1;
    t->id = r_str(b, blob, bloblen);
    t->label = r_str(b, blob, bloblen);
    t->iptc = r_str(b, blob, bloblen);
    t->exact = r_u64(b) != 0;
  }
  n = r_u64(b);
  if (n > b->n / 24)
    return -1;
  for (size_t i = 0; i < n && !b->bad; i++) {
    ngi_keyword *k = NGI_PUSH(&lex->arena, lex->keywords, lex->nkeywords,
                              lex->capkeywords);
    if (!k)
      return -1;
    uint64_t nw = r_u64(b);
    int64_t topic = (int64_t)r_u64(b), next = (int64_t)r_u64(b);
    if (nw == 0 || nw > 8 || topic < 0 || (uint64_t)topic >= lex->ntopics ||
        next < -1 || next >= (int64_t)n)
      return -1;
    k->nwords = (int)nw;
    k->topic = (int)topic;
    k->next = (int)next;
    k->words = ngi_alloc(&lex->arena, nw * sizeof *k->words);
    if (!k->words)
      return -1;
    for (size_t j = 0; j < nw; j++)
      if (!(k->words[j] = r_str(b, blob, bloblen)))
        return -1;
  }
  lex->indexed = r_u64(b) != 0;
  if (b->bad || b->at != b->n || lex->arena.failed)
    return -1;
  return 0;
}

/* Undo a partial fill: the lexicon is empty again. */
static void unfill(ng_lexicon *lex) {
  ngi_map *maps[NMAPS];
  maps_of(lex, maps);
  for (size_t i = 0; i < NMAPS; i++)
    ngi_map_release(maps[i]);
  ngi_arena_release(&lex->arena);
  ngi_arena_init(&lex->arena);
  lex->places = NULL;
  lex->nplaces = lex->capplaces = 0;
  lex->orgs = NULL;
  lex->norgs = lex->caporgs = 0;
  lex->topics = NULL;
  lex->ntopics = lex->captopics = 0;
  lex->keywords = NULL;
  lex->nkeywords = lex->capkeywords = 0;
  lex->nsrcs = 0;
  lex->indexed = 0;
}

int ngi_lexcache_load(ng_lexicon *lex, const char *dir, const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat sb;
  header h;

  if (fd < 0)
    return -1;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
      (uint64_t)sb.st_size < sizeof h ||
      (uint64_t)sb.st_size > (uint64_t)1 << 32 ||
      read(fd, &h, sizeof h) != (ssize_t)sizeof h ||
      memcmp(h.magic, MAGIC, sizeof h.magic) != 0 || h.format != FORMAT ||
      h.order != 0x01020304 || h.lexsize != sizeof(ng_lexicon) ||
      h.entsize != sizeof(ngi_mapent) || h.size != (uint64_t)sb.st_size ||
      strncmp(h.code, NGI_LEXCODE, sizeof h.code) != 0) {
    close(fd);
    return -1;
  }
  void *p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED)
    return -1;
  rbuf b = {p, (size_t)sb.st_size, sizeof h, 0};
  if (fill(lex, dir, &b) != 0) {
    unfill(lex);
    munmap(p, (size_t)sb.st_size);
    return -1;
  }
  lex->cache = p;
  lex->cachesize = (size_t)sb.st_size;
  if (ngi_lex_derive(lex) != 0) {
    free(lex->wtab);
    free(lex->wkeys);
    lex->wtab = NULL;
    lex->wkeys = NULL;
    lex->cache = NULL;
    unfill(lex);
    munmap(p, (size_t)sb.st_size);
    return -1;
  }
  return 0;
}

/* For lexicon.c's loader: what slurp records of each file. */
void ngi_lexsrc_note(ng_lexicon *lex, const char *name,
                     const struct stat *sb) {
  if (lex->nsrcs >= NGI_LEX_MAXSRC)
    return;
  ngi_lexsrc *s = &lex->srcs[lex->nsrcs++];
  memset(s, 0, sizeof *s);
  snprintf(s->name, sizeof s->name, "%s", name);
  if (sb)
    src_fill(s, sb);
}
