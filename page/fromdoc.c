/* fromdoc.c - the page model of an extracted document (through the read
 * API of include/newsgraph.h), its release, and ng_doc_write_html: the
 * standalone page `extract -f html` writes, with the article's full text.
 */
#include "page.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ model */

int ngi_page_grow(void **arr, size_t n, size_t *cap, size_t size)
{
  void *p;
  size_t c;

  if (n < *cap)
    return 0;
  c = *cap ? 2 * *cap : 16;
  p = realloc(*arr, c * size);
  if (p == NULL)
    return -1;
  memset((char *)p + *cap * size, 0, (c - *cap) * size);
  *arr = p;
  *cap = c;
  return 0;
}

char *ngi_page_dup(const char *s, int *failed)
{
  char *d;
  size_t n;

  if (s == NULL)
    return NULL;
  n = strlen(s) + 1;
  d = malloc(n);
  if (d == NULL) {
    *failed = 1;
    return NULL;
  }
  memcpy(d, s, n);
  return d;
}

void ngi_particle_release(ngi_particle *a)
{
  size_t i;

  for (i = 0; i < a->nstmts; i++) {
    free(a->stmts[i].iri);
    free(a->stmts[i].text);
  }
  for (i = 0; i < a->nagents; i++) {
    free(a->agents[i].iri);
    free(a->agents[i].label);
    free(a->agents[i].roles);
  }
  for (i = 0; i < a->ntopics; i++)
    free(a->topics[i]);
  for (i = 0; i < a->nagrees; i++) {
    free(a->agrees[i].label);
    free(a->agrees[i].text);
    free(a->agrees[i].parties);
  }
  free(a->stmts);
  free(a->agents);
  free(a->topics);
  free(a->agrees);
  free(a->iri);
  free(a->headline);
  free(a->text);
  memset(a, 0, sizeof *a);
}

/* ------------------------------------------------------------ from a doc */

/* The text as the graph keeps it (schema:articleBody, graph.c): the same
 * bytes, but C0 controls other than tab and LF (CR too) and DEL as spaces
 * and U+FFFE / U+FFFF as U+FFFD, so that this page and the served one
 * show the same text.  t has two NUL bytes past len. */
static void as_in_graph(char *t, size_t len)
{
  size_t i;

  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)t[i];
    if (c == 0xef && (unsigned char)t[i + 1] == 0xbf &&
        ((unsigned char)t[i + 2] == 0xbe || (unsigned char)t[i + 2] == 0xbf)) {
      t[i + 2] = (char)0xbd;
      i += 2;
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
      t[i] = ' ';
    }
  }
}

/* "a; b" of n strings given by get(i); NULL when n is 0. */
static char *join(size_t n, const char *(*get)(const void *, size_t),
                  const void *obj, const char *sep, int *failed)
{
  size_t i, len = 0, sl = strlen(sep);
  char *s, *p;

  if (n == 0)
    return NULL;
  for (i = 0; i < n; i++)
    len += strlen(get(obj, i)) + sl;
  s = malloc(len + 1);
  if (s == NULL) {
    *failed = 1;
    return NULL;
  }
  p = s;
  for (i = 0; i < n; i++) {
    size_t l = strlen(get(obj, i));
    if (i > 0) {
      memcpy(p, sep, sl);
      p += sl;
    }
    memcpy(p, get(obj, i), l);
    p += l;
  }
  *p = '\0';
  return s;
}

static const char *role_at(const void *p, size_t i)
{
  return ng_role_label(ng_person_role((const ng_person *)p, i));
}

typedef struct party_ctx {
  const ng_doc *doc;
  const ng_agreement *a;
} party_ctx;

static const char *party_at(const void *p, size_t i)
{
  const party_ctx *c = p;
  size_t idx = 0;
  ng_agent_kind k = ng_agreement_party(c->a, i, &idx);

  if (k == NG_AGENT_PERSON)
    return ng_person_label(ng_doc_person(c->doc, idx));
  if (k == NG_AGENT_ORG)
    return ng_org_label(ng_doc_organization(c->doc, idx));
  return "?";
}

