/* speakers.c - who speaks at a speech cue, for claims.c.
 *
 * The source of a speech verb is the name, pronoun, description or
 * organisation before it ("Putin told", "the ministry said", "Kathimerini
 * said") or after it ("said Putin", "said the club's coach, Ann Lee", "said
 * the veteran striker"); a pronoun is the last speaker when near, and a
 * description with no name the person its sentence or the one before is
 * about.  Organisations met only as speakers become entities here.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "roles.h"
#include "speakers.h"
#include "textutil.h"

int ngi_ment_at(ng_doc *d, int i) {
  if (i < 0 || i >= (int)d->ntoks)
    return -1;
  return d->toks[i].ment;
}

/* "the prime minister" with no person found by the roles stage: the one
 * person of the article who holds that title, if only one does (not
 * searched in articles of hundreds of persons: no cue-by-person cost). */
static int role_holder(ng_doc *d, const ngi_ment *m) {
  if (m->kind != M_DESC || m->t1 - m->t0 < 2 || d->npers > 256 ||
      !ngi_tok_is(&d->toks[m->t0], "the"))
    return -1;
  char want[128];
  size_t n = 0;
  for (int i = m->t0 + 1; i < m->t1; i++) {
    const ngi_tok *t = &d->toks[i];
    if (n + t->lowlen + 2 >= sizeof want)
      return -1;
    if (n)
      want[n++] = ' ';
    memcpy(want + n, t->low, t->lowlen);
    n += t->lowlen;
  }
  want[n] = '\0';
  int found = -1;
  for (size_t p = 0; p < d->npers; p++)
    for (size_t r = 0; r < d->pers[p].nroles; r++) {
      const ngi_role *ro = &d->pers[p].roles[r];
      char low[128];
      if (ro->former || !ro->title)
        continue;
      ngi_lower(ro->title, strlen(ro->title), low, sizeof low);
      if (strcmp(low, want) != 0)
        continue;
      if (found >= 0 && found != (int)p)
        return -1; /* two prime ministers: not told apart here */
      found = (int)p;
    }
  return found;
}

ngi_agent ngi_agent_of(ng_doc *d, int mi) {
  ngi_agent a = {NGI_AGENT_NONE, -1};
  if (mi < 0)
    return a;
  ngi_ment *m = &d->ments[mi];
  if (m->kind == M_DESC && (ngi_tok_is(&d->toks[m->t0], "a") ||
                            ngi_tok_is(&d->toks[m->t0], "an")))
    return a; /* "a federal judge said": someone new, not a known person */
  int p = ngi_ment_person(d, mi);
  if (p < 0 && m->kind == M_DESC)
    p = role_holder(d, m);
  if (m->kind == M_PRON && (m->gender == 'M' || m->gender == 'F')) {
    /* "he added": the last speaker, if near and of that gender */
    const ngi_para *pa = &d->paras[d->toks[m->t0].para];
    int ls = d->speaker;
    if (ls >= 0 && pa->section == d->speaker_section &&
        d->toks[m->t0].para - d->speaker_para <= 2 &&
        (!d->pers[ls].gender || d->pers[ls].gender == m->gender))
      p = m->subject = ls;
    else if (p < 0)
      p = m->subject = ngi_recent_person(d, m->t0, m->gender, -1);
  }
  if (p >= 0) {
    a.kind = NGI_AGENT_PERSON;
    a.index = p;
  } else if ((m->kind == M_ORG || m->kind == M_PLACE) &&
             ngi_ment_entity(d, mi) >= 0) {
    a.kind = NGI_AGENT_ORG;
    a.index = m->entity;
  }
  return a;
}

static int locative(const ngi_tok *t) {
  return ngi_tok_is(t, "at") || ngi_tok_is(t, "in") ||
         ngi_tok_is(t, "near") || ngi_tok_is(t, "outside") ||
         ngi_tok_is(t, "inside") || ngi_tok_is(t, "across");
}

static int be_word(const ngi_tok *t) {
  return ngi_tok_is(t, "was") || ngi_tok_is(t, "were") ||
         ngi_tok_is(t, "is") || ngi_tok_is(t, "are");
}

