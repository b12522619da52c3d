/* mention.h - look-ups and span/entity helpers shared by every stage.
 *
 * The bottom of extract/ (with doc.h, lexicon.h, textutil.h, arena.h):
 * defined in mention.c, which calls no stage.
 */
#ifndef NG_MENTION_H
#define NG_MENTION_H

#include "doc.h"

/* Lexicon look-ups at token i. */
int ngi_is_honorific(const ng_doc *d, int i);
int ngi_is_given(const ng_doc *d, int i);
int ngi_title_kind(const ng_doc *d, int i);       /* NGI_TITLE_* or 0 */
int ngi_place_at(const ng_doc *d, int i, int end, intptr_t *val);
int ngi_speech_at(const ng_doc *d, int i);        /* NGI_SV_* or 0 */
/* The same, with *len the tokens of the form ("pointed out": 2). */
int ngi_speech_form(const ng_doc *d, int i, int *len);
/* Longest phrase of up to max tokens from i found in map (tokens must be
 * words; the first capitalised when cap).  Returns its length, 0 if none. */
int ngi_longest(const ng_doc *d, const ngi_map *m, int i, int end, int max,
                int cap, intptr_t *val);
/* A word of any lexicon that is never part of a name. */
int ngi_known_word(const ng_doc *d, const ngi_tok *t);

/* Lower-cased text of tokens [t0, t1) joined by single spaces. */
const char *ngi_join_low(ng_doc *d, int t0, int t1, char *buf, size_t cap);
/* Original text of tokens [t0, t1) (arena copy). */
const char *ngi_span_text(ng_doc *d, int t0, int t1);
/* Paragraph holding byte offset off. */
int ngi_para_of(const ng_doc *d, uint32_t off);

/* Add form to a list of forms unless there; -1 when out of memory. */
int ngi_add_form(ng_doc *d, const char ***forms, size_t *n, size_t *cap,
                 const char *form);
/* The organisation entity labelled label (made on first use), with form
 * as one of its forms: its index, or -2 when out of memory. */
int ngi_org_entity(ng_doc *d, const char *label, const char *wikidata,
                   int country, const char *form);
int ngi_add_acronym(ng_doc *d, const char *low, int entity);
/* The organisation entity of a place or organisation mention; a capital
 * ("Moscow") becomes its country's entity only when used as an agent.
 * -1 when none, -2 when out of memory. */
int ngi_ment_entity(ng_doc *d, int m);

#endif
