/* newsgraph.h - the one public header of libnewsgraph.
 *
 * newsgraph turns a news article (UTF-8 text) into an RDF graph of the
 * persons it names, their roles, what they said, the topics and the
 * agreements it reports.  Typical use, a complete program (tests/docs
 * compiles it with -Wall -Werror and runs it; examples/c/ has more):
 *
 *   #include <stdio.h>
 *   #include <string.h>
 *   #include <newsgraph.h>
 *
 *   int main(void)
 *   {
 *     const char *text = "Talks\n\nMaria Lopez, the mayor of Springfield, "
 *                        "said: \"We will build the bridge.\"\n";
 *     ng_lexicon *lex = NULL;
 *     ng_doc *doc = NULL;
 *     ng_graph *g = NULL;
 *     ng_graph_opts opts = { NULL, NULL, 0 }; // default base and IRI
 *     char err[NG_ERRLEN] = "";
 *     ng_status st = ng_lexicon_load(NULL, &lex, err);  // once; shared
 *     if (st == NG_OK)                      // copies and checks the text
 *       st = ng_doc_new(text, strlen(text), 0, &doc, err);
 *     if (st == NG_OK)
 *       st = ng_extract(doc, lex);          // persons, claims, topics
 *     if (st == NG_OK)                      // read it: no RDF needed
 *       printf("%zu persons\n", ng_doc_person_count(doc));
 *     if (st == NG_OK)
 *       st = ng_graph_new(&g, err);
 *     if (st == NG_OK)
 *       st = ng_graph_add_doc(g, doc, &opts, err);  // RDF statements
 *     if (st == NG_OK)
 *       st = ng_graph_write(g, "turtle", stdout, err);
 *     if (st != NG_OK)
 *       fprintf(stderr, "newsgraph: %s\n", err);
 *     ng_graph_free(g);
 *     ng_doc_free(doc);
 *     ng_lexicon_free(lex);
 *     return st == NG_OK ? 0 : 1;
 *   }
 *
 * Memory rules:
 *  1. Every heap type has one _new/_free (or _load/_free) pair; _free(NULL)
 *     does nothing.  The caller owns what _new returns.
 *  2. A `const char *` return is borrowed; a `char *` return is the caller's
 *     to free() .
 *  3. Functions copy their arguments unless their name says `take`.
 *  4. The library never prints and never exits.  Functions return an
 *     ng_status; where they take `char *err`, it is a buffer of NG_ERRLEN
 *     bytes that receives a one-line message (no trailing newline) on error.
 *     err may be NULL.
 *  5. A lexicon may be shared by any number of threads; a doc or a graph
 *     belongs to one thread at a time.
 */
#ifndef NEWSGRAPH_H
#define NEWSGRAPH_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define NG_VERSION "0.1.0"
#define NG_ERRLEN 512

/* Default IRI base under which persons, roles, organisations, topics and
 * articles are minted. */
#define NG_DEFAULT_BASE "https://w3id.org/newsgraph/id/"
#define NG_NS "https://w3id.org/newsgraph/ns#"

/* Default limit on one article, in bytes. */
#define NG_DEFAULT_MAX_BYTES (16u * 1024u * 1024u)

typedef enum ng_status {
  NG_OK = 0,
  NG_ENOMEM,   /* out of memory */
  NG_EINPUT,   /* input is not an article: empty, binary, bad UTF-8, too big */
  NG_EIO,      /* reading or writing a file failed */
  NG_ELEXICON, /* lexicon data missing or malformed */
  NG_EFORMAT,  /* unknown or unsupported RDF syntax */
  NG_ERDF,     /* librdf/raptor failed */
  NG_ESTORE,   /* the triple store failed */
  NG_ENET,     /* network or HTTP failure */
  NG_EQUERY,   /* SPARQL query error */
  NG_EUSAGE    /* bad argument */
} ng_status;

const char *ng_strerror(ng_status st);
const char *ng_version(void);

/* ------------------------------------------------------------ lexicons */

typedef struct ng_lexicon ng_lexicon;

/* Load every lexicon from `dir` (the folder holding newsgraph.ttl and
 * lexicon/).  dir NULL means ng_data_dir().  A lexicon parsed from the
 * text files is also written to a binary cache ($NEWSGRAPH_CACHE, else
 * $XDG_CACHE_HOME/newsgraph, else ~/.cache/newsgraph; "off" turns it
 * off), which later loads map instead while it matches the files. */
ng_status ng_lexicon_load(const char *dir, ng_lexicon **out, char *err);
void ng_lexicon_free(ng_lexicon *lex);

/* Where the ontology and lexicons are: $NEWSGRAPH_DATA, else the install
 * prefix's share/newsgraph, else ./ontology.  Borrowed string. */
const char *ng_data_dir(void);

/* ------------------------------------------------------------ documents */

