/* names.h - stage 2: mentions of persons, places, organisations, pronouns. */
#ifndef NG_NAMES_H
#define NG_NAMES_H

#include "doc.h"

/* Fills d->ments.  NG_OK or NG_ENOMEM. */
ng_status ngi_find_mentions(ng_doc *d);

#endif
