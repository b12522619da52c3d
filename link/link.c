/* link.c - entity linking over the store: one real person, one node.
 *
 * Reads every graph of the store (but the links graph), collects the
 * person nodes with their labels, other names, role titles, the articles
 * that mention them and what else those articles mention, and decides:
 *
 *  - short forms: a surname-only ("Putin"), initial ("V. Putin") or
 *    shorter full name ("George Bush") is tied to the one full name of the
 *    store it fits (same surname, fitting given names or initials, gender
 *    and roles that do not conflict, never in the same article).  With
 *    evidence from context (a role title in common, or two rarer entities
 *    both mention) that is owl:sameAs; without, or when the surname is
 *    spelt differently, skos:closeMatch with a lower confidence.  Several
 *    fitting full names: no link, unless context picks one clearly out
 *    (closeMatch, 0.5).
 *  - spelling variants of full names (Aleksey/Alexei, Ryabkov/Riabkov,
 *    Mohammed/Muhammad): skos:closeMatch with a confidence.
 *  - organisations that differ by a legal form (Apple Inc., Apple).
 *  - a person gazetteer (TSV) ties names to Wikidata with owl:sameAs.
 * What it reads comes from linkdata.c, how names compare from
 * linknames.c, how a link is written down from record.c;
 * docs/linking.md has the rules.
 *
 * Kept apart always: nodes in one article (the extractor already chose),
 * a short form whose article also has a full name with its surname,
 * conflicting genders (Mr/Mrs, given names), conflicting roles, a node
 * whose own forms conflict (Mr and Mrs Blair under one IRI).  owl:sameAs
 * links are closed into clusters; each member points at its cluster's
 * canonical node (the full name in most articles), so one hop suffices.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/iri.h"
#include "link.h"
#include "store/store.h"
#include "graph/vocab.h"

/* ------------------------------------------------------------ context */

static int
cooccur(const person *a, const person *b)
{
  size_t i = 0, j = 0;

  while(i < a->nart && j < b->nart) {
    if(a->arts[i] == b->arts[j])
      return 1;
    if(a->arts[i] < b->arts[j])
      i++;
    else
      j++;
  }
  return 0;
}

static int find(linker *L, int i);

/* An entity as context: a person stands for its cluster so far. */
static int
context_key(linker *L, int e)
{
  int pi = L->ent_person[e];

  if(pi < 0)
    return e;
  pi = find(L, pi);
  return L->p[pi].ent >= 0 ? L->p[pi].ent : e;
}

/* Entities (other than a and b and their clusters) mentioned with a and
 * with b's cluster so far (every member's articles), leaving out those
 * that most articles mention. */
static size_t
shared_context(linker *L, int ia, int ib)
{
  const person *a = &L->p[ia];
  int rb = find(L, ib);
  int ka = a->ent >= 0 ? context_key(L, a->ent) : -2;
  int kb = L->p[ib].ent >= 0 ? context_key(L, L->p[ib].ent) : -2;
  size_t i, k, m, n = 0, cap = L->na / 10 > 50 ? L->na / 10 : 50;
  int s1, s2;

  s1 = ++L->stamp;
  s2 = ++L->stamp;
  for(i = 0; i < a->nart; i++) {
    const article *ar = &L->a[a->arts[i]];
    for(k = 0; k < ar->nents; k++)
      if((size_t)L->df[ar->ents[k]] <= cap)
        L->mark[context_key(L, ar->ents[k])] = s1;
  }
  for(m = 0; m < L->nmem[rb]; m++) {
    const person *b = &L->p[L->mem[rb][m]];
    for(i = 0; i < b->nart; i++) {
      const article *ar = &L->a[b->arts[i]];
      for(k = 0; k < ar->nents; k++) {
        int e = ar->ents[k], key;
        if((size_t)L->df[e] > cap)
          continue;
        key = context_key(L, e);
        if(key == ka || key == kb || L->mark[key] != s1)
          continue;
        L->mark[key] = s2;
        n++;
      }
    }
  }
  return n;
}

/* Articles of i's cluster so far. */
static size_t
cluster_articles(linker *L, int i)
{
  int r = find(L, i);
  size_t m, n = 0;

  for(m = 0; m < L->nmem[r]; m++)
    n += L->p[L->mem[r][m]].nart;
  return n;
}

