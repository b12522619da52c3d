/* extract_run.c - running `newsgraph extract`: the reader takes the
 * inputs in order (JSON Lines files line by line) into items; one article
 * is processed and written alone; many go through a ring of slots that -j
 * worker threads fill (extract_item.c) and the main thread writes in
 * input order, or merges into one graph; with -j 1 the main thread fills
 * each slot itself, with no worker thread.
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_extract.h"
#include "outdir.h"
#include "output.h"

/* ------------------------------------------------------------ reading */

/* Read a whole file (or stdin) of at most limit + 1 bytes into it. */
static void read_whole(item *it, const char *path, size_t limit)
{
  int e = cli_slurp(path, limit, &it->raw, &it->rawlen);

  if (e != 0)
    cli_item_fail(it, e == ENOMEM ? CLI_EINTERNAL : CLI_EREAD,
                  "cannot read '%s': %s", it->name,
                  e > 0 ? cli_errno_text(e) : "I/O error");
}

/* The reader: sources in order, JSON Lines files line by line. */
typedef struct reader {
  cli_source *src;
  size_t nsrc, next;
  FILE *jf;              /* the open JSON Lines file */
  const char *jpath;
  unsigned long line;
  size_t limit;
  char *lbuf;
  size_t lcap;
} reader;

static char *dup_name(const char *s)
{
  char *d = malloc(strlen(s) + 1);
  if (d != NULL)
    strcpy(d, s);
  return d;
}

/* Next line of the JSON Lines file into it; 0 at the end of the file. */
static int next_line(reader *r, item *it)
{
  for (;;) {
    size_t n = 0;
    int c, too_long = 0;
    char name[64];

    c = getc_unlocked(r->jf);
    if (c == EOF)
      return 0;
    r->line++;
    while (c != EOF && c != '\n') {
      if (n + 1 >= r->lcap && !too_long) {
        size_t ncap = r->lcap > 0 ? r->lcap * 2 : 65536;
        char *nb = realloc(r->lbuf, ncap);
        if (nb == NULL) {
          too_long = 1;
        } else {
          r->lbuf = nb;
          r->lcap = ncap;
        }
      }
      if (n > r->limit)
        too_long = 1;
      if (!too_long)
        r->lbuf[n++] = (char)c;
      c = getc_unlocked(r->jf);
    }
    snprintf(name, sizeof name, ":%lu", r->line);
    if (too_long) {
      it->name = malloc(strlen(cli_display_name(r->jpath)) + strlen(name) +
                        1);
      if (it->name != NULL) {
        strcpy(it->name, cli_display_name(r->jpath));
        strcat(it->name, name);
      }
      cli_item_fail(it, CLI_EINPUT, "'%s%s': record longer than %lu bytes",
                    cli_display_name(r->jpath), name, (unsigned long)r->limit);
      return 1;
    }
    if (n == 0)
      continue;
    r->lbuf[n] = '\0';
    {
      size_t k;
      for (k = 0; k < n && (r->lbuf[k] == ' ' || r->lbuf[k] == '\t' ||
                            r->lbuf[k] == '\r'); k++)
        ;
      if (k == n)
        continue; /* a blank line */
    }
    it->kind = IN_JSONL;
    it->srcno = r->next - 1;
    it->line = r->line;
    it->name = malloc(strlen(cli_display_name(r->jpath)) + strlen(name) + 1);
    it->raw = malloc(n + 1);
    if (it->name == NULL || it->raw == NULL) {
      cli_item_fail(it, CLI_EINTERNAL, "out of memory");
      return 1;
    }
    strcpy(it->name, cli_display_name(r->jpath));
    strcat(it->name, name);
    memcpy(it->raw, r->lbuf, n + 1);
    it->rawlen = n;
    return 1;
  }
}

