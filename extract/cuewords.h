/* cuewords.h - word classes of speech cues (cuewords.c), used by
 * claims.c only. */
#ifndef NG_CUEWORDS_H
#define NG_CUEWORDS_H

#include "doc.h"

/* Is the -ing form at i governed by a preposition of cause or object
 * ("for resigning and vowing to"), so no cue of the sentence's subject? */
int ngi_in_prep_phrase(const ng_doc *d, int i, int s0);
/* Is token i a verb of showing ("show", "found", "suggests"; the class
 * data-verb of cue-words.tsv), lower-case and outside quotes? */
int ngi_data_verb(const ng_doc *d, int i);
/* The source of the data verb at i ("figures gathered by Acme show"), or
 * -1 when its subject is no data noun. */
int ngi_data_source(ng_doc *d, int i, int s0);

#endif
