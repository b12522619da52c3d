/* fuzz_jsonl.c - libFuzzer harness: the JSON Lines reader on raw bytes.
 *
 * The input is one record for ngi_jsonl_article (input/jsonl.c: json-c,
 * with "html" records going through the HTML reader); an accepted record
 * gets its headline put first and goes through ng_doc_new, as batch
 * extraction does.  The bytes are copied to a buffer of exactly their size
 * so that AddressSanitizer sees any read past the end.  Built by
 * `make fuzz`.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "newsgraph.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  ngi_html_init();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char err[NGI_INPUT_ERRLEN];
  ngi_article a;
  ng_doc *doc;
  char *line = malloc(size != 0 ? size : 1);

  if (line == NULL)
    return 0;
  memcpy(line, data, size);
  if (ngi_jsonl_article(line, size, &a, err) == 0) {
    if (ngi_article_put_headline(&a) == 0 && a.text != NULL &&
        ng_doc_new(a.text, a.len, 0, &doc, NULL) == NG_OK)
      ng_doc_free(doc);
    ngi_article_release(&a);
  }
  free(line);
  return 0;
}
