/* batch.h - what graph/batch.c shares with graph.c's batch section. */
#ifndef NG_BATCH_H
#define NG_BATCH_H

#include <redland.h>

#include "newsgraph.h"

/* The librdf world of a per-thread world (borrowed). */
librdf_world *ngi_rdf_world_librdf(ng_rdf_world *w);

#endif /* NG_BATCH_H */
