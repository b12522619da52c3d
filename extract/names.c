/* names.c - mentions of persons, places and organisations; coreference.
 *
 * One pass over the tokens finds, in order of preference at each position:
 * a known organisation (lexicon, longest match), a capitalised run holding
 * an organisation word ("Greek Energy Forum"), a full person name (given
 * name or initial + surname, or capitalised words after an honorific or a
 * title), a place (country, demonym, capital, metonym), pronouns and role
 * descriptions ("the Russian president").  Single unknown capitalised words
 * are kept as candidate surnames.  Then full names become persons (forms
 * that share a surname and fitting first names merge), candidates attach to
 * the person whose surname they are, or become persons of their own on
 * evidence (honorific, title, speech verb, repetition).  roles.c adds roles
 * and resolves descriptions.
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "names.h"
#include "orgctx.h"

static int has(const ngi_map *m, const ngi_tok *t) {
  return ngi_tok_in(m, t, NULL);
}


/* "Who's", "We'll", "I'm", "Didn't": a contraction is never a name. */
static int contraction(const ng_doc *d, const ngi_tok *t) {
  static const char *const TAIL[] = {"'ll", "'re", "'ve", "'m", "'d", "n't",
                                     NULL};
  static const char *const S[] = {"who", "what", "where", "when", "why",
                                  "how", "it", "that", "there", "here",
                                  "he", "she", "let", "this", "everyone",
                                  "nobody", "someone", "everything",
                                  "nothing", "something", NULL};
  size_t n = t->e - t->b;
  const char *s = d->text + t->b;
  char buf[8];
  size_t k = 0;
  /* the last few bytes, with a typographic apostrophe as ' */
  for (size_t i = n > 6 ? n - 6 : 0; i < n && k + 1 < sizeof buf; i++) {
    if ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
        (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
      buf[k++] = '\'';
      i += 2;
    } else {
      buf[k++] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    }
  }
  buf[k] = 0;
  for (int i = 0; TAIL[i]; i++) {
    size_t m = strlen(TAIL[i]);
    if (k > m && strcmp(buf + k - m, TAIL[i]) == 0)
      return 1;
  }
  if (t->flags & T_POSS)
    for (int i = 0; S[i]; i++)
      if (ngi_tok_is(t, S[i]))
        return 1;
  return 0;
}

/* "Man-of-the-match", "Ex-champion", "Father-of-two": a capitalised
 * compound whose later parts are lower-case words is a description, not a
 * name ("Jean-Claude", "Smith-Jones", "Abu al-Hassan" are names). */
static int lower_compound(const ng_doc *d, const ngi_tok *t) {
  const char *s = d->text + t->b, *e = d->text + t->be;
  for (const char *p = s + 1; p + 1 < e; p++) {
    if (*p != '-' || !(p[1] >= 'a' && p[1] <= 'z'))
      continue;
    const char *q = p + 1;
    while (q < e && *q != '-')
      q++;
    size_t n = (size_t)(q - p - 1);
    static const char *const P[] = {"al", "el", "bin", "ibn", "ben", "ul",
                                    "ud", "ur", "e", "o", "de", "la", "van",
                                    "von", "der", "du", "y", "uly", "kyzy",
                                    "ogly", "oglu", "zade", "zadeh", NULL};
    int part = 0;
    for (int k = 0; P[k]; k++)
      if (strlen(P[k]) == n && strncmp(p + 1, P[k], n) == 0)
        part = 1;
    if (!part)
      return 1;
  }
  return 0;
}

static int led_word(const ngi_tok *t) {
  static const char *const S[] = {"-led", "-based", "-backed", "-owned",
                                  "-run", "-funded", "-controlled", NULL};
  size_t n = strlen(t->low);
  for (int i = 0; S[i]; i++) {
    size_t m = strlen(S[i]);
    if (n > m && strcmp(t->low + n - m, S[i]) == 0)
      return 1;
  }
  return 0;
}

/* A regnal number after a given name: "Elizabeth II", "Charles III". */
static int regnal(const ngi_tok *t) {
  static const char *const R[] = {"ii", "iii", "iv", "vi", "vii", "viii",
                                  "ix", "xi", "xii", "xiii", "xiv", "xv",
                                  "xvi", NULL};
  if (!(t->flags & T_ALLCAPS))
    return 0;
  for (int i = 0; R[i]; i++)
    if (ngi_tok_is(t, R[i]))
      return 1;
  return 0;
}

