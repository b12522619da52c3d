/* source.c - the triples that rasqal's SPARQL engine matches, read
 * straight from the sqlite store (a rasqal triples source in place of
 * librdf's).
 *
 * Why: librdf's source asks the storage for the union of all contexts,
 * which returns a triple once per graph that holds it, while a SPARQL
 * default graph is a set (`<p> rdfs:label ?l` gave 50 identical rows);
 * and it builds and parses SQL for every pattern it matches.  Here the
 * default graph is SELECT DISTINCT over the triples table, GRAPH patterns
 * read one context, statements are prepared once per query and reused,
 * node ids are turned into rasqal literals once (a cache), and the basic
 * graph patterns are put in a good order first (plan.c).
 *
 * The read connection to the file (its own, with a page cache and mmap
 * sized for a year of articles) and the ids <-> terms are sqlread.c.  Queries over another model (the --merge-same-as
 * view swaps st->model) and the memory and bdb stores go through librdf's
 * model API (generic_*), still with the default graph as a set.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "idmap.h"
#include "source.h"
#include "util/str.h"

/* The per-query user data rasqal allocates: a pointer to the source. */
typedef struct query_ud {
  ng_store *st;
  librdf_model *model;  /* the generic path's model; NULL for sqlite */
} query_ud;

/* ------------------------------------------------------------ matching */

typedef struct match {
  ngi_source *s;
  query_ud *ud;
  sqlite3_stmt *q;
  int variant;
  int empty;       /* nothing can match */
  int row;         /* the statement is on a row */
  int ctx_col;     /* column of contextUri in the result, or -1 */
  rasqal_variable *vars[4];
  /* generic path */
  librdf_stream *stream;
  librdf_node *origin;
  ngi_idmap seen;      /* default graph of the generic path: triples seen */
} match;


static sqlite3_stmt *
take_stmt(ngi_source *s, int sk, int pk, int ok, int gk, int *variant)
{
  char sql[512];
  sqlite3_stmt *q = NULL;
  int v = ((sk * 2 + pk) * 4 + ok) * 3 + gk, j;

  *variant = v;
  for(j = 0; j < POOL; j++)
    if(s->pool[v][j]) {
      q = s->pool[v][j];
      s->pool[v][j] = NULL;
      return q;
    }
  snprintf(sql, sizeof sql,
           "SELECT %s subjectUri, subjectBlank, predicateUri, objectUri,"
           " objectBlank, objectLiteral%s FROM triples WHERE 1%s%s%s%s",
           gk == 0 ? "DISTINCT" : "", gk == 2 ? ", contextUri" : "",
           ngi_s_cond[sk], pk ? " AND predicateUri=?" : "", ngi_o_cond[ok],
           gk == 1 ? " AND contextUri=?" : "");
  if(ngi_source_prep(s->db, sql, &q))
    return NULL;
  return q;
}

static void
give_stmt(ngi_source *s, int v, sqlite3_stmt *q)
{
  int j;

  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  for(j = 0; j < POOL; j++)
    if(!s->pool[v][j]) {
      s->pool[v][j] = q;
      return;
    }
  sqlite3_finalize(q);
}

/* The (kind, id) of part i (0 s, 1 p, 2 o, 3 g) of the current row. */
static int
row_part(match *m, int i, int64_t *id)
{
  sqlite3_stmt *q = m->q;

  switch(i) {
  case 0:
    if(sqlite3_column_type(q, 0) != SQLITE_NULL) {
      *id = sqlite3_column_int64(q, 0);
      return NGI_K_URI;
    }
    *id = sqlite3_column_int64(q, 1);
    return NGI_K_BLANK;
  case 1:
    *id = sqlite3_column_int64(q, 2);
    return NGI_K_URI;
  case 2:
    if(sqlite3_column_type(q, 3) != SQLITE_NULL) {
      *id = sqlite3_column_int64(q, 3);
      return NGI_K_URI;
    }
    if(sqlite3_column_type(q, 4) != SQLITE_NULL) {
      *id = sqlite3_column_int64(q, 4);
      return NGI_K_BLANK;
    }
    *id = sqlite3_column_int64(q, 5);
    return NGI_K_LIT;
  default:
    if(m->ctx_col < 0 || sqlite3_column_type(q, m->ctx_col) == SQLITE_NULL)
      return NGI_K_NONE;
    *id = sqlite3_column_int64(q, m->ctx_col);
    return NGI_K_URI;
  }
}

