/* result.h - what the extractor hands to the graph module.
 *
 * Plain arrays of plain structs: no RDF, no lexicon, no tokens.  Every string
 * and array lives in the document's arena and is freed with the document.
 * Offsets are byte offsets into the original text, end exclusive.
 * graph/ reads this through ngi_doc_result(); nothing else is shared.
 */
#ifndef NG_RESULT_H
#define NG_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "newsgraph.h"

typedef enum ngi_agent_kind {
  NGI_AGENT_NONE = 0,
  NGI_AGENT_PERSON,
  NGI_AGENT_ORG
} ngi_agent_kind;

/* A reference to a person or an organisation of the same result. */
typedef struct ngi_agent {
  ngi_agent_kind kind;
  int index; /* into persons[] or orgs[] */
} ngi_agent;

typedef struct ngi_role {
  const char *title; /* title words only: "Foreign Minister" */
  const char *org;   /* "Russia", "Kremlin", NULL when none given */
  const char *label; /* "Foreign Minister of Russia" */
  int former;        /* "former US Marine" */
} ngi_role;

typedef struct ngi_person {
  const char *label;      /* the fullest name the article gives */
  const char **alt;       /* other forms, as printed */
  size_t nalt;
  ngi_role *roles;
  size_t nroles;
  char gender;            /* 'M', 'F' or 0 when unknown */
  uint32_t first;         /* offset of the first mention */
} ngi_person;

typedef struct ngi_org {
  const char *label;      /* canonical name: "Russia", "Kremlin" */
  const char **alt;       /* other forms seen: "Moscow", "Russian" */
  size_t nalt;
  const char *wikidata;   /* "Q159", or NULL */
  int country;            /* a country (or its government) */
} ngi_org;

typedef struct ngi_topic {
  const char *id;         /* scheme concept id ("cybersecurity"), or a slug */
  const char *label;      /* "Cybersecurity", a section heading or a key
                             phrase label */
  const char *iptc;       /* IPTC Media Topic id "20000763", or NULL */
  int from_heading;       /* minted from the article's words (a section
                             heading or key phrases): an ng:Topic; else a
                             scheme concept */
  int article;            /* minted: the article covers it (ng:topic);
                             scheme concept: its category (ng:category) */
  const char *broader;    /* id of the scheme topic it falls under, or NULL */
} ngi_topic;

typedef struct ngi_statement {
  int direct;             /* 1 DirectQuote, 0 ReportedSpeech */
  ngi_agent speaker;
  const char *text;       /* quoted words exactly / the reported clause */
  uint32_t begin, end;    /* offsets of text */
  int topic;              /* index into topics[], or -1 */
} ngi_statement;

typedef struct ngi_agreement {
  const char *label;      /* what was agreed, short */
  const char *text;       /* the sentence that reports it */
  uint32_t begin, end;    /* offsets of that sentence */
  ngi_agent *parties;
  size_t nparties;
  int topic;              /* index into topics[], or -1 */
} ngi_agreement;

typedef struct ngi_result {
  const char *text;       /* the article, as given (not NUL-terminated) */
  size_t len;
  const char *headline;   /* first line, trimmed */
  ngi_person *persons;      size_t npersons;
  ngi_org *orgs;            size_t norgs;
  ngi_topic *topics;        size_t ntopics;
  ngi_statement *statements; size_t nstatements;
  ngi_agreement *agreements; size_t nagreements;
  /* unique to this extraction in the process (never 0): graph/ keys its
   * memo of the text's SHA-256 on it, so the text is hashed once */
  uint64_t serial;
} ngi_result;

/* The results of ng_extract (NULL before it ran). */
const ngi_result *ngi_doc_result(const ng_doc *doc);

#endif /* NG_RESULT_H */
