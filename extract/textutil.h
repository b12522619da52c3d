/* textutil.h - UTF-8 helpers: validation, case folding, character classes.
 *
 * The extractor works on bytes; these helpers know just enough Unicode for
 * English news: Latin letters with diacritics, typographic quotes, dashes
 * and spaces.
 */
#ifndef NG_TEXTUTIL_H
#define NG_TEXTUTIL_H

#include <stddef.h>
#include <stdint.h>

/* Offset of the first invalid UTF-8 byte, or len when the text is valid.
 * Overlong forms, surrogates and code points past U+10FFFF are invalid. */
size_t ngi_utf8_check(const char *s, size_t len);

/* Decode one code point at s (valid UTF-8 assumed); *n gets its length.
 * (Inline, as the classes below: the tokenizer calls them per character.) */
static inline uint32_t ngi_utf8_get(const char *str, size_t len,
                                    size_t *n) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned c = s[0];
  if (c < 0x80 || len < 2) {
    *n = 1;
    return c;
  }
  if (c < 0xE0) {
    *n = 2;
    return ((c & 0x1F) << 6) | (s[1] & 0x3F);
  }
  if (c < 0xF0 || len < 4) {
    if (len < 3) {
      *n = 1;
      return 0xFFFD;
    }
    *n = 3;
    return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
  }
  *n = 4;
  return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) |
         (s[3] & 0x3F);
}

/* Lower-case s[0..n) into dst (cap bytes): ASCII and Latin-1 letters are
 * folded, typographic apostrophes become '.  Returns the length written
 * (NUL-terminated when room). */
size_t ngi_lower(const char *s, size_t n, char *dst, size_t cap);

/* Character classes of a code point. */
static inline int ngi_is_space(uint32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/* - and the Unicode dashes */
static inline int ngi_is_dash(uint32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015);
}

/* letters and digits of any script */
static inline int ngi_is_letter(uint32_t c) {
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  if (c < 0xC0)
    return c == 0xAA || c == 0xB5 || c == 0xBA;
  if (c == 0xD7 || c == 0xF7)
    return 0;
  if (c >= 0x2000 && c <= 0x2BFF)
    return 0; /* punctuation, symbols, arrows, dingbats */
  if (c >= 0x3000 && c <= 0x303F)
    return 0;
  if (c >= 0xFE30 && c <= 0xFE6F)
    return 0;
  if (c >= 0xFF00 && c <= 0xFF0F)
    return 0;
  if (c >= 0x1F000)
    return 0; /* emoji and pictographs */
  return c != 0xFEFF && c != 0xFFFD;
}

/* upper-case Latin/Greek/Cyrillic */
static inline int ngi_is_upper(uint32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && !(c & 1)) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

/* Quote marks. */
enum {
  NGI_Q_NONE = 0,
  NGI_Q_OPEN,   /* “ „ « ‹ */
  NGI_Q_CLOSE,  /* ” » › */
  NGI_Q_AMBIG,  /* " */
  NGI_Q_SOPEN,  /* ‘ */
  NGI_Q_SCLOSE, /* ’ (also an apostrophe) */
  NGI_Q_SAMBIG  /* ' */
};
int ngi_quote_kind(uint32_t c);

#endif
