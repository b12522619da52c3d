/* claims.c - direct quotes and reported speech, with their speakers.
 *
 * A speech cue is a speech verb outside quotation marks ("said", "told",
 * "added", "according to").  Its source is the name, pronoun, description
 * or organisation before it ("Putin told", "the Russian president also
 * said") or after it ("said Putin", "emphasized the head of state").
 * A quotation takes the speaker of the cue next to it in its sentence;
 * failing that, of the cue in the sentence after, then the speaker of the
 * quotation before it in the same or previous paragraph.  Reported speech is
 * what follows the cue ("said (that) CLAUSE", "according to X, CLAUSE"), or
 * precedes it ("CLAUSE, X said"), cut where the next cue begins, and kept
 * unless it is a quotation and nothing else.  A cue with a question word
 * after it ("explained what went wrong") attributes no quotation before
 * it; "it said" after an organisation spoke is that organisation; data
 * verbs ("figures gathered by X show") are cues of X (cuewords.c).
 */
#include <string.h>

#include "doc.h"
#include "mention.h"
#include "roles.h"
#include "claims.h"
#include "speakers.h"
#include "cuewords.h"

typedef struct cue {
  int verb;            /* token of the verb */
  int vlen;            /* its tokens: "pointed out" 2 */
  int src;             /* mention of the source, or -1 */
  ngi_agent speaker;
  int after;           /* source after the verb: "said Putin" */
  int attrib;          /* attributes a quotation: “...,” Putin said */
  int sv;              /* NGI_SV_* of the verb */
} cue;

static int wh_word(const ngi_tok *t);

/* The last organisation that spoke, for "it said" after it. */
typedef struct org_memory {
  ngi_agent org;
  int para;
} org_memory;


static int ends_ing(const ngi_tok *t) {
  size_t n = strlen(t->low);
  return n > 5 && strcmp(t->low + n - 3, "ing") == 0;
}

/* "did not predict", "never said" */
static int negated(const ng_doc *d, int v, int s0) {
  for (int k = v - 1; k >= s0 && k >= v - 2; k--) {
    const ngi_tok *t = &d->toks[k];
    if (ngi_tok_is(t, "not") || ngi_tok_is(t, "never") ||
        strstr(t->low, "n't"))
      return 1;
  }
  return 0;
}


/* An auxiliary before an -ing form makes it a verb of its own clause, not
 * a participle of the sentence's subject: "its engine has been answering
 * queries". */
static int progressive(const ng_doc *d, int i) {
  static const char *const AUX[] = {
      "be", "been", "being", "is", "are", "was", "were", "am", "'s", "'re",
      "has", "have", "had", "will", "would", "could", "should", "may",
      "might", "must", "not", "also", "still", NULL};
  for (int k = 0; AUX[k]; k++)
    if (ngi_tok_is(&d->toks[i], AUX[k]))
      return 1;
  return 0;
}

/* "called on Italy and Egypt to join": after the form at i, within ten
 * words (quotations aside), "to" and a word or a quotation. */
static int to_verb_after(const ng_doc *d, int i, int s1) {
  int len;
  ngi_speech_form(d, i, &len);
  /* quoted words do not count: called on “village councils ...” to */
  for (int x = i + len, n = 0; x + 1 < s1 && n < 10; x++) {
    if (d->toks[x].flags & (T_INQ | T_QUOTE))
      continue;
    n++;
    if (ngi_tok_is(&d->toks[x], "to") &&
        (d->toks[x + 1].flags & (T_WORD | T_QUOTE)))
      return 1; /* to join, to “practise what it preaches” */
  }
  return 0;
}

/* A form of "be": before a verb that takes a person object, a passive
 * ("was told", "were urged"). */
static int be_form(const ngi_tok *t) {
  static const char *const BE[] = {"be", "been", "being", "is", "are", "was",
                                   "were", "am", NULL};
  for (int k = 0; BE[k]; k++)
    if (ngi_tok_is(t, BE[k]))
      return 1;
  return 0;
}

