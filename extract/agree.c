/* agree.c - agreements reported as reached between parties.
 *
 * A sentence reports an agreement when it has an agreement verb in the past
 * ("agreed", "signed", "have agreed") not negated or wished for ("did not
 * agree", "asked X to agree"), or a reaching verb with an agreement noun
 * ("reached a deal").  The parties are the persons and organisations of its
 * subject ("Turkey and Libya signed"), of "between A, B and C" and "with X";
 * "we" is the speaker and the person they met; an impersonal "it was
 * agreed" takes the speaker of the sentence.  What was agreed is the clause
 * after the trigger.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "roles.h"
#include "agree.h"

static int agree_kind(const ng_doc *d, int i) {
  intptr_t v;
  const ngi_tok *t = &d->toks[i];
  if (!(t->flags & T_WORD))
    return 0;
  if (ngi_tok_in(&d->lex->agree, t, &v))
    return (int)v;
  return 0;
}

/* A multi-word agreement noun starting at i: "letter of intent",
 * "memorandum of understanding". */
static int agree_phrase(ng_doc *d, int i, int end) {
  char buf[128];
  for (int n = 4; n >= 2; n--) {
    if (i + n > end)
      continue;
    intptr_t v;
    ngi_join_low(d, i, i + n, buf, sizeof buf);
    if (ngi_map_get(&d->lex->agree, buf, &v) && v == NGI_AGREE_NOUN)
      return 1;
  }
  return 0;
}

static int is_past_trigger(const ngi_tok *t) {
  size_t n = strlen(t->low);
  return n > 3 && (strcmp(t->low + n - 2, "ed") == 0 ||
                   ngi_tok_is(t, "struck") || ngi_tok_is(t, "signed") ||
                   ngi_tok_is(t, "inked") || ngi_tok_is(t, "sealed"));
}

static int negated(const ng_doc *d, int v, int s0) {
  for (int k = v - 1; k >= s0 && k >= v - 3; k--) {
    const ngi_tok *t = &d->toks[k];
    if (ngi_tok_is(t, "not") || ngi_tok_is(t, "never") ||
        ngi_tok_is(t, "nothing") || ngi_tok_is(t, "none") ||
        ngi_tok_is(t, "yet") || ngi_tok_is(t, "no") ||
        strstr(t->low, "n't") || ngi_tok_is(t, "to") ||
        ngi_tok_is(t, "if") || ngi_tok_is(t, "whether"))
      return 1;
  }
  return 0;
}

static int add_party(ng_doc *d, ngi_agreement *a, size_t *cap,
                     ngi_agent who) {
  if (who.kind == NGI_AGENT_NONE || who.index < 0)
    return 0;
  for (size_t i = 0; i < a->nparties; i++)
    if (a->parties[i].kind == who.kind && a->parties[i].index == who.index)
      return 0;
  ngi_agent *p = NGI_PUSH(&d->arena, a->parties, a->nparties, *cap);
  if (!p)
    return -1;
  *p = who;
  return 0;
}

static ngi_agent agent(ng_doc *d, int mi) {
  ngi_agent a = {NGI_AGENT_NONE, -1};
  if (mi < 0)
    return a;
  const ngi_ment *m = &d->ments[mi];
  int p = ngi_ment_person(d, mi);
  if (p >= 0) {
    a.kind = NGI_AGENT_PERSON;
    a.index = p;
  } else if ((m->kind == M_PLACE || m->kind == M_ORG) &&
             ngi_ment_entity(d, mi) >= 0) {
    a.kind = NGI_AGENT_ORG;
    a.index = m->entity;
  }
  return a;
}

/* Parties in tokens [t0, t1): every person/organisation mention, but not
 * a place that names an agreement ("the Minsk agreements"). */
static int parties_in(ng_doc *d, ngi_agreement *a, size_t *cap, int t0,
                      int t1) {
  for (int k = t0; k < t1; k++) {
    int m = d->toks[k].ment;
    if (m < 0 || d->ments[m].t0 != k || !d->ments[m].kind)
      continue;
    if (d->ments[m].t1 < (int)d->ntoks &&
        agree_kind(d, d->ments[m].t1) == NGI_AGREE_NOUN)
      continue;
    if (d->ments[m].kind == M_PRON && d->ments[m].gender == 'P' &&
        ngi_tok_is(&d->toks[k], "we")) {
      /* we: the speaker and the person met */
      int sp = ngi_recent_person(d, k, 0, -1);
      if (sp < 0)
        continue;
      ngi_agent x = {NGI_AGENT_PERSON, sp};
      int other = ngi_recent_person(d, k, 0, sp);
      if (add_party(d, a, cap, x))
        return -1;
      if (other >= 0) {
        ngi_agent y = {NGI_AGENT_PERSON, other};
        if (add_party(d, a, cap, y))
          return -1;
      }
      continue;
    }
    if (add_party(d, a, cap, agent(d, m)))
      return -1;
  }
  return 0;
}

/* The trigger's object is only "the agreement" / "the deal": an agreement
 * the article has named before. */
static int anaphoric(const ng_doc *d, int trig, int s1) {
  int k = trig + 1;
  while (k < s1 && (ngi_tok_is(&d->toks[k], "on") ||
                    ngi_tok_is(&d->toks[k], "to") ||
                    ngi_tok_is(&d->toks[k], "up") ||
                    ngi_tok_is(&d->toks[k], "onto")))
    k++;
  if (k + 1 >= s1 || !(ngi_tok_is(&d->toks[k], "the") ||
                       ngi_tok_is(&d->toks[k], "this") ||
                       ngi_tok_is(&d->toks[k], "that")))
    return 0;
  if (agree_kind(d, k + 1) != NGI_AGREE_NOUN)
    return 0;
  return k + 2 >= s1 || (d->toks[k + 2].flags & T_PUNCT) ||
         !(d->toks[k + 2].flags & T_WORD) ||
         ngi_tok_is(&d->toks[k + 2], "with") || ngi_tok_is(&d->toks[k + 2], "in");
}

