/* vocab.c - the table of ontology terms behind vocab.h.
 *
 * One row per term: enum value, prefix and local name.  Full IRIs are
 * built once from the prefixes below; nothing is allocated.
 */
#include "vocab.h"

#include <stddef.h>

#define NG(local) NG_NS local, "ng:" local
#define RDF(local) NGI_RDF local, "rdf:" local
#define RDFS(local) NGI_RDFS local, "rdfs:" local
#define OWL(local) NGI_OWL local, "owl:" local
#define SKOS(local) NGI_SKOS local, "skos:" local
#define SCHEMA(local) NGI_SCHEMA local, "schema:" local
#define XSD(local) NGI_XSD local, "xsd:" local

static const struct {
  ngi_term term;
  const char *iri;
  const char *qname;
} terms[NGV_COUNT] = {
  {NGV_ARTICLE, NG("Article")},
  {NGV_PERSON, NG("Person")},
  {NGV_ORGANIZATION, NG("Organization")},
  {NGV_ROLE, NG("Role")},
  {NGV_STATEMENT, NG("Statement")},
  {NGV_DIRECT_QUOTE, NG("DirectQuote")},
  {NGV_REPORTED_SPEECH, NG("ReportedSpeech")},
  {NGV_TOPIC, NG("Topic")},
  {NGV_AGREEMENT, NG("Agreement")},
  {NGV_HEADLINE, NG("headline")},
  {NGV_MENTIONS, NG("mentions")},
  {NGV_HOLDS_ROLE, NG("holdsRole")},
  {NGV_TITLE, NG("title")},
  {NGV_ORG, NG("organization")},
  {NGV_FORMER, NG("former")},
  {NGV_SPEAKER, NG("speaker")},
  {NGV_TEXT, NG("text")},
  {NGV_ABOUT, NG("about")},
  {NGV_TOPIC_P, NG("topic")},
  {NGV_PARTY, NG("party")},
  {NGV_IN_ARTICLE, NG("inArticle")},
  {NGV_BEGIN_INDEX, NG("beginIndex")},
  {NGV_END_INDEX, NG("endIndex")},
  {NGV_CATEGORY, NG("category")},
  {NGV_RDF_TYPE, RDF("type")},
  {NGV_RDFS_LABEL, RDFS("label")},
  {NGV_OWL_SAME_AS, OWL("sameAs")},
  {NGV_SKOS_CONCEPT, SKOS("Concept")},
  {NGV_SKOS_ALT_LABEL, SKOS("altLabel")},
  {NGV_SKOS_PREF_LABEL, SKOS("prefLabel")},
  {NGV_SKOS_IN_SCHEME, SKOS("inScheme")},
  {NGV_SKOS_EXACT_MATCH, SKOS("exactMatch")},
  {NGV_SKOS_CLOSE_MATCH, SKOS("closeMatch")},
  {NGV_SKOS_BROADER, SKOS("broader")},
  {NGV_SCHEMA_NEWS_ARTICLE, SCHEMA("NewsArticle")},
  {NGV_SCHEMA_PERSON, SCHEMA("Person")},
  {NGV_SCHEMA_ORGANIZATION, SCHEMA("Organization")},
  {NGV_SCHEMA_GENDER, SCHEMA("gender")},
  {NGV_SCHEMA_MALE, SCHEMA("Male")},
  {NGV_SCHEMA_FEMALE, SCHEMA("Female")},
  {NGV_SCHEMA_NAME, SCHEMA("name")},
  {NGV_SCHEMA_HEADLINE, SCHEMA("headline")},
  {NGV_SCHEMA_MENTIONS, SCHEMA("mentions")},
  {NGV_SCHEMA_QUOTATION, SCHEMA("Quotation")},
  {NGV_SCHEMA_SPOKEN_BY, SCHEMA("spokenByCharacter")},
  {NGV_SCHEMA_CREATIVE_WORK, SCHEMA("CreativeWork")},
  {NGV_SCHEMA_CREATOR, SCHEMA("creator")},
  {NGV_SCHEMA_TEXT, SCHEMA("text")},
  {NGV_SCHEMA_ARTICLE_BODY, SCHEMA("articleBody")},
  {NGV_XSD_BOOLEAN, XSD("boolean")},
  {NGV_XSD_NON_NEGATIVE_INTEGER, XSD("nonNegativeInteger")},
};

static const ngi_prefix prefixes[] = {
  {"ng", NG_NS},
  {"rdf", NGI_RDF},
  {"rdfs", NGI_RDFS},
  {"owl", NGI_OWL},
  {"skos", NGI_SKOS},
  {"schema", NGI_SCHEMA},
  {"prov", NGI_PROV},
  {"xsd", NGI_XSD},
  {"nif", NGI_NIF},
  {NULL, NULL}
};

const char *ngi_vocab_iri(ngi_term t)
{
  if ((int)t < 0 || t >= NGV_COUNT)
    return NULL;
  return terms[t].iri;
}

const char *ngi_vocab_qname(ngi_term t)
{
  if ((int)t < 0 || t >= NGV_COUNT)
    return NULL;
  return terms[t].qname;
}

const ngi_prefix *ngi_vocab_prefixes(void)
{
  return prefixes;
}