static int find_cues(ng_doc *d, int s, cue *cues, int max, org_memory *om) {
  int s0 = d->sents[s].t0, s1 = d->sents[s].t1, n = 0;
  for (int i = s0; i < s1 && n < max; i++) {
    int sv = ngi_speech_at(d, i);
    if (!sv && ngi_data_verb(d, i) && !negated(d, i, s0)) {
      int src = ngi_data_source(d, i, s0);
      cue *c = &cues[n];
      c->speaker = ngi_agent_of(d, src);
      if (c->speaker.kind == NGI_AGENT_NONE)
        continue;
      c->verb = i;
      c->vlen = 1;
      c->src = src;
      c->after = c->attrib = 0;
      c->sv = NGI_SV_THAT | NGI_SV_QUOTE;
      n++;
      continue;
    }
    if (sv && ngi_in_prep_phrase(d, i, s0))
      continue;
    /* "“...” Describing X as “...”, the mother said": an -ing form that
     * opens a clause after a closing quotation mark is no cue of its own
     * (nor is X its source); the main clause's verb is */
    if (sv && i > s0 && ends_ing(&d->toks[i]) &&
        (d->toks[i].flags & T_CAP) && (d->toks[i - 1].flags & T_QUOTE))
      continue;
    /* "according to" (a preposition, in the lexicon as a form) */
    int according = ngi_tok_is(&d->toks[i], "according") && i + 2 < s1 &&
                    ngi_tok_is(&d->toks[i + 1], "to") &&
                    !(d->toks[i].flags & T_INQ) &&
                    !ngi_tok_is(&d->toks[i + 2], "which") &&
                    !ngi_tok_is(&d->toks[i + 2], "whom");
    if (according ? 0 : !sv || ngi_tok_is(&d->toks[i], "according"))
      continue; /* nor "according to which" */
    if ((sv & NGI_SV_TOINF) && !to_verb_after(d, i, s1))
      continue; /* "appealed to the same instincts" */
    if (!according && negated(d, i, s0))
      continue;
    if ((sv & NGI_SV_OBJ) && i > s0 && be_form(&d->toks[i - 1]))
      continue; /* "was told", "is expected to be told": the addressee */
    cue *c = &cues[n];
    c->verb = i;
    c->sv = according ? NGI_SV_THAT : sv;
    ngi_speech_form(d, i, &c->vlen);
    c->after = 0;
    c->attrib = 0;
    if (according) {
      /* according to [title words] X, -- the person if one is named */
      c->src = -1;
      for (int k = i + 2; k < s1 && k < i + 10; k++) {
        if (ngi_tok_is(&d->toks[k], ",") || ngi_speech_at(d, k))
          break;
        int m = ngi_ment_at(d, k);
        if (m < 0 || !d->ments[m].kind)
          continue;
        if (ngi_ment_person(d, m) >= 0) {
          c->src = m;
          break;
        }
        if (c->src < 0)
          c->src = m;
      }
      if (c->src < 0) /* according to analysts Acme */
        c->src = ngi_named_org(d, i + 2, s1);
      c->after = 2;
    } else {
      /* "..., saying he was": a participle's source is the subject of the
       * sentence, never the word before its comma */
      c->src = ends_ing(&d->toks[i]) && i > s0 &&
                       ngi_tok_is(&d->toks[i - 1], ",")
                   ? -1
                   : ngi_source_of(d, i, s0, s1, &c->after);
      if (c->src < 0 && !ends_ing(&d->toks[i])) {
        /* "Regina Ip from the pro-Beijing camp said": the subject that
         * opens the sentence, with no clause boundary before the verb */
        int m = d->toks[s0].ment;
        int clean = m >= 0 && d->ments[m].kind != M_PRON;
        for (int k = m >= 0 ? d->ments[m].t1 : i; clean && k < i; k++)
          if ((d->toks[k].flags & (T_PUNCT | T_INQ)) ||
              ngi_speech_at(d, k) || ngi_tok_is(&d->toks[k], "that") ||
              ngi_tok_is(&d->toks[k], "who") ||
              ngi_tok_is(&d->toks[k], "which"))
            clean = 0;
        if (clean && i - d->ments[m].t1 <= 6)
          c->src = m;
      }
      int b = i - 1;
      while (b >= s0 && (d->toks[b].flags & T_WORD) &&
             (c->src < 0 || b >= d->ments[c->src].t0))
        b--;
      if (b >= s0 && b < i && (d->toks[b].flags & T_QUOTE))
        c->attrib = 1;
      if (b >= s0 && ngi_tok_is(&d->toks[b], ",") && b > s0 &&
          (d->toks[b - 1].flags & T_QUOTE))
        c->attrib = 1;
    }
    c->speaker = ngi_agent_of(d, c->src);
    if (c->speaker.kind == NGI_AGENT_NONE && c->src < 0 && i > s0 &&
        !according && ends_ing(&d->toks[i]) && progressive(d, i - 1)) {
      /* "Lord Falconer, was insisting", "he had been saying": the one
       * named just before the auxiliaries; "its search engine has been
       * answering" is no cue */
      int k = i - 1;
      while (k > s0 && progressive(d, k))
        k--;
      int comma = k > s0 && ngi_tok_is(&d->toks[k], ",");
      k -= comma;
      int m = d->toks[k].ment;
      if (m >= 0 && d->ments[m].t1 == k + 1)
        c->speaker = ngi_agent_of(d, m);
      else if (comma) /* "Mr X, like many users, will be hoping" */
        c->speaker = ngi_agent_of(d, ngi_sentence_subject(d, s0, i));
    } else if (c->speaker.kind == NGI_AGENT_NONE && c->src < 0 && i > s0 &&
        !according &&
        (ends_ing(&d->toks[i]) || ngi_tok_is(&d->toks[i - 1], "but") ||
         ngi_tok_is(&d->toks[i - 1], "and"))) {
      /* "..., adding that" / "..., but noted that": the subject, not the
       * owner in "Mr X's budget was ..., she said after welcoming" */
      int m = ngi_sentence_subject(d, s0, i);
      if (m >= 0 && (d->toks[d->ments[m].t1 - 1].flags & T_POSS))
        m = -1;
      c->speaker = ngi_agent_of(d, m);
      if (c->speaker.kind == NGI_AGENT_NONE && n > 0)
        c->speaker = cues[n - 1].speaker;
    }
    if (c->speaker.kind == NGI_AGENT_NONE && c->src >= 0 &&
        d->ments[c->src].kind == M_PRON &&
        ngi_tok_is(&d->toks[d->ments[c->src].t0], "it") &&
        !(d->ments[c->src].t0 > s0 &&
          wh_word(&d->toks[d->ments[c->src].t0 - 1])) &&
        om->org.kind == NGI_AGENT_ORG && d->toks[i].para - om->para <= 1)
      c->speaker = om->org; /* "The ministry said ... It added" */
    if (c->speaker.kind == NGI_AGENT_NONE)
      continue;
    if (c->speaker.kind == NGI_AGENT_ORG) {
      om->org = c->speaker;
      om->para = d->toks[i].para;
    }
    if (c->speaker.kind == NGI_AGENT_PERSON) {
      d->speaker = c->speaker.index;
      d->speaker_para = d->toks[i].para;
      d->speaker_section = d->paras[d->toks[i].para].section;
    }
    n++;
  }
  return n;
}

