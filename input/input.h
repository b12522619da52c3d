/* input.h - articles from what batch extraction reads: JSON Lines records
 * (json-c), HTML pages (libxml2's HTML parser) and folder walks.
 * Part of the newsgraph command, not of the library: it turns inputs into
 * plain article text (headline line, then one paragraph per line with
 * blank lines between) plus the metadata the page or record gives.
 */
#ifndef NG_INPUT_H
#define NG_INPUT_H

#include <stddef.h>

#include "newsgraph.h"

/* Longest message an input function writes into its err buffer. */
#define NGI_INPUT_ERRLEN 256

/* An article ready for ng_doc_new.  Every pointer is malloc'ed or NULL;
 * ngi_article_release frees them all. */
typedef struct ngi_article {
  char *text;
  size_t len;
  char *title, *date, *author, *url, *id;
} ngi_article;

void ngi_article_release(ngi_article *a);

/* The metadata of a as the library wants it (borrowed pointers). */
void ngi_article_meta(const ngi_article *a, ng_article_meta *m);
int ngi_article_has_meta(const ngi_article *a);

/* Make the title the article's first line (the extractor's headline)
 * unless the text already starts with it.  -1 on out of memory. */
int ngi_article_put_headline(ngi_article *a);

/* One JSON Lines record: an object with "text" or "html" (required) and
 * optional "id", "url", "title", "date", "author" (string or array).
 * 0, or -1 with a message in err (NGI_INPUT_ERRLEN bytes). */
int ngi_jsonl_article(const char *line, size_t len, ngi_article *a,
                      char *err);

/* An HTML page: headline, date, author and URL from its schema.org JSON-LD,
 * then its meta tags; the text from JSON-LD articleBody, else the <p>
 * paragraphs of the itemprop="articleBody" element (else the <article>
 * with the most text, else <main>, else <body>) outside navigation,
 * scripts, figures, captions, asides, forms and ad/related/share blocks.
 * url (may be NULL) is where the page came from and wins over the page's
 * own.  0, or -1 with a message in err. */
int ngi_html_article(const char *html, size_t len, const char *url,
                     ngi_article *a, char *err);

/* Call once before threads use ngi_html_article (libxml2 set-up). */
void ngi_html_init(void);

/* Every file under dir (recursively) whose name ends in .txt, .html, .htm
 * or .jsonl, sorted bytewise (LC_ALL=C sort of the paths).  A subfolder
 * that cannot be opened is listed too, so that reading it fails as one
 * item and says why.  *paths is a malloc'ed array of malloc'ed strings.
 * 0, or -1 with errno set (dir itself cannot be read). */
int ngi_walk(const char *dir, char ***paths, size_t *n);

#endif /* NG_INPUT_H */