/* ------------------------------------------------------------ clusters */

static int
find(linker *L, int i)
{
  if(i < 0)
    return i;
  while(L->p[i].parent != i) {
    L->p[i].parent = L->p[L->p[i].parent].parent;
    i = L->p[i].parent;
  }
  return i;
}

/* May the clusters of a and b become one?  No two members in one
 * article, no two full names whose given names conflict. */
static int
clusters_fit(linker *L, int a, int b)
{
  int ra = find(L, a), rb = find(L, b);
  size_t i, j;

  if(ra == rb)
    return 1;
  for(i = 0; i < L->nmem[ra]; i++) {
    const person *x = &L->p[L->mem[ra][i]];
    for(j = 0; j < L->nmem[rb]; j++) {
      const person *y = &L->p[L->mem[rb][j]];
      int v, sh;
      if(cooccur(x, y) || !ngi_link_gender_fits(x, y))
        return 0;
      if(x->kind == K_FULL && y->kind == K_FULL &&
         !ngi_link_name_fits(L, x, y, &v, &sh) && !ngi_link_name_fits(L, y, x, &v, &sh))
        return 0;
    }
  }
  return 1;
}

static int
unite(linker *L, int a, int b)
{
  int ra = find(L, a), rb = find(L, b);
  size_t i;

  if(ra == rb)
    return 0;
  if(L->nmem[ra] < L->nmem[rb]) {
    int t = ra;
    ra = rb;
    rb = t;
  }
  for(i = 0; i < L->nmem[rb]; i++)
    if(ngi_link_ipush(&L->mem[ra], &L->nmem[ra], &L->capmem[ra],
                      L->mem[rb][i])) {
      NOMEM(L);
      return -1;
    }
  L->nmem[rb] = 0;
  L->p[rb].parent = ra;
  return 0;
}

/* ------------------------------------------------------------ deciding */

static void
close_match(linker *L, int x, int f, double conf, const char *why)
{
  if(L->p[x].kind == K_SURNAME || L->p[x].kind == K_INITIAL)
    L->stats.short_linked++;
  ngi_link_triple(L, L->p[x].iri, NGI_SKOS "closeMatch", L->p[f].iri);
  ngi_link_record(L, L->p[x].iri, L->p[f].iri, NGI_SKOS "closeMatch", conf,
                  why, L->p[x].label, L->p[f].label);
  L->stats.close_match++;
}

/* owl:sameAs when the clusters may join, else closeMatch. */
static void
same_as(linker *L, int x, int f, double conf, const char *why)
{
  if(!clusters_fit(L, x, f)) {
    close_match(L, x, f, conf - 0.2, "clusters conflict; was: sameAs");
    return;
  }
  if(unite(L, x, f))
    return;
  L->p[x].conf = conf;
  if(L->p[x].kind == K_SURNAME || L->p[x].kind == K_INITIAL)
    L->stats.short_linked++;
  ngi_link_record(L, L->p[x].iri, L->p[f].iri, NGI_OWL "sameAs", conf, why,
                  L->p[x].label, L->p[f].label);
}

/* Is there, in an article of x, another full name with x's surname? */
static int
surname_taken(linker *L, int x)
{
  const person *p = &L->p[x];
  size_t i, k;

  for(i = 0; i < p->nart; i++) {
    const article *a = &L->a[p->arts[i]];
    for(k = 0; k < a->np; k++) {
      const person *q = &L->p[a->persons[k]];
      if(a->persons[k] != x && q->kind == K_FULL && q->surname &&
         !strcmp(q->surname, p->surname))
        return 1;
    }
  }
  return 0;
}

/* Two role titles of p without a content word in common? */
static int
roles_disjoint(const person *p)
{
  size_t i, j;

  for(i = 0; i < p->nrole; i++)
    for(j = i + 1; j < p->nrole; j++)
      if(ngi_link_roles_fit(&p->roles[i], 1, &p->roles[j], 1) < 0)
        return 1;
  return 0;
}

static size_t
full_words(const person *p)
{
  size_t i, n = 0;

  for(i = 0; i < p->ngiven; i++)
    n += strlen(p->given[i]) > 1;
  return n;
}

