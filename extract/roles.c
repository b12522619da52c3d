/* roles.c - roles of persons, and what descriptions and pronouns point at.
 *
 * A role is read from the words around a name: before it ("Russian Foreign
 * Minister Sergei Lavrov", "former US Marine P. Whelan", "Haifa University
 * geostrategy expert and former Israeli security official, Avinoam Idan")
 * or in an apposition after it ("Dmitry Peskov, the Kremlin spokesman,").
 * Title words come from the titles lexicon; a place or capitalised run
 * before them is the organisation, as is "of X" after the name.
 * Descriptions ("the Russian president") resolve to the person holding
 * that role, else to the most recent person who may hold it (resolve.c),
 * and give that person the role when its title is an office.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "roles.h"
#include "textutil.h"

int ngi_role_stop(const ngi_tok *t) {
  static const char *const S[] = {
      "the", "a", "an", "of", "to", "in", "on", "at", "by", "with", "for",
      "and", "or", "but", "as", "from", "that", "this", "his", "her", "its",
      "their", "our", "who", "which", "was", "is", "has", "had", "have", "be",
      "been", "were", "are", "will", "would", "not", "also", "after",
      "before", "than", "then", "when", "while", "where", "into", "over",
      "about", "said", "says", "under", "via", "per", "against", "among",
      "during", "without", "within", "including", "across", "toward",
      "towards", "through", "between", "since", "until", "upon", "despite",
      "like", "unlike", "behind", "beyond", "near", "off", "out", "up",
      "down", "both", "either", "neither", "each", "every", "any", "some",
      "all", "most", "more", "less", "such", NULL};
  for (int i = 0; S[i]; i++)
    if (ngi_tok_is(t, S[i]))
      return 1;
  return 0;
}

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n > m + 2 && strcmp(s + n - m, suf) == 0;
}

/* A word that says how good, known or new someone is, not what post they
 * hold: "the great playwright", "top adviser", "new coach" (the class
 * evaluative of cue-words.tsv), or "then".  Kept out of the title's label
 * when a title follows it. */
static int evaluative_word(const ng_doc *d, const ngi_tok *t) {
  return ngi_tok_cue(d->lex, t, NGI_CUE_EVALUATIVE) || ngi_tok_is(t, "then");
}

static int evaluative(const ng_doc *d, const ngi_tok *t) {
  return (!(t->flags & (T_CAP | T_ALLCAPS)) || (t->flags & T_SSTART)) &&
         evaluative_word(d, t);
}

/* First token of the title proper in [ts, te): evaluative words left
 * out, the last word always kept. */
int ngi_skip_evaluative(const ng_doc *d, int ts, int te) {
  while (ts + 1 < te && evaluative(d, &d->toks[ts]))
    ts++;
  return ts;
}

/* Is the word at k, which opens a sentence, a name: capitalised on its
 * own in the middle of a sentence nearby ("Whig leader X" when the
 * article also writes "the Whig benches"; not "Gala" from "the
 * Harbour Film Gala")?  Looks at most 2,000 tokens either way. */
static int proper_alone(const ng_doc *d, int k) {
  const ngi_tok *w = &d->toks[k];
  if (evaluative_word(d, w) || ngi_tok_is(w, "former"))
    return 0;
  int a = k > 2000 ? k - 2000 : 1, b = k + 2000;
  if (b > (int)d->ntoks - 1)
    b = (int)d->ntoks - 1;
  for (int x = a; x < b; x++) {
    const ngi_tok *t = &d->toks[x];
    if (x == k || (t->flags & (T_SSTART | T_INQ)) || !(t->flags & T_CAP) ||
        t->h != w->h || strcmp(t->low, w->low) != 0)
      continue;
    const ngi_tok *p = &d->toks[x - 1], *n = &d->toks[x + 1];
    if ((p->flags & T_WORD) && !(p->flags & (T_CAP | T_ALLCAPS)) &&
        !((n->flags & T_WORD) && (n->flags & (T_CAP | T_ALLCAPS))))
      return 1;
  }
  return 0;
}

