/* orgctx.h - evidence in an article for an organisation of the lexicon
 * that it names by an acronym (orgctx.c).
 */
#ifndef NG_ORGCTX_H
#define NG_ORGCTX_H

#include "doc.h"

/* 1 when the article uses the distinctive words of the organisation's
 * full name (the rule: orgctx.c), 0 when not, -1 when out of memory. */
int ngi_org_context(ng_doc *d, const char *name);

#endif