ng_status ngi_find_agreements(ng_doc *d) {
  for (size_t s = 0; s < d->nsents; s++) {
    int s0 = d->sents[s].t0, s1 = d->sents[s].t1;
    if (d->paras[d->sents[s].para].heading)
      continue;
    int trig = -1, noun = 0;
    for (int i = s0; i < s1; i++) {
      int k = agree_kind(d, i);
      if (k == NGI_AGREE_NOUN)
        noun = 1;
      if ((k == NGI_AGREE_VERB || k == NGI_AGREE_REACH) && trig < 0 &&
          is_past_trigger(&d->toks[i]) && !negated(d, i, s0))
        trig = i;
    }
    if (trig < 0)
      continue;
    for (int i = s0; i < s1 && !noun; i++)
      noun = agree_phrase(d, i, s1); /* "letter of intent" */
    /* "reached", "concluded", "signed": only with an agreement noun ("signed
     * the treaty", not "signed a decree" or "a letter signed by") */
    if ((agree_kind(d, trig) == NGI_AGREE_REACH ||
         strncmp(d->toks[trig].low, "sign", 4) == 0) && !noun)
      continue;
    /* "signed on to the agreement": the one already reported */
    if (d->nagrs > 0 && anaphoric(d, trig, s1))
      continue;
    ngi_agreement *a = NGI_PUSH(&d->arena, d->agrs, d->nagrs, d->capagrs);
    if (!a)
      return NG_ENOMEM;
    size_t cap = 0;
    /* subject: from the clause start to the trigger */
    int c0 = trig;
    while (c0 > s0 && !ngi_tok_is(&d->toks[c0 - 1], "that") &&
           !ngi_tok_is(&d->toks[c0 - 1], ";") &&
           !(ngi_tok_is(&d->toks[c0 - 1], ",") &&
             !(d->toks[c0 - 2 >= s0 ? c0 - 2 : s0].ment >= 0)))
      c0--;
    if (parties_in(d, a, &cap, c0, trig))
      return NG_ENOMEM;
    /* between A, B and C / with X */
    int c1 = trig + 1;
    while (c1 < s1 && !ngi_tok_is(&d->toks[c1], ".") &&
           !ngi_tok_is(&d->toks[c1], ";"))
      c1++;
    for (int k = trig + 1; k < c1; k++)
      if (ngi_tok_is(&d->toks[k], "between") || ngi_tok_is(&d->toks[k], "with")
          || ngi_tok_is(&d->toks[k], "by")) {
        int e = k + 1;
        while (e < c1 && !ngi_tok_is(&d->toks[e], ",") &&
               !ngi_tok_is(&d->toks[e], "to") &&
               !ngi_tok_is(&d->toks[e], "on"))
          e++;
        if (ngi_tok_is(&d->toks[k], "between"))
          while (e < c1 && (ngi_tok_is(&d->toks[e], ",") ||
                            d->toks[e].ment >= 0 ||
                            ngi_tok_is(&d->toks[e], "and")))
            e++;
        if (parties_in(d, a, &cap, k + 1, e))
          return NG_ENOMEM;
      }
    /* the sentence's speaker: "According to Biden, it was agreed" */
    if (a->nparties < 2) {
      for (int k = s0; k < s1; k++) {
        if (!ngi_speech_at(d, k) && !ngi_tok_is(&d->toks[k], "according"))
          continue;
        int m = -1;
        if (ngi_tok_is(&d->toks[k], "according") && k + 2 < s1)
          m = d->toks[k + 2].ment;
        else if (k > s0)
          m = d->toks[k - 1].ment;
        ngi_agent x = agent(d, m);
        if (x.kind != NGI_AGENT_NONE) {
          if (add_party(d, a, &cap, x))
            return NG_ENOMEM;
          if (x.kind == NGI_AGENT_PERSON && a->nparties < 2) {
            int other = ngi_recent_person(d, k, 0, x.index);
            ngi_agent y = {NGI_AGENT_PERSON, other};
            if (other >= 0 && add_party(d, a, &cap, y))
              return NG_ENOMEM;
          }
          break;
        }
      }
    }
    if (a->nparties == 0) {
      d->nagrs--;
      continue;
    }
    /* what was agreed */
    int l0 = trig + 1;
    if (l0 < c1 && (ngi_tok_is(&d->toks[l0], "to") ||
                    ngi_tok_is(&d->toks[l0], "on") ||
                    ngi_tok_is(&d->toks[l0], "that") ||
                    ngi_tok_is(&d->toks[l0], "upon")))
      l0++;
    int l1 = l0;
    while (l1 < c1 && l1 < l0 + 16 && !ngi_tok_is(&d->toks[l1], ",") &&
           !(d->toks[l1].flags & T_QUOTE))
      l1++; /* a short label: up to the clause's first comma */
    while (l1 > l0 && (d->toks[l1 - 1].flags & T_PUNCT))
      l1--;
    if (l1 <= l0)
      l0 = s0, l1 = trig + 1;
    a->label = ngi_strndup(&d->arena, d->text + d->toks[l0].b,
                           d->toks[l1 - 1].e - d->toks[l0].b);
    uint32_t b = d->toks[s0].b, e = d->toks[s1 - 1].e;
    a->text = ngi_strndup(&d->arena, d->text + b, e - b);
    a->begin = b;
    a->end = e;
    a->topic = d->para_topic ? d->para_topic[d->sents[s].para] : -1;
  }
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
