/* fuzz_roundtrip.c - libFuzzer harness: extract, write Turtle, parse back.
 *
 * An accepted input is extracted and added to a graph; the graph is
 * written as Turtle into memory, raptor parses that text again, and the
 * triple count must equal ng_graph_size.  A mismatch, or Turtle raptor
 * cannot parse, aborts (a finding).  Built by `make fuzz`.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <raptor2.h>

#include "newsgraph.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ng_lexicon *lex;
static raptor_world *world;

static void count_triple(void *arg, raptor_statement *s)
{
  (void)s;
  (*(size_t *)arg)++;
}

static void parse_error(void *arg, raptor_log_message *m)
{
  if (m->level >= RAPTOR_LOG_LEVEL_ERROR) {
    *(int *)arg = 1;
    fprintf(stderr, "fuzz_roundtrip: raptor: %s (line %d)\n", m->text,
            m->locator != NULL ? m->locator->line : -1);
  }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  char err[NG_ERRLEN];
  const char *dir = getenv("NEWSGRAPH_DATA");

  (void)argc;
  (void)argv;
  if (ng_lexicon_load(dir != NULL ? dir : "ontology", &lex, err) != NG_OK) {
    fprintf(stderr, "fuzz_roundtrip: %s\n", err);
    abort();
  }
  world = raptor_new_world();
  if (world == NULL || raptor_world_open(world) != 0)
    abort();
  return 0;
}

/* Parse `len` bytes of Turtle; returns the triple count, or -1 on error. */
static long parse_turtle(const char *buf, size_t len)
{
  raptor_parser *p;
  raptor_uri *base;
  size_t n = 0;
  int bad = 0;

  raptor_world_set_log_handler(world, &bad, parse_error);
  p = raptor_new_parser(world, "turtle");
  base = raptor_new_uri(world, (const unsigned char *)"http://example.org/");
  if (p == NULL || base == NULL)
    abort();
  raptor_parser_set_statement_handler(p, &n, count_triple);
  if (raptor_parser_parse_start(p, base) != 0 ||
      raptor_parser_parse_chunk(p, (const unsigned char *)buf, len, 1) != 0)
    bad = 1;
  raptor_free_uri(base);
  raptor_free_parser(p);
  return bad ? -1 : (long)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_doc *doc;
  ng_graph *g = NULL;
  char err[NG_ERRLEN];
  char *buf = NULL;
  size_t len = 0, want;
  long got;
  FILE *f;

  if (ng_doc_new((const char *)data, size, 0, &doc, NULL) != NG_OK)
    return 0;
  if (ng_extract(doc, lex) != NG_OK) {
    fprintf(stderr, "fuzz_roundtrip: ng_extract failed\n");
    abort();
  }
  if (ng_graph_new(&g, err) != NG_OK)
    goto out;
  if (ng_graph_add_doc(g, doc, NULL, err) != NG_OK) {
    fprintf(stderr, "fuzz_roundtrip: add_doc: %s\n", err);
    abort();
  }
  f = open_memstream(&buf, &len);
  if (f == NULL)
    abort();
  if (ng_graph_write(g, "turtle", f, err) != NG_OK) {
    fprintf(stderr, "fuzz_roundtrip: write: %s\n", err);
    abort();
  }
  fclose(f);
  want = ng_graph_size(g);
  got = parse_turtle(buf, len);
  if (got < 0 || (size_t)got != want) {
    fprintf(stderr, "fuzz_roundtrip: wrote %zu triples, parsed %ld\n",
            want, got);
    abort();
  }
out:
  free(buf);
  ng_graph_free(g);
  ng_doc_free(doc);
  return 0;
}