/* Can token i be part of a name after its first part? */
static int name_part(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  if (t->flags & T_HYPHNAME)
    return 1;
  if (t->flags & T_INITIAL)
    return 1;
  if (!(t->flags & T_CAP) || (t->flags & (T_ALLCAPS | T_NUM)))
    return 0;
  static const char *const FN[] = {"of", "the", "and", "in", "on", "at",
                                   "for", "to", "a", "an", "or", NULL};
  for (int k = 0; FN[k]; k++)
    if (ngi_tok_is(t, FN[k]))
      return 0; /* "Jewel Of The Nile" */
  const ng_lexicon *x = d->lex;
  /* an honorific starts a name of its own: "Harrogate Mr Kennedy" */
  if ((ngi_is_honorific(d, i) && i + 1 < (int)d->ntoks &&
       (d->toks[i + 1].flags & T_CAP) && d->toks[i + 1].sent == t->sent &&
       !ngi_is_honorific(d, i + 1)) ||
      contraction(d, t))
    return 0;
  /* ... but "Nursultan Abish-uly Nazarbayev": a patronymic after a given
   * name; "Bernie Sanders-backed" is not one */
  if (lower_compound(d, t) &&
      (i == 0 || !ngi_is_given(d, i - 1) || led_word(t) ||
       strchr(t->low, '-') != strrchr(t->low, '-')))
    return 0;
  /* "Acme More than ...", "Nolan Image": words that are never names
   * end a name, unless right after a given name ("Kanye West") */
  if (has(&x->notname, t) && !ngi_is_honorific(d, i) &&
      (ngi_tok_is(t, "i") || i == 0 || !ngi_is_given(d, i - 1)))
    return 0;
  /* a month right after a given name is a surname: "Theresa May", "Brian
   * May" (not "May 5") */
  int surname_month = has(&x->timeword, t) && i > 0 &&
                      (ngi_is_given(d, i - 1) || ngi_is_honorific(d, i - 1)) &&
                      !(i + 1 < (int)d->ntoks &&
                        (d->toks[i + 1].flags & T_NUM));
  /* a title right after a given name and before no other name is a
   * surname: "John Major", "Stephen King" (not "Will President Lee") */
  int office = ngi_title_kind(d, i) == NGI_TITLE_OFFICE;
  int surname_title =
      office && i > 0 && d->toks[i - 1].sent == t->sent &&
      ngi_is_given(d, i - 1) &&
      !(i + 1 < (int)d->ntoks && d->toks[i + 1].sent == t->sent &&
        ((d->toks[i + 1].flags & (T_CAP | T_ALLCAPS)) ||
         ngi_tok_is(&d->toks[i + 1], "of"))); /* "Mary Queen of Scots" */
  if (has(&x->orgword, t) || (has(&x->timeword, t) && !surname_month) ||
      has(&x->thingword, t) ||
      (office && !(surname_title && t->low[t->lowlen - 1] != 's')))
    return 0;
  intptr_t v;
  if (ngi_tok_in(&x->place, t, &v) &&
      NGI_PLACE_KIND(v) != NGI_PLACE_CAPITAL)
    return 0;
  return 1;
}

int ngi_name_particle(const ngi_tok *t) {
  static const char *const P[] = {"al", "el", "bin", "ibn", "van", "von",
                                  "de", "da", "di", "du", "der", "den",
                                  "le", "la", "dos", "das", "del", "ter",
                                  NULL};
  for (int i = 0; P[i]; i++)
    if (ngi_tok_is(t, P[i]))
      return 1;
  return 0;
}

/* A name particle that is an article in its language: "La", "Le". */
int ngi_article_particle(const ngi_tok *t) {
  return ngi_tok_is(t, "la") || ngi_tok_is(t, "le") || ngi_tok_is(t, "les") ||
         ngi_tok_is(t, "el");
}

/* "... played Agent X. Ann Lee said": an initial after a full word
 * and followed by two more names ends a sentence; it is not a middle
 * initial ("John F. Kennedy"). */
static int initial_ends_sentence(const ng_doc *d, int j, int end) {
  const ngi_tok *t = d->toks;
  return (t[j].flags & T_INITIAL) && j > 0 && t[j - 1].sent == t[j].sent &&
         (t[j - 1].flags & T_CAP) && !(t[j - 1].flags & T_INITIAL) &&
         j + 2 < end && (t[j + 1].flags & T_CAP) &&
         !(t[j + 1].flags & T_INITIAL) && name_part(d, j + 1) &&
         (t[j + 2].flags & T_CAP) && !(t[j + 2].flags & T_INITIAL) &&
         name_part(d, j + 2);
}

