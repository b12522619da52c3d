/* who-said-what.c - print the statements of an article with their
 * speakers, using only the public API of libnewsgraph (no RDF).
 *
 *   cc who-said-what.c $(pkg-config --cflags --libs newsgraph)
 *   ./a.out examples/geneva-summit.txt
 */
#include <stdio.h>
#include <stdlib.h>

#include <newsgraph.h>

/* The whole file into a malloc'ed buffer; NULL on error. */
static char *slurp(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  size_t cap = 0, n = 0;
  if (f == NULL)
    return NULL;
  for (;;) {
    if (n == cap) {
      char *p = realloc(buf, cap = cap ? 2 * cap : 65536);
      if (p == NULL)
        break;
      buf = p;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0)
      break;
  }
  if (ferror(f)) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = n;
  return buf;
}

/* The name of a speaker or party. */
static const char *agent_name(const ng_doc *doc, ng_agent_kind kind,
                              size_t i)
{
  if (kind == NG_AGENT_PERSON)
    return ng_person_label(ng_doc_person(doc, i));
  if (kind == NG_AGENT_ORG)
    return ng_org_label(ng_doc_organization(doc, i));
  return "(unknown)";
}

int main(int argc, char **argv)
{
  ng_lexicon *lex = NULL;
  ng_doc *doc = NULL;
  char err[NG_ERRLEN] = "";
  size_t len = 0, i;
  char *text;
  ng_status st;

  if (argc != 2) {
    fprintf(stderr, "usage: who-said-what ARTICLE\n");
    return 2;
  }
  text = slurp(argv[1], &len);
  if (text == NULL) {
    fprintf(stderr, "who-said-what: cannot read '%s'\n", argv[1]);
    return 3;
  }
  st = ng_lexicon_load(NULL, &lex, err);
  if (st == NG_OK)
    st = ng_doc_new(text, len, 0, &doc, err); /* copies the text */
  free(text);
  if (st == NG_OK)
    st = ng_extract(doc, lex);
  if (st != NG_OK) {
    fprintf(stderr, "who-said-what: %s\n", err[0] ? err : ng_strerror(st));
    ng_doc_free(doc);
    ng_lexicon_free(lex);
    return 1;
  }

  printf("%s\n", ng_doc_headline(doc));
  for (i = 0; i < ng_doc_statement_count(doc); i++) {
    const ng_statement *s = ng_doc_statement(doc, i);
    size_t who;
    ng_agent_kind kind = ng_statement_speaker(s, &who);
    long topic = ng_statement_topic(s);
    printf("%s (%s, bytes %zu-%zu): %s\n", agent_name(doc, kind, who),
           ng_statement_direct(s) ? "quote" : "reported",
           ng_statement_begin(s), ng_statement_end(s), ng_statement_text(s));
    if (topic >= 0)
      printf("  topic: %s\n",
             ng_topic_label(ng_doc_topic(doc, (size_t)topic)));
  }
  for (i = 0; i < ng_doc_agreement_count(doc); i++) {
    const ng_agreement *a = ng_doc_agreement(doc, i);
    size_t j, who;
    printf("agreement: %s; parties:", ng_agreement_label(a));
    for (j = 0; j < ng_agreement_party_count(a); j++) {
      ng_agent_kind kind = ng_agreement_party(a, j, &who);
      printf(" %s%s", j ? "; " : "", agent_name(doc, kind, who));
    }
    printf("\n");
  }
  ng_doc_free(doc); /* every string above was borrowed from doc */
  ng_lexicon_free(lex);
  return 0;
}
