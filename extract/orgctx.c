/* orgctx.c - does an article give evidence for an organisation of the
 * lexicon that it names only by an acronym?
 *
 * "AMF" is the Arab Monetary Fund in the lexicon, France's market
 * regulator in a Paris markets story.  An acronym form of the lexicon
 * stands for its organisation (and its Wikidata item) only when the
 * article also uses the distinctive words of the full name: the words
 * of the name that are neither grammar words, nor organisation words
 * (org-words.txt: Council, Fund, Agency ...), nor words that many names
 * share (cue-words.tsv, class org-generic: international, european ...).
 * A name with one or two such words needs all of them ("monetary" and
 * "arab"), a longer one any two; a name with none needs all its words.
 * A word matches a word of the article up to case and a plural "s".
 */
#include <string.h>

#include "doc.h"
#include "lexicon.h"
#include "orgctx.h"
#include "textutil.h"

static const char *const GRAMMAR[] = {"of",  "the", "for", "and", "on",
                                      "in",  "at",  "to",  "de",  "la",
                                      "du",  "des", "et",  "a",   NULL};

/* The article's lower-case word forms, built on first use. */
static int build_words(ng_doc *d) {
  if (d->words_built)
    return 0;
  for (size_t k = 0; k < d->ntoks; k++)
    if ((d->toks[k].flags & T_WORD) &&
        ngi_map_put(&d->words, d->toks[k].low, 1))
      return -1;
  d->words_built = 1;
  return 0;
}

/* Is w (lower case, n bytes) a word of the article, or its plural or
 * singular? */
static int has_word(const ng_doc *d, char *w, size_t n) {
  char buf[80];
  if (ngi_map_getn(&d->words, w, n, NULL))
    return 1;
  if (n > 3 && w[n - 1] == 's' && ngi_map_getn(&d->words, w, n - 1, NULL))
    return 1;
  if (n + 2 > sizeof buf)
    return 0;
  memcpy(buf, w, n);
  buf[n] = 's';
  return ngi_map_getn(&d->words, buf, n + 1, NULL);
}

static int grammar(const char *w) {
  for (int k = 0; GRAMMAR[k]; k++)
    if (!strcmp(GRAMMAR[k], w))
      return 1;
  return 0;
}

int ngi_org_context(ng_doc *d, const char *name) {
  char low[512], *p, *w;
  int distinct = 0, found = 0, words = 0, all = 0;
  intptr_t v;
  if (!name || build_words(d))
    return -1;
  size_t n = ngi_lower(name, strlen(name), low, sizeof low);
  if (n >= sizeof low)
    return 0;
  low[n] = '\0';
  for (p = low; *p; p++) /* words: letters and digits */
    if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
          (unsigned char)*p >= 0x80))
      *p = ' ';
  for (p = low; *p;) {
    while (*p == ' ')
      p++;
    w = p;
    while (*p && *p != ' ')
      p++;
    size_t wn = (size_t)(p - w);
    if (*p)
      *p++ = '\0';
    if (!wn || grammar(w))
      continue;
    int there = has_word(d, w, wn);
    words++;
    all += there;
    if (ngi_map_get(&d->lex->orgword, w, NULL) ||
        (ngi_map_get(&d->lex->cueword, w, &v) && (v & NGI_CUE_ORG_GENERIC)))
      continue;
    distinct++;
    found += there;
  }
  if (!distinct)
    return words > 0 && all == words;
  return found >= (distinct <= 2 ? distinct : 2);
}