static size_t
support(linker *L, int x, int f)
{
  return shared_context(L, x, f) + (ngi_link_same_title(&L->p[x], &L->p[f]) ? 3 : 0);
}

/* A shorter form x (surname only, initials, fewer given names) and the
 * full names it fits, grouped by the cluster each is in so far (George
 * Bush and George W Bush, joined in the first round, are one candidate).
 * Each candidate is scored by what x's article says against what the
 * candidate's articles say: the rarer persons and organisations both
 * mention and a role title in common (the cross-document coreference
 * set-up of Bagga and Baldwin, 1998).  The best is linked when it wins
 * clearly, even when other namesakes exist somewhere in the store (a
 * "Mr Blair" next to the prime minister's colleagues is Tony Blair,
 * whatever Sir Ian Blair does elsewhere); closeMatch when it wins less
 * clearly; a true tie is left alone. */
static void
link_short(linker *L, int x, int final)
{
  person *p = &L->p[x];
  int b = ngi_smap_get(&L->buckets, p->sfold, -1);
  int cand[64], var[64], root[64];
  size_t nc = 0, k, j, sup[64], best = 0, second = 0;
  int bi = -1, rx = find(L, x), dominant = -1;
  char why[200];

  if(p->gender == 'X')
    return;
  if(b < 0) {
    p->nofull = 1;
    return;
  }
  if(p->kind != K_FULL && surname_taken(L, x))
    return;
  for(k = 0; k < L->nbk[b] && nc < 64; k++) {
    int f = L->bk[b][k], v, sh, rf, r;
    const person *q = &L->p[f];
    size_t s;
    if(f == x || q->kind != K_FULL || q->gender == 'X')
      continue;
    if(!ngi_link_name_fits(L, p, q, &v, &sh) || !sh)
      continue;
    rf = ngi_link_roles_fit(p->roles, p->nrole, q->roles, q->nrole);
    /* roles the candidate's articles do not give but its gazetteer entry
     * does ("Prime Minister Thatcher" and Margaret Thatcher, "Tory
     * leader" in her articles, a prime minister in the gazetteer) */
    if(rf < 1 && q->gz >= 0 &&
       ngi_link_roles_fit(p->roles, p->nrole, L->g[q->gz].roles,
                          L->g[q->gz].nrole) > 0)
      rf = 1;
    if(!ngi_link_gender_fits(p, q) || rf < 0 || cooccur(p, q))
      continue;
    /* a lone word known only by a role ("Wales, captain") must share it */
    if(p->kind == K_SURNAME && !p->gender && rf < 1)
      continue;
    r = find(L, f);
    if(r == rx)
      continue;
    s = support(L, x, f);
    for(j = 0; j < nc && root[j] != r; j++)
      ;
    if(j < nc) {
      /* the same cluster: its best-supported member stands for it */
      if(s > sup[j] || (s == sup[j] && v < var[j])) {
        cand[j] = f;
        sup[j] = s;
      }
      if(v < var[j])
        var[j] = v;
      continue;
    }
    cand[nc] = f;
    var[nc] = v;
    root[nc] = r;
    sup[nc] = s;
    nc++;
  }
  if(nc == 0) {
    p->nofull = p->kind == K_SURNAME;
    return;
  }
  if(nc > 1) {
    /* prominence: a namesake the store names ten times as often as
     * every other (Tony Blair against Ian Blair) gets one point more */
    size_t na[64], top = 0;
    int ti = 0;
    for(k = 0; k < nc; k++) {
      na[k] = cluster_articles(L, cand[k]);
      if(na[k] > top) {
        top = na[k];
        ti = (int)k;
      }
    }
    for(k = 0; k < nc; k++)
      if(k != (size_t)ti && na[k] * 10 > top)
        break;
    if(k == nc && top >= 10) {
      sup[ti]++;
      dominant = ti;
    }
  }
  for(k = 0; k < nc; k++) {
    if(sup[k] > best || bi < 0) {
      second = bi < 0 ? 0 : best;
      best = sup[k];
      bi = (int)k;
    } else if(sup[k] > second) {
      second = sup[k];
    }
  }
  {
    const char *form = p->kind == K_SURNAME ? "surname only"
                       : p->kind == K_INITIAL ? "initials"
                                              : "fewer given names";
    /* "Mr Blair" says a person; "Lord Greaves" is a title that many
     * people of one surname hold, so it does not count */
    int honorific = (p->gender == 'M' || p->gender == 'F') && !p->peer;
    /* a lone word whose articles give it roles with nothing in common
     * may be several people under one IRI ("Coach Carter", "President
     * Carter"): never owl:sameAs */
    int mixed = p->kind == K_SURNAME && !honorific && p->nart > 1 &&
                roles_disjoint(p);
    int word = p->kind == K_FULL && nc == 1 &&
               full_words(&L->p[cand[0]]) > full_words(p);
    /* several namesakes: the best must have context of its own (3: a
     * title in common, or three rarer entities) and more than twice the
     * next one's */
    int clear = nc == 1 ? (sup[0] >= 3 || (honorific && sup[0] >= 1))
                        : (best >= 3 && (honorific || best >= 4) &&
                           (best >= 2 * second + 1 ||
                            (bi == dominant && best > second)));
    if(var[bi] == 0 && !word && !mixed && clear) {
      if(nc == 1)
        snprintf(why, sizeof why, "%s; one full name fits; shared context "
                 "%zu", form, sup[0]);
      else
        snprintf(why, sizeof why, "%s; %zu full names fit; context picks "
                 "one (%zu against %zu)", form, nc, best, second);
      same_as(L, x, cand[bi], nc == 1 ? 0.9 : 0.5 + 0.4 *
              (double)(best - second) / (double)best, why);
      L->p[x].done = 1;
    } else if(!final) {
      return;
    } else if(nc == 1 && var[0] && sup[0] >= 1) {
      snprintf(why, sizeof why, "%s; one full name fits in another "
               "spelling; shared context %zu", form, sup[0]);
      close_match(L, x, cand[0], 0.6, why);
      L->p[x].done = 2;
    } else if(nc == 1 && !var[0] && !word &&
              (p->kind != K_SURNAME || sup[0] >= 1)) {
      /* a middle word missing without context: Jerry Lewis is not
       * Jerry Lee Lewis; a surname alone without context: Lord
       * Armstrong is not Bill Armstrong the analyst */
      snprintf(why, sizeof why, "%s; one full name fits; shared context "
               "%zu", form, sup[0]);
      close_match(L, x, cand[0], sup[0] >= 1 ? 0.7 : 0.6, why);
      L->p[x].done = 2;
    } else if(nc > 1 && best >= 3 && best > second) {
      snprintf(why, sizeof why, "%s; %zu full names fit; context leans to "
               "one (%zu against %zu)", form, nc, best, second);
      /* 0.5, up to 0.7 as the others fall behind */
      close_match(L, x, cand[bi],
                  0.5 + 0.2 * (double)(best - second) / (double)best, why);
      L->p[x].done = 2;
    }
  }
}

