/* plan.c - the order rasqal matches the triple patterns of a basic graph
 * pattern in.  rasqal 0.9.33 joins them in the order written, one nested
 * loop per pattern, so `?s ng:speaker ?p . ?p rdfs:label "X"` walks every
 * statement before it looks at the name (minutes on a year of articles).
 * Before a query runs (source.c calls this when rasqal asks for its
 * triples source, before the algebra is built), each basic graph pattern
 * is reordered greedily: next comes the pattern with the fewest estimated
 * matches given the constants in it and the variables already bound by
 * the patterns before it; a pattern sharing no variable with those is a
 * cross product and comes last.  Estimates are counts in the store
 * (ngi_source_estimate, one indexed COUNT per distinct set of constants).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"

/* INTERNAL in rasqal 0.9.33 but exported: rebuilds the maps of where each
 * variable is mentioned and first bound (rasqal_query_transform.c), which
 * record triple pattern columns and so must follow a reordering. */
int rasqal_query_build_variables_use(rasqal_query *query, void *projection);
void *rasqal_query_get_projection(rasqal_query *query);

#define MAXPAT 64

/* The variable of a pattern part, or NULL for a constant. */
static rasqal_variable *
var_of(rasqal_literal *l)
{
  return l ? rasqal_literal_as_variable(l) : NULL;
}

static int
is_bound(rasqal_variable *v, rasqal_variable **bound, int nbound)
{
  int i;

  for(i = 0; i < nbound; i++)
    if(bound[i] == v)
      return 1;
  return 0;
}

/* Estimated matches of t once the variables in bound have values. */
static double
cost(ngi_source *s, rasqal_triple *t, rasqal_variable **bound, int nbound)
{
  rasqal_literal *part[3] = { t->subject, t->predicate, t->object };
  rasqal_literal *c[3];
  rasqal_variable *v;
  int i, nvars = 0, joined = 0, sb = 0, ob = 0;
  double n;

  for(i = 0; i < 3; i++) {
    v = var_of(part[i]);
    c[i] = v ? NULL : part[i];
    if(v) {
      nvars++;
      if(is_bound(v, bound, nbound)) {
        joined = 1;
        if(i == 0)
          sb = 1;
        else if(i == 2)
          ob = 1;
      }
    }
  }
  n = (double)ngi_source_estimate(s, c);
  if(n <= 0)
    return 0;
  /* a bound subject has a few values of a property; a bound object has
   * (roughly) the square root of the property's uses */
  if(sb && ob)
    n = 1;
  else if(sb)
    n = n < 4 ? n : 4;
  else if(ob)
    n = n < 4 ? n : 4 + (n > 16 ? __builtin_sqrt(n) : 0);
  if(nbound && nvars && !joined)
    n = n * 1000 + 1e6;  /* a cross product: last */
  return n;
}

static void
order_bgp(ngi_source *s, rasqal_graph_pattern *gp)
{
  rasqal_triple *t[MAXPAT], sorted[MAXPAT];
  rasqal_variable *bound[3 * MAXPAT];
  int used[MAXPAT];
  int n = 0, nbound = 0, k, i, changed = 0;

  while(n < MAXPAT && (t[n] = rasqal_graph_pattern_get_triple(gp, n)))
    n++;
  if(n < 2 || n == MAXPAT)
    return;
  memset(used, 0, sizeof used);
  for(k = 0; k < n; k++) {
    int best = -1;
    double bc = 0;
    for(i = 0; i < n; i++) {
      double c;
      if(used[i])
        continue;
      c = cost(s, t[i], bound, nbound);
      if(best < 0 || c < bc) {
        best = i;
        bc = c;
      }
    }
    used[best] = 1;
    sorted[k] = *t[best];
    if(best != k)
      changed = 1;
    {
      rasqal_literal *part[3] = { t[best]->subject, t[best]->predicate,
                                  t[best]->object };
      for(i = 0; i < 3; i++) {
        rasqal_variable *v = var_of(part[i]);
        if(v && !is_bound(v, bound, nbound))
          bound[nbound++] = v;
      }
    }
  }
  if(!changed)
    return;
  /* the sequence owns the triples: move their contents, not them */
  for(k = 0; k < n; k++)
    *t[k] = sorted[k];
}

static int
walk(ngi_source *s, rasqal_graph_pattern *gp)
{
  int i, n = 0;
  rasqal_graph_pattern *sub;

  if(!gp)
    return 0;
  if(rasqal_graph_pattern_get_operator(gp) ==
     RASQAL_GRAPH_PATTERN_OPERATOR_BASIC) {
    order_bgp(s, gp);
    n++;
  }
  for(i = 0; (sub = rasqal_graph_pattern_get_sub_graph_pattern(gp, i)); i++)
    n += walk(s, sub);
  return n;
}

/* rasqal 0.9.33 counts some duplicates in COUNT(DISTINCT ?x) (its
 * distinct map compares IRIs without RASQAL_COMPARE_URI; 706 speakers
 * where a SELECT DISTINCT gives 702, tests/rasqal-bugs/), while strings
 * compare right: count IF(isIRI(?x), STR(?x), ?x) instead.  An IRI and a
 * plain literal with the same text then count once. */
static int
fix_count_distinct(void *user_data, rasqal_expression *e)
{
  rasqal_world *w = user_data;
  rasqal_expression *a = e->arg1, *c1, *c2, *isuri, *str, *iff;

  if(e->op != RASQAL_EXPR_COUNT || !(e->flags & RASQAL_EXPR_FLAG_DISTINCT) ||
     !a || a->op == RASQAL_EXPR_VARSTAR || a->op == RASQAL_EXPR_IF)
    return 0;
  c1 = rasqal_new_expression_from_expression(a);
  c2 = rasqal_new_expression_from_expression(a);
  isuri = c1 ? rasqal_new_1op_expression(w, RASQAL_EXPR_ISURI, c1) : NULL;
  str = c2 ? rasqal_new_1op_expression(w, RASQAL_EXPR_STR, c2) : NULL;
  if(!isuri || !str) {
    if(isuri)
      rasqal_free_expression(isuri);
    if(str)
      rasqal_free_expression(str);
    return 0;
  }
  iff = rasqal_new_3op_expression(w, RASQAL_EXPR_IF, isuri, str, a);
  if(iff)
    e->arg1 = iff;
  else
    rasqal_new_expression_from_expression(a); /* IF freed a reference */
  return 0;
}

static void
fix_exprs(rasqal_world *w, raptor_sequence *seq, int vars)
{
  int i, n = seq ? raptor_sequence_size(seq) : 0;

  for(i = 0; i < n; i++) {
    void *x = raptor_sequence_get_at(seq, i);
    rasqal_expression *e = vars ? ((rasqal_variable *)x)->expression : x;
    if(e)
      rasqal_expression_visit(e, fix_count_distinct, w);
  }
}

void
ngi_plan_query(rasqal_query *q, ngi_source *s, rasqal_world *w)
{
  fix_exprs(w, rasqal_query_get_bound_variable_sequence(q), 1);
  fix_exprs(w, rasqal_query_get_having_conditions_sequence(q), 0);
  fix_exprs(w, rasqal_query_get_order_conditions_sequence(q), 0);
  if(s && walk(s, rasqal_query_get_query_graph_pattern(q)))
    rasqal_query_build_variables_use(q, rasqal_query_get_projection(q));
}
