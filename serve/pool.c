/* pool.c - the store workers of `newsgraph serve`.
 *
 * Each worker thread has its own store (its own librdf world and sqlite
 * connection): sqlite lets many readers and one writer share the file, so
 * `newsgraph load` can write while the server reads.  A request queues a
 * job and waits for it until its deadline.  rasqal cannot be stopped half
 * way through a query, so a job past its deadline is abandoned: the
 * client gets 503 at once, and the worker drops the answer when the query
 * ends; the worker stays busy until then, which bounds the work at any
 * time to the number of workers.  To free the worker and the store's
 * read lock sooner, every sqlite connection of the process gets a
 * progress handler (sqlite3_auto_extension) that interrupts the
 * statement running when its thread's job is past its deadline: the
 * query then fails at once.  An answer is written through a FILE
 * that refuses more than max_result bytes.  A read that finds the store
 * locked (a load committing) is run again until the deadline.
 */
#define _GNU_SOURCE /* fopencookie */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "serve.h"

#define QUEUE_MAX 256

enum { QUEUED = 0, RUNNING, DONE, ABANDONED };

struct ngi_pool {
  pthread_mutex_t mu;
  pthread_cond_t work, done;
  ngi_job *head, *tail;
  size_t queued;
  int stop;
  double timeout;
  size_t max_result;
  unsigned n, nstores;
  pthread_t *threads;
  ng_store **stores;
};

