/* str.h - util/: the string helpers that store/, link/ and net/ share.
 * Like sha256.h, it includes nothing of ours.
 */
#ifndef NG_STR_H
#define NG_STR_H

/* A malloc'ed copy of s; NULL for NULL or out of memory. */
char *ngi_str_dup(const char *s);

/* A malloc'ed string a followed by b; NULL on out of memory. */
char *ngi_str_cat2(const char *a, const char *b);

#endif /* NG_STR_H */
