/* html.c - the article in an HTML page, with libxml2's HTML parser.
 *
 * Metadata comes first from the page's schema.org JSON-LD (an object whose
 * @type is an Article kind, also inside arrays and @graph), then from meta
 * tags (og:, article:, name=author/date, itemprop, <link rel=canonical>),
 * then from the markup (<h1>, <title>, <time datetime>).  The text is the
 * JSON-LD articleBody when there is one; otherwise the <p> (and h2-h4)
 * paragraphs of the itemprop="articleBody" element, else of the <article>
 * with the most paragraph text, else <main>, else <body>,
 * skipping boilerplate subtrees: nav, header, footer, aside, script,
 * style, figure, figcaption, form, and elements whose class or id says
 * nav, menu, related, share, ad, promo, caption, comment and the like.
 * Each paragraph becomes one line, white space collapsed, with blank lines
 * between, after the headline: what the extractor expects.
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "input.h"

void ngi_html_init(void)
{
  xmlInitParser();
}

/* ------------------------------------------------------------ buffers */

typedef struct buf {
  char *s;
  size_t n, cap;
  int oom;
} buf;

static void buf_add(buf *b, const char *s, size_t n)
{
  if (b->oom)
    return;
  if (b->n + n + 1 > b->cap) {
    size_t ncap = b->cap > 0 ? b->cap : 1024;
    char *ns;
    while (ncap < b->n + n + 1)
      ncap *= 2;
    ns = realloc(b->s, ncap);
    if (ns == NULL) {
      b->oom = 1;
      return;
    }
    b->s = ns;
    b->cap = ncap;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

/* Append s with runs of white space (ASCII, and U+00A0) made one space;
 * `*space` carries a pending space across calls. */
static void add_collapsed(buf *b, const char *s, int *space)
{
  const unsigned char *p = (const unsigned char *)s;

  while (*p != '\0') {
    const unsigned char *q = p;
    if (isspace(*p) || (p[0] == 0xc2 && p[1] == 0xa0)) {
      p += *p == 0xc2 ? 2 : 1;
      *space = 1;
      continue;
    }
    if (*space && b->n > 0 && b->s[b->n - 1] != '\n')
      buf_add(b, " ", 1);
    *space = 0;
    /* the run up to the next white space, in one copy */
    while (*q != '\0' && !isspace(*q) && !(q[0] == 0xc2 && q[1] == 0xa0))
      q++;
    buf_add(b, (const char *)p, (size_t)(q - p));
    p = q;
  }
}

/* A copy of s, white space collapsed and trimmed; NULL when empty. */
static char *clean(const char *s)
{
  buf b = {NULL, 0, 0, 0};
  int space = 0;

  if (s == NULL)
    return NULL;
  add_collapsed(&b, s, &space);
  if (b.oom || b.n == 0) {
    free(b.s);
    return NULL;
  }
  return b.s;
}

static void set_once(char **field, const char *value)
{
  if (*field == NULL && value != NULL)
    *field = clean(value);
}

/* ------------------------------------------------------------ tree helpers */

static int name_is(xmlNode *n, const char *name)
{
  return n->type == XML_ELEMENT_NODE && n->name != NULL &&
         xmlStrcasecmp(n->name, (const xmlChar *)name) == 0;
}

/* attribute value (libxml2-allocated: xmlFree) or NULL */
static char *attr(xmlNode *n, const char *name)
{
  return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static int attr_is(xmlNode *n, const char *name, const char *value)
{
  char *v = attr(n, name);
  int r = v != NULL && strcasecmp(v, value) == 0;

  xmlFree(v);
  return r;
}

static xmlNode *find(xmlNode *n, const char *name)
{
  xmlNode *c, *r;

  for (; n != NULL; n = n->next) {
    if (name_is(n, name))
      return n;
    c = n->children;
    if (c != NULL && (r = find(c, name)) != NULL)
      return r;
  }
  return NULL;
}

/* ------------------------------------------------------------ boilerplate */

static const char *const skip_tags[] = {
  "nav", "header", "footer", "aside", "script", "style", "noscript",
  "figure", "figcaption", "form", "button", "iframe", "svg", "template",
  "select", "menu", "dialog", "video", "audio", "picture", "object", NULL
};

static const char *const skip_words[] = {
  "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
  "related", "share", "sharing", "social", "ad", "ads", "advert",
  "advertisement", "sponsor", "sponsored", "promo", "newsletter",
  "subscribe", "caption", "comment", "comments", "footer", "sidebar",
  "cookie", "cookies", "banner", "popup", "outbrain", "taboola",
  "recommended", "byline", "hidden", NULL
};

/* Whether a class/id value has one of skip_words as a word (split at
 * spaces, '-' and '_'). */
static int boiler_words(const char *v)
{
  const char *p = v;

  while (*p != '\0') {
    size_t n, i;
    while (*p == ' ' || *p == '-' || *p == '_' || *p == '\t')
      p++;
    n = strcspn(p, " -_\t");
    if (n == 0)
      break;
    for (i = 0; skip_words[i] != NULL; i++)
      if (strlen(skip_words[i]) == n && strncasecmp(p, skip_words[i], n) == 0)
        return 1;
    p += n;
  }
  return 0;
}

static int boilerplate(xmlNode *n)
{
  size_t i;
  char *v;
  int r = 0;

  for (i = 0; skip_tags[i] != NULL; i++)
    if (name_is(n, skip_tags[i]))
      return 1;
  if (xmlHasProp(n, (const xmlChar *)"hidden") != NULL ||
      attr_is(n, "aria-hidden", "true") ||
      attr_is(n, "role", "navigation") ||
      attr_is(n, "role", "complementary"))
    return 1;
  v = attr(n, "class");
  if (v != NULL)
    r = boiler_words(v);
  xmlFree(v);
  if (!r) {
    v = attr(n, "id");
    if (v != NULL)
      r = boiler_words(v);
    xmlFree(v);
  }
  return r;
}

/* ------------------------------------------------------------ body text */

/* The text of n's subtree (boilerplate left out), collapsed, into b. */
static void inline_text(xmlNode *n, buf *b, int *space)
{
  for (; n != NULL; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != NULL)
        add_collapsed(b, (const char *)n->content, space);
    } else if (n->type == XML_ELEMENT_NODE && !boilerplate(n)) {
      if (name_is(n, "br"))
        *space = 1;
      else
        inline_text(n->children, b, space);
    }
  }
}

static int is_block(xmlNode *n)
{
  return name_is(n, "p") || name_is(n, "h2") || name_is(n, "h3") ||
         name_is(n, "h4");
}

/* Paragraphs of a subtree, one per line with blank lines between. */
static void paragraphs(xmlNode *n, buf *b, size_t *count)
{
  for (; n != NULL; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || boilerplate(n))
      continue;
    if (is_block(n)) {
      size_t mark = b->n;
      int space = 0;
      if (*count > 0)
        buf_add(b, "\n\n", 2);
      inline_text(n->children, b, &space);
      if (b->n == mark + (*count > 0 ? 2 : 0))
        b->n = mark; /* an empty paragraph */
      else
        (*count)++;
      if (b->s != NULL)
        b->s[b->n] = '\0';
    } else {
      paragraphs(n->children, b, count);
    }
  }
}

