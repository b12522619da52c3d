/* persons.c - the persons of an article with their other names, gender
 * and roles, then its organisations and categories, using only the
 * public API of libnewsgraph.
 *
 *   cc persons.c $(pkg-config --cflags --libs newsgraph)
 *   ./a.out < examples/geneva-summit.txt
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsgraph.h>

int main(void)
{
  static char text[1 << 20];
  size_t len = fread(text, 1, sizeof text, stdin), i, j;
  ng_lexicon *lex = NULL;
  ng_doc *doc = NULL;
  char err[NG_ERRLEN] = "";
  ng_status st = ng_lexicon_load(NULL, &lex, err);

  if (st == NG_OK)
    st = ng_doc_new(text, len, 0, &doc, err);
  if (st == NG_OK)
    st = ng_extract(doc, lex);
  if (st != NG_OK) {
    fprintf(stderr, "persons: %s\n", err[0] ? err : ng_strerror(st));
    ng_doc_free(doc);
    ng_lexicon_free(lex);
    return 1;
  }
  for (i = 0; i < ng_doc_person_count(doc); i++) {
    const ng_person *p = ng_doc_person(doc, i);
    char g = ng_person_gender(p);
    printf("%s [%s]", ng_person_label(p), g == 'M' ? "male"
                                          : g == 'F' ? "female" : "?");
    for (j = 0; j < ng_person_alt_count(p); j++)
      printf("%s%s", j ? ", " : " also ", ng_person_alt(p, j));
    printf("\n");
    for (j = 0; j < ng_person_role_count(p); j++) {
      const ng_role *r = ng_person_role(p, j);
      const char *org = ng_role_organization(r);
      printf("  %s%s%s%s\n", ng_role_former(r) ? "former " : "",
             ng_role_title(r), org ? " of " : "", org ? org : "");
    }
  }
  for (i = 0; i < ng_doc_organization_count(doc); i++) {
    const ng_org *o = ng_doc_organization(doc, i);
    const char *q = ng_org_wikidata(o);
    printf("organisation: %s%s%s\n", ng_org_label(o), q ? " wd:" : "",
           q ? q : "");
  }
  for (i = 0; i < ng_doc_topic_count(doc); i++) {
    const ng_topic *t = ng_doc_topic(doc, i);
    if (ng_topic_of_article(t))
      printf("%s: %s\n", ng_topic_is_category(t) ? "category" : "topic",
             ng_topic_label(t));
  }
  ng_doc_free(doc);
  ng_lexicon_free(lex);
  return 0;
}