/* A lower-case word that may stand before a title: "arms", "security". */
int ngi_modifier_ok(const ng_doc *d, int j) {
  const ngi_tok *t = &d->toks[j];
  if (!(t->flags & T_WORD) || (t->flags & (T_NUM | T_CAP | T_INQ | T_POSS)))
    return 0;
  if (strlen(t->low) < 3 || ngi_role_stop(t) || ngi_speech_at(d, j) ||
      ngi_map_get(&d->lex->timeword, t->low, NULL))
    return 0;
  /* verbs that put a title next to a capitalised word: "Acme brought
   * striker X on", "Acme sign winger X" (the class title-verb of
   * cue-words.tsv), and the modals and "do" */
  static const char *const V[] = {"can", "could", "should", "must", "may",
                                  "might", "shall", "did", "does", "do",
                                  NULL};
  if (ngi_tok_cue(d->lex, t, NGI_CUE_TITLE_VERB))
    return 0;
  for (int i = 0; V[i]; i++)
    if (ngi_tok_is(t, V[i]))
      return 0;
  return !ends_with(t->low, "ly") && !ends_with(t->low, "ed") &&
         !ends_with(t->low, "ing");
}

/* A title word only through its plural ("Representatives"): a title only
 * right before the names it qualifies ("Presidents X and Y"). */
static int plural_only(const ng_doc *d, int k) {
  const ngi_tok *t = &d->toks[k];
  return !ngi_map_get(&d->lex->title, t->low, NULL);
}

int ngi_title_head(const ng_doc *d, int j) {
  int k = ngi_title_kind(d, j);
  if (k == NGI_TITLE_OFFICE || k == NGI_TITLE_OCCUPATION)
    return 1;
  /* the last word of a title phrase: "opposition figure",
   * "secretary of state" */
  char buf[256];
  for (int n = 2; n <= 4 && j - n + 1 >= 0; n++) {
    int t0 = j - n + 1;
    if (d->toks[t0].sent != d->toks[j].sent)
      break;
    ngi_join_low((ng_doc *)d, t0, j + 1, buf, sizeof buf);
    intptr_t v;
    if (ngi_map_get(&d->lex->title, buf, &v) &&
        (v == NGI_TITLE_OFFICE || v == NGI_TITLE_OCCUPATION))
      return 1;
  }
  return 0;
}

/* Title-cased copy of tokens [t0, t1), "former" left out. */
const char *ngi_title_text(ng_doc *d, int t0, int t1) {
  char buf[256];
  size_t n = 0;
  for (int i = t0; i < t1; i++) {
    const ngi_tok *t = &d->toks[i];
    if (ngi_tok_is(t, "former") || (t->flags & T_PUNCT))
      continue;
    const char *w = d->text + t->b;
    size_t l = t->be - t->b;
    if (n + l + 2 >= sizeof buf)
      break;
    if (n)
      buf[n++] = ' ';
    int small = ngi_tok_is(t, "of") || ngi_tok_is(t, "and") ||
                ngi_tok_is(t, "for") || ngi_tok_is(t, "the");
    memcpy(buf + n, small ? t->low : w, l);
    if (!small && buf[n] >= 'a' && buf[n] <= 'z')
      buf[n] -= 32;
    if (l > 3 && t->low[0] == 'e' && t->low[1] == 'x' && t->low[2] == '-' &&
        buf[n + 3] >= 'a' && buf[n + 3] <= 'z')
      buf[n + 3] -= 32; /* "Ex-President" */
    n += l;
    /* "Presidents X and Y": each holds the singular title */
    if (i == t1 - 1 && l > 3 && buf[n - 1] == 's' &&
        !ngi_map_get(&d->lex->title, t->low, NULL) && ngi_title_kind(d, i))
      n--;
  }
  return ngi_strndup(&d->arena, buf, n);
}

ng_status ngi_add_role(ng_doc *d, int pi, const char *title,
                       const char *org, int former) {
  if (pi < 0 || !title || !*title)
    return NG_OK;
  ngi_pers *p = &d->pers[pi];
  /* "Ex-Chancellor": a former chancellor's role, under its own words */
  const char *ex = NULL;
  if ((title[0] == 'E' || title[0] == 'e') && title[1] == 'x' &&
      title[2] == '-' && title[3]) {
    ex = title;
    title += 3;
    former = 1;
  }
  size_t tl = strlen(title), ol = org ? strlen(org) : 0;
  char *label = ngi_alloc(&d->arena, tl + ol + 16);
  if (!label)
    return NG_ENOMEM;
  size_t n = 0;
  if (ex) {
    memcpy(label, ex, 3);
    n = 3;
  } else if (former) {
    memcpy(label, "Former ", 7);
    n = 7;
  }
  memcpy(label + n, title, tl);
  n += tl;
  if (org) {
    memcpy(label + n, " of ", 4);
    memcpy(label + n + 4, org, ol);
    n += 4 + ol;
  }
  label[n] = '\0';
  for (size_t i = 0; i < p->nroles; i++) {
    ngi_role *r = &p->roles[i];
    if (strcmp(r->title, title) == 0 && r->former == former) {
      if (!r->org && org) {
        r->org = org;
        r->label = label;
      }
      return NG_OK;
    }
  }
  ngi_role *r = NGI_PUSH(&d->arena, p->roles, p->nroles, p->caproles);
  if (!r)
    return NG_ENOMEM;
  r->title = title;
  r->org = org;
  r->label = label;
  r->former = former;
  return NG_OK;
}