/* The container of the article's body: the element marked
 * itemprop="articleBody", else the <article> (outside boilerplate) with
 * the most paragraph text, else <main>; NULL when there is none. */
static void best_article(xmlNode *n, xmlNode **best, size_t *best_len,
                         xmlNode **marked)
{
  for (; n != NULL && *marked == NULL; n = n->next) {
    if (n->type != XML_ELEMENT_NODE || boilerplate(n))
      continue;
    if (attr_is(n, "itemprop", "articleBody")) {
      *marked = n;
      return;
    }
    if (name_is(n, "article")) {
      buf b = {NULL, 0, 0, 0};
      size_t count = 0;
      paragraphs(n->children, &b, &count);
      free(b.s);
      if (*best == NULL || b.n > *best_len) {
        *best = n;
        *best_len = b.n;
      }
    }
    best_article(n->children, best, best_len, marked);
  }
}

static xmlNode *body_scope(xmlNode *root)
{
  xmlNode *best = NULL, *marked = NULL;
  size_t len = 0;

  best_article(root, &best, &len, &marked);
  if (marked != NULL)
    return marked;
  if (best != NULL && len > 0)
    return best;
  return find(root, "main");
}

/* ------------------------------------------------------------ JSON-LD */

static int article_type(json_object *o)
{
  json_object *t;
  size_t i, n;

  if (!json_object_object_get_ex(o, "@type", &t))
    return 0;
  n = json_object_is_type(t, json_type_array) ? json_object_array_length(t)
                                              : 1;
  for (i = 0; i < n; i++) {
    json_object *one = json_object_is_type(t, json_type_array)
                         ? json_object_array_get_idx(t, i) : t;
    const char *s;
    size_t l;
    if (one == NULL || !json_object_is_type(one, json_type_string))
      continue;
    s = json_object_get_string(one);
    l = strlen(s);
    if ((l >= 7 && strcmp(s + l - 7, "Article") == 0) ||
        strcmp(s, "BlogPosting") == 0 || strcmp(s, "LiveBlogPosting") == 0)
      return 1;
  }
  return 0;
}

