/* tiling.h - subject blocks of an article without section headings
 * (TextTiling), for topics.c. */
#ifndef NG_TILING_H
#define NG_TILING_H

#include "doc.h"

/* Cut paragraphs [p0, p1) into at most max blocks of at least minparas
 * paragraphs each, by the lexical cohesion of the words with stem ids
 * tokstem[] (-1: not a content word; ids below nstems).  Writes the first
 * paragraph of each block to starts[] (room for max), in order, and
 * returns how many (at least 1 when p0 < p1).  -1 when out of memory. */
int ngi_tile(ng_doc *d, const int *tokstem, int nstems, int p0, int p1,
             int max, int minparas, int *starts);

#endif /* NG_TILING_H */