/* ------------------------------------------------------------ statements */

static ngi_statement *add_stmt(ng_doc *d, int direct, ngi_agent who,
                               uint32_t b, uint32_t e) {
  /* trim spaces and the punctuation that only joins the attribution */
  while (b < e && (d->text[b] == ' ' || d->text[b] == ','))
    b++;
  while (e > b && (d->text[e - 1] == ' ' || d->text[e - 1] == ',' ||
                   d->text[e - 1] == ':' || d->text[e - 1] == ';'))
    e--;
  if (e <= b)
    return NULL;
  /* the same words twice come from the same sentence: look back a little,
   * not over every statement (quote-only text has hundreds of thousands) */
  for (size_t i = d->nstmts, n = 0; i > 0 && n < 64; i--, n++)
    if (d->stmts[i - 1].begin == b && d->stmts[i - 1].end == e &&
        d->stmts[i - 1].direct == direct)
      return NULL;
  ngi_statement *st = NGI_PUSH(&d->arena, d->stmts, d->nstmts, d->capstmts);
  if (!st)
    return NULL;
  st->direct = direct;
  st->speaker = who;
  st->text = ngi_strndup(&d->arena, d->text + b, e - b);
  st->begin = b;
  st->end = e;
  st->topic = -1;
  return st;
}

/* Words outside quotes that carry content: "it “null and void”" has
 * none. */
static int content_outside_quotes(ng_doc *d, int t0, int t1) {
  static const char *const F[] = {"it", "and", "or", "but", "the", "a", "an",
                                  "as", "of", "to", "that", "this", NULL};
  int n = 0;
  for (int i = t0; i < t1; i++) {
    const ngi_tok *t = &d->toks[i];
    if (!(t->flags & T_WORD) || (t->flags & T_INQ))
      continue;
    int fn = 0;
    for (int k = 0; F[k] && !fn; k++)
      fn = ngi_tok_is(t, F[k]);
    n += !fn;
  }
  return n;
}