/* 1 when a variable used twice in the pattern has one value in the row. */
static int
row_consistent(match *m)
{
  int i, j;

  for(i = 0; i < 4; i++)
    for(j = i + 1; j < 4; j++)
      if(m->vars[i] && m->vars[i] == m->vars[j]) {
        int64_t a = 0, b = 0;
        if(row_part(m, i, &a) != row_part(m, j, &b) || a != b)
          return 0;
      }
  return 1;
}

static void
sql_step(match *m)
{
  int rc;

  do {
    rc = sqlite3_step(m->q);
    m->row = rc == SQLITE_ROW;
  } while(m->row && !row_consistent(m));
  if(rc != SQLITE_ROW && rc != SQLITE_DONE)
    ngi_source_read_error(m->s->st, m->s->db);
}

/* ------------------------------------------------------------ generic path */

static rasqal_literal *
node_term(ngi_source *s, rasqal_world *rw, librdf_node *n)
{
  raptor_world *raw = rasqal_world_get_raptor(rw);

  (void)s;
  if(!n)
    return NULL;
  if(librdf_node_is_resource(n)) {
    raptor_uri *u = raptor_new_uri(raw, librdf_uri_as_string(
                                          librdf_node_get_uri(n)));
    return u ? rasqal_new_uri_literal(rw, u) : NULL;
  }
  if(librdf_node_is_blank(n)) {
    char *b = ngi_str_dup((const char *)librdf_node_get_blank_identifier(n));
    return b ? rasqal_new_simple_literal(rw, RASQAL_LITERAL_BLANK,
                                         (unsigned char *)b) : NULL;
  } else {
    const char *t = (const char *)librdf_node_get_literal_value(n);
    const char *lang = librdf_node_get_literal_value_language(n);
    librdf_uri *du = librdf_node_get_literal_value_datatype_uri(n);
    char *tc = ngi_str_dup(t ? t : ""), *lc = lang ? ngi_str_dup(lang) : NULL;
    raptor_uri *dt = du ? raptor_new_uri(raw, librdf_uri_as_string(du)) : NULL;
    if(!tc) {
      free(lc);
      if(dt)
        raptor_free_uri(dt);
      return NULL;
    }
    return rasqal_new_string_literal(rw, (unsigned char *)tc, lc, dt, NULL);
  }
}

static librdf_node *
term_node(librdf_world *w, rasqal_literal *l)
{
  rasqal_literal *n;
  librdf_node *r = NULL;

  if(l->type == RASQAL_LITERAL_URI)
    return librdf_new_node_from_uri_string(w,
      raptor_uri_as_string(l->value.uri));
  if(l->type == RASQAL_LITERAL_BLANK)
    return librdf_new_node_from_blank_identifier(w, l->string);
  n = rasqal_literal_as_node(l);
  if(!n)
    return NULL;
  if(n->type == RASQAL_LITERAL_URI || n->type == RASQAL_LITERAL_BLANK) {
    r = term_node(w, n);
  } else {
    librdf_uri *dt = n->datatype ? librdf_new_uri(w,
      raptor_uri_as_string(n->datatype)) : NULL;
    r = librdf_new_node_from_typed_literal(w, n->string, n->language, dt);
    if(dt)
      librdf_free_uri(dt);
  }
  rasqal_free_literal(n);
  return r;
}

static librdf_node *
stmt_part(librdf_statement *st, int i)
{
  return i == 0 ? librdf_statement_get_subject(st)
       : i == 1 ? librdf_statement_get_predicate(st)
                : librdf_statement_get_object(st);
}

/* A key naming node n exactly (kind, text, language, datatype), ending
 * in a separator; NULL on out of memory. */
