/* test_iri.c - unit test of graph/iri.c and util/sha256.c: slugs,
 * IRI checks, base handling, article IRIs and SHA-256 test vectors.
 * Prints "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/iri.h"
#include "util/sha256.h"

static int passed, failed;

static void check(int ok, const char *what)
{
  if (ok) {
    passed++;
  } else {
    failed++;
    printf("FAIL: %s\n", what);
  }
}

static void check_str(const char *got, const char *want, const char *what)
{
  char msg[512];

  snprintf(msg, sizeof msg, "%s: got '%.200s', want '%.200s'", what,
           got != NULL ? got : "(null)", want);
  check(got != NULL && strcmp(got, want) == 0, msg);
}

static void slug(const char *in, const char *want)
{
  char *s = ngi_slug(in);

  check_str(s, want, in);
  free(s);
}

static void test_slug(void)
{
  char long_in[4000], *s;
  size_t i;

  slug("Sergei Lavrov", "sergei-lavrov");
  slug("  --Sergei   LAVROV!! ", "sergei-lavrov");
  slug("Foreign Minister of Russia", "foreign-minister-of-russia");
  slug("\xc5\x81ukasz M\xc3\xbcller", "lukasz-muller");           /* Łukasz */
  slug("Stra\xc3\x9f" "e", "strasse");                            /* ß */
  slug("\xc3\x86r\xc3\xb8", "aero");                              /* Ærø */
  slug("\xc5\x92uvre \xc4\xb2ssel", "oeuvre-ijssel");             /* Œ Ĳ */
  slug("Fran\xc3\xa7ois Hollande", "francois-hollande");
  slug("Recep Tayyip Erdo\xc4\x9f" "an", "recep-tayyip-erdogan"); /* ğ */
  slug("\xc3\x9e\xc3\xb3r\xc3\xb0ur", "thordur");  /* Þórður */
  slug("Jos\xc3\xa9\xe2\x80\x8f", "jose");                       /* RTL mark */
  slug("Jose\xcc\x81", "jose");  /* combining */
  slug("O\xe2\x80\x99" "Brien", "o-brien");                      /* ’ */
  slug("Al-Assad's  \xe2\x80\x94 office", "al-assad-s-office");   /* — */
  slug("3 \xc3\x97 4", "3-4");                                    /* × */
  slug("G7", "g7");
  slug("", "x");
  slug(NULL, "x");
  slug("!!! ???", "x");
  slug("\xe2\x80\x9c\xe2\x80\x9d", "x");                         /* “” */
  /* Cyrillic: lower-cased, then percent-encoded UTF-8 */
  slug("\xd0\x92\xd0\xbb\xd0\xb0\xd0\xb4\xd0\xb8\xd0\xbc\xd0\xb8\xd1\x80 "
       "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd",
       "%D0%B2%D0%BB%D0%B0%D0%B4%D0%B8%D0%BC%D0%B8%D1%80-"
       "%D0%BF%D1%83%D1%82%D0%B8%D0%BD");
  slug("\xd0\x9f\xd0\xa3\xd0\xa2\xd0\x98\xd0\x9d",
       "%D0%BF%D1%83%D1%82%D0%B8%D0%BD");  /* ПУТИН */
  slug("\xe4\xb9\xa0\xe8\xbf\x91\xe5\xb9\xb3", "%E4%B9%A0%E8%BF%91%E5%B9%B3");
  /* invalid UTF-8 bytes separate words rather than leak through */
  slug("ab\xff\xfe" "cd", "ab-cd");

  /* long input: capped, never cut inside %XX, no trailing '-' */
  for (i = 0; i + 2 < sizeof long_in; i += 2) {
    long_in[i] = '\xd0';
    long_in[i + 1] = '\x96';
  }
  long_in[i] = '\0';
  s = ngi_slug(long_in);
  check(s != NULL && strlen(s) <= NGI_SLUG_MAX && strlen(s) % 6 == 0,
        "long slug is capped at whole characters");
  free(s);
  for (i = 0; i + 1 < sizeof long_in; i++)
    long_in[i] = (i % 4 == 3) ? ' ' : 'a';
  long_in[i] = '\0';
  s = ngi_slug(long_in);
  check(s != NULL && strlen(s) <= NGI_SLUG_MAX && s[strlen(s) - 1] != '-',
        "long slug has no trailing '-'");
  free(s);
}

static void test_segment_join(void)
{
  char *s = ngi_iri_segment("cyber security/2024");

  check_str(s, "cyber%20security%2F2024", "segment escapes");
  free(s);
  s = ngi_iri_segment("arms-control");
  check_str(s, "arms-control", "segment keeps unreserved");
  free(s);
  s = ngi_iri_join("a", NULL, "c");
  check_str(s, "ac", "join skips NULL");
  free(s);
}

static void iri_ok(const char *iri, int ok)
{
  char err[NG_ERRLEN], msg[300];

  err[0] = '\0';
  snprintf(msg, sizeof msg, "%s IRI '%.200s'", ok ? "valid" : "invalid",
           iri != NULL ? iri : "(null)");
  check((ngi_iri_check(iri, "--base", err) == NG_OK) == ok, msg);
  if (!ok)
    check(strncmp(err, "--base", 6) == 0, "error names the option");
}

