/* test_turtle.c - unit test of graph/turtle.c: for N-Triples documents
 * with the cases raptor's turtle serializer treats apart (prefixed names
 * and when they are legal, rdf:type, IRIs that prefix others, literals
 * with quotes, back-slashes, new lines, controls, languages, datatypes,
 * rdf:nil), ngi_lines_turtle must write exactly raptor's bytes
 * (ngi_model_serialize of the same statements), or give NG_EFORMAT for
 * what it leaves to raptor (blank nodes, xsd numbers that are not,
 * non-ASCII names).
 * Prints "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/vocab.h"
#include "unit.h"

#define A "<https://w3id.org/newsgraph/id/article/"
#define P "<https://w3id.org/newsgraph/id/person/"
#define NG "<https://w3id.org/newsgraph/ns#"
#define T "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
#define S "<http://schema.org/"
#define XSD "^^<http://www.w3.org/2001/XMLSchema#"

static const char *const same[] = {
  /* subjects that prefix each other, rdf:type, object lists */
  A "259b1263a33f217f> " T " " NG "Article> .\n"
  A "259b1263a33f217f> " T " " S "NewsArticle> .\n"
  A "259b1263a33f217f> " NG "mentions> " P "theresa-may> .\n"
  A "259b1263a33f217f> " NG "mentions> " P "david-frost> .\n"
  A "259b1263a33f217f> " NG "mentions> \"text\" .\n"
  A "259b1263a33f217f#statement-1> " NG "text> \"a \\\"quote\\\" "
  "and a back\\\\slash\" .\n"
  A "259b1263a33f217f#statement-10> " NG "beginIndex> \"12\"" XSD
  "nonNegativeInteger> .\n"
  A "259b1263a33f217f/x> " S "url> <http://example.org/a?b=c#d> .\n",
  /* literals: new lines, tabs, controls, UTF-8, languages, datatypes */
  P "zo> " NG "name> \"Zo\xc3\xab \xc3\x85ngstr\xc3\xb6m\" .\n"
  P "zo> " NG "name> \"Zo\"@en .\n"
  P "zo> " NG "name> \"Zo\"@en-gb .\n"
  P "zo> " NG "name> \"Zo\"^^<http://ex/dt> .\n"
  P "zo> " NG "note> \"line one\\nline \\\"two\\\"\\t\\r\\u0001\" .\n"
  P "zo> " NG "note> \"caf\\u00E9 \\u20ac \\U0001F600\" .\n"
  P "zo> " NG "born> \"2024-01-02\"" XSD "date> .\n"
  P "zo> " NG "list> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .\n"
  P "zo> " NG "n> \"42\"" XSD "integer> .\n"
  P "zo> " NG "n> \"-7\"" XSD "integer> .\n"
  P "zo> " NG "x> \"0.25\"" XSD "decimal> .\n"
  P "zo> " NG "x> \"1e3\"" XSD "double> .\n"
  P "zo> " NG "b> \"true\"" XSD "boolean> .\n"
  P "zo> " NG "b> \"0\"" XSD "boolean> .\n",
  /* prefixed names: legal for predicates, not for subjects or objects */
  P "a.b> " NG "foo.bar> " P "c.d> .\n"
  P "a.b> " NG "_x> " P "_y> .\n"
  P "a.b> " NG "x-y> " P "1abc> .\n"
  P "a.b> " NG "x> <https://w3id.org/newsgraph/id/person/> .\n"
  P "a.b> " NG "x> " P "a/b> .\n"
  P "a.b> " NG "x> " NG "-y> .\n"
  "<http://other.example/s> <http://other.example/p> "
  "<http://other.example/o> .\n",
};

static const char *const refused[] = {
  "_:b0 " NG "x> \"y\" .\n",
  P "a> " NG "x> _:b1 .\n",
  P "a> " NG "n> \"5x\"" XSD "integer> .\n",
  P "a> " NG "n> \"maybe\"" XSD "boolean> .\n",
  P "zo\xc3\xab> " NG "x> \"y\" .\n",
  P "a> " NG "x> <http://example.org/a\\u0020b> .\n",
  P "a> " NG "x> \"y\"@en-GB .\n",
  "",
};

/* raptor's Turtle of the N-Triples text nt. */
static char *raptor_turtle(librdf_world *w, const char *nt)
{
  librdf_storage *st = librdf_new_storage(w, "memory", NULL, NULL);
  librdf_model *m = st ? librdf_new_model(w, st, NULL) : NULL;
  librdf_parser *p = librdf_new_parser(w, "ntriples", NULL, NULL);
  librdf_uri *base = librdf_new_uri(w, (const unsigned char *)"http://b/");
  char err[NG_ERRLEN], *out = NULL;
  size_t len;

  if (m && p && base &&
      librdf_parser_parse_string_into_model(p, (const unsigned char *)nt,
                                            base, m) == 0)
    ngi_model_serialize(w, m, "turtle", NG_DEFAULT_BASE, &out, &len, err);
  if (base)
    librdf_free_uri(base);
  if (p)
    librdf_free_parser(p);
  if (m)
    librdf_free_model(m);
  if (st)
    librdf_free_storage(st);
  return out;
}

int main(void)
{
  librdf_world *w = librdf_new_world();
  size_t i;

  librdf_world_open(w);
  for (i = 0; i < sizeof same / sizeof same[0]; i++) {
    char err[NG_ERRLEN], *mine = NULL, *theirs = raptor_turtle(w, same[i]);
    size_t len = 0;
    ng_status st = ngi_lines_turtle(same[i], strlen(same[i]),
                                    NG_DEFAULT_BASE, &mine, &len, err);
    char what[64];

    snprintf(what, sizeof what, "case %zu: raptor wrote it", i);
    check(theirs != NULL, what, NULL);
    snprintf(what, sizeof what, "case %zu: written", i);
    check(st == NG_OK, what, NULL);
    snprintf(what, sizeof what, "case %zu: raptor's bytes", i);
    check(mine && theirs && strcmp(mine, theirs) == 0, what, NULL);
    if (mine && theirs && strcmp(mine, theirs) != 0)
      printf("--- raptor\n%s--- ngi_lines_turtle\n%s", theirs, mine);
    free(mine);
    free(theirs);
  }
  for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    char err[NG_ERRLEN], *mine = NULL, what[64];
    size_t len = 0;
    ng_status st = ngi_lines_turtle(refused[i], strlen(refused[i]),
                                    NG_DEFAULT_BASE, &mine, &len, err);

    snprintf(what, sizeof what, "refused case %zu: NG_EFORMAT", i);
    check(st == NG_EFORMAT && mine == NULL, what, NULL);
    free(mine);
  }
  librdf_free_world(w);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