static int is_adverb(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  if (!(t->flags & T_WORD) || (t->flags & T_CAP))
    return 0;
  size_t n = strlen(t->low);
  return (n > 3 && strcmp(t->low + n - 2, "ly") == 0) ||
         ngi_tok_is(t, "also") || ngi_tok_is(t, "later") ||
         ngi_tok_is(t, "has") || ngi_tok_is(t, "had") ||
         ngi_tok_is(t, "have") || ngi_tok_is(t, "long") ||
         ngi_tok_is(t, "then") || ngi_tok_is(t, "again") ||
         ngi_tok_is(t, "once") || ngi_tok_is(t, "further") ||
         ngi_tok_is(t, "still") || ngi_tok_is(t, "had") ||
         ngi_tok_is(t, "would") || ngi_tok_is(t, "will") ||
         ngi_tok_is(t, "did") || ngi_tok_is(t, "not") ||
         ngi_tok_is(t, "never") || ngi_tok_is(t, "repeatedly");
}

/* Is the word at k (say, opening a sentence) capitalised elsewhere in
 * the middle of a sentence, so a name rather than any word? */
static int proper_word(ng_doc *d, int k) {
  if (!d->midcaps_built) {
    for (size_t x = 0; x < d->ntoks; x++)
      if ((d->toks[x].flags & T_CAP) && !(d->toks[x].flags & T_SSTART) &&
          ngi_map_put(&d->midcaps, d->toks[x].low, 1))
        return 0;
    d->midcaps_built = 1;
  }
  return ngi_tok_in(&d->midcaps, &d->toks[k], NULL);
}

/* "the ministry" at [t0, j]: the organisation named earlier whose name
 * ends in that word ("the Finance Ministry"); police with none named
 * before are the police. */
static int org_anaphor(ng_doc *d, int t0, int j) {
  const ngi_tok *w = &d->toks[j];
  int e = -1, place = -1;
  for (int k = t0 - 1, para = w->para; k >= 0 && k >= t0 - 800; k--) {
    const ngi_tok *t = &d->toks[k];
    if (para - t->para > 6 || d->paras[t->para].heading)
      break;
    int m = t->ment;
    if (place < 0 && m >= 0 && d->ments[m].t0 == k && !(t->flags & T_INQ) &&
        ((d->ments[m].kind == M_PLACE &&
          (d->ments[m].place >= 0 || d->ments[m].entity >= 0)) ||
         (d->ments[m].kind == M_ORG && d->ments[m].entity >= 0 &&
          d->orgs[d->ments[m].entity].country == 1)))
      place = m;
    if (m >= 0 && d->ments[m].t1 - 1 == k && d->ments[m].kind == M_ORG &&
        d->ments[m].t1 - d->ments[m].t0 > 1 && strcmp(t->low, w->low) == 0 &&
        (e = ngi_ment_entity(d, m)) >= 0)
      break;
  }
  /* "the government said" with no government named: the country the
   * text last named (FORMAT.md folds governments into countries) */
  if (e < 0 && place >= 0 && ngi_tok_is(w, "government"))
    e = ngi_ment_entity(d, place);
  if (e < 0 && ngi_tok_is(w, "police")) {
    const char *label = ngi_span_text(d, j, j + 1);
    e = ngi_org_entity(d, label, NULL, 0, label);
  }
  if (e < 0)
    return -1;
  ngi_ment *x = NGI_PUSH(&d->arena, d->ments, d->nments, d->capments);
  if (!x)
    return -1;
  memset(x, 0, sizeof *x);
  x->t0 = t0;
  x->t1 = j + 1;
  x->kind = M_ORG;
  x->entity = e;
  x->subject = -1;
  x->country = -1;
  for (int i = t0; i <= j; i++)
    d->toks[i].ment = (int)d->nments - 1;
  return (int)d->nments - 1;
}

/* An organisation as a noun phrase ending at token k: "Geneva police",
 * "A Swiss army spokesman" -> the organisation. */
