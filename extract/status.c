/* status.c - library-wide small things: status strings, the version and
 * where the ontology and lexicon files are.
 */
#include <stdlib.h>
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

/* $NEWSGRAPH_DATA, else the install prefix's data when installed, else
 * ./ontology (a build tree). */
const char *ng_data_dir(void) {
  const char *env = getenv("NEWSGRAPH_DATA");
  struct stat sb;
  if (env && *env)
    return env;
  if (stat(NG_DATADIR "/lexicon", &sb) == 0 && S_ISDIR(sb.st_mode))
    return NG_DATADIR;
  return "ontology";
}
