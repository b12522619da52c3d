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

/* Decode one code point at s (valid UTF-8 assumed); *n gets its length. */
uint32_t ngi_utf8_get(const char *s, size_t len, size_t *n);

/* Lower-case s[0..n) into dst (cap bytes): ASCII and Latin-1 letters are
 * folded, typographic apostrophes become '.  Returns the length written
 * (NUL-terminated when room). */
size_t ngi_lower(const char *s, size_t n, char *dst, size_t cap);

/* Character classes of a code point. */
int ngi_is_space(uint32_t c);
int ngi_is_letter(uint32_t c);  /* letters and digits of any script */
int ngi_is_upper(uint32_t c);   /* upper-case Latin/Greek/Cyrillic */
int ngi_is_dash(uint32_t c);    /* - and the Unicode dashes */

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