static int words_outside_quotes(ng_doc *d, int t0, int t1) {
  int n = 0;
  for (int i = t0; i < t1; i++)
    n += (d->toks[i].flags & T_WORD) && !(d->toks[i].flags & T_INQ);
  return n;
}

/* After the verb: skip "that", an object of "told", time phrases. */
static int clause_start(ng_doc *d, const cue *c, int s1) {
  int j = c->verb + c->vlen;
  if (c->after == 2) { /* according to [the] X's Y, CLAUSE */
    int m = c->src;
    j = m >= 0 ? d->ments[m].t1 : c->verb + 3;
    int k = j;
    while (k < s1 && k < j + 5 && !ngi_tok_is(&d->toks[k], ",") &&
           !(d->toks[k].flags & (T_QUOTE | T_INQ)))
      k++;
    if (k < s1 && ngi_tok_is(&d->toks[k], ",")) {
      /* "according to Pat Ferguson, President of AMBO, work will ..." */
      int t = k + 1;
      if (t < s1 && (ngi_tok_is(&d->toks[t], "the") ||
                     ngi_tok_is(&d->toks[t], "a")))
        t++;
      if (t < s1 && ngi_title_kind(d, t)) {
        int e = t;
        while (e < s1 && e < t + 10 && !ngi_tok_is(&d->toks[e], ","))
          e++;
        if (e < s1 && ngi_tok_is(&d->toks[e], ","))
          return e + 1;
      }
      return k + 1;
    }
    return j;
  }
  if (c->after == 1 && c->src >= 0)
    j = d->ments[c->src].t1;
  /* look for "that" within a few words, before any comma or quote */
  for (int k = j; k < s1 && k < j + 7; k++) {
    const ngi_tok *t = &d->toks[k];
    if (t->flags & (T_INQ | T_QUOTE))
      break;
    if (ngi_tok_is(t, "that"))
      return k + 1;
    if (ngi_tok_is(t, ",") || ngi_speech_at(d, k))
      break;
  }
  int sv = c->sv;
  if (sv & NGI_SV_OBJ) {
    /* told reporters / told a news conference / told Putin */
    int k = j, limit = j + 4;
    while (k < s1 && k < limit && (d->toks[k].flags & T_WORD) &&
           !ngi_tok_is(&d->toks[k], "that"))
      k++;
    if (ngi_tok_is(&d->toks[c->verb], "told") ||
        ngi_tok_is(&d->toks[c->verb], "tells") ||
        ngi_tok_is(&d->toks[c->verb], "tell")) {
      int m = ngi_ment_at(d, j);
      if (m >= 0)
        return d->ments[m].t1;
      if (j < s1 && (ngi_tok_is(&d->toks[j], "reporters") ||
                     ngi_tok_is(&d->toks[j], "journalists")))
        return j + 1;
      if (j + 1 < s1 && ngi_tok_is(&d->toks[j], "the") &&
          (ngi_tok_is(&d->toks[j + 1], "press") ||
           ngi_tok_is(&d->toks[j + 1], "media")))
        return j + 2;
      /* "told the Reuters news agency: “...”": the object ends at the
       * colon, comma or quotation mark */
      for (int x = j; x < s1 && x < j + 7; x++)
        if (ngi_tok_is(&d->toks[x], ":") || ngi_tok_is(&d->toks[x], ",") ||
            (d->toks[x].flags & T_QUOTE))
          return (d->toks[x].flags & T_QUOTE) ? x : x + 1;
      /* "told the local radio station.": only the addressee */
      int x = j;
      while (x < s1 && x < j + 7 && !(d->toks[x].flags & T_SEND))
        x++;
      if (x < j + 7)
        return -1; /* nothing said here, nor before */
      return j;
    }
  }
  /* time phrases: "on Wednesday", "in May", "Wednesday" */
  while (j < s1) {
    const ngi_tok *t = &d->toks[j];
    if (ngi_map_get(&d->lex->timeword, t->low, NULL)) {
      j++;
      continue;
    }
    if ((ngi_tok_is(t, "on") || ngi_tok_is(t, "in") ||
         ngi_tok_is(t, "last") || ngi_tok_is(t, "this")) &&
        j + 1 < s1 &&
        ngi_map_get(&d->lex->timeword, d->toks[j + 1].low, NULL)) {
      j += 2;
      continue;
    }
    break;
  }
  if (j < s1 && ngi_tok_is(&d->toks[j], "that"))
    j++;
  return j;
}

