/* cuewords.c - word classes that make or unmake a speech cue, for
 * claims.c: an -ing form governed by a preposition ("praised for vowing
 * to ...") is no cue of the subject; a data noun with a verb of showing
 * ("figures gathered by Acme show that ...", "a survey by Acme found")
 * is a cue whose source is the body that gathered the figures.
 */
#include <string.h>

#include "doc.h"
#include "cuewords.h"
#include "speakers.h"

static int ends_ing(const ngi_tok *t) {
  size_t n = strlen(t->low);
  return n > 5 && strcmp(t->low + n - 3, "ing") == 0;
}

static int prep_word(const ngi_tok *t) {
  /* not "after saying", "by saying": the subject's own words */
  static const char *const P[] = {"for", "of", "about", "against", "over",
                                  NULL};
  for (int k = 0; P[k]; k++)
    if (ngi_tok_is(t, P[k]))
      return 1;
  return 0;
}

/* "praised her for resigning and vowing to return", "accused of
 * claiming": an -ing form governed by a preposition of cause or object
 * (alone or after "and") is no cue of the sentence's subject. */
int ngi_in_prep_phrase(const ng_doc *d, int i, int s0) {
  if (i <= s0 || !ends_ing(&d->toks[i]))
    return 0;
  if (prep_word(&d->toks[i - 1]))
    return 1;
  if (!ngi_tok_is(&d->toks[i - 1], "and") && !ngi_tok_is(&d->toks[i - 1], "or"))
    return 0;
  for (int k = i - 2; k > s0 && k >= i - 15; k--) {
    const ngi_tok *t = &d->toks[k];
    if ((t->flags & T_PUNCT) || (t->flags & T_INQ))
      return 0;
    if (ends_ing(t) && prep_word(&d->toks[k - 1]))
      return 1;
  }
  return 0;
}

/* Nouns for figures that speak for whoever gathered them ("figures
 * gathered by X show", "a survey by X found", "X's data suggest") and
 * verbs of showing: the classes data-noun and data-verb of
 * cue-words.tsv. */
int ngi_data_verb(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  return !(t->flags & (T_CAP | T_INQ)) &&
         ngi_tok_cue(d->lex, t, NGI_CUE_DATA_VERB);
}

/* The source of a data verb at i: the body after "by"/"from"/"of" in the
 * subject, or the possessive or name before the data noun; -1 if the
 * subject is no data noun. */
int ngi_data_source(ng_doc *d, int i, int s0) {
  int dn = -1, b = i - 1;
  while (b >= s0 && b >= i - 12 && !(d->toks[b].flags & (T_INQ | T_QUOTE)) &&
         (!(d->toks[b].flags & T_PUNCT) || ngi_tok_is(&d->toks[b], "'s")))
    b--;
  for (int k = b + 1; k < i; k++)
    if (ngi_tok_cue(d->lex, &d->toks[k], NGI_CUE_DATA_NOUN)) {
      dn = k;
      break;
    }
  if (dn < 0)
    return -1;
  for (int k = dn + 1; k + 1 < i; k++)
    if (ngi_tok_is(&d->toks[k], "by") || ngi_tok_is(&d->toks[k], "from") ||
        ngi_tok_is(&d->toks[k], "of"))
      return ngi_named_org(d, k + 1, i);
  int m = dn > s0 ? d->toks[dn - 1].ment : -1;
  if (m >= 0 && (d->ments[m].kind == M_ORG || d->ments[m].kind == M_PLACE ||
                 d->ments[m].kind == M_PERSON))
    return m; /* "Acme's figures", "Acme figures" */
  return -1;
}