static char *
node_key(librdf_node *n)
{
  const char *a = "", *b = "", *c = "";
  char kind = 'L', *k;
  size_t len;

  if(librdf_node_is_resource(n)) {
    kind = 'U';
    a = (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
  } else if(librdf_node_is_blank(n)) {
    kind = 'B';
    a = (const char *)librdf_node_get_blank_identifier(n);
  } else {
    librdf_uri *du = librdf_node_get_literal_value_datatype_uri(n);
    a = (const char *)librdf_node_get_literal_value(n);
    b = librdf_node_get_literal_value_language(n);
    c = du ? (const char *)librdf_uri_as_string(du) : "";
  }
  a = a ? a : "";
  b = b ? b : "";
  len = strlen(a) + strlen(b) + strlen(c) + 5;
  k = malloc(len);
  if(k)
    snprintf(k, len, "%c%s\x01%s\x01%s\x02", kind, a, b, c);
  return k;
}

/* 1 when the generic stream's current statement is new to the default
 * graph (or the pattern is in a graph) and repeated variables agree. */
static int
generic_ok(match *m)
{
  librdf_statement *st = librdf_stream_get_object(m->stream);
  int i, j;

  if(!st)
    return 0;
  for(i = 0; i < 3; i++)
    for(j = i + 1; j < 3; j++)
      if(m->vars[i] && m->vars[i] == m->vars[j] &&
         !librdf_node_equals(stmt_part(st, i), stmt_part(st, j)))
        return 0;
  if(!m->origin && !m->vars[3]) {
    char *k = NULL, *t;
    ngi_ident *e;
    for(i = 0; i < 3; i++) {
      char *nk = node_key(stmt_part(st, i));
      t = nk ? ngi_str_cat2(k ? k : "", nk) : NULL;
      free(nk);
      free(k);
      k = t;
      if(!k)
        return 0;
    }
    if(ngi_idmap_find(&m->seen, k)) {
      free(k);
      return 0;
    }
    e = ngi_idmap_put(&m->seen, k);
    free(k);
    if(!e)
      return 0;
  }
  return 1;
}

static void
generic_step(match *m, int first)
{
  if(!first)
    librdf_stream_next(m->stream);
  while(!librdf_stream_end(m->stream) && !generic_ok(m))
    librdf_stream_next(m->stream);
}

/* ------------------------------------------------------------ rasqal hooks */

static rasqal_triple_parts
bind_match(rasqal_triples_match *rtm, void *user_data,
           rasqal_variable *bindings[4], rasqal_triple_parts parts)
{
  match *m = user_data;
  rasqal_triple_parts done = 0;
  static const rasqal_triple_parts bit[4] = {
    RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE, RASQAL_TRIPLE_OBJECT,
    RASQAL_TRIPLE_ORIGIN
  };
  int i, j;

  (void)rtm;
  for(i = 0; i < 4; i++) {
    rasqal_literal *l = NULL;
    if(!(parts & bit[i]) || !bindings[i])
      continue;
    /* a variable repeated in the pattern is bound once */
    for(j = 0; j < i; j++)
      if(bindings[j] == bindings[i] && (parts & bit[j]))
        break;
    if(j < i)
      continue;
    if(m->stream) {
      librdf_statement *st = librdf_stream_get_object(m->stream);
      librdf_node *n = i < 3 ? stmt_part(st, i)
                             : librdf_stream_get_context2(m->stream);
      l = node_term(NULL, m->s ? m->s->rw : rtm->world, n);
    } else {
      int64_t id = 0;
      int k = row_part(m, i, &id);
      if(k == NGI_K_NONE)
        continue;
      l = ngi_source_id_term(m->s, k, id);
    }
    if(!l)
      return 0;
    rasqal_variable_set_value(bindings[i], l);
    done |= bit[i];
  }
  return done;
}

static void
next_match(rasqal_triples_match *rtm, void *user_data)
{
  match *m = user_data;

  (void)rtm;
  if(m->stream)
    generic_step(m, 0);
  else if(m->row)
    sql_step(m);
}

static int
is_end(rasqal_triples_match *rtm, void *user_data)
{
  match *m = user_data;

  (void)rtm;
  if(m->empty)
    return 1;
  if(m->stream)
    return librdf_stream_end(m->stream);
  return !m->row;
}

static void
finish_match(rasqal_triples_match *rtm, void *user_data)
{
  match *m = user_data;

  (void)rtm;
  if(!m)
    return;
  if(m->q)
    give_stmt(m->s, m->variant, m->q);
  if(m->stream)
    librdf_free_stream(m->stream);
  if(m->origin)
    librdf_free_node(m->origin);
  ngi_idmap_clear(&m->seen);
  free(m);
}

/* The value of a pattern part: a constant, a bound variable's value, or
 * NULL (with *var set when it is a variable). */
static rasqal_literal *
part_value(rasqal_literal *l, rasqal_variable **var)
{
  rasqal_variable *v;

  *var = NULL;
  if(!l)
    return NULL;
  v = rasqal_literal_as_variable(l);
  if(!v)
    return l;
  *var = v;
  return v->value;
}

static int
init_generic(match *m, rasqal_triples_source *rts, rasqal_literal *val[4])
{
  query_ud *ud = rts->user_data;
  librdf_world *w = ud->st->world;
  librdf_node *n[3] = { NULL, NULL, NULL };
  librdf_statement *pat;
  int i;

  for(i = 0; i < 3; i++)
    if(val[i] && !(n[i] = term_node(w, val[i]))) {
      m->empty = 1;
      goto fail;
    }
  if(val[3])
    m->origin = term_node(w, val[3]);
  pat = librdf_new_statement_from_nodes(w, n[0], n[1], n[2]);
  if(!pat)
    return 1;
  if(m->origin)
    m->stream = librdf_model_find_statements_in_context(ud->model, pat,
                                                        m->origin);
  else
    m->stream = librdf_model_find_statements(ud->model, pat);
  librdf_free_statement(pat);
  if(!m->stream)
    return 1;
  generic_step(m, 1);
  return 0;

fail:
  for(i = 0; i < 3; i++)
    if(n[i])
      librdf_free_node(n[i]);
  return 0;
}

static int
init_triples_match(rasqal_triples_match *rtm, rasqal_triples_source *rts,
                   void *user_data, rasqal_triple_meta *meta,
                   rasqal_triple *t)
{
  query_ud *ud = user_data;
  rasqal_literal *parts[4], *val[4];
  match *m = calloc(1, sizeof *m);
  int kind[4] = { 0, 0, 0, 0 }, i, col = 1;
  int64_t id[4] = { 0, 0, 0, 0 };

  if(!m)
    return 1;
  m->ud = ud;
  rtm->user_data = m;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish_match;
  parts[0] = t->subject;
  parts[1] = t->predicate;
  parts[2] = t->object;
  parts[3] = t->origin;
  for(i = 0; i < 4; i++) {
    val[i] = part_value(parts[i], &m->vars[i]);
    if(val[i])
      m->vars[i] = NULL;  /* bound: matched as a constant */
    meta->bindings[i] = m->vars[i];
  }
  if(ud->model)
    return init_generic(m, rts, val);
  m->s = ud->st->source;
  m->ctx_col = -1;
  for(i = 0; i < 4; i++) {
    if(!val[i])
      continue;
    id[i] = ngi_source_term_id(m->s, val[i], &kind[i]);
    if(id[i] == -2)
      return 1;
    if(id[i] < 0 || (i == 1 && kind[i] != NGI_K_URI) ||
       (i == 3 && kind[i] != NGI_K_URI) || (i == 0 && kind[i] == NGI_K_LIT)) {
      m->empty = 1;
      return 0;
    }
  }
  m->q = take_stmt(m->s, kind[0] == NGI_K_URI ? 1 : kind[0] == NGI_K_BLANK ? 2 : 0,
                   val[1] ? 1 : 0, val[2] ? kind[2] : 0,
                   val[3] ? 1 : m->vars[3] ? 2 : 0, &m->variant);
  if(!m->q)
    return 1;
  if(!val[3] && m->vars[3])
    m->ctx_col = 6;
  for(i = 0; i < 4; i++)
    if(val[i])
      sqlite3_bind_int64(m->q, col++, id[i]);
  sql_step(m);
  return 0;
}

static int
triple_present(rasqal_triples_source *rts, void *user_data,
               rasqal_triple *t)
{
  rasqal_triples_match rtm;
  rasqal_triple_meta meta;
  int found;

  memset(&rtm, 0, sizeof rtm);
  memset(&meta, 0, sizeof meta);
  if(init_triples_match(&rtm, rts, user_data, &meta, t)) {
    if(rtm.user_data)
      finish_match(&rtm, rtm.user_data);
    return 0;
  }
  found = !is_end(&rtm, rtm.user_data);
  finish_match(&rtm, rtm.user_data);
  return found;
}

static void
free_source(void *user_data)
{
  (void)user_data;
}

/* The named graphs a query can reach: every context (FROM and FROM NAMED
 * are dropped, so a query never loads data). */
static int
set_graphs(rasqal_query *q, query_ud *ud)
{
  raptor_sequence *seq = rasqal_query_get_data_graph_sequence(q);
  rasqal_world *rw = librdf_world_get_rasqal(ud->st->world);
  raptor_world *raw = rasqal_world_get_raptor(rw);
  librdf_iterator *it;

  while(seq && raptor_sequence_size(seq) > 0)
    rasqal_free_data_graph(raptor_sequence_pop(seq));
  if(!librdf_model_supports_contexts(ud->model ? ud->model : ud->st->model))
    return 0;
  if(!ud->model) {
    sqlite3_stmt *g;
    if(ngi_source_prep(ud->st->source->db, "SELECT u.uri FROM (SELECT DISTINCT"
            " contextUri AS c FROM triples) JOIN uris u ON u.id = c"
            " ORDER BY u.uri", &g)) {
      ngi_source_read_error(ud->st, ud->st->source->db);
      return 1;
    }
    int rc;
    while((rc = sqlite3_step(g)) == SQLITE_ROW) {
      raptor_uri *u = raptor_new_uri(raw, sqlite3_column_text(g, 0));
      rasqal_data_graph *dg = u ? rasqal_new_data_graph_from_uri(rw, u, u,
        RASQAL_DATA_GRAPH_NAMED, NULL, NULL, NULL) : NULL;
      if(u)
        raptor_free_uri(u);
      if(!dg || rasqal_query_add_data_graph(q, dg)) {
        sqlite3_finalize(g);
        return 1;
      }
    }
    if(rc != SQLITE_DONE)
      ngi_source_read_error(ud->st, ud->st->source->db);
    sqlite3_finalize(g);
    return 0;
  }
  it = librdf_model_get_contexts(ud->model);
  for(; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *c = librdf_iterator_get_object(it);
    raptor_uri *u;
    rasqal_data_graph *dg;
    if(!c || !librdf_node_is_resource(c))
      continue;
    u = raptor_new_uri(raw, librdf_uri_as_string(librdf_node_get_uri(c)));
    dg = u ? rasqal_new_data_graph_from_uri(rw, u, u,
                                            RASQAL_DATA_GRAPH_NAMED, NULL,
                                            NULL, NULL) : NULL;
    if(u)
      raptor_free_uri(u);
    if(!dg || rasqal_query_add_data_graph(q, dg)) {
      librdf_free_iterator(it);
      return 1;
    }
  }
  if(it)
    librdf_free_iterator(it);
  return 0;
}

static int
new_triples_source(rasqal_query *q, void *factory_user_data,
                   void *user_data, rasqal_triples_source *rts)
{
  ng_store *st = factory_user_data;
  query_ud *ud = user_data;

  ud->st = st;
  ud->model = NULL;
  if(st->backend != NG_STORE_SQLITE || st->model != st->base_model ||
     !ngi_source_open(st))
    ud->model = st->model;
  if(!ud->model)
    ngi_idmap_clear(&st->source->nodes);  /* the store may have changed */
  if(set_graphs(q, ud))
    return 1;
  ngi_plan_query(q, ud->model ? NULL : st->source,
                 librdf_world_get_rasqal(st->world));
  rts->version = 1;
  rts->init_triples_match = init_triples_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_source;
  return 0;
}

static ng_store *registering;

static int
register_factory(rasqal_triples_source_factory *f)
{
  (void)registering;
  f->version = 1;
  f->user_data_size = sizeof(query_ud);
  f->new_triples_source = new_triples_source;
  f->init_triples_source = NULL;
  f->init_triples_source2 = NULL;
  return 0;
}

int
ngi_source_install(ng_store *st)
{
  st->base_model = st->model;
  return rasqal_set_triples_source_factory(librdf_world_get_rasqal(st->world),
                                           register_factory, st);
}