/* The next item; 0 when all inputs are read. */
static int read_next(reader *r, item *it)
{
  memset(it, 0, sizeof *it);
  for (;;) {
    cli_source *s;

    if (r->jf != NULL) {
      int got = next_line(r, it);
      if (got)
        return 1;
      if (ferror(r->jf)) {
        it->name = dup_name(r->jpath);
        cli_item_fail(it, CLI_EREAD, "cannot read '%s': %s",
                      cli_display_name(r->jpath), cli_errno_text(errno));
      }
      if (r->jf != stdin)
        fclose(r->jf);
      r->jf = NULL;
      if (it->rc != 0)
        return 1;
    }
    if (r->next >= r->nsrc)
      return 0;
    s = &r->src[r->next++];
    if (s->kind == IN_JSONL) {
      r->jf = strcmp(s->path, "-") == 0 ? stdin : fopen(s->path, "rb");
      r->jpath = s->path;
      r->line = 0;
      if (r->jf == NULL) {
        it->name = dup_name(s->path);
        cli_item_fail(it, CLI_EREAD, "cannot read '%s': %s", s->path,
                      cli_errno_text(errno));
        return 1;
      }
      continue;
    }
    it->kind = s->kind;
    it->srcno = r->next - 1;
    it->name = dup_name(cli_display_name(s->path));
    if (it->name == NULL) {
      cli_item_fail(it, CLI_EINTERNAL, "out of memory");
      return 1;
    }
    if (s->kind != IN_URL)
      read_whole(it, s->path, r->limit);
    return 1;
  }
}

/* ------------------------------------------------------------ one article */

int cli_extract_one(const extract_args *a, const job *j, cli_source *s)
{
  item it;
  reader r;
  FILE *out;
  int rc;

  memset(&r, 0, sizeof r);
  r.src = s;
  r.nsrc = 1;
  r.limit = a->max_bytes != 0 ? a->max_bytes : NG_DEFAULT_MAX_BYTES;
  if (!read_next(&r, &it)) {
    cli_error("'%s': no article", cli_display_name(s->path));
    return CLI_EINPUT;
  }
  if (it.rc == 0)
    cli_item_process(j, &it, NULL);
  if (it.rc != 0) {
    cli_error("%s", it.msg);
    rc = it.rc;
    cli_item_clear(&it);
    return rc;
  }
  out = cli_output_open(a->output);
  if (out == NULL) {
    cli_item_clear(&it);
    return CLI_EOUTPUT;
  }
  rc = 0;
  if (it.outlen > 0 && fwrite(it.out, 1, it.outlen, out) != it.outlen)
    rc = CLI_EOUTPUT;
  if (rc == 0 && out == stdout && (fflush(stdout) != 0 || ferror(stdout)))
    rc = CLI_EOUTPUT;
  if (rc != 0) {
    cli_error("cannot write the %s output: %s", j->format,
              cli_errno_text(errno));
    cli_output_close(out, a->output, 0);
  } else {
    rc = cli_output_close(out, a->output, 1);
  }
  cli_item_clear(&it);
  return rc;
}

/* ------------------------------------------------------------ many */

typedef struct pool {
  const job *j;
  item *slots;
  size_t nslots;
  size_t next_read, next_take, next_write;   /* sequence numbers */
  int eof, stop;
  ng_rdf_world **worlds; /* one per worker, freed after all have ended */
  size_t nworlds;
  pthread_mutex_t lock;
  pthread_cond_t work, done;
} pool;

static void *worker(void *arg)
{
  pool *p = arg;
  ng_rdf_world *w = NULL;
  char err[NG_ERRLEN];
  ng_status wst = NG_OK;

  if (!p->j->merge) {
    err[0] = '\0';
    wst = ng_rdf_world_new(&w, err);
  }
  pthread_mutex_lock(&p->lock);
  /* raptor calls xmlCleanupParser when a world is freed: no world may go
   * while another thread still parses, so run_many frees them all */
  p->worlds[p->nworlds++] = w;
  for (;;) {
    item *it;
    while (!p->stop && !p->eof && p->next_take >= p->next_read)
      pthread_cond_wait(&p->work, &p->lock);
    if (p->stop || p->next_take >= p->next_read)
      break;
    it = &p->slots[p->next_take++ % p->nslots];
    if (it->state != SLOT_READY)
      continue;
    it->state = SLOT_TAKEN;
    pthread_mutex_unlock(&p->lock);
    if (wst != NG_OK)
      cli_item_fail(it, CLI_EOUTPUT, "'%s': %s", it->name, cli_why(err, wst));
    else
      cli_item_process(p->j, it, w);
    pthread_mutex_lock(&p->lock);
    it->state = SLOT_DONE;
    pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->lock);
  return NULL;
}

