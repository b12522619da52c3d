/* extract.c - the extraction pipeline: the top of extract/.
 *
 * ng_extract runs the stages of DESIGN.md in order over one document,
 * each in a file of its own below this one:
 *
 *   text.c     bytes -> paragraphs, tokens, quote marks, sentences
 *   names.c    mentions: persons, places, organisations, pronouns
 *   persons.c  person mentions -> persons (coreference)
 *   roles.c    roles; descriptions and pronouns -> persons
 *   topics.c   topics of the article and of its paragraphs
 *   claims.c   direct quotes and reported speech, with speakers
 *   agree.c    agreements, their parties and subject
 *
 * and copies what they found into the flat ngi_result of result.h, which
 * graph/ reads.  Shared helpers are at the bottom: mention.c (look-ups,
 * spans, entities), doc.h (the document), lexicon.c, textutil.c, arena.c.
 */
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>

#include "doc.h"
#include "text.h"
#include "names.h"
#include "persons.h"
#include "roles.h"
#include "topics.h"
#include "claims.h"
#include "agree.h"

/* ------------------------------------------------------------ results */

static atomic_uint_fast64_t serials;

static ng_status build_result(ng_doc *d) {
  ngi_result *r = &d->result;
  memset(r, 0, sizeof *r);
  r->serial = (uint64_t)atomic_fetch_add(&serials, 1) + 1;
  r->text = d->text;
  r->len = d->len;
  r->headline = d->headline;
  /* persons: only those with a mention left */
  r->persons = ngi_alloc(&d->arena, (d->npers + 1) * sizeof *r->persons);
  if (!r->persons)
    return NG_ENOMEM;
  for (size_t i = 0; i < d->npers; i++) {
    ngi_pers *p = &d->pers[i];
    ngi_person *o = &r->persons[r->npersons++];
    o->label = p->label;
    o->alt = ngi_alloc(&d->arena, (p->nforms + 1) * sizeof *o->alt);
    if (!o->alt)
      return NG_ENOMEM;
    for (size_t k = 0; k < p->nforms; k++)
      if (strcmp(p->forms[k], p->label))
        o->alt[o->nalt++] = p->forms[k];
    o->roles = p->roles;
    o->nroles = p->nroles;
    o->gender = p->gender;
    o->first = p->first_off;
  }
  r->orgs = ngi_alloc(&d->arena, (d->norgs + 1) * sizeof *r->orgs);
  if (!r->orgs)
    return NG_ENOMEM;
  for (size_t i = 0; i < d->norgs; i++) {
    ngi_org *o = &r->orgs[r->norgs++];
    o->label = d->orgs[i].label;
    o->alt = d->orgs[i].forms;
    o->nalt = d->orgs[i].nforms;
    o->wikidata = d->orgs[i].wikidata;
    o->country = d->orgs[i].country;
  }
  for (size_t i = 0; i < d->nstmts; i++) {
    ngi_statement *s = &d->stmts[i];
    for (size_t p = 0; p < d->nparas; p++)
      if (s->begin >= d->paras[p].b && s->begin <= d->paras[p].e) {
        s->topic = d->para_topic ? d->para_topic[p] : -1;
        break;
      }
  }
  /* topics: those the article or a claim is about */
  int *used = ngi_alloc(&d->arena, (d->ntopics + 1) * sizeof *used);
  int *map = ngi_alloc(&d->arena, (d->ntopics + 1) * sizeof *map);
  if (!used || !map)
    return NG_ENOMEM;
  for (size_t i = 0; i < d->ntopics; i++)
    used[i] = d->topics[i].article;
  for (size_t i = 0; i < d->nstmts; i++)
    if (d->stmts[i].topic >= 0)
      used[d->stmts[i].topic] = 1;
  for (size_t i = 0; i < d->nagrs; i++)
    if (d->agrs[i].topic >= 0)
      used[d->agrs[i].topic] = 1;
  r->topics = ngi_alloc(&d->arena, (d->ntopics + 1) * sizeof *r->topics);
  if (!r->topics)
    return NG_ENOMEM;
  for (size_t i = 0; i < d->ntopics; i++) {
    map[i] = -1;
    if (!used[i])
      continue;
    map[i] = (int)r->ntopics;
    r->topics[r->ntopics++] = d->topics[i];
  }
  for (size_t i = 0; i < d->nstmts; i++)
    if (d->stmts[i].topic >= 0)
      d->stmts[i].topic = map[d->stmts[i].topic];
  for (size_t i = 0; i < d->nagrs; i++)
    if (d->agrs[i].topic >= 0)
      d->agrs[i].topic = map[d->agrs[i].topic];
  r->statements = d->stmts;
  r->nstatements = d->nstmts;
  r->agreements = d->agrs;
  r->nagreements = d->nagrs;
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}

static int by_begin(const void *a, const void *b) {
  const ngi_statement *x = a, *y = b;
  if (x->begin != y->begin)
    return x->begin < y->begin ? -1 : 1;
  return x->direct - y->direct;
}

ng_status ng_extract(ng_doc *d, const ng_lexicon *lex) {
  if (!d || !lex)
    return NG_EUSAGE;
  if (d->extracted)
    return NG_OK;
  d->lex = lex;
  ng_status st;
  if ((st = ngi_segment(d)) || (st = ngi_find_mentions(d)) ||
      (st = ngi_build_persons(d)) || (st = ngi_find_roles(d)) ||
      (st = ngi_find_topics(d)) || (st = ngi_find_claims(d)) ||
      (st = ngi_find_agreements(d)))
    return st;
  if (d->nstmts > 1)
    qsort(d->stmts, d->nstmts, sizeof *d->stmts, by_begin);
  if ((st = build_result(d)))
    return st;
  /* the stages' look-up maps are not read after this: free them before
   * the caller builds a graph beside the document */
  ngi_map_release(&d->acronyms);
  ngi_map_release(&d->surnames);
  ngi_map_release(&d->orgmap);
  ngi_map_release(&d->midcaps);
  ngi_map_release(&d->timesurnames);
  d->midcaps_built = 0;
  d->extracted = 1;
  return NG_OK;
}

const ngi_result *ngi_doc_result(const ng_doc *d) {
  return d && d->extracted ? &d->result : NULL;
}

void ng_doc_get_stats(const ng_doc *d, ng_doc_stats *st) {
  memset(st, 0, sizeof *st);
  const ngi_result *r = ngi_doc_result(d);
  if (!r)
    return;
  st->persons = r->npersons;
  for (size_t i = 0; i < r->npersons; i++)
    st->roles += r->persons[i].nroles;
  st->organizations = r->norgs;
  st->statements = r->nstatements;
  st->topics = r->ntopics;
  st->agreements = r->nagreements;
}
