/* push.c - push named graphs of a store to SPARQL 1.1 endpoints: the
 * protocols, over http.c's requests (which do the retrying).
 *
 * Graph Store protocol: each graph is PUT (replacing it) as N-Triples text
 * (which is Turtle).  SPARQL Update: "DROP SILENT GRAPH <g> ; INSERT DATA
 * { GRAPH <g> { ... } }" with the triples written by raptor's N-Triples
 * writer (never pasted strings), many small graphs per request.  A graph
 * of more than chunk_triples statements is sent in parts (large single
 * requests have been seen answered 2xx while storing only part of the
 * data) into a staging graph, then moved onto its graph by one "MOVE"
 * update: a failure part-way leaves the endpoint's graph as it was.
 * Such a graph that is empty at the endpoint (Graph Store protocol) is
 * PUT whole instead, and deleted again if that fails: Virtuoso keeps what
 * it read of a PUT before an error, but there was nothing to keep, and
 * the MOVE costs the server twice the load (docs/scale.md).
 * A graph can also come as N-Triples text (ngi_push_text, from
 * pushfile.c), sent as it is.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "graph/iri.h"
#include "http.h"
#include "util/sha256.h"
#include "store/store.h"
#include "util/str.h"

/* ------------------------------------------------------------ pushing */

static void
report(ng_endpoint *ep, const char *graph, size_t triples,
       const ngi_outcome *oc, ng_status st, const char *msg)
{
  ng_push_report r;

  if(!ep->o.on_report)
    return;
  r.graph = graph;
  r.triples = triples;
  r.http_status = oc ? oc->status : 0;
  r.status = st;
  r.message = st == NG_OK ? NULL : msg;
  r.attempts = oc ? oc->attempts : 0;
  ep->o.on_report(ep->o.arg, &r);
}

/* Append up to max statements of str to out as N-Triples (advancing the
 * stream); *n gets how many, *blank whether any has a blank node. */