/* Short forms that no full name of the store explains, linked to each
 * other as one entity: the same peer's title ("Lord Falconer" in
 * thirteen articles, a title one person holds at a time), or the same
 * form of address with context of their own ("Mr Oaks" in three
 * articles about one company).  Each joins the first of its surname it
 * fits. */
static void
link_unnamed(linker *L)
{
  ngi_smap first;
  size_t i;

  memset(&first, 0, sizeof first);
  for(i = 0; i < L->np && L->rc == NG_OK; i++) {
    person *p = &L->p[i];
    char key[200];
    int z, peer;
    size_t sup;
    if(p->kind != K_SURNAME || p->done || p->gender == 'X' ||
       !p->form[0] || find(L, (int)i) != (int)i || L->nmem[i] > 1)
      continue;
    peer = p->peer && strcmp(p->form, "sir") && strcmp(p->form, "dame");
    if(!peer && !p->nofull)
      continue; /* a full name may still be the one: leave it */
    snprintf(key, sizeof key, "%s|%s", p->form, p->surname);
    z = ngi_smap_get(&first, key, -1);
    if(z < 0) {
      if(ngi_smap_put(&first, key, (int)i))
        NOMEM(L);
      continue;
    }
    /* a peer's title is one person's whatever else the articles call
     * him ("Lord Chancellor", "former Home Office minister"); other
     * forms must not have roles in conflict */
    if((!peer && ngi_link_roles_fit(p->roles, p->nrole, L->p[z].roles,
                                    L->p[z].nrole) < 0) ||
       !clusters_fit(L, (int)i, z))
      continue;
    sup = support(L, (int)i, z);
    if(peer) {
      char why[160];
      snprintf(why, sizeof why, "the same title, no full name in the "
               "store; shared context %zu", sup);
      same_as(L, (int)i, z, sup >= 1 ? 0.8 : 0.7, why);
    } else if(sup >= 3) {
      char why[160];
      snprintf(why, sizeof why, "the same form of address, no full name "
               "in the store; shared context %zu", sup);
      same_as(L, (int)i, z, 0.7, why);
    }
  }
  ngi_smap_free(&first);
}

