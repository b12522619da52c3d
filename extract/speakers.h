/* speakers.h - speaker look-ups of the claims stage (speakers.c), used
 * by claims.c only. */
#ifndef NG_SPEAKERS_H
#define NG_SPEAKERS_H

#include "doc.h"

/* The mention at token i, or -1 (also out of range). */
int ngi_ment_at(ng_doc *d, int i);
/* The person or organisation mention mi stands for ("he": the last
 * speaker when near). */
ngi_agent ngi_agent_of(ng_doc *d, int mi);
/* The mention of the source of the speech verb at v in the sentence
 * [s0, s1), or -1; *after is 1 when it follows the verb ("said X"). */
int ngi_source_of(ng_doc *d, int v, int s0, int s1, int *after);
/* The organisation (or person) named at token k after "according to" or
 * "by": "analysts Acme", "the Acme Group"; -1 if none. */
int ngi_named_org(ng_doc *d, int k, int s1);
/* The subject of the sentence's main clause before token v, or -1. */
int ngi_sentence_subject(ng_doc *d, int s0, int v);

#endif