/* End of a clause starting at j: the sentence end, or where the next cue
 * begins (", but noted that", ", adding that", ", though he said"). */
static int clause_end(ng_doc *d, int j, int s1, const cue *cues, int n,
                      int self) {
  int end = s1;
  for (int k = 0; k < n; k++) {
    if (k == self || cues[k].verb <= j)
      continue;
    int from = cues[k].src >= 0 && !cues[k].after
                   ? d->ments[cues[k].src].t0
                   : cues[k].verb;
    if (from <= j)
      continue; /* "said he believed": inside this clause */
    int b = from;
    while (b > j && b > from - 3 && !ngi_tok_is(&d->toks[b - 1], ","))
      b--;
    if (b > j && ngi_tok_is(&d->toks[b - 1], ","))
      b--;
    else
      b = from;
    if (b < end)
      end = b;
  }
  /* ", while addressing the press": circumstances, not what was said */
  for (int k = j + 1; k + 1 < end; k++)
    if (ngi_tok_is(&d->toks[k], ",") && !(d->toks[k].flags & T_INQ) &&
        (ngi_tok_is(&d->toks[k + 1], "while") ||
         ngi_tok_is(&d->toks[k + 1], "when") ||
         ngi_tok_is(&d->toks[k + 1], "during") ||
         ngi_tok_is(&d->toks[k + 1], "adding") ||
         ngi_tok_is(&d->toks[k + 1], "saying") ||
         ngi_tok_is(&d->toks[k + 1], "noting") ||
         ngi_tok_is(&d->toks[k + 1], "according"))) {
      end = k;
      break;
    }
  /* "... despite X": the narrator's concession, not the speaker's */
  for (int k = j + 3; k + 1 < end; k++)
    if (ngi_tok_is(&d->toks[k], "despite") && !(d->toks[k].flags & T_INQ)) {
      end = k;
      break;
    }
  /* ", but emphasized": a second predicate whose source was not found */
  for (int k = j + 1; k + 1 < end; k++)
    if (ngi_tok_is(&d->toks[k], ",") && !(d->toks[k].flags & T_INQ) &&
        (ngi_tok_is(&d->toks[k + 1], "but") ||
         ngi_tok_is(&d->toks[k + 1], "and")) &&
        k + 2 < end && ngi_speech_at(d, k + 2)) {
      end = k;
      break;
    }
  /* leave out trailing punctuation and closing marks */
  while (end > j && (d->toks[end - 1].flags & T_PUNCT) &&
         !(d->toks[end - 1].flags & T_INQ) &&
         !ngi_tok_is(&d->toks[end - 1], "%")) /* "4.8%" keeps its sign */
    end--;
  return end;
}

static int words_in(const ng_doc *d, int t0, int t1) {
  int n = 0;
  for (int i = t0; i < t1; i++)
    n += (d->toks[i].flags & T_WORD) != 0;
  return n;
}

/* A clause cut before its end: "his press conference by". */
static int dangling(const ngi_tok *t) {
  static const char *const W[] = {"by", "of", "to", "in", "on", "at", "with",
                                  "for", "from", "the", "a", "an", "and",
                                  "or", "but", "that", NULL};
  for (int i = 0; W[i]; i++)
    if (ngi_tok_is(t, W[i]))
      return 1;
  return 0;
}

static int wh_word(const ngi_tok *t) {
  return ngi_tok_is(t, "who") || ngi_tok_is(t, "whom") ||
         ngi_tok_is(t, "which") || ngi_tok_is(t, "that") ||
         ngi_tok_is(t, "where") || ngi_tok_is(t, "when");
}

/* Can a reported clause start with token j (when no "that" led in)?
 * Not with a preposition ("said after the talks"), a question word
 * ("told reporters whether"), or a possessive ("repeating his remarks"). */
static int clause_starter(const ng_doc *d, int j) {
  static const char *const NO[] = {
      "at", "after", "before", "in", "on", "during", "with", "to", "for",
      "from", "by", "of", "into", "via", "over", "under", "through", "across",
      "whether", "if", "how", "why", "when", "where", "what", "his", "her",
      "its", "their", "our", "my", "your", "him", "them", "us", "me",
      "as", "while", "upon", "without", "against", "later", "earlier",
      "again", "also", "publicly", "privately", "repeatedly", "yesterday",
      "today", "late", "recently", "briefly", "afterwards", NULL};
  const ngi_tok *t = &d->toks[j];
  if (t->flags & T_QUOTE)
    return 1;
  if (!(t->flags & T_WORD))
    return 0;
  for (int i = 0; NO[i]; i++)
    if (ngi_tok_is(t, NO[i]))
      return 0;
  return 1;
}