/* End (exclusive) of a name whose first part is at i, or i when none. */
static int name_end(const ng_doc *d, int i, int end) {
  int j = i + 1;
  if (d->toks[i].flags & T_POSS)
    return i + 1;
  if (initial_ends_sentence(d, i, end))
    return i;
  while (j < end) {
    const ngi_tok *t = &d->toks[j];
    if (ngi_name_particle(t) && !(t->flags & T_CAP) && j + 1 < end &&
        name_part(d, j + 1) && !(d->toks[j + 1].flags & T_INITIAL)) {
      j++;
      continue;
    }
    if (!name_part(d, j))
      break;
    if (initial_ends_sentence(d, j, end))
      break;
    j++;
    if (t->flags & T_POSS)
      break;
  }
  /* "Elizabeth II": a regnal number ends the name */
  if (j == i + 1 && j < end && regnal(&d->toks[j]) && ngi_is_given(d, i))
    return j + 1;
  /* a name does not end in an initial */
  while (j > i + 1 && (d->toks[j - 1].flags & T_INITIAL))
    j--;
  return j;
}

/* ------------------------------------------------------------ mentions */

static int add_ment(ng_doc *d, int t0, int t1, int kind, int entity) {
  ngi_ment *m = NGI_PUSH(&d->arena, d->ments, d->nments, d->capments);
  if (!m)
    return -1;
  m->t0 = t0;
  m->t1 = t1;
  m->kind = kind;
  m->entity = entity;
  m->subject = -1;
  m->place = -1;
  m->country = -1;
  int mi = (int)d->nments - 1;
  for (int k = t0; k < t1; k++)
    d->toks[k].ment = mi;
  /* "Theresa May": a lone "May" later may be her */
  if (kind == M_PERSON && t1 - t0 >= 2 &&
      ngi_tok_in(&d->lex->timeword, &d->toks[t1 - 1], NULL) &&
      ngi_map_put(&d->timesurnames, d->toks[t1 - 1].low, 1))
    return -1;
  return mi;
}

/* A time word that is the surname of a person named in full before: "May
 * said" after "Theresa May", not "in May" or "May 5". */
static int time_surname(const ng_doc *d, int i) {
  static const char *const BEFORE[] = {"in", "on", "since", "until", "by",
                                       "from", "of", "early", "late", "last",
                                       "next", "this", "mid", "to", NULL};
  const ngi_tok *t = &d->toks[i];
  if (!(t->flags & T_CAP) || !ngi_tok_in(&d->timesurnames, t, NULL))
    return 0;
  if (i + 1 < (int)d->ntoks && (d->toks[i + 1].flags & T_NUM))
    return 0;
  for (int k = 0; i > 0 && BEFORE[k]; k++)
    if (ngi_tok_is(&d->toks[i - 1], BEFORE[k]))
      return 0;
  return 1;
}

static int pronoun_gender(const ngi_tok *t) {
  static const struct {
    const char *w;
    int g;
  } P[] = {{"he", 'M'},    {"him", 'M'},  {"his", 'M'},   {"she", 'F'},
           {"her", 'F'},   {"it", 'N'},   {"its", 'N'},   {"they", 'P'},
           {"them", 'P'},  {"their", 'P'}, {"we", 'P'},   {"our", 'P'},
           {"i", 'I'},     {"my", 'I'},   {NULL, 0}};
  for (int i = 0; P[i].w; i++)
    if (ngi_tok_is(t, P[i].w))
      return P[i].g;
  return 0;
}

/* What a scan of org_run or thing_run that found nothing learnt: from
 * any start in [from, stop) of a sentence ending at end it finds nothing
 * either (the scan from a later start sees the same tokens with the same
 * stops), so a run of capitals is walked once, not once per token. */
typedef struct run_memo {
  int from, stop, end;
} run_memo;

static int memo_none(const run_memo *m, int i, int end) {
  return m->end == end && i >= m->from && i < m->stop;
}

/* A capitalised run with an organisation word: "Greek Energy Forum",
 * "Progressive Party of Working People".  Returns its end or i. */
