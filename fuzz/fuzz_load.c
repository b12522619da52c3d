/* fuzz_load.c - libFuzzer harness: RDF files through `newsgraph load`.
 *
 * The first byte picks the syntax (turtle, ntriples, nquads, trig,
 * rdfxml); the rest is written to a file that ng_store_load_rdf loads
 * into a memory store, through newsgraph's guards (store/guard.c) and
 * then raptor.  Any status is fine; a crash, a sanitizer report or a hang
 * is a finding.  Each syntax also goes through ng_store_query as the
 * string of a SPARQL query, after the guard for queries.  Built by
 * `make fuzz`.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "newsgraph.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];
static FILE *devnull;

static void remove_file(void)
{
  unlink(path);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  int fd;

  (void)argc;
  (void)argv;
  snprintf(path, sizeof path, "/tmp/newsgraph-fuzz-load.XXXXXX");
  fd = mkstemp(path);
  if (fd < 0)
    abort();
  close(fd);
  atexit(remove_file);
  devnull = fopen("/dev/null", "w");
  if (devnull == NULL)
    abort();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char *const syntax[] = { "turtle", "ntriples", "nquads",
                                        "trig", "rdfxml" };
  char err[NG_ERRLEN];
  ng_store *st = NULL;
  size_t added = 0;
  FILE *f;
  char *q;

  if (size < 1)
    return 0;
  f = fopen(path, "wb");
  if (f == NULL)
    abort();
  if (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1)
    abort();
  fclose(f);
  if (ng_store_open(NULL, NG_STORE_MEMORY, &st, err) != NG_OK)
    abort();
  (void)ng_store_load_rdf(st, path, syntax[data[0] % 5], "http://e/g",
                          &added, err);
  /* the same bytes as a query (the guard stops at a NUL: C string) */
  q = malloc(size);
  if (q == NULL)
    abort();
  memcpy(q, data + 1, size - 1);
  q[size - 1] = 0;
  if (data[0] >= 128)
    (void)ng_store_query(st, q, NULL, devnull, err);
  free(q);
  ng_store_free(st);
  return 0;
}
