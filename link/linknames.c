/* linknames.c - the name side of the entity linker: folding spellings,
 * edit distance, parsing a person's label into given names, surname and
 * suffix, and whether two names, genders and role sets fit each other.
 * link.c decides with them. */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph.h"
#include "graph/iri.h"
#include "link.h"
#include "util/str.h"

void
ngi_link_fold(const char *t, char *out, size_t n)
{
  size_t o = 0;

  if(n == 0)
    return;
  while(*t && o + 1 < n) {
    char c = *t, d = t[1];
    char r = c;
    size_t skip = 1;

    if(c == 'k' && d == 's') { r = 'x'; skip = 2; }
    else if(c == 'k' && d == 'h') { r = 'h'; skip = 2; }
    else if(c == 'p' && d == 'h') { r = 'f'; skip = 2; }
    else if(c == 'c' && d == 'k') { r = 'k'; skip = 2; }
    else if(c == 'd' && d == 'h') { r = 'd'; skip = 2; }
    else if(c == 'w') r = 'v';
    else if(c == 'q') r = 'k';
    else if(c == 'y') r = 'i';
    t += skip;
    if(o > 0 && out[o - 1] == r)
      continue; /* doubled letters once */
    out[o++] = r;
  }
  out[o] = '\0';
}

size_t
ngi_link_distance(const char *a, const char *b, size_t cap)
{
  size_t la = strlen(a), lb = strlen(b), i, j;
  size_t row[64], prev;

  if(la >= 63 || lb >= 63)
    return cap + 1;
  if((la > lb ? la - lb : lb - la) > cap)
    return cap + 1;
  for(j = 0; j <= lb; j++)
    row[j] = j;
  for(i = 1; i <= la; i++) {
    size_t best;
    prev = row[0];
    row[0] = i;
    best = row[0];
    for(j = 1; j <= lb; j++) {
      size_t cur = row[j];
      size_t v = prev + (a[i - 1] != b[j - 1]);
      if(row[j] + 1 < v)
        v = row[j] + 1;
      if(row[j - 1] + 1 < v)
        v = row[j - 1] + 1;
      row[j] = v;
      prev = cur;
      if(v < best)
        best = v;
    }
    if(best > cap)
      return cap + 1;
  }
  return row[lb] > cap ? cap + 1 : row[lb];
}

static const char *const particles[] = {
  "de", "van", "von", "der", "den", "del", "della", "da", "di", "du", "la",
  "le", "al", "el", "bin", "ibn", "ter", "st", "dos", "das", NULL
};
static const char *const suffixes[] = {
  "jr", "sr", "ii", "iii", "iv", NULL
};
static const char *const male_forms[] = {
  "Mr", "Mr.", "Lord", "Sir", "Sheikh", "King", "Prince", "Pope", NULL
};
static const char *const female_forms[] = {
  "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Lady", "Dame", "Baroness", "Queen",
  "Princess", NULL
};
/* forms that take a given name: "Sir John" is not a surname */
static const char *const given_forms[] = {
  "Sir", "Dame", "King", "Queen", "Prince", "Princess", "Pope", "Saint",
  NULL
};
/* titles that go with a given name: "Prince William", "Pope Francis" */
static const char *const royal[] = {
  "prince", "princes", "princess", "king", "queen", "pope", "duke",
  "duchess", "emperor", "empress", "sultan", "emir", "saint", "sir", "dame",
  NULL
};
static const char *const role_stop[] = {
  "former", "the", "of", "and", "for", "ex", "then", "new", "acting",
  "senior", "chief", "deputy", "a", "an", "in", "to", "on", NULL
};

int
ngi_link_in_words(const char *const *list, const char *s)
{
  for(; *list; list++)
    if(!strcmp(*list, s))
      return 1;
  return 0;
}

/* Words of a string split at spaces, in place on a copy (caller frees
 * *buf). */
static size_t
split(const char *s, char **buf, char **tok, size_t max)
{
  size_t n = 0;
  char *p;

  *buf = ngi_str_dup(s);
  if(!*buf)
    return 0;
  for(p = *buf; *p && n < max;) {
    while(*p == ' ' || *p == '\t')
      *p++ = '\0';
    if(!*p)
      break;
    tok[n++] = p;
    while(*p && *p != ' ' && *p != '\t')
      p++;
  }
  return n;
}

/* The slug of one token, without its hyphens turned into word breaks. */
static char *
tok_slug(const char *t)
{
  return ngi_slug(t);
}