/* Does the verb's frame (speech-verbs.tsv: toverb, np, as) hold at j,
 * the first word after the verb, up to e?  "vowed to VERB", "called for
 * NP", "described NP as Y". */
static int framed_at(const ng_doc *d, int sv, const cue *c, int j, int e) {
  const ngi_tok *t = &d->toks[j];
  if (c->after || !(t->flags & T_WORD) || (t->flags & T_INQ))
    return 0;
  if ((sv & NGI_SV_TOVERB) && ngi_tok_is(t, "to") && j + 1 < e &&
      (d->toks[j + 1].flags & T_WORD) && !(d->toks[j + 1].flags & T_CAP))
    return 1; /* to keep fighting, not "to Paris" */
  if ((sv & NGI_SV_NP) && j == c->verb + c->vlen && !ngi_tok_is(t, "to") &&
      !ngi_tok_is(t, "that"))
    return 1;
  if (sv & NGI_SV_AS) /* "as" after an object of a few words */
    for (int k = j + 1; k < e && k < j + 12; k++) {
      if ((d->toks[k].flags & T_PUNCT) && !(d->toks[k].flags & T_INQ) &&
          !ngi_tok_is(&d->toks[k], "'s"))
        break;
      if (ngi_tok_is(&d->toks[k], "as") && !(d->toks[k].flags & T_INQ))
        return k + 1 < e;
    }
  return 0;
}

/* A finite verb within a few words of j: "his attack was", "its sales
 * will" open a clause; "his remarks" alone is an object. */
static int finite_soon(const ng_doc *d, int j, int e) {
  static const char *const FIN[] = {
      "is", "are", "was", "were", "has", "have", "had", "will", "would",
      "could", "should", "can", "may", "might", "must", "did", "does", NULL};
  for (int k = j + 1; k < e && k < j + 8; k++) {
    if ((d->toks[k].flags & T_PUNCT) && !(d->toks[k].flags & T_INQ))
      return 0;
    for (int i = 0; FIN[i]; i++)
      if (ngi_tok_is(&d->toks[k], FIN[i]))
        return 1;
  }
  return 0;
}

static int possessive_word(const ngi_tok *t) {
  return ngi_tok_is(t, "his") || ngi_tok_is(t, "her") ||
         ngi_tok_is(t, "its") || ngi_tok_is(t, "their") ||
         ngi_tok_is(t, "our") || ngi_tok_is(t, "my") ||
         ngi_tok_is(t, "your");
}

/* “... anything.” Describing X as ...: a quotation that ends a sentence of
 * its own, then a capitalised word, inside [t0, t1) (the splitter keeps
 * them together); no clause reported before a cue starts there. */
static int quote_then_sentence(const ng_doc *d, int t0, int t1) {
  for (int x = t0 + 1; x + 1 < t1; x++) {
    const ngi_tok *q = &d->toks[x], *p = &d->toks[x - 1];
    if ((q->flags & T_QUOTE) && (d->toks[x + 1].flags & T_CAP) &&
        (d->toks[x + 1].flags & T_WORD) &&
        (ngi_tok_is(p, ".") || ngi_tok_is(p, "!") || ngi_tok_is(p, "?")))
      return 1;
  }
  return 0;
}

