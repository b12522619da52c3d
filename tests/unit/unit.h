/* unit.h - the small harness the extractor's unit tests share: a check()
 * that counts and prints failures, and run() that extracts an invented
 * text with the lexicons in `lex` (loaded by the test's main).  Included
 * once by each test program (tests/unit/test_*.c), so its functions are
 * static.
 */
#ifndef NG_TEST_UNIT_H
#define NG_TEST_UNIT_H

#include <stdio.h>
#include <string.h>

#include "newsgraph.h"

static int passed, failed;
static ng_lexicon *lex;

static void check(int ok, const char *what, const char *detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  }
}

/* The document of text, extracted; NULL (and a failed check) if not.
 * inline: a test that extracts nothing leaves it unused. */
static inline ng_doc *run(const char *text) {
  ng_doc *d;
  char err[NG_ERRLEN];
  if (ng_doc_new(text, strlen(text), 0, &d, err) != NG_OK) {
    check(0, "ng_doc_new", err);
    return NULL;
  }
  check(ng_extract(d, lex) == NG_OK, "ng_extract", text);
  return d;
}

#endif