static int org_run(const ng_doc *d, int i, int end, run_memo *memo) {
  int j = i, orgword = 0, last = i;
  if (memo_none(memo, i, end))
    return i;
  while (j < end) {
    const ngi_tok *t = &d->toks[j];
    if ((t->flags & (T_CAP | T_ALLCAPS)) && (t->flags & T_WORD)) {
      if (has(&d->lex->orgword, t))
        orgword = 1, last = j + 1;
      else if (ngi_is_given(d, j) && j + 1 < end && name_part(d, j + 1) &&
               !has(&d->lex->orgword, &d->toks[j + 1]) && j > i)
        break; /* "Council President Andrew Leung" */
      else if (orgword && ngi_title_kind(d, j) == NGI_TITLE_OFFICE)
        break; /* "Council President" */
      j++;
      if (t->flags & T_POSS)
        break;
      continue;
    }
    if (j > i && j + 1 < end && (d->toks[j + 1].flags & T_CAP) &&
        (ngi_tok_is(t, "of") || ngi_tok_is(t, "for") ||
         ngi_tok_is(t, "and") || ngi_tok_is(t, "on")) &&
        orgword) {
      j++;
      continue;
    }
    break;
  }
  if (!orgword) {
    memo->from = i, memo->stop = j, memo->end = end;
    return i;
  }
  /* the run may go on past its last organisation word with its object:
   * "Institute for Economic Research" -- keep up to the last capital */
  while (last < j && ((d->toks[last].flags & T_CAP) ||
                      (last + 1 < j && (d->toks[last + 1].flags & T_CAP) &&
                       (ngi_tok_is(&d->toks[last], "of") ||
                        ngi_tok_is(&d->toks[last], "for")))))
    last++; /* "Progressive Party of Working People", not "X and Y" */
  return last;
}


/* "Syrian Democratic Forces (SDF)": the acronym names the same body. */
/* A known acronym (cue-words.tsv) written as a word, as some papers
 * write "Nato" and "Opec": not at the start of a sentence, not a given
 * name ("Eli"), and not a word the article also writes in lower case
 * ("Who" next to "who"). */
static int acronym_as_word(const ng_doc *d, int i) {
  const ngi_tok *t = &d->toks[i];
  if ((t->flags & T_SSTART) || ngi_is_given(d, i) ||
      !ngi_tok_cue(d->lex, t, NGI_CUE_KNOWN_ACRONYM))
    return 0;
  for (size_t k = 0; k < d->ntoks; k++)
    if (!(d->toks[k].flags & (T_CAP | T_ALLCAPS)) &&
        d->toks[k].lowlen == t->lowlen && !strcmp(d->toks[k].low, t->low))
      return 0;
  return 1;
}

static int acronym_after(ng_doc *d, int n, int end, int entity) {
  if (n + 2 >= end || !ngi_tok_is(&d->toks[n], "(") ||
      !ngi_tok_is(&d->toks[n + 2], ")") ||
      !(d->toks[n + 1].flags & T_ALLCAPS))
    return 0;
  const char *acr = d->toks[n + 1].low;
  if (ngi_org_entity(d, d->orgs[entity].label, NULL, 0,
                     ngi_span_text(d, n + 1, n + 2)) < -1 ||
      ngi_add_acronym(d, acr, entity))
    return -1;
  return 1;
}

/* End of a capitalised run that holds a thing word ("World Cup", "Lake
 * Geneva"), or i when the run has none. */
static int thing_run(const ng_doc *d, int i, int end, run_memo *memo) {
  int j = i, thing = 0;
  if (memo_none(memo, i, end))
    return i;
  while (j < end && (d->toks[j].flags & (T_CAP | T_ALLCAPS)) &&
         (d->toks[j].flags & T_WORD) && !ngi_is_honorific(d, j)) {
    if (has(&d->lex->thingword, &d->toks[j]) &&
        !(d->toks[j].flags & T_SSTART) && !(j == i && ngi_is_given(d, j)))
      thing = j + 1; /* not "Bill de Blasio" */
    if (d->toks[j].flags & T_POSS)
      break;
    j++;
  }
  if (!thing)
    memo->from = i, memo->stop = j, memo->end = end;
  return thing ? thing : i;
}

static int is_article_word(const ngi_tok *t) {
  return ngi_tok_is(t, "the") || ngi_tok_is(t, "a") || ngi_tok_is(t, "an");
}

/* Descriptions: (the|his|her|its|their|a|an) [place adj]* TITLE [of PLACE].
 * Returns the end or i. */
