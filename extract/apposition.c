/* apposition.c - roles written after a name: part of the roles stage.
 *
 * "Dmitry Peskov, the Kremlin spokesman,", "X, chief executive of Y",
 * "X, 52, a plumber from Leeds,", "X, who is the secretary of state",
 * "X was named chairman of Y", "of Nigeria" after a name.  roles.c reads
 * the titles before a name and calls ngi_roles_after for the rest.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "roles.h"
#include "textutil.h"

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n > m + 2 && strcmp(s + n - m, suf) == 0;
}

/* "of Nigeria" after a name: the organisation of a role without one. */
const char *ngi_org_after(ng_doc *d, int t1, int end) {
  if (t1 + 1 >= end || !(ngi_tok_is(&d->toks[t1], "of") ||
                         ngi_tok_is(&d->toks[t1], "for")))
    return NULL;
  int k = t1 + 1;
  if (ngi_tok_is(&d->toks[k], "the"))
    k++;
  if (k >= end)
    return NULL;
  int m = d->toks[k].ment;
  if (m >= 0 && (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG) &&
      !(d->toks[d->ments[m].t1 - 1].flags & T_POSS)) /* "of Britain's ..." */
    return ngi_role_org_name(d, d->ments[m].t0, d->ments[m].t1);
  return NULL;
}

/* "chief executive of messaging firm Acme", "specialist at the Institute
 * of Art", "spokesman for the club": the complement after a title, up to
 * the clause's end (at most 14 tokens).  Returns the end of the phrase or
 * -1; *org is its last capitalised run ("Acme"), NULL if none. */
static int complement_after(ng_doc *d, int te, int end, const char **org) {
  *org = NULL;
  if (te + 1 >= end || !(ngi_tok_is(&d->toks[te], "of") ||
                         ngi_tok_is(&d->toks[te], "for") ||
                         ngi_tok_is(&d->toks[te], "at") ||
                         ngi_tok_is(&d->toks[te], "in") ||
                         ngi_tok_is(&d->toks[te], "under") ||
                         ngi_tok_is(&d->toks[te], "with")))
    return -1;
  int q = te + 1, rs = -1, re = -1, cs = -1, ps = -1, pe = -1;
  int done = 0, content = 0, last_cap = 0;
  for (; q < end && q < te + 15; q++) {
    const ngi_tok *t = &d->toks[q];
    int cap = (t->flags & T_WORD) && (t->flags & (T_CAP | T_ALLCAPS)) &&
              !(t->ment >= 0 && d->ments[t->ment].kind == M_PERSON);
    if ((t->flags & (T_PUNCT | T_QUOTE)) || (!cap && ngi_speech_at(d, q)) ||
        ngi_tok_is(t, "who") || ngi_tok_is(t, "which"))
      break;
    if (done)
      continue;
    /* the organisation is the name that ends the first noun phrase:
     * "MMS firm Acme", not "the Acme administration", "Acme in Leeds" */
    int joiner = ngi_tok_is(t, "of") || ngi_tok_is(t, "and") ||
                 ngi_tok_is(t, "for"); /* "Transport for Acme" */
    if (!cap && ngi_role_stop(t) &&
        !(cs >= 0 && joiner && q + 1 < end &&
          (d->toks[q + 1].flags & T_CAP))) {
      if (content) {
        done = 1; /* "About a Boy": a title, not an organisation */
        if (last_cap && (ngi_tok_is(t, "a") || ngi_tok_is(t, "an") ||
                         ngi_tok_is(t, "the")))
          last_cap = 0;
      }
      continue;
    }
    content = 1;
    last_cap = cap;
    if (cap) {
      if (cs < 0)
        cs = q;
      rs = cs, re = q + 1;
      if (t->flags & T_POSS) /* "Acme's unit": the unit if named */
        ps = rs, pe = re, cs = -1, rs = re = -1;
    } else if (!(cs >= 0 && joiner && q + 1 < end &&
                 (d->toks[q + 1].flags & T_CAP))) {
      cs = -1; /* "University of Leeds" stays one run */
    }
  }
  if (q >= end || q >= te + 15 || q == te + 1 ||
      !((d->toks[q].flags & T_PUNCT) || ngi_speech_at(d, q) ||
        ngi_tok_is(&d->toks[q], "who") || ngi_tok_is(&d->toks[q], "which")))
    return -1;
  if (rs < 0)
    rs = ps, re = pe;
  if (rs >= 0 && last_cap)
    *org = ngi_role_org_name(d, rs, re);
  return q;
}

