/* linkdata.c - what the entity linker (link/link.c) reads: the store's
 * person and organisation nodes with their names, roles and articles, the
 * data files (given names, places, name variants, the person gazetteer).
 * The string maps and arrays it fills are in linkutil.c.
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
#include "util/str.h"

/* ------------------------------------------------------------ reading */

typedef struct trip {
  int kind;
  char *s, *o;
} trip;

enum { T_TYPE, T_LABEL, T_ALT, T_ROLE, T_TITLE, T_MENTIONS, T_ORG,
       T_SAMEAS, T_NAME, T_CATEGORY };

/* The id of a category by the last segment of its IRI ("politics"), or
 * of an organisation mentioned ("org:conservatives"). */
int
ngi_link_category(linker *L, const char *prefix, const char *iri)
{
  const char *slash = strrchr(iri, '/');
  char *k = ngi_iri_join(prefix, slash ? slash + 1 : iri, NULL);
  int id;

  if(!k) {
    NOMEM(L);
    return -1;
  }
  id = ngi_smap_get(&L->cats, k, -1);
  if(id < 0) {
    id = (int)L->ncatname;
    if(ngi_smap_put(&L->cats, k, id) ||
       ngi_link_spush(&L->catname, &L->ncatname, &L->capcatname, k)) {
      NOMEM(L);
      free(k);
      return -1;
    }
    return id;
  }
  free(k);
  return id;
}

/* Types read as a person or an organisation, from our graphs and from
 * other tools' (schema.org in both schemes, FOAF). */
static const char *const person_types[] = {
  NG_NS "Person", "http://schema.org/Person", "https://schema.org/Person",
  "http://xmlns.com/foaf/0.1/Person", NULL
};
static const char *const org_types[] = {
  NG_NS "Organization", "http://schema.org/Organization",
  "https://schema.org/Organization", "http://xmlns.com/foaf/0.1/Organization",
  NULL
};

/* An IRI of Wikidata or DBpedia: what owl:sameAs to another graph's
 * entity is kept for. */
int
ngi_link_external(const char *iri)
{
  return !strncmp(iri, NGI_WIKIDATA, strlen(NGI_WIKIDATA)) ||
         !strncmp(iri, "https://www.wikidata.org/entity/", 32) ||
         !strncmp(iri, "http://dbpedia.org/resource/", 28) ||
         !strncmp(iri, "https://dbpedia.org/resource/", 29);
}

/* The Wikidata item an IRI is (http scheme), or NULL: a copy. */
char *
ngi_link_wd(const char *iri)
{
  const char *q = NULL;

  if(!strncmp(iri, NGI_WIKIDATA, strlen(NGI_WIKIDATA)))
    q = iri + strlen(NGI_WIKIDATA);
  else if(!strncmp(iri, "https://www.wikidata.org/entity/", 32))
    q = iri + 32;
  if(!q || q[0] != 'Q' || !q[1] || strspn(q + 1, "0123456789") != strlen(q + 1))
    return NULL;
  return ngi_iri_join(NGI_WIKIDATA, q, NULL);
}

/* Keep the smaller of two Wikidata IRIs in *slot (deterministic); a
 * second, different one marks *conflict. */
static int
keep_wd(char **slot, int *conflict, const char *iri)
{
  char *wd = ngi_link_wd(iri);

  if(!wd)
    return 0;
  if(!*slot) {
    *slot = wd;
    return 0;
  }
  if(strcmp(*slot, wd)) {
    *conflict = 1;
    if(strcmp(wd, *slot) < 0) {
      free(*slot);
      *slot = wd;
      return 0;
    }
  }
  free(wd);
  return 0;
}

static int
entity_id(linker *L, const char *iri)
{
  int id = ngi_smap_get(&L->ents, iri, -1);

  if(id >= 0)
    return id;
  id = (int)L->ndf;
  if(ngi_smap_put(&L->ents, iri, id) ||
     ngi_link_ipush(&L->df, &L->ndf, &L->capdf, 0)) {
    NOMEM(L);
    return -1;
  }
  return id;
}

