/* fuzz_html.c - libFuzzer harness: the HTML page reader on raw bytes.
 *
 * The input is a page for ngi_html_article (input/html.c: libxml2's HTML
 * parser, JSON-LD, meta tags, paragraphs); an accepted page gets its
 * headline put first and goes through ng_doc_new.  The bytes are copied to
 * a buffer of exactly their size so that AddressSanitizer sees any read
 * past the end.  Built by `make fuzz`.
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
  char *page = malloc(size != 0 ? size : 1);

  if (page == NULL)
    return 0;
  memcpy(page, data, size);
  if (ngi_html_article(page, size, "https://example.org/news/1", &a,
                       err) == 0) {
    if (ngi_article_put_headline(&a) == 0 && a.text != NULL &&
        ng_doc_new(a.text, a.len, 0, &doc, NULL) == NG_OK)
      ng_doc_free(doc);
    ngi_article_release(&a);
  }
  free(page);
  return 0;
}
