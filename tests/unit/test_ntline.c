/* test_ntline.c - unit test of graph/ntline.c, the one reader of the
 * N-Triples lines of a graph of lines (ngi_lines_parse): each term of
 * good lines (IRIs, literals with language or datatype, every escape,
 * values taken in place or unescaped into the copy, shared subjects), and
 * NG_EFORMAT for hostile ones: bad, truncated and NUL escapes,
 * surrogates, truncated lines, blank nodes, escaped IRIs, what the flags
 * refuse; a huge line; NUL bytes in the text.
 * Prints "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/ntline.h"
#include "unit.h"

static int is(const char *s, size_t n, const char *want)
{
  return s != NULL && n == strlen(want) && memcmp(s, want, n) == 0;
}

#define S "<http://ex/s> "
#define P "<http://ex/p> "

/* good lines: the object's value, language, datatype as read */
static const struct {
  const char *line;
  const char *val, *lang, *dt;
  int lit, escaped;
} good[] = {
  {S P "<http://ex/o> .", "http://ex/o", NULL, NULL, 0, 0},
  {S P "\"plain\" .", "plain", NULL, NULL, 1, 0},
  {S P "\"\" .", "", NULL, NULL, 1, 0},
  {S P "\"chat\"@fr .", "chat", "fr", NULL, 1, 0},
  {S P "\"Chat\"@en-GB .", "Chat", "en-GB", NULL, 1, 0},
  {S P "\"4\"^^<http://www.w3.org/2001/XMLSchema#integer> .", "4", NULL,
   "http://www.w3.org/2001/XMLSchema#integer", 1, 0},
  {S P "\"a \\\"q\\\" b\\\\c\" .", "a \"q\" b\\c", NULL, NULL, 1, 1},
  {S P "\"\\n\\r\\t\\b\\f\" .", "\n\r\t\b\f", NULL, NULL, 1, 1},
  {S P "\"\\u0001x\\u007F\" .", "\001x\177", NULL, NULL, 1, 1},
  {S P "\"Zo\\u00EBs \\u00e9\" .", "Zo\xc3\xabs \xc3\xa9", NULL, NULL, 1, 1},
  {S P "\"\\u20AC\\U0001F600\"@en .", "\xe2\x82\xac\xf0\x9f\x98\x80", "en",
   NULL, 1, 1},
  {S P "\"raw \xc3\xa9 UTF-8\" .", "raw \xc3\xa9 UTF-8", NULL, NULL, 1, 0},
  {S P "\"x\\\\\"^^<http://ex/dt> .", "x\\", NULL, "http://ex/dt", 1, 1},
  {"<http://ex/\xc3\xa9> " P "<http://ex/o> .", "http://ex/o", NULL, NULL,
   0, 0},
};

/* refused by ngi_lines_parse with no flags */
static const char *const bad[] = {
  "\n",
  "_:b0 " P "<http://ex/o> .",
  S P "_:b1 .",
  S P "<http://ex/o>",
  S P "<http://ex/o> ",
  S P "<http://ex/o> . ",
  S P "<http://ex/o>  .",
  S P "<http://ex/o> .x",
  S " " P "<http://ex/o> .",
  S P "http://ex/o .",
  "<http://ex/s" P "<http://ex/o> .",
  "<http://ex/s>",
  S P,
  S P "\"",
  S P "\"open .",
  S P "\"a\\\" .",
  S P "\"a\\x\" .",
  S P "\"\\u00\" .",
  S P "\"\\u00e\" .",
  S P "\"\\u12G4\" .",
  S P "\"\\u0000\" .",
  S P "\"\\U00000000\" .",
  S P "\"\\uD800\" .",
  S P "\"\\uDFFF\" .",
  S P "\"\\U00110000\" .",
  S P "\"\\UFFFFFFFF\" .",
  S P "\"\\U0001F60\" .",
  S P "\"x\"^^http://ex/dt .",
  S P "\"x\"^^<http://ex/dt .",
  S P "\"x\"^^<http://ex/\\u0041> .",
  S P "\"x\" @en .",
  "<http://ex/a\\u0020b> " P "<http://ex/o> .",
  S "<http://ex/p\\>> <http://ex/o> .",
  S P "<http://ex/o> .\n" S P "\"\\q\" .\n",
};