static int org_np(ng_doc *d, int k, int s0) {
  const ngi_tok *t = &d->toks[k];
  int j = k;
  if (ngi_tok_is(t, "spokesman") || ngi_tok_is(t, "spokeswoman") ||
      ngi_tok_is(t, "spokesperson") || ngi_tok_is(t, "statement"))
    j--;
  if (j < s0 || !(d->toks[j].flags & T_WORD))
    return -1;
  int m = d->toks[j].ment;
  if (m >= 0 && (d->ments[m].kind == M_ORG || d->ments[m].kind == M_PLACE))
    return m;
  if (!ngi_map_get(&d->lex->orgword, d->toks[j].low, NULL))
    return -1;
  /* lower-case organisation word after a place: "Geneva police" */
  int b = j - 1;
  if ((b < s0 || ngi_tok_is(&d->toks[b], "the")) &&
      (m = org_anaphor(d, b >= s0 ? b : j, j)) >= 0)
    return m; /* "the ministry said", "Police said" */
  if (b >= s0 && d->toks[b].ment < 0 && (d->toks[b].flags & T_CAP) &&
      (!(d->toks[b].flags & T_SSTART) || proper_word(d, b)) &&
      !ngi_map_get(&d->lex->notname, d->toks[b].low, NULL)) {
    const char *label = ngi_span_text(d, b, j + 1);
    int e = ngi_org_entity(d, label, NULL, 0, label);
    ngi_ment *x = e >= 0 ? NGI_PUSH(&d->arena, d->ments, d->nments,
                                    d->capments)
                         : NULL;
    if (!x)
      return -1;
    x->t0 = b;
    x->t1 = j + 1;
    x->kind = M_ORG;
    x->entity = e;
    x->subject = -1;
    d->toks[b].ment = d->toks[j].ment = (int)d->nments - 1;
    return (int)d->nments - 1;
  }
  if (b >= s0 && (m = d->toks[b].ment) >= 0 &&
      (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG)) {
    const char *label = ngi_span_text(d, d->ments[m].t0, j + 1);
    int e = ngi_org_entity(d, label, NULL, 0, label);
    if (e < 0)
      return -1;
    d->ments[m].t1 = j + 1;
    d->ments[m].kind = M_ORG;
    d->ments[m].entity = e;
    for (int x = d->ments[m].t0; x <= j; x++)
      d->toks[x].ment = m;
    return m;
  }
  return -1;
}

static int function_word(const ngi_tok *t) {
  static const char *const F[] = {"the", "a", "an", "in", "on", "at", "of",
                                  "for", "and", "but", "or", "to", "by",
                                  "with", "from", "as", "if", "when",
                                  "while", "after", "before", "this",
                                  "that", "these", "those", NULL};
  for (int i = 0; F[i]; i++)
    if (ngi_tok_is(t, F[i]))
      return 1;
  return 0;
}

/* Capitalised words right before a speech verb that are neither a person
 * nor a known place: a newspaper, a company ("Kathimerini said"). */
/* Digits and a capital letter: "4Cast", "3M" (not "1990", "the 90s"). */
static int alnum_name(const ng_doc *d, const ngi_tok *t) {
  if (!(t->flags & T_NUM) || t->e - t->b < 2)
    return 0;
  for (uint32_t i = t->b; i < t->e; i++)
    if (d->text[i] >= 'A' && d->text[i] <= 'Z')
      return 1;
  return 0;
}

static int cap_word(ng_doc *d, int j) {
  return ((d->toks[j].flags & (T_CAP | T_ALLCAPS)) ||
          alnum_name(d, &d->toks[j])) &&
         (d->toks[j].flags & T_WORD) && d->toks[j].ment < 0 &&
         !(d->toks[j].flags & T_INQ) && !function_word(&d->toks[j]) &&
         (ngi_title_kind(d, j) == 0 ||
          ngi_title_kind(d, j) == NGI_TITLE_MODIFIER);
}

/* "the Trade and Industry Ministry said" where only "Industry Ministry"
 * was found: the organisation's name takes the words joined by "and". */
static int org_and(ng_doc *d, int m, int s0) {
  ngi_ment *x = &d->ments[m];
  int a = x->t0 - 1;
  if (x->kind != M_ORG || a - 1 < s0 || !ngi_tok_is(&d->toks[a], "and") ||
      !cap_word(d, a - 1) || (d->toks[x->t0].flags & T_SSTART) ||
      !ngi_tok_in(&d->lex->orgword, &d->toks[x->t1 - 1], NULL))
    return m;
  int b = a - 1;
  while (b > s0 && b > a - 3 && cap_word(d, b - 1))
    b--;
  const char *label = ngi_span_text(d, b, x->t1);
  int e = ngi_org_entity(d, label, NULL, 0, label);
  if (e < 0)
    return m;
  x->t0 = b;
  x->entity = e;
  for (int i = b; i < x->t1; i++)
    d->toks[i].ment = m;
  return m;
}