/* The organisation named by tokens [t0, t1): a place's canonical name, a
 * known organisation, or the words as printed. */
const char *ngi_role_org_name(ng_doc *d, int t0, int t1) {
  if (t1 <= t0)
    return NULL;
  int m = d->toks[t0].ment;
  if (m >= 0 && d->ments[m].t0 == t0 && d->ments[m].t1 == t1 &&
      (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG) &&
      ngi_ment_entity(d, m) >= 0) {
    intptr_t v;
    /* metonyms keep their own name: "Kremlin spokesman" */
    if (d->ments[m].kind == M_PLACE &&
        ngi_place_at(d, t0, t1, &v) == t1 - t0 &&
        NGI_PLACE_KIND(v) == NGI_PLACE_METONYM)
      return ngi_span_text(d, t0, t1);
    return d->orgs[d->ments[m].entity].label;
  }
  intptr_t v; /* inside a description: "the US ambassador" */
  if (ngi_place_at(d, t0, t1, &v) == t1 - t0 &&
      NGI_PLACE_KIND(v) != NGI_PLACE_METONYM)
    return d->lex->places[NGI_PLACE_INDEX(v)].name;
  return ngi_span_text(d, t0, t1);
}

/* Organisation run ending at token k (inclusive), capitalised words. */
static int org_start(const ng_doc *d, int k, int s0) {
  int j = k;
  while (j >= s0 && (d->toks[j].flags & (T_CAP | T_ALLCAPS)) &&
         (d->toks[j].flags & T_WORD) && !ngi_is_honorific(d, j) &&
         !(d->toks[j].ment >= 0 && d->ments[d->toks[j].ment].kind == M_PERSON))
    j--;
  return j + 1;
}

/* A place, a known organisation, an acronym or a name with an
 * organisation word: "Kremlin", "AU", "Haifa University" -- not
 * "Incumbent". */
int ngi_looks_like_org(const ng_doc *d, int t0, int t1) {
  for (int i = t0; i < t1; i++) {
    const ngi_tok *t = &d->toks[i];
    int m = t->ment;
    if (m >= 0 && (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG))
      return 1;
    intptr_t v; /* inside a description: "the Kremlin spokesman" */
    if (ngi_place_at(d, i, t1, &v) > 0)
      return 1;
    if ((t->flags & T_ALLCAPS) ||
        ngi_map_get(&d->lex->orgword, t->low, NULL))
      return 1;
  }
  return 0;
}

/* Do tokens k and k + 1 make a title of the lexicon ("lord
 * chancellor")? */
static int title_phrase_at(const ng_doc *d, int k) {
  char buf[256];
  intptr_t v;
  if (d->toks[k].sent != d->toks[k + 1].sent)
    return 0;
  ngi_join_low((ng_doc *)d, k, k + 2, buf, sizeof buf);
  return ngi_map_get(&d->lex->title, buf, &v) && v == NGI_TITLE_OFFICE;
}

