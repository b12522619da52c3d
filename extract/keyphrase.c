/* keyphrase.c - candidate key phrases and their YAKE-like scores.
 *
 * A candidate is a run of up to three content words inside one sentence
 * (words that are not function words, generic news words, names of
 * persons, numbers, or verbs by their neighbours: after "to", "will",
 * "has", a pronoun ..., or before "the", "his" ...), with a possessive
 * inside it ("Labour's manifesto") or one "of" ("rules of origin", "theft
 * of the painting").  It never cuts a place or organisation name in two.
 *
 * Scores follow YAKE (Campos et al., Information Sciences 509, 2020): each
 * content word w gets
 *   S(w) = Rel * Pos / (Case + Freq / Rel + Spread / Rel)
 * from its casing (capitalised mid-sentence or all capitals), the median
 * sentence it appears in (Pos = ln ln (3 + median)), its frequency against
 * the article's mean and deviation, the share of sentences it appears in,
 * and how many different words stand next to it (Rel: words found beside
 * anything are function-like).  A candidate scores
 *   S(k) = prod S(w) / (tf(k) * (1 + sum S(w)))
 * lower being better; tf counts a use in the headline 3 times and in the
 * first paragraph twice.  topics.c divides by the uses inside a block to
 * rank a block's phrases.  Everything is one pass over the tokens plus
 * hash look-ups: linear in the article.
 */
#include <math.h>
#include <string.h>

#include "keyphrase.h"

/* stems longer than this compare on their first STEM_PREFIX bytes, so
 * "investment" and "investors", "political" and "politics" meet */
#define STEM_PREFIX 6

/* Words that make the next word a verb: "to build", "will face". */
static const char *const before_verb[] = {
  "to", "will", "would", "can", "could", "should", "must", "might", "may",
  "has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
  "he", "she", "they", "we", "i", "you", "it", "who", "which", "that",
  "not", "did", "does", "do", "also", "never", "then", NULL};
/* Words that make the word before them a verb: "hit the", "told him". */
static const char *const after_verb[] = {
  "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
  "him", "them", "us", "me", "this", "these", "those", "it", NULL};

/* Prepositions that make an -ing word after them a verb. */
static const char *const before_gerund[] = {
  "after", "before", "by", "for", "without", "while", "when", "from",
  "since", "of", "about", NULL};

/* Words before a noun: "the spending", "its funding". */
static const char *const determiners[] = {
  "the", "a", "an", "his", "her", "their", "its", "our", "this", "that",
  "these", "those", NULL};

/* Prepositions after a word of talking ("speaking to reporters", see
 * mark_attribution); "on", "in" and "for" only before a name ("on Radio
 * Five", not "speaking on the economy"). */
static const char *const talk_prep[] = {"to", "with", "by", "on", "in",
                                        "for", NULL};

/* The lists above as bits, and which of them each token's word is in
 * (lw[] of ngi_keyphrases: one look-up per token, not a scan per use). */
enum {
  L_BEFORE_VERB = 1,
  L_AFTER_VERB = 2,
  L_BEFORE_GERUND = 4,
  L_DET = 8,
  L_TALK_PREP = 16
};

#define LIST_SLOTS 256 /* a power of two, over twice the words */

typedef struct listset {
  struct {
    uint64_t h;
    const char *w;
    unsigned bits;
  } slot[LIST_SLOTS];
} listset;

static void listset_add(listset *ls, const char *const *list, unsigned bit) {
  for (int i = 0; list[i]; i++) {
    uint64_t h = ngi_hash(list[i], strlen(list[i]));
    size_t j = h & (LIST_SLOTS - 1);
    while (ls->slot[j].w && strcmp(ls->slot[j].w, list[i]) != 0)
      j = (j + 1) & (LIST_SLOTS - 1);
    ls->slot[j].h = h;
    ls->slot[j].w = list[i];
    ls->slot[j].bits |= bit;
  }
}

