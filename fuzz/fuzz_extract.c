/* fuzz_extract.c - libFuzzer harness: the extractor on raw bytes.
 *
 * Every input goes through ng_doc_new (the validation the CLI does) and,
 * when accepted, ng_extract, which must succeed and be idempotent (the
 * same counts after a second run); anything else aborts.  The lexicon is
 * loaded once from $NEWSGRAPH_DATA (default ./ontology).  Built by
 * `make fuzz`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "newsgraph.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static ng_lexicon *lex;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  char err[NG_ERRLEN];
  const char *dir = getenv("NEWSGRAPH_DATA");

  (void)argc;
  (void)argv;
  if (ng_lexicon_load(dir != NULL ? dir : "ontology", &lex, err) != NG_OK) {
    fprintf(stderr, "fuzz_extract: %s\n", err);
    abort();
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  ng_doc *doc;
  ng_doc_stats st, st2;
  ng_status rc;

  if (ng_doc_new((const char *)data, size, 0, &doc, NULL) != NG_OK)
    return 0;
  /* an accepted article always extracts: on inputs this small, a failure
   * (out of memory included) is a bug */
  rc = ng_extract(doc, lex);
  if (rc != NG_OK) {
    fprintf(stderr, "fuzz_extract: ng_extract: %s\n", ng_strerror(rc));
    abort();
  }
  ng_doc_get_stats(doc, &st);
  /* idempotent: a second run changes nothing */
  if (ng_extract(doc, lex) != NG_OK)
    abort();
  ng_doc_get_stats(doc, &st2);
  if (st.persons != st2.persons || st.roles != st2.roles ||
      st.organizations != st2.organizations ||
      st.statements != st2.statements || st.topics != st2.topics ||
      st.agreements != st2.agreements) {
    fprintf(stderr, "fuzz_extract: second ng_extract changed the counts\n");
    abort();
  }
  ng_doc_free(doc);
  return 0;
}
