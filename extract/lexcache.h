/* lexcache.h - the lexicon cache: a binary image of a loaded lexicon,
 * mapped at start-up instead of parsing the text files again.
 *
 * The text files of ontology/lexicon/ stay the source of truth.  The
 * cache records every file the loader opened (or found missing) with its
 * size, inode, mtime and ctime, the lexicon folder, the cache format and
 * a checksum of the code that builds a lexicon, and a checksum of its
 * own bytes: a cache that differs in any of these is ignored (and
 * rewritten), never trusted.  Where it lives: $NEWSGRAPH_CACHE (a
 * folder; "off" or empty turns the cache off), else
 * $XDG_CACHE_HOME/newsgraph, else $HOME/.cache/newsgraph.
 */
#ifndef NG_LEXCACHE_H
#define NG_LEXCACHE_H

#include <stddef.h>
#include <sys/stat.h>

#include "lexicon.h"

/* The cache file for the lexicon folder dir (dir/lexicon) in path (size
 * n); returns 0, or -1 when the cache is off or the path too long. */
int ngi_lexcache_path(const char *dir, char *path, size_t n);

/* Fill the empty lexicon lex from the cache file at path when it is
 * fresh and sound for dir; returns 0, or -1 (lex is then left empty:
 * load the text files). */
int ngi_lexcache_load(ng_lexicon *lex, const char *dir, const char *path);

/* Write lex (loaded from the text files of dir) to the cache file at
 * path, atomically (a temporary file renamed); returns 0, or -1 (the
 * cache is only an optimisation: callers go on without it). */
int ngi_lexcache_save(const ng_lexicon *lex, const char *dir,
                      const char *path);

/* Record a file the loader read (sb its stat) or did not find (sb NULL):
 * the cache is fresh while every such file is as recorded. */
void ngi_lexsrc_note(ng_lexicon *lex, const char *name,
                     const struct stat *sb);

#endif