static int description(const ng_doc *d, int i, int end, int *country) {
  const ngi_tok *t = &d->toks[i];
  *country = -1;
  if (!(is_article_word(t) || ngi_tok_is(t, "his") || ngi_tok_is(t, "her") ||
        ngi_tok_is(t, "its") || ngi_tok_is(t, "their")))
    return i;
  int j = i + 1, head = 0;
  intptr_t v;
  while (j < end) {
    int n = ngi_place_at(d, j, end, &v);
    if (n) {
      *country = NGI_PLACE_INDEX(v);
      j += n;
      continue;
    }
    if (ngi_tok_is(&d->toks[j], "former") || ngi_tok_is(&d->toks[j], "new"))
      {
      j++;
      continue;
    }
    break;
  }
  int k = j;
  while (k < end && k < j + 3) {
    int kind = ngi_title_kind(d, k);
    int desc = has(&d->lex->describer, &d->toks[k]);
    if (kind == NGI_TITLE_OFFICE || desc) {
      head = k + 1;
      k++;
      break;
    }
    if (kind == NGI_TITLE_MODIFIER) {
      k++;
      continue;
    }
    break;
  }
  if (!head)
    return i;
  /* "head of state", "president of the United States" */
  if (head + 1 < end && ngi_tok_is(&d->toks[head], "of")) {
    int h = head + 1;
    if (h < end && ngi_tok_is(&d->toks[h], "the"))
      h++;
    int n = h < end ? ngi_place_at(d, h, end, &v) : 0;
    if (n) {
      *country = NGI_PLACE_INDEX(v);
      head = h + n;
    } else if (h < end && ngi_tok_is(&d->toks[h], "state")) {
      head = h + 1;
    }
  }
  /* followed by a name: a title, not a description */
  if (head < end && (d->toks[head].flags & T_CAP) && name_part(d, head))
    return i;
  return head;
}

/* "a camp at Ain Issa", "entered Tell Tamer": a place more likely. */
static int locative_before(const ng_doc *d, int i, int s) {
  static const char *const L[] = {"at", "in", "into", "near", "outside",
                                  "inside", "across", "towards", "toward",
                                  "entered", "reached", "around", NULL};
  if (i <= d->sents[s].t0)
    return 0;
  if ((ngi_tok_is(&d->toks[i - 1], "and") || ngi_tok_is(&d->toks[i - 1], "or"))
      && i - 2 >= d->sents[s].t0 && (d->toks[i - 2].flags & T_CAP)) {
    int b = i - 2; /* "entered Tell Tamer and Ain Issa" */
    while (b > d->sents[s].t0 && (d->toks[b - 1].flags & T_CAP))
      b--;
    if (b < i - 2 || d->toks[b].ment < 0)
      return b > d->sents[s].t0 && locative_before(d, b, s);
  }
  for (int k = 0; L[k]; k++)
    if (ngi_tok_is(&d->toks[i - 1], L[k]))
      return 1;
  return 0;
}

int ngi_word_in(const ngi_tok *t, const char *const *list) {
  for (int k = 0; list[k]; k++)
    if (ngi_tok_is(t, list[k]))
      return 1;
  return 0;
}

/* "the film Silver Harbour", "his album Wild Hearts", "the game Fruit Rush":
 * a capitalised run right after a lower-case noun for a work or product
 * is its title, not a person. */
static int work_cue(const ng_doc *d, int i, int s) {
  if (i <= d->sents[s].t0)
    return 0;
  const ngi_tok *t = &d->toks[i - 1];
  return (t->flags & T_WORD) && !(t->flags & (T_CAP | T_ALLCAPS)) &&
         ngi_tok_cue(d->lex, t, NGI_CUE_WORK_NOUN);
}

/* "research firm Brightline", "the union Steelwork", "analysts Northgate": a
 * capitalised run right after a lower-case noun for a body, or for the
 * firms of a trade ("analysts", "pollsters"; not "athletes Vitas
 * Gerulaitis"), names an organisation. */
static int org_cue(const ng_doc *d, int i, int s) {
  if (i <= d->sents[s].t0)
    return 0;
  const ngi_tok *t = &d->toks[i - 1];
  if (!(t->flags & T_WORD) || (t->flags & (T_CAP | T_ALLCAPS)))
    return 0;
  return ngi_tok_cue(d->lex, t, NGI_CUE_ORG_NOUN);
}


static int hon_gender(const ngi_tok *t) {
  return ngi_tok_is(t, "mr") || ngi_tok_is(t, "mr.") ? 'M'
         : ngi_tok_is(t, "mrs") || ngi_tok_is(t, "mrs.") ||
                 ngi_tok_is(t, "ms") || ngi_tok_is(t, "ms.") ||
                 ngi_tok_is(t, "miss")
             ? 'F'
             : 0;
}