static json_object *find_article(json_object *o, int depth)
{
  json_object *g, *r;
  size_t i;

  if (o == NULL || depth > 8)
    return NULL;
  if (json_object_is_type(o, json_type_array)) {
    for (i = 0; i < json_object_array_length(o); i++)
      if ((r = find_article(json_object_array_get_idx(o, i), depth + 1)))
        return r;
    return NULL;
  }
  if (!json_object_is_type(o, json_type_object))
    return NULL;
  if (article_type(o))
    return o;
  if (json_object_object_get_ex(o, "@graph", &g))
    return find_article(g, depth + 1);
  return NULL;
}

static const char *str_of(json_object *o, const char *key)
{
  json_object *v;

  if (!json_object_object_get_ex(o, key, &v) || v == NULL)
    return NULL;
  if (json_object_is_type(v, json_type_object) &&
      json_object_object_get_ex(v, "name", &v) == 0)
    return NULL;
  return json_object_is_type(v, json_type_string) ? json_object_get_string(v)
                                                  : NULL;
}

/* author: string, {name}, or a list of those; joined with newlines */
static char *ld_authors(json_object *o)
{
  json_object *v;
  buf b = {NULL, 0, 0, 0};
  size_t i, n = 1;

  if (!json_object_object_get_ex(o, "author", &v) || v == NULL)
    return NULL;
  if (json_object_is_type(v, json_type_array))
    n = json_object_array_length(v);
  for (i = 0; i < n; i++) {
    json_object *one = json_object_is_type(v, json_type_array)
                         ? json_object_array_get_idx(v, i) : v, *name;
    char *c;
    if (one != NULL && json_object_is_type(one, json_type_object) &&
        json_object_object_get_ex(one, "name", &name))
      one = name;
    if (one == NULL || !json_object_is_type(one, json_type_string))
      continue;
    c = clean(json_object_get_string(one));
    if (c == NULL)
      continue;
    if (b.n > 0)
      buf_add(&b, "\n", 1);
    buf_add(&b, c, strlen(c));
    free(c);
  }
  if (b.oom) {
    free(b.s);
    return NULL;
  }
  return b.s;
}

/* articleBody: its line breaks mark paragraphs */
static char *ld_body(const char *s)
{
  buf b = {NULL, 0, 0, 0};
  size_t count = 0;

  while (*s != '\0') {
    size_t n = strcspn(s, "\n");
    char *line = malloc(n + 1), *c;
    if (line == NULL)
      break;
    memcpy(line, s, n);
    line[n] = '\0';
    c = clean(line);
    free(line);
    if (c != NULL) {
      if (count++ > 0)
        buf_add(&b, "\n\n", 2);
      buf_add(&b, c, strlen(c));
      free(c);
    }
    s += n;
    if (*s == '\n')
      s++;
  }
  if (b.oom || b.n == 0) {
    free(b.s);
    return NULL;
  }
  return b.s;
}