typedef struct ng_doc ng_doc;

/* Copy and validate an article.  Fails with NG_EINPUT on empty or
 * whitespace-only text, NUL bytes, invalid UTF-8, or more than max_bytes
 * (0 means NG_DEFAULT_MAX_BYTES). */
ng_status ng_doc_new(const char *text, size_t len, size_t max_bytes,
                     ng_doc **out, char *err);
void ng_doc_free(ng_doc *doc);

/* Run the whole extraction pipeline.  Idempotent. */
ng_status ng_extract(ng_doc *doc, const ng_lexicon *lex);

/* Counts of what was found (after ng_extract). */
typedef struct ng_doc_stats {
  size_t persons, roles, organizations, statements, topics, agreements;
} ng_doc_stats;
void ng_doc_get_stats(const ng_doc *doc, ng_doc_stats *st);

/* ------------------------------------------------------------ graphs */

typedef struct ng_graph ng_graph;

typedef struct ng_graph_opts {
  const char *base;   /* IRI base; NULL = NG_DEFAULT_BASE */
  const char *source; /* article IRI; NULL = minted from a content hash */
  int with_text;      /* 1: the article's whole text as schema:articleBody
                         (byte for byte, so ng:beginIndex/ng:endIndex index
                         it; odd control bytes as spaces); 0: not (default) */
} ng_graph_opts;

ng_status ng_graph_new(ng_graph **out, char *err);
void ng_graph_free(ng_graph *g);

/* Add the statements for one extracted document. */
ng_status ng_graph_add_doc(ng_graph *g, const ng_doc *doc,
                           const ng_graph_opts *opts, char *err);

/* The article IRI that ng_graph_add_doc uses for doc (caller frees). */
char *ng_article_iri(const ng_doc *doc, const ng_graph_opts *opts);

/* Serialize.  format: turtle (default when NULL), ntriples, nquads, rdfxml,
 * rdfxml-abbrev, json, json-triples, dot, html-table (raptor's table of
 * the triples; the readable page is ng_doc_write_html), jsonld (one
 * JSON-LD document of the default graph, with the context of
 * ng_data_dir(); see ng_graph_write_jsonld for a named graph and a loaded
 * context). */
ng_status ng_graph_write(ng_graph *g, const char *format, FILE *out,
                         char *err);

/* Whether `format` names a serializer ng_graph_write supports. */
int ng_format_known(const char *format);
/* NULL-terminated list of supported format names (borrowed). */
const char *const *ng_formats(void);

/* Number of triples in the graph. */
size_t ng_graph_size(ng_graph *g);

/* --- store and endpoints --- */
/* The embedded triple store (librdf sqlite storage by default), SPARQL
 * queries over it, and pushing its named graphs to SPARQL 1.1 endpoints.
 * Every article lives in its own named graph, named by its article IRI;
 * putting a graph again replaces it, in one transaction (sqlite). */

typedef struct ng_store ng_store;

typedef enum ng_store_backend {
  NG_STORE_SQLITE = 0, /* crash-safe, transactional (the default) */
  NG_STORE_BDB,        /* librdf hashes on Berkeley DB: faster, no
                          transactions */
  NG_STORE_MEMORY      /* in memory, gone at ng_store_free */
} ng_store_backend;

/* Open (creating it when missing) the store at path; path is ignored for
 * NG_STORE_MEMORY.  For NG_STORE_BDB, path is a file prefix. */
ng_status ng_store_open(const char *path, ng_store_backend backend,
                        ng_store **out, char *err);
/* The same, waiting up to wait seconds (0: not at all) while another
 * process holds the sqlite file locked; the store's writes then wait as
 * long (each is undone and run again).  ng_store_open waits
 * NG_STORE_WAIT seconds. */
#define NG_STORE_WAIT 10.0
ng_status ng_store_open_wait(const char *path, ng_store_backend backend,
                             double wait, ng_store **out, char *err);
void ng_store_free(ng_store *st);

/* Replace the named graph graph_iri with the statements of g (all or
 * nothing).  Blank nodes are renamed apart per graph.  *added (may be
 * NULL) receives the number of statements stored. */
ng_status ng_store_put_graph(ng_store *st, ng_graph *g, const char *graph_iri,
                             size_t *added, char *err);

/* Extract-to-store: the graph of doc (ng_extract already run) replaces the
 * named graph ng_article_iri(doc, opts).  *iri (may be NULL) receives that
 * IRI (caller frees). */
ng_status ng_store_put_doc(ng_store *st, const ng_doc *doc,
                           const ng_graph_opts *opts, char **iri,
                           size_t *added, char *err);

/* Parse an RDF file (syntax: turtle, ntriples, nquads, rdfxml, trig, json
 * (RDF/JSON), or NULL to guess from the name) into the store.  Triples go to graph_iri
 * (NULL: the file's file:// IRI); quads keep their graphs.  Each graph
 * named in the file is replaced; the whole file is one transaction. */