static int cap_org(ng_doc *d, int k, int s0) {
  int j = k;
  /* "and" joins capitalised words: "the Trade and Industry Department" */
  while (j >= s0 && (cap_word(d, j) ||
                     (j < k && j - 1 >= s0 && ngi_tok_is(&d->toks[j], "and") &&
                      !(d->toks[j + 1].flags & T_SSTART) && cap_word(d, j - 1) &&
                      ngi_tok_in(&d->lex->orgword, &d->toks[k], NULL))))
    j--;
  if (j == k || k - j > 4)
    return -1;
  if (k == j + 1 && ngi_map_get(&d->lex->timeword, d->toks[k].low, NULL) &&
      !ngi_map_get(&d->lex->given, d->toks[k].low, NULL))
    return -1; /* "Wednesday" alone speaks for nobody ("May" may) */
  if ((d->toks[j + 1].flags & T_SSTART) && k == j + 1) {
    /* a capitalised word that opens a sentence may be any word: take it
     * only if the article also capitalises it mid-sentence */
    if (!proper_word(d, k))
      return -1;
  }
  const char *label = ngi_span_text(d, j + 1, k + 1);
  int e = ngi_org_entity(d, label, NULL, 0, label);
  if (e < 0)
    return -1;
  ngi_ment *m = NGI_PUSH(&d->arena, d->ments, d->nments, d->capments);
  if (!m)
    return -1;
  m->t0 = j + 1;
  m->t1 = k + 1;
  m->kind = M_ORG;
  m->entity = e;
  m->subject = -1;
  for (int x = j + 1; x <= k; x++)
    d->toks[x].ment = (int)d->nments - 1;
  return (int)d->nments - 1;
}

/* A body named at k, after "according to", "by", "from": "analysts
 * Acme", "the consultancy Acme Partners", "Acme" -- a mention already
 * found, or capitalised words not yet a name, which become an
 * organisation.  Lower-case words before them are nouns for a body (the
 * class body-noun of cue-words.tsv). */
int ngi_named_org(ng_doc *d, int k, int s1) {
  int j = k;
  if (j < s1 && (ngi_tok_is(&d->toks[j], "the") || ngi_tok_is(&d->toks[j], "a")))
    j++;
  int nouns = 0;
  while (j < s1 && nouns < 3 && !(d->toks[j].flags & (T_CAP | T_NUM))) {
    if (!ngi_tok_cue(d->lex, &d->toks[j], NGI_CUE_BODY_NOUN))
      break;
    j++, nouns++;
  }
  if (j >= s1 || (d->toks[j].flags & (T_INQ | T_QUOTE)))
    return -1;
  if (j + 1 < s1 && ngi_is_honorific(d, j))
    j++; /* "research by Dr Lee": the person */
  int m = d->toks[j].ment;
  if (m >= 0 && d->ments[m].t0 == j &&
      (d->ments[m].kind == M_ORG || d->ments[m].kind == M_PLACE ||
       d->ments[m].kind == M_PERSON))
    return m;
  if (m >= 0 || !cap_word(d, j))
    return -1;
  int e = j;
  while (e + 1 < s1 && e < j + 3 && cap_word(d, e + 1))
    e++;
  if (e + 1 < s1 && (d->toks[e + 1].flags & T_WORD) &&
      !(d->toks[e + 1].flags & (T_CAP | T_NUM)) && !nouns &&
      !ngi_tok_is(&d->toks[e + 1], "and"))
    return -1; /* "according to Recent surveys": not a name */
  return cap_org(d, e, j);
}

/* ------------------------------------------------ description speakers */

/* A noun for a person: a title, an occupation or a describer
 * ("director", "striker", "leader"). */
static int person_head(const ng_doc *d, int k) {
  int kind = ngi_title_kind(d, k);
  if (strncmp(d->toks[k].low, "spokes", 6) == 0)
    return 0; /* the spokesman speaks for a body, not for the last person */
  const char *yo = strstr(d->toks[k].low, "-year-old");
  if (yo && yo > d->toks[k].low && yo[9] == '\0' &&
      d->toks[k].low[0] >= '0' && d->toks[k].low[0] <= '9')
    return 1; /* "the 52-year-old said" */
  return kind == NGI_TITLE_OFFICE || kind == NGI_TITLE_OCCUPATION ||
         ngi_tok_in(&d->lex->describer, &d->toks[k], NULL);
}

/* A word that may qualify the head of a description: "the veteran
 * Brazilian", "the club's", "the 34-year-old". */