static ng_status reported(ng_doc *d, int s, cue *cues, int n) {
  int s0 = d->sents[s].t0, s1 = d->sents[s].t1;
  int done_to = -1; /* end of the last clause taken */
  for (int k = 0; k < n; k++) {
    cue *c = &cues[k];
    int sv = c->sv;
    if (!(sv & (NGI_SV_THAT | NGI_SV_TOVERB | NGI_SV_NP | NGI_SV_AS)) ||
        c->verb < done_to)
      continue;
    int j = clause_start(d, c, s1);
    if (j < 0)
      continue;
    if (j + 1 < s1 && ngi_tok_is(&d->toks[j], ",") && !c->attrib &&
        j == c->verb + c->vlen && (d->toks[j + 1].flags & T_WORD))
      j++; /* "In addition, he said, Biden agreed that" */
    int that = j > 0 && ngi_tok_is(&d->toks[j - 1], "that");
    int e = clause_end(d, j, s1, cues, n, k);
    int from = j, to = e;
    int outside = content_outside_quotes(d, j, e);
    /* without "that", only reporting verbs take a bare clause: "said he
     * was", not "maintained a policy" */
    int starts = j < s1 && (clause_starter(d, j) ||
                            (!(sv & NGI_SV_OBJ) &&
                             possessive_word(&d->toks[j]) &&
                             finite_soon(d, j, e)));
    /* "“...,” adding there was": a clause after an attributing cue */
    int attrib_ok = !c->attrib || (!c->after && j < s1 &&
                                   finite_soon(d, j, e));
    int bare = (c->after == 2 || (sv & (NGI_SV_QUOTE | NGI_SV_OBJ))) &&
               attrib_ok && starts;
    int ok = outside >= 2 && j < s1 && (that || bare) &&
             (sv & NGI_SV_THAT);
    /* "vowed to keep ...", "called for calm talks", "described the plan
     * as ...": the complement the verb's frame names */
    int framed = !ok && !that && !c->attrib && j < s1 &&
                 outside >= 1 && framed_at(d, sv, c, j, e);
    ok = ok || framed;

    if (!ok) {
      /* "CLAUSE, X said": the clause before the source, when the cue
       * closes the sentence and no other cue comes before it */
      int src0 = c->src >= 0 ? d->ments[c->src].t0 : c->verb;
      if (c->after)
        src0 = c->verb; /* "said Putin", "according to X" at the end */
      int b = src0;
      /* "..., Mr Grant said", "..., Tory leader Ann Lee said": the
       * comma before the source's title words */
      int rel = 0; /* "..., who he called": a relative clause */
      for (int x = src0; !c->after && x > s0 && x >= src0 - 5; x--) {
        if (x < src0 && ngi_tok_is(&d->toks[x], ",") &&
            !(d->toks[x].flags & T_INQ)) {
          b = x;
          break;
        }
        if (!(d->toks[x].flags & T_WORD) || (d->toks[x].flags & T_INQ))
          break;
        if (wh_word(&d->toks[x]) && (rel = 1))
          break;
      }
      if (rel)
        continue;
      /* "The sister said she feared ...": a speech verb right before the
       * source ends no clause it reports (that verb is the cue) */
      if (!c->after && b == src0 && src0 > s0 &&
          ngi_speech_at(d, src0 - 1))
        continue;
      while (b > s0 && (d->toks[b - 1].flags & T_PUNCT) &&
             !(d->toks[b - 1].flags & T_INQ))
        b--;
      int lead = 0, x; /* words before the first quotation mark */
      for (x = s0; x < b && !(d->toks[x].flags & (T_QUOTE | T_INQ)); x++)
        lead += (d->toks[x].flags & T_WORD) != 0;
      if (x > s0 && x < b && ngi_tok_is(&d->toks[x - 1], ":"))
        lead = 0; /* "... in their comments: “...”": an introduction */
      if (k > 0 || (c->attrib && lead < 3) || s1 - c->verb > 10 ||
          b - s0 < 3 || words_outside_quotes(d, s0, b) < 3 ||
          quote_then_sentence(d, s0, b))
        continue;
      from = s0;
      to = b;
    }
    while (from < to && (d->toks[from].flags & T_PUNCT) &&
           !(d->toks[from].flags & T_QUOTE))
      from++;
    if (words_in(d, from, to) < (framed ? 2 : 3) ||
        dangling(&d->toks[to - 1]) ||
        (!framed && words_in(d, from, to) < 5 && !clause_starter(d, from)))
      continue; /* "adding that during the talks [he stressed ...]" */
    /* "noted that A, and that B": two things said */
    int part = from;
    for (int x = from + 1; x + 1 < to; x++) {
      if ((d->toks[x].flags & T_INQ) || !ngi_tok_is(&d->toks[x], "and") ||
          !ngi_tok_is(&d->toks[x + 1], "that"))
        continue;
      int pe = x;
      if (pe > part && ngi_tok_is(&d->toks[pe - 1], ","))
        pe--;
      if (words_in(d, part, pe) >= 3 &&
          !add_stmt(d, 0, c->speaker, d->toks[part].b, d->toks[pe - 1].e) &&
          d->arena.failed)
        return NG_ENOMEM;
      part = x + 2;
    }
    if (words_in(d, part, to) >= 3 &&
        !add_stmt(d, 0, c->speaker, d->toks[part].b, d->toks[to - 1].e) &&
        d->arena.failed)
      return NG_ENOMEM;
    if (to > done_to && from > c->verb)
      done_to = to;
  }
  return NG_OK;
}