ng_status ng_store_load_rdf(ng_store *st, const char *path,
                            const char *syntax, const char *graph_iri,
                            size_t *added, char *err);

/* Load one file: an RDF file (by its name's extension or o->syntax) or,
 * otherwise, an article (read, checked, extracted with o->lex, put under
 * its article IRI).  *graph (may be NULL) receives the graph IRI written
 * (caller frees; NULL for quads). */
typedef struct ng_load_opts {
  const char *syntax;     /* RDF syntax; NULL: guess; "article": text */
  const char *graph;      /* RDF: graph for triples; article: its IRI */
  const char *base;       /* IRI base for articles (NULL: default) */
  const ng_lexicon *lex;  /* required for articles */
  size_t max_bytes;       /* article limit (0: NG_DEFAULT_MAX_BYTES) */
} ng_load_opts;
ng_status ng_store_load_file(ng_store *st, const char *path,
                             const ng_load_opts *o, char **graph,
                             size_t *added, char *err);

/* The RDF syntax a file name implies (.ttl .nt .nq .rdf .owl .trig .n3,
 * .json: RDF/JSON), or NULL (an article). */
const char *ng_rdf_syntax_for(const char *path);

/* Remove one named graph. */
ng_status ng_store_drop_graph(ng_store *st, const char *graph_iri,
                              char *err);

/* The named graphs (memory store: in load order).  *iris is a malloc'ed
 * array of malloc'ed strings: free each, then the array. */
ng_status ng_store_graphs(ng_store *st, char ***iris, size_t *n, char *err);

/* Statements in one named graph, or in the whole store (graph_iri NULL). */
ng_status ng_store_count(ng_store *st, const char *graph_iri, size_t *n,
                         char *err);

typedef struct ng_store_stats {
  size_t graphs, articles, persons, organizations, statements, agreements,
    triples;
} ng_store_stats;
ng_status ng_store_get_stats(ng_store *st, ng_store_stats *out, char *err);

/* Run a SPARQL 1.1 query over the store (default graph = union of all
 * named graphs; GRAPH ?g reaches each one) and write the results to out.
 * format: table (default), csv, tsv, json, xml for SELECT/ASK; turtle,
 * ntriples, rdfxml (and the ng_graph_write names) for CONSTRUCT/DESCRIBE.
 * Syntax errors give NG_EQUERY with the line. */
ng_status ng_store_query(ng_store *st, const char *query, const char *format,
                         FILE *out, char *err);
int ng_query_format_known(const char *format);

/* -- SPARQL endpoints over HTTP */

typedef struct ng_endpoint ng_endpoint;

typedef enum ng_protocol {
  NG_PROTO_GSP = 0, /* Graph Store HTTP Protocol: PUT (+ POST) per graph */
  NG_PROTO_UPDATE   /* SPARQL 1.1 Update: DROP + INSERT DATA, batched */
} ng_protocol;

typedef enum ng_auth {
  NG_AUTH_ANY = 0,  /* basic or digest, as the server asks */
  NG_AUTH_BASIC,
  NG_AUTH_DIGEST
} ng_auth;

/* The outcome of one graph, given to ng_endpoint_opts.on_report. */
typedef struct ng_push_report {
  const char *graph;    /* the graph IRI */
  size_t triples;       /* statements sent */
  long http_status;     /* last HTTP status, 0 when none */
  ng_status status;     /* NG_OK when stored */
  const char *message;  /* on failure: what happened (server's message) */
  int attempts;         /* requests made for the last part */
} ng_push_report;

typedef struct ng_endpoint_opts {
  ng_protocol protocol;
  const char *user;          /* NULL: none, or ~/.netrc */
  const char *password;      /* NULL: ~/.netrc (never printed) */
  ng_auth auth;
  int insecure;              /* do not verify TLS certificates */
  long connect_timeout_ms;   /* default 10,000 */
  long timeout_ms;           /* per request; default 300,000 */
  int retries;               /* on connection errors, 5xx, 429; default 3 */
  long backoff_ms;           /* first back-off, doubling; default 500 */
  long max_backoff_ms;       /* cap, also on Retry-After; default 30,000 */
  long max_redirects;        /* default 3 */
  size_t max_response;       /* bytes kept of a response; default 1 MiB */
  size_t chunk_triples;      /* per request; default 50,000 (GSP),
                                1,000 (update) */
  const char *query_url;     /* for ng_endpoint_count; NULL: <base>/sparql */
  const char *update_url;    /* SPARQL Update endpoint for the "MOVE" that
                                puts a graph sent in several parts in place
                                (GSP; NULL: the endpoint itself with
                                NG_PROTO_UPDATE, else such a graph is
                                refused) */
  void (*on_report)(void *arg, const ng_push_report *r);
  void *arg;
  int always_stage;          /* GSP graphs over chunk_triples: 0 (auto):
                                one that is empty at the endpoint is PUT
                                whole, and deleted again if that fails;
                                1: always parts + MOVE */
} ng_endpoint_opts;

