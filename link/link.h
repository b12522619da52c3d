/* link.h - link/: entity linking over the store.  What the linker's
 * files share (link.c decides, record.c writes a link down, linkdata.c
 * reads, linknames.c compares names, external.c links organisations and
 * Wikidata, linkutil.c has the maps and arrays, sameas.c is the merged
 * view of `query --merge-same-as`) and its name helpers for the unit
 * test.  The
 * linker itself is public: ng_store_link and ng_store_query_merged in
 * include/newsgraph.h.  link/ builds on store/ and graph/ and nothing
 * else of ours.
 */
#ifndef NG_LINK_H
#define NG_LINK_H

#include <stddef.h>

/* The transliteration key of one lower-case ASCII name token: ks->x,
 * kh->h, ph->f, w->v, ck->k, q->k, dh->d, y->i, doubled letters
 * once ("Aleksey" and "Alexei" -> "alexei", "Ryabkov" and "Riabkov" ->
 * "riabkov").  Writes at most n bytes with the NUL into out. */
void ngi_link_fold(const char *tok, char *out, size_t n);

/* Levenshtein distance of two short strings, capped at cap + 1. */
size_t ngi_link_distance(const char *a, const char *b, size_t cap);


/* ------------------------------------------------------------ internal
 * Shared by link.c (deciding) and linkdata.c (reading); nothing else
 * includes what follows. */

#include <redland.h>

#include "newsgraph.h"

/* String -> int map (open addressing); keys are copied. */
typedef struct ngi_smap {
  char **keys;
  int *vals;
  size_t cap, n;
} ngi_smap;

enum { K_SKIP = 0, K_SURNAME, K_INITIAL, K_FULL };

typedef struct person {
  char *iri, *label;
  char **alts; size_t nalt, capalt;
  char **roles; size_t nrole, caprole;   /* lower-case titles */
  int *arts; size_t nart, capart;        /* article indices, ascending */
  /* parsed name */
  char **given; size_t ngiven, capgiven; /* slugs; initials are 1 letter */
  char *surname;                         /* slug of the surname */
  char sfold[128];                       /* its transliteration key */
  char suffix[8];                        /* "jr", "sr", "iii" ... */
  int kind;
  char gender;                           /* M, F, 0 unknown, X mixed */
  int parent;                            /* union-find */
  int canon;
  double conf;                           /* of the link that merged it */
  int ent;                               /* entity id, -1 when none */
  int done;                              /* linked by link_short */
  int peer;                              /* "Lord X", "Lady X": a title */
  char form[12];                         /* "mr", "lord": first form seen */
  char *wd;                              /* its Wikidata item (IRI) */
  int wdx;                               /* two different items seen */
  int nofull;                            /* a short form no full name fits */
  int gconflict;                         /* forms of address contradict
                                            the given name: ignored */
  int gz;                                /* its gazetteer entry, -1 none
                                            (full names, before linking) */
} person;

typedef struct article {
  int *ents; size_t nents, capents;      /* mentioned entity ids */
  int *cats; size_t ncats, capcats;      /* category ids (ng:category) */
  int *persons; size_t np, capp;
} article;

typedef struct gaz_entry {
  char *qid;
  char **names; size_t nnames, capnames; /* slugs */
  char **roles; size_t nrole, caprole;
  int *ctx; size_t nctx, capctx;         /* category ids; one must be an
                                            article's when roles do not fit */
} gaz_entry;

typedef struct org {
  char *iri, *label, *qid;               /* qid: its Wikidata IRI */
  int wdx;                               /* two different items seen */
} org;

