/* textutil.c - UTF-8 validation, case folding and character classes. */
#include "textutil.h"

size_t ngi_utf8_check(const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < len) {
    unsigned c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    uint32_t cp, min;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
      cp = c & 0x1F;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      cp = c & 0x0F;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      cp = c & 0x07;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + n > len)
      return i;
    for (size_t k = 1; k < n; k++) {
      if ((s[i + k] & 0xC0) != 0x80)
        return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += n;
  }
  return len;
}

static size_t put_cp(uint32_t c, char *d, size_t cap) {
  if (c < 0x80) {
    if (cap < 1)
      return 0;
    d[0] = (char)c;
    return 1;
  }
  if (c < 0x800) {
    if (cap < 2)
      return 0;
    d[0] = (char)(0xC0 | (c >> 6));
    d[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    if (cap < 3)
      return 0;
    d[0] = (char)(0xE0 | (c >> 12));
    d[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    d[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  if (cap < 4)
    return 0;
  d[0] = (char)(0xF0 | (c >> 18));
  d[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  d[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  d[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

static uint32_t fold(uint32_t c) {
  if (c >= 'A' && c <= 'Z')
    return c + 32;
  if ((c >= 0xC0 && c <= 0xDE && c != 0xD7))
    return c + 32;
  if (c >= 0x100 && c <= 0x17F && !(c & 1))
    return c + 1; /* Latin Extended-A pairs (close enough) */
  if (c >= 0x391 && c <= 0x3A9)
    return c + 32;
  if (c >= 0x410 && c <= 0x42F)
    return c + 32;
  if (c == 0x2019 || c == 0x2018 || c == 0x2032)
    return '\'';
  if (c == 0x2013 || c == 0x2014 || c == 0x2010 || c == 0x2011)
    return '-';
  return c;
}

size_t ngi_lower(const char *s, size_t n, char *dst, size_t cap) {
  size_t i = 0, o = 0;
  if (cap == 0)
    return 0;
  /* ASCII while there is room for all of s: no check per byte */
  if (n < cap)
    while (i < n && (unsigned char)s[i] < 0x80) {
      unsigned char b = (unsigned char)s[i++];
      dst[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) { /* ASCII, the usual case: what fold and put_cp do */
      if (o + 1 >= cap)
        break;
      dst[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
      i++;
      continue;
    }
    size_t k;
    uint32_t c = ngi_utf8_get(s + i, n - i, &k);
    size_t w = put_cp(fold(c), dst + o, cap - 1 - o);
    if (!w)
      break;
    o += w;
    i += k;
  }
  dst[o] = '\0';
  return o;
}

int ngi_quote_kind(uint32_t c) {
  switch (c) {
  case 0x201C: case 0x201E: case 0xAB: case 0x2039:
    return NGI_Q_OPEN;
  case 0x201D: case 0xBB: case 0x203A:
    return NGI_Q_CLOSE;
  case '"':
    return NGI_Q_AMBIG;
  case 0x2018:
    return NGI_Q_SOPEN;
  case 0x2019:
    return NGI_Q_SCLOSE;
  case '\'':
    return NGI_Q_SAMBIG;
  default:
    return NGI_Q_NONE;
  }
}