void ng_endpoint_opts_init(ng_endpoint_opts *o);

ng_status ng_endpoint_new(const char *url, const ng_endpoint_opts *opts,
                          ng_endpoint **out, char *err);
void ng_endpoint_free(ng_endpoint *ep);

/* Send the named graph graph_iri of st, replacing that graph at the
 * endpoint, all or nothing: a graph larger than chunk_triples goes in
 * parts into a staging graph of its own, then one SPARQL Update moves it
 * onto graph_iri; after a failure the staging graph is dropped and
 * graph_iri is as it was.  (With GSP, unless always_stage, such a graph
 * that is empty at the endpoint is PUT whole instead, and deleted again
 * if that fails.)  With NG_PROTO_UPDATE small graphs are queued and sent
 * together (ng_endpoint_flush sends the rest).  on_report is called once
 * per graph when its fate is known.  Returns the status of what was sent
 * now (NG_ENET when a request failed). */
ng_status ng_endpoint_push(ng_endpoint *ep, ng_store *st,
                           const char *graph_iri, char *err);
ng_status ng_endpoint_flush(ng_endpoint *ep, char *err);

/* Count the triples of a graph at the endpoint (SPARQL query). */
ng_status ng_endpoint_count(ng_endpoint *ep, const char *graph_iri,
                            size_t *n, char *err);

/* --- batch extraction (issue 4) ---
 * Metadata of an article from its page or record, per-thread librdf
 * worlds for graphs built by many threads, serializing to memory, and
 * fetching articles by URL. */

/* What an article's page or record says about it.  Any field may be NULL.
 * ng_graph_add_meta puts them on the article node: ng:headline (title),
 * schema:datePublished (typed xsd:date / xsd:dateTime when it is one),
 * schema:author (one literal per author, authors separated by newlines),
 * schema:url (when an absolute IRI), schema:identifier (id). */
typedef struct ng_article_meta {
  const char *title, *date, *author, *url, *id;
} ng_article_meta;

/* Add the metadata of doc's article (IRI as ng_graph_add_doc names it). */
ng_status ng_graph_add_meta(ng_graph *g, const ng_doc *doc,
                            const ng_graph_opts *opts,
                            const ng_article_meta *meta, char *err);

/* A librdf world for one thread, reused by many graphs (creating one per
 * article is slow).  Worlds are created and freed under a mutex, so any
 * thread may call these; a world and its graphs belong to one thread. */
typedef struct ng_rdf_world ng_rdf_world;
ng_status ng_rdf_world_new(ng_rdf_world **out, char *err);
/* After all its graphs, and only when no other thread is using libxml2
 * (raptor cleans libxml2 up when a world goes): free the worlds of worker
 * threads after joining them. */
void ng_rdf_world_free(ng_rdf_world *w);
ng_status ng_graph_new_in_world(ng_rdf_world *w, ng_graph **out, char *err);

/* The graph as N-Triples lines, or as N-Quads lines in the named graph
 * graph_iri (NULL: N-Triples), into a malloc'ed buffer (*len bytes plus a
 * NUL): one statement per line, lines sorted bytewise, no duplicates.
 * Much faster than ng_graph_write's N-Triples; the same statements. */
ng_status ng_graph_lines(ng_graph *g, const char *graph_iri, char **buf,
                         size_t *len, char *err);

/* A graph only for ng_graph_lines: its statements are kept as N-Triples
 * text, with no librdf model and no world, which makes batch N-Triples and
 * N-Quads several times cheaper.  ng_graph_add_doc, ng_graph_add_meta,
 * ng_graph_size, ng_graph_lines and ng_graph_free work on it (the same
 * lines as a graph with a model); ng_graph_write and the store refuse it
 * (NG_EUSAGE). */
ng_status ng_graph_new_lines(ng_graph **out, char *err);

/* Fetch one http://, https:// or file:// URL (net/fetch.c, libcurl).
 * Safe from any thread.  Zero fields take the defaults. */
typedef struct ng_fetch_opts {
  long connect_timeout_ms;  /* default 10,000 */
  long timeout_ms;          /* whole transfer; default 30,000 */
  long max_redirects;       /* default 5 */
  size_t max_bytes;         /* body limit; default NG_DEFAULT_MAX_BYTES */
} ng_fetch_opts;

typedef struct ng_fetched {
  char *body;               /* NUL-terminated; len bytes */
  size_t len;
  char *final_url;          /* after redirects */
  char *content_type;       /* NULL when the server sent none */
  long http_status;         /* 0 for file:// */
} ng_fetched;