/* Roles written before the mention that starts at token t0. */
static ng_status roles_before(ng_doc *d, int pi, int t0, int s0, int depth) {
  int j = t0 - 1;
  /* the person's own form of address after the title: "Lord Chancellor
   * Lord Falconer", "Attorney General Lord Goldsmith" */
  if (j - 1 > s0 && ngi_is_honorific(d, j) && ngi_title_kind(d, j - 1))
    j--;
  /* "Chief Executive of Hong Kong Carrie Lam" */
  if (j > s0 + 1 && d->toks[j].ment >= 0 && depth == 0) {
    const ngi_ment *om = &d->ments[d->toks[j].ment];
    int of = om->t0 - 1;
    if ((om->kind == M_PLACE || om->kind == M_ORG) && om->t1 == t0 &&
        of > s0 && ngi_tok_is(&d->toks[of], "of") && ngi_title_head(d, of - 1)) {
      int ts = of - 1;
      while (ts > s0 && ngi_title_kind(d, ts - 1) &&
             !(d->toks[ts - 1].ment >= 0))
        ts--;
      return ngi_add_role(d, pi, ngi_title_text(d, ts, of),
                      ngi_role_org_name(d, om->t0, om->t1), 0);
    }
  }
  /* "A spokesman for Acme Builders, Dr Smith," / "The chief executive of
   * Acme, John Smith," */
  int cm = j;
  if (cm > s0 && ngi_is_honorific(d, cm))
    cm--;
  if (depth == 0 && cm > s0 + 2 && ngi_tok_is(&d->toks[cm], ",") &&
      (d->toks[cm - 1].flags & (T_CAP | T_ALLCAPS))) {
    int r = org_start(d, cm - 1, s0);
    while (r - 2 > s0 && cm - r < 6 && (ngi_tok_is(&d->toks[r - 1], "of") ||
                                       ngi_tok_is(&d->toks[r - 1], "and")) &&
           (d->toks[r - 2].flags & (T_CAP | T_ALLCAPS)))
      r = org_start(d, r - 2, s0); /* "Bank of England" */
    int rt = r > s0 && ngi_tok_is(&d->toks[r - 1], "the") ? r - 1 : r;
    if (rt > s0 + 1 && r < cm && cm - r < 6 &&
        (ngi_tok_is(&d->toks[rt - 1], "of") ||
         ngi_tok_is(&d->toks[rt - 1], "for")) && ngi_title_head(d, rt - 2)) {
      int ts = rt - 2;
      while (ts - 1 >= s0 && ts > rt - 5 &&
             (ngi_title_kind(d, ts - 1) || ngi_modifier_ok(d, ts - 1)))
        ts--;
      const ngi_tok *b = ts > s0 ? &d->toks[ts - 1] : NULL;
      if (!b || ngi_tok_is(b, "a") || ngi_tok_is(b, "an") ||
          ngi_tok_is(b, "the") || (b->flags & (T_PUNCT | T_QUOTE)))
        return ngi_add_role(d, pi, ngi_title_text(d, ts, rt - 1),
                        ngi_role_org_name(d, r, cm), 0);
    }
  }
  int comma = 0;
  if (j > s0 && ngi_tok_is(&d->toks[j], ",") && ngi_title_head(d, j - 1) &&
      !(d->toks[j - 1].ment >= 0 &&
        d->ments[d->toks[j - 1].ment].kind == M_PERSON))
    j--, comma = 1;
  int k = j, lower = 0, any_head = 0;
  while (k >= s0) {
    const ngi_tok *t = &d->toks[k];
    /* "the union's general secretary": the possessor is no title word */
    if ((t->flags & T_INQ) || (t->flags & T_POSS))
      break;
    if (ngi_title_kind(d, k) && (k == j || !plural_only(d, k)) &&
        !(t->ment >= 0 && d->ments[t->ment].kind != M_DESC)) {
      any_head |= ngi_title_head(d, k);
      lower = 0;
      k--;
      continue;
    }
    /* the first word of a title phrase of the lexicon that is no title
     * alone: "Lord" of "Lord Chancellor" */
    if (k < j && title_phrase_at(d, k)) {
      lower = 0;
      k--;
      continue;
    }
    if ((ngi_tok_is(t, "of") || ngi_tok_is(t, "and")) && k - 1 >= s0 &&
        k < j && (ngi_title_kind(d, k - 1) ||
                  (ngi_tok_is(t, "and") && ngi_modifier_ok(d, k - 1) &&
                   !ngi_title_head(d, k + 1)))) {
      k--;
      continue;
    }
    if (lower < 2 && k < j && ngi_modifier_ok(d, k) && ngi_title_kind(d, k + 1)) {
      lower++;
      k--;
      continue;
    }
    if (lower < 2 && k < j && ngi_modifier_ok(d, k) && lower == 1) {
      lower++;
      k--;
      continue;
    }
    break;
  }
  if (!any_head)
    return NG_OK;
  /* "Title, Name" in a list ("...; Bishop, Smith; ...") is a team sheet,
   * not an apposition */
  if (comma && k >= s0 && (d->toks[k].flags & T_PUNCT))
    return NG_OK;
  /* an adjective too: "was hopeful Smith would" is no title, "the
   * Democrat hopeful Smith" is */
  if (ngi_tok_is(&d->toks[j], "hopeful") &&
      !(j - 1 >= s0 && (ngi_title_kind(d, j - 1) ||
                        ((d->toks[j - 1].flags & (T_CAP | T_ALLCAPS)) &&
                         !(d->toks[j - 1].flags & T_SSTART)))))
    return NG_OK;
  int ts = k + 1; /* title span [ts, j] */
  while (ts <= j && !ngi_title_kind(d, ts) && !ngi_modifier_ok(d, ts) &&
         !(ts < j && title_phrase_at(d, ts)))
    ts++;
  ts = ngi_skip_evaluative(d, ts, j + 1);
  /* organisation and "former" before the title */
  const char *org = NULL;
  int former = 0, os = k + 1;
  if (k >= s0 && (d->toks[k].flags & (T_CAP | T_ALLCAPS))) {
    os = org_start(d, k, s0);
    if (os < k && ngi_tok_is(&d->toks[os], "the"))
      os++; /* "The Acme Party leader X" */
    if (os <= k && ngi_looks_like_org(d, os, k + 1)) {
      org = ngi_role_org_name(d, os, k + 1);
    } else {
      /* a capitalised qualifier of up to three words: the team, firm,
       * party or work ("Exeter fly-half", "Acme chief executive",
       * "Oscar nominee"), not a sentence's first word ("Incumbent
       * President X") */
      int ok = os <= k && k - os < 3;
      /* not the end of a longer name: "ex-Downing Street", "The Lord
       * of the Rings" */
      if (ok && os - 1 >= s0) {
        const ngi_tok *p = &d->toks[os - 1];
        if ((p->flags & T_WORD) && !(p->flags & (T_CAP | T_ALLCAPS)))
          for (size_t c = p->b; c < p->be; c++)
            if (d->text[c] >= 'A' && d->text[c] <= 'Z')
              ok = 0;
        int q = os - 1;
        while (q > s0 && q >= os - 2 &&
               (ngi_tok_is(&d->toks[q], "of") ||
                ngi_tok_is(&d->toks[q], "the") ||
                ngi_tok_is(&d->toks[q], "and")))
          q--;
        if (q < os - 1 && (d->toks[q].flags & (T_CAP | T_ALLCAPS)) &&
            !(d->toks[q].ment >= 0 &&
              d->ments[d->toks[q].ment].kind == M_PERSON))
          ok = 0;
      }
      for (int i = os; ok && i <= k; i++)
        ok = !(d->toks[i].flags & (T_INQ | T_POSS)) &&
             (!(d->toks[i].flags & T_SSTART) || proper_alone(d, i)) &&
             !ends_with(d->toks[i].low, "-born") &&
             !ends_with(d->toks[i].low, "-based") &&
             !ends_with(d->toks[i].low, "ing") && /* "Saving Private X" */
             !(strchr(d->toks[i].low, '-') &&
               ends_with(d->toks[i].low, "an")) && /* "Anglo-Indian" */
             !ngi_role_stop(&d->toks[i]) && !ngi_is_honorific(d, i) &&
             !ngi_speech_at(d, i) &&
             !ngi_map_get(&d->lex->timeword, d->toks[i].low, NULL);
      if (ok)
        org = ngi_role_org_name(d, os, k + 1);
      else
        os = k + 1;
    }
  }
  /* "former chancellor", "the then chancellor": a past role */
  if (os - 1 >= s0 && (ngi_tok_is(&d->toks[os - 1], "former") ||
                       ngi_tok_is(&d->toks[os - 1], "then")))
    former = 1, os--;
  for (int i = k + 1 > s0 ? k + 1 : s0; i <= j; i++)
    if (ngi_tok_is(&d->toks[i], "former") ||
        (i < ts && ngi_tok_is(&d->toks[i], "then")))
      former = 1;
  /* "A for president and former governor Name": the first title is
   * A's, not Name's */
  if (depth && os - 1 >= s0 &&
      (ngi_tok_is(&d->toks[os - 1], "for") ||
       ngi_tok_is(&d->toks[os - 1], "as") ||
       ngi_tok_is(&d->toks[os - 1], "to") || ngi_tok_is(&d->toks[os - 1], "of")))
    return NG_OK;
  /* two titles in a row ("AU chairperson President"): split */
  int split = -1;
  for (int i = ts + 1; i <= j; i++)
    if (ngi_title_head(d, i - 1) && ngi_title_kind(d, i) &&
        (d->toks[i].flags & T_CAP) && !(d->toks[i - 1].flags & T_CAP))
      split = i;
  /* two titles joined by "and": "party donor and businessman Name" */
  int conj = -1;
  for (int i = ts + 1; i < j; i++)
    if (ngi_tok_is(&d->toks[i], "and") && ngi_title_head(d, i - 1) && ngi_title_head(d, j))
      conj = i;
  ng_status st;
  if (split > 0) {
    if ((st = ngi_add_role(d, pi, ngi_title_text(d, ts, split), org, former)) ||
        (st = ngi_add_role(d, pi, ngi_title_text(d, split, j + 1), NULL, 0)))
      return st;
  } else if (conj > 0) {
    if ((st = ngi_add_role(d, pi, ngi_title_text(d, ts, conj), org, former)) ||
        (st = ngi_add_role(d, pi, ngi_title_text(d, conj + 1, j + 1), NULL, 0)))
      return st;
  } else if ((st = ngi_add_role(d, pi, ngi_title_text(d, ts, j + 1), org, former))) {
    return st;
  }
  /* "... expert and former Israeli security official, Name";
   * "businessman and Smith loyalist Name" */
  int b = os - 1;
  if (b > s0 && d->toks[b].ment >= 0 &&
      d->ments[d->toks[b].ment].kind == M_PERSON &&
      d->ments[d->toks[b].ment].t1 == b + 1)
    b = d->ments[d->toks[b].ment].t0 - 1;
  if (depth == 0 && b > s0 && ngi_tok_is(&d->toks[b], "and") &&
      ngi_title_head(d, b - 1))
    return roles_before(d, pi, b, s0, 1);
  return NG_OK;
}

