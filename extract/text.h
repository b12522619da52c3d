/* text.h - stage 1: bytes to paragraphs, tokens, quotes and sentences. */
#ifndef NG_TEXT_H
#define NG_TEXT_H

#include "doc.h"

/* Fills d->paras, d->toks, d->quotes, d->sents.  NG_OK or NG_ENOMEM. */
ng_status ngi_segment(ng_doc *d);

#endif