typedef struct linker {
  ng_store *st;
  const ng_link_opts *o;
  const char *graph;
  person *p; size_t np, capp;
  article *a; size_t na, capa;
  ngi_smap person_ix;      /* IRI -> person index */
  org *orgs; size_t norg, caporg;
  ngi_smap org_ix;         /* IRI -> org index */
  ngi_smap ents;           /* entity IRI -> id */
  ngi_smap cats;           /* category slug (last IRI segment) -> id;
                              organisations an article mentions are
                              "org:" and their slug */
  char **catname; size_t ncatname, capcatname; /* id -> that key */
  int *df; size_t ndf, capdf; /* articles mentioning each entity */
  ngi_smap given_gender;   /* given-name slug -> 'M' 'F' 'U' */
  ngi_smap places;         /* slugs of countries, demonyms, capitals, places */
  ngi_smap variants;       /* given-name slug -> group (1..) */
  ngi_smap gaz;            /* slug of a gazetteer name -> entry + 1, -1 dup */
  gaz_entry *g; size_t ng, capg;
  ngi_smap buckets;        /* surname fold key -> bucket index */
  int **bk; size_t *nbk, *capbk; size_t nbuckets, capbuckets;
  int *mark; int stamp;
  int **mem; size_t *nmem, *capmem; /* cluster members, by root */
  int *ent_person;     /* entity id -> person index, or -1 */
  /* output */
  librdf_world *w;
  librdf_model *m;
  size_t nlinks;
  ng_link_stats stats;
  ng_status rc;
  char *err;
} linker;

#define NOMEM(L) ngi_link_err((L), NG_ENOMEM, "out of memory")

/* Record the first error (later ones are dropped). */
void ngi_link_err(linker *L, ng_status rc, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 3, 4)))
#endif
  ;

/* Append to a growable array; -1 on out of memory. */
int ngi_link_ipush(int **a, size_t *n, size_t *cap, int x);
int ngi_link_spush(char ***a, size_t *n, size_t *cap, char *s);
int ngi_link_sfind(char **a, size_t n, const char *s);

void ngi_smap_free(ngi_smap *m);
int ngi_smap_get(const ngi_smap *m, const char *k, int dflt);
/* -1 on out of memory. */
int ngi_smap_put(ngi_smap *m, const char *k, int v);

/* Add one graph of the store: an article with its persons, organisations
 * and mentioned entities. */
void ngi_link_read_graph(linker *L, const char *giri);

/* Given names, places, name variants and the gazetteer (L->o). */
void ngi_link_load_data(linker *L);

/* An IRI of Wikidata or DBpedia (owl:sameAs to those is read)? */
int ngi_link_external(const char *iri);
/* The Wikidata item IRI names (as http://www.wikidata.org/entity/Q..),
 * a copy, or NULL. */
char *ngi_link_wd(const char *iri);

/* The id of a category by the last segment of its IRI (with prefix
 * before it: "" or "org:"); -1 on out of memory. */
int ngi_link_category(linker *L, const char *prefix, const char *iri);

/* The IRI or literal text of a node (borrowed), NULL for a blank node. */
const char *ngi_link_node_str(librdf_node *n);

/* Writing links down (record.c; errors are recorded in L).  The triple
 * (s pred o) of IRIs into the links graph; the reified record of one link
 * (with confidence, reason and the labels of both ends), which also goes
 * to the caller's on_link. */
void ngi_link_triple(linker *L, const char *s, const char *pred,
                     const char *o);
void ngi_link_record(linker *L, const char *from, const char *to,
                     const char *pred, double conf, const char *reason,
                     const char *fl, const char *tl);

/* Organisations and Wikidata (external.c), after the persons' clusters
 * are made (p->canon set). */
void ngi_link_orgs(linker *L);
void ngi_link_orgs_same_name(linker *L);
const char *ngi_link_cluster_wd(linker *L, int root);
void ngi_link_wikidata(linker *L);
int ngi_link_gaz_match(linker *L, int x);

/* Names (linknames.c). */
int ngi_link_in_words(const char *const *list, const char *s);
/* Parse p->label into p->kind, given names, surname, suffix, gender. */
void ngi_link_parse_name(linker *L, person *p);
/* 1 when role sets share a content word, 0 when either is empty, -1 when
 * both have roles and none fits. */
int ngi_link_roles_fit(char **ra, size_t na, char **rb, size_t nb);
int ngi_link_same_title(const person *a, const person *b);
int ngi_link_gender_fits(const person *a, const person *b);
/* Does x name f in fewer or other-spelt words?  *variant: 0 exact,
 * 1 transliteration, 2 variant table, 3 one letter; *shorter: x says less
 * than f. */
int ngi_link_name_fits(linker *L, const person *x, const person *f,
                       int *variant, int *shorter);

#endif /* NG_LINK_H */
