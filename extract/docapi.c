/* docapi.c - the public read API over an extracted document: persons,
 * roles, organisations, statements, topics and agreements, straight from
 * the extraction result (result.h).  Nothing is copied: every handle and
 * string is borrowed from the document and valid until ng_doc_free.  The
 * public handle types are the ngi_ structs of result.h seen through
 * opaque names.  Before ng_extract every count is 0.
 */
#include <stddef.h>

#include "doc.h"
#include "newsgraph.h"
#include "result.h"

/* ------------------------------------------------------------ the doc */

#define LIST(NAME, TYPE, ITYPE, ARR, N)                                   \
  size_t ng_doc_##NAME##_count(const ng_doc *doc)                        \
  {                                                                       \
    const ngi_result *r = doc != NULL ? ngi_doc_result(doc) : NULL;       \
    return r != NULL ? r->N : 0;                                          \
  }                                                                       \
  const TYPE *ng_doc_##NAME(const ng_doc *doc, size_t i)                  \
  {                                                                       \
    const ngi_result *r = doc != NULL ? ngi_doc_result(doc) : NULL;       \
    if (r == NULL || i >= r->N)                                           \
      return NULL;                                                        \
    return (const TYPE *)(const void *)&r->ARR[i];                        \
  }

LIST(person, ng_person, ngi_person, persons, npersons)
LIST(organization, ng_org, ngi_org, orgs, norgs)
LIST(statement, ng_statement, ngi_statement, statements, nstatements)
LIST(topic, ng_topic, ngi_topic, topics, ntopics)
LIST(agreement, ng_agreement, ngi_agreement, agreements, nagreements)

const char *ng_doc_text(const ng_doc *doc, size_t *len)
{
  if (len != NULL)
    *len = doc != NULL ? doc->len : 0;
  return doc != NULL ? doc->text : NULL;
}

const char *ng_doc_headline(const ng_doc *doc)
{
  const ngi_result *r = doc != NULL ? ngi_doc_result(doc) : NULL;
  return r != NULL ? r->headline : NULL;
}

/* the ngi_ struct behind a public handle */
#define AS(ITYPE, p) ((const ITYPE *)(const void *)(p))

/* ------------------------------------------------------------ persons */

const char *ng_person_label(const ng_person *p)
{
  return AS(ngi_person, p)->label;
}

size_t ng_person_alt_count(const ng_person *p)
{
  return AS(ngi_person, p)->nalt;
}

const char *ng_person_alt(const ng_person *p, size_t i)
{
  const ngi_person *q = AS(ngi_person, p);
  return i < q->nalt ? q->alt[i] : NULL;
}

char ng_person_gender(const ng_person *p)
{
  return AS(ngi_person, p)->gender;
}

size_t ng_person_first_mention(const ng_person *p)
{
  return AS(ngi_person, p)->first;
}

size_t ng_person_role_count(const ng_person *p)
{
  return AS(ngi_person, p)->nroles;
}

const ng_role *ng_person_role(const ng_person *p, size_t i)
{
  const ngi_person *q = AS(ngi_person, p);
  if (i >= q->nroles)
    return NULL;
  return (const ng_role *)(const void *)&q->roles[i];
}

const char *ng_role_title(const ng_role *r)
{
  return AS(ngi_role, r)->title;
}

const char *ng_role_organization(const ng_role *r)
{
  return AS(ngi_role, r)->org;
}

const char *ng_role_label(const ng_role *r)
{
  return AS(ngi_role, r)->label;
}

int ng_role_former(const ng_role *r)
{
  return AS(ngi_role, r)->former != 0;
}

/* ------------------------------------------------------- organisations */

const char *ng_org_label(const ng_org *o)
{
  return AS(ngi_org, o)->label;
}

size_t ng_org_alt_count(const ng_org *o)
{
  return AS(ngi_org, o)->nalt;
}

const char *ng_org_alt(const ng_org *o, size_t i)
{
  const ngi_org *q = AS(ngi_org, o);
  return i < q->nalt ? q->alt[i] : NULL;
}

const char *ng_org_wikidata(const ng_org *o)
{
  return AS(ngi_org, o)->wikidata;
}

int ng_org_is_country(const ng_org *o)
{
  return AS(ngi_org, o)->country != 0;
}

/* ------------------------------------------------------------ agents */

static ng_agent_kind agent(const ngi_agent *a, size_t *index)
{
  if (a->index < 0 ||
      (a->kind != NGI_AGENT_PERSON && a->kind != NGI_AGENT_ORG)) {
    if (index != NULL)
      *index = 0;
    return NG_AGENT_NONE;
  }
  if (index != NULL)
    *index = (size_t)a->index;
  return a->kind == NGI_AGENT_PERSON ? NG_AGENT_PERSON : NG_AGENT_ORG;
}

/* ------------------------------------------------------------ statements */

int ng_statement_direct(const ng_statement *s)
{
  return AS(ngi_statement, s)->direct != 0;
}

const char *ng_statement_text(const ng_statement *s)
{
  return AS(ngi_statement, s)->text;
}

size_t ng_statement_begin(const ng_statement *s)
{
  return AS(ngi_statement, s)->begin;
}

size_t ng_statement_end(const ng_statement *s)
{
  return AS(ngi_statement, s)->end;
}

ng_agent_kind ng_statement_speaker(const ng_statement *s, size_t *index)
{
  return agent(&AS(ngi_statement, s)->speaker, index);
}

long ng_statement_topic(const ng_statement *s)
{
  return AS(ngi_statement, s)->topic;
}

/* ------------------------------------------------------------ topics */

const char *ng_topic_id(const ng_topic *t)
{
  return AS(ngi_topic, t)->id;
}

const char *ng_topic_label(const ng_topic *t)
{
  return AS(ngi_topic, t)->label;
}

const char *ng_topic_iptc(const ng_topic *t)
{
  return AS(ngi_topic, t)->iptc;
}

const char *ng_topic_broader(const ng_topic *t)
{
  return AS(ngi_topic, t)->broader;
}

int ng_topic_is_category(const ng_topic *t)
{
  return !AS(ngi_topic, t)->from_heading;
}

int ng_topic_of_article(const ng_topic *t)
{
  return AS(ngi_topic, t)->article != 0;
}

/* ------------------------------------------------------------ agreements */

const char *ng_agreement_label(const ng_agreement *a)
{
  return AS(ngi_agreement, a)->label;
}

const char *ng_agreement_text(const ng_agreement *a)
{
  return AS(ngi_agreement, a)->text;
}

size_t ng_agreement_begin(const ng_agreement *a)
{
  return AS(ngi_agreement, a)->begin;
}

size_t ng_agreement_end(const ng_agreement *a)
{
  return AS(ngi_agreement, a)->end;
}

size_t ng_agreement_party_count(const ng_agreement *a)
{
  return AS(ngi_agreement, a)->nparties;
}

ng_agent_kind ng_agreement_party(const ng_agreement *a, size_t i,
                                 size_t *index)
{
  const ngi_agreement *q = AS(ngi_agreement, a);
  if (i >= q->nparties) {
    if (index != NULL)
      *index = 0;
    return NG_AGENT_NONE;
  }
  return agent(&q->parties[i], index);
}

long ng_agreement_topic(const ng_agreement *a)
{
  return AS(ngi_agreement, a)->topic;
}
