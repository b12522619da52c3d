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

/* Shared by roles.c, apposition.c and resolve.c (the roles stage), used
 * nowhere else. */
/* Give person pi the role title (of org, former); NG_OK or NG_ENOMEM. */
ng_status ngi_add_role(ng_doc *d, int pi, const char *title, const char *org,
                       int former);
/* The label of title tokens [t0, t1), capitalised as a title. */
const char *ngi_title_text(ng_doc *d, int t0, int t1);
/* The organisation named by tokens [t0, t1) ("the BBC" -> "BBC"). */
const char *ngi_role_org_name(ng_doc *d, int t0, int t1);
/* Is token j the head word of a title (office, occupation, "secretary of
 * state")? */
int ngi_title_head(const ng_doc *d, int j);
/* A word that never starts or continues a title ("the", "and" ...). */
int ngi_role_stop(const ngi_tok *t);
/* A lower-case word that may qualify a title ("tax" in "tax adviser"). */
int ngi_modifier_ok(const ng_doc *d, int j);
/* Past evaluative words ("veteran", "top") at ts, before te. */
int ngi_skip_evaluative(const ng_doc *d, int ts, int te);
/* Do tokens [t0, t1) look like an organisation's name? */
int ngi_looks_like_org(const ng_doc *d, int t0, int t1);
/* "of Nigeria" after a name at t1: the organisation, or NULL. */
const char *ngi_org_after(ng_doc *d, int t1, int end);
/* Roles in an apposition or copula after the mention ending at t1. */
ng_status ngi_roles_after(ng_doc *d, int pi, int t1, int end, int lead);
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