static void json_ld(xmlNode *n, ngi_article *a, char **body)
{
  for (; n != NULL; n = n->next) {
    if (name_is(n, "script") && attr_is(n, "type", "application/ld+json")) {
      xmlChar *txt = xmlNodeGetContent(n);
      json_object *o = txt != NULL ? json_tokener_parse((char *)txt) : NULL;
      json_object *art = find_article(o, 0);
      if (art != NULL) {
        const char *s;
        set_once(&a->title, str_of(art, "headline"));
        set_once(&a->date, str_of(art, "datePublished"));
        set_once(&a->url, str_of(art, "url"));
        if (a->author == NULL)
          a->author = ld_authors(art);
        s = str_of(art, "articleBody");
        if (*body == NULL && s != NULL)
          *body = ld_body(s);
      }
      if (o != NULL)
        json_object_put(o);
      xmlFree(txt);
    } else if (n->type == XML_ELEMENT_NODE) {
      json_ld(n->children, a, body);
    }
  }
}

/* ------------------------------------------------------------ meta tags */

static void meta_tags(xmlNode *n, ngi_article *a)
{
  for (; n != NULL; n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    if (name_is(n, "meta")) {
      char *key = attr(n, "property"), *content = attr(n, "content");
      if (key == NULL)
        key = attr(n, "name");
      if (key == NULL)
        key = attr(n, "itemprop");
      if (key != NULL && content != NULL) {
        if (strcasecmp(key, "og:title") == 0 ||
            strcasecmp(key, "twitter:title") == 0 ||
            strcasecmp(key, "headline") == 0)
          set_once(&a->title, content);
        else if (strcasecmp(key, "article:published_time") == 0 ||
                 strcasecmp(key, "datePublished") == 0 ||
                 strcasecmp(key, "date") == 0 ||
                 strcasecmp(key, "pubdate") == 0 ||
                 strcasecmp(key, "dc.date") == 0 ||
                 strcasecmp(key, "dcterms.date") == 0)
          set_once(&a->date, content);
        else if (strcasecmp(key, "author") == 0 ||
                 (strcasecmp(key, "article:author") == 0 &&
                  strstr(content, "://") == NULL))
          set_once(&a->author, content);
        else if (strcasecmp(key, "og:url") == 0)
          set_once(&a->url, content);
      }
      xmlFree(key);
      xmlFree(content);
    } else if (name_is(n, "link") && attr_is(n, "rel", "canonical")) {
      char *href = attr(n, "href");
      if (href != NULL && strstr(href, "://") != NULL)
        set_once(&a->url, href);
      xmlFree(href);
    }
    meta_tags(n->children, a);
  }
}

static void set_text_of(char **field, xmlNode *n)
{
  xmlChar *t;

  if (*field != NULL || n == NULL)
    return;
  t = xmlNodeGetContent(n);
  if (t != NULL)
    *field = clean((const char *)t);
  xmlFree(t);
}

/* ------------------------------------------------------------ the page */

/* Whether the first 2 KB declare a charset (else we say UTF-8, which
 * libxml2 would not assume for HTML). */
static int declares_charset(const char *html, size_t len)
{
  size_t i, n = len < 2048 ? len : 2048;

  for (i = 0; i + 8 <= n; i++)
    if (strncasecmp(html + i, "charset=", 8) == 0)
      return 1;
  return 0;
}

/* Offset of the first byte that is not well-formed UTF-8 (overlongs,
 * surrogates and code points past U+10FFFF refused), or len. */