static int
person_id(linker *L, const char *iri)
{
  int id = ngi_smap_get(&L->person_ix, iri, -1);
  person *p;

  if(id >= 0)
    return id;
  if(L->np == L->capp) {
    size_t nc = L->capp ? L->capp * 2 : 256;
    person *np = realloc(L->p, nc * sizeof *np);
    if(!np) {
      NOMEM(L);
      return -1;
    }
    L->p = np;
    L->capp = nc;
  }
  p = &L->p[L->np];
  memset(p, 0, sizeof *p);
  p->iri = ngi_str_dup(iri);
  if(!p->iri || ngi_smap_put(&L->person_ix, iri, (int)L->np)) {
    free(p->iri);
    NOMEM(L);
    return -1;
  }
  return (int)L->np++;
}

/* An organisation of this graph: its label and Wikidata item, once. */
static void
read_org(linker *L, const trip *t, size_t nt, size_t i)
{
  org *o;
  size_t j;
  int oi = ngi_smap_get(&L->org_ix, t[i].s, -1);

  if(oi >= 0)
    return;
  if(L->norg == L->caporg) {
    size_t nc = L->caporg ? L->caporg * 2 : 256;
    org *no = realloc(L->orgs, nc * sizeof *no);
    if(!no) {
      NOMEM(L);
      return;
    }
    L->orgs = no;
    L->caporg = nc;
  }
  o = &L->orgs[L->norg];
  memset(o, 0, sizeof *o);
  o->iri = ngi_str_dup(t[i].s);
  if(!o->iri || ngi_smap_put(&L->org_ix, t[i].s, (int)L->norg)) {
    free(o->iri);
    NOMEM(L);
    return;
  }
  L->norg++;
  for(j = 0; j < nt; j++) {
    if(strcmp(t[j].s, t[i].s))
      continue;
    if(t[j].kind == T_LABEL && !o->label)
      o->label = ngi_str_dup(t[j].o);
    else if(t[j].kind == T_SAMEAS)
      keep_wd(&o->qid, &o->wdx, t[j].o);
  }
  for(j = 0; j < nt && !o->label; j++)
    if(t[j].kind == T_NAME && !strcmp(t[j].s, t[i].s))
      o->label = ngi_str_dup(t[j].o);
  keep_wd(&o->qid, &o->wdx, o->iri);
}

const char *
ngi_link_node_str(librdf_node *n)
{
  if(!n)
    return NULL;
  if(librdf_node_is_resource(n))
    return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  if(librdf_node_is_literal(n))
    return (const char *)librdf_node_get_literal_value(n);
  return NULL;
}

