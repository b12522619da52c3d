/* text.c - from bytes to paragraphs, tokens, quotations and sentences.
 *
 * Each non-empty line is a paragraph; the first is the headline, short
 * lines without end punctuation are section headings, "[ad_1]"-style lines
 * are boilerplate and skipped.  Tokens keep byte offsets into the original
 * text.  Quote marks are paired per paragraph (a quote left open at the end
 * of a paragraph ends there, as news style reopens it in the next one), and
 * sentences are split only outside quotations, so a quoted passage of
 * several sentences stays inside the sentence that attributes it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"
#include "textutil.h"

/* ------------------------------------------------------------ documents */

ng_status ng_doc_new(const char *text, size_t len, size_t max_bytes,
                     ng_doc **out, char *err) {
  *out = NULL;
  if (!max_bytes)
    max_bytes = NG_DEFAULT_MAX_BYTES;
  if (!text && len)
    return NG_EUSAGE;
  if (len > max_bytes) {
    if (err)
      snprintf(err, NG_ERRLEN, "too large: %zu bytes, the limit is %zu", len,
               max_bytes);
    return NG_EINPUT;
  }
  const char *nul = len ? memchr(text, '\0', len) : NULL;
  if (nul) {
    if (err)
      snprintf(err, NG_ERRLEN, "binary data: NUL byte at offset %zu",
               (size_t)(nul - text));
    return NG_EINPUT;
  }
  size_t bad = ngi_utf8_check(text, len);
  if (bad < len) {
    if (err)
      snprintf(err, NG_ERRLEN, "invalid UTF-8 at byte %zu", bad);
    return NG_EINPUT;
  }
  size_t i = 0;
  while (i < len) {
    size_t k;
    if (!ngi_is_space(ngi_utf8_get(text + i, len - i, &k)))
      break;
    i += k;
  }
  if (i == len) {
    if (err)
      snprintf(err, NG_ERRLEN, len ? "no text, only white space" : "empty");
    return NG_EINPUT;
  }
  ng_doc *d = calloc(1, sizeof *d);
  if (!d)
    return NG_ENOMEM;
  ngi_arena_init(&d->arena);
  d->text = ngi_strndup(&d->arena, text, len);
  if (!d->text) {
    ng_doc_free(d);
    return NG_ENOMEM;
  }
  d->len = len;
  /* old Mac line ends: a lone CR is a line end (byte for byte, so offsets
   * hold; the graph writes a lone CR as LF anyway) */
  for (char *r = memchr(d->text, '\r', len); r;
       r = memchr(r + 1, '\r', len - (size_t)(r + 1 - d->text))) {
    size_t k = (size_t)(r - d->text);
    if (k + 1 == len || d->text[k + 1] != '\n')
      d->text[k] = '\n';
  }
  *out = d;
  return NG_OK;
}

void ng_doc_free(ng_doc *d) {
  if (!d)
    return;
  ngi_map_release(&d->acronyms);
  ngi_map_release(&d->surnames);
  ngi_map_release(&d->orgmap);
  ngi_map_release(&d->midcaps);
  ngi_map_release(&d->timesurnames);
  ngi_map_release(&d->words);
  ngi_arena_release(&d->arena);
  free(d);
}

/* ------------------------------------------------------------ lines */

static int is_boilerplate(const char *s, size_t n) {
  return n >= 2 && s[0] == '[' && s[n - 1] == ']' && !memchr(s + 1, ' ', n - 2);
}

static int is_heading(const char *s, size_t n) {
  if (n > 80)
    return 0;
  char last = s[n - 1];
  if (strchr(".!?:;,\"'", last))
    return 0;
  if ((unsigned char)last >= 0x80) {
    /* a closing typographic quote or ellipsis ends a sentence, too */
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2)
      return 0;
  }
  /* a list item ("- Item", "* Item") or a line of symbols (box drawing,
   * dashes) is no heading; a heading has a word of three letters */
  unsigned char c0 = (unsigned char)s[0];
  if (c0 == 0xE2 || (c0 < 0x80 && !isalnum(c0) && !strchr("\"'(", c0)))
    return 0;
  int words = 1, run = 0, word3 = 0, sym = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    words += c == ' ';
    if (c == 0xE2)
      sym = 3; /* U+2000-U+2FFF: punctuation and symbols */
    run = sym == 0 && (isalpha(c) || c >= 0x80) ? run + 1 : 0;
    sym -= sym > 0;
    word3 |= run >= 3;
  }
  return words <= 10 && word3;
}