typedef struct totals {
  size_t ok, failed, triples, listed;
  unsigned long long bytes;
  double t_extract, t_graph, t_ser;
  char **failures;       /* the first few messages */
} totals;

#define MAX_LISTED 50

static void count(totals *t, const item *it)
{
  t->bytes += it->rawlen;
  t->t_extract += it->t_extract;
  t->t_graph += it->t_graph;
  t->t_ser += it->t_ser;
  if (it->rc == 0) {
    t->ok++;
    t->triples += it->triples;
    return;
  }
  t->failed++;
  if (t->listed < MAX_LISTED && t->failures != NULL)
    t->failures[t->listed++] = dup_name(it->msg);
}

static void progress(const totals *t, double start, unsigned long long total,
                     int final)
{
  double s = cli_wall_now() - start, rate, mbs;
  char eta[32] = "";

  if (s <= 0)
    s = 1e-3;
  rate = (double)(t->ok + t->failed) / s;
  mbs = (double)t->bytes / 1e6 / s;
  if (total > t->bytes && t->bytes > 0 && !final) {
    double left = (double)(total - t->bytes) / ((double)t->bytes / s);
    snprintf(eta, sizeof eta, "  ETA %.0fs", left);
  }
  fprintf(stderr, "\r\033[K%lu articles (%lu failed)  %.1f articles/s  "
          "%.2f MB/s%s%s", (unsigned long)(t->ok + t->failed),
          (unsigned long)t->failed, rate, mbs, eta, final ? "\n" : "");
  fflush(stderr);
}