static int desc_word(const ng_doc *d, int k) {
  const ngi_tok *t = &d->toks[k];
  if (!(t->flags & (T_WORD | T_NUM)) || (t->flags & (T_INQ | T_QUOTE)) ||
      ngi_speech_at(d, k) || ngi_is_honorific(d, k))
    return 0;
  int m = t->ment;
  if (m >= 0 && d->ments[m].kind != M_PLACE && d->ments[m].kind != M_ORG)
    return 0; /* a name, a pronoun: not a bare description */
  static const char *const NO[] = {
      "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at",
      "for", "by", "with", "from", "that", "who", "which", "this", "it",
      "is", "was", "has", "had", "will", "would", NULL};
  for (int i = 0; NO[i]; i++)
    if (ngi_tok_is(t, NO[i]))
      return 0;
  return 1;
}

/* The person a description with no name stands for: among the persons
 * the nearest sentences before it are about (their subjects), the one
 * holding a role with the head word, else the nearest one. */
static int desc_person_m(ng_doc *d, int t0, int head, int *matched) {
  int s = d->toks[t0].sent, para = d->toks[t0].para, near = -1;
  *matched = 0;
  for (int x = s - 1, n = 0; x >= 0 && n < 4; x--, n++) {
    const ngi_sent *se = &d->sents[x];
    if (para - se->para > 1 || d->paras[se->para].heading)
      break;
    int m = ngi_sentence_subject(d, se->t0, se->t1);
    if (m < 0)
      continue;
    int p = ngi_ment_person(d, m);
    if (p < 0 && d->ments[m].kind == M_PRON)
      continue; /* "He made his fortune ...": about the same one, maybe */
    if (p < 0 || (d->toks[d->ments[m].t1 - 1].flags & T_POSS))
      break; /* the sentence is about something else */
    for (size_t r = 0; r < d->pers[p].nroles; r++) {
      char low[128];
      const ngi_role *ro = &d->pers[p].roles[r];
      ngi_lower(ro->title, strlen(ro->title), low, sizeof low);
      if (strstr(low, d->toks[head].low)) {
        *matched = 1;
        return p;
      }
    }
    if (near < 0)
      near = p;
  }
  return near;
}

static int desc_person(ng_doc *d, int t0, int head) {
  int matched;
  return desc_person_m(d, t0, head, &matched);
}

/* A description mention found by the names stage ("the club's striker")
 * as a speaker: the person a recent sentence is about who holds that role,
 * else the roles stage's answer, else the person recent sentences are
 * about -- not merely the last name printed ("praise for Lee's goal"). */
static int desc_source(ng_doc *d, int m) {
  ngi_ment *x = &d->ments[m];
  if (x->kind != M_DESC || !ngi_tok_is(&d->toks[x->t0], "the"))
    return m;
  int head = -1;
  for (int k = x->t0 + 1; k < x->t1; k++)
    if (person_head(d, k))
      head = k;
  if (head < 0 || ngi_title_kind(d, head) == NGI_TITLE_OFFICE)
    return m; /* "the president": the office holder, told by roles.c */
  int matched, p = desc_person_m(d, x->t0, head, &matched);
  if (p >= 0 && (matched || x->subject < 0))
    x->subject = p;
  return m;
}

/* A mention for the description [t0, t1) standing for person p. */
static int desc_ment(ng_doc *d, int t0, int t1, int p) {
  ngi_ment *x = NGI_PUSH(&d->arena, d->ments, d->nments, d->capments);
  if (!x)
    return -1;
  memset(x, 0, sizeof *x);
  x->t0 = t0;
  x->t1 = t1;
  x->kind = M_DESC;
  x->entity = -1;
  x->subject = p;
  x->country = -1;
  for (int i = t0; i < t1; i++)
    d->toks[i].ment = (int)d->nments - 1;
  return (int)d->nments - 1;
}

/* After an inverted verb at j: "said the museum's executive director,
 * Ann Lee" (the named person), "said the veteran striker" (the person
 * described).  The description must end the clause. */
static int desc_after(ng_doc *d, int j, int s1) {
  if (j >= s1 || !ngi_tok_is(&d->toks[j], "the"))
    return -1;
  int k = j + 1, head = -1;
  while (k < s1 && k < j + 6 && desc_word(d, k)) {
    if (person_head(d, k))
      head = k;
    k++;
  }
  if (head < 0)
    return -1;
  if (k + 1 < s1 && head == k - 1 && ngi_tok_is(&d->toks[k], ",")) {
    int m = d->toks[k + 1].ment;
    if (m >= 0 && d->ments[m].t0 == k + 1 && d->ments[m].kind == M_PERSON &&
        (d->ments[m].t1 >= s1 ||
         (d->toks[d->ments[m].t1].flags & T_PUNCT)))
      return m; /* said the club's coach, Ann Lee */
  }
  int n = k < s1 ? d->toks[k].ment : -1;
  if (head == k - 1 && n >= 0 && d->ments[n].t0 == k &&
      d->ments[n].kind == M_PERSON)
    return n; /* said the club's press officer Ann Lee */
  if (head != k - 1 || (k < s1 && !(d->toks[k].flags & T_PUNCT)))
    return -1;
  int p = desc_person(d, j, head);
  return p >= 0 ? desc_ment(d, j, k, p) : -1;
}