/* NG_ENET on network errors, HTTP status >= 400, too many redirects or a
 * body over the limit; NG_EUSAGE for other schemes. */
ng_status ng_fetch(const char *url, const ng_fetch_opts *opts,
                   ng_fetched **out, char *err);
void ng_fetched_free(ng_fetched *f);

/* --- linking (issue 5: link/link.c) --- */
/* Entity linking over the store: person nodes of different articles that
 * name one real person are tied together in a named graph of their own
 * (NG_LINKS_GRAPH by default), replaced on each run so it can be
 * recomputed or dropped.  owl:sameAs only when sure; spelling variants and
 * likely-but-unproven matches get skos:closeMatch.  Every link is also
 * described by a reified rdf:Statement with ng:confidence (0..1) and
 * ng:linkReason.  A person gazetteer (TSV: name, aliases, Wikidata ID,
 * roles) adds owl:sameAs <http://www.wikidata.org/entity/Q...>. */

#define NG_LINKS_GRAPH NG_DEFAULT_BASE "graph/links"

/* One link, as given to ng_link_opts.on_link. */
typedef struct ng_link {
  const char *from, *to;             /* IRIs */
  const char *from_label, *to_label; /* rdfs:label (to: NULL for Wikidata) */
  const char *predicate;             /* "owl:sameAs" or "skos:closeMatch" */
  double confidence;
  const char *reason;                /* "surname only, unique, context" */
} ng_link;

typedef struct ng_link_opts {
  const char *graph;     /* the links graph; NULL: NG_LINKS_GRAPH */
  const char *gazetteer; /* person gazetteer TSV, or NULL */
  const char *variants;  /* given-name variants; NULL: the data dir's
                            gazetteer/name-variants.tsv when present */
  void (*on_link)(void *arg, const ng_link *l); /* each decision */
  void *arg;
} ng_link_opts;

typedef struct ng_link_stats {
  size_t graphs;      /* graphs read (the links graph excluded) */
  size_t persons;     /* distinct person nodes */
  size_t merged;      /* person nodes once owl:sameAs is followed */
  size_t same_as;     /* owl:sameAs between persons written */
  size_t close_match; /* skos:closeMatch written */
  size_t wikidata;    /* persons tied to Wikidata by the gazetteer */
  size_t short_forms; /* surname-only and initials nodes */
  size_t short_linked;/* of those, linked (sameAs or closeMatch) */
  size_t conflicted;  /* nodes whose own forms conflict (Mr and Mrs) */
  size_t orgs;        /* distinct organisation nodes */
  size_t org_links;   /* organisation links ("Apple Inc." -> "Apple") */
} ng_link_stats;

/* Compute the links over every graph of st (but the links graph) and
 * replace the links graph with them (one transaction).  NG_ELEXICON when
 * the gazetteer or variants file is unreadable or malformed (err says the
 * line). stats may be NULL. */
ng_status ng_store_link(ng_store *st, const ng_link_opts *o,
                        ng_link_stats *stats, char *err);

/* ng_store_query over a view of the store in which every person that the
 * links graph (NULL: NG_LINKS_GRAPH) says is owl:sameAs another is
 * replaced by it (its cluster's canonical node).  The view is built in
 * memory for the one query. */
ng_status ng_store_query_merged(ng_store *st, const char *links_graph,
                                const char *query, const char *format,
                                FILE *out, char *err);

/* --- reading an extracted document (issue 17: extract/docapi.c) ---
 * What ng_extract found, without RDF: persons with their other forms,
 * gender and roles; organisations; statements (direct quotes and reported
 * speech) with their speakers; topics and categories; agreements with
 * their parties.  Lists are read SQLite-style, a count and an index:
 *
 *   for (size_t i = 0; i < ng_doc_statement_count(doc); i++) {
 *     const ng_statement *s = ng_doc_statement(doc, i);
 *     puts(ng_statement_text(s));
 *   }
 *
 * Ownership: nothing is copied.  Every handle (const ng_person * ...) and
 * every string is borrowed from the document and valid until
 * ng_doc_free(doc); strings are NUL-terminated UTF-8.  Before ng_extract
 * every count is 0; an index out of range gives NULL.  Reading is safe
 * from several threads once ng_extract has returned.  Offsets are byte
 * offsets into the text given to ng_doc_new, end exclusive. */

typedef struct ng_person ng_person;
typedef struct ng_role ng_role;
typedef struct ng_org ng_org;
typedef struct ng_statement ng_statement;
typedef struct ng_topic ng_topic;
typedef struct ng_agreement ng_agreement;

/* The article's first line, trimmed (NULL before ng_extract). */
const char *ng_doc_headline(const ng_doc *doc);