static unsigned listset_bits(const listset *ls, const ngi_tok *t) {
  if (t->lowlen > 7)
    return 0; /* no word of the lists is longer */
  for (size_t j = t->h & (LIST_SLOTS - 1); ls->slot[j].w;
       j = (j + 1) & (LIST_SLOTS - 1))
    if (ls->slot[j].h == t->h && ngi_tok_is(t, ls->slot[j].w))
      return ls->slot[j].bits;
  return 0;
}

/* Is token i's word in the list of bit? */
static inline int in_list(const unsigned char *lw, int i, unsigned bit) {
  return (lw[i] & bit) != 0;
}

static int entity_at(const ng_doc *d, int i);

/* Can token i be a word of a key phrase? */
static int content_tok(const ng_doc *d, const unsigned char *lw, int i,
                       int body_plural) {
  const ngi_tok *t = &d->toks[i];
  if (!(t->flags & T_WORD) || (t->flags & (T_NUM | T_INITIAL | T_ABBR)))
    return 0;
  size_t n = t->lowlen;
  if (n < 3 && !((t->flags & T_ALLCAPS) && n == 2))
    return 0;
  if ((unsigned char)t->low[0] >= 0xE2 && (unsigned char)t->low[0] <= 0xE3)
    return 0; /* symbols and CJK punctuation that pass as words */
  if (memchr(t->low, '\'', n) || (t->flags & T_HYPHNAME))
    return 0; /* contractions: "don't" */
  const ng_lexicon *x = d->lex;
  /* a stop word counts inside a name only: "Long" in "Long Beach" */
  if ((entity_at(d, i) < 0 && ngi_tok_in(&x->topicstop, t, NULL)) ||
      ngi_tok_in(&x->speech, t, NULL) || ngi_tok_in(&x->timeword, t, NULL) ||
      ngi_tok_in(&x->honorific, t, NULL))
    return 0;
  if (n > 4 && !(t->flags & T_CAP) &&
      ((t->low[n - 2] == 'l' && t->low[n - 1] == 'y') ||
       (t->low[n - 2] == 'e' && t->low[n - 1] == 'd')))
    return 0;
  int m = t->ment;
  if (m >= 0 && (d->ments[m].kind == M_PERSON || d->ments[m].kind == M_PRON ||
                 d->ments[m].kind == M_DESC))
    return 0;
  /* a headline's verb: "Bank holds rate", "Storm hits town" (a plural
   * noun of the headline comes back as one in the body) */
  if (t->para == 0 && !(t->flags & T_CAP) && n > 3 && t->low[n - 1] == 's' &&
      !strchr("su", t->low[n - 2]) && i > d->paras[0].t0 &&
      (d->toks[i - 1].flags & T_WORD) && !body_plural)
    return 0;
  if ((t->flags & T_SSTART) && n > 5 && memcmp(t->low + n - 3, "ing", 3) == 0)
    return 0; /* "Using the ...": a verb opening the sentence */
  if (!(t->flags & T_CAP)) {
    /* a verb by its neighbours */
    int s0 = d->sents[t->sent].t0, s1 = d->sents[t->sent].t1;
    if (i > s0 && in_list(lw, i - 1, L_BEFORE_VERB))
      return 0;
    if (i + 1 < s1 && in_list(lw, i + 1, L_AFTER_VERB))
      return 0;
    /* "after buying", "by cutting": a gerund, a verb of its own */
    if (i > s0 && n > 5 && memcmp(t->low + n - 3, "ing", 3) == 0 &&
        in_list(lw, i - 1, L_BEFORE_GERUND))
      return 0;
  }
  return 1;
}

/* Words after which a noun phrase names who was told or where it was
 * said, never the article's subject: "told the Daily Courier", "in an
 * interview with Radio Five", "speaking to reporters" (the classes
 * tell-verb and talk-word of cue-words.tsv)... with one of talk_prep
 * (above). */

/* Marks attrib[] on the tokens of the noun phrase of an attribution
 * clause: the determiners, capitalised words, possessives and the one
 * lower-case noun that ends it ("the Morning Star website"). */
