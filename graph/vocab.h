/* vocab.h - every ontology term graph/ writes, in one table.
 *
 * The ontology (ontology/newsgraph.ttl) declares exactly these ng: terms;
 * tests/unit/test_graph.c checks the table against its own list of those
 * terms.  The schema.org terms are declared in ontology/schemaorg.ttl (a
 * subset of schema.org made by ontology/gen-schemaorg.py, which reads the
 * schema: terms of the C files of graph/); tests/vocab checks the output against both.
 * Add a term here first, then to the ontology.
 */
#ifndef NG_VOCAB_H
#define NG_VOCAB_H

#include "newsgraph.h"

#define NGI_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NGI_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NGI_OWL "http://www.w3.org/2002/07/owl#"
#define NGI_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NGI_SCHEMA "http://schema.org/"
#define NGI_PROV "http://www.w3.org/ns/prov#"
#define NGI_XSD "http://www.w3.org/2001/XMLSchema#"
#define NGI_NIF \
  "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"

/* Scheme of the topic concepts (ontology/topics.ttl) and outside targets. */
#define NGI_TOPIC_SCHEME "https://w3id.org/newsgraph/topic/"
#define NGI_IPTC "http://cv.iptc.org/newscodes/mediatopic/"
#define NGI_WIKIDATA "http://www.wikidata.org/entity/"

typedef enum ngi_term {
  /* classes */
  NGV_ARTICLE, NGV_PERSON, NGV_ORGANIZATION, NGV_ROLE, NGV_STATEMENT,
  NGV_DIRECT_QUOTE, NGV_REPORTED_SPEECH, NGV_TOPIC, NGV_AGREEMENT,
  /* ng: properties */
  NGV_HEADLINE, NGV_MENTIONS, NGV_HOLDS_ROLE, NGV_TITLE, NGV_ORG,
  NGV_FORMER, NGV_SPEAKER, NGV_TEXT, NGV_ABOUT, NGV_TOPIC_P, NGV_PARTY,
  NGV_IN_ARTICLE, NGV_BEGIN_INDEX, NGV_END_INDEX, NGV_CATEGORY,
  /* other vocabularies */
  NGV_RDF_TYPE, NGV_RDFS_LABEL, NGV_OWL_SAME_AS, NGV_SKOS_CONCEPT,
  NGV_SKOS_ALT_LABEL, NGV_SKOS_PREF_LABEL, NGV_SKOS_IN_SCHEME,
  NGV_SKOS_EXACT_MATCH, NGV_SKOS_CLOSE_MATCH, NGV_SKOS_BROADER,
  NGV_SCHEMA_NEWS_ARTICLE,
  NGV_SCHEMA_PERSON, NGV_SCHEMA_ORGANIZATION, NGV_SCHEMA_GENDER,
  NGV_SCHEMA_MALE, NGV_SCHEMA_FEMALE, NGV_SCHEMA_NAME, NGV_SCHEMA_HEADLINE,
  NGV_SCHEMA_MENTIONS, NGV_SCHEMA_QUOTATION, NGV_SCHEMA_SPOKEN_BY,
  NGV_SCHEMA_CREATIVE_WORK, NGV_SCHEMA_CREATOR, NGV_SCHEMA_TEXT,
  NGV_SCHEMA_ARTICLE_BODY,
  NGV_XSD_BOOLEAN,
  NGV_XSD_NON_NEGATIVE_INTEGER,
  NGV_COUNT
} ngi_term;

typedef struct ngi_prefix {
  const char *prefix; /* "skos" */
  const char *ns;     /* "http://www.w3.org/2004/02/skos/core#" */
} ngi_prefix;

/* The full IRI of a term (borrowed, static). */
const char *ngi_vocab_iri(ngi_term t);
/* The prefixed name of a term: "ng:holdsRole" (borrowed, static). */
const char *ngi_vocab_qname(ngi_term t);
/* The namespace prefixes, ended by {NULL, NULL}. */
const ngi_prefix *ngi_vocab_prefixes(void);

#endif /* NG_VOCAB_H */