static size_t utf8_bad(const unsigned char *s, size_t len)
{
  size_t i = 0;

  while (i < len) {
    unsigned char c = s[i];
    size_t n, k;
    unsigned long cp;

    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (len - i <= n)
      return i;
    for (k = 1; k <= n; k++) {
      if ((s[i + k] & 0xc0) != 0x80)
        return i;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((n == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (n == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return i;
    i += n + 1;
  }
  return len;
}

/* libxml2's HTML parser stops at 256 open elements and drops the rest of
 * the page without an error we can see (HTML_PARSE_NOERROR): a tree that
 * deep is refused rather than cut.  Walked without recursion. */
#define HTML_MAX_DEPTH 250
static int too_deep(xmlNode *root)
{
  xmlNode *n = root;
  int depth = 0;

  while (n != NULL) {
    if (n->children != NULL) {
      n = n->children;
      if (++depth >= HTML_MAX_DEPTH)
        return 1;
      continue;
    }
    while (n != NULL && n->next == NULL && n != root) {
      n = n->parent;
      depth--;
    }
    if (n == NULL || n == root)
      break;
    n = n->next;
  }
  return 0;
}

int ngi_html_article(const char *html, size_t len, const char *url,
                     ngi_article *a, char *err)
{
  htmlDocPtr doc;
  xmlNode *root, *body, *scope, *t;
  char *ld_text = NULL;
  buf b = {NULL, 0, 0, 0};
  size_t count = 0;

  memset(a, 0, sizeof *a);
  if (len > (size_t)0x7fffffff) {
    snprintf(err, NGI_INPUT_ERRLEN, "page too large");
    return -1;
  }
  {
    /* what the extractor refuses in text, refused in pages too: NUL
     * bytes, and bad UTF-8 unless the page names its charset */
    const char *nul = memchr(html, '\0', len);
    size_t bad;
    if (nul != NULL) {
      snprintf(err, NGI_INPUT_ERRLEN, "binary data: NUL byte at offset %lu",
               (unsigned long)(nul - html));
      return -1;
    }
    if (!declares_charset(html, len) &&
        (bad = utf8_bad((const unsigned char *)html, len)) < len) {
      snprintf(err, NGI_INPUT_ERRLEN, "invalid UTF-8 at byte %lu (and no "
               "charset declared)", (unsigned long)bad);
      return -1;
    }
  }
  doc = htmlReadMemory(html, (int)len, url,
                       declares_charset(html, len) ? NULL : "UTF-8",
                       HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                       HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                       HTML_PARSE_COMPACT);
  root = doc != NULL ? xmlDocGetRootElement(doc) : NULL;
  if (root == NULL) {
    if (doc != NULL)
      xmlFreeDoc(doc);
    snprintf(err, NGI_INPUT_ERRLEN, "not an HTML page");
    return -1;
  }
  if (too_deep(root)) {
    xmlFreeDoc(doc);
    snprintf(err, NGI_INPUT_ERRLEN, "HTML nested more than %d elements "
             "deep (libxml2 stops at 256: the rest of the page would be "
             "lost)", HTML_MAX_DEPTH);
    return -1;
  }
  if (url != NULL)
    a->url = clean(url);
  json_ld(root, a, &ld_text);
  meta_tags(root, a);

  body = find(root, "body");
  scope = body_scope(root);
  if (scope == NULL)
    scope = body != NULL ? body : root;
  t = find(scope->children, "h1");
  if (t == NULL && body != NULL)
    t = find(body->children, "h1");
  set_text_of(&a->title, t);
  set_text_of(&a->title, find(root, "title"));
  if (a->date == NULL && (t = find(scope->children, "time")) != NULL) {
    char *dt = attr(t, "datetime");
    set_once(&a->date, dt);
    xmlFree(dt);
  }

  if (ld_text != NULL) {
    b.s = ld_text;
    b.n = b.cap = strlen(ld_text);
    b.cap++;
  } else {
    paragraphs(scope->children, &b, &count);
    if (count == 0 && scope != body && body != NULL)
      paragraphs(body->children, &b, &count);
  }
  xmlFreeDoc(doc);
  if (b.oom) {
    free(b.s);
    ngi_article_release(a);
    snprintf(err, NGI_INPUT_ERRLEN, "out of memory");
    return -1;
  }
  if (b.n == 0) {
    free(b.s);
    ngi_article_release(a);
    snprintf(err, NGI_INPUT_ERRLEN, "no article text in the page (no "
             "paragraphs, no JSON-LD articleBody)");
    return -1;
  }
  a->text = b.s;
  a->len = b.n;
  return 0;
}