/* ------------------------------------------------------------ tokens */

static const char *const ABBR[] = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt",
    "capt", "gov", "sen", "rep", "prof", "rev", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd",
    "co", "corp", "no", "vs", "etc", "mt", "ft", "approx", "dept", "est",
    "fig", "maj", "adm", "cmdr", "pres", "hon", "messrs", NULL};

/* low: n bytes, NUL-terminated */
static int is_abbr(const char *low, size_t n) {
  if (n <= 6) /* the longest of ABBR */
    for (int i = 0; ABBR[i]; i++)
      if (ABBR[i][0] == low[0] && strcmp(ABBR[i], low) == 0)
        return 1;
  /* dotted initialisms: u.s  e.g  u.n */
  return n >= 3 && low[1] == '.';
}

static uint32_t cp_at(const ng_doc *d, size_t i, size_t *k) {
  if (i >= d->len) {
    *k = 0;
    return 0;
  }
  return ngi_utf8_get(d->text + i, d->len - i, k);
}

static ngi_tok *add_tok(ng_doc *d, uint32_t b, uint32_t e, int para) {
  ngi_tok *t = NGI_PUSH(&d->arena, d->toks, d->ntoks, d->captoks);
  if (!t)
    return NULL;
  t->b = b;
  t->e = e;
  t->be = e;
  t->para = para;
  t->quote = -1;
  t->ment = -1;
  t->sent = -1;
  return t;
}

/* The word forms of a document met so far: a form's hash -> the first
 * token with it (+1; 0 is an empty slot).  A form comes back often ("the",
 * "said", a name), and its lower-case bytes and lexicon bits are then
 * copied, not looked up again.  Never more than half full: past that,
 * new forms are simply not remembered. */
typedef struct formmemo {
  struct formslot {
    uint64_t h;
    uint32_t tok;
  } *slot;
  size_t mask, n;
} formmemo;

/* The given-name bits of capitalised token t, of those ngi_is_given
 * asks about (not in capitals, no possessive). */
static uint32_t given_bits(const ng_doc *d, const ngi_tok *t) {
  if (!(t->flags & T_CAP) || (t->flags & (T_ALLCAPS | T_POSS)) || !d->lex)
    return 0;
  return NGI_LEX_GKNOWN |
         (ngi_map_geth(&d->lex->given, t->low, t->lowlen, t->h, NULL)
              ? NGI_LEX_GIVEN
              : 0);
}

/* The phrase-prefix bits of a capitalised token t (ngi_longest looks
 * them up at its first word, for names of places and organisations): the
 * bits of the maps with a key of several words that starts with t's word,
 * and 1 that they are known. */
static uint16_t pre_bits(const ng_doc *d, const ngi_tok *t) {
  intptr_t v = 0;
  if (!(t->flags & (T_CAP | T_ALLCAPS)) || !d->lex || !d->lex->indexed)
    return 0;
  ngi_map_geth(&d->lex->phrasepre, t->low, t->lowlen, t->h, &v);
  return (uint16_t)(v | 1);
}