void
ngi_link_parse_name(linker *L, person *p)
{
  char *buf = NULL, *tok[16], *sl[16];
  size_t n, i, s0;
  int single_given = 0;
  char honor;

  p->kind = K_SKIP;
  n = split(p->label, &buf, tok, 16);
  if(!buf) {
    NOMEM(L);
    return;
  }
  for(i = 0; i < n; i++)
    sl[i] = NULL;
  for(i = 0; i < n; i++) {
    if(strchr(tok[i], '\'') && i == n - 1 && n == 1)
      goto done; /* "I'm" */
    if(isdigit((unsigned char)tok[i][0]))
      goto done;
    sl[i] = tok_slug(tok[i]);
    if(!sl[i]) {
      NOMEM(L);
      goto done;
    }
  }
  while(n > 1 && ngi_link_in_words(suffixes, sl[n - 1])) {
    snprintf(p->suffix, sizeof p->suffix, "%s", sl[n - 1]);
    free(sl[--n]);
    sl[n] = NULL;
  }
  if(n == 0)
    goto done;
  /* surname: the last word with the particles before it */
  s0 = n - 1;
  while(s0 > 1 && ngi_link_in_words(particles, sl[s0 - 1]))
    s0--;
  {
    size_t len = 0, k;
    for(k = s0; k < n; k++)
      len += strlen(sl[k]) + 1;
    p->surname = malloc(len + 1);
    if(!p->surname) {
      NOMEM(L);
      goto done;
    }
    p->surname[0] = '\0';
    for(k = s0; k < n; k++) {
      if(k > s0)
        strcat(p->surname, "-");
      strcat(p->surname, sl[k]);
    }
    ngi_link_fold(p->surname, p->sfold, sizeof p->sfold);
  }
  for(i = 0; i < s0; i++) {
    /* "H.W." -> "h-w": two initials */
    char *q = sl[i];
    if(strlen(q) == 3 && q[1] == '-') {
      char a[2] = { q[0], 0 }, b[2] = { q[2], 0 };
      if(ngi_link_spush(&p->given, &p->ngiven, &p->capgiven,
                        ngi_str_dup(a)) ||
         ngi_link_spush(&p->given, &p->ngiven, &p->capgiven,
                        ngi_str_dup(b))) {
        NOMEM(L);
        goto done;
      }
      continue;
    }
    if(ngi_link_spush(&p->given, &p->ngiven, &p->capgiven, sl[i])) {
      NOMEM(L);
      goto done;
    }
    sl[i] = NULL;
  }
  for(i = 0; i < p->ngiven; i++)
    if(!p->given[i]) {
      NOMEM(L);
      goto done;
    }
  /* gender from forms of address, then from the first given name */
  for(i = 0; i < p->nalt; i++) {
    const char *a = p->alts[i];
    size_t k;
    char g = 0;
    for(k = 0; male_forms[k]; k++) {
      size_t l = strlen(male_forms[k]);
      if(!strncmp(a, male_forms[k], l) && a[l] == ' ')
        g = 'M';
    }
    for(k = 0; female_forms[k]; k++) {
      size_t l = strlen(female_forms[k]);
      if(!strncmp(a, female_forms[k], l) && a[l] == ' ')
        g = 'F';
    }
    for(k = 0; given_forms[k]; k++) {
      size_t l = strlen(given_forms[k]);
      if(!strncmp(a, given_forms[k], l) && a[l] == ' ' &&
         !strchr(a + l + 1, ' '))
        single_given = 1; /* "Sir John": a given name alone */
    }
    if(!strncmp(a, "Lord ", 5) || !strncmp(a, "Lady ", 5) ||
       !strncmp(a, "Baroness ", 9) || !strncmp(a, "Baron ", 6))
      p->peer = 1;
    if(g && !p->form[0]) {
      /* the form itself, lower case, without its full stop */
      size_t l = strcspn(a, " .");
      if(l < sizeof p->form) {
        for(k = 0; k < l; k++)
          p->form[k] = (char)tolower((unsigned char)a[k]);
        p->form[l] = '\0';
      }
    }
    if(g && p->gender && p->gender != g)
      p->gender = 'X';
    else if(g && !p->gender)
      p->gender = g;
  }
  honor = p->gender;
  if(p->ngiven > 0 && strlen(p->given[0]) > 1) {
    int v = ngi_smap_get(&L->given_gender, p->given[0], 0);
    if(v == 'M' || v == 'F') {
      /* a given name of one gender outweighs forms of address that
       * contradict it: "Mrs Howard" merged into Michael Howard by one
       * article is that article's mistake, ignored here, not a reason
       * to keep every "Mr Howard" of the store away from him */
      if(p->gender && p->gender != v)
        p->gconflict = 1;
      p->gender = (char)v;
    }
  }
  for(i = 0; i < n; i++)
    if(strchr(tok[i], '-') && islower((unsigned char)
                                      strchr(tok[i], '-')[1]))
      goto done; /* "Paris-based Euronext" */
  if(ngi_smap_get(&L->places, p->surname, 0))
    goto done; /* "Wales", "Said Wales": places, not people */
  for(i = 0; i < p->nrole; i++)
    if(ngi_link_in_words(royal, p->roles[i]))
      single_given = 1; /* "William", a prince: a given name */
  if(p->ngiven > 0 && ngi_link_in_words(royal, p->given[0]))
    goto done; /* "Princes William" */
  if(p->ngiven == 0) {
    /* one word: a surname only when a form of address says so ("Mr
     * Blair") or the article gives a role; never a given name alone */
    if(single_given || (!p->gender && p->nrole == 0))
      goto done;
    p->kind = K_SURNAME;
  } else {
    p->kind = K_INITIAL;
    for(i = 0; i < p->ngiven; i++)
      if(strlen(p->given[i]) > 1) {
        /* a full name: its first given name must be one, unless forms
         * of address show a person ("Troubled Marsh") */
        if(ngi_smap_get(&L->given_gender, p->given[i], 0) == 0 && !honor)
          goto done;
        p->kind = K_FULL;
        break;
      }
  }
done:
  for(i = 0; i < 16 && i < n; i++)
    free(sl[i]);
  free(buf);
}