/* After an inverted verb at j, with no article: "said club captain Ann
 * Lee", "said Oscar winner Ann Lee" -- title words, then the name. */
static int titled_after(ng_doc *d, int j, int s1) {
  int x = j, h = -1;
  while (x < s1 && x < j + 5 && (desc_word(d, x) || cap_word(d, x))) {
    if (person_head(d, x))
      h = x;
    x++;
  }
  int n = x < s1 ? d->toks[x].ment : -1;
  if (h >= 0 && h == x - 1 && n >= 0 && d->ments[n].t0 == x &&
      d->ments[n].kind == M_PERSON)
    return n;
  return -1;
}

/* Before the verb, ending at k: "“...,” the veteran striker said". */
static int desc_before(ng_doc *d, int k, int s0) {
  if (!person_head(d, k) || !desc_word(d, k))
    return -1;
  int b = k;
  while (b > s0 && b > k - 5 && desc_word(d, b - 1))
    b--;
  if (b <= s0 || !ngi_tok_is(&d->toks[b - 1], "the"))
    return -1;
  int t = b - 1; /* "the" opens the sentence or follows a quote or comma */
  if (t > s0 && !(d->toks[t - 1].flags & T_QUOTE) &&
      !ngi_tok_is(&d->toks[t - 1], ","))
    return -1;
  int p = desc_person(d, t, k);
  return p >= 0 ? desc_ment(d, t, k + 1, p) : -1;
}

