/* external.c - the links that leave the articles' persons: organisations
 * ("Apple Inc." and "Apple", an organisation of another graph under the
 * same name) and Wikidata items, from the person gazetteer or from the
 * owl:sameAs that other tools' graphs (schema:Person, foaf:Person,
 * schema:Organization) carry.  link.c decides between persons first and
 * calls ngi_link_orgs and ngi_link_wikidata with its clusters made.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/iri.h"
#include "graph/vocab.h"
#include "link.h"

/* Up to five letters, none lower-case: "ABC", "HVB". */
static int
short_acronym(const char *s)
{
  size_t n = 0;

  for(; *s; s++, n++)
    if(islower((unsigned char)*s) || n >= 5)
      return 0;
  return 1;
}

/* Organisations: "Apple Inc." and "Apple", "HVB Group" and "HVB".  A
 * legal form (Inc, Ltd, plc, Corp ...) dropped: owl:sameAs; a Group or
 * Holdings dropped (often the parent, not the same body): closeMatch.
 * Two different Wikidata items keep them apart. */
void
ngi_link_orgs(linker *L)
{
  static const char *const strong[] = {
    "inc", "ltd", "plc", "corp", "corporation", "co", "company", "limited",
    "llc", "ag", "sa", "nv", "gmbh", "spa", NULL
  };
  static const char *const weak[] = {
    "group", "holdings", "holding", NULL
  };
  ngi_smap by_slug;
  size_t i;

  memset(&by_slug, 0, sizeof by_slug);
  for(i = 0; i < L->norg && L->rc == NG_OK; i++) {
    char *sl;
    if(!L->orgs[i].label)
      continue;
    sl = ngi_slug(L->orgs[i].label);
    if(!sl || (ngi_smap_get(&by_slug, sl, -1) < 0 &&
               ngi_smap_put(&by_slug, sl, (int)i)))
      NOMEM(L);
    free(sl);
  }
  for(i = 0; i < L->norg && L->rc == NG_OK; i++) {
    const org *o = &L->orgs[i];
    char *sl, *dash;
    int target = -1, weakened = 0, best_strong = -1, first_weak = -1;

    if(!o->label || !(sl = ngi_slug(o->label))) {
      if(o->label)
        NOMEM(L);
      continue;
    }
    while((dash = strrchr(sl, '-')) != NULL) {
      int t;
      if(ngi_link_in_words(weak, dash + 1))
        weakened = 1;
      else if(!ngi_link_in_words(strong, dash + 1))
        break;
      *dash = '\0';
      t = ngi_smap_get(&by_slug, sl, -1);
      if(t < 0 || t == (int)i)
        continue;
      if(!weakened)
        best_strong = t;
      else if(first_weak < 0)
        first_weak = t;
    }
    free(sl);
    target = best_strong >= 0 ? best_strong : first_weak;
    if(target < 0)
      continue;
    if(o->qid && L->orgs[target].qid && strcmp(o->qid, L->orgs[target].qid))
      continue;
    if(short_acronym(L->orgs[target].label))
      continue; /* "ABC": the US network, the Spanish daily, the
                   Australian broadcaster all in one node */
    if(best_strong >= 0) {
      ngi_link_triple(L, o->iri, NGI_OWL "sameAs", L->orgs[target].iri);
      ngi_link_record(L, o->iri, L->orgs[target].iri, NGI_OWL "sameAs", 0.9,
                      "organisation name with its legal form", o->label,
                      L->orgs[target].label);
    } else {
      ngi_link_triple(L, o->iri, NGI_SKOS "closeMatch", L->orgs[target].iri);
      ngi_link_record(L, o->iri, L->orgs[target].iri, NGI_SKOS "closeMatch",
                      0.7, "organisation name with Group or Holdings",
                      o->label, L->orgs[target].label);
    }
    L->stats.org_links++;
  }
  ngi_smap_free(&by_slug);
}

/* Does article a fit e's context: one of its categories ("politics"),
 * if it names any, and an organisation whose slug starts with one of
 * its "org:" words ("org:conservative" for the Conservatives), if it
 * names any? */
