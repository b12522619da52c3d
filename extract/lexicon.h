/* lexicon.h - the word lists the extractor looks things up in.
 *
 * Loaded once from ontology/lexicon/ (see its README.md for each file's
 * format, source and licence), then shared read-only by every document and
 * thread.  All keys are lower-case; multi-word entries are joined by one
 * space, so callers look up "secretary of state" or "united states".
 */
#ifndef NG_LEXICON_H
#define NG_LEXICON_H

#include "arena.h"
#include "newsgraph.h"

/* kinds in lex->title */
enum { NGI_TITLE_OFFICE = 1, NGI_TITLE_OCCUPATION, NGI_TITLE_MODIFIER };

/* what a place form is, in the low bits of lex->place values */
enum {
  NGI_PLACE_NAME = 1,
  NGI_PLACE_ALIAS,
  NGI_PLACE_DEMONYM,
  NGI_PLACE_CAPITAL,
  NGI_PLACE_METONYM
};
#define NGI_PLACE_KIND(v) ((int)((v)&7))
#define NGI_PLACE_INDEX(v) ((int)((v) >> 3))

/* speech verb flags */
enum {
  NGI_SV_THAT = 1,   /* takes a reported clause */
  NGI_SV_QUOTE = 2,  /* introduces a quote */
  NGI_SV_OBJ = 4,    /* takes a person object: told X, urged X */
  NGI_SV_PAST = 8,
  NGI_SV_PRESENT = 16,
  NGI_SV_TOINF = 32,  /* only with "OBJECT to VERB": "called on X to" */
  NGI_SV_TOVERB = 64, /* "vowed to VERB": the to-infinitive is what was said */
  NGI_SV_NP = 128,    /* "called for X": the noun phrase is what was said */
  NGI_SV_AS = 512     /* "described X as Y": "X as Y" is what was said
                         (0x100 marks a speech form in ngi_speech_form) */
};

/* cue word classes (cue-words.tsv), bits of lex->cueword values */
enum {
  NGI_CUE_WORK_NOUN = 1 << 0,  /* "the film X": X is a work */
  NGI_CUE_ORG_NOUN = 1 << 1,   /* "research firm X": X is a body */
  NGI_CUE_ORG_AFTER = 1 << 2,  /* "X economist Ann Lee" */
  NGI_CUE_WORK_AFTER = 1 << 3, /* "X star Ann Lee" */
  NGI_CUE_BODY_HEAD = 1 << 4,  /* "X, an international company" */
  NGI_CUE_WORK_HEAD = 1 << 5,  /* "X, a game that" */
  NGI_CUE_BODY_POSS = 1 << 6,  /* "X's shares" */
  NGI_CUE_BODY_AT = 1 << 7,    /* "an analyst at X" */
  NGI_CUE_CONTEST = 1 << 8,    /* "the X/Y contest" */
  NGI_CUE_BODY_NOUN = 1 << 9,  /* "according to the consultancy X" */
  NGI_CUE_DATA_NOUN = 1 << 10, /* "figures gathered by X" */
  NGI_CUE_DATA_VERB = 1 << 11, /* "... show that" */
  NGI_CUE_TELL = 1 << 12,      /* "told the Daily Courier" */
  NGI_CUE_TALK = 1 << 13,      /* "speaking to reporters" */
  NGI_CUE_EVALUATIVE = 1 << 14, /* "the great playwright" */
  NGI_CUE_TITLE_VERB = 1 << 15, /* "Acme sign winger X" */
  NGI_CUE_LEAD_VERB = 1 << 16, /* "X was quick to deny" */
  NGI_CUE_ORG_GENERIC = 1 << 17, /* "international": says not which body */
  NGI_CUE_PRODUCT = 1 << 18,   /* "John Smith's bitter": a brand */
  NGI_CUE_KNOWN_ACRONYM = 1 << 19 /* "EU", "Nato": known without context */
};

/* agreement trigger kinds */
enum { NGI_AGREE_VERB = 1, NGI_AGREE_NOUN, NGI_AGREE_REACH, NGI_AGREE_OTHER };

typedef struct ngi_place {
  const char *name;     /* "Russia" */
  const char *wikidata; /* "Q159" or NULL */
} ngi_place;

typedef struct ngi_lexorg {
  const char *name;
  const char *wikidata;
} ngi_lexorg;

/* Values of the org map (lex->org): an org index, with NGI_ORG_ACRONYM
 * when the form is an acronym of the lexicon ("AMF", "SHARE": matched in
 * capitals only), or NGI_ORG_AMBIGUOUS for an acronym two organisations
 * share ("IOC" alone names neither). */
#define NGI_ORG_ACRONYM ((intptr_t)1 << 28)
#define NGI_ORG_AMBIGUOUS ((intptr_t)-1)

typedef struct ngi_keyword {
  const char **words;   /* lower-case; the last one matches as a prefix */
  int nwords;
  int topic;
  int next;             /* next keyword with the same first word, or -1 */
} ngi_keyword;

typedef struct ngi_lextopic {
  const char *id, *label, *iptc;
  int exact;            /* IPTC mapping is exact (else close) */
} ngi_lextopic;

/* A file the loader read, or looked for and did not find (present 0):
 * what the lexicon cache checks to know it is fresh (lexcache.h). */
typedef struct ngi_lexsrc {
  char name[64];        /* in lexicon/ */
  int present;
  uint64_t size, ino, dev;
  int64_t mtime_ns, ctime_ns;
} ngi_lexsrc;