/* The source of the cue at verb v: before it, or right after it. */
int ngi_source_of(ng_doc *d, int v, int s0, int s1, int *after) {
  *after = 0;
  int k = v - 1;
  for (;;) {
    while (k >= s0 && is_adverb(d, k))
      k--;
    /* "Putin on Wednesday dismissed", "X last week said": a time phrase */
    if (k - 1 >= s0 && ngi_map_get(&d->lex->timeword, d->toks[k].low, NULL) &&
        (ngi_tok_is(&d->toks[k - 1], "on") ||
         ngi_tok_is(&d->toks[k - 1], "last") ||
         ngi_tok_is(&d->toks[k - 1], "this") ||
         ngi_tok_is(&d->toks[k - 1], "earlier") ||
         ngi_tok_is(&d->toks[k - 1], "late") ||
         ngi_tok_is(&d->toks[k - 1], "early"))) {
      k -= 2;
      continue;
    }
    /* "He went on to accuse", "X was quick to deny": the subject of the
     * verb before "to" */
    if (k - 1 >= s0 && ngi_tok_is(&d->toks[k], "to")) {
      int on = ngi_tok_is(&d->toks[k - 1], "on") && k - 2 >= s0 &&
               (ngi_tok_is(&d->toks[k - 2], "went") ||
                ngi_tok_is(&d->toks[k - 2], "go") ||
                ngi_tok_is(&d->toks[k - 2], "goes") ||
                ngi_tok_is(&d->toks[k - 2], "going"));
      /* "proceeded to", "was quick to": lead-verb in cue-words.tsv */
      int lead =
          !on && ngi_tok_cue(d->lex, &d->toks[k - 1], NGI_CUE_LEAD_VERB);
      if (on || lead) {
        k -= on ? 3 : 2;
        if (lead && k >= s0 && be_word(&d->toks[k]))
          k--; /* "was quick to" */
        continue;
      }
    }
    break;
  }
  /* "His spokesman said": the person the spokesman speaks for */
  if (k - 1 >= s0 && strncmp(d->toks[k].low, "spokes", 6) == 0 &&
      (ngi_tok_is(&d->toks[k - 1], "his") ||
       ngi_tok_is(&d->toks[k - 1], "her"))) {
    int m = d->toks[k - 1].ment;
    if (m >= 0 && d->ments[m].kind == M_PRON)
      return m;
  }
  /* "Ann Lee, who denounced": the one before the relative */
  if (k - 2 >= s0 && ngi_tok_is(&d->toks[k], "who") &&
      ngi_tok_is(&d->toks[k - 1], ",")) {
    int m = ngi_ment_at(d, k - 2);
    if (m >= 0 && ngi_ment_person(d, m) >= 0)
      return m;
  }
  /* "Avinoam Idan, said" / "X, for his part, said" / "X, deputy director
   * of Y, said": the source before the comma or before the apposition */
  if (k >= s0 && ngi_tok_is(&d->toks[k], ",")) {
    int m;
    /* "Ann Lee, the sister of Bo Lee, recalled": the one the apposition
     * describes, not the name inside it */
    int c = k - 1;
    while (c > s0 && c > k - 14 && !ngi_tok_is(&d->toks[c], ",") &&
           !(d->toks[c].flags & (T_QUOTE | T_INQ)))
      c--;
    if (c > s0 && c < k - 2 && ngi_tok_is(&d->toks[c], ",") &&
        (m = ngi_ment_at(d, c - 1)) >= 0 && d->ments[m].kind == M_PERSON &&
        !(d->toks[c - 1].flags & T_INQ) &&
        (ngi_tok_is(&d->toks[c + 1], "the") ||
         ngi_tok_is(&d->toks[c + 1], "a") ||
         ngi_tok_is(&d->toks[c + 1], "an") || person_head(d, c + 1)))
      return m;
    m = ngi_ment_at(d, k - 1);
    if (k - 1 >= s0 && m >= 0 && ngi_ment_person(d, m) >= 0)
      return m;
    int j = k - 1;
    while (j >= s0 && !ngi_tok_is(&d->toks[j], ",") &&
           !(d->toks[j].flags & T_QUOTE))
      j--;
    if (j > s0 && ngi_tok_is(&d->toks[j], ",") &&
        (m = ngi_ment_at(d, j - 1)) >= 0 && d->ments[m].kind &&
        d->ments[m].kind != M_PRON)
      return m; /* "Mr Balls, who stepped down ..., had suggested" */
    if (j > s0 && ngi_tok_is(&d->toks[j], ","))
      k = j - 1;
  }
  if (k >= s0) {
    int m = ngi_ment_at(d, k);
    if (m >= 0 && (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG)
        && d->ments[m].t0 - 2 >= s0 &&
        ngi_tok_is(&d->toks[d->ments[m].t0 - 1], "of")) {
      /* "President X of Egypt said": the person */
      int pm = ngi_ment_at(d, d->ments[m].t0 - 2);
      if (pm >= 0 && ngi_ment_person(d, pm) >= 0)
        return pm;
    }
    if (m >= 0 && d->ments[m].kind == M_PLACE && d->ments[m].t0 - 2 >= s0 &&
        ngi_tok_is(&d->toks[d->ments[m].t0 - 1], "in")) {
      /* "Democratic Rally in Cyprus hailed": the body, not the place */
      int o = ngi_ment_at(d, d->ments[m].t0 - 2);
      if (o >= 0 && (d->ments[o].kind == M_ORG ||
                     ngi_ment_person(d, o) >= 0))
        return o;
      if ((o = cap_org(d, d->ments[m].t0 - 2, s0)) >= 0)
        return o;
    }
    int pre = m >= 0 ? d->ments[m].t0 - 1 : -1;
    if (pre > s0 && ngi_tok_is(&d->toks[pre], "the"))
      pre--;
    if (m >= 0 && (d->ments[m].kind == M_ORG || d->ments[m].kind == M_PLACE) &&
        pre > s0 && (locative(&d->toks[pre]) ||
                     ngi_tok_is(&d->toks[pre], "from") ||
                     ngi_tok_is(&d->toks[pre], "among"))) {
      /* "Ann Lee and others in the Green Party warned": the person who
       * heads the subject, not the body that qualifies it */
      int sm = ngi_sentence_subject(d, s0, pre);
      int clean = sm >= 0 && d->ments[sm].kind == M_PERSON;
      for (int x = sm >= 0 ? d->ments[sm].t1 : pre; clean && x < pre; x++)
        if (d->toks[x].flags & (T_PUNCT | T_INQ))
          clean = 0;
      if (clean)
        return sm;
    }
    if (m >= 0 && d->ments[m].kind && d->ments[m].kind != M_PRON &&
        d->ments[m].t0 - 1 >= s0 && locative(&d->toks[d->ments[m].t0 - 1]))
      return -1; /* "leaflets at Munich University calling for": a place */
    if (m >= 0 && d->ments[m].kind && !(d->toks[k].flags & T_INQ) &&
        !(d->toks[k].flags & T_POSS))
      return desc_source(d, org_and(d, m, s0));
    if ((m = desc_before(d, k, s0)) >= 0)
      return m;
    if ((m = org_np(d, k, s0)) >= 0)
      return m;
    if ((m = cap_org(d, k, s0)) >= 0)
      return m;
  }
  /* inverted: “...,” said Putin / , emphasized the head of state */
  int j = v + 1;
  const ngi_tok *pv = v > s0 ? &d->toks[v - 1] : NULL;
  if (j < s1 && pv && (ngi_tok_is(pv, ",") || (pv->flags & T_QUOTE))) {
    int m = ngi_ment_at(d, j);
    if (m < 0 && j + 1 < s1 && ngi_is_honorific(d, j))
      m = ngi_ment_at(d, j + 1); /* said Mr Bloggs */
    if (m >= 0 && (d->toks[d->ments[m].t1 - 1].flags & T_POSS)) {
      /* said the singer's agent Ann Lee: the agent, not the singer */
      int x = d->ments[m].t1, h = -1;
      while (x < s1 && x < d->ments[m].t1 + 4 && desc_word(d, x))
        h = person_head(d, x) ? x : h, x++;
      int n = x < s1 ? d->toks[x].ment : -1;
      if (h == x - 1 && n >= 0 && d->ments[n].t0 == x &&
          d->ments[n].kind == M_PERSON) {
        *after = 1;
        return n;
      }
      m = -1;
    }
    int tn = (m < 0 || d->ments[m].kind == M_ORG ||
              d->ments[m].kind == M_PLACE)
                 ? titled_after(d, j, s1)
                 : -1;
    if (tn >= 0) {
      *after = 1;
      return tn;
    }
    if (m >= 0 && d->ments[m].kind && d->ments[m].kind != M_PRON) {
      *after = 1;
      return desc_source(d, m);
    }
    if ((m = desc_after(d, j, s1)) >= 0) {
      *after = 1;
      return m;
    }
    if (j + 1 < s1 && ngi_tok_is(&d->toks[j], "the") &&
        (m = ngi_ment_at(d, j + 1)) >= 0 && d->ments[m].kind) {
      *after = 1;
      return desc_source(d, m);
    }
  }
  return -1;
}