void
ngi_link_read_graph(linker *L, const char *giri)
{
  static const struct { const char *p; int kind; } preds[] = {
    { NGI_RDF "type", T_TYPE },
    { NGI_RDFS "label", T_LABEL },
    { NGI_SKOS "altLabel", T_ALT },
    { NG_NS "holdsRole", T_ROLE },
    { NG_NS "title", T_TITLE },
    { NG_NS "mentions", T_MENTIONS },
    { NG_NS "category", T_CATEGORY },
    { NGI_OWL "sameAs", T_SAMEAS },
    { "http://schema.org/sameAs", T_SAMEAS },
    { "https://schema.org/sameAs", T_SAMEAS },
    { "http://schema.org/name", T_NAME },
    { "https://schema.org/name", T_NAME },
    { "http://xmlns.com/foaf/0.1/name", T_NAME },
    { NGI_SKOS "prefLabel", T_NAME },
  };
  librdf_node *ctx = librdf_new_node_from_uri_string(
    L->w, (const unsigned char *)giri);
  librdf_stream *str;
  trip *t = NULL;
  size_t nt = 0, capt = 0, i, j;
  article *ar;
  int ai;

  if(!ctx) {
    NOMEM(L);
    return;
  }
  str = librdf_model_context_as_stream(L->st->model, ctx);
  librdf_free_node(ctx);
  if(!str) {
    ngi_link_err(L, NG_ESTORE, "cannot read graph <%s>", giri);
    return;
  }
  for(; !librdf_stream_end(str) && L->rc == NG_OK;
      librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    const char *sv, *pv, *ov;
    size_t k;
    int kind;

    if(!s)
      break;
    sv = ngi_link_node_str(librdf_statement_get_subject(s));
    pv = ngi_link_node_str(librdf_statement_get_predicate(s));
    ov = ngi_link_node_str(librdf_statement_get_object(s));
    if(!sv || !pv || !ov ||
       !librdf_node_is_resource(librdf_statement_get_subject(s)))
      continue;
    for(k = 0; k < sizeof preds / sizeof preds[0]; k++)
      if(!strcmp(pv, preds[k].p))
        break;
    if(k == sizeof preds / sizeof preds[0])
      continue;
    kind = preds[k].kind;
    if(kind == T_TYPE && ngi_link_in_words(org_types, ov))
      kind = T_ORG;
    else if(kind == T_TYPE && !ngi_link_in_words(person_types, ov))
      continue;
    if(kind == T_SAMEAS && !ngi_link_external(ov))
      continue;
    if(nt == capt) {
      size_t nc = capt ? capt * 2 : 64;
      trip *n2 = realloc(t, nc * sizeof *n2);
      if(!n2) {
        NOMEM(L);
        break;
      }
      t = n2;
      capt = nc;
    }
    t[nt].kind = kind;
    t[nt].s = ngi_str_dup(sv);
    t[nt].o = ngi_str_dup(ov);
    nt++;
    if(!t[nt - 1].s || !t[nt - 1].o)
      NOMEM(L);
  }
  librdf_free_stream(str);
  if(L->rc != NG_OK)
    goto out;

  if(L->na == L->capa) {
    size_t nc = L->capa ? L->capa * 2 : 64;
    article *na = realloc(L->a, nc * sizeof *na);
    if(!na) {
      NOMEM(L);
      goto out;
    }
    L->a = na;
    L->capa = nc;
  }
  ai = (int)L->na++;
  ar = &L->a[ai];
  memset(ar, 0, sizeof *ar);
  for(i = 0; i < nt && L->rc == NG_OK; i++) {
    if(t[i].kind == T_MENTIONS && strstr(t[i].o, "/org/")) {
      int c = ngi_link_category(L, "org:", t[i].o);
      if(c >= 0 && ngi_link_ipush(&ar->cats, &ar->ncats, &ar->capcats, c))
        NOMEM(L);
    }
    if(t[i].kind == T_MENTIONS) {
      int e = entity_id(L, t[i].o);
      if(e >= 0) {
        size_t k;
        for(k = 0; k < ar->nents && ar->ents[k] != e; k++)
          ;
        if(k == ar->nents) {
          if(ngi_link_ipush(&ar->ents, &ar->nents, &ar->capents, e))
            NOMEM(L);
          else
            L->df[e]++;
        }
      }
    }
    if(t[i].kind == T_CATEGORY) {
      int c = ngi_link_category(L, "", t[i].o);
      if(c >= 0 && ngi_link_ipush(&ar->cats, &ar->ncats, &ar->capcats, c))
        NOMEM(L);
      continue;
    }
    if(t[i].kind == T_ORG) {
      read_org(L, t, nt, i);
      continue;
    }
    if(t[i].kind != T_TYPE)
      continue;
    {
      int pi = person_id(L, t[i].s);
      person *p;
      if(pi < 0)
        break;
      p = &L->p[pi];
      if(p->nart && p->arts[p->nart - 1] == ai)
        continue;
      if(ngi_link_ipush(&p->arts, &p->nart, &p->capart, ai) ||
         ngi_link_ipush(&ar->persons, &ar->np, &ar->capp, pi)) {
        NOMEM(L);
        break;
      }
      keep_wd(&p->wd, &p->wdx, p->iri);
      for(j = 0; j < nt; j++) {
        if(strcmp(t[j].s, t[i].s))
          continue;
        if(t[j].kind == T_SAMEAS)
          keep_wd(&p->wd, &p->wdx, t[j].o);
        if(t[j].kind == T_NAME && !p->label) {
          size_t k;
          for(k = 0; k < nt; k++)
            if(t[k].kind == T_LABEL && !strcmp(t[k].s, t[i].s))
              break;
          if(k == nt && !(p->label = ngi_str_dup(t[j].o)))
            NOMEM(L);
        }
        if(t[j].kind == T_LABEL && !p->label) {
          p->label = ngi_str_dup(t[j].o);
          if(!p->label)
            NOMEM(L);
        } else if(t[j].kind == T_ALT &&
                  !ngi_link_sfind(p->alts, p->nalt, t[j].o)) {
          char *c = ngi_str_dup(t[j].o);
          if(!c || ngi_link_spush(&p->alts, &p->nalt, &p->capalt, c)) {
            free(c);
            NOMEM(L);
          }
        } else if(t[j].kind == T_ROLE) {
          size_t k;
          const char *title = NULL;
          for(k = 0; k < nt; k++)
            if(t[k].kind == T_TITLE && !strcmp(t[k].s, t[j].o))
              title = t[k].o;
          if(!title)
            for(k = 0; k < nt; k++)
              if(t[k].kind == T_LABEL && !strcmp(t[k].s, t[j].o))
                title = t[k].o;
          if(title) {
            char *c = ngi_str_dup(title), *q;
            if(!c) {
              NOMEM(L);
              continue;
            }
            for(q = c; *q; q++)
              *q = (char)tolower((unsigned char)*q);
            if(ngi_link_sfind(p->roles, p->nrole, c))
              free(c);
            else if(ngi_link_spush(&p->roles, &p->nrole, &p->caprole, c)) {
              free(c);
              NOMEM(L);
            }
          }
        }
      }
    }
  }
out:
  for(i = 0; i < nt; i++) {
    free(t[i].s);
    free(t[i].o);
  }
  free(t);
}