/* Two full names of the same length that differ only in spelling. */
static void
link_variants(linker *L, size_t b)
{
  size_t i, j;

  for(i = 0; i < L->nbk[b]; i++)
    for(j = i + 1; j < L->nbk[b]; j++) {
      int x = L->bk[b][i], f = L->bk[b][j], v1, s1, v2, s2;
      const person *p = &L->p[x], *q = &L->p[f];
      static const double conf[] = { 1.0, 0.9, 0.85, 0.6 };
      static const char *const why[] = {
        "same name, other punctuation or case",
        "transliteration variant",
        "given-name variants table",
        "one letter apart",
      };
      if(p->kind != K_FULL || q->kind != K_FULL)
        continue;
      if(!ngi_link_name_fits(L, p, q, &v1, &s1) || !ngi_link_name_fits(L, q, p, &v2, &s2) ||
         s1 || s2)
        continue;
      if(v2 > v1)
        v1 = v2;
      if(!ngi_link_gender_fits(p, q) || cooccur(p, q) ||
         ngi_link_roles_fit(p->roles, p->nrole, q->roles, q->nrole) < 0)
        continue;
      if(v1 == 0)
        same_as(L, x, f, conf[0], why[0]);
      else
        close_match(L, x, f, conf[v1], why[v1]);
    }
}

/* ------------------------------------------------------------ driver */

static int
by_iri(const void *a, const void *b)
{
  return strcmp(((const person *)a)->iri, ((const person *)b)->iri);
}

static void
free_person(person *p)
{
  size_t i;

  free(p->iri);
  free(p->label);
  for(i = 0; i < p->nalt; i++)
    free(p->alts[i]);
  free(p->alts);
  for(i = 0; i < p->nrole; i++)
    free(p->roles[i]);
  free(p->roles);
  for(i = 0; i < p->ngiven; i++)
    free(p->given[i]);
  free(p->given);
  free(p->arts);
  free(p->surname);
  free(p->wd);
}

static void
linker_release(linker *L)
{
  size_t i, k;

  for(i = 0; i < L->np; i++)
    free_person(&L->p[i]);
  free(L->p);
  for(i = 0; i < L->na; i++) {
    free(L->a[i].cats);
    free(L->a[i].ents);
    free(L->a[i].persons);
  }
  free(L->a);
  for(i = 0; i < L->ng; i++) {
    free(L->g[i].qid);
    for(k = 0; k < L->g[i].nnames; k++)
      free(L->g[i].names[k]);
    free(L->g[i].names);
    for(k = 0; k < L->g[i].nrole; k++)
      free(L->g[i].roles[k]);
    free(L->g[i].roles);
    free(L->g[i].ctx);
  }
  free(L->g);
  for(i = 0; i < L->nbuckets; i++)
    free(L->bk[i]);
  free(L->bk);
  free(L->nbk);
  free(L->capbk);
  if(L->mem)
    for(i = 0; i < L->np; i++)
      free(L->mem[i]);
  free(L->mem);
  free(L->nmem);
  free(L->capmem);
  free(L->mark);
  free(L->ent_person);
  free(L->df);
  ngi_smap_free(&L->person_ix);
  ngi_smap_free(&L->org_ix);
  for(i = 0; i < L->norg; i++) {
    free(L->orgs[i].iri);
    free(L->orgs[i].label);
    free(L->orgs[i].qid);
  }
  free(L->orgs);
  ngi_smap_free(&L->ents);
  ngi_smap_free(&L->cats);
  for(i = 0; i < L->ncatname; i++)
    free(L->catname[i]);
  free(L->catname);
  ngi_smap_free(&L->given_gender);
  ngi_smap_free(&L->places);
  ngi_smap_free(&L->variants);
  ngi_smap_free(&L->gaz);
  ngi_smap_free(&L->buckets);
}