/* "such Hollywood directors as A, B and C", "screen stars such as A and
 * B": each person listed holds the singular title.  Looks back over at
 * most 40 tokens of the list. */
static ng_status roles_listed(ng_doc *d, int pi, int t0, int s0) {
  int k = t0 - 1, t1 = d->toks[t0].ment >= 0 ? d->ments[d->toks[t0].ment].t1
                                              : t0 + 1;
  if (t1 < (int)d->ntoks && d->toks[t1].sent == d->toks[t0].sent &&
      !(d->toks[t1].flags & T_PUNCT) && !ngi_tok_is(&d->toks[t1], "and") &&
      !ngi_tok_is(&d->toks[t1], "or"))
    return NG_OK; /* "such hopefuls as Ray Charles biopic Ray" */
  while (k > s0 && k > t0 - 40) {
    const ngi_tok *t = &d->toks[k];
    if (ngi_tok_is(t, ",") || ngi_tok_is(t, "and") ||
        (ngi_title_kind(d, k) && !plural_only(d, k))) {
      k--;
      continue;
    }
    if (t->ment >= 0 && d->ments[t->ment].kind == M_PERSON &&
        d->ments[t->ment].t1 == k + 1 && d->ments[t->ment].t0 <= k &&
        (d->toks[k + 1].flags & T_PUNCT || ngi_tok_is(&d->toks[k + 1], "and") ||
         ngi_tok_is(&d->toks[k + 1], "or"))) {
      k = d->ments[t->ment].t0 - 1;
      continue;
    }
    break;
  }
  if (k <= s0 + 1 || !ngi_tok_is(&d->toks[k], "as"))
    return NG_OK;
  int p = k - 1; /* the plural title */
  if (ngi_tok_is(&d->toks[p], "such")) {
    p--; /* "stars such as" */
  } else {
    int such = 0; /* "such stars as" */
    for (int q = p - 1; q >= s0 && q >= p - 3; q--)
      if (ngi_tok_is(&d->toks[q], "such"))
        such = 1;
    if (!such)
      return NG_OK;
  }
  if (p <= s0 || !ngi_title_head(d, p) || !plural_only(d, p) ||
      (d->toks[p].flags & T_INQ) != (d->toks[t0].flags & T_INQ))
    return NG_OK;
  return roles_before(d, pi, p + 1, s0, 1);
}

