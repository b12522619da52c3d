/* iri.c - slugs, IRI joins and checks, and the article IRI.
 *
 * A slug folds the Latin-1 Supplement and Latin Extended-A letters to ASCII
 * (a table, like NFKD followed by dropping combining marks), lower-cases
 * Greek, Cyrillic and Armenian, keeps other letters as percent-encoded UTF-8
 * and turns runs of everything else into one '-'.
 */
#include "iri.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sha256.h"

void ngi_graph_errf(char *err, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return;
  va_start(ap, fmt);
  vsnprintf(err, NG_ERRLEN, fmt, ap);
  va_end(ap);
}

/* ------------------------------------------------------------ UTF-8 */

/* Decode one character at s (n bytes left).  Returns its length, or 0 for
 * a malformed sequence. */
static size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
  uint32_t c;
  size_t len, i;

  if (n == 0)
    return 0;
  if (s[0] < 0x80) {
    *cp = s[0];
    return 1;
  }
  if (s[0] >= 0xC2 && s[0] <= 0xDF) {
    len = 2;
    c = s[0] & 0x1F;
  } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    len = 3;
    c = s[0] & 0x0F;
  } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    len = 4;
    c = s[0] & 0x07;
  } else {
    return 0;
  }
  if (n < len)
    return 0;
  for (i = 1; i < len; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    c = (c << 6) | (s[i] & 0x3F);
  }
  if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
      c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    return 0;
  *cp = c;
  return len;
}