/* Persons in IRI order, so that the output does not depend on the order
 * the store lists its graphs in. */
static void
sort_persons(linker *L)
{
  int *newix;
  size_t i, k;

  if(L->np == 0)
    return;
  for(i = 0; i < L->np; i++)
    L->p[i].parent = (int)i; /* old index */
  qsort(L->p, L->np, sizeof *L->p, by_iri);
  newix = malloc(L->np * sizeof *newix);
  if(!newix) {
    NOMEM(L);
    return;
  }
  for(i = 0; i < L->np; i++)
    newix[L->p[i].parent] = (int)i;
  for(i = 0; i < L->na; i++)
    for(k = 0; k < L->a[i].np; k++)
      L->a[i].persons[k] = newix[L->a[i].persons[k]];
  free(newix);
}

static void
make_buckets(linker *L)
{
  size_t i;

  for(i = 0; i < L->np && L->rc == NG_OK; i++) {
    const person *p = &L->p[i];
    int b;
    if(p->kind != K_FULL)
      continue;
    b = ngi_smap_get(&L->buckets, p->sfold, -1);
    if(b < 0) {
      if(L->nbuckets == L->capbuckets) {
        size_t nc = L->capbuckets ? L->capbuckets * 2 : 256;
        int **a = realloc(L->bk, nc * sizeof *a);
        size_t *n1, *n2;
        if(a)
          L->bk = a;
        n1 = a ? realloc(L->nbk, nc * sizeof *n1) : NULL;
        if(n1)
          L->nbk = n1;
        n2 = n1 ? realloc(L->capbk, nc * sizeof *n2) : NULL;
        if(!n2) {
          NOMEM(L);
          return;
        }
        L->capbk = n2;
        L->capbuckets = nc;
      }
      b = (int)L->nbuckets++;
      L->bk[b] = NULL;
      L->nbk[b] = L->capbk[b] = 0;
      if(ngi_smap_put(&L->buckets, p->sfold, b)) {
        NOMEM(L);
        return;
      }
    }
    if(ngi_link_ipush(&L->bk[b], &L->nbk[b], &L->capbk[b], (int)i))
      NOMEM(L);
  }
}

