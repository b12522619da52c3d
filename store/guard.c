/* guard.c - what newsgraph checks in RDF and SPARQL text before raptor or
 * rasqal sees it.  raptor 2.0.15 keeps a language tag's length in one
 * byte (raptor_term_literal_value.language_len), so a tag of 256 bytes or
 * more overflows a heap block in raptor_new_term_from_counted_literal:
 * every tag longer than NGI_LANGTAG_MAX is refused here first.  The scan
 * is one pass over the bytes with no parsing: a run of more than
 * NGI_LANGTAG_MAX letters, digits, '-' or '_' after an '@' (Turtle, TriG,
 * N-Triples, N-Quads, SPARQL; even inside a literal, where no real text
 * has one), an xml:lang that is not '= "short tag"' (RDF/XML; no entity
 * references, no DTD default), a NUL byte, and RDF/XML in an encoding that
 * is not ASCII-compatible (where the scan could not see xml:lang).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "store.h"

typedef struct scan {
  int xml;             /* RDF/XML rules instead of '@' tags */
  int lines;           /* N-Triples, N-Quads: bound the line length */
  size_t linelen;      /* bytes of the line so far */
  long depth;          /* RDF/XML: elements open (about) */
  int lt;              /* the byte before was '<' */
  int slash;           /* the byte before was '/' */
  char inq;            /* RDF/XML: in a quoted attribute value */
  int intag;           /* RDF/XML: in a start or end tag */
  size_t prefixes;     /* Turtle, TriG: @prefix and PREFIX seen */
  int pm;              /* bytes of "prefix" matched (after '@' or at
                        * the start of a line) */
  int bol;             /* only white space so far on this line */
  int bn;              /* in a blank node label after "_:": its length + 1 */
  int esc;             /* 1 after '\\', 2 in \\u, 3 in \\U (zeros so far: z) */
  int z;
  unsigned char prev;  /* the byte before */
  size_t line;         /* 1-based line of the byte being looked at */
  size_t off;          /* bytes seen */
  int at;              /* in a run after '@': its length + 1; 0 = not */
  int m;               /* bytes of "xml:lang" matched */
  int xs;              /* after xml:lang: 1 want '=', 2 want quote, 3 value */
  char quote;
  int vlen;
  size_t line_bad;
  const char *why;     /* set once something is refused */
  char head[256];      /* the first bytes (RDF/XML declaration) */
  size_t nhead;
} scan;

static int
tag_char(unsigned char c)
{
  return isalnum(c) || c == '-' || c == '_';
}

static void
bad(scan *s, const char *why)
{
  if(!s->why) {
    s->why = why;
    s->line_bad = s->line;
  }
}

