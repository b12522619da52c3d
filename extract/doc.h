/* doc.h - the document as the extraction stages see it.
 *
 * text.c fills paragraphs, tokens, quotes and sentences; names.c adds
 * mentions, persons.c persons and organisations, roles.c roles; topics.c,
 * claims.c and agree.c the rest; extract.c runs them in that order and
 * copies it all into the ngi_result (result.h) that graph/ reads.
 * Everything lives in doc->arena.  Part of the bottom of extract/: it
 * declares no stage.
 */
#ifndef NG_DOC_H
#define NG_DOC_H

#include "arena.h"
#include "lexicon.h"
#include "result.h"

enum {
  T_WORD = 1 << 0,
  T_CAP = 1 << 1,      /* starts with an upper-case letter */
  T_ALLCAPS = 1 << 2,  /* two or more letters, all upper-case */
  T_NUM = 1 << 3,
  T_PUNCT = 1 << 4,
  T_QUOTE = 1 << 5,    /* a quote mark that opens or closes a quote */
  T_INITIAL = 1 << 6,  /* "P." */
  T_SSTART = 1 << 7,   /* first word of a sentence */
  T_INQ = 1 << 8,      /* inside a quotation */
  T_POSS = 1 << 9,     /* ends in 's */
  T_ABBR = 1 << 10,    /* abbreviation with its dot: "Mr." "U.S." */
  T_SEND = 1 << 11,    /* . ! ? that ends a sentence */
  T_HYPHNAME = 1 << 12 /* "el-Sisi": lower-case particle + name */
};

typedef struct ngi_tok {
  uint32_t b, e;       /* bytes of the token */
  uint32_t be;         /* end of the base form (before 's) */
  uint32_t flags;
  int para, sent;
  int quote;           /* quote span containing it, or -1 */
  int ment;            /* mention starting or covering it, or -1 */
  const char *low;     /* lower-cased base form */
  uint32_t lowlen;     /* its length */
  uint8_t kw[2];       /* prefix lengths score() looks up (ngi_lex_bits) */
  uint16_t pre;        /* capitalised: lex->phrasepre's bits of low | 1 */
  uint64_t h;          /* its ngi_hash, for look-ups */
  uint32_t lex;        /* ngi_lex_bits of low: the lexicon maps holding it */
} ngi_tok;

/* Is token t's lower-case form a key of m?  (*v gets the value.)  The
 * token's lexicon bits answer for a lexicon map without a look-up, but
 * for its value. */
static inline int ngi_tok_in(const ngi_map *m, const ngi_tok *t,
                             intptr_t *v) {
  if (m->bit && (t->lex & NGI_LEX_DONE)) {
    if (!(t->lex & m->bit))
      return 0;
    if (!v) /* the word index holds exactly the keys of the map */
      return 1;
  }
  return ngi_map_geth(m, t->low, t->lowlen, t->h, v);
}

/* Is token t's lower-case form a cue word (cue-words.tsv) of one of the
 * classes cls (NGI_CUE_* bits)? */
static inline int ngi_tok_cue(const ng_lexicon *lex, const ngi_tok *t,
                              int cls) {
  intptr_t v;
  return ngi_tok_in(&lex->cueword, t, &v) && (v & cls);
}

typedef struct ngi_para {
  uint32_t b, e;
  int t0, t1;          /* tokens [t0, t1) */
  int heading;         /* a section heading */
  int section;         /* index of the heading above, or -1 */
} ngi_para;

typedef struct ngi_sent {
  int t0, t1;
  int para;
} ngi_sent;

typedef struct ngi_quote {
  uint32_t b, e;       /* the quoted words, marks excluded */
  int t0, t1;          /* tokens inside */
  int open, close;     /* the mark tokens, -1 when missing */
  int para;
  int speaker_ment;    /* mention that says it, or -1 */
} ngi_quote;

enum { M_PERSON = 1, M_PLACE, M_ORG, M_PRON, M_DESC };

typedef struct ngi_ment {
  int t0, t1;          /* tokens */
  int kind;            /* M_* */
  int entity;          /* person index, org index, or -1 */
  int gender;          /* pronouns: 'M' 'F' 'N' (it) 'P' (they, we) */
  int subject;         /* resolved person for pronouns/descriptions */
  int evidence;        /* persons: 2 full name, 1 honorific/title, 0 */
  int locative;        /* after "at", "in", "entered": maybe a place */
  int honorific;       /* token of "Mr" before the name, or 0 */
  int place;           /* capitals: lexicon place, entity made on use */
  int country;         /* descriptions: lexicon place they name, or -1 */
} ngi_ment;

typedef struct ngi_pers {
  int next_sur;         /* next person with the same surname, or -1 */
  int *pos; size_t npos, cappos; /* tokens of its full-name mentions */
  int last2;            /* latest token of a lone-surname mention, or -1 */
  const char *label;
  const char *surname;  /* lower-case */
  const char *first;    /* lower-case first given name or initial */
  const char **forms; size_t nforms, capforms;
  ngi_role *roles; size_t nroles, caproles;
  char gender;
  char gender_hon;      /* gender is from a form of address ("Mr") */
  int mentions;
  uint32_t first_off;
} ngi_pers;

typedef struct ngi_orgent {
  const char *label;
  const char *wikidata;
  int country;
  const char **forms; size_t nforms, capforms;
} ngi_orgent;

struct ng_doc {
  ngi_arena arena;
  char *text;            /* NUL-terminated copy */
  size_t len;
  const char *headline;
  ngi_para *paras; size_t nparas, cappara;
  ngi_tok *toks; size_t ntoks, captoks;
  ngi_sent *sents; size_t nsents, capsents;
  ngi_quote *quotes; size_t nquotes, capquotes;
  ngi_ment *ments; size_t nments, capments;
  ngi_pers *pers; size_t npers, cappers;
  ngi_orgent *orgs; size_t norgs, caporgs;
  ngi_statement *stmts; size_t nstmts, capstmts;
  ngi_agreement *agrs; size_t nagrs, capagrs;
  ngi_topic *topics; size_t ntopics, captopics;
  int *para_topic;       /* per paragraph: topic index or -1 */
  ngi_map acronyms;      /* "sdf" -> org entity, from "Name (SDF)" */
  ngi_map surnames;      /* surname -> first person with it */
  ngi_map orgmap;        /* org label -> org entity */
  ngi_map midcaps;       /* words capitalised mid-sentence (claims.c) */
  ngi_map timesurnames;  /* months that end a person's name: "may" */
  int midcaps_built;
  ngi_map words;         /* the lower-case word forms (orgctx.c) */
  int words_built;
  const ng_lexicon *lex;
  int speaker, speaker_para, speaker_section; /* last person who spoke */
  ngi_result result;
  int extracted;
};

/* Helpers shared by the stages (more in mention.h). */
static inline int ngi_tok_is(const ngi_tok *t, const char *low) {
  const char *a = t->low, *b = low;
  while (*a && *a == *b)
    a++, b++;
  return *a == *b;
}
#endif
