/* persons.h - stage 3: person mentions become persons (coreference). */
#ifndef NG_PERSONS_H
#define NG_PERSONS_H

#include "doc.h"

/* Fills d->pers from the person mentions.  NG_OK or NG_ENOMEM. */
ng_status ngi_build_persons(ng_doc *d);

#endif