static void
scan_byte(scan *s, unsigned char c)
{
  static const char pat[] = "xml:lang";

  if(s->nhead < sizeof s->head - 1)
    s->head[s->nhead++] = (char)c;
  s->off++;
  if(c == 0)
    bad(s, "a NUL byte");
  if(s->lines && ++s->linelen > NGI_RDF_MAX_LINE && c != '\n')
    bad(s, "a line longer than " NGI_RDF_MAX_LINE_S " bytes");
  if(!s->xml) {
    /* blank node labels: librdf merges two that share their first ~230
     * bytes */
    if(s->bn) {
      if(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' ||
         c == ';' || c == ')' || c == ']' || c == '}' || c == '<' ||
         c == '"')
        s->bn = 0;
      else if(++s->bn > NGI_BNODE_MAX + 1)
        bad(s, "a blank node label longer than " NGI_BNODE_MAX_S " bytes");
    } else if(c == ':' && s->prev == '_') {
      s->bn = 1;
    }
    /* \u0000 or \U00000000: librdf would cut the literal there */
    if(s->esc == 1) {
      s->esc = c == 'u' ? 2 : c == 'U' ? 3 : 0;
      s->z = 0;
    } else if(s->esc >= 2) {
      if(c == '0' && ++s->z == (s->esc == 2 ? 4 : 8)) {
        bad(s, "a NUL character (\\u0000)");
        s->esc = 0;
      } else if(c != '0') {
        s->esc = c == '\\';
      }
    } else if(c == '\\') {
      s->esc = 1;
    }
    /* prefix declarations: raptor looks each name up in a list */
    static const char pre[] = "prefix";
    if(s->pm == 0 && !(s->prev == '@' || s->bol)) {
      /* "prefix" in the middle of a line is a word, not a declaration */
    } else if(tolower(c) == pre[s->pm]) {
      if(++s->pm == 6) {
        s->pm = 0;
        if(++s->prefixes > NGI_RDF_MAX_PREFIXES)
          bad(s, "more than " NGI_RDF_MAX_PREFIXES_S
              " prefix declarations");
      }
    } else {
      s->pm = tolower(c) == 'p' && (s->prev == '@' || s->bol);
    }
  } else {
    /* element depth: '<name' opens, '</' and '/>' close (quoted
     * attribute values, comments and declarations aside) */
    if(s->inq) {
      if(c == (unsigned char)s->inq)
        s->inq = 0;
    } else if(s->intag && (c == '"' || c == '\'')) {
      s->inq = (char)c;
    } else if(s->lt) {
      if(c == '/') {
        s->depth--;
        s->intag = 1;
      } else if(isalpha(c) || c == '_' || c == ':') {
        s->intag = 1;
        if(++s->depth > NGI_RDF_MAX_DEPTH)
          bad(s, "RDF/XML nested more than " NGI_RDF_MAX_DEPTH_S
              " elements deep");
      }
    } else if(c == '>' && s->intag) {
      if(s->slash)
        s->depth--;
      s->intag = 0;
    }
    s->lt = !s->inq && c == '<';
    s->slash = c == '/';
  }
  if(!s->xml) {
    if(s->at) {
      if(tag_char(c)) {
        if(++s->at > NGI_LANGTAG_MAX + 1)
          bad(s, "a language tag longer than " NGI_LANGTAG_MAX_S
              " characters");
      } else {
        s->at = 0;
      }
    }
    if(c == '@')
      s->at = 1;
  } else if(s->xs == 1 || s->xs == 2) {
    if(!isspace(c)) {
      if(s->xs == 1 && c == '=')
        s->xs = 2;
      else if(s->xs == 2 && (c == '"' || c == '\'')) {
        s->xs = 3;
        s->quote = (char)c;
        s->vlen = 0;
      } else {
        bad(s, "an xml:lang that is not an attribute with a language tag");
        s->xs = 0;
      }
    }
  } else if(s->xs == 3) {
    if(c == (unsigned char)s->quote)
      s->xs = 0;
    else if(c == '&' || c == '<')
      bad(s, "an xml:lang with a reference or markup in its value");
    else if(++s->vlen > NGI_LANGTAG_MAX)
      bad(s, "a language tag longer than " NGI_LANGTAG_MAX_S
          " characters");
  } else {
    if(c == (unsigned char)pat[s->m]) {
      if(++s->m == (int)sizeof pat - 1) {
        s->m = 0;
        s->xs = 1;
      }
    } else {
      s->m = c == 'x';
    }
  }
  if(c == '\n') {
    s->line++;
    s->linelen = 0;
    s->bol = 1;
  } else if(!isspace(c)) {
    s->bol = 0;
  }
  s->prev = c;
}

/* RDF/XML must be in an encoding where xml:lang is seen as ASCII. */
static void
scan_xml_head(scan *s)
{
  static const char *ok[] = { "utf-8", "utf8", "us-ascii", "ascii",
                              "iso-8859-", "latin1", "windows-125" };
  const char *h = s->head, *e;
  size_t n = s->nhead, i;

  s->head[n] = 0;
  if(n >= 3 && !memcmp(h, "\xEF\xBB\xBF", 3))
    h += 3;
  while(*h && isspace((unsigned char)*h))
    h++;
  if(*h && *h != '<') {
    bad(s, "RDF/XML that does not start with '<' in UTF-8");
    return;
  }
  if(strncmp(h, "<?xml", 5))
    return;
  e = strstr(h, "?>");
  h = strstr(h, "encoding");
  if(!h || (e && h > e))
    return;
  h += 8;
  while(*h && (isspace((unsigned char)*h) || *h == '='))
    h++;
  if(*h == '"' || *h == '\'')
    h++;
  for(i = 0; i < sizeof ok / sizeof ok[0]; i++)
    if(!strncasecmp(h, ok[i], strlen(ok[i])))
      return;
  bad(s, "RDF/XML in an encoding other than UTF-8, ASCII or ISO-8859");
}

static void
scan_end(scan *s)
{
  if(s->xml) {
    scan_xml_head(s);
    if(s->xs)
      bad(s, "an xml:lang that is not an attribute with a language tag");
  }
}

/* strcasestr without _GNU_SOURCE */
static const char *
find_ci(const char *h, const char *n)
{
  size_t k = strlen(n);

  for(; *h; h++)
    if(!strncasecmp(h, n, k))
      return h;
  return NULL;
}

