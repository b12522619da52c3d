/* agree.h - stage 7: agreements reached, their parties and subject. */
#ifndef NG_AGREE_H
#define NG_AGREE_H

#include "doc.h"

/* Fills d->agrs.  NG_OK or NG_ENOMEM. */
ng_status ngi_find_agreements(ng_doc *d);

#endif