static size_t utf8_encode(uint32_t c, unsigned char *out)
{
  if (c < 0x80) {
    out[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    out[0] = (unsigned char)(0xC0 | (c >> 6));
    out[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (unsigned char)(0xE0 | (c >> 12));
    out[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (unsigned char)(0xF0 | (c >> 18));
  out[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

/* ------------------------------------------------------------ folding */

/* U+00C0..U+00FF: '*' = several letters (see fold_multi), ' ' = not a
 * letter (the multiplication and division signs). */
static const char latin1[] =
  "aaaaaa*ceeeeiiiidnooooo ouuuuy**"
  "aaaaaa*ceeeeiiiidnooooo ouuuuy*y";

/* U+0100..U+017F, Latin Extended-A. */
static const char latin_ext_a[] =
  "aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
  "**" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "**" "rrrrrr"
  "ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";

_Static_assert(sizeof latin1 == 65, "latin1 table covers U+00C0..U+00FF");
_Static_assert(sizeof latin_ext_a == 129,
               "latin_ext_a table covers U+0100..U+017F");

static const char *fold_multi(uint32_t c)
{
  switch (c) {
  case 0xC6: case 0xE6: return "ae";
  case 0xDE: case 0xFE: return "th";
  case 0xDF: return "ss";
  case 0x132: case 0x133: return "ij";
  case 0x152: case 0x153: return "oe";
  default: return NULL;
  }
}

/* The ASCII folding of c, or NULL when c is not a foldable Latin letter.
 * buf receives single letters. */
static const char *fold_latin(uint32_t c, char buf[2])
{
  char f = 0;

  if (c == 0xAA)
    f = 'a';
  else if (c == 0xBA)
    f = 'o';
  else if (c >= 0xC0 && c <= 0xFF)
    f = latin1[c - 0xC0];
  else if (c >= 0x100 && c <= 0x17F)
    f = latin_ext_a[c - 0x100];
  if (f == 0 || f == ' ')
    return NULL;
  if (f == '*')
    return fold_multi(c);
  buf[0] = f;
  buf[1] = '\0';
  return buf;
}

/* Characters dropped without a trace: combining marks, zero-width and
 * direction marks, soft hyphen, modifier letters such as U+02BC. */
static int is_ignorable(uint32_t c)
{
  return c == 0xAD || (c >= 0x2B0 && c <= 0x36F) ||
         (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xFE20 && c <= 0xFE2F) ||
         c == 0xFEFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

/* Non-ASCII characters that separate words: punctuation, spaces, symbols,
 * private use. */
static int is_separator(uint32_t c)
{
  return (c >= 0x80 && c <= 0xBF) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2000 && c <= 0x2BFF) || (c >= 0x2E00 && c <= 0x2E7F) ||
         (c >= 0x3000 && c <= 0x303F) || (c >= 0xE000 && c <= 0xF8FF) ||
         (c >= 0xFE10 && c <= 0xFE1F) || (c >= 0xFE30 && c <= 0xFE6F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) ||
         (c >= 0xFFF0 && c <= 0xFFFF) || (c >= 0x1F000 && c <= 0x1FAFF) ||
         c >= 0xF0000;
}

/* Lower case for the scripts news names come in most after Latin. */
static uint32_t to_lower(uint32_t c)
{
  if (c == 0x386)
    return 0x3AC;
  if (c >= 0x388 && c <= 0x38A)
    return c + 37;
  if (c == 0x38C)
    return 0x3CC;
  if (c == 0x38E || c == 0x38F)
    return c + 63;
  if ((c >= 0x391 && c <= 0x3A1) || (c >= 0x3A3 && c <= 0x3AB))
    return c + 32;
  if (c >= 0x400 && c <= 0x40F)
    return c + 80;
  if (c >= 0x410 && c <= 0x42F)
    return c + 32;
  if (((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF) ||
       (c >= 0x4D0 && c <= 0x52F)) && c % 2 == 0)
    return c + 1;
  if (c >= 0x4C1 && c <= 0x4CE && c % 2 == 1)
    return c + 1;
  if (c >= 0x531 && c <= 0x556)
    return c + 48;
  return c;
}

/* ------------------------------------------------------------ slugs */

char *ngi_slug(const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
  size_t n = strlen((const char *)p);
  char *out = malloc(NGI_SLUG_MAX + 1);
  size_t len = 0;
  int sep = 0;

  if (out == NULL)
    return NULL;
  while (n > 0) {
    char piece[16], one[2];
    const char *f = NULL;
    size_t plen = 0, k;
    uint32_t c;

    k = utf8_decode(p, n, &c);
    if (k == 0) {
      sep = 1;
      p++;
      n--;
      continue;
    }
    p += k;
    n -= k;
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        piece[0] = (char)c;
        plen = 1;
      } else if (c >= 'A' && c <= 'Z') {
        piece[0] = (char)(c - 'A' + 'a');
        plen = 1;
      } else {
        sep = 1;
        continue;
      }
    } else if (is_ignorable(c)) {
      continue;
    } else if ((f = fold_latin(c, one)) != NULL) {
      plen = strlen(f);
      memcpy(piece, f, plen);
    } else if (is_separator(c)) {
      sep = 1;
      continue;
    } else {
      unsigned char u[4];
      size_t ulen = utf8_encode(to_lower(c), u), i;
      for (i = 0; i < ulen; i++) {
        piece[plen++] = '%';
        piece[plen++] = hex[u[i] >> 4];
        piece[plen++] = hex[u[i] & 15];
      }
    }
    if (sep && len > 0) {
      if (len + 1 + plen > NGI_SLUG_MAX)
        break;
      out[len++] = '-';
    }
    sep = 0;
    if (len + plen > NGI_SLUG_MAX)
      break;
    memcpy(out + len, piece, plen);
    len += plen;
  }
  if (len == 0)
    out[len++] = 'x';
  out[len] = '\0';
  return out;
}

char *ngi_iri_segment(const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
  size_t n = strlen((const char *)p), len = 0;
  char *out = malloc(3 * n + 2);

  if (out == NULL)
    return NULL;
  while (n > 0) {
    uint32_t c;
    size_t k = utf8_decode(p, n, &c);

    if (k > 1 && c >= 0xA0) {
      memcpy(out + len, p, k);
      len += k;
    } else if (k == 1 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                          c == '_' || c == '~')) {
      out[len++] = (char)c;
    } else {
      size_t i;
      if (k == 0)
        k = 1;
      for (i = 0; i < k; i++) {
        out[len++] = '%';
        out[len++] = hex[p[i] >> 4];
        out[len++] = hex[p[i] & 15];
      }
    }
    p += k;
    n -= k;
  }
  if (len == 0)
    out[len++] = 'x';
  out[len] = '\0';
  return out;
}

char *ngi_iri_join(const char *a, const char *b, const char *c)
{
  size_t la = a ? strlen(a) : 0, lb = b ? strlen(b) : 0;
  size_t lc = c ? strlen(c) : 0;
  char *out = malloc(la + lb + lc + 1);

  if (out == NULL)
    return NULL;
  if (la)
    memcpy(out, a, la);
  if (lb)
    memcpy(out + la, b, lb);
  if (lc)
    memcpy(out + la + lb, c, lc);
  out[la + lb + lc] = '\0';
  return out;
}

/* ------------------------------------------------------------ checks */

static int is_alpha(int c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_hex(int c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

ng_status ngi_iri_check(const char *iri, const char *what, char *err)
{
  const unsigned char *p = (const unsigned char *)iri;
  size_t n, i = 0;
  int hashes = 0;

  if (iri == NULL || *iri == '\0') {
    ngi_graph_errf(err, "%s: empty IRI", what);
    return NG_EUSAGE;
  }
  n = strlen(iri);
  if (!is_alpha(p[0])) {
    ngi_graph_errf(err, "%s '%.200s': not an absolute IRI (no scheme)", what,
                   iri);
    return NG_EUSAGE;
  }
  while (i < n && (is_alpha(p[i]) || (p[i] >= '0' && p[i] <= '9') ||
                   p[i] == '+' || p[i] == '-' || p[i] == '.'))
    i++;
  if (i >= n || p[i] != ':' || i + 1 >= n) {
    ngi_graph_errf(err, "%s '%.200s': not an absolute IRI (no scheme)", what,
                   iri);
    return NG_EUSAGE;
  }
  for (i = 0; i < n;) {
    uint32_t c;
    size_t k = utf8_decode(p + i, n - i, &c);

    if (k == 0) {
      ngi_graph_errf(err, "%s: invalid UTF-8 in IRI", what);
      return NG_EUSAGE;
    }
    if (c <= 0x20 || (c >= 0x7F && c <= 0x9F) || strchr("<>\"{}|\\^`", (int)c)
        != NULL || (c == '%' && (i + 2 >= n || !is_hex(p[i + 1]) ||
                                 !is_hex(p[i + 2])))) {
      if (c == '%')
        ngi_graph_errf(err, "%s '%.200s': bad percent-encoding", what, iri);
      else if (c <= 0x20 || c >= 0x7F)
        ngi_graph_errf(err, "%s '%.200s': space or control character in IRI",
                       what, iri);
      else
        ngi_graph_errf(err, "%s '%.200s': character '%c' not allowed in IRI",
                       what, iri, (int)c);
      return NG_EUSAGE;
    }
    if (c == '#' && ++hashes > 1) {
      ngi_graph_errf(err, "%s '%.200s': more than one '#'", what, iri);
      return NG_EUSAGE;
    }
    i += k;
  }
  return NG_OK;
}

ng_status ngi_base_new(const char *base, char **out, char *err)
{
  ng_status st;
  size_t n;

  *out = NULL;
  if (base == NULL)
    base = NG_DEFAULT_BASE;
  st = ngi_iri_check(base, "--base", err);
  if (st != NG_OK)
    return st;
  n = strlen(base);
  if (base[n - 1] == '/' || base[n - 1] == '#')
    *out = ngi_iri_join(base, NULL, NULL);
  else if (strchr(base, '#') != NULL) {
    ngi_graph_errf(err, "--base '%.200s': a fragment base must end in '#'",
                   base);
    return NG_EUSAGE;
  } else
    *out = ngi_iri_join(base, "/", NULL);
  if (*out == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  return NG_OK;
}

static ng_status article_iri(const char *text, size_t len,
                             const unsigned char *memo,
                             const ng_graph_opts *opts, char **out,
                             char *err)
{
  unsigned char d[NGI_SHA256_LEN];
  char hex[2 * NGI_SHA256_LEN + 1];
  char *base;
  ng_status st;

  *out = NULL;
  if (opts != NULL && opts->source != NULL) {
    st = ngi_iri_check(opts->source, "--source", err);
    if (st != NG_OK)
      return st;
    if (strchr(opts->source, '#') != NULL) {
      ngi_graph_errf(err, "--source '%.200s': must not have a fragment ('#')",
                     opts->source);
      return NG_EUSAGE;
    }
    *out = ngi_iri_join(opts->source, NULL, NULL);
  } else {
    st = ngi_base_new(opts != NULL ? opts->base : NULL, &base, err);
    if (st != NG_OK)
      return st;
    if (memo != NULL)
      memcpy(d, memo, sizeof d);
    else
      ngi_sha256(text != NULL ? text : "", text != NULL ? len : 0, d);
    ngi_sha256_hex(d, hex);
    hex[16] = '\0';
    *out = ngi_iri_join(base, "article/", hex);
    free(base);
  }
  if (*out == NULL) {
    ngi_graph_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  return NG_OK;
}

ng_status ngi_article_iri_new(const char *text, size_t len,
                              const ng_graph_opts *opts, char **out,
                              char *err)
{
  return article_iri(text, len, NULL, opts, out, err);
}

/* The latest result's digest, per thread: a serial is never reused, so
 * a hit is the same text. */
static _Thread_local struct {
  uint64_t serial;
  unsigned char d[NGI_SHA256_LEN];
} memo;

ng_status ngi_article_iri_of(const ngi_result *r, const ng_graph_opts *opts,
                             char **out, char *err)
{
  if (r->serial == 0 || (opts != NULL && opts->source != NULL))
    return article_iri(r->text, r->len, NULL, opts, out, err);
  if (memo.serial != r->serial) {
    ngi_sha256(r->text != NULL ? r->text : "", r->text != NULL ? r->len : 0,
               memo.d);
    memo.serial = r->serial;
  }
  return article_iri(r->text, r->len, memo.d, opts, out, err);
}