/* Persons, in order of first mention; each is one ng:Person of the graph. */
size_t ng_doc_person_count(const ng_doc *doc);
const ng_person *ng_doc_person(const ng_doc *doc, size_t i);
/* The fullest name the article gives ("Sergei Lavrov"). */
const char *ng_person_label(const ng_person *p);
/* Other forms as printed ("Lavrov", "Mr Lavrov"): i < ng_person_alt_count. */
size_t ng_person_alt_count(const ng_person *p);
const char *ng_person_alt(const ng_person *p, size_t i);
/* 'M', 'F', or 0 when the article does not tell (written as
 * schema:gender). */
char ng_person_gender(const ng_person *p);
/* Byte offset of the person's first mention. */
size_t ng_person_first_mention(const ng_person *p);
/* Roles ("Foreign Minister of Russia"): i < ng_person_role_count. */
size_t ng_person_role_count(const ng_person *p);
const ng_role *ng_person_role(const ng_person *p, size_t i);
/* Title words only: "Foreign Minister". */
const char *ng_role_title(const ng_role *r);
/* The organisation or country of the role ("Russia"), or NULL. */
const char *ng_role_organization(const ng_role *r);
/* The role as one label: "Foreign Minister of Russia". */
const char *ng_role_label(const ng_role *r);
/* 1 for a role held before ("former US Marine"), else 0. */
int ng_role_former(const ng_role *r);

/* Organisations and countries (ng:Organization). */
size_t ng_doc_organization_count(const ng_doc *doc);
const ng_org *ng_doc_organization(const ng_doc *doc, size_t i);
/* Canonical name: "Russia", "Kremlin". */
const char *ng_org_label(const ng_org *o);
/* Other forms seen ("Moscow", "Russian"): i < ng_org_alt_count. */
size_t ng_org_alt_count(const ng_org *o);
const char *ng_org_alt(const ng_org *o, size_t i);
/* Wikidata item ("Q159"), or NULL. */
const char *ng_org_wikidata(const ng_org *o);
/* 1 for a country (or its government), else 0. */
int ng_org_is_country(const ng_org *o);

/* Who a statement's speaker or an agreement's party is: a person
 * (ng_doc_person(doc, index)) or an organisation
 * (ng_doc_organization(doc, index)). */
typedef enum ng_agent_kind {
  NG_AGENT_NONE = 0,
  NG_AGENT_PERSON,
  NG_AGENT_ORG
} ng_agent_kind;

/* Statements, in text order (<article>#statement-N is statement N-1). */
size_t ng_doc_statement_count(const ng_doc *doc);
const ng_statement *ng_doc_statement(const ng_doc *doc, size_t i);
/* 1 for a direct quote (ng:DirectQuote), 0 for reported speech
 * (ng:ReportedSpeech). */
int ng_statement_direct(const ng_statement *s);
/* The quoted words exactly, or the reported clause. */
const char *ng_statement_text(const ng_statement *s);
/* Offsets of that text: [begin, end). */
size_t ng_statement_begin(const ng_statement *s);
size_t ng_statement_end(const ng_statement *s);
/* The speaker's kind; *index (may be NULL) receives its index. */
ng_agent_kind ng_statement_speaker(const ng_statement *s, size_t *index);
/* Index of the statement's topic (ng_doc_topic), or -1 when none. */
long ng_statement_topic(const ng_statement *s);

/* Topics: those minted from the article's words (ng:Topic: a section
 * heading or key phrases) and concepts of the topic scheme (its
 * categories, and what topics fall under). */
size_t ng_doc_topic_count(const ng_doc *doc);
const ng_topic *ng_doc_topic(const ng_doc *doc, size_t i);
/* Scheme concept id ("cybersecurity") or the slug of a minted topic. */
const char *ng_topic_id(const ng_topic *t);
const char *ng_topic_label(const ng_topic *t);
/* IPTC Media Topic code ("20000763"), or NULL. */
const char *ng_topic_iptc(const ng_topic *t);
/* Id of the scheme concept it falls under (skos:broader), or NULL. */
const char *ng_topic_broader(const ng_topic *t);
/* 1 for a concept of the topic scheme, 0 for a topic minted from the
 * article's words. */
int ng_topic_is_category(const ng_topic *t);
/* 1 when the article points at it: ng:topic for a minted topic,
 * ng:category for a scheme concept (the article's categories). */
int ng_topic_of_article(const ng_topic *t);

/* Agreements, in text order (<article>#agreement-N). */
size_t ng_doc_agreement_count(const ng_doc *doc);
const ng_agreement *ng_doc_agreement(const ng_doc *doc, size_t i);
/* What was agreed, short. */
const char *ng_agreement_label(const ng_agreement *a);
/* The sentence that reports it, and its offsets [begin, end). */
const char *ng_agreement_text(const ng_agreement *a);
size_t ng_agreement_begin(const ng_agreement *a);
size_t ng_agreement_end(const ng_agreement *a);
/* Parties: i < ng_agreement_party_count; *index as for speakers. */
size_t ng_agreement_party_count(const ng_agreement *a);
ng_agent_kind ng_agreement_party(const ng_agreement *a, size_t i,
                                 size_t *index);
