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

/* Shared by roles.c and resolve.c (the roles stage), used nowhere else. */
/* The person description mention mi points at, or -1. */
int ngi_resolve_desc(ng_doc *d, int mi);
/* The head token of description m ("president" in "the Russian
 * president"). */
int ngi_desc_head(ng_doc *d, const ngi_ment *m);
/* Does person p hold a role with the head word that fits description m
 * (fits 1) or one that does not (fits 0)? */
int ngi_holds_title(ng_doc *d, int p, const ngi_ment *m, int head, int fits);
/* The person a speaking description is, on evidence in the next sentence
 * ("... added Mr X"), or -1. */
int ngi_continued_by(ng_doc *d, const ngi_ment *m);

#endif
