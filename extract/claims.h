/* claims.h - stage 6: direct quotes and reported speech with their speakers. */
#ifndef NG_CLAIMS_H
#define NG_CLAIMS_H

#include "doc.h"

/* Fills d->stmts.  NG_OK or NG_ENOMEM. */
ng_status ngi_find_claims(ng_doc *d);

#endif