static int set_low(ng_doc *d, ngi_tok *t, formmemo *fm) {
  size_t n = t->be - t->b;
  char tmp[256], *low;
  if (n * 2 + 4 > sizeof tmp) {
    low = ngi_alloc_raw(&d->arena, n * 2 + 4);
    if (!low)
      return -1;
    t->lowlen = (uint32_t)ngi_lower(d->text + t->b, n, low, n * 2 + 4);
    fm = NULL; /* long forms are rare: not remembered */
  } else { /* the usual short word: keep only its bytes */
    t->lowlen = (uint32_t)ngi_lower(d->text + t->b, n, tmp, sizeof tmp);
    low = tmp;
  }
  uint64_t h = ngi_hash(low, t->lowlen);
  size_t j = 0;
  t->h = h;
  if (fm) {
    for (j = h & fm->mask; fm->slot[j].tok; j = (j + 1) & fm->mask) {
      const ngi_tok *u = &d->toks[fm->slot[j].tok - 1];
      size_t i = 0;
      if (fm->slot[j].h != h || u->lowlen != t->lowlen)
        continue;
      while (i < t->lowlen && u->low[i] == low[i])
        i++;
      if (i == t->lowlen) {
        /* a form met before: its bytes and bits (the given-name bits
         * only from a capitalised token, as for this one) */
        t->low = u->low;
        t->kw[0] = u->kw[0];
        t->kw[1] = u->kw[1];
        t->lex = u->lex & ~(NGI_LEX_GKNOWN | NGI_LEX_GIVEN);
        if ((t->flags & T_CAP) && !(t->flags & (T_ALLCAPS | T_POSS)) &&
            (u->lex & NGI_LEX_GKNOWN))
          t->lex |= u->lex & (NGI_LEX_GKNOWN | NGI_LEX_GIVEN);
        else
          t->lex |= given_bits(d, t);
        t->pre = (t->flags & (T_CAP | T_ALLCAPS)) && (u->pre & 1)
                     ? u->pre
                     : pre_bits(d, t);
        return 0;
      }
    }
  }
  if (low == tmp && !(low = ngi_strndup(&d->arena, tmp, t->lowlen)))
    return -1;
  t->low = low;
  t->lex = ngi_lex_bits(d->lex, low, t->lowlen, h, t->kw);
  /* a capitalised word: is it a given name?  (asked of it many times) */
  t->lex |= given_bits(d, t);
  t->pre = pre_bits(d, t);
  if (fm && (fm->n + 1) * 2 <= fm->mask + 1) {
    fm->slot[j].h = h;
    fm->slot[j].tok = (uint32_t)(t - d->toks) + 1;
    fm->n++;
  }
  return 0;
}