static void mark_attribution(const ng_doc *d, const unsigned char *lw,
                             unsigned char *attrib) {
  int n = (int)d->ntoks;
  for (int i = 0; i + 1 < n; i++) {
    const ngi_tok *t = &d->toks[i];
    int j;
    if (ngi_tok_cue(d->lex, t, NGI_CUE_TELL))
      j = i + 1;
    else if (ngi_tok_cue(d->lex, t, NGI_CUE_TALK) &&
             in_list(lw, i + 1, L_TALK_PREP))
      j = i + 2;
    else
      continue;
    if (j == i + 2 && !ngi_tok_is(&d->toks[i + 1], "to") &&
        !ngi_tok_is(&d->toks[i + 1], "with") &&
        !ngi_tok_is(&d->toks[i + 1], "by")) {
      int c = j < n && in_list(lw, j, L_DET) ? j + 1 : j;
      if (c >= n || !(d->toks[c].flags & T_CAP))
        continue;
    }
    int s1 = d->sents[t->sent].t1, words = 0;
    for (; j < s1 && j < i + 8; j++) {
      const ngi_tok *u = &d->toks[j];
      if (!(u->flags & T_WORD))
        break;
      if (in_list(lw, j, L_DET)) {
        if (words)
          break;
      } else if (!(u->flags & (T_CAP | T_NUM))) {
        /* one lower-case noun ends it: "website", "reporters" */
        if (ngi_tok_in(&d->lex->topicstop, u, NULL) ||
            in_list(lw, j, L_TALK_PREP))
          break;
        attrib[j] = 1;
        break;
      }
      attrib[j] = 1;
      words++;
    }
  }
}

/* Place or organisation mention covering token i, or -1. */
static int entity_at(const ng_doc *d, int i) {
  int m = d->toks[i].ment;
  if (m >= 0 && (d->ments[m].kind == M_PLACE || d->ments[m].kind == M_ORG) &&
      d->ments[m].t0 <= i && i < d->ments[m].t1)
    return m;
  return -1;
}

/* A word made up rather than a name: "MMS", "AfCFTA", "iPod"; one capital
 * inside makes a name ("McKenzie", "DiCaprio"). */
static int coined(const ng_doc *d, const ngi_tok *t) {
  if (t->flags & T_ALLCAPS)
    return 1;
  int caps = 0;
  for (uint32_t i = t->b + 1; i < t->be; i++)
    if (d->text[i] >= 'A' && d->text[i] <= 'Z' && d->text[i - 1] != '-')
      caps++; /* not "All-Time" */
  return caps >= 2 || (caps && !(t->flags & T_CAP));
}

/* Adjective endings: a word with one that mostly stands before another
 * content word is a modifier, and no phrase ends with it. */
static const struct {
  const char *s;
  size_t n;
} adj_end[] = {{"al", 2},   {"ic", 2},   {"ive", 3},  {"ous", 3},
               {"ful", 3},  {"less", 4}, {"able", 4}, {"ible", 4},
               {"ary", 3},  {"ish", 3},  {NULL, 0}};

/* Stem of a lower-case word: a plural s dropped.  Returns its length. */
static size_t stem_len(const char *w, size_t l) {
  if (l > 3 && w[l - 1] == 's' && !strchr("siu'", w[l - 2]))
    l--;
  return l;
}

/* ------------------------------------------------------------ pair set */

/* Open-addressing set of word pairs, for distinct neighbours. */
typedef struct pairset {
  uint64_t *slot; /* mixed hashes of two words; 0 is empty */
  size_t mask;
} pairset;

/* Insert; returns 1 when new, 0 when present. */
static int pair_add(pairset *p, uint64_t pair) {
  uint64_t key = pair ? pair : 1;
  size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & p->mask;
  while (p->slot[i]) {
    if (p->slot[i] == key)
      return 0;
    i = (i + 1) & p->mask;
  }
  p->slot[i] = key;
  return 1;
}

/* ------------------------------------------------------------ words */

struct wstat {
  int tf, tfcap, tfall;
  int nsent, lastsent;
  int left, right, dleft, dright;
  int mod;            /* uses right before another content word */
  int plural;         /* the body uses it with a plural s */
  int det;            /* uses right after a determiner: a noun */
  int med;            /* median sentence */
  int sid;            /* stem-prefix id */
  double s;
};
typedef struct wstat wstat;