/* Is the two-word organisation run [i, n) a person whose surname is an
 * organisation word: after an honorific ("Mr Hall"), or a given name with
 * a role in apposition ("Ravi Journal, managing director")? */
static int surname_orgword(const ng_doc *d, int i, int n, int end) {
  const ngi_tok *t = d->toks;
  if (n != i + 2 || has(&d->lex->orgword, &t[i]) ||
      (t[i + 1].flags & T_ALLCAPS) || t[i + 1].low[t[i + 1].lowlen - 1] == 's')
    return 0;
  if (ngi_is_honorific(d, i))
    return 1;
  if (!ngi_is_given(d, i) || n + 1 >= end || !ngi_tok_is(&t[n], ",") ||
      (i > 0 && is_article_word(&t[i - 1])))
    return 0; /* not "the Supreme Court, President X" */
  for (int k = n + 1; k < end && k < n + 4; k++) {
    if (!(t[k].flags & T_WORD) || (t[k].flags & (T_CAP | T_ALLCAPS)))
      return 0;
    int kind = ngi_title_kind(d, k);
    if (kind == NGI_TITLE_OFFICE || kind == NGI_TITLE_OCCUPATION) {
      /* an apposition, not the next clause ("X, the chancellor said") */
      static const char *const AFTER[] = {",", "of", "at", "for", "with",
                                          "in", ".", ")", NULL};
      while (k + 1 < end && ngi_title_kind(d, k + 1) &&
             !(t[k + 1].flags & T_CAP))
        k++; /* "chief executive" */
      return k + 1 >= end || ngi_word_in(&t[k + 1], AFTER);
    }
  }
  return 0;
}

/* End of a title or a name after a cue: capitalised words, with "of",
 * "the" ... between them ("Do The Right Thing", "Lord of the Rings"; not
 * "and": "the biopic Ray and Ann Lee's drama"). */
static int cap_run(const ng_doc *d, int i, int end) {
  int j = i;
  while (j < end) {
    const ngi_tok *t = &d->toks[j];
    if ((t->flags & T_WORD) && (t->flags & (T_CAP | T_ALLCAPS | T_NUM))) {
      j++;
      if (t->flags & T_POSS)
        break;
      continue;
    }
    if ((t->flags & T_WORD) && j + 1 < end && j > i &&
        (d->toks[j + 1].flags & T_CAP) &&
        (ngi_tok_is(t, "of") || ngi_tok_is(t, "the") ||
         ngi_tok_is(t, "in") || ngi_tok_is(t, "a") ||
         ngi_tok_is(t, "on"))) {
      j++;
      continue;
    }
    break;
  }
  while (j > i + 1 && !(d->toks[j - 1].flags & (T_CAP | T_ALLCAPS | T_NUM)))
    j--;
  return j;
}

static ng_status find_mentions(ng_doc *d, ngi_map *works);

ng_status ngi_find_mentions(ng_doc *d) {
  ngi_map works; /* lower-case text of names that are no person's */
  ngi_map_init(&works);
  ng_status st = find_mentions(d, &works);
  if (st == NG_OK)
    st = ngi_not_persons(d, &works);
  ngi_map_release(&works);
  return st;
}