/* Tokenize bytes [b, e) of paragraph p. */
static ng_status tokenize(ng_doc *d, uint32_t b, uint32_t e, int p,
                          formmemo *fm) {
  size_t i = b, k;
  while (i < e) {
    uint32_t c = cp_at(d, i, &k);
    if (ngi_is_space(c)) {
      i += k;
      continue;
    }
    size_t start = i;
    ngi_tok *t;
    if (ngi_is_letter(c)) {
      int upper = ngi_is_upper(c), digits = c >= '0' && c <= '9';
      int letters = 0, lowers = 0;
      i += k;
      letters += !digits;
      for (;;) {
        size_t k2, k3;
        unsigned char a = i < e ? (unsigned char)d->text[i] : 0;
        if ((a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z')) {
          letters++, lowers += a >= 'a'; /* ASCII: as below, sooner */
          i++;
          continue;
        }
        uint32_t c2 = cp_at(d, i, &k2);
        if (i < e && ngi_is_letter(c2)) {
          if (!(c2 >= '0' && c2 <= '9'))
            letters++, lowers += !ngi_is_upper(c2);
          i += k2;
          continue;
        }
        /* internal joiners: don't  el-Sisi  1.5  13,000  U.S */
        if (i + k2 < e && (c2 == '\'' || c2 == 0x2019 || ngi_is_dash(c2) ||
                           c2 == '.' || c2 == ',' || c2 == '&')) {
          uint32_t c3 = cp_at(d, i + k2, &k3);
          int ok = ngi_is_letter(c3);
          if ((c2 == ',' || c2 == '.') && !(c3 >= '0' && c3 <= '9'))
            ok = c2 == '.' && ok && (i - start) <= 2 && ngi_is_upper(c3);
          if ((c2 == ',' || c2 == '.') && c3 >= '0' && c3 <= '9')
            ok = digits;
          if (c2 == '&' && !(upper && ngi_is_upper(c3)))
            ok = 0;
          if (ngi_is_dash(c2) && c2 != '-' && c2 != 0x2013)
            ok = 0;
          if (ok) {
            i += k2;
            continue;
          }
        }
        break;
      }
      t = add_tok(d, (uint32_t)start, (uint32_t)i, p);
      if (!t)
        return NG_ENOMEM;
      t->flags |= T_WORD;
      if (digits)
        t->flags |= T_NUM;
      if (upper)
        t->flags |= T_CAP;
      if (upper && letters >= 2 && lowers == 0)
        t->flags |= T_ALLCAPS;
      /* possessive 's */
      size_t n = i - start;
      const char *s = d->text + start;
      if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
        t->be = (uint32_t)(i - 2), t->flags |= T_POSS;
      else if (n > 4 && (unsigned char)s[n - 4] == 0xE2 &&
               (unsigned char)s[n - 3] == 0x80 &&
               (unsigned char)s[n - 2] == 0x99 && s[n - 1] == 's')
        t->be = (uint32_t)(i - 4), t->flags |= T_POSS;
      /* lower-case particle joined to a name: el-Sisi, al-Assad */
      if (!upper && n > 3 && (s[2] == '-' || s[3] == '-')) {
        size_t h = s[2] == '-' ? 3 : 4;
        if (ngi_is_upper((unsigned char)s[h]))
          t->flags |= T_HYPHNAME;
      }
      if (set_low(d, t, fm))
        return NG_ENOMEM;
      /* a dot that belongs to the word: initials and abbreviations */
      if (i < e && d->text[i] == '.') {
        int initial = letters == 1 && upper && n == 1;
        if (initial || is_abbr(t->low, t->lowlen)) {
          i++;
          t->e = t->be = (uint32_t)i;
          t->flags |= initial ? T_INITIAL : T_ABBR;
          if (!initial && set_low(d, t, fm))
            return NG_ENOMEM;
        }
      }
      continue;
    }
    /* punctuation: one code point, "..." as one */
    i += k;
    if (c == '.' && i + 1 < e && d->text[i] == '.' && d->text[i + 1] == '.')
      i += 2;
    t = add_tok(d, (uint32_t)start, (uint32_t)i, p);
    if (!t)
      return NG_ENOMEM;
    t->flags |= T_PUNCT;
    if (set_low(d, t, fm))
      return NG_ENOMEM;
  }
  return NG_OK;
}

/* ------------------------------------------------------------ quotes */

static int space_before(const ng_doc *d, const ngi_tok *t, uint32_t pb) {
  if (t->b <= pb)
    return 1;
  unsigned char c = (unsigned char)d->text[t->b - 1];
  if (c == ' ' || c == '\t' || c == '(' || c == '[' || c == '\n')
    return 1;
  if (c == 0xA0 || (t->b >= 2 && (unsigned char)d->text[t->b - 2] == 0xC2))
    return c == 0xA0;
  return c == 0x94 || c == 0x93; /* after a dash */
}

static int space_after(const ng_doc *d, const ngi_tok *t, uint32_t pe) {
  if (t->e >= pe)
    return 1;
  unsigned char c = (unsigned char)d->text[t->e];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' ||
         c == '.' || c == ';' || c == ':' || c == ')' || c == '!' ||
         c == '?' || c == 0xE2 || c == 0xC2;
}

static ng_status add_quote(ng_doc *d, int open, int close, int t0, int t1,
                           int p) {
  if (t1 <= t0)
    return NG_OK;
  int words = 0;
  for (int i = t0; i < t1; i++)
    words += (d->toks[i].flags & T_WORD) != 0;
  if (!words)
    return NG_OK;
  ngi_quote *q = NGI_PUSH(&d->arena, d->quotes, d->nquotes, d->capquotes);
  if (!q)
    return NG_ENOMEM;
  q->open = open;
  q->close = close;
  q->t0 = t0;
  q->t1 = t1;
  q->b = d->toks[t0].b;
  q->e = d->toks[t1 - 1].e;
  q->para = p;
  q->speaker_ment = -1;
  int qi = (int)d->nquotes - 1;
  for (int i = t0; i < t1; i++) {
    d->toks[i].flags |= T_INQ;
    d->toks[i].quote = qi;
  }
  if (open >= 0)
    d->toks[open].flags |= T_QUOTE;
  if (close >= 0)
    d->toks[close].flags |= T_QUOTE;
  return NG_OK;
}

static int is_end_punct(const ngi_tok *t);

/* Pair the quote marks of paragraph p. */
static ng_status pair_quotes(ng_doc *d, int p) {
  ngi_para *pa = &d->paras[p];
  int open = -1, sopen = -1;
  for (int i = pa->t0; i < pa->t1; i++) {
    ngi_tok *t = &d->toks[i];
    if (!(t->flags & T_PUNCT))
      continue;
    size_t k;
    int q = ngi_quote_kind(ngi_utf8_get(d->text + t->b, t->e - t->b, &k));
    if (!q)
      continue;
    int sb = space_before(d, t, pa->b), sa = space_after(d, t, pa->e);
    if (q == NGI_Q_OPEN || q == NGI_Q_CLOSE || q == NGI_Q_AMBIG) {
      if (open < 0) {
        if (q == NGI_Q_OPEN || (q == NGI_Q_AMBIG && (sb || !sa)))
          open = i;
        /* a closing mark with nothing open: unbalanced, ignored */
      } else if ((q == NGI_Q_OPEN || (q == NGI_Q_AMBIG && sb && !sa)) &&
                 i > open + 1 && is_end_punct(&d->toks[i - 1])) {
        /* “... first part. “Next part": news style reopens a quote
         * without closing it where a paragraph break was lost */
        ng_status st = add_quote(d, open, -1, open + 1, i, p);
        if (st)
          return st;
        open = i;
        sopen = -1;
      } else {
        /* English does not nest double quotes: any mark closes */
        ng_status st = add_quote(d, open, i, open + 1, i, p);
        if (st)
          return st;
        open = -1;
        sopen = -1;
      }
    } else if (open < 0) {
      /* single quotes: only clear pairs, so apostrophes stay apostrophes */
      if ((q == NGI_Q_SOPEN || q == NGI_Q_SAMBIG) && sb && !sa &&
          sopen < 0) {
        sopen = i;
      } else if ((q == NGI_Q_SCLOSE || q == NGI_Q_SAMBIG) && sopen >= 0 &&
                 !sb && sa && i - sopen > 1) {
        ng_status st = add_quote(d, sopen, i, sopen + 1, i, p);
        if (st)
          return st;
        sopen = -1;
      }
    }
  }
  if (open >= 0) /* runs to the end of the paragraph */
    return add_quote(d, open, -1, open + 1, pa->t1, p);
  return NG_OK;
}

/* ------------------------------------------------------------ sentences */

static int is_end_punct(const ngi_tok *t) {
  return (t->flags & T_PUNCT) &&
         (ngi_tok_is(t, ".") || ngi_tok_is(t, "!") || ngi_tok_is(t, "?") ||
          ngi_tok_is(t, "..."));
}

static int starts_sentence(const ng_doc *d, int i, int end) {
  while (i < end && (d->toks[i].flags & T_QUOTE))
    i++;
  if (i >= end)
    return 1;
  const ngi_tok *t = &d->toks[i];
  return (t->flags & (T_CAP | T_NUM)) || (t->flags & T_QUOTE) ||
         ((t->flags & T_PUNCT) && !ngi_tok_is(t, ",") && !ngi_tok_is(t, ")"));
}

static ng_status add_sent(ng_doc *d, int t0, int t1, int p) {
  if (t1 <= t0)
    return NG_OK;
  ngi_sent *s = NGI_PUSH(&d->arena, d->sents, d->nsents, d->capsents);
  if (!s)
    return NG_ENOMEM;
  s->t0 = t0;
  s->t1 = t1;
  s->para = p;
  int si = (int)d->nsents - 1;
  int first = 1;
  for (int i = t0; i < t1; i++) {
    d->toks[i].sent = si;
    if (first && (d->toks[i].flags & T_WORD)) {
      d->toks[i].flags |= T_SSTART;
      first = 0;
    }
  }
  return NG_OK;
}

static ng_status split_sentences(ng_doc *d, int p) {
  ngi_para *pa = &d->paras[p];
  int s0 = pa->t0;
  for (int i = pa->t0; i < pa->t1; i++) {
    ngi_tok *t = &d->toks[i];
    if (t->flags & T_INQ)
      continue;
    int cut = -1;
    if (is_end_punct(t) && starts_sentence(d, i + 1, pa->t1)) {
      cut = i + 1;
      /* closing marks after the full stop belong to this sentence */
      while (cut < pa->t1 && (d->toks[cut].flags & T_QUOTE) &&
             d->toks[cut].quote < 0 && cut < pa->t1 - 1 &&
             !(d->toks[cut + 1].flags & T_INQ))
        cut++;
      t->flags |= T_SEND;
    } else if ((t->flags & T_QUOTE) && i > pa->t0 &&
               (d->toks[i - 1].flags & T_INQ) && i + 1 < pa->t1 &&
               is_end_punct(&d->toks[i - 1]) &&
               ((d->toks[i + 1].flags & T_CAP) ||
                ((d->toks[i + 1].flags & T_QUOTE) && i + 2 < pa->t1 &&
                 (d->toks[i + 2].flags & T_INQ)))) {
      /* “... question.” Next sentence -- unless it attributes the quote;
       * “Done.” “Next ...”: a new quotation, a new sentence.  A verb
       * with a question word after it ("explained what went wrong")
       * introduces what comes next, not the quote before. */
      int attrib = 0;
      for (int j = i + 1; j < pa->t1 && j <= i + 4; j++)
        if (d->lex && !(d->toks[j].flags & T_INQ) &&
            NGI_HAS(d->lex->speech, d->toks[j].low,
                    strlen(d->toks[j].low)) &&
            !(j + 1 < pa->t1 && (ngi_tok_is(&d->toks[j + 1], "what") ||
                                 ngi_tok_is(&d->toks[j + 1], "how") ||
                                 ngi_tok_is(&d->toks[j + 1], "why") ||
                                 ngi_tok_is(&d->toks[j + 1], "whether"))))
          attrib = 1;
      if (!attrib)
        cut = i + 1;
    }
    if (cut > 0) {
      ng_status st = add_sent(d, s0, cut, p);
      if (st)
        return st;
      s0 = cut;
      i = cut - 1;
    }
  }
  return add_sent(d, s0, pa->t1, p);
}

/* ------------------------------------------------------------ driver */

ng_status ngi_segment(ng_doc *d) {
  size_t i = 0;
  int section = -1, first = 1;
  /* room for the tokens at once (news text has one per 5.5 bytes or
   * so), rather than doubling the array from 8 */
  if (!d->toks && d->len > 64 &&
      !(d->toks = ngi_grow(&d->arena, NULL, sizeof *d->toks, 0, &d->captoks,
                           d->len / 6 + 16)))
    return NG_ENOMEM;
  /* the forms met: a slot per 5 bytes, for about half as many forms as
   * tokens at half load (without it, when out of memory, every form is
   * looked up) */
  formmemo fm = {NULL, 0, 0};
  size_t fcap = 64;
  while (fcap < d->len / 5)
    fcap *= 2;
  if ((fm.slot = calloc(fcap, sizeof *fm.slot)))
    fm.mask = fcap - 1;
  while (i < d->len) {
    size_t e = i;
    while (e < d->len && d->text[e] != '\n')
      e++;
    size_t b = i, z = e;
    i = e + 1;
    /* trim */
    for (;;) {
      size_t k;
      if (b < z && ngi_is_space(ngi_utf8_get(d->text + b, z - b, &k)))
        b += k;
      else
        break;
    }
    while (z > b) {
      size_t back = 1;
      while (back < 4 && z - back > b &&
             ((unsigned char)d->text[z - back] & 0xC0) == 0x80)
        back++;
      size_t k;
      if (ngi_is_space(ngi_utf8_get(d->text + z - back, back, &k)))
        z -= back;
      else
        break;
    }
    if (b == z || is_boilerplate(d->text + b, z - b))
      continue;
    ngi_para *pa = NGI_PUSH(&d->arena, d->paras, d->nparas, d->cappara);
    if (!pa) {
      free(fm.slot);
      return NG_ENOMEM;
    }
    int p = (int)d->nparas - 1;
    pa->b = (uint32_t)b;
    pa->e = (uint32_t)z;
    pa->t0 = (int)d->ntoks;
    if (first) {
      d->headline = ngi_strndup(&d->arena, d->text + b, z - b);
      pa->heading = 2; /* the headline */
      first = 0;
    } else if (is_heading(d->text + b, z - b)) {
      pa->heading = 1;
      section = p;
    }
    pa->section = pa->heading == 1 ? p : section;
    ng_status st =
        tokenize(d, (uint32_t)b, (uint32_t)z, p, fm.slot ? &fm : NULL);
    if (st) {
      free(fm.slot);
      return st;
    }
    d->paras[p].t1 = (int)d->ntoks;
  }
  free(fm.slot);
  /* every token is in: give back the doubling's spare room (up to half
   * of the biggest array of a document) */
  d->toks = ngi_shrink(&d->arena, d->toks, sizeof *d->toks, d->ntoks,
                       &d->captoks);
  for (size_t p = 0; p < d->nparas; p++) {
    ng_status st;
    if (!d->paras[p].heading && (st = pair_quotes(d, (int)p)))
      return st;
    if ((st = split_sentences(d, (int)p)))
      return st;
  }
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