static ng_status from_doc(const ng_doc *doc, const ng_graph_opts *gopts,
                          ngi_particle *a)
{
  size_t np = ng_doc_person_count(doc), no = ng_doc_organization_count(doc);
  size_t ns = ng_doc_statement_count(doc), i;
  size_t nt = ng_doc_topic_count(doc), ng = ng_doc_agreement_count(doc);
  const char *text;
  size_t len;
  int failed = 0;

  memset(a, 0, sizeof *a);
  text = ng_doc_text(doc, &len);
  a->text = malloc(len + 3);
  a->agents = calloc(np + no + 1, sizeof *a->agents);
  a->stmts = calloc(ns + 1, sizeof *a->stmts);
  a->topics = calloc(nt + 1, sizeof *a->topics);
  a->agrees = calloc(ng + 1, sizeof *a->agrees);
  if (a->text == NULL || a->agents == NULL || a->stmts == NULL ||
      a->topics == NULL || a->agrees == NULL)
    return NG_ENOMEM;
  memcpy(a->text, text, len);
  memset(a->text + len, 0, 3);
  as_in_graph(a->text, len);
  a->len = len;
  a->iri = gopts != NULL ? ng_article_iri(doc, gopts) : NULL;
  a->headline = ngi_page_dup(ng_doc_headline(doc), &failed);
  for (i = 0; i < np; i++) {
    const ng_person *p = ng_doc_person(doc, i);
    a->agents[i].label = ngi_page_dup(ng_person_label(p), &failed);
    a->agents[i].roles = join(ng_person_role_count(p), role_at, p, "; ",
                              &failed);
    a->agents[i].person = 1;
  }
  for (i = 0; i < no; i++)
    a->agents[np + i].label =
      ngi_page_dup(ng_org_label(ng_doc_organization(doc, i)), &failed);
  a->nagents = np + no;
  for (i = 0; i < ns; i++) {
    const ng_statement *s = ng_doc_statement(doc, i);
    size_t idx = 0;
    ng_agent_kind k = ng_statement_speaker(s, &idx);
    ngi_pstmt *t = &a->stmts[i];
    t->num = i + 1;
    t->begin = ng_statement_begin(s);
    t->end = ng_statement_end(s);
    t->direct = ng_statement_direct(s);
    t->text = ngi_page_dup(ng_statement_text(s), &failed);
    t->speaker = k == NG_AGENT_PERSON ? (long)idx
                 : k == NG_AGENT_ORG ? (long)(np + idx) : -1;
    if (t->speaker >= 0)
      a->agents[t->speaker].said++;
  }
  a->nstmts = ns;
  for (i = 0; i < nt; i++) {
    const ng_topic *t = ng_doc_topic(doc, i);
    if (ng_topic_of_article(t))
      a->topics[a->ntopics++] = ngi_page_dup(ng_topic_label(t), &failed);
  }
  for (i = 0; i < ng; i++) {
    const ng_agreement *g = ng_doc_agreement(doc, i);
    party_ctx c = { doc, g };
    a->agrees[i].label = ngi_page_dup(ng_agreement_label(g), &failed);
    a->agrees[i].text = ngi_page_dup(ng_agreement_text(g), &failed);
    a->agrees[i].parties = join(ng_agreement_party_count(g), party_at, &c,
                                ", ", &failed);
  }
  a->nagrees = ng;
  return failed || (gopts != NULL && a->iri == NULL) ? NG_ENOMEM : NG_OK;
}

ng_status ng_doc_write_html(const ng_doc *doc, const ng_graph_opts *gopts,
                            const ng_page_opts *popts, FILE *out, char *err)
{
  static const ng_page_opts standalone = { NULL, NULL };
  ngi_particle a;
  ng_status st;

  if (ng_doc_headline(doc) == NULL) {
    if (err != NULL)
      snprintf(err, NG_ERRLEN, "the document is not extracted");
    return NG_EUSAGE;
  }
  st = from_doc(doc, gopts, &a);
  if (st == NG_OK)
    st = ngi_page_article(&a, popts != NULL ? popts : &standalone, out,
                          err);
  else if (err != NULL)
    snprintf(err, NG_ERRLEN, "out of memory");
  ngi_particle_release(&a);
  return st;
}