/* "Smith (capt)" on a team sheet. */
static ng_status captain_mark(ng_doc *d, int pi, int t1, int end) {
  if (t1 + 2 < end + 1 && t1 + 2 < (int)d->ntoks &&
      ngi_tok_is(&d->toks[t1], "(") &&
      (ngi_tok_is(&d->toks[t1 + 1], "capt") ||
       ngi_tok_is(&d->toks[t1 + 1], "captain")) &&
      ngi_tok_is(&d->toks[t1 + 2], ")"))
    return ngi_add_role(d, pi, "Captain", NULL, 0);
  return NG_OK;
}

/* A description by team or firm and title that is no mention of its own,
 * "the Everton striker", from token a ("the"): returns its end and sets
 * the capitalised run [*cs, *ce) and the title's start *hs; -1 if none. */
static int team_desc(const ng_doc *d, int a, int end, int *cs, int *ce,
                     int *hs) {
  if (a >= end || !ngi_tok_is(&d->toks[a], "the") || d->toks[a].ment >= 0)
    return -1;
  int q = a + 1;
  while (q < end && q < a + 4 && (d->toks[q].flags & T_WORD) &&
         (d->toks[q].flags & (T_CAP | T_ALLCAPS)) &&
         !(d->toks[q].flags & (T_POSS | T_INQ)) && !ngi_title_kind(d, q) &&
         !(d->toks[q].ment >= 0 &&
           d->ments[d->toks[q].ment].kind == M_PERSON))
    q++;
  if (q == a + 1)
    return -1;
  *cs = a + 1, *ce = q, *hs = q;
  int h = q;
  while (h < end && h < q + 3 && !(d->toks[h].flags & T_INQ) &&
         (ngi_title_kind(d, h) || ngi_modifier_ok(d, h)))
    h++;
  while (h > q && !ngi_title_head(d, h - 1))
    h--;
  return h > q ? h : -1;
}

