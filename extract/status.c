/* status.c - library-wide small things: status strings, the version and
 * where the ontology and lexicon files are.
 */
#define _GNU_SOURCE /* dladdr */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "newsgraph.h"

const char *ng_strerror(ng_status st) {
  switch (st) {
  case NG_OK: return "success";
  case NG_ENOMEM: return "out of memory";
  case NG_EINPUT: return "bad input";
  case NG_EIO: return "input/output error";
  case NG_ELEXICON: return "lexicon data missing or malformed";
  case NG_EFORMAT: return "unknown RDF format";
  case NG_ERDF: return "RDF library error";
  case NG_ESTORE: return "triple store error";
  case NG_ENET: return "network error";
  case NG_EQUERY: return "query error";
  case NG_EUSAGE: return "bad argument";
  }
  return "unknown error";
}

const char *ng_version(void) { return NG_VERSION; }

#ifndef NG_DATADIR
#define NG_DATADIR "/usr/local/share/newsgraph"
#endif

/* The share/newsgraph beside the lib/ or bin/ folder holding this code
 * (the shared library, or a program linked with the static one), when it
 * has the lexicons: an installed tree that was moved, or staged with
 * DESTDIR and used where it lies, finds its own data.  "" when none. */
static char beside[4096];
static pthread_once_t beside_once = PTHREAD_ONCE_INIT;

static void find_beside(void) {
  Dl_info info;
  struct stat sb;
  char *slash;
  size_t n;
  if (dladdr((void *)(size_t)&find_beside, &info) == 0 ||
      info.dli_fname == NULL || info.dli_fname[0] != '/')
    return;
  n = strlen(info.dli_fname);
  if (n >= sizeof beside - 32)
    return;
  memcpy(beside, info.dli_fname, n + 1);
  slash = strrchr(beside, '/'); /* PREFIX/lib/libnewsgraph.so */
  *slash = '\0';
  slash = strrchr(beside, '/'); /* PREFIX/lib */
  if (slash != NULL) {
    snprintf(slash, sizeof beside - (size_t)(slash - beside),
             "/share/newsgraph/lexicon");
    if (stat(beside, &sb) == 0 && S_ISDIR(sb.st_mode)) {
      *strrchr(beside, '/') = '\0';
      return;
    }
  }
  beside[0] = '\0';
}

static const char *beside_self(void) {
  pthread_once(&beside_once, find_beside);
  return beside;
}

/* $NEWSGRAPH_DATA, else the data of the install prefix compiled in
 * (NG_DATADIR, from the Makefile's DATADIR), else the share/newsgraph
 * beside the library's own folder, else ./ontology (a build tree). */
const char *ng_data_dir(void) {
  const char *env = getenv("NEWSGRAPH_DATA");
  struct stat sb;
  if (env && *env)
    return env;
  if (stat(NG_DATADIR "/lexicon", &sb) == 0 && S_ISDIR(sb.st_mode))
    return NG_DATADIR;
  if (*beside_self())
    return beside_self();
  return "ontology";
}