/* The subject of the sentence's main clause: its first person or
 * organisation outside quotes, after a leading subordinate clause or
 * adverbial ("When Biden identified ..., Russia took ..."; "In a recent
 * interview, former US Marine P. Whelan ..."), a place that only qualifies
 * a title ("US Marine") passed over. */
int ngi_sentence_subject(ng_doc *d, int s0, int v) {
  static const char *const SUB[] = {"when", "if", "after", "before", "as",
                                    "while", "although", "though", "since",
                                    "because", "in", "on", "at", "during",
                                    "with", "despite", "following", NULL};
  int k0 = s0;
  for (int i = 0; SUB[i]; i++)
    if (ngi_tok_is(&d->toks[s0], SUB[i])) {
      int k = s0;
      while (k < v && !(ngi_tok_is(&d->toks[k], ",") &&
                        !(d->toks[k].flags & T_INQ)) &&
             !((d->toks[k].flags & T_QUOTE) && k > s0 &&
               ngi_tok_is(&d->toks[k - 1], ",")))
        k++; /* the clause ends at its comma, also one inside “...,” */
      if (k < v)
        k0 = k + 1;
      break;
    }
  for (int k = k0; k < v; k++) {
    int m = d->toks[k].ment;
    if (m < 0 || (d->toks[k].flags & T_INQ) || !d->ments[m].kind ||
        d->ments[m].t0 != k)
      continue;
    int kind = d->ments[m].kind;
    if (kind == M_PRON && (ngi_tok_is(&d->toks[k], "his") ||
                           ngi_tok_is(&d->toks[k], "her") ||
                           ngi_tok_is(&d->toks[k], "its") ||
                           ngi_tok_is(&d->toks[k], "their")))
      continue; /* "Her lawyers said": a determiner, not the subject */
    if ((kind == M_PLACE || kind == M_ORG) && d->ments[m].t1 < v &&
        ngi_title_kind(d, d->ments[m].t1))
      continue; /* "US Marine P. Whelan" */
    if (kind == M_PERSON || kind == M_ORG || kind == M_PLACE ||
        kind == M_DESC || kind == M_PRON)
      return m; /* "But he insisted X ...": he, not X */
  }
  return -1;
}