/* "said the Everton striker", "the Arsenal star added": the person the
 * text was about gets the role, unless that person holds a role with
 * another organisation. */
static ng_status roles_described(ng_doc *d) {
  for (size_t s = 0; s < d->nsents; s++) {
    int s0 = d->sents[s].t0, end = d->sents[s].t1;
    if (d->paras[d->toks[s0].para].heading)
      continue;
    for (int i = s0; i < end; i++) {
      if ((d->toks[i].flags & T_INQ) || !ngi_speech_at(d, i))
        continue;
      int a = -1, cs, ce, hs, e = team_desc(d, i + 1, end, &cs, &ce, &hs);
      if (e > 0 && (e == end || (d->toks[e].flags & T_PUNCT)))
        a = i + 1;
      for (int b = i - 2; a < 0 && b >= s0 && b >= i - 6; b--)
        if (team_desc(d, b, end, &cs, &ce, &hs) == i &&
            (b == s0 || (d->toks[b - 1].flags & (T_PUNCT | T_QUOTE))))
          a = b, e = i;
      if (a < 0)
        continue;
      /* the person before the sentence: in "Smith erred, the Acme coach
       * said" Smith is what was said, not who said it */
      int p = ngi_recent_person(d, s0, 0, -1);
      if (p >= 0 && a < i) {
        /* before the verb ("the Acme striker said"): only a person named
         * earlier in the same paragraph */
        int para = d->toks[a].para, q = -1;
        for (int k = s0 - 1; k >= 0 && k >= s0 - 600 && d->toks[k].para == para;
             k--) {
          int mk = d->toks[k].ment;
          if (mk >= 0 && d->ments[mk].t0 == k &&
              ngi_ment_person(d, mk) == p && !(d->toks[k].flags & T_INQ))
            q = p;
        }
        p = q;
      }
      if (p < 0)
        continue;
      /* "the Paris-born chemist": a birthplace, no organisation */
      int born = ce - cs == 1 && ends_with(d->toks[cs].low, "-born");
      const char *org = born ? NULL : ngi_role_org_name(d, cs, ce);
      int other = 0;
      for (size_t r = 0; !born && r < d->pers[p].nroles; r++)
        if (d->pers[p].roles[r].org &&
            strcmp(d->pers[p].roles[r].org, org) != 0)
          other = 1;
      /* someone else already holds it: the description is theirs */
      const char *title = ngi_title_text(d, hs, e);
      for (size_t q = 0; !other && q < d->npers && q < 512; q++)
        for (size_t r = 0; q != (size_t)p && r < d->pers[q].nroles; r++)
          if (d->pers[q].roles[r].org && org &&
              strcmp(d->pers[q].roles[r].org, org) == 0 &&
              strcmp(d->pers[q].roles[r].title, title) == 0)
            other = 1;
      ng_status st;
      if (!other && (st = ngi_add_role(d, p, title, org, 0)))
        return st;
    }
  }
  return NG_OK;
}

