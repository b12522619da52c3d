/* roles.h - stage 4: roles, and what descriptions and pronouns point at. */
#ifndef NG_ROLES_H
#define NG_ROLES_H

#include "doc.h"

/* Adds roles to d->pers.  NG_OK or NG_ENOMEM. */
ng_status ngi_find_roles(ng_doc *d);
/* The person a mention stands for (names, pronouns, descriptions): a person
 * index, or -1.  Pronouns and descriptions are resolved on first use. */
int ngi_ment_person(ng_doc *d, int m);
/* Most recent person mentioned before token i (not inside quotes),
 * fitting gender g ('M', 'F' or 0), other than `not`. */
int ngi_recent_person(ng_doc *d, int i, int g, int not);

#endif