static ng_status
write_chunk(ng_store *st, librdf_stream *str, size_t max, ngi_buf *out,
            size_t *n, int *blank, char *err)
{
  raptor_world *rw = librdf_world_get_raptor(ngi_store_world(st));
  raptor_iostream *io;
  FILE *mem;
  char *text = NULL;
  size_t len = 0, k = 0;
  int bad = 0;

  *n = 0;
  /* a memory FILE: raptor's string iostream keeps each small write as a
   * heap block of its own (600 MB for 100,000 triples) */
  mem = open_memstream(&text, &len);
  io = mem ? raptor_new_iostream_to_file_handle(rw, mem) : NULL;
  if(!io) {
    if(mem)
      fclose(mem);
    free(text);
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  for(; k < max && !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *s = librdf_stream_get_object(str);
    if(!s)
      break;
    if(librdf_node_is_blank(librdf_statement_get_subject(s)) ||
       librdf_node_is_blank(librdf_statement_get_object(s)))
      *blank = 1;
    if(raptor_statement_ntriples_write(s, io, 0))
      bad = 1;
    k++;
  }
  raptor_free_iostream(io);
  if(fclose(mem))
    bad = 1;
  if(bad || !text) {
    free(text);
    ngi_store_errf(err, "cannot write N-Triples");
    return NG_ERDF;
  }
  if(ngi_buf_add(out, text, len)) {
    free(text);
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  free(text);
  *n = k;
  return NG_OK;
}

/* Whether N-Triples text may hold a blank node (any "_:"). */
static int
has_blank(const char *p, size_t n)
{
  const char *e = p + n;

  while(p < e && (p = memchr(p, '_', (size_t)(e - p))) != NULL) {
    if(p + 1 < e && p[1] == ':')
      return 1;
    p++;
  }
  return 0;
}

/* Where the statements of a graph come from: a librdf stream over a
 * store, or N-Triples text with one statement per line. */
typedef struct chunk_src {
  ng_store *st;
  librdf_stream *str;
  const char *nt;
  size_t len, off;
} chunk_src;

/* The next up to max statements of cs as N-Triples into out. */
static ng_status
next_chunk(chunk_src *cs, size_t max, ngi_buf *out, size_t *n, int *blank,
           char *err)
{
  size_t start = cs->off, k = 0;

  if(cs->str)
    return write_chunk(cs->st, cs->str, max, out, n, blank, err);
  while(k < max && cs->off < cs->len) {
    const char *nl = memchr(cs->nt + cs->off, '\n', cs->len - cs->off);
    cs->off = nl ? (size_t)(nl - cs->nt) + 1 : cs->len;
    k++;
  }
  if(ngi_buf_add(out, cs->nt + start, cs->off - start) ||
     (cs->off > start && cs->nt[cs->off - 1] != '\n' &&
      ngi_buf_add(out, "\n", 1))) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if(has_blank(cs->nt + start, cs->off - start))
    *blank = 1;
  *n = k;
  return NG_OK;
}

/* url + "?graph=" (or "&graph=") + the escaped IRI. */
static char *
graph_url(ng_endpoint *ep, const char *iri)
{
  char *esc = curl_easy_escape(ep->curl, iri, 0);
  ngi_buf b = { 0 };
  int bad;

  if(!esc)
    return NULL;
  bad = ngi_buf_str(&b, ep->url) ||
        ngi_buf_str(&b, strchr(ep->url, '?') ? "&graph=" : "?graph=") ||
        ngi_buf_str(&b, esc);
  curl_free(esc);
  if(bad) {
    ngi_buf_release(&b);
    return NULL;
  }
  return b.p;
}

static librdf_stream *
graph_stream(ng_store *st, const char *iri, char *err)
{
  librdf_node *ctx = librdf_new_node_from_uri_string(
    ngi_store_world(st), (const unsigned char *)iri);
  librdf_stream *str;

  if(!ctx) {
    ngi_store_errf(err, "invalid graph IRI '%s'", iri);
    return NULL;
  }
  str = librdf_model_context_as_stream(ngi_store_model(st), ctx);
  librdf_free_node(ctx);
  if(!str)
    ngi_store_errf(err, "cannot read graph '%s' from the store", iri);
  return str;
}

/* ------------------------------------------------------------ staging */

static int add_update(ngi_buf *b, const char *iri, const char *nt, size_t len,
                      int drop, int blank);

/* The staging graph of iri: urn:x-newsgraph:staging:<SHA-256 of iri>. */
static void
staging_iri(const char *iri, char out[96])
{
  unsigned char d[NGI_SHA256_LEN];
  char hex[2 * NGI_SHA256_LEN + 1];

  ngi_sha256(iri, strlen(iri), d);
  ngi_sha256_hex(d, hex);
  snprintf(out, 96, "urn:x-newsgraph:staging:%s", hex);
}

/* One SPARQL Update request to the update endpoint. */
static ng_status
update_at(ng_endpoint *ep, const char *text, ngi_outcome *oc)
{
  return ngi_http_request(ep, "POST", ep->update_url,
                          "application/sparql-update", NULL, text,
                          strlen(text), oc);
}

/* Part `part` of a staged graph into the staging graph stg. */
static ng_status
send_part(ng_endpoint *ep, const char *stg, const ngi_buf *text, int part,
          int blank, ngi_outcome *oc)
{
  ngi_buf one = { 0 };
  char *url;
  ng_status rc;

  if(ep->o.protocol == NG_PROTO_GSP) {
    url = graph_url(ep, stg);
    if(!url)
      return NG_ENOMEM;
    rc = ngi_http_request(ep, part == 0 ? "PUT" : "POST", url,
                          "text/turtle", NULL, text->p ? text->p : "",
                          text->len, oc);
    free(url);
    return rc;
  }
  if(add_update(&one, stg, text->p ? text->p : "", text->len, part == 0,
                blank)) {
    ngi_buf_release(&one);
    return NG_ENOMEM;
  }
  rc = ngi_http_request(ep, "POST", ep->update_url,
                        "application/sparql-update", NULL, one.p, one.len,
                        oc);
  ngi_buf_release(&one);
  return rc;
}

/* A graph too big for one request: its parts into the staging graph, then
 * "MOVE" onto iri in one update (all or nothing at the endpoint).  After a
 * failure the staging graph is dropped (best effort) and iri untouched. */
static ng_status
push_staged(ng_endpoint *ep, chunk_src *cs, const char *iri, size_t *total,
            ngi_outcome *oc, char *err)
{
  char stg[96];
  ngi_buf text = { 0 }, q = { 0 };
  size_t n = 0, sent = 0;
  int part = 0, blank;
  ng_status rc = NG_OK;
  ngi_outcome drop;

  staging_iri(iri, stg);
  do {
    text.len = 0;
    blank = 0;
    rc = next_chunk(cs, ep->o.chunk_triples, &text, &n, &blank, err);
    if(rc != NG_OK || (n == 0 && part > 0))
      break;
    rc = send_part(ep, stg, &text, part, blank, oc);
    if(rc != NG_OK) {
      ngi_store_errf(err, "part %d of %zu triples: %s; the graph at the "
                     "endpoint is unchanged", part + 1, ep->o.chunk_triples,
                     rc == NG_ENOMEM ? "out of memory" : oc->msg);
      break;
    }
    sent += n;
    part++;
  } while(n == ep->o.chunk_triples);
  if(rc == NG_OK) {
    if(ngi_buf_str(&q, "MOVE GRAPH <") || ngi_buf_str(&q, stg) ||
       ngi_buf_str(&q, "> TO GRAPH <") || ngi_buf_str(&q, iri) ||
       ngi_buf_str(&q, ">"))
      rc = NG_ENOMEM;
    else
      rc = update_at(ep, q.p, oc);
    if(rc != NG_OK)
      ngi_store_errf(err, "moving the %zu triples in place: %s; the graph "
                     "at the endpoint is unchanged", sent,
                     rc == NG_ENOMEM ? "out of memory" : oc->msg);
  }
  if(rc != NG_OK && err)
    snprintf(oc->msg, sizeof oc->msg, "%s", err);
  if(rc != NG_OK && ep->update_url) {
    memset(&drop, 0, sizeof drop);
    q.len = 0;
    if(!ngi_buf_str(&q, "DROP SILENT GRAPH <") && !ngi_buf_str(&q, stg) &&
       !ngi_buf_str(&q, ">"))
      (void)update_at(ep, q.p, &drop);
    ngi_buf_release(&drop.r.body);
  }
  if(rc == NG_OK)
    *total = sent;
  ngi_buf_release(&text);
  ngi_buf_release(&q);
  return rc;
}

/* ------------------------------------------------------------ fresh */

/* GET the query "head iri tail" from the query endpoint as text/csv into
 * oc; NG_ENOMEM when the URL cannot be made. */
static ng_status
query_csv(ng_endpoint *ep, const char *head, const char *iri,
          const char *tail, ngi_outcome *oc)
{
  ngi_buf q = { 0 }, url = { 0 };
  char *esc = NULL;
  ng_status rc = NG_ENOMEM;

  if(!ngi_buf_str(&q, head) && !ngi_buf_str(&q, iri) &&
     !ngi_buf_str(&q, tail) && (esc = curl_easy_escape(ep->curl, q.p, 0)) &&
     !ngi_buf_str(&url, ep->query_url) &&
     !ngi_buf_str(&url, strchr(ep->query_url, '?') ? "&query=" : "?query=") &&
     !ngi_buf_str(&url, esc))
    rc = ngi_http_request(ep, "GET", url.p, NULL, "text/csv", NULL, 0, oc);
  if(esc)
    curl_free(esc);
  ngi_buf_release(&q);
  ngi_buf_release(&url);
  return rc;
}

/* Whether graph iri holds no statement at the endpoint: 1 when the query
 * endpoint says so, 0 when it holds some or the answer is not clear. */
static int
graph_empty(ng_endpoint *ep, const char *iri)
{
  ngi_outcome oc;
  const char *p;
  int empty = 0;

  memset(&oc, 0, sizeof oc);
  if(!ep->query_url ||
     query_csv(ep, "SELECT ?s WHERE { GRAPH <", iri,
               "> { ?s ?p ?o } } LIMIT 1", &oc) != NG_OK || !oc.r.body.p)
    goto done;
  /* text/csv: a header line naming s, then a row if there is one */
  p = oc.r.body.p;
  while(*p == ' ' || *p == '"')
    p++;
  if(*p != 's')
    goto done;
  p = strchr(p, '\n');
  if(!p)
    goto done;
  p += strspn(p, " \t\r\n");
  empty = *p == '\0';

done:
  ngi_buf_release(&oc.r.body);
  return empty;
}

/* A graph empty at the endpoint, whatever its size: one PUT of all of it.
 * If that fails the graph is deleted again (the server may have stored
 * what it read before an error), so it is as it was: empty. */
static ng_status
push_fresh(ng_endpoint *ep, chunk_src *cs, const char *iri, size_t n,
           size_t *total, ngi_outcome *oc, char *err)
{
  ngi_buf text = { 0 };
  const char *body;
  size_t blen;
  int blank = 0;
  char *url = graph_url(ep, iri);
  ngi_outcome del;
  ng_status rc = NG_OK;

  if(!url) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  if(cs->str) {
    rc = write_chunk(cs->st, cs->str, (size_t)-1, &text, &n, &blank, err);
    body = text.p ? text.p : "";
    blen = text.len;
  } else {
    body = cs->nt;
    blen = cs->len;
  }
  if(rc == NG_OK)
    rc = ngi_http_request(ep, "PUT", url, "text/turtle", NULL, body, blen,
                          oc);
  if(rc == NG_OK) {
    *total = n;
  } else if(rc != NG_ENOMEM && rc != NG_ERDF) {
    memset(&del, 0, sizeof del);
    if(ngi_http_request(ep, "DELETE", url, NULL, NULL, NULL, 0, &del) ==
       NG_OK || del.status == 404)
      ngi_store_errf(err, "%s; the graph at the endpoint is unchanged "
                     "(it was empty: what the server may have kept of it "
                     "was deleted)", oc->msg);
    else
      ngi_store_errf(err, "%s; deleting what the server may have kept of "
                     "it failed too (%s): the graph at the endpoint, empty "
                     "before, may hold part of it", oc->msg, del.msg);
    ngi_buf_release(&del.r.body);
    if(err)
      snprintf(oc->msg, sizeof oc->msg, "%s", err);
  }
  ngi_buf_release(&text);
  free(url);
  return rc;
}

/* One graph, small enough for one request: PUT. */
static ng_status
push_gsp_one(ng_endpoint *ep, librdf_stream *str, ng_store *st,
             const char *iri, size_t *total, ngi_outcome *oc, char *err)
{
  ngi_buf text = { 0 };
  char *url = graph_url(ep, iri);
  size_t n = 0;
  int blank = 0;
  ng_status rc;

  if(!url) {
    ngi_store_errf(err, "out of memory");
    return NG_ENOMEM;
  }
  rc = write_chunk(st, str, (size_t)-1, &text, &n, &blank, err);
  if(rc == NG_OK) {
    rc = ngi_http_request(ep, "PUT", url, "text/turtle", NULL,
                          text.p ? text.p : "", text.len, oc);
    if(rc != NG_OK)
      ngi_store_errf(err, "cannot push graph <%s>: %s", iri, oc->msg);
    else
      *total = n;
  }
  ngi_buf_release(&text);
  free(url);
  return rc;
}

static ng_status
push_gsp(ng_endpoint *ep, ng_store *st, const char *iri, char *err)
{
  librdf_stream *str;
  ngi_outcome oc;
  size_t size = 0, total = 0;
  int fresh = 0;
  ng_status rc;

  memset(&oc, 0, sizeof oc);
  rc = ng_store_count(st, iri, &size, err);
  if(rc == NG_OK && size > ep->o.chunk_triples && !ep->o.always_stage)
    fresh = graph_empty(ep, iri);
  if(rc == NG_OK && size > ep->o.chunk_triples && !fresh &&
     !ep->update_url) {
    ngi_store_errf(err, "graph <%s> has %zu triples, more than one request "
                   "(%zu) holds: sending it in parts needs a SPARQL Update "
                   "endpoint to put them in place all at once", iri, size,
                   ep->o.chunk_triples);
    rc = NG_EUSAGE;
  }
  if(rc != NG_OK) {
    report(ep, iri, 0, NULL, rc, err ? err : "cannot read graph");
    return rc;
  }
  str = graph_stream(st, iri, err);
  if(!str) {
    report(ep, iri, 0, NULL, NG_ESTORE, err ? err : "cannot read graph");
    return NG_ESTORE;
  }
  if(size <= ep->o.chunk_triples) {
    rc = push_gsp_one(ep, str, st, iri, &total, &oc, err);
  } else if(fresh) {
    chunk_src cs = { st, str, NULL, 0, 0 };
    rc = push_fresh(ep, &cs, iri, size, &total, &oc, err);
  } else {
    chunk_src cs = { st, str, NULL, 0, 0 };
    rc = push_staged(ep, &cs, iri, &total, &oc, err);
  }
  librdf_free_stream(str);
  report(ep, iri, total, &oc, rc,
         rc == NG_OK ? NULL : (oc.msg[0] ? oc.msg : (err ? err : "error")));
  ngi_buf_release(&oc.r.body);
  return rc;
}

/* N-Triples text into b, with the \uXXXX and \UXXXXXXXX escapes that
 * raptor writes inside IRIs turned back into UTF-8: SPARQL endpoints
 * (Virtuoso) refuse them in an Update's IRIs.  Escapes of characters an
 * IRI cannot hold raw (below U+0080) are kept. */
static int
add_nt_unescaped(ngi_buf *b, const char *nt, size_t len)
{
  size_t i = 0, from = 0;
  char st = 0; /* 0 between terms, '<' in an IRI, '"' in a literal */

  while(i < len) {
    char c = nt[i];
    if(st == '"') {
      if(c == '\\')
        i++;
      else if(c == '"')
        st = 0;
      i++;
      continue;
    }
    if(st == 0) {
      if(c == '<' || c == '"')
        st = c;
      i++;
      continue;
    }
    /* in an IRI */
    if(c == '>') {
      st = 0;
      i++;
      continue;
    }
    if(c == '\\' && i + 1 < len && (nt[i + 1] == 'u' || nt[i + 1] == 'U')) {
      size_t nd = nt[i + 1] == 'u' ? 4 : 8, k;
      unsigned long cp = 0;
      char u[4];
      int n = 0;
      for(k = 0; k < nd && i + 2 + k < len; k++) {
        char h = nt[i + 2 + k];
        int v = h >= '0' && h <= '9' ? h - '0'
              : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if(v < 0)
          break;
        cp = cp * 16 + (unsigned long)v;
      }
      if(k == nd && cp >= 0x80 && cp <= 0x10FFFF &&
         !(cp >= 0xD800 && cp <= 0xDFFF)) {
        if(cp < 0x800) {
          u[n++] = (char)(0xC0 | cp >> 6);
        } else if(cp < 0x10000) {
          u[n++] = (char)(0xE0 | cp >> 12);
          u[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
        } else {
          u[n++] = (char)(0xF0 | cp >> 18);
          u[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
          u[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
        }
        u[n++] = (char)(0x80 | (cp & 0x3F));
        if(ngi_buf_add(b, nt + from, i - from) || ngi_buf_add(b, u, (size_t)n))
          return -1;
        i += 2 + nd;
        from = i;
        continue;
      }
    }
    i++;
  }
  return ngi_buf_add(b, nt + from, len - from);
}

/* "DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { nt } }" (or, since
 * some stores refuse blank nodes in INSERT DATA, INSERT { } WHERE { }). */
static int
add_update(ngi_buf *b, const char *iri, const char *nt, size_t len, int drop,
           int blank)
{
  if(b->len && ngi_buf_str(b, " ;\n"))
    return -1;
  if(drop && (ngi_buf_str(b, "DROP SILENT GRAPH <") || ngi_buf_str(b, iri) ||
              ngi_buf_str(b, "> ;\n")))
    return -1;
  if(ngi_buf_str(b, blank ? "INSERT { GRAPH <" : "INSERT DATA { GRAPH <") ||
     ngi_buf_str(b, iri) || ngi_buf_str(b, "> {\n") ||
     add_nt_unescaped(b, nt, len) ||
     ngi_buf_str(b, blank ? "} } WHERE { }" : "} }"))
    return -1;
  return 0;
}

static ng_status
send_update(ng_endpoint *ep, const ngi_buf *body, ngi_outcome *oc, char *err)
{
  ng_status rc = ngi_http_request(ep, "POST", ep->url,
                                  "application/sparql-update", NULL,
                                  body->p ? body->p : "", body->len, oc);

  if(rc != NG_OK)
    ngi_store_errf(err, "SPARQL update failed: %s", oc->msg);
  return rc;
}

ng_status
ng_endpoint_flush(ng_endpoint *ep, char *err)
{
  ngi_outcome oc;
  ng_status rc = NG_OK;
  size_t i;

  if(!ep->npend)
    return NG_OK;
  memset(&oc, 0, sizeof oc);
  rc = send_update(ep, &ep->batch, &oc, err);
  for(i = 0; i < ep->npend; i++) {
    report(ep, ep->pend[i].graph, ep->pend[i].triples, &oc, rc, oc.msg);
    free(ep->pend[i].graph);
  }
  ep->npend = 0;
  ep->batch.len = 0;
  ep->batch_triples = 0;
  ngi_buf_release(&oc.r.body);
  return rc;
}

/* Queue a small graph's update in the batch. */
static ng_status
queue_update(ng_endpoint *ep, const char *iri, const char *nt, size_t len,
             size_t n, int blank, char *err)
{
  ng_status rc = NG_OK;

  if(ep->npend == ep->cappend) {
    size_t cap = ep->cappend ? 2 * ep->cappend : 16;
    ngi_pending *p = realloc(ep->pend, cap * sizeof *p);
    if(!p)
      rc = NG_ENOMEM;
    else {
      ep->pend = p;
      ep->cappend = cap;
    }
  }
  if(rc == NG_OK &&
     (!(ep->pend[ep->npend].graph = ngi_str_dup(iri)) ||
      add_update(&ep->batch, iri, nt, len, 1, blank))) {
    free(ep->pend[ep->npend].graph);
    rc = NG_ENOMEM;
  }
  if(rc == NG_ENOMEM)
    ngi_store_errf(err, "out of memory");
  if(rc == NG_OK) {
    ep->pend[ep->npend++].triples = n;
    ep->batch_triples += n;
  }
  return rc;
}

static ng_status
push_update(ng_endpoint *ep, ng_store *st, const char *iri, char *err)
{
  librdf_stream *str;
  ngi_buf text = { 0 };
  ngi_outcome oc;
  size_t n = 0, total = 0, size = 0;
  int blank = 0;
  ng_status rc;

  memset(&oc, 0, sizeof oc);
  rc = ng_store_count(st, iri, &size, err);
  if(rc != NG_OK) {
    report(ep, iri, 0, NULL, rc, err ? err : "cannot read graph");
    return rc;
  }
  if(ep->npend && ep->batch_triples + size > ep->o.chunk_triples) {
    rc = ng_endpoint_flush(ep, err);
    if(rc != NG_OK && rc != NG_ENET)
      return rc;
  }
  str = graph_stream(st, iri, err);
  if(!str) {
    report(ep, iri, 0, NULL, NG_ESTORE, err ? err : "cannot read graph");
    return NG_ESTORE;
  }
  if(size <= ep->o.chunk_triples) {
    /* small: queue it */
    rc = write_chunk(st, str, ep->o.chunk_triples, &text, &n, &blank, err);
    librdf_free_stream(str);
    if(rc == NG_OK)
      rc = queue_update(ep, iri, text.p ? text.p : "", text.len, n, blank,
                        err);
    ngi_buf_release(&text);
    if(rc != NG_OK)
      report(ep, iri, 0, NULL, rc, err ? err : "error");
    return rc;
  }
  /* large: alone, in parts, through a staging graph */
  {
    chunk_src cs = { st, str, NULL, 0, 0 };
    rc = push_staged(ep, &cs, iri, &total, &oc, err);
  }
  librdf_free_stream(str);
  report(ep, iri, total, &oc, rc, oc.msg[0] ? oc.msg : (err ? err : "error"));
  ngi_buf_release(&oc.r.body);
  return rc;
}

ng_status
ng_endpoint_push(ng_endpoint *ep, ng_store *st, const char *graph_iri,
                 char *err)
{
  ng_status rc = ngi_iri_check(graph_iri, "graph IRI", err);

  if(rc != NG_OK) {
    report(ep, graph_iri, 0, NULL, rc, err ? err : "bad graph IRI");
    return rc;
  }
  if(ep->o.protocol == NG_PROTO_UPDATE)
    return push_update(ep, st, graph_iri, err);
  return push_gsp(ep, st, graph_iri, err);
}

ng_status
ngi_push_text(ng_endpoint *ep, const char *iri, const char *nt, size_t len,
              size_t n, char *err)
{
  ngi_outcome oc;
  chunk_src cs = { NULL, NULL, nt, len, 0 };
  size_t total = 0;
  int blank = has_blank(nt, len);
  char *url;
  ng_status rc = ngi_iri_check(iri, "graph IRI", err);

  if(rc != NG_OK) {
    report(ep, iri, 0, NULL, rc, err ? err : "bad graph IRI");
    return rc;
  }
  memset(&oc, 0, sizeof oc);
  if(n <= ep->o.chunk_triples && ep->o.protocol == NG_PROTO_UPDATE) {
    if(ep->npend && ep->batch_triples + n > ep->o.chunk_triples) {
      rc = ng_endpoint_flush(ep, err);
      if(rc != NG_OK && rc != NG_ENET)
        return rc;
    }
    rc = queue_update(ep, iri, nt, len, n, blank, err);
    if(rc != NG_OK)
      report(ep, iri, 0, NULL, rc, err ? err : "error");
    return rc;
  }
  if(n <= ep->o.chunk_triples) {
    /* the text as it is: N-Triples is Turtle */
    url = graph_url(ep, iri);
    if(!url) {
      ngi_store_errf(err, "out of memory");
      rc = NG_ENOMEM;
    } else {
      rc = ngi_http_request(ep, "PUT", url, "text/turtle", NULL, nt, len,
                            &oc);
      if(rc != NG_OK)
        ngi_store_errf(err, "cannot push graph <%s>: %s", iri, oc.msg);
      else
        total = n;
    }
    free(url);
  } else if(ep->o.protocol == NG_PROTO_GSP && !ep->o.always_stage &&
            graph_empty(ep, iri)) {
    rc = push_fresh(ep, &cs, iri, n, &total, &oc, err);
  } else if(ep->o.protocol == NG_PROTO_GSP && !ep->update_url) {
    ngi_store_errf(err, "graph <%s> has %zu triples, more than one request "
                   "(%zu) holds: sending it in parts needs a SPARQL Update "
                   "endpoint to put them in place all at once", iri, n,
                   ep->o.chunk_triples);
    report(ep, iri, 0, NULL, NG_EUSAGE, err ? err : "too big");
    return NG_EUSAGE;
  } else {
    if(ep->o.protocol == NG_PROTO_UPDATE && ep->npend) {
      rc = ng_endpoint_flush(ep, err);
      if(rc != NG_OK && rc != NG_ENET)
        return rc;
    }
    rc = push_staged(ep, &cs, iri, &total, &oc, err);
  }
  report(ep, iri, total, &oc, rc,
         rc == NG_OK ? NULL : (oc.msg[0] ? oc.msg : (err ? err : "error")));
  ngi_buf_release(&oc.r.body);
  return rc;
}

ng_status
ng_endpoint_count(ng_endpoint *ep, const char *graph_iri, size_t *n,
                  char *err)
{
  ngi_outcome oc;
  ng_status rc;
  const char *p;
  char *end;
  unsigned long long v;

  *n = 0;
  rc = ngi_iri_check(graph_iri, "graph IRI", err);
  if(rc != NG_OK)
    return rc;
  memset(&oc, 0, sizeof oc);
  rc = query_csv(ep, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <", graph_iri,
                 "> { ?s ?p ?o } }", &oc);
  if(rc != NG_OK) {
    if(rc == NG_ENOMEM && !oc.msg[0])
      ngi_store_errf(err, "out of memory");
    else
      ngi_store_errf(err, "cannot count graph <%s>: %s", graph_iri, oc.msg);
    goto done;
  }
  /* text/csv: a header line, then the number (perhaps quoted) */
  p = oc.r.body.p ? strchr(oc.r.body.p, '\n') : NULL;
  if(p) {
    p++;
    if(*p == '"')
      p++;
    errno = 0;
    v = strtoull(p, &end, 10);
    if(end != p && !errno) {
      *n = (size_t)v;
      goto done;
    }
  }
  ngi_store_errf(err, "cannot count graph <%s>: unexpected answer",
                 graph_iri);
  rc = NG_ENET;

done:
  ngi_buf_release(&oc.r.body);
  return rc;
}