ng_status
ng_store_link(ng_store *st, const ng_link_opts *o, ng_link_stats *stats,
              char *err)
{
  linker L;
  ng_graph *g = NULL;
  char **iris = NULL;
  size_t n = 0, i;
  ng_status rc;

  memset(&L, 0, sizeof L);
  L.st = st;
  L.w = st->world;
  L.o = o;
  L.err = err;
  L.graph = o && o->graph ? o->graph : NG_LINKS_GRAPH;
  if(stats)
    memset(stats, 0, sizeof *stats);
  rc = ngi_iri_check(L.graph, "links graph", err);
  if(rc != NG_OK)
    return rc;
  ngi_link_load_data(&L);
  if(L.rc == NG_OK) {
    rc = ng_store_graphs(st, &iris, &n, err);
    if(rc != NG_OK)
      L.rc = rc;
  }
  ngi_store_log_reset(st);
  for(i = 0; i < n && L.rc == NG_OK; i++)
    if(strcmp(iris[i], L.graph)) {
      ngi_link_read_graph(&L, iris[i]);
      L.stats.graphs++;
    }
  for(i = 0; i < n; i++)
    free(iris[i]);
  free(iris);
  if(L.rc == NG_OK)
    sort_persons(&L);
  for(i = 0; i < L.np && L.rc == NG_OK; i++)
    if(L.p[i].label)
      ngi_link_parse_name(&L, &L.p[i]);
  L.stats.persons = L.np;
  for(i = 0; i < L.np; i++) {
    L.stats.short_forms += L.p[i].kind == K_SURNAME ||
                           L.p[i].kind == K_INITIAL;
    L.stats.conflicted += L.p[i].gender == 'X';
  }
  if(L.rc == NG_OK) {
    L.mark = calloc(L.ndf + 1, sizeof *L.mark);
    L.ent_person = malloc((L.ndf + 1) * sizeof *L.ent_person);
    L.mem = calloc(L.np + 1, sizeof *L.mem);
    L.nmem = calloc(L.np + 1, sizeof *L.nmem);
    L.capmem = calloc(L.np + 1, sizeof *L.capmem);
    if(!L.mark || !L.mem || !L.nmem || !L.capmem || !L.ent_person)
      NOMEM(&L);
  }
  for(i = 0; i < L.ndf && L.rc == NG_OK; i++)
    L.ent_person[i] = -1;
  for(i = 0; i < L.np && L.rc == NG_OK; i++) {
    L.p[i].ent = ngi_smap_get(&L.ents, L.p[i].iri, -1);
    if(L.p[i].ent >= 0)
      L.ent_person[L.p[i].ent] = (int)i;
  }
  for(i = 0; i < L.np && L.rc == NG_OK; i++) {
    L.p[i].parent = (int)i;
    if(ngi_link_ipush(&L.mem[i], &L.nmem[i], &L.capmem[i], (int)i))
      NOMEM(&L);
  }
  if(L.rc == NG_OK)
    make_buckets(&L);
  if(L.rc == NG_OK) {
    L.w = st->world;
    rc = ngi_graph_new_in(st->world, &g, err);
    if(rc != NG_OK)
      L.rc = rc;
    else
      L.m = ngi_graph_model(g);
  }
  /* the gazetteer entries of full names: their roles are evidence too */
  for(i = 0; i < L.np && L.rc == NG_OK; i++)
    L.p[i].gz = L.ng > 0 && L.p[i].kind == K_FULL && L.p[i].label
                    ? ngi_link_gaz_match(&L, (int)i)
                    : -1;
  /* exact and spelling matches first, then the shorter forms */
  for(i = 0; i < L.nbuckets && L.rc == NG_OK; i++)
    link_variants(&L, i);
  /* shorter full names first (George Bush, George W Bush), so that a
   * surname meets them as one candidate; then twice: what the first
   * round joins is context for the second */
  for(i = 0; i < L.np && L.rc == NG_OK; i++)
    if(L.p[i].kind == K_FULL)
      link_short(&L, (int)i, 0);
  for(i = 0; i < L.np && L.rc == NG_OK; i++)
    if(L.p[i].kind != K_SKIP && !L.p[i].done)
      link_short(&L, (int)i, 0);
  for(i = 0; i < L.np && L.rc == NG_OK; i++)
    if(L.p[i].kind != K_SKIP && !L.p[i].done)
      link_short(&L, (int)i, 1);
  if(L.rc == NG_OK)
    link_unnamed(&L);
  /* clusters: every member owl:sameAs the canonical node */
  for(i = 0; i < L.np && L.rc == NG_OK; i++) {
    size_t k;
    int best = -1;
    if(find(&L, (int)i) != (int)i)
      continue;
    L.stats.merged++;
    for(k = 0; k < L.nmem[i]; k++) {
      int m = L.mem[i][k];
      if(best < 0 || (L.p[m].kind == K_FULL && L.p[best].kind != K_FULL) ||
         ((L.p[m].kind == K_FULL) == (L.p[best].kind == K_FULL) &&
          (L.p[m].nart > L.p[best].nart ||
           (L.p[m].nart == L.p[best].nart && m < best))))
        best = m;
    }
    for(k = 0; k < L.nmem[i]; k++)
      L.p[L.mem[i][k]].canon = best;
    for(k = 0; k < L.nmem[i]; k++) {
      int m = L.mem[i][k];
      if(m == best)
        continue;
      ngi_link_triple(&L, L.p[m].iri, NGI_OWL "sameAs", L.p[best].iri);
      L.stats.same_as++;
    }
  }
  if(L.rc == NG_OK)
    ngi_link_orgs(&L);
  if(L.rc == NG_OK)
    ngi_link_orgs_same_name(&L);
  L.stats.orgs = L.norg;
  if(L.rc == NG_OK)
    ngi_link_wikidata(&L);
  if(L.rc == NG_OK) {
    rc = ng_store_put_graph(st, g, L.graph, NULL, err);
    if(rc != NG_OK)
      L.rc = rc;
  }
  ng_graph_free(g);
  if(stats && L.rc == NG_OK)
    *stats = L.stats;
  rc = L.rc;
  linker_release(&L);
  return rc;
}