/* A cue with a question word after it ("explained what went wrong",
 * "X described how") opens what comes next; it does not attribute a
 * quotation before it. */
static int opens_next(const ng_doc *d, const cue *c, int s1) {
  int j = c->verb + c->vlen;
  if (c->after == 1 && c->src >= 0)
    j = d->ments[c->src].t1;
  if (j >= s1)
    return 0;
  const ngi_tok *t = &d->toks[j];
  return ngi_tok_is(t, "what") || ngi_tok_is(t, "how") ||
         ngi_tok_is(t, "why") || ngi_tok_is(t, "whether");
}

/* The cue that attributes quote q, among the cues of its sentence. */
static int quote_cue(ng_doc *d, const ngi_quote *q, const cue *cues,
                     int n, int s1) {
  int best = -1, dist = 1 << 30;
  for (int k = 0; k < n; k++) {
    int v = cues[k].verb, dd;
    if (v >= q->t1 && opens_next(d, &cues[k], s1))
      continue;
    if (v >= q->t1)
      dd = v - q->t1;
    else if (v < q->t0)
      dd = q->t0 - v;
    else
      continue;
    if (dd < dist)
      dist = dd, best = k;
  }
  return best;
}

ng_status ngi_find_claims(ng_doc *d) {
  enum { MAXCUE = 32 };
  d->speaker = -1;
  cue cues[MAXCUE];
  org_memory om = {{NGI_AGENT_NONE, -1}, -1};
  ngi_agent last = {NGI_AGENT_NONE, -1};
  int last_para = -1;
  size_t q = 0;
  for (size_t s = 0; s < d->nsents; s++) {
    int n = find_cues(d, (int)s, cues, MAXCUE, &om);
    ng_status st = reported(d, (int)s, cues, n);
    if (st)
      return st;
    int s0 = d->sents[s].t0, s1 = d->sents[s].t1;
    for (; q < d->nquotes && d->quotes[q].t0 < s1; q++) {
      ngi_quote *qu = &d->quotes[q];
      if (qu->t0 < s0)
        continue;
      ngi_agent who = {NGI_AGENT_NONE, -1};
      int k = quote_cue(d, qu, cues, n, s1);
      if (k >= 0) {
        who = cues[k].speaker;
      } else if (s + 1 < d->nsents &&
                 d->sents[s + 1].para == d->sents[s].para) {
        /* “Why?” he asked.  (split at the question mark) */
        cue next[MAXCUE];
        org_memory om2 = om;
        int m = find_cues(d, (int)s + 1, next, MAXCUE, &om2);
        if (m > 0 && next[0].verb < d->sents[s + 1].t0 + 6 &&
            next[0].after != 2 && /* "But according to X, ..." */
            !opens_next(d, &next[0], d->sents[s + 1].t1))
          who = next[0].speaker;
      }
      if (who.kind == NGI_AGENT_NONE && qu->open > s0 &&
          ngi_tok_is(&d->toks[qu->open - 1], ":")) {
        /* "X took a parting shot on Twitter: “...”": the subject */
        int m = ngi_sentence_subject(d, s0, qu->open);
        int b = s0; /* "Incumbent President Donald Trump took": titles */
        while (m >= 0 && b < d->ments[m].t0 && (d->toks[b].flags & T_CAP))
          b++;
        if (m >= 0 && d->ments[m].t0 == b)
          who = ngi_agent_of(d, m);
      }
      if (who.kind == NGI_AGENT_NONE && last.kind != NGI_AGENT_NONE &&
          qu->para - last_para <= 1 && words_outside_quotes(d, s0, s1) == 0)
        who = last; /* a paragraph that only quotes: the last speaker */
      if (who.kind == NGI_AGENT_NONE)
        continue;
      if (!add_stmt(d, 1, who, qu->b, qu->e) && d->arena.failed)
        return NG_ENOMEM;
      last = who;
      last_para = qu->para;
    }
    if (n > 0) {
      last = cues[n - 1].speaker;
      last_para = d->sents[s].para;
    }
  }
  return d->arena.failed ? NG_ENOMEM : NG_OK;
}
