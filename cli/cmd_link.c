/* cmd_link.c - `newsgraph link`: entity links over the embedded store.
 *
 * Computes the links between person nodes of different articles (and to
 * Wikidata with a gazetteer) and replaces the links graph with them;
 * --drop removes that graph, --list prints each link decision.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "newsgraph.h"

static const char link_help[] =
  "usage: newsgraph link [OPTIONS]\n"
  "\n"
  "Link the persons of the store's articles: a surname-only, initial or\n"
  "shorter form in one article is tied to the full name its article's\n"
  "context fits best in others (owl:sameAs when it wins clearly, else\n"
  "skos:closeMatch), spelling variants (Alexei/Aleksey) get\n"
  "skos:closeMatch, gazetteer names owl:sameAs their Wikidata item.\n"
  "Persons and organisations of other tools' graphs (schema:Person,\n"
  "foaf:Person, schema:Organization) are linked too, with their\n"
  "owl:sameAs to Wikidata.  Each link is also a reified rdf:Statement with\n"
  "ng:confidence and ng:linkReason.  The links go into one named graph of\n"
  "their own, replaced on each run.  'newsgraph query --merge-same-as'\n"
  "follows them.\n"
  "\n"
  "  --store PATH         the store (default $NEWSGRAPH_STORE or\n"
  "                       newsgraph.db)\n"
  "  --backend NAME       sqlite (default) or bdb\n"
  "  --wait SECS          wait while another process holds the store\n"
  "                       locked (default 10; 0 = fail at once)\n"
  "  --gazetteer FILE     persons TSV: name, aliases (|), Wikidata ID,\n"
  "                       roles (|), context (|); matching persons get\n"
  "                       owl:sameAs; default: gazetteer/persons.tsv in\n"
  "                       the data dir\n"
  "  --variants FILE      given-name variants, one group per line (|);\n"
  "                       default: gazetteer/name-variants.tsv in the\n"
  "                       data dir\n"
  "  --graph IRI          the links graph (default\n"
  "                       " NG_LINKS_GRAPH ")\n"
  "  --list               print each link: predicate, confidence, reason,\n"
  "                       from label, to label, from IRI, to IRI (TSV)\n"
  "  --drop               remove the links graph and stop\n"
  "  -h, --help           this help\n"
  "\n"
  "Prints a summary on stdout (persons before and after linking, links).\n"
  "Exit: 0 ok, 2 usage, 5 gazetteer or variants file, 7 store.\n";

static void
print_link(void *arg, const ng_link *l)
{
  (void)arg;
  printf("%s\t%.2f\t%s\t%s\t%s\t%s\t%s\n", l->predicate, l->confidence,
         l->reason, l->from_label ? l->from_label : "",
         l->to_label ? l->to_label : "", l->from, l->to);
}

int
cmd_link(int argc, char **argv)
{
  cli_store_opts so;
  const char *gaz = NULL, *var = NULL, *graph = NULL;
  ng_link_opts lo;
  ng_link_stats ls;
  ng_store *st = NULL;
  char err[NG_ERRLEN];
  int i, r, list = 0, drop = 0;
  ng_status rc;

  cli_store_opts_init(&so);
  for(i = 1; i < argc; i++) {
    if(!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      fputs(link_help, stdout);
      return CLI_OK;
    }
    if(!strcmp(argv[i], "--list")) {
      list = 1;
      continue;
    }
    if(!strcmp(argv[i], "--drop")) {
      drop = 1;
      continue;
    }
    if((r = cli_store_opt(argc, argv, &i, &so)) ||
       (r = cli_opt_value(argc, argv, &i, "gazetteer", 0, &gaz)) ||
       (r = cli_opt_value(argc, argv, &i, "variants", 0, &var)) ||
       (r = cli_opt_value(argc, argv, &i, "graph", 0, &graph))) {
      if(r < 0)
        goto usage;
      continue;
    }
    cli_error("unknown link argument '%s'", argv[i]);
    goto usage;
  }
  r = cli_store_open(&so, 1, &st);
  if(r != CLI_OK)
    return r;
  if(drop) {
    rc = ng_store_drop_graph(st, graph ? graph : NG_LINKS_GRAPH, err);
    ng_store_free(st);
    if(rc != NG_OK) {
      cli_error("%s", err);
      return rc == NG_EUSAGE ? CLI_EUSAGE : CLI_ESTORE;
    }
    return CLI_OK;
  }
  memset(&lo, 0, sizeof lo);
  lo.graph = graph;
  lo.gazetteer = gaz;
  lo.variants = var;
  if(list)
    lo.on_link = print_link;
  rc = ng_store_link(st, &lo, &ls, err);
  ng_store_free(st);
  if(rc != NG_OK) {
    cli_error("%s", err);
    return rc == NG_ESTORE || rc == NG_ERDF ? CLI_ESTORE : cli_exit_code(rc);
  }
  printf("graphs: %zu\npersons: %zu\npersons after linking: %zu\n"
         "sameAs: %zu\ncloseMatch: %zu\nwikidata: %zu\n"
         "short forms: %zu\nshort forms linked: %zu\n"
         "persons with conflicting forms: %zu\n"
         "organizations: %zu\norganization links: %zu\n",
         ls.graphs, ls.persons, ls.merged, ls.same_as, ls.close_match,
         ls.wikidata, ls.short_forms, ls.short_linked, ls.conflicted,
         ls.orgs, ls.org_links);
  if(fflush(stdout) || ferror(stdout)) {
    cli_error("cannot write to stdout");
    return CLI_EOUTPUT;
  }
  return CLI_OK;

usage:
  fputs("usage: newsgraph link [--store PATH] [--gazetteer FILE] "
        "(see --help)\n", stderr);
  return CLI_EUSAGE;
}
