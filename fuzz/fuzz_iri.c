/* fuzz_iri.c - libFuzzer harness: IRIs minted from any name.
 *
 * The input, as a C string, is a label: its slug must be non-empty, at
 * most NGI_SLUG_MAX bytes of [a-z0-9-] and %XX (upper-case hex), with no
 * leading, trailing or doubled '-', and <base>person/<slug> must pass the
 * IRI check.  For valid UTF-8 input, ngi_iri_segment must give a valid
 * RFC 3987 ipath segment.  A violation aborts.  Built by `make fuzz`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/iri.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  return 0;
}

static int is_hex(int c)
{
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

static void fail(const char *what, const char *in, const char *out)
{
  fprintf(stderr, "fuzz_iri: %s: '%s' -> '%s'\n", what, in, out);
  abort();
}

/* Length of the valid UTF-8 character at s (no surrogates, overlongs or
 * values past U+10FFFF), or 0. */
static size_t utf8_ok(const unsigned char *s)
{
  uint32_t c;
  size_t n, i;

  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xc2 && s[0] <= 0xdf)
    n = 2, c = s[0] & 0x1f;
  else if (s[0] >= 0xe0 && s[0] <= 0xef)
    n = 3, c = s[0] & 0x0f;
  else if (s[0] >= 0xf0 && s[0] <= 0xf4)
    n = 4, c = s[0] & 0x07;
  else
    return 0;
  for (i = 1; i < n; i++) {
    if ((s[i] & 0xc0) != 0x80)
      return 0;
    c = (c << 6) | (s[i] & 0x3f);
  }
  if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
      (c >= 0xd800 && c <= 0xdfff))
    return 0;
  return n;
}

static int valid_utf8(const char *s)
{
  size_t n;

  while (*s != '\0') {
    n = utf8_ok((const unsigned char *)s);
    if (n == 0)
      return 0;
    s += n;
  }
  return 1;
}

static void check_slug(const char *in)
{
  char *slug = ngi_slug(in), *iri;
  size_t i, len;

  if (slug == NULL)
    return; /* out of memory */
  len = strlen(slug);
  if (len == 0 || len > NGI_SLUG_MAX)
    fail("slug length", in, slug);
  if (slug[0] == '-' || slug[len - 1] == '-' || strstr(slug, "--") != NULL)
    fail("slug dashes", in, slug);
  for (i = 0; i < len; i++) {
    char c = slug[i];
    if (c == '%') {
      if (i + 2 >= len || !is_hex(slug[i + 1]) || !is_hex(slug[i + 2]))
        fail("slug %XX", in, slug);
      i += 2;
    } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 c == '-')) {
      fail("slug character", in, slug);
    }
  }
  iri = ngi_iri_join(NG_DEFAULT_BASE, "person/", slug);
  if (iri != NULL && ngi_iri_check(iri, "iri", NULL) != NG_OK)
    fail("IRI check", in, iri);
  free(iri);
  free(slug);
}

/* RFC 3987 isegment: iunreserved / pct-encoded / sub-delims / ":" / "@",
 * with ucschar ranges for the non-ASCII characters. */
static void check_segment(const char *in)
{
  char *seg;
  const unsigned char *p;

  if (!valid_utf8(in))
    return;
  seg = ngi_iri_segment(in);
  if (seg == NULL)
    return;
  for (p = (const unsigned char *)seg; *p != '\0';) {
    if (*p == '%') {
      if (!is_hex(p[1]) || !is_hex(p[2]))
        fail("segment %XX", in, seg);
      p += 3;
    } else if (*p >= 0x80) {
      size_t n = utf8_ok(p);
      if (n == 0)
        fail("segment UTF-8", in, seg);
      p += n;
    } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
               (*p >= '0' && *p <= '9') || strchr("-._~!$&'()*+,;=:@", *p)) {
      p++;
    } else {
      fail("segment character", in, seg);
    }
  }
  free(seg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s;

  if (size > 4096)
    return 0;
  s = malloc(size + 1);
  if (s == NULL)
    return 0;
  memcpy(s, data, size);
  s[size] = '\0';
  check_slug(s);
  check_segment(s);
  free(s);
  return 0;
}