static void test_good(void)
{
  size_t i;

  for (i = 0; i < sizeof good / sizeof good[0]; i++) {
    const char *nt = good[i].line;
    ngi_ntriple *v = NULL;
    size_t n = 0;
    char *vals = NULL, what[64];
    ng_status st = ngi_lines_parse(nt, strlen(nt), 0, &v, &n, &vals);
    const ngi_ntterm *o = n == 1 ? &v[0].o : NULL;

    snprintf(what, sizeof what, "good %zu: read, one statement", i);
    check(st == NG_OK && n == 1, what, NULL);
    snprintf(what, sizeof what, "good %zu: subject and predicate", i);
    check(o && is(v[0].p.s, v[0].p.n, "http://ex/p") && v[0].s.n > 10 &&
              !v[0].s.lit && !v[0].p.lit, what, NULL);
    snprintf(what, sizeof what, "good %zu: object", i);
    check(o && is(o->s, o->n, good[i].val) && o->lit == good[i].lit,
          what, NULL);
    snprintf(what, sizeof what, "good %zu: language", i);
    check(o && (good[i].lang ? is(o->lang, o->langn, good[i].lang)
                             : o->lang == NULL), what, NULL);
    snprintf(what, sizeof what, "good %zu: datatype", i);
    check(o && (good[i].dt ? is(o->dt, o->dtn, good[i].dt)
                           : o->dt == NULL), what, NULL);
    /* unescaped into the copy only when it had escapes */
    snprintf(what, sizeof what, "good %zu: copied only when escaped", i);
    check(o && (good[i].escaped
                    ? vals != NULL && o->s >= vals && o->s < vals + strlen(nt)
                    : vals == NULL && o->s > nt && o->s < nt + strlen(nt)),
          what, NULL);
    free(v);
    free(vals);
  }
}

static void test_bad(void)
{
  size_t i;

  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ngi_ntriple *v = (ngi_ntriple *)&v;
    size_t n = 7;
    char *vals = (char *)&vals, what[64];
    ng_status st = ngi_lines_parse(bad[i], strlen(bad[i]), 0, &v, &n, &vals);

    snprintf(what, sizeof what, "bad %zu: NG_EFORMAT, nothing out", i);
    check(st == NG_EFORMAT && v == NULL && n == 0 && vals == NULL, what, NULL);
  }
}

/* what the flags refuse, and only they */
static const struct {
  const char *line;
  unsigned flags;
  ng_status want;
} flagged[] = {
  {"<http://ex/\xc3\xa9> " P "<http://ex/o> .", NGI_NT_LOWER, NG_OK},
  {"<http://ex/\xc3\xa9> " P "<http://ex/o> .", NGI_NT_ASCII, NG_EFORMAT},
  {S P "<http://ex/\xc3\xa9> .", NGI_NT_ASCII, NG_EFORMAT},
  {S P "\"x\"^^<http://ex/\xc3\xa9> .", NGI_NT_ASCII, NG_EFORMAT},
  {S P "\"\xc3\xa9\"^^<http://ex/d> .", NGI_NT_ASCII, NG_OK},
  {S P "\"x\"@en-GB .", NGI_NT_ASCII, NG_OK},
  {S P "\"x\"@en-GB .", NGI_NT_LOWER, NG_EFORMAT},
  {S P "\"x\"@en-gb .", NGI_NT_ASCII | NGI_NT_LOWER, NG_OK},
  {"", NGI_NT_ASCII | NGI_NT_LOWER, NG_OK},
};

static void test_flags(void)
{
  size_t i;

  for (i = 0; i < sizeof flagged / sizeof flagged[0]; i++) {
    ngi_ntriple *v = NULL;
    size_t n = 0;
    char *vals = NULL, what[64];
    ng_status st = ngi_lines_parse(flagged[i].line, strlen(flagged[i].line),
                                   flagged[i].flags, &v, &n, &vals);

    snprintf(what, sizeof what, "flagged %zu: as the flags say", i);
    check(st == flagged[i].want && (st == NG_OK) == (v != NULL) &&
              n == (st == NG_OK && *flagged[i].line ? 1u : 0u) &&
              vals == NULL, what, NULL);
    free(v);
  }
}