int
ngi_syntax_guarded(const char *syntax)
{
  static const char *known[] = { "turtle", "ntriples", "nquads", "trig",
                                 "rdfxml",
                                 "json" /* RDF/JSON */ };
  size_t i;

  for(i = 0; i < sizeof known / sizeof known[0]; i++)
    if(!strcmp(syntax, known[i]))
      return 1;
  return 0;
}

ng_status
ngi_guard_rdf(FILE **fhp, const char *path, const char *syntax,
              size_t max_bytes, char *err)
{
  scan s;
  unsigned char buf[65536];
  size_t n, i;
  FILE *fh = *fhp, *copy = NULL;

  memset(&s, 0, sizeof s);
  s.line = 1;
  s.bol = 1;
  s.xml = !strcmp(syntax, "rdfxml");
  s.lines = !strcmp(syntax, "ntriples") || !strcmp(syntax, "nquads");
  if(max_bytes == 0)
    max_bytes = NGI_RDF_MAX_BYTES;
  if(fseek(fh, 0, SEEK_CUR) != 0) {
    /* a pipe: keep what is read in a temporary file to parse after */
    copy = tmpfile();
    if(!copy) {
      ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
      return NG_EIO;
    }
  }
  while((n = fread(buf, 1, sizeof buf, fh)) > 0) {
    if(s.off + n > max_bytes) {
      if(copy)
        fclose(copy);
      ngi_store_errf(err, "refused '%s': larger than %zu bytes (--max-bytes)",
                     path, max_bytes);
      return NG_EINPUT;
    }
    for(i = 0; i < n && !s.why; i++)
      scan_byte(&s, buf[i]);
    if(s.why)
      break;
    if(copy && fwrite(buf, 1, n, copy) != n) {
      fclose(copy);
      ngi_store_errf(err, "cannot read '%s': a temporary file: %s", path,
                     strerror(errno));
      return NG_EIO;
    }
  }
  if(ferror(fh)) {
    if(copy)
      fclose(copy);
    ngi_store_errf(err, "cannot read '%s': %s", path, strerror(errno));
    return NG_EIO;
  }
  scan_end(&s);
  if(s.why) {
    if(copy)
      fclose(copy);
    ngi_store_errf(err, "refused '%s': %s (line %zu)", path, s.why,
                   s.line_bad);
    return NG_EINPUT;
  }
  if(copy) {
    fclose(fh);
    *fhp = fh = copy;
  }
  rewind(fh);
  return NG_OK;
}

static int
name_char(unsigned char c)
{
  return isalnum(c) || c == '_' || c == '-' || c == ':' || c == '?' ||
         c == '$' || c >= 0x80;
}

/* Past white space and # comments. */
static const char *
skip_blank(const char *t)
{
  for(;;) {
    while(isspace((unsigned char)*t))
      t++;
    if(*t != '#')
      return t;
    while(*t && *t != '\n')
      t++;
  }
}

/* A CONSTRUCT whose template is empty ("CONSTRUCT { } ...", "CONSTRUCT
 * WHERE { }"): rasqal 0.9.33 reads a NULL triple for each solution of
 * such a query and crashes (found by fuzz_load).  t is past the keyword. */
static int
empty_template(const char *t)
{
  t = skip_blank(t);
  if(!strncasecmp(t, "where", 5) && !name_char((unsigned char)t[5]))
    t = skip_blank(t + 5);
  if(*t != '{')
    return 0;
  return *skip_blank(t + 1) == '}';
}

/* The keywords of a query (outside strings, IRIs and comments) that are
 * refused: every SERVICE unless allow, and then only with an http or
 * https IRI written out (no variable, no prefixed name); a CONSTRUCT with
 * an empty template.  Returns why, or NULL. */