/* ", who is the secretary of state" / "served as the US ambassador":
 * returns the token where the title phrase starts, or -1. */
static int copula_after(const ng_doc *d, int t1, int end, int lead) {
  static const char *const V[] = {"is", "was", "became", "becomes",
                                  "remains", "remained", NULL};
  int k = t1;
  if (k < end && ngi_tok_is(&d->toks[k], ","))
    k++;
  if (k < end && ngi_tok_is(&d->toks[k], "who"))
    k++;
  while (k < end && (ngi_tok_is(&d->toks[k], "previously") ||
                     ngi_tok_is(&d->toks[k], "formerly") ||
                     ngi_tok_is(&d->toks[k], "also") ||
                     ngi_tok_is(&d->toks[k], "currently") ||
                     ngi_tok_is(&d->toks[k], "has") ||
                     ngi_tok_is(&d->toks[k], "had") ||
                     ngi_tok_is(&d->toks[k], "been")))
    k++;
  if (k + 1 >= end)
    return -1;
  const ngi_tok *t = &d->toks[k];
  /* "became chairman of Acme", "was appointed chief executive", "was
   * named as captain": a bare title right after the verb */
  int bare = k > t1 || lead;
  int v = k;
  if (ngi_tok_is(t, "was") || ngi_tok_is(t, "is") || ngi_tok_is(t, "were") ||
      ngi_tok_is(t, "been")) {
    if (v + 2 < end && (ngi_tok_is(&d->toks[v + 1], "named") ||
                        ngi_tok_is(&d->toks[v + 1], "appointed") ||
                        ngi_tok_is(&d->toks[v + 1], "elected") ||
                        ngi_tok_is(&d->toks[v + 1], "made") ||
                        ngi_tok_is(&d->toks[v + 1], "installed") ||
                        ngi_tok_is(&d->toks[v + 1], "promoted") ||
                        ngi_tok_is(&d->toks[v + 1], "confirmed")))
      v++, bare = 1;
  } else if (!(ngi_tok_is(t, "became") || ngi_tok_is(t, "becomes") ||
               ngi_tok_is(t, "remains") || ngi_tok_is(t, "remained"))) {
    bare = 0;
  }
  if (bare && v + 1 < end && ngi_tok_is(&d->toks[v + 1], "as") && v > k)
    v++; /* "was named as captain" */
  if (bare && v + 1 < end && v + 2 < end) {
    const ngi_tok *n = &d->toks[v + 1];
    if ((ngi_tok_is(n, "the") || ngi_tok_is(n, "a") || ngi_tok_is(n, "an")) &&
        v > k)
      return v + 1; /* "was named the new coach" */
    if (!(n->flags & (T_CAP | T_ALLCAPS)) && !(n->flags & T_INQ) &&
        (ngi_title_kind(d, v + 1) == NGI_TITLE_OFFICE ||
         ngi_title_kind(d, v + 1) == NGI_TITLE_OCCUPATION ||
         (ngi_title_kind(d, v + 1) == NGI_TITLE_MODIFIER &&
          ngi_title_kind(d, v + 2))))
      return v + 1;
  }
  if ((ngi_tok_is(t, "served") || ngi_tok_is(t, "serves") ||
       ngi_tok_is(t, "serving") || ngi_tok_is(t, "works") ||
       ngi_tok_is(t, "worked") || ngi_tok_is(t, "acted")) &&
      ngi_tok_is(&d->toks[k + 1], "as"))
    return k + 2;
  for (int i = 0; V[i]; i++)
    if (ngi_tok_is(t, V[i]) && (k > t1 || lead) &&
        (ngi_tok_is(&d->toks[k + 1], "the") ||
         ngi_tok_is(&d->toks[k + 1], "a") || ngi_tok_is(&d->toks[k + 1], "an")))
      return k + 1;
  return -1;
}