/* several lines: order kept, shared terms, the last line without its new
 * line, one escaped line among plain ones */
static void test_lines(void)
{
  const char *nt = S P "\"a\" .\n" S P "\"b\\tc\" .\n"
                   S "<http://ex/q> <http://ex/o> .\n"
                   "<http://ex/t> " P "\"d\"@en .";
  ngi_ntriple *v = NULL;
  size_t n = 0;
  char *vals = NULL;
  ng_status st = ngi_lines_parse(nt, strlen(nt), 0, &v, &n, &vals);

  check(st == NG_OK && n == 4, "four lines", NULL);
  if (st != NG_OK || n != 4) {
    free(v);
    free(vals);
    return;
  }
  check(is(v[0].o.s, v[0].o.n, "a") && is(v[1].o.s, v[1].o.n, "b\tc") &&
            is(v[2].o.s, v[2].o.n, "http://ex/o") &&
            is(v[3].o.s, v[3].o.n, "d") &&
            is(v[3].o.lang, v[3].o.langn, "en"),
        "the objects in order", NULL);
  check(v[1].s.s == v[0].s.s && v[2].s.s == v[0].s.s &&
            v[1].p.s == v[0].p.s && v[2].p.s != v[0].p.s &&
            v[3].s.s != v[0].s.s, "equal subjects, predicates shared", NULL);
  check(ngi_ntriple_cmp(&v[0], &v[1]) < 0 && ngi_ntriple_cmp(&v[1],
                                                             &v[0]) > 0 &&
            ngi_ntriple_cmp(&v[0], &v[0]) == 0 &&
            ngi_ntriple_cmp(&v[0], &v[2]) < 0 &&
            ngi_ntterm_cmp(&v[2].o, &v[0].o) < 0,
        "order: by predicate, IRIs before literals", NULL);
  free(v);
  free(vals);
}

/* a line of 3 MB, escapes all along; NUL bytes in the text */
static void test_huge_and_nul(void)
{
  size_t k = 500000, i, len, n = 0;
  char *nt = malloc(k * 6 + 64), *o = nt, *vals = NULL;
  ngi_ntriple *v = NULL;
  ng_status st;
  int ok = 1;
  static const char nul[] = S P "\"a\0b\" .\n<http://ex/\0> " P "\"c\" .";

  if (nt == NULL) {
    check(0, "memory for the huge line", NULL);
    return;
  }
  o += sprintf(o, "%s%s\"", S, P);
  for (i = 0; i < k; i++) {
    memcpy(o, i % 2 ? "\\u00e9" : "x\\\"y\\n", 6);
    o += 6;
  }
  o += sprintf(o, "\" .\n");
  len = (size_t)(o - nt);
  st = ngi_lines_parse(nt, len, 0, &v, &n, &vals);
  check(st == NG_OK && n == 1 && v[0].o.n == k / 2 * 2 + k / 2 * 4,
        "a huge line of escapes: read, its length", NULL);
  for (i = 0; st == NG_OK && n == 1 && i < v[0].o.n && ok; i += 6)
    ok = memcmp(v[0].o.s + i, "x\"y\n\xc3\xa9", 6) == 0;
  check(ok, "a huge line of escapes: its bytes", NULL);
  free(v);
  free(vals);
  /* the same line cut anywhere in its tail is refused */
  for (i = 1; i < 8; i++) {
    v = NULL;
    vals = NULL;
    check(ngi_lines_parse(nt, len - 3 - i, 0, &v, &n, &vals) == NG_EFORMAT &&
              v == NULL && vals == NULL, "a huge line cut short", NULL);
  }
  free(nt);
  st = ngi_lines_parse(nul, sizeof nul - 1, 0, &v, &n, &vals);
  check(st == NG_OK && n == 2 && v[0].o.n == 3 &&
            memcmp(v[0].o.s, "a\0b", 3) == 0 && v[1].s.n == 11,
        "NUL bytes are bytes: counted, not an end", NULL);
  free(v);
  free(vals);
}

int main(void)
{
  test_good();
  test_bad();
  test_flags();
  test_lines();
  test_huge_and_nul();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