ng_status ngi_find_roles(ng_doc *d) {
  ng_status st;
  int plural_title = -1, plural_sent = -1;
  const char *plural_title_text = NULL;
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    int s = d->toks[m->t0].sent;
    if (m->kind == M_PERSON && m->entity >= 0) {
      int s0 = d->sents[s].t0, end = d->sents[s].t1;
      if (d->paras[d->toks[m->t0].para].heading == 2)
        continue; /* headlines are telegraphic: "Trump ousts advisor X" */
      size_t before = d->pers[m->entity].nroles;
      int lead = m->t0 == s0 ||
                 (m->t0 == s0 + 1 && (d->toks[s0].flags & T_QUOTE));
      if ((st = roles_before(d, m->entity, m->t0, s0, 0)) ||
          (st = ngi_roles_after(d, m->entity, m->t1, end, lead)) ||
          (st = roles_listed(d, m->entity, m->t0, s0)) ||
          (st = captain_mark(d, m->entity, m->t1, end)))
        return st;
      /* "Presidents A of Nigeria and B of Benin": B shares the title */
      if (d->pers[m->entity].nroles == before && m->t0 > s0 &&
          ngi_tok_is(&d->toks[m->t0 - 1], "and") && plural_title >= 0 &&
          plural_sent == s && (st = ngi_add_role(d, m->entity,
                                             plural_title_text, NULL, 0)))
        return st;
      if (m->t0 > s0 && ngi_title_head(d, m->t0 - 1) &&
          ends_with(d->toks[m->t0 - 1].low, "s") &&
          !ngi_map_get(&d->lex->title, d->toks[m->t0 - 1].low, NULL)) {
        plural_title = m->t0 - 1;
        plural_sent = s;
        plural_title_text = d->pers[m->entity].nroles > before
                                ? d->pers[m->entity].roles[before].title
                                : NULL;
        if (!plural_title_text)
          plural_title = -1;
      }
      const char *after = ngi_org_after(d, m->t1, end);
      ngi_pers *p = &d->pers[m->entity];
      if (after)
        for (size_t r = 0; r < p->nroles; r++)
          if (!p->roles[r].org && (st = ngi_add_role(d, m->entity,
                                                  p->roles[r].title, after,
                                                  p->roles[r].former)))
            return st;
    } else if (m->kind == M_DESC) {
      m->subject = ngi_resolve_desc(d, (int)mi);
      int head = ngi_desc_head(d, m);
      int country = m->country;
      if (m->subject >= 0 && country >= 0 &&
          ngi_title_kind(d, head) == NGI_TITLE_OFFICE &&
          !ngi_map_get(&d->lex->describer, d->toks[head].low, NULL) &&
          !ngi_tok_is(&d->toks[m->t0], "a") &&
          !ngi_tok_is(&d->toks[m->t0], "an")) {
        int hs = head;
        while (hs > m->t0 && ngi_title_kind(d, hs - 1) == NGI_TITLE_MODIFIER)
          hs--;
        if ((st = ngi_add_role(d, m->subject, ngi_title_text(d, hs, head + 1),
                           d->lex->places[country].name, 0)))
          return st;
      } else if (country < 0 &&
                 ngi_title_kind(d, head) == NGI_TITLE_OFFICE &&
                 !ngi_map_get(&d->lex->describer, d->toks[head].low, NULL)) {
        /* no country: only a person the next sentence names as going on
         * with what the description said */
        int x = ngi_continued_by(d, m);
        if (x >= 0 && !ngi_holds_title(d, x, m, head, 0) &&
            (m->subject < 0 || !ngi_holds_title(d, m->subject, m, head, 1))) {
          int hs = head;
          while (hs > m->t0 && ngi_title_kind(d, hs - 1) == NGI_TITLE_MODIFIER)
            hs--;
          m->subject = x;
          if ((st = ngi_add_role(d, x, ngi_title_text(d, hs, head + 1), NULL, 0)))
            return st;
        }
      }
    } else if (m->kind == M_PRON) {
      int g = m->gender == 'M' || m->gender == 'F' ? m->gender : 0;
      if (m->gender == 'M' || m->gender == 'F')
        m->subject = ngi_recent_person(d, m->t0, g, -1);
    }
  }
  if ((st = roles_described(d)))
    return st;
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