/* 1 when role sets are both non-empty and share a content word; 0 when
 * either is empty; -1 when both have roles and none shares a word. */
int
ngi_link_roles_fit(char **ra, size_t na, char **rb, size_t nb)
{
  size_t i, j, x, y;

  if(na == 0 || nb == 0)
    return 0;
  for(i = 0; i < na; i++) {
    char *ba = NULL, *ta[12];
    size_t nta = split(ra[i], &ba, ta, 12);
    for(j = 0; j < nb; j++) {
      char *bb = NULL, *tb[12];
      size_t ntb = split(rb[j], &bb, tb, 12);
      for(x = 0; x < nta; x++) {
        if(ngi_link_in_words(role_stop, ta[x]))
          continue;
        for(y = 0; y < ntb; y++)
          if(!strcmp(ta[x], tb[y])) {
            free(bb);
            free(ba);
            return 1;
          }
      }
      free(bb);
    }
    free(ba);
  }
  return -1;
}

int
ngi_link_same_title(const person *a, const person *b)
{
  size_t i;

  for(i = 0; i < a->nrole; i++)
    if(ngi_link_sfind(b->roles, b->nrole, a->roles[i]))
      return 1;
  return 0;
}

int
ngi_link_gender_fits(const person *a, const person *b)
{
  if(a->gender == 'X' || b->gender == 'X')
    return 0;
  return !a->gender || !b->gender || a->gender == b->gender;
}

static int
is_initial_of(const char *init, const char *name)
{
  return strlen(init) == 1 && name[0] == init[0];
}

/* A given name of x fits one of f: equal, an initial of it, or (when
 * variants is set) a spelling variant; *variant says which. */
static int
given_fits(linker *L, const char *x, const char *f, int *variant)
{
  char fx[128], ff[128];
  int gx, gf;

  if(!strcmp(x, f) || is_initial_of(x, f))
    return 1;
  if(strlen(x) < 2 || strlen(f) < 2)
    return 0;
  ngi_link_fold(x, fx, sizeof fx);
  ngi_link_fold(f, ff, sizeof ff);
  if(!strcmp(fx, ff)) {
    *variant = *variant > 1 ? *variant : 1;
    return 1;
  }
  gx = ngi_smap_get(&L->variants, x, 0);
  gf = ngi_smap_get(&L->variants, f, 0);
  if(gx && gx == gf) {
    *variant = *variant > 2 ? *variant : 2;
    return 1;
  }
  if(strlen(x) >= 6 && strlen(f) >= 6 && x[0] == f[0] &&
     ngi_link_distance(x, f, 1) <= 1) {
    *variant = 3;
    return 1;
  }
  return 0;
}

/* Does x name f in fewer or other-spelt words?  x's given names must fit
 * f's in order (f may have more: middle names); the first ones must fit.
 * *variant: 0 exact, 1 transliteration, 2 variant table, 3 one letter.
 * *shorter: x says less than f. */
int
ngi_link_name_fits(linker *L, const person *x, const person *f, int *variant,
          int *shorter)
{
  size_t i = 0, j = 0;

  *variant = 0;
  *shorter = 0;
  if(strcmp(x->suffix, f->suffix) && x->kind == K_FULL)
    return 0; /* Hank Williams and Hank Williams Jr */
  if(strcmp(x->surname, f->surname))
    *variant = 1;
  if(x->ngiven == 0) {
    *shorter = 1;
    return 1;
  }
  if(f->ngiven == 0 || !given_fits(L, x->given[0], f->given[0], variant))
    return 0;
  if(strlen(x->given[0]) < strlen(f->given[0]) && strlen(x->given[0]) == 1)
    *shorter = 1;
  for(i = 1, j = 1; i < x->ngiven; i++) {
    while(j < f->ngiven && !given_fits(L, x->given[i], f->given[j], variant))
      j++;
    if(j == f->ngiven)
      return 0;
    if(strlen(x->given[i]) == 1 && strlen(f->given[j]) > 1)
      *shorter = 1;
    j++;
  }
  if(f->ngiven > x->ngiven)
    *shorter = 1;
  /* f must not be shorter anywhere (it would be two different ways) */
  return 1;
}