static const char *
service_why(const char *q, int allow)
{
  const char *p = q;

  while(*p) {
    char c = *p;
    if(c == '"' || c == '\'') {
      /* a string, short or long */
      int longq = p[1] == c && p[2] == c;
      p += longq ? 3 : 1;
      while(*p) {
        if(*p == '\\' && p[1]) {
          p += 2;
          continue;
        }
        if(*p == c && (!longq || (p[1] == c && p[2] == c))) {
          p += longq ? 3 : 1;
          break;
        }
        p++;
      }
      continue;
    }
    if(c == '<') {
      /* an IRI when it closes before a space; else the operator */
      const char *e = p + 1;
      while(*e && *e != '>' && !isspace((unsigned char)*e) && *e != '<')
        e++;
      p = *e == '>' ? e + 1 : p + 1;
      continue;
    }
    if(c == '#') {
      while(*p && *p != '\n')
        p++;
      continue;
    }
    if(!strncasecmp(p, "construct", 9) && (p == q || !name_char(p[-1])) &&
       !name_char((unsigned char)p[9]) && empty_template(p + 9))
      return "a CONSTRUCT with an empty template";
    if(!strncasecmp(p, "service", 7) && (p == q || !name_char(p[-1])) &&
       !name_char((unsigned char)p[7])) {
      const char *t = p + 7;
      if(!allow)
        return "SERVICE is off (--allow-service turns it on)";
      while(isspace((unsigned char)*t))
        t++;
      if(!strncasecmp(t, "silent", 6) && !name_char((unsigned char)t[6])) {
        t += 6;
        while(isspace((unsigned char)*t))
          t++;
      }
      if(strncasecmp(t, "<http://", 8) && strncasecmp(t, "<https://", 9))
        return "SERVICE only with an http:// or https:// IRI";
      {
        /* user:password@ would be printed in rasqal's messages */
        const char *h = strchr(t, '/') + 2;
        size_t n = strcspn(h, "/?#>");
        if(memchr(h, '@', n))
          return "SERVICE IRI with a user or password (user:password@)";
      }
      p = t;
      continue;
    }
    p++;
  }
  return NULL;
}

/* rasqal 0.9.33's lexer reads past its buffer (SEGV) on a \u escape
 * without its hex digits amid bytes that are not UTF-8 (found by
 * fuzz_load): a query must be UTF-8, and every \u and \U escape
 * complete.  Returns why, or NULL. */
static const char *
text_why(const char *q)
{
  const unsigned char *p = (const unsigned char *)q;

  while(*p) {
    unsigned c = *p;
    if(c == '\\') {
      if(p[1] == 'u' || p[1] == 'U') {
        int n = p[1] == 'u' ? 4 : 8, k;
        for(k = 0; k < n; k++)
          if(!isxdigit(p[2 + k]))
            return "a \\u or \\U escape without its hex digits";
        p += 2 + n;
      } else {
        p += p[1] ? 2 : 1;
      }
      continue;
    }
    if(c < 0x80) {
      p++;
      continue;
    }
    {
      int n = c >= 0xF0 && c <= 0xF4 ? 3 : c >= 0xE0 ? (c < 0xF0 ? 2 : -1)
            : c >= 0xC2 ? 1 : -1, k;
      unsigned cp;
      if(n < 0)
        return "text that is not UTF-8";
      cp = c & (0x3F >> n);
      for(k = 1; k <= n; k++) {
        if((p[k] & 0xC0) != 0x80)
          return "text that is not UTF-8";
        cp = cp << 6 | (p[k] & 0x3F);
      }
      if((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
         (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
        return "text that is not UTF-8";
      p += n + 1;
    }
  }
  return NULL;
}

ng_status
ngi_guard_sparql(const char *query, int allow_service, char *err)
{
  scan s;
  const char *p;

  memset(&s, 0, sizeof s);
  s.line = 1;
  for(p = query; *p; p++)
    scan_byte(&s, (unsigned char)*p);
  if(!s.why) {
    /* STRLANG(x, "tag") only with a short literal tag: a computed one
     * could reach raptor's limit at run time */
    for(p = query; (p = find_ci(p, "strlang")); p += 7) {
      const char *q = p + 7, *t;
      int depth = 0;
      char in = 0;

      while(isspace((unsigned char)*q))
        q++;
      if(*q != '(')
        continue;
      for(; *q; q++) {
        if(in) {
          if(*q == '\\' && q[1])
            q++;
          else if(*q == in)
            in = 0;
        } else if(*q == '"' || *q == '\'') {
          in = *q;
        } else if(*q == '(') {
          depth++;
        } else if(*q == ')' && --depth == 0) {
          break;
        }
      }
      /* the text before the closing ')' must be a quoted short tag */
      t = q;
      while(t > p && isspace((unsigned char)t[-1]))
        t--;
      if(*q == ')' && t > p && (t[-1] == '"' || t[-1] == '\'')) {
        const char *b = t - 1;
        int len = 0;
        while(b > p && tag_char((unsigned char)b[-1]) && len <= NGI_LANGTAG_MAX) {
          b--;
          len++;
        }
        if(b > p && b[-1] == t[-1] && len <= NGI_LANGTAG_MAX)
          continue;
      }
      bad(&s, "STRLANG with a language tag that is not a short literal");
      break;
    }
  }
  if(!s.why)
    s.why = text_why(query);
  if(!s.why)
    s.why = service_why(query, allow_service);
  if(s.why) {
    ngi_store_errf(err, "query refused: %s", s.why);
    return NG_EQUERY;
  }
  return NG_OK;
}
