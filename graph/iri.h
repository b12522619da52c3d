/* iri.h - minting IRIs: slugs, joins, base/source checks, article IRIs.
 *
 * Pure string functions with no RDF library behind them, so they are easy
 * to test.  Every char * they return is the caller's to free().
 */
#ifndef NG_IRI_H
#define NG_IRI_H

#include <stddef.h>

#include "newsgraph.h"
#include "extract/result.h"

/* Longest slug, in bytes (a cut never splits a character or a %XX). */
#define NGI_SLUG_MAX 120

/* Slug of a UTF-8 label: Latin diacritics folded to ASCII ("Łukasz Müller"
 * -> "lukasz-muller"), lower-case, other letters kept as percent-encoded
 * UTF-8, runs of anything else -> '-', trimmed.  Never empty ("x").
 * NULL on out of memory. */
char *ngi_slug(const char *s);

/* Percent-encode what may not stand in an IRI path segment (keeps
 * unreserved ASCII and non-ASCII).  NULL on out of memory. */
char *ngi_iri_segment(const char *s);

/* Concatenate up to three parts (NULL parts are skipped). */
char *ngi_iri_join(const char *a, const char *b, const char *c);

/* Check that iri is an absolute IRI: scheme ":" rest, valid UTF-8, no
 * spaces, controls or any of <>"{}|\^`.  `what` names it in err
 * ("--base").  NG_EUSAGE when not. */
ng_status ngi_iri_check(const char *iri, const char *what, char *err);

/* Checked copy of a base (NULL = NG_DEFAULT_BASE) ending in '/' or '#'. */
ng_status ngi_base_new(const char *base, char **out, char *err);

/* The article IRI: opts->source when given (checked; no '#' allowed, since
 * statements hang off it as fragments), else <base>article/<16 hex of the
 * SHA-256 of text>. */
ng_status ngi_article_iri_new(const char *text, size_t len,
                              const ng_graph_opts *opts, char **out,
                              char *err);
/* The same for an extraction result: the digest of its text is
 * remembered (per thread, by r->serial), so that the several callers
 * for one article hash its text once. */
ng_status ngi_article_iri_of(const ngi_result *r, const ng_graph_opts *opts,
                             char **out, char *err);

/* Write a one-line message into err (NG_ERRLEN bytes; NULL is fine). */
void ngi_graph_errf(char *err, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;

#endif /* NG_IRI_H */