static int
article_fits(linker *L, const article *a, const gaz_entry *e)
{
  int want_cat = 0, want_org = 0, got_cat = 0, got_org = 0;
  size_t k, j;

  for(j = 0; j < e->nctx; j++) {
    const char *c = L->catname[e->ctx[j]];
    int isorg = !strncmp(c, "org:", 4);
    want_org |= isorg;
    want_cat |= !isorg;
    for(k = 0; k < a->ncats; k++) {
      const char *h = L->catname[a->cats[k]];
      if(isorg ? !strncmp(h, c, strlen(c)) : !strcmp(h, c)) {
        if(isorg)
          got_org = 1;
        else
          got_cat = 1;
      }
    }
  }
  return (!want_cat || got_cat) && (!want_org || got_org);
}

/* Do x's roles fit e's, or does an article of x's cluster fit e's
 * context?  An entry without context needs neither. */
static int
gaz_context(linker *L, int x, const gaz_entry *e)
{
  const person *p = &L->p[x];
  int r = x;
  size_t m, i;

  if(e->nctx == 0 ||
     ngi_link_roles_fit(p->roles, p->nrole, e->roles, e->nrole) > 0)
    return 1;
  while(L->p[r].parent != r)
    r = L->p[r].parent;
  for(m = 0; m < L->nmem[r]; m++) {
    const person *q = &L->p[L->mem[r][m]];
    for(i = 0; i < q->nart; i++)
      if(article_fits(L, &L->a[q->arts[i]], e))
        return 1;
  }
  return 0;
}

/* The gazetteer entry a person is, or -1: its full name, roles that do
 * not conflict, and the entry's context.  When several entries share the
 * name (namesakes), the one whose roles fit, else the one whose context
 * the node's articles meet; two such, or none: no entry. */
int
ngi_link_gaz_match(linker *L, int x)
{
  const person *p = &L->p[x];
  char *sl = ngi_slug(p->label);
  int v, found = -1, byctx = -1, nrole = 0, nctx = 0;
  size_t i, k;

  if(!sl) {
    NOMEM(L);
    return -1;
  }
  v = ngi_smap_get(&L->gaz, sl, 0);
  if(v > 0) {
    const gaz_entry *e = &L->g[v - 1];
    if(ngi_link_roles_fit(p->roles, p->nrole, e->roles, e->nrole) >= 0)
      found = v - 1;
  } else if(v < 0) {
    /* several entries have this name (rare: a scan of the entries) */
    for(i = 0; i < L->ng; i++) {
      const gaz_entry *e = &L->g[i];
      int fit;
      for(k = 0; k < e->nnames; k++)
        if(!strcmp(e->names[k], sl))
          break;
      if(k == e->nnames ||
         (fit = ngi_link_roles_fit(p->roles, p->nrole, e->roles,
                                   e->nrole)) < 0)
        continue;
      if(fit > 0) {
        found = (int)i;
        nrole++;
      } else if(e->nctx > 0 && gaz_context(L, x, e)) {
        byctx = (int)i;
        nctx++;
      }
    }
    if(nrole != 1)
      found = nrole == 0 && nctx == 1 ? byctx : -1;
  }
  free(sl);
  if(found >= 0 && !gaz_context(L, x, &L->g[found]))
    found = -1;
  return found;
}

static void
wikidata(linker *L, int x, int e, const char *why)
{
  char *wd = ngi_iri_join(NGI_WIKIDATA, L->g[e].qid, NULL);

  if(!wd) {
    NOMEM(L);
    return;
  }
  ngi_link_triple(L, L->p[x].iri, NGI_OWL "sameAs", wd);
  ngi_link_record(L, L->p[x].iri, wd, NGI_OWL "sameAs", 1.0, why,
                  L->p[x].label, NULL);
  L->stats.wikidata++;
  free(wd);
}


/* Organisations of different graphs under one name (slug), one of them
 * from another tool's graph with a Wikidata or DBpedia item: owl:sameAs
 * the one with the item.  Never a short acronym, never two items. */
