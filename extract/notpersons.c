/* notpersons.c - full names the text treats as a company, a team or a
 * work: part of the mentions stage (names.c).
 *
 * "shares in X", "an analyst at X", "X economist Y", "X - a property
 * company", "the film X", "the X, which": such a name is no person
 * anywhere in the article; its person mentions become organisations or
 * are dropped.  names.c notes the spans its cue nouns mark
 * (ngi_note_span) and calls ngi_not_persons once the mentions are found.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "names.h"

/* Remember the text of tokens [t0, t1) as a name that is a work
 * (NOT_WORK) or an organisation (NOT_ORG), not a person. */
int ngi_note_span(ng_doc *d, ngi_map *works, int t0, int t1, int what) {
  char buf[256];
  const char *k = ngi_join_low(d, t0, t1, buf, sizeof buf);
  intptr_t old;
  if (!*k || (ngi_map_get(works, k, &old) && old == what))
    return 0;
  char *key = ngi_strdup(&d->arena, k);
  return !key || ngi_map_put(works, key, what) ? -1 : 0;
}

/* Lower-case nouns after which a name is a company's ("Lynch Partners'
 * shares", "analyst at X") or a team's, a band's, a work's ("X star Y"):
 * the classes org-after, work-after, body-head (heads of an apposition:
 * "X, an international real estate company"), work-head, body-possessive
 * and body-at of cue-words.tsv.  A full name used so is no person:
 * "Morgan Stanley economist Ann Lee", "Space Pilot star Ann Lee" ("Jon
 * Smith ally" and "Lee spokesman" are not in these classes). */

/* What the context of a full name (no honorific) tells: NOT_ORG,
 * NOT_WORK, or 0. */
static int name_not_person(const ng_doc *d, const ngi_ment *m) {
  const ngi_tok *t = d->toks;
  int n = (int)d->ntoks, s = t[m->t0].sent, a = m->t1;
  /* "X's shares" */
  if ((t[a - 1].flags & T_POSS) && a < n && t[a].sent == s &&
      ngi_tok_cue(d->lex, &t[a], NGI_CUE_BODY_POSS))
    return NOT_ORG;
  /* a brand named after a person: "a pint of X's bitter", "X's smooth
   * bitter" (product-noun, at most one word between), and a possessive
   * with no noun after it in a list of names ("brands include Y, X's,
   * Z"): no person's */
  if ((t[a - 1].flags & T_POSS) && a < n && t[a].sent == s) {
    for (int k = a; k < n && k < a + 2 && t[k].sent == s &&
                    (t[k].flags & T_WORD);
         k++)
      if (ngi_tok_cue(d->lex, &t[k], NGI_CUE_PRODUCT))
        return NOT_ORG;
    if (m->t0 > 0 && ngi_tok_is(&t[m->t0 - 1], ",") &&
        (ngi_tok_is(&t[a], ",") || ngi_tok_is(&t[a], "and") ||
         ngi_tok_is(&t[a], "or")))
      return NOT_ORG;
  }
  /* "X economist Ann Lee", "X star Emma Watson" */
  if (a + 1 < n && t[a + 1].sent == s && !(t[a - 1].flags & T_POSS) &&
      (t[a].flags & T_WORD) && !(t[a].flags & T_CAP) &&
      (t[a + 1].flags & T_CAP)) {
    if (ngi_tok_cue(d->lex, &t[a], NGI_CUE_ORG_AFTER))
      return NOT_ORG;
    if (ngi_tok_cue(d->lex, &t[a], NGI_CUE_WORK_AFTER))
      return NOT_WORK;
  }
  /* "X, an international real estate company", "X - a game that": the
   * head is the last word before a function word ("a banker at X") */
  if (a + 2 < n && t[a].sent == s &&
      (ngi_tok_is(&t[a], ",") || ngi_tok_is(&t[a], "-") ||
       ngi_tok_is(&t[a], "\xe2\x80\x93") || ngi_tok_is(&t[a], "(")) &&
      (ngi_tok_is(&t[a + 1], "a") || ngi_tok_is(&t[a + 1], "an"))) {
    static const char *const STOP[] = {
        "of", "from", "at", "with", "by", "who", "which", "that", "in", "for",
        "to", "and", "or", "based", "whose", "on", "since", NULL};
    int head = -1;
    for (int k = a + 2; k < n && k < a + 8 && t[k].sent == s; k++) {
      if (!(t[k].flags & T_WORD) || ngi_word_in(&t[k], STOP))
        break;
      head = k;
    }
    if (head >= 0 && ngi_tok_cue(d->lex, &t[head], NGI_CUE_BODY_HEAD))
      return ngi_tok_cue(d->lex, &t[head], NGI_CUE_WORK_HEAD) ? NOT_WORK
                                                              : NOT_ORG;
  }
  /* "the Nova Prime, which": persons take neither */
  if (a + 1 < n && t[a + 1].sent == s && ngi_tok_is(&t[a], ",") &&
      ngi_tok_is(&t[a + 1], "which") && m->t0 > 0 &&
      ngi_tok_is(&t[m->t0 - 1], "the"))
    return NOT_WORK;
  /* "an analyst at X", "shares in X" */
  int b = m->t0;
  if (b >= 2 && t[b - 2].sent == s && !(t[b - 2].flags & T_CAP) &&
      ((ngi_tok_is(&t[b - 1], "at") &&
        ngi_tok_cue(d->lex, &t[b - 2], NGI_CUE_BODY_AT)) ||
       ((ngi_tok_is(&t[b - 1], "in") || ngi_tok_is(&t[b - 1], "of")) &&
        (ngi_tok_is(&t[b - 2], "shares") || ngi_tok_is(&t[b - 2], "stake")))))
    return NOT_ORG;
  return 0;
}

