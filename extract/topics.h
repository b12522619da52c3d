/* topics.h - stage 5: topics of the article and of its paragraphs. */
#ifndef NG_TOPICS_H
#define NG_TOPICS_H

#include "doc.h"

/* Fills d->topics and d->para_topic.  NG_OK or NG_ENOMEM. */
ng_status ngi_find_topics(ng_doc *d);

#endif