double ngi_now(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------ deadlines */

/* The deadline of the job this thread runs (0: none). */
static _Thread_local double deadline;

static int past_deadline(void *arg)
{
  (void)arg;
  return deadline > 0 && ngi_now() > deadline;
}

static int on_connection(sqlite3 *db, const char **msg, const void *api)
{
  (void)msg;
  (void)api;
  sqlite3_progress_handler(db, 100, past_deadline, NULL);
  return SQLITE_OK;
}

/* ------------------------------------------------------------ jobs */

static char *dup_or_null(const char *s, int *failed)
{
  char *d;

  if (s == NULL)
    return NULL;
  d = strdup(s);
  if (d == NULL)
    *failed = 1;
  return d;
}

ngi_job *ngi_job_new(ngi_job_fn fn, const char *a, const char *b)
{
  ngi_job *j = calloc(1, sizeof *j);
  int failed = 0;

  if (j == NULL)
    return NULL;
  j->fn = fn;
  j->a = dup_or_null(a, &failed);
  j->b = dup_or_null(b, &failed);
  j->refs = 1;
  if (failed) {
    free(j->a);
    free(j->b);
    free(j);
    return NULL;
  }
  return j;
}

static void job_free(ngi_job *j)
{
  free(j->a);
  free(j->b);
  free(j->out);
  free(j);
}

void ngi_job_release(ngi_pool *p, ngi_job *j)
{
  int last;

  if (j == NULL)
    return;
  pthread_mutex_lock(&p->mu);
  last = --j->refs == 0;
  pthread_mutex_unlock(&p->mu);
  if (last)
    job_free(j);
}

/* ------------------------------------------------------------ answers */

typedef struct sink {
  char *buf;
  size_t len, cap, max;
  int over;
} sink;

static ssize_t sink_write(void *c, const char *data, size_t n)
{
  sink *s = c;

  /* 0 is the error of a cookie writer (never a negative value) */
  if (s->over || n > s->max - s->len) {
    s->over = 1;
    return 0;
  }
  if (s->len + n + 1 > s->cap) {
    size_t cap = s->cap ? s->cap : 4096;
    char *b;
    while (cap < s->len + n + 1)
      cap *= 2;
    b = realloc(s->buf, cap);
    if (b == NULL)
      return 0;
    s->buf = b;
    s->cap = cap;
  }
  memcpy(s->buf + s->len, data, n);
  s->len += n;
  return (ssize_t)n;
}

static int busy(ng_status st, const char *err)
{
  return (st == NG_ESTORE || st == NG_EQUERY) &&
         (strstr(err, "locked") != NULL || strstr(err, "busy") != NULL);
}

static void run_job(ngi_pool *p, ng_store *st, ngi_job *j)
{
  cookie_io_functions_t io = { NULL, sink_write, NULL, NULL };
  sink s;

  for (;;) {
    FILE *f;
    memset(&s, 0, sizeof s);
    s.max = p->max_result;
    j->err[0] = '\0';
    f = fopencookie(&s, "w", io);
    if (f == NULL) {
      j->status = NG_ENOMEM;
      snprintf(j->err, sizeof j->err, "out of memory");
      return;
    }
    deadline = j->deadline;
    j->status = j->fn(st, j, f, j->err);
    deadline = 0;
    if (fclose(f) != 0 && j->status == NG_OK)
      j->status = NG_EIO;
    if (s.over) {
      j->over = 1;
      j->status = NG_EIO;
      snprintf(j->err, sizeof j->err, "the answer is over %zu bytes",
               p->max_result);
    }
    if (j->status != NG_OK && ngi_now() >= j->deadline) {
      j->late = 1; /* the progress handler stopped it: a time-out */
      break;
    }
    if (j->status == NG_OK || !busy(j->status, j->err) ||
        ngi_now() + 0.05 > j->deadline)
      break;
    free(s.buf);
    nanosleep(&(struct timespec){ 0, 20 * 1000000L }, NULL);
  }
  if (j->status == NG_OK) {
    j->out = s.buf;
    j->outlen = s.len;
  } else {
    free(s.buf);
  }
}

/* ------------------------------------------------------------ workers */

typedef struct worker_arg {
  ngi_pool *p;
  unsigned i;
} worker_arg;

static void *worker(void *arg)
{
  worker_arg *w = arg;
  ngi_pool *p = w->p;
  ng_store *st = p->stores[w->i];

  free(w);
  pthread_mutex_lock(&p->mu);
  for (;;) {
    ngi_job *j;
    while (!p->stop && p->head == NULL)
      pthread_cond_wait(&p->work, &p->mu);
    if (p->head == NULL)
      break;
    j = p->head;
    p->head = j->next;
    if (p->head == NULL)
      p->tail = NULL;
    p->queued--;
    j->state = RUNNING;
    pthread_mutex_unlock(&p->mu);
    run_job(p, st, j);
    pthread_mutex_lock(&p->mu);
    if (j->state == ABANDONED) {
      if (--j->refs == 0)
        job_free(j);
    } else {
      j->state = DONE;
      j->refs--;
      pthread_cond_broadcast(&p->done);
    }
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

int ngi_pool_run(ngi_pool *p, ngi_job *j)
{
  struct timespec until;
  double end = ngi_now() + p->timeout, t;
  int rc = NGI_RUN_DONE;

  clock_gettime(CLOCK_REALTIME, &until);
  t = (double)until.tv_nsec / 1e9 + p->timeout;
  until.tv_sec += (time_t)t;
  until.tv_nsec = (long)((t - (double)(time_t)t) * 1e9);
  pthread_mutex_lock(&p->mu);
  if (p->queued >= QUEUE_MAX || p->stop) {
    pthread_mutex_unlock(&p->mu);
    return NGI_RUN_BUSY;
  }
  j->deadline = end;
  j->state = QUEUED;
  j->refs++; /* the pool's */
  j->next = NULL;
  if (p->tail != NULL)
    p->tail->next = j;
  else
    p->head = j;
  p->tail = j;
  p->queued++;
  pthread_cond_signal(&p->work);
  while (j->state != DONE) {
    if (pthread_cond_timedwait(&p->done, &p->mu, &until) != 0 &&
        j->state != DONE) {
      rc = NGI_RUN_TIMEOUT;
      break;
    }
  }
  if (rc == NGI_RUN_TIMEOUT) {
    if (j->state == QUEUED) { /* take it out of the queue */
      ngi_job **pp = &p->head, *prev = NULL;
      while (*pp != j) {
        prev = *pp;
        pp = &(*pp)->next;
      }
      *pp = j->next;
      if (p->tail == j)
        p->tail = prev;
      p->queued--;
      j->refs--;
    } else {
      j->state = ABANDONED; /* the worker drops it */
    }
  }
  pthread_mutex_unlock(&p->mu);
  return rc;
}

/* ------------------------------------------------------------ the pool */

ng_status ngi_pool_new(const ngi_serve_opts *o, ngi_pool **out, char *err)
{
  ngi_pool *p = calloc(1, sizeof *p);
  unsigned i;
  ng_status st = NG_OK;

  *out = NULL;
  if (p == NULL)
    goto nomem;
  sqlite3_auto_extension((void (*)(void))on_connection);
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->work, NULL);
  pthread_cond_init(&p->done, NULL);
  p->timeout = o->timeout;
  p->max_result = o->max_result;
  p->threads = calloc(o->workers, sizeof *p->threads);
  p->stores = calloc(o->workers, sizeof *p->stores);
  if (p->threads == NULL || p->stores == NULL)
    goto nomem;
  p->nstores = o->workers;
  for (i = 0; i < o->workers; i++) {
    st = ng_store_open_wait(o->store, o->backend, o->wait, &p->stores[i],
                            err);
    if (st != NG_OK) {
      ngi_pool_free(p);
      return st;
    }
    ng_store_allow_service(p->stores[i], o->allow_service);
  }
  for (i = 0; i < o->workers; i++) {
    worker_arg *w = malloc(sizeof *w);
    if (w == NULL)
      goto nomem;
    w->p = p;
    w->i = i;
    if (pthread_create(&p->threads[i], NULL, worker, w) != 0) {
      free(w);
      goto nomem;
    }
    p->n++;
  }
  *out = p;
  return NG_OK;

nomem:
  ngi_pool_free(p);
  if (err != NULL)
    snprintf(err, NG_ERRLEN, "out of memory");
  return NG_ENOMEM;
}

void ngi_pool_free(ngi_pool *p)
{
  struct timespec until;
  unsigned i;
  int stuck = 0;

  if (p == NULL)
    return;
  pthread_mutex_lock(&p->mu);
  p->stop = 1;
  pthread_cond_broadcast(&p->work);
  pthread_mutex_unlock(&p->mu);
  /* a worker still in an abandoned query after a few seconds is left
   * to the end of the process, with its store */
  clock_gettime(CLOCK_REALTIME, &until);
  until.tv_sec += 3;
  for (i = 0; i < p->n; i++) {
    if (pthread_timedjoin_np(p->threads[i], NULL, &until) != 0) {
      pthread_detach(p->threads[i]);
      p->stores[i] = NULL;
      stuck = 1;
    }
  }
  for (i = 0; p->stores != NULL && i < p->nstores; i++)
    ng_store_free(p->stores[i]);
  if (stuck) /* the pool's lock and queue stay for the stuck workers */
    return;
  free(p->stores);
  free(p->threads);
  pthread_cond_destroy(&p->done);
  pthread_cond_destroy(&p->work);
  pthread_mutex_destroy(&p->mu);
  free(p);
}