int cli_extract_many(const extract_args *a, job *j, cli_source *src,
                     size_t nsrc, unsigned long long total_bytes, FILE *out)
{
  pool p;
  reader r;
  totals t;
  pthread_t *tids;
  long nt = a->jobs, started = 0, i;
  ng_rdf_world *mw = NULL;
  ng_graph *merged = NULL;
  char err[NG_ERRLEN];
  int rc = 0, fatal = 0, show = !a->quiet && isatty(2);
  int inl = 0;            /* -j 1: no worker thread */
  ng_rdf_world *iw = NULL;
  char iwerr[NG_ERRLEN];
  ng_status iwst = NG_OK;
  double start = cli_wall_now(), last = 0;
  ng_status st;

  memset(&t, 0, sizeof t);
  t.failures = calloc(MAX_LISTED, sizeof *t.failures);
  memset(&r, 0, sizeof r);
  r.src = src;
  r.nsrc = nsrc;
  r.limit = a->max_bytes != 0 ? a->max_bytes : NG_DEFAULT_MAX_BYTES;
  memset(&p, 0, sizeof p);
  p.j = j;
  p.nslots = (size_t)nt * 4 + 4;
  p.slots = calloc(p.nslots, sizeof *p.slots);
  tids = calloc((size_t)nt, sizeof *tids);
  p.worlds = calloc((size_t)nt, sizeof *p.worlds);
  if (p.slots == NULL || tids == NULL || t.failures == NULL ||
      p.worlds == NULL) {
    free(p.worlds);
    cli_error("out of memory");
    free(p.slots);
    free(tids);
    free(t.failures);
    return CLI_EINTERNAL;
  }
  if (j->merge) {
    err[0] = '\0';
    st = ng_rdf_world_new(&mw, err);
    if (st == NG_OK)
      st = ng_graph_new_in_world(mw, &merged, err);
    if (st != NG_OK) {
      cli_error("cannot build the graph: %s", cli_why(err, st));
      ng_rdf_world_free(mw);
      free(p.worlds);
      free(p.slots);
      free(tids);
      free(t.failures);
      return CLI_EOUTPUT;
    }
  }
  ngi_html_init();
  pthread_mutex_init(&p.lock, NULL);
  pthread_cond_init(&p.work, NULL);
  pthread_cond_init(&p.done, NULL);
  /* -j 1: the main thread extracts each article itself, between
   * reading it and writing it; no worker, no hand-off */
  if (nt == 1) {
    inl = 1;
    if (!j->merge) {
      iwerr[0] = '\0';
      iwst = ng_rdf_world_new(&iw, iwerr);
    }
  }
  for (i = 0; i < nt && !inl; i++) {
    if (pthread_create(&tids[i], NULL, worker, &p) != 0)
      break;
    started++;
  }
  if (started == 0 && !inl) {
    cli_error("cannot start worker threads");
    fatal = CLI_EINTERNAL;
  }

  pthread_mutex_lock(&p.lock);
  while (!fatal) {
    item *w = &p.slots[p.next_write % p.nslots];

    if (p.next_write < p.next_read && w->state == SLOT_DONE) {
      pthread_mutex_unlock(&p.lock);
      if (w->rc == 0 && j->outdir != NULL) {
        /* one file per article, named here in input order */
        int e = cli_outdir_write(j->outdir, w->srcno, w->line, w->id,
                                 w->out, w->outlen, w->msg, sizeof w->msg);
        if (e != 0)
          w->rc = CLI_EOUTPUT; /* listed at the end */
        if (e > 1)
          fatal = e;         /* every further file would fail too */
      }
      count(&t, w);
      if (w->rc == 0 && merged != NULL) {
        ng_article_meta meta;
        double t0 = cli_cpu_now();
        err[0] = '\0';
        ng_graph_opts o = a->opts;
        if (w->source != NULL)
          o.source = w->source;
        st = ng_graph_add_doc(merged, w->doc, &o, err);
        if (st == NG_OK && ngi_article_has_meta(&w->art)) {
          ngi_article_meta(&w->art, &meta);
          st = ng_graph_add_meta(merged, w->doc, &o, &meta, err);
        }
        if (st != NG_OK) {
          cli_error("'%s': cannot build the graph: %s", w->name,
                    cli_why(err, st));
          fatal = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT;
        }
        t.t_graph += cli_cpu_now() - t0;
      } else if (w->rc == 0 && w->outlen > 0 && out != NULL &&
                 ((j->jsonld == 2 && j->jmembers++ > 0 &&
                   fputs(",\n", out) == EOF) ||
                  fwrite(w->out, 1, w->outlen, out) != w->outlen)) {
        cli_error("cannot write the output: %s", cli_errno_text(errno));
        fatal = CLI_EOUTPUT;
      }
      cli_item_clear(w);
      pthread_mutex_lock(&p.lock);
      p.next_write++;
      continue;
    }
    if (inl && p.next_write < p.next_read && w->state == SLOT_READY) {
      pthread_mutex_unlock(&p.lock);
      if (iwst != NG_OK)
        cli_item_fail(w, CLI_EOUTPUT, "'%s': %s", w->name,
                      cli_why(iwerr, iwst));
      else
        cli_item_process(j, w, iw);
      if (show && cli_wall_now() - last >= 0.25) {
        progress(&t, start, total_bytes, 0);
        last = cli_wall_now();
      }
      pthread_mutex_lock(&p.lock);
      w->state = SLOT_DONE;
      continue;
    }
    if (p.eof && p.next_write == p.next_read)
      break;
    if (!p.eof && p.next_read - p.next_write < p.nslots) {
      item *it = &p.slots[p.next_read % p.nslots];
      int got;
      pthread_mutex_unlock(&p.lock);
      got = read_next(&r, it);
      pthread_mutex_lock(&p.lock);
      if (!got) {
        p.eof = 1;
        pthread_cond_broadcast(&p.work);
        continue;
      }
      it->state = it->rc != 0 ? SLOT_DONE : SLOT_READY;
      p.next_read++;
      pthread_cond_signal(&p.work);
      continue;
    }
    if (show) {
      struct timespec ts;
      double now = cli_wall_now();
      if (now - last >= 0.25) {
        pthread_mutex_unlock(&p.lock);
        progress(&t, start, total_bytes, 0);
        last = now;
        pthread_mutex_lock(&p.lock);
        continue;
      }
      clock_gettime(CLOCK_REALTIME, &ts);
      ts.tv_nsec += 250000000L;
      if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000L;
      }
      pthread_cond_timedwait(&p.done, &p.lock, &ts);
    } else {
      pthread_cond_wait(&p.done, &p.lock);
    }
  }
  p.stop = 1;
  pthread_cond_broadcast(&p.work);
  pthread_mutex_unlock(&p.lock);
  for (i = 0; i < started; i++)
    pthread_join(tids[i], NULL);
  for (i = 0; i < (long)p.nworlds; i++)
    ng_rdf_world_free(p.worlds[i]);
  ng_rdf_world_free(iw);
  free(p.worlds);
  for (i = 0; i < (long)p.nslots; i++)
    cli_item_clear(&p.slots[i]);
  if (r.jf != NULL && r.jf != stdin)
    fclose(r.jf);
  free(r.lbuf);
  if (show)
    progress(&t, start, total_bytes, 1);

  if (!fatal && merged != NULL) {
    double t0 = cli_cpu_now();
    err[0] = '\0';
    st = ng_graph_write(merged, j->format, out, err);
    if (st != NG_OK) {
      cli_error("cannot write the %s output: %s", j->format, cli_why(err, st));
      fatal = st == NG_ENOMEM ? CLI_EINTERNAL : CLI_EOUTPUT;
    }
    t.triples = ng_graph_size(merged);
    t.t_ser += cli_cpu_now() - t0;
  }
  ng_graph_free(merged);
  ng_rdf_world_free(mw);
  if (!fatal && j->jsonld == 2 &&
      ng_jsonld_write_tail(j->jmembers > 0, out, NULL) != NG_OK) {
    cli_error("cannot write the output: %s", cli_errno_text(errno));
    fatal = CLI_EOUTPUT;
  }

  if (!fatal)
    fatal = cli_output_close(out, a->output, 1);
  else
    cli_output_close(out, a->output, 0);
  if (a->stats)
    fprintf(stderr, "newsgraph: stats: articles=%lu failed=%lu bytes=%llu "
            "triples=%lu jobs=%ld seconds=%.3f extract_cpu=%.3f "
            "graph_cpu=%.3f serialize_cpu=%.3f\n",
            (unsigned long)(t.ok + t.failed), (unsigned long)t.failed,
            t.bytes, (unsigned long)t.triples, nt, cli_wall_now() - start,
            t.t_extract, t.t_graph, t.t_ser);
  for (i = 0; i < (long)t.listed; i++) {
    if (t.failures[i] != NULL)
      cli_error("%s", t.failures[i]);
    free(t.failures[i]);
  }
  free(t.failures);
  if (t.failed > t.listed)
    cli_error("... and %lu more failed articles",
              (unsigned long)(t.failed - t.listed));
  if (t.failed > 0 || (fatal == 0 && !a->quiet))
    cli_error("extract: %lu ok, %lu failed", (unsigned long)t.ok,
              (unsigned long)t.failed);
  rc = fatal != 0 ? fatal : t.failed > 0 ? CLI_ESOME : CLI_OK;
  pthread_mutex_destroy(&p.lock);
  pthread_cond_destroy(&p.work);
  pthread_cond_destroy(&p.done);
  free(p.slots);
  free(tids);
  return rc;
}