/* Index of the agreement's topic (ng_doc_topic), or -1 when none. */
long ng_agreement_topic(const ng_agreement *a);

/* --- query results row by row (issue 17: store/rows.c) ---
 * A SELECT or ASK query over the store, read in SQLite's step/column
 * shape instead of written to a FILE*:
 *
 *   ng_query *q;  int row;
 *   if (ng_query_new(st, "SELECT ?s WHERE { ?s a ?t }", &q, err) == NG_OK) {
 *     while (ng_query_step(q, &row, err) == NG_OK && row)
 *       puts(ng_query_column_text(q, 0));
 *     ng_query_free(q);
 *   }
 *
 * An ASK query gives one row with one column, "ask": the literal "true"
 * or "false" typed xsd:boolean.  CONSTRUCT and DESCRIBE are refused
 * (NG_EUSAGE: use ng_store_query).  A query belongs to one thread; free
 * it before its store.  Column strings are borrowed, valid until the next
 * ng_query_step or ng_query_free. */

typedef struct ng_query ng_query;

typedef enum ng_value_type {
  NG_VALUE_UNBOUND = 0, /* the variable has no value in this row */
  NG_VALUE_IRI,
  NG_VALUE_LITERAL,
  NG_VALUE_BLANK
} ng_value_type;

/* Run query over st (default graph: the union of the named graphs, as in
 * ng_store_query).  Syntax errors give NG_EQUERY with the line. */
ng_status ng_query_new(ng_store *st, const char *query, ng_query **out,
                       char *err);
void ng_query_free(ng_query *q);
/* Move to the next row: NG_OK with *row 1 when there is one, NG_OK with
 * *row 0 at the end, else an error (NG_EQUERY) with *row 0. */
ng_status ng_query_step(ng_query *q, int *row, char *err);
/* The number of columns and their variable names (without '?'). */
size_t ng_query_column_count(const ng_query *q);
const char *ng_query_column_name(const ng_query *q, size_t i);
/* The current row's value in column i: its type, and its text (the IRI,
 * the literal's lexical form, or the blank node's id; NULL when unbound or
 * no row).  A literal's datatype IRI and language tag, or NULL. */
ng_value_type ng_query_column_type(const ng_query *q, size_t i);
const char *ng_query_column_text(const ng_query *q, size_t i);
const char *ng_query_column_datatype(const ng_query *q, size_t i);
const char *ng_query_column_language(const ng_query *q, size_t i);

/* ---------------------------------------------------- query hardening */

/* SERVICE clauses in ng_store_query: off (the default; such a query is
 * NG_EQUERY) or, with allow, on for http:// and https:// IRIs written out
 * (no variable, no prefixed name, no other scheme). */
void ng_store_allow_service(ng_store *st, int allow);

/* The limits of every SERVICE request in the process (net/service.c):
 * those of ng_fetch (zeros: its defaults, 30 s, 5 redirects, max_redirects
 * -1 for none, NG_DEFAULT_MAX_BYTES), http and https only, also after a
 * redirect.  They hold from the start; calling this also links them into a
 * program built with the static library. */
void ng_service_limits(const ng_fetch_opts *opts);
/* After a query failed: 1 when it was because a SERVICE answer of this
 * thread went over the size limit (the query's error then only says
 * "Callback aborted"); clears that. */
int ng_service_over_limit(void);

/* ------------------------------------------------------------ JSON-LD */

/* The JSON-LD context of ontology/context.jsonld: term names, prefixes,
 * value types and @base, the one source of the compaction.  Load it once;
 * a loaded context is read-only and may be shared by any number of
 * threads.  dir NULL means ng_data_dir().  NG_ELEXICON when the file is
 * missing or not a context newsgraph can use. */
typedef struct ng_jsonld_context ng_jsonld_context;
ng_status ng_jsonld_context_load(const char *dir, ng_jsonld_context **out,
                                 char *err);
void ng_jsonld_context_free(ng_jsonld_context *c);

/* How ng_graph_write_jsonld lays a document out. */
enum {
  NG_JSONLD_PRETTY = 0, /* one document, indented, ended by a newline */
  NG_JSONLD_LINE = 1,   /* one document on one line (JSON Lines) */
  NG_JSONLD_MEMBER = 2  /* no @context, one line, no newline: a member of
                         * the @graph of ng_jsonld_write_head */
};