/* Full names the text treats as a company, a team or a work ("DK John
 * Wells - an international property company", "the film Silver Harbour")
 * are no person anywhere in the article: their person mentions become
 * organisations or are dropped. */
ng_status ngi_not_persons(ng_doc *d, ngi_map *works) {
  /* "Le Monde", "La Scala", "El Paso": a particle that is an article
   * starts a name only after a given name; alone it is that person's
   * surname ("Le Roux" after "Jannie le Roux") or no person's ("Van",
   * "Di", "Del" lead many surnames used alone: "Van Persie", "Di Canio") */
  ngi_map surs;
  ngi_map_init(&surs);
  for (size_t mi = 0; mi < d->nments; mi++) {
    const ngi_ment *m = &d->ments[mi];
    if (m->kind == M_PERSON && m->t1 - m->t0 >= 2 &&
        !ngi_name_particle(&d->toks[m->t0]) &&
        ngi_map_put(&surs, d->toks[m->t1 - 1].low, 1)) {
      ngi_map_release(&surs);
      return NG_ENOMEM;
    }
  }
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    const ngi_tok *t = &d->toks[m->t0];
    if (m->kind == M_PERSON && m->evidence != 1 && m->t1 - m->t0 >= 2 &&
        (t->flags & T_CAP) && ngi_article_particle(t) &&
        !ngi_map_get(&surs, d->toks[m->t1 - 1].low, NULL)) {
      m->kind = 0;
      for (int k = m->t0; k < m->t1; k++)
        if (d->toks[k].ment == (int)mi)
          d->toks[k].ment = -1;
    }
  }
  ngi_map_release(&surs);
  /* "the Pryce/Hollis contest": two persons */
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    int a = m->t1;
    if (m->kind != M_PERSON || m->t1 - m->t0 != 1 || a + 2 >= (int)d->ntoks ||
        !ngi_tok_is(&d->toks[a], "/") || d->toks[a + 1].ment < 0 ||
        d->toks[a + 2].flags & T_CAP ||
        !ngi_tok_cue(d->lex, &d->toks[a + 2], NGI_CUE_CONTEST))
      continue;
    ngi_ment *o = &d->ments[d->toks[a + 1].ment];
    if (o->kind != M_PERSON || o->t0 != a + 1 || o->t1 != a + 2)
      continue;
    if (!m->evidence)
      m->evidence = 1;
    if (!o->evidence)
      o->evidence = 1;
  }
  for (size_t mi = 0; mi < d->nments; mi++) {
    const ngi_ment *m = &d->ments[mi];
    if (m->kind != M_PERSON || m->t1 - m->t0 < 2 || m->honorific > 0)
      continue;
    int what = name_not_person(d, m);
    if (what && ngi_note_span(d, works, m->t0, m->t1, what))
      return NG_ENOMEM;
  }
  if (works->n == 0)
    return NG_OK;
  for (size_t mi = 0; mi < d->nments; mi++) {
    ngi_ment *m = &d->ments[mi];
    char buf[256];
    intptr_t what;
    if (m->kind != M_PERSON || m->honorific > 0 ||
        !ngi_map_get(works, ngi_join_low(d, m->t0, m->t1, buf, sizeof buf),
                     &what))
      continue;
    if (what == NOT_WORK) {
      m->kind = 0;
      for (int k = m->t0; k < m->t1; k++)
        if (d->toks[k].ment == (int)mi)
          d->toks[k].ment = -1;
      continue;
    }
    /* "DK John Wells": an acronym before the name is part of it */
    const ngi_tok *p = m->t0 > 0 ? &d->toks[m->t0 - 1] : NULL;
    if (p && (p->flags & T_ALLCAPS) && p->sent == d->toks[m->t0].sent &&
        p->ment < 0 && !ngi_title_kind(d, m->t0 - 1)) {
      m->t0--;
      d->toks[m->t0].ment = (int)mi;
    }
    const char *label = ngi_span_text(d, m->t0, m->t1);
    int e = ngi_org_entity(d, label, NULL, 0, label);
    if (e < -1)
      return NG_ENOMEM;
    m->kind = M_ORG;
    m->entity = e;
    m->evidence = 0;
  }
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
