/* names.h - look-ups shared by names.c, roles.c and claims.c. */
#ifndef NG_NAMES_H
#define NG_NAMES_H

#include "doc.h"

int ngi_is_honorific(const ng_doc *d, int i);
int ngi_is_given(const ng_doc *d, int i);
int ngi_title_kind(const ng_doc *d, int i);       /* NGI_TITLE_* or 0 */
int ngi_place_at(const ng_doc *d, int i, int end, intptr_t *val);
int ngi_speech_at(const ng_doc *d, int i);        /* NGI_SV_* or 0 */
/* The same, with *len the tokens of the form ("pointed out": 2). */
int ngi_speech_form(const ng_doc *d, int i, int *len);

ng_status ngi_find_mentions(ng_doc *d);
ng_status ngi_build_persons(ng_doc *d);
ng_status ngi_find_roles(ng_doc *d);
/* The person a mention stands for (names, pronouns, descriptions): a person
 * index, or -1.  Pronouns and descriptions are resolved on first use. */
int ngi_ment_person(ng_doc *d, int m);
/* Most recent person mentioned before token i (not inside quotes),
 * fitting gender g ('M', 'F' or 0), other than `not`. */
int ngi_recent_person(ng_doc *d, int i, int g, int not);
/* Paragraph holding byte offset off. */
int ngi_para_of(const ng_doc *d, uint32_t off);

#endif
