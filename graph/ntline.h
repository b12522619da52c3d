/* ntline.h - reading the N-Triples lines of a graph of lines
 * (ng_graph_lines) back into terms, in one place (ntline.c) for the
 * writers without a librdf model: turtle.c, ntriples.c, jsonld_stmts.c.
 */
#ifndef NG_NTLINE_H
#define NG_NTLINE_H

#include <stddef.h>

#include "newsgraph.h"

/* A statement of a graph of lines, read back: IRIs as written, literal
 * values unescaped. */
typedef struct ngi_ntterm {
  const char *s;   /* IRI, or the literal's value */
  size_t n;
  const char *lang, *dt; /* a literal's language or datatype, or NULL */
  size_t langn, dtn;
  int lit;
} ngi_ntterm;
typedef struct ngi_ntriple {
  ngi_ntterm s, p, o;
} ngi_ntriple;
/* The text of the graph of lines g: ng_graph_lines without a graph name
 * (caller frees *nt); NG_EUSAGE for a graph with a model. */
ng_status ngi_lines_text(ng_graph *g, char **nt, size_t *len, char *err);
/* What else ngi_lines_parse refuses: IRIs past ASCII; language tags with
 * capitals (librdf may lower-case them). */
enum { NGI_NT_ASCII = 1, NGI_NT_LOWER = 2 };
/* The lines of ng_graph_lines (no graph name) as statements, in their
 * order (caller frees *out and *vals).  Terms point into nt, or for a
 * literal value with escapes into *vals (NULL when none has any); a
 * subject or predicate equal to the previous line's has its address.
 * NG_EFORMAT for what this does not read: blank nodes, escaped IRIs,
 * bad or NUL escapes, and what flags refuse; NG_ENOMEM. */
ng_status ngi_lines_parse(const char *nt, size_t len, unsigned flags,
                          ngi_ntriple **out, size_t *nout, char **vals);
/* The order of raptor_term_compare and serialize.c's statement_cmp:
 * IRIs before literals; IRIs bytewise; literals by value, then language,
 * then datatype (none first).  <0, 0 or >0 as strcmp. */
int ngi_ntterm_cmp(const ngi_ntterm *a, const ngi_ntterm *b);
/* By subject, predicate, object (inline: the sorts call it most). */
static inline int ngi_ntriple_cmp(const ngi_ntriple *a,
                                  const ngi_ntriple *b)
{
  int c = ngi_ntterm_cmp(&a->s, &b->s);

  if (c == 0)
    c = ngi_ntterm_cmp(&a->p, &b->p);
  if (c == 0)
    c = ngi_ntterm_cmp(&a->o, &b->o);
  return c;
}

#endif /* NG_NTLINE_H */