static int modifier(const ngi_tok *t, const wstat *w) {
  if (t->flags & T_CAP)
    return 0;
  size_t n = t->lowlen;
  /* an -ing word ends a phrase only where the article uses it as a noun
   * ("the spending"), not "Japan using", "firms dropping" */
  if (n > 4 && memcmp(t->low + n - 3, "ing", 3) == 0 && !w->det)
    return 1;
  int adj = 0;
  for (int i = 0; adj_end[i].s && !adj; i++) {
    size_t l = adj_end[i].n, c = 0;
    if (n <= l + 3)
      continue;
    while (c < l && t->low[n - l + c] == adj_end[i].s[c])
      c++;
    adj = c == l;
  }
  return adj && w->mod * 2 >= w->tf;
}

ng_status ngi_keyphrases(ng_doc *d, ngi_kpset *k) {
  memset(k, 0, sizeof *k);
  int n = (int)d->ntoks;
  ngi_arena *A = &d->arena;
  int *wid = ngi_alloc_raw(A, (size_t)(n + 1) * sizeof *wid);
  unsigned char *content = ngi_alloc(A, (size_t)n + 1);
  unsigned char *attrib = ngi_alloc(A, (size_t)n + 1);
  /* the words' statistics: grown as words come (far fewer than tokens) */
  size_t capws = 0;
  wstat *ws = ngi_grow(A, NULL, sizeof *ws, 0, &capws, (size_t)n / 4 + 8);
  k->tokstem = ngi_alloc_raw(A, (size_t)(n + 1) * sizeof *k->tokstem);
  size_t pcap = 16;
  while (pcap < (size_t)n * 2 + 16)
    pcap <<= 1;
  pairset ps = {ngi_alloc(A, pcap * sizeof *ps.slot), pcap - 1};
  unsigned char *lw = ngi_alloc_raw(A, (size_t)n + 1);
  if (!wid || !content || !attrib || !ws || !k->tokstem || !ps.slot || !lw)
    return NG_ENOMEM;
  {
    listset ls;
    memset(&ls, 0, sizeof ls);
    listset_add(&ls, before_verb, L_BEFORE_VERB);
    listset_add(&ls, after_verb, L_AFTER_VERB);
    listset_add(&ls, before_gerund, L_BEFORE_GERUND);
    listset_add(&ls, determiners, L_DET);
    listset_add(&ls, talk_prep, L_TALK_PREP);
    for (int i = 0; i < n; i++)
      lw[i] = (unsigned char)listset_bits(&ls, &d->toks[i]);
  }
  mark_attribution(d, lw, attrib);

  ngi_map words, stems, cands;
  ngi_map_init(&words);
  ngi_map_init(&stems);
  ngi_map_init(&cands);
  ng_status st = NG_OK;
  /* room for the usual counts of words and candidates at once */
  if (ngi_map_reserve(&words, (size_t)n / 5) ||
      ngi_map_reserve(&stems, (size_t)n / 5) ||
      ngi_map_reserve(&cands, (size_t)n / 4)) {
    st = NG_ENOMEM;
    goto out;
  }
  int nw = 0, ns = 0;
  size_t capkp = 0, capocc = 0;
  int first_body = -1;
  for (size_t p = 1; p < d->nparas && first_body < 0; p++)
    if (!d->paras[p].heading)
      first_body = (int)p;

  /* 1. word ids, content flags, counts: the body, then the headline
   * (whose verbs are told by the body) */
  int hl_end = d->nparas > 1 ? d->paras[1].t0 : n;
  for (int x = 0; x < n; x++) {
    int i = x < n - hl_end ? hl_end + x : x - (n - hl_end);
    const ngi_tok *t = &d->toks[i];
    wid[i] = -1;
    k->tokstem[i] = -1;
    if (!(t->flags & T_WORD) || d->paras[t->para].heading == 1)
      continue;
    size_t l = stem_len(t->low, t->lowlen);
    /* the hash of the stem: the token's own when it has no plural s */
    uint64_t wh = 0;
    int hl_plural = 0; /* headline: the body uses it with a plural s */
    if (i < hl_end && l < t->lowlen) {
      intptr_t v;
      wh = ngi_hash(t->low, l);
      hl_plural = ngi_map_geth(&words, t->low, l, wh, &v) && ws[v].plural;
    }
    content[i] = (unsigned char)(!attrib[i] && content_tok(d, lw, i, hl_plural));
    if (!content[i])
      continue;
    intptr_t v;
    if (l == t->lowlen)
      wh = t->h;
    else if (!wh)
      wh = ngi_hash(t->low, l);
    int found = ngi_map_geth(&words, t->low, l, wh, &v);
    if (!found) {
      const char *key = ngi_strndup(A, t->low, l);
      if (!key || ngi_map_puth(&words, key, l, wh, nw) ||
          ((size_t)nw >= capws &&
           !(ws = ngi_grow(A, ws, sizeof *ws, capws, &capws,
                           (size_t)nw + 1)))) {
        st = NG_ENOMEM;
        goto out;
      }
      size_t pl = l > STEM_PREFIX ? STEM_PREFIX : l;
      uint64_t sh = pl == l ? wh : ngi_hash(key, pl);
      intptr_t sv;
      if (!ngi_map_geth(&stems, key, pl, sh, &sv)) {
        const char *sk = ngi_strndup(A, key, pl);
        if (!sk || ngi_map_puth(&stems, sk, pl, sh, ns)) {
          st = NG_ENOMEM;
          goto out;
        }
        sv = ns++;
      }
      ws[nw].sid = (int)sv;
      ws[nw].lastsent = -1;
      v = nw++;
    }
    wid[i] = (int)v;
    wstat *w = &ws[v];
    if (i >= hl_end && l < t->lowlen)
      w->plural = 1;
    if (i > 0 && in_list(lw, i - 1, L_DET))
      w->det++;
    k->tokstem[i] = w->sid;
    w->tf++;
    if (t->para != 0 && (t->flags & T_CAP) && !(t->flags & T_SSTART))
      w->tfcap++;
    if (t->para != 0 && (t->flags & T_ALLCAPS))
      w->tfall++;
    if (w->lastsent != t->sent)
      w->nsent++, w->lastsent = t->sent;
  }
  /* a word that is also used as a function word ("can") stays content
   * only where it is content; its statistics count those uses */

  /* 2. neighbours: distinct words on each side, inside a sentence (any
   * word, told apart by its hash) */
  for (int i = 1; i < n; i++) {
    const ngi_tok *a = &d->toks[i - 1], *b = &d->toks[i];
    if (!(content[i] || content[i - 1]) || !(a->flags & T_WORD) ||
        !(b->flags & T_WORD) || a->sent != b->sent)
      continue;
    int fresh = pair_add(&ps, a->h * 0x9E3779B97F4A7C15ull ^ b->h);
    if (content[i]) {
      ws[wid[i]].left++;
      ws[wid[i]].dleft += fresh;
    }
    if (content[i - 1]) {
      ws[wid[i - 1]].right++;
      ws[wid[i - 1]].dright += fresh;
    }
  }

  for (int i = 0; i + 1 < n; i++)
    if (content[i] && content[i + 1] &&
        d->toks[i].sent == d->toks[i + 1].sent)
      ws[wid[i]].mod++;

  /* 3. median sentence of each content word: offsets, then fill */
  {
    int *off = ngi_alloc(A, (size_t)(nw + 1) * sizeof *off);
    int *fill = ngi_alloc(A, (size_t)(nw + 1) * sizeof *fill);
    int *sent = ngi_alloc_raw(A, (size_t)(n + 1) * sizeof *sent);
    if (!off || !fill || !sent) {
      st = NG_ENOMEM;
      goto out;
    }
    for (int w = 0; w < nw; w++)
      off[w + 1] = off[w] + ws[w].tf;
    for (int i = 0; i < n; i++)
      if (content[i]) {
        int w = wid[i];
        sent[off[w] + fill[w]++] = d->toks[i].sent;
      }
    for (int w = 0; w < nw; w++)
      if (ws[w].tf)
        ws[w].med = sent[off[w] + (ws[w].tf - 1) / 2];
  }

  /* 4. S(w) */
  {
    double sum = 0, sum2 = 0, cnt = 0, maxtf = 1;
    for (int w = 0; w < nw; w++)
      if (ws[w].tf) {
        sum += ws[w].tf;
        sum2 += (double)ws[w].tf * ws[w].tf;
        cnt++;
        if (ws[w].tf > maxtf)
          maxtf = ws[w].tf;
      }
    double mean = cnt ? sum / cnt : 0;
    double var = cnt ? sum2 / cnt - mean * mean : 0;
    double sd = var > 0 ? sqrt(var) : 0;
    double nsents = d->nsents ? (double)d->nsents : 1;
    for (int w = 0; w < nw; w++) {
      wstat *x = &ws[w];
      if (!x->tf)
        continue;
      double tf = x->tf;
      double cas = (x->tfcap > x->tfall ? x->tfcap : x->tfall) / (1 + log(tf));
      double pos = log(log(3.0 + x->med));
      double freq = tf / (mean + sd > 0 ? mean + sd : 1);
      double wl = x->left ? (double)x->dleft / x->left : 0;
      double wr = x->right ? (double)x->dright / x->right : 0;
      double rel = 1 + (wl + wr) * tf / maxtf;
      double spread = x->nsent / nsents;
      x->s = rel * pos / (cas + freq / rel + spread / rel);
    }
  }

  /* 5. candidates, in text order */
  for (size_t s = 0; s < d->nsents; s++) {
    int t0 = d->sents[s].t0, t1 = d->sents[s].t1;
    int para = d->sents[s].para;
    if (d->paras[para].heading == 1)
      continue;
    int weight = para == 0 ? 3 : para == first_body ? 2 : 1;
    for (int i = t0; i < t1; i++) {
      if (!content[i])
        continue;
      int e = entity_at(d, i);
      if (e >= 0 && d->ments[e].t0 < i)
        continue; /* not from the middle of a name */
      int cw = 0, of = 0, sids[NGI_KP_MAXW], fits = 1;
      char buf[256]; /* the key: stems of the content words */
      size_t kl = 0;
      uint64_t h = 1469598103934665603ull; /* its ngi_hash */
      for (int j = i; j < t1; j++) {
        const ngi_tok *t = &d->toks[j];
        if (!content[j]) {
          /* "X of Y", "X of the Y" */
          if (of || !ngi_tok_is(t, "of") || j == i ||
              (d->toks[j - 1].flags & T_POSS))
            break;
          of = 1;
          if (j + 1 < t1 && ngi_tok_is(&d->toks[j + 1], "the"))
            j++;
          if (j + 1 >= t1 || !content[j + 1])
            break;
          continue;
        }
        if (cw == NGI_KP_MAXW)
          break;
        sids[cw++] = ws[wid[j]].sid;
        /* the key grows by this word's stem; its hash with it */
        size_t l = stem_len(t->low, t->lowlen);
        if (kl + l + 2 >= sizeof buf) {
          fits = 0;
          break;
        }
        if (kl) {
          buf[kl++] = ' ';
          h = (h ^ ' ') * 1099511628211ull;
        }
        for (size_t c = 0; c < l; c++)
          h = (h ^ (unsigned char)t->low[c]) * 1099511628211ull;
        memcpy(buf + kl, t->low, l);
        kl += l;
        buf[kl] = '\0';
        if (t->flags & T_POSS)
          continue; /* "Labour's" goes on to its noun */
        int e2 = entity_at(d, j);
        if (e2 >= 0 && d->ments[e2].t1 - 1 > j)
          continue; /* not to the middle of a name */
        if (modifier(t, &ws[wid[j]]))
          continue; /* "economic", "strategic": not the end of a phrase */
        if (j + 1 < t1 && ngi_tok_in(&d->lex->title, &d->toks[j + 1], NULL))
          continue; /* "Greek prime" of "Greek prime minister" */
        if (!fits)
          break;
        intptr_t v;
        if (!ngi_map_geth(&cands, buf, kl, h, &v)) {
          const char *key = ngi_strndup(A, buf, kl);
          ngi_kp *p = key ? NGI_PUSH(A, k->kp, k->nkp, capkp) : NULL;
          if (!p || ngi_map_puth(&cands, key, kl, h, (intptr_t)k->nkp - 1)) {
            st = NG_ENOMEM;
            goto out;
          }
          v = (intptr_t)k->nkp - 1;
          p->key = key;
          p->t0 = i;
          p->t1 = j + 1;
          p->nw = cw;
          memcpy(p->stem, sids, sizeof sids);
          /* may it head a topic?  a common noun in it, or one coined word */
          double prod = 1, sum = 0;
          int common = 0;
          for (int x = i; x <= j; x++) {
            if (!content[x])
              continue;
            const wstat *w = &ws[wid[x]];
            prod *= w->s;
            sum += w->s;
            const ngi_tok *u = &d->toks[x];
            intptr_t kind = 0;
            if (!w->tfcap && !w->tfall && entity_at(d, x) < 0 &&
                (!ngi_tok_in(&d->lex->title, u, &kind) ||
                 kind == NGI_TITLE_MODIFIER) &&
                !ngi_tok_in(&d->lex->describer, u, NULL))
              common = 1; /* "security", not "adviser" */
          }
          int coin = cw == 1 && coined(d, &d->toks[i]) &&
                     !(e >= 0 && d->ments[e].kind == M_PLACE);
          /* a topic is headed by a phrase of common words or a coined
           * term; a name or a single word only goes with one */
          p->head = (common && cw >= 2) || coin;
          intptr_t pv;
          int demonym = cw == 1 &&
                        ngi_tok_in(&d->lex->place, &d->toks[i], &pv) &&
                        NGI_PLACE_KIND(pv) == NGI_PLACE_DEMONYM;
          p->second = !demonym && (cw >= 2 || coin || e >= 0 ||
                                   ws[wid[i]].tfcap * 2 > ws[wid[i]].tf);
          /* a fragment of a title or name ("Never Stop Dancing" gives
           * "Dancing"): a capital word beside it that the phrase left
           * out; a capitalised -ing or -ed word is a title's word too */
          const ngi_tok *f = &d->toks[i], *lt = &d->toks[j];
          int frag = 0;
          if ((f->flags & T_CAP) && e < 0) {
            frag = (i > t0 && !(f->flags & T_SSTART) &&
                    (d->toks[i - 1].flags & T_CAP) &&
                    (d->toks[i - 1].flags & T_WORD)) ||
                   (j + 1 < t1 && (d->toks[j + 1].flags & T_CAP) &&
                    (d->toks[j + 1].flags & T_WORD));
          }
          if ((lt->flags & T_CAP) && lt->lowlen > 5 && entity_at(d, j) < 0 &&
              (memcmp(lt->low + lt->lowlen - 3, "ing", 3) == 0 ||
               memcmp(lt->low + lt->lowlen - 2, "ed", 2) == 0))
            frag = 1;
          if (frag)
            p->second = p->head = 0;
          p->s = prod / (1 + sum);
        }
        ngi_kpocc *o = NGI_PUSH(A, k->occ, k->nocc, capocc);
        if (!o) {
          st = NG_ENOMEM;
          goto out;
        }
        o->kp = (int)v;
        o->t0 = i;
        o->t1 = j + 1;
        o->w = weight;
        k->kp[v].tf += weight;
      }
    }
  }
  k->nstems = ns;
out:
  ngi_map_release(&words);
  ngi_map_release(&stems);
  ngi_map_release(&cands);
  if (st == NG_OK && A->failed)
    st = NG_ENOMEM;
  return st;
}

int ngi_kp_share(const ngi_kp *a, const ngi_kp *b) {
  for (int i = 0; i < a->nw; i++)
    for (int j = 0; j < b->nw; j++)
      if (a->stem[i] == b->stem[j])
        return 1;
  return 0;
}