void
ngi_link_orgs_same_name(linker *L)
{
  size_t i, j;
  ngi_smap first;

  memset(&first, 0, sizeof first);
  for(i = 0; i < L->norg && L->rc == NG_OK; i++) {
    const org *o = &L->orgs[i];
    char *sl;
    int t;
    if(!o->label || !o->qid || o->wdx || short_acronym(o->label))
      continue;
    if(!(sl = ngi_slug(o->label))) {
      NOMEM(L);
      break;
    }
    t = ngi_smap_get(&first, sl, -1);
    if(t < 0 || strcmp(L->orgs[t].iri, o->iri) > 0)
      if(ngi_smap_put(&first, sl, (int)i))
        NOMEM(L);
    free(sl);
  }
  for(j = 0; j < L->norg && L->rc == NG_OK && first.n; j++) {
    const org *o = &L->orgs[j];
    char *sl;
    int t;
    if(!o->label || !(sl = ngi_slug(o->label))) {
      if(o->label)
        NOMEM(L);
      continue;
    }
    t = ngi_smap_get(&first, sl, -1);
    free(sl);
    if(t < 0 || t == (int)j ||
       (o->qid && strcmp(o->qid, L->orgs[t].qid)))
      continue;
    ngi_link_triple(L, o->iri, NGI_OWL "sameAs", L->orgs[t].iri);
    ngi_link_record(L, o->iri, L->orgs[t].iri, NGI_OWL "sameAs", 0.9,
                    "same organisation name, the other with a Wikidata or "
                    "DBpedia item", o->label, L->orgs[t].label);
    L->stats.org_links++;
    if(!o->qid) {
      ngi_link_triple(L, o->iri, NGI_OWL "sameAs", L->orgs[t].qid);
      ngi_link_record(L, o->iri, L->orgs[t].qid, NGI_OWL "sameAs", 0.9,
                      "Wikidata item of the organisation of that name",
                      o->label, NULL);
    }
  }
  ngi_smap_free(&first);
}

/* The Wikidata item of a cluster from its members' own owl:sameAs (other
 * tools' graphs): the IRI, or NULL when none or when they disagree. */
const char *
ngi_link_cluster_wd(linker *L, int root)
{
  const char *wd = NULL;
  size_t k;

  for(k = 0; k < L->nmem[root]; k++) {
    const person *m = &L->p[L->mem[root][k]];
    if(!m->wd)
      continue;
    if(m->wdx || (wd && strcmp(wd, m->wd)))
      return NULL;
    wd = m->wd;
  }
  return wd;
}

/* Wikidata for persons: each cluster whose members name one item (their
 * own owl:sameAs, from another tool's graph) links its canonical node to
 * it; otherwise the gazetteer: the matching node and its canonical. */
void
ngi_link_wikidata(linker *L)
{
  char *done = calloc(L->np + 1, 1);
  size_t i;

  if(!done) {
    NOMEM(L);
    return;
  }
  for(i = 0; i < L->np && L->rc == NG_OK; i++) {
    const char *wd;
    int c = L->p[i].canon;
    if(L->p[i].parent != (int)i || L->nmem[i] < 2 ||
       !(wd = ngi_link_cluster_wd(L, (int)i)))
      continue;
    if(strcmp(L->p[c].iri, wd) && !(L->p[c].wd && !strcmp(L->p[c].wd, wd))) {
      ngi_link_triple(L, L->p[c].iri, NGI_OWL "sameAs", wd);
      ngi_link_record(L, L->p[c].iri, wd, NGI_OWL "sameAs", 1.0,
                      "Wikidata item of a node it is owl:sameAs (another "
                      "graph)", L->p[c].label, NULL);
      L->stats.wikidata++;
    }
    done[c] = 1;
  }
  for(i = 0; i < L->np && L->rc == NG_OK && L->ng > 0; i++) {
    int e, c;
    if(!L->p[i].label || L->p[i].kind == K_SKIP ||
       (e = ngi_link_gaz_match(L, (int)i)) < 0)
      continue;
    c = L->p[i].canon;
    if(done[c] == 1)
      continue; /* its cluster has an item of its own */
    if(!done[i])
      wikidata(L, (int)i, e, "gazetteer name");
    done[i] = 2;
    if(c != (int)i && !done[c]) {
      wikidata(L, c, e, "gazetteer name of a node it is owl:sameAs");
      done[c] = 2;
    }
  }
  free(done);
}