/* Write g compacted against c: a document whose @graph holds g's nodes
 * (subjects in byte order, properties by name), in the named graph name
 * (the article IRI, as in N-Quads) or, name NULL, the default graph.
 * Deterministic bytes.  NG_EFORMAT when an IRI cannot be written under
 * the context; NG_EIO on a write error.  A graph of lines
 * (ng_graph_new_lines) cannot be written: NG_EUSAGE. */
ng_status ng_graph_write_jsonld(ng_graph *g, const ng_jsonld_context *c,
                                const char *name, int layout, FILE *out,
                                char *err);
/* One document of many graphs: the head ("{ @context, @graph: [" and a
 * newline), then the members (NG_JSONLD_MEMBER) separated by ",\n",
 * then the tail ("\n]}\n"; "]}\n" when there was no member). */
ng_status ng_jsonld_write_head(const ng_jsonld_context *c, FILE *out,
                               char *err);
ng_status ng_jsonld_write_tail(int members, FILE *out, char *err);

/* --- the store with its graph names (issue 12: store/dump.c) ---
 * Write every named graph of st (graph_iri NULL) or one of them to out,
 * as "nquads" (format NULL) or "trig": graphs in bytewise order of their
 * IRIs, each graph's statements sorted, so the same store gives the same
 * bytes; loading a dump into a fresh store and dumping it again gives the
 * same bytes.  *graphs (may be NULL) receives the number of graphs
 * written.  NG_EUSAGE when graph_iri names no graph of the store. */
ng_status ng_store_dump(ng_store *st, const char *format,
                        const char *graph_iri, FILE *out, size_t *graphs,
                        char *err);

/* --- pages a person can read (issue 15: page/) ---
 * One HTML page per article: its text with every quote and reported
 * clause highlighted and linked to its speaker, the persons with their
 * roles, the topics and the agreements beside it; a page per person with
 * all they said across the store; an index of the store.  Plain HTML with
 * its CSS inside, readable without JavaScript.  Every text is escaped. */

typedef struct ng_page_opts {
  /* NULL: a standalone page (persons linked within the page); else the
   * path the links start with ("/": /article/..., /person/...) */
  const char *root;
  const char *base;   /* IRI base of the graph (NULL: NG_DEFAULT_BASE) */
} ng_page_opts;

/* The text given to ng_doc_new (NUL-terminated; *len, may be NULL,
 * receives its length).  Borrowed. */
const char *ng_doc_text(const ng_doc *doc, size_t *len);

/* The page of an extracted document, with its full text. */
ng_status ng_doc_write_html(const ng_doc *doc, const ng_graph_opts *gopts,
                            const ng_page_opts *popts, FILE *out, char *err);

/* Pages from the store.  The store keeps what was said (ng:text with its
 * offsets), not an article's whole text: an article page lists its
 * statements in text order.  NG_EINPUT when the store has no such
 * article or person. */
ng_status ng_store_write_article_html(ng_store *st, const char *article_iri,
                                      const ng_page_opts *o, FILE *out,
                                      char *err);
ng_status ng_store_write_person_html(ng_store *st, const char *person_iri,
                                     const ng_page_opts *o, FILE *out,
                                     char *err);
/* The store's articles and its most quoted persons. */
ng_status ng_store_write_index_html(ng_store *st, const ng_page_opts *o,
                                    FILE *out, char *err);

/* ------------------------------------------------ Turtle of a graph of lines
 * (issue 16).  The Turtle ng_graph_write writes for the same statements,
 * byte for byte, from a graph made by ng_graph_new_lines, without a librdf
 * model (several times cheaper).  NG_EFORMAT when the graph holds what
 * only raptor writes (blank nodes, escaped IRIs, non-ASCII names, xsd
 * numbers): build a model graph then. */
ng_status ng_graph_turtle(ng_graph *g, char **buf, size_t *len, char *err);

/* ------------------------------------------------ pushing files (issue 16)
 * The graphs of one file (an RDF file or an article, read as
 * ng_store_load_file reads it), pushed one at a time without a store of
 * every file: N-Triples and N-Quads text goes out as it is, after the
 * same checks; other files are loaded into a memory store of their own.
 * Memory is that of one file, whatever the number of files. */
typedef struct ng_push_file ng_push_file;

/* Read and check path (nothing is sent): a file it cannot read or parse
 * gives the error ng_store_load_file would. */
ng_status ng_push_file_open(const char *path, const ng_load_opts *o,
                            ng_push_file **out, char *err);
void ng_push_file_free(ng_push_file *f);
/* The number of graphs in the file. */
size_t ng_push_file_graphs(const ng_push_file *f);
/* Push the file's next graph as ng_endpoint_push does (on_report tells
 * its fate); *more is 0 when there was none left. */
ng_status ng_endpoint_push_next(ng_endpoint *ep, ng_push_file *f, int *more,
                                char *err);

#ifdef __cplusplus
}
#endif
#endif /* NEWSGRAPH_H */