static ng_status find_mentions(ng_doc *d, ngi_map *works) {
  run_memo orgm = {0, 0, -1}, thingm = {0, 0, -1};
  for (size_t s = 0; s < d->nsents; s++) {
    int end = d->sents[s].t1;
    for (int i = d->sents[s].t0; i < end;) {
      ngi_tok *t = &d->toks[i];
      intptr_t v;
      int n, c;
      if (!(t->flags & T_WORD)) {
        i++;
        continue;
      }
      /* pronouns */
      int g = pronoun_gender(t);
      if (g) {
        int m = add_ment(d, i, i + 1, M_PRON, -1);
        if (m < 0)
          return NG_ENOMEM;
        d->ments[m].gender = g;
        i++;
        continue;
      }
      /* descriptions */
      if ((n = description(d, i, end, &c)) > i) {
        int m = add_ment(d, i, n, M_DESC, -1);
        if (m < 0)
          return NG_ENOMEM;
        d->ments[m].country = c; /* "the Russian president" */
        i = n;
        continue;
      }
      if (!(t->flags & (T_CAP | T_ALLCAPS | T_HYPHNAME))) {
        i++;
        continue;
      }
      /* acronyms defined earlier in the article win over the lexicon */
      intptr_t ae;
      if ((t->flags & T_ALLCAPS) && ngi_map_get(&d->acronyms, t->low, &ae)) {
        if (add_ment(d, i, i + 1, M_ORG, (int)ae) < 0)
          return NG_ENOMEM;
        i++;
        continue;
      }
      /* known organisations */
      /* an acronym of the lexicon only in capitals ("Share", "Clarin"
       * are not SHARE, CLARIN; "Nato" is, a known acronym), and not when
       * two organisations share it */
      if ((n = ngi_longest(d, &d->lex->org, i, end, 8, 1, &v)) &&
          (v == NGI_ORG_AMBIGUOUS ||
           ((v & NGI_ORG_ACRONYM) && !(t->flags & T_ALLCAPS) &&
            !acronym_as_word(d, i))))
        n = 0;
      if (n) {
        const ngi_lexorg *o = &d->lex->orgs[v & ~NGI_ORG_ACRONYM];
        const char *form = ngi_span_text(d, i, i + n);
        const char *label = o->name, *qid = o->wikidata;
        /* an acronym names its organisation when the article gives
         * evidence for it, or when news uses it unexplained ("EU") */
        int ctx = (v & NGI_ORG_ACRONYM) && n == 1 &&
                          !ngi_tok_cue(d->lex, t, NGI_CUE_KNOWN_ACRONYM)
                      ? ngi_org_context(d, o->name)
                      : 1;
        if (ctx < 0)
          return NG_ENOMEM;
        if (!ctx) /* an acronym alone: a body, not known which */
          label = form, qid = NULL;
        int e = ngi_org_entity(d, label, qid, 0, form);
        if (e < -1 || add_ment(d, i, i + n, M_ORG, e) < 0 ||
            acronym_after(d, i + n, end, e) < 0)
          return NG_ENOMEM;
        i += n;
        continue;
      }
      /* capitalised runs with an organisation word */
      static const char *const LEAD[] = {"the", "but", "and", "or", "so",
                                         "yet", "if", "when", "while", "as",
                                         "although", "because", "then",
                                         "now", NULL};
      int skip = i;
      if (ngi_word_in(t, LEAD))
        skip++; /* "But Lib Dem leaders" */
      while (skip < end && led_word(&d->toks[skip]))
        skip++; /* "Kurdish-led Syrian Democratic Forces" */
      if (skip < end && (n = org_run(d, skip, end, &orgm)) > skip + 1 &&
          surname_orgword(d, skip, n, end)) {
        /* "Mr Hall", "Ravi Journal, managing director" */
        int h = ngi_is_honorific(d, skip);
        int m = add_ment(d, skip + h, n, M_PERSON, -1);
        if (m < 0)
          return NG_ENOMEM;
        d->ments[m].evidence = h ? 1 : 2;
        d->ments[m].honorific = h ? skip : 0;
        d->ments[m].gender = h ? hon_gender(&d->toks[skip]) : 0;
        i = n;
        continue;
      }
      if (skip < end && n > skip + 1) {
        const char *label = ngi_span_text(d, skip, n);
        size_t ll = strlen(label);
        if (ll > 3 && (label[ll - 1] == 's') &&
            (d->toks[n - 1].flags & T_POSS))
          label = ngi_span_text(d, skip, n); /* span_text drops 's */
        int e = ngi_org_entity(d, label, NULL, 0, label);
        if (e < -1 || add_ment(d, skip, n, M_ORG, e) < 0 ||
            acronym_after(d, n, end, e) < 0)
          return NG_ENOMEM;
        i = n;
        continue;
      }

      /* "World Cup", "Edinburgh Festival": names of things, not persons */
      if ((n = thing_run(d, i, end, &thingm)) > i) {
        i = n;
        continue;
      }
      /* titles of works, and bodies named after a cue */
      /* (cap_run may take no token, "nti-DoVoltp": go on below then) */
      if (work_cue(d, i, (int)s) && !ngi_is_honorific(d, i) &&
          (n = cap_run(d, i, end)) > i) {
        if (ngi_note_span(d, works, i, n, NOT_WORK))
          return NG_ENOMEM;
        i = n;
        continue;
      }
      if (org_cue(d, i, (int)s) && !ngi_is_honorific(d, i) &&
          !ngi_is_given(d, i) && !(t->flags & T_INITIAL) &&
          !ngi_place_at(d, i, end, &v) && (n = cap_run(d, i, end)) > i) {
        const char *label = ngi_span_text(d, i, n);
        int e = ngi_org_entity(d, label, NULL, 0, label);
        if (e < -1 || add_ment(d, i, n, M_ORG, e) < 0)
          return NG_ENOMEM;
        i = n;
        continue;
      }
      /* honorific + name ("Sri Lanka", "St Lucia": a place) */
      if (ngi_is_honorific(d, i) && i + 1 < end && name_part(d, i + 1) &&
          ngi_place_at(d, i, end, &v) < 2) {
        int e2 = name_end(d, i + 1, end);
        if (add_ment(d, i + 1, e2, M_PERSON, -1) < 0)
          return NG_ENOMEM;
        d->ments[d->nments - 1].gender = hon_gender(t);
        d->ments[d->nments - 1].evidence = 1;
        d->ments[d->nments - 1].honorific = i;
        i = e2;
        continue;
      }
      /* multi-word places first: "North Korea", "Hong Kong" */
      if ((n = ngi_place_at(d, i, end, &v)) >= 2) {
        const ngi_place *p = &d->lex->places[NGI_PLACE_INDEX(v)];
        int e = ngi_org_entity(d, p->name, p->wikidata, 1,
                               ngi_span_text(d, i, i + n));
        if (e < -1 || add_ment(d, i, i + n, M_PLACE, e) < 0)
          return NG_ENOMEM;
        i += n;
        continue;
      }
      /* given name or initial + surname */
      if ((ngi_is_given(d, i) || (t->flags & T_INITIAL)) && i + 1 < end) {
        int e2 = name_end(d, i, end);
        if (e2 > i + 1 && !(d->toks[e2 - 1].flags & T_INITIAL)) {
          if (add_ment(d, i, e2, M_PERSON, -1) < 0)
            return NG_ENOMEM;
          d->ments[d->nments - 1].evidence = 2;
          d->ments[d->nments - 1].locative = locative_before(d, i, (int)s);
          i = e2;
          continue;
        }
      }
      /* places; a capital stands for its country only when it acts
       * ("Moscow said"), not when it is where things happen */
      if ((n = ngi_place_at(d, i, end, &v))) {
        const ngi_place *p = &d->lex->places[NGI_PLACE_INDEX(v)];
        int capital = NGI_PLACE_KIND(v) == NGI_PLACE_CAPITAL;
        int e = capital ? -1
                        : ngi_org_entity(d, p->name, p->wikidata, 1,
                                         ngi_span_text(d, i, i + n));
        int m = e < -1 ? -1 : add_ment(d, i, i + n, M_PLACE, e);
        if (m < 0)
          return NG_ENOMEM;
        d->ments[m].place = capital ? NGI_PLACE_INDEX(v) : -1;
        i += n;
        continue;
      }
      /* unknown capitalised words: names after a title, or candidates */
      if (((name_part(d, i) && !ngi_known_word(d, t)) || time_surname(d, i)) &&
          !ngi_title_kind(d, i) && !(t->flags & T_INITIAL)) {
        int e2 = name_end(d, i, end);
        int tb = i - 1;
        if (tb > d->sents[s].t0 && ngi_tok_is(&d->toks[tb], ","))
          tb--; /* "... security official, Avinoam Idan" */
        static const char *const ANY[] = {"any", "every", "no", "each",
                                          "some", "a", "an", NULL};
        int titled = tb >= d->sents[s].t0 &&
                     (ngi_title_kind(d, tb) == NGI_TITLE_OFFICE ||
                      ngi_title_kind(d, tb) == NGI_TITLE_OCCUPATION) &&
                     /* "any Cabinet Office official": not a name */
                     !(tb > d->sents[s].t0 && ngi_word_in(&d->toks[tb - 1], ANY));
        /* "the EastMed project": persons do not take an article */
        if (!titled && i > d->sents[s].t0 &&
            is_article_word(&d->toks[i - 1]) &&
            !(e2 == i + 1 && e2 < end && ngi_tok_is(&d->toks[e2], "/"))) {
          i = e2;
          continue;
        }
        if (e2 - i > 3)
          e2 = i + 3;
        int b0 = i;
        if (b0 > d->sents[s].t0 && ngi_name_particle(&d->toks[b0 - 1]) &&
            !(d->toks[b0 - 1].flags & T_CAP))
          b0--; /* "Mayor de Blasio" */
        if (add_ment(d, b0, e2, M_PERSON, -1) < 0)
          return NG_ENOMEM;
        d->ments[d->nments - 1].locative = locative_before(d, b0, (int)s);
        d->ments[d->nments - 1].evidence = titled ? 1 : 0;
        i = e2;
        continue;
      }
      i++;
    }
  }
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