/* ------------------------------------------------------------ data files */

/* Read a text file line by line; fn gets each line without its end and
 * its number; nonzero from fn stops. */
static ng_status
each_line(linker *L, const char *path, int optional,
          int (*fn)(linker *L, char *line, size_t no, const char *path))
{
  FILE *f = fopen(path, "r");
  char *line = NULL;
  size_t cap = 0, no = 0;
  ssize_t len;

  if(!f) {
    if(optional)
      return NG_OK;
    ngi_link_err(L, NG_ELEXICON, "cannot read '%s'", path);
    return L->rc;
  }
  while((len = getline(&line, &cap, f)) >= 0) {
    no++;
    while(len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = '\0';
    if(no == 1 && !strncmp(line, "\xEF\xBB\xBF", 3))
      memmove(line, line + 3, (size_t)len - 2); /* a byte-order mark */
    if(fn(L, line, no, path))
      break;
  }
  free(line);
  fclose(f);
  return L->rc;
}

/* Put the slug of text into map with value v: 0, or 1 after recording
 * out of memory. */
static int
put_slug(linker *L, ngi_smap *map, const char *text, int v)
{
  char *sl = ngi_slug(text);

  if(!sl || ngi_smap_put(map, sl, v)) {
    free(sl);
    NOMEM(L);
    return 1;
  }
  free(sl);
  return 0;
}

static int
given_line(linker *L, char *line, size_t no, const char *path)
{
  char *tab = strchr(line, '\t');

  (void)no;
  (void)path;
  if(line[0] == '#' || !tab || no <= 1)
    return 0;
  *tab = '\0';
  return put_slug(L, &L->given_gender, line, tab[1] ? tab[1] : 'U');
}

static int
place_line(linker *L, char *line, size_t no, const char *path)
{
  char *p = line, *q;

  (void)no;
  (void)path;
  if(line[0] == '#' || !line[0])
    return 0;
  for(; p; p = q) {
    q = strpbrk(p, "|\t");
    if(q)
      *q++ = '\0';
    if(*p && !(p[0] == 'Q' && isdigit((unsigned char)p[1])) &&
       put_slug(L, &L->places, p, 1))
      return 1;
  }
  return 0;
}

static int
variant_line(linker *L, char *line, size_t no, const char *path)
{
  char *p = line, *q;
  int group = (int)no;

  (void)path;
  if(line[0] == '#' || !line[0])
    return 0;
  while(p) {
    q = strpbrk(p, "|\t");
    if(q)
      *q++ = '\0';
    if(*p && put_slug(L, &L->variants, p, group))
      return 1;
    p = q;
  }
  return 0;
}

static int
gaz_name(linker *L, int idx, const char *name)
{
  gaz_entry *e = &L->g[idx];
  char *sl;
  int old;

  if(!*name)
    return 0;
  sl = ngi_slug(name);
  if(!sl || ngi_link_spush(&e->names, &e->nnames, &e->capnames, sl)) {
    free(sl);
    NOMEM(L);
    return 1;
  }
  old = ngi_smap_get(&L->gaz, sl, 0);
  /* one name for two entries: -1, decided by roles when matched */
  if(ngi_smap_put(&L->gaz, sl, old && old != idx + 1 ? -1 : idx + 1)) {
    NOMEM(L);
    return 1;
  }
  return 0;
}

/* name TAB aliases (|) TAB Q-id TAB roles (|) */
static int
gaz_line(linker *L, char *line, size_t no, const char *path)
{
  char *f[5] = { NULL, NULL, NULL, NULL, NULL }, *p = line, *q;
  size_t nf = 0;
  gaz_entry *e;
  int idx;

  if(line[0] == '#' || !line[0])
    return 0;
  while(p && nf < 5) {
    f[nf++] = p;
    q = strchr(p, '\t');
    if(q)
      *q++ = '\0';
    p = q;
  }
  if(nf >= 3 && !strcmp(f[0], "name") && !strcmp(f[2], "wikidata"))
    return 0; /* the header */
  if(nf < 3 || !f[0][0]) {
    ngi_link_err(L, NG_ELEXICON, "%s:%zu: want name, aliases, Wikidata ID, "
                 "roles (tab-separated)", path, no);
    return 1;
  }
  if(f[2][0] != 'Q' || !f[2][1] ||
     strspn(f[2] + 1, "0123456789") != strlen(f[2] + 1)) {
    ngi_link_err(L, NG_ELEXICON, "%s:%zu: '%s' is not a Wikidata ID (Q123)",
                 path, no, f[2]);
    return 1;
  }
  if(L->ng == L->capg) {
    size_t nc = L->capg ? L->capg * 2 : 16;
    gaz_entry *ng = realloc(L->g, nc * sizeof *ng);
    if(!ng) {
      NOMEM(L);
      return 1;
    }
    L->g = ng;
    L->capg = nc;
  }
  e = &L->g[L->ng];
  memset(e, 0, sizeof *e);
  e->qid = ngi_str_dup(f[2]);
  if(!e->qid) {
    NOMEM(L);
    return 1;
  }
  idx = (int)L->ng++;
  for(p = f[3]; p; p = q) {
    q = strchr(p, '|');
    if(q)
      *q++ = '\0';
    if(*p) {
      char *c = ngi_str_dup(p), *r;
      if(!c || ngi_link_spush(&e->roles, &e->nrole, &e->caprole, c)) {
        free(c);
        NOMEM(L);
        return 1;
      }
      for(r = c; *r; r++)
        *r = (char)tolower((unsigned char)*r);
    }
  }
  for(p = f[4]; p; p = q) {
    q = strchr(p, '|');
    if(q)
      *q++ = '\0';
    if(*p) {
      int c = ngi_link_category(L, "", p);
      if(c < 0 || ngi_link_ipush(&e->ctx, &e->nctx, &e->capctx, c)) {
        NOMEM(L);
        return 1;
      }
    }
  }
  if(gaz_name(L, idx, f[0]))
    return 1;
  for(p = f[1]; p; p = q) {
    q = strchr(p, '|');
    if(q)
      *q++ = '\0';
    if(gaz_name(L, idx, p))
      return 1;
  }
  return 0;
}

static char *
data_path(const char *rel)
{
  return ngi_iri_join(ng_data_dir(), "/", rel);
}

void
ngi_link_load_data(linker *L)
{
  char *path = data_path("lexicon/given-names.tsv");

  if(!path) {
    NOMEM(L);
    return;
  }
  each_line(L, path, 1, given_line);
  free(path);
  path = data_path("lexicon/countries.tsv");
  if(path)
    each_line(L, path, 1, place_line);
  free(path);
  path = data_path("lexicon/places-extra.tsv");
  if(path)
    each_line(L, path, 1, place_line);
  free(path);
  if(L->o && L->o->variants) {
    each_line(L, L->o->variants, 0, variant_line);
  } else {
    path = data_path("gazetteer/name-variants.tsv");
    if(!path) {
      NOMEM(L);
      return;
    }
    each_line(L, path, 1, variant_line);
    free(path);
  }
  if(L->o && L->o->gazetteer && L->rc == NG_OK) {
    each_line(L, L->o->gazetteer, 0, gaz_line);
  } else if(L->rc == NG_OK) {
    /* the shipped gazetteer of notable persons (gen-persons.py) */
    path = data_path("gazetteer/persons.tsv");
    if(!path) {
      NOMEM(L);
      return;
    }
    each_line(L, path, 1, gaz_line);
    free(path);
  }
}
