/* names.h - stage 2: mentions of persons, places, organisations, pronouns. */
#ifndef NG_NAMES_H
#define NG_NAMES_H

#include "doc.h"

/* Fills d->ments.  NG_OK or NG_ENOMEM. */
ng_status ngi_find_mentions(ng_doc *d);

/* Shared by names.c and notpersons.c (the mentions stage), used nowhere
 * else. */
enum { NOT_WORK = 1, NOT_ORG = 2 };
/* Is token t one of the words of list (NULL-terminated)? */
int ngi_word_in(const ngi_tok *t, const char *const *list);
/* A name particle ("van", "de", "al"); one that is an article ("La"). */
int ngi_name_particle(const ngi_tok *t);
int ngi_article_particle(const ngi_tok *t);
/* Remember the text of tokens [t0, t1) in works as a name that is a work
 * (NOT_WORK) or an organisation (NOT_ORG); 0, or -1 when out of memory. */
int ngi_note_span(ng_doc *d, ngi_map *works, int t0, int t1, int what);
/* Persons whose full names the text treats as a company, a team or a work
 * become organisations or are dropped.  NG_OK or NG_ENOMEM. */
ng_status ngi_not_persons(ng_doc *d, ngi_map *works);

#endif