#define NGI_LEX_MAXSRC 32
typedef struct ngi_wslot {
  uint32_t tag;         /* (h >> 32) | 1; 0: an empty slot */
  uint32_t val;
} ngi_wslot;

#define NGI_BLOOM_WORDS 1024  /* 64-bit words: 64 Kbit, 8 KB each */
#define NGI_BLOOM_BIT(h) ((h) >> 48) /* the high bits: slots use the low */

struct ng_lexicon {
  ngi_arena arena;
  ngi_map given;        /* given name -> 'M' 'F' 'U' */
  ngi_map notname;      /* capitalised words that are never names */
  ngi_map honorific;    /* mr, mrs, dr ... (no dots) */
  ngi_map title;        /* title word or phrase -> NGI_TITLE_* */
  ngi_map describer;    /* leader, counterpart ... (descriptions only) */
  ngi_map timeword;     /* monday, january, week, yesterday ... */
  ngi_map orgword;      /* ministry, council, party ... */
  ngi_map place;        /* form -> index << 3 | NGI_PLACE_* */
  ngi_map org;          /* form -> index into orgs */
  ngi_map speech;       /* verb form -> NGI_SV_* ("pointed out" too) */
  ngi_map speech_first; /* first word of a multi-word form -> most words */
  ngi_map agree;        /* trigger form -> NGI_AGREE_* */
  ngi_map kwfirst;      /* first keyword word -> first index in keywords */
  ngi_map topicstop;    /* words that never make a key phrase */
  ngi_map thingword;    /* heads of event, work and place names */
  ngi_map cueword;      /* cue word -> NGI_CUE_* bits (cue-words.tsv) */
  /* The word index: each key of the maps above -> the bits of the maps
   * that hold it (ngi_map.bit), and NGI_LEX_KWPRE for every prefix of a
   * kwfirst key.  One look-up per token then answers most of the
   * lexicon questions asked about it (ngi_lex_bits, ngi_tok_in). */
  ngi_map words;
  /* Every proper prefix, at a space, of a multi-word key of the maps
   * above -> the bits of the maps it is one of, so that ngi_longest
   * stops at the first run of words no longer key starts with. */
  ngi_map phrasepre;
  int indexed;          /* words is built */
  /* Bloom filters (one bit per key hash, derived on load): no bit, no
   * key, no probe of the large words map: of its keys, and of its keys
   * marked NGI_LEX_KWPRE. */
  uint64_t wbloom[NGI_BLOOM_WORDS], kbloom[NGI_BLOOM_WORDS];
  /* The word index again, compact (derived on load): 8-byte slots of a
   * tag (high hash bits) and the bits, the keys apart, so that the look-up
   * of every token touches a table a quarter the size of the map's. */
  ngi_wslot *wtab;
  const char **wkeys;
  size_t wcap;
  ngi_place *places;    size_t nplaces, capplaces;
  ngi_lexorg *orgs;     size_t norgs, caporgs;
  ngi_lextopic *topics; size_t ntopics, captopics;
  ngi_keyword *keywords; size_t nkeywords, capkeywords;
  ngi_lexsrc srcs[NGI_LEX_MAXSRC]; int nsrcs; /* the files read */
  void *cache; size_t cachesize; /* the mapped cache file, or NULL */
};

/* Bits of ngi_lex_bits besides the maps' own (bits 0-15). */
#define NGI_LEX_KWPRE (1u << 29) /* in the word index: a kwfirst prefix */
#define NGI_LEX_KWHIT (1u << 30) /* a prefix is a kwfirst key (score()) */
#define NGI_LEX_DONE (1u << 31)  /* the bits are known */

/* Longest first word of a topic keyword that topics.c looks up as a
 * prefix of a token, in bytes (those in topics.tsv have at most 20). */
#define NGI_KW_FIRST_MAX 64

/* The lexicon bits of a token's lower-case form low (n bytes, hash h):
 * the bits of the maps that hold it, NGI_LEX_KWHIT when a prefix of it
 * that topics.c's score() looks up is a kwfirst key, and NGI_LEX_DONE;
 * 0 for a lexicon without a word index.  kw[0] and kw[1] get the
 * lengths of the shortest and the longest of those prefixes (0 when
 * none), so that score() looks up only the lengths between them. */
uint32_t ngi_lex_bits(const ng_lexicon *lex, const char *low, size_t n,
                      uint64_t h, uint8_t kw[2]);

/* Bits of a capitalised token's lexicon bits (text.c), besides those
 * of ngi_lex_bits: whether its form is a given name (lex->given, which
 * has no bit of the word index, so bit 0 is free) is known, and is. */
#define NGI_LEX_GIVEN (1u << 0)
#define NGI_LEX_GKNOWN (1u << 28)

/* Derive what a loaded lexicon (text or cache) keeps besides its maps:
 * the Bloom filters and the compact word index; returns 0, or -1 when
 * out of memory. */
int ngi_lex_derive(ng_lexicon *lex);

static inline int ngi_bloom_has(const uint64_t *b, uint64_t h) {
  uint64_t i = NGI_BLOOM_BIT(h);
  return (int)((b[i >> 6] >> (i & 63)) & 1);
}

/* Look up a phrase of n bytes (already lower-case). */
#define NGI_HAS(map, s, n) ngi_map_getn(&(map), (s), (n), NULL)

#endif