static void test_check(void)
{
  char err[NG_ERRLEN], *s;
  ng_graph_opts o;

  iri_ok("https://w3id.org/newsgraph/id/", 1);
  iri_ok("urn:isbn:0451450523", 1);
  iri_ok("http://example.org/a%20b", 1);
  iri_ok("http://\xe4\xbe\x8b\xe3\x81\x88.jp/kg/", 1);
  iri_ok("http://example.org/x#", 1);
  iri_ok(NULL, 0);
  iri_ok("", 0);
  iri_ok("example.org/kg", 0);
  iri_ok("1http://example.org/", 0);
  iri_ok("http:", 0);
  iri_ok("http://example.org/a b", 0);
  iri_ok("http://example.org/a<b", 0);
  iri_ok("http://example.org/a>b", 0);
  iri_ok("http://example.org/a\"b", 0);
  iri_ok("http://example.org/a{b}", 0);
  iri_ok("http://example.org/a|b", 0);
  iri_ok("http://example.org/a\\b", 0);
  iri_ok("http://example.org/a^b", 0);
  iri_ok("http://example.org/a`b", 0);
  iri_ok("http://example.org/a\tb", 0);
  iri_ok("http://example.org/%zz", 0);
  iri_ok("http://example.org/a#b#c", 0);
  iri_ok("http://example.org/\xff", 0);

  check(ngi_base_new("http://e.org/kg", &s, err) == NG_OK, "base ok");
  check_str(s, "http://e.org/kg/", "base gets '/'");
  free(s);
  check(ngi_base_new("http://e.org/kg#", &s, err) == NG_OK, "base # ok");
  check_str(s, "http://e.org/kg#", "base keeps '#'");
  free(s);
  check(ngi_base_new(NULL, &s, err) == NG_OK, "default base");
  check_str(s, NG_DEFAULT_BASE, "default base");
  free(s);
  check(ngi_base_new("not an iri", &s, err) == NG_EUSAGE && s == NULL,
        "bad base is NG_EUSAGE");

  o.base = NULL;
  o.source = NULL;
  check(ngi_article_iri_new("hello", 5, &o, &s, err) == NG_OK, "article");
  check_str(s, NG_DEFAULT_BASE "article/2cf24dba5fb0a30e", "article IRI");
  free(s);
  check(ngi_article_iri_new("hello", 5, NULL, &s, err) == NG_OK,
        "article, no opts");
  check_str(s, NG_DEFAULT_BASE "article/2cf24dba5fb0a30e", "no opts");
  free(s);
  o.base = "http://e.org/kg";
  check(ngi_article_iri_new("hello", 5, &o, &s, err) == NG_OK, "article b");
  check_str(s, "http://e.org/kg/article/2cf24dba5fb0a30e", "article base");
  free(s);
  o.source = "https://news.example/a/1";
  check(ngi_article_iri_new("hello", 5, &o, &s, err) == NG_OK, "source");
  check_str(s, "https://news.example/a/1", "source names the article");
  free(s);
  o.source = "https://news.example/a/1#top";
  check(ngi_article_iri_new("hello", 5, &o, &s, err) == NG_EUSAGE,
        "source with a fragment");
  check(strstr(err, "--source") != NULL, "error names --source");
  o.source = "no scheme";
  check(ngi_article_iri_new("hello", 5, &o, &s, err) == NG_EUSAGE,
        "source without a scheme");
}

static void sha(const char *in, size_t len, const char *want)
{
  unsigned char d[NGI_SHA256_LEN];
  char hex[2 * NGI_SHA256_LEN + 1];

  ngi_sha256(in, len, d);
  ngi_sha256_hex(d, hex);
  check_str(hex, want, "sha256");
}

static void test_sha256(void)
{
  static const char q[] =
    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  ngi_sha256_ctx c;
  unsigned char d[NGI_SHA256_LEN];
  char hex[2 * NGI_SHA256_LEN + 1], block[1001];
  int i;

  sha("", 0,
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  sha("abc", 3,
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  sha(q, sizeof q - 1,
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  /* one million 'a', fed in uneven pieces */
  memset(block, 'a', sizeof block);
  ngi_sha256_init(&c);
  for (i = 0; i < 1000; i++)
    ngi_sha256_update(&c, block, (size_t)(i % 2 == 0 ? 999 : 1001));
  ngi_sha256_final(&c, d);
  ngi_sha256_hex(d, hex);
  check_str(hex,
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
            "sha256 of a million 'a'");
  /* the processor's SHA instructions (when it has them) and the plain
   * code agree, for every length around the block boundaries */
  {
    static unsigned char buf[4096];
    unsigned char d0[NGI_SHA256_LEN], d1[NGI_SHA256_LEN];
    unsigned x = 12345;
    int same = 1;
    for (i = 0; i < (int)sizeof buf; i++) {
      x = x * 1103515245u + 12345u;
      buf[i] = (unsigned char)(x >> 16);
    }
    for (i = 0; i <= (int)sizeof buf && same; i += i < 300 ? 1 : 97) {
      ngi_sha256_init(&c);
      ngi_sha256_update(&c, buf, (size_t)i);
      ngi_sha256_final(&c, d0);
      ngi_sha256_init(&c);
      c.fast = 0;
      ngi_sha256_update(&c, buf, (size_t)i);
      ngi_sha256_final(&c, d1);
      same = memcmp(d0, d1, sizeof d0) == 0;
    }
    check(same, "sha256: the SHA instructions agree with the plain code");
  }
}

int main(void)
{
  test_slug();
  test_segment_join();
  test_check();
  test_sha256();
  printf("%d passed, %d failed\n", passed, failed);
  fflush(stdout);
  return failed != 0;
}