static const char *org_after_to(ng_doc *d, int t, int end) {
  int k = t + 1;
  if (k < end && ngi_tok_is(&d->toks[k], "the"))
    k++;
  if (k >= end)
    return NULL;
  int m = d->toks[k].ment;
  if (m >= 0 && (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG))
    return ngi_role_org_name(d, d->ments[m].t0, d->ments[m].t1);
  return NULL;
}

/* ", the Kremlin spokesman," after a name. */
ng_status ngi_roles_after(ng_doc *d, int pi, int t1, int end, int lead) {
  /* "Name, 52, a plumber": the age is no part of the apposition */
  if (t1 + 3 < end && ngi_tok_is(&d->toks[t1], ",") &&
      (d->toks[t1 + 1].flags & T_NUM) && ngi_tok_is(&d->toks[t1 + 2], ","))
    t1 += 2;
  int k = copula_after(d, t1, end, lead);
  if (k < 0 && (t1 + 2 >= end || !ngi_tok_is(&d->toks[t1], ",")))
    return NG_OK;
  if (k < 0)
    k = t1 + 1;
  else
    t1 = k - 1;
  if (k + 1 < end && (ngi_tok_is(&d->toks[k], "himself") ||
                      ngi_tok_is(&d->toks[k], "herself")))
    k++; /* ", himself a civil rights activist," */
  const ngi_tok *t = &d->toks[k];
  if (ngi_tok_is(t, "the") || ngi_tok_is(t, "a") || ngi_tok_is(t, "an"))
    k++;
  /* a possessor before the title: ", his co-star,", ", Smith's co-star",
   * ", the museum's executive director" */
  const char *owner = NULL;
  if (k + 1 < end && (ngi_tok_is(&d->toks[k], "his") ||
                      ngi_tok_is(&d->toks[k], "her") ||
                      ngi_tok_is(&d->toks[k], "their") ||
                      ngi_tok_is(&d->toks[k], "its"))) {
    k++;
  } else {
    int q = k;
    while (q < end && q < k + 3 && (d->toks[q].flags & T_WORD) &&
           !(d->toks[q].flags & T_POSS) && !ngi_title_kind(d, q))
      q++;
    if (q < end && q < k + 3 && (d->toks[q].flags & T_WORD) &&
        (d->toks[q].flags & T_POSS)) {
      int named = 1; /* ", Acme's chief executive": Acme */
      for (int i = k; i <= q; i++)
        if (!(d->toks[i].flags & (T_CAP | T_ALLCAPS)) ||
            (d->toks[i].flags & T_SSTART) ||
            (d->toks[i].ment >= 0 &&
             d->ments[d->toks[i].ment].kind == M_PERSON))
          named = 0;
      if (named)
        owner = ngi_role_org_name(d, k, q + 1);
      k = q + 1;
    }
  }
  if (k >= end)
    return NG_OK;
  while (k < end && (d->toks[k].flags & T_WORD) &&
         !(d->toks[k].flags & T_CAP) &&
         (ends_with(d->toks[k].low, "ed") || ends_with(d->toks[k].low, "ly")))
    k++; /* "an alleged drug contractor" */
  if (ngi_tok_is(&d->toks[k], "former"))
    k++;
  int os = k, oe = k;
  while (oe < end && (d->toks[oe].flags & (T_CAP | T_ALLCAPS)) &&
         !ngi_title_kind(d, oe))
    oe++;
  int ts = oe, te = oe;
  while (te < end && te < ts + 6) {
    intptr_t pv; /* a title phrase: "managing director" */
    int pn = ngi_longest(d, &d->lex->title, te, end, 4, 0, &pv);
    if (pn > 1 && te + pn <= ts + 8) {
      te += pn;
      continue;
    }
    if (!(ngi_title_kind(d, te) || ngi_modifier_ok(d, te) ||
          (ngi_tok_is(&d->toks[te], "of") && te + 1 < end &&
           ngi_title_kind(d, te + 1)) ||
          /* "Commerce and Industry Minister" */
          (ngi_tok_is(&d->toks[te], "and") && te > ts && te + 1 < end &&
           ngi_title_kind(d, te - 1) == NGI_TITLE_MODIFIER &&
           ngi_title_kind(d, te + 1) == NGI_TITLE_MODIFIER)))
      break;
    te++;
  }
  while (te > ts && !ngi_title_head(d, te - 1))
    te--;
  if (te == ts)
    return NG_OK;
  /* "head of research at Acme": the field belongs to the title */
  if (te + 2 < end && ngi_tok_is(&d->toks[te], "of")) {
    int f = te + 1;
    while (f < end && f < te + 4 && (d->toks[f].flags & T_WORD) &&
           !(d->toks[f].flags & (T_CAP | T_ALLCAPS | T_NUM | T_INQ)) &&
           !ngi_role_stop(&d->toks[f]) && !ngi_speech_at(d, f))
      f++;
    if (f > te + 1 && f < end && ngi_tok_is(&d->toks[f], "at"))
      te = f;
  }
  /* "Name, managing director, of Acme -": the organisation after a
   * comma */
  int comma_of = te + 2 < end && ngi_tok_is(&d->toks[te], ",") &&
                 (ngi_tok_is(&d->toks[te + 1], "of") ||
                  ngi_tok_is(&d->toks[te + 1], "at"));
  int named = oe > os && oe - os <= 3; /* ", the Exeter captain," */
  for (int i = os; named && i < oe; i++)
    named = (d->toks[i].flags & T_WORD) &&
            !(d->toks[i].ment >= 0 &&
              d->ments[d->toks[i].ment].kind == M_PERSON) &&
            !ends_with(d->toks[i].low, "-born") &&
            !ends_with(d->toks[i].low, "-based");
  const char *org = oe > os && (ngi_looks_like_org(d, os, oe) || named)
                        ? ngi_role_org_name(d, os, oe) : owner;
  int ce = comma_of ? te + 1 : te;
  const char *after = ngi_org_after(d, ce, end);
  if (!after && te + 1 < end && ngi_tok_is(&d->toks[te], "to"))
    after = org_after_to(d, te, end); /* "ambassador to the United Nations" */
  int stop = te;
  int cend = after ? -1 : complement_after(d, ce, end, &after);
  if (comma_of && !after)
    cend = -1;
  intptr_t pv;
  if (cend >= 0) {
    stop = cend;
    /* "UK managing director of Acme": the firm, not the country */
    if (!org || (after && oe > os && ngi_place_at(d, os, oe, &pv) == oe - os))
      org = after ? after : org;
  } else if (after) {
    stop = te + 2;
    while (stop < end && !(d->toks[stop].flags & T_PUNCT) &&
           !ngi_speech_at(d, stop))
      stop++;
    if (!org)
      org = after;
  }
  /* "a plumber from Leeds," */
  if (stop == te && stop + 2 < end && ngi_tok_is(&d->toks[stop], "from")) {
    int f = stop + 1;
    while (f < end && f < stop + 4 && (d->toks[f].flags & T_CAP) &&
           (d->toks[f].flags & T_WORD))
      f++;
    if (f > stop + 1 && f < end && (d->toks[f].flags & T_PUNCT))
      stop = f;
  }
  if (stop < end && !(d->toks[stop].flags & T_PUNCT) &&
      !ngi_speech_at(d, stop) && !ngi_tok_is(&d->toks[stop], "who") &&
      !ngi_tok_is(&d->toks[stop], "and"))
    return NG_OK;
  int former = ngi_tok_is(&d->toks[os > t1 + 1 ? os - 1 : t1], "former");
  return ngi_add_role(d, pi, ngi_title_text(d, ngi_skip_evaluative(d, ts, te), te), org,
                  former);
}
