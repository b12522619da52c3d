/* test_lexcache.c - unit tests of the lexicon cache (extract/lexcache.c):
 * a lexicon read back from the cache equals the one parsed from the text
 * files, and a cache that is corrupt, truncated, stale (a lexicon file
 * changed, added or removed), made for another folder, unwritable or
 * turned off is never used.  Works on a copy of the lexicons in a
 * temporary folder.  Needs the lexicons: run from the project root or set
 * NEWSGRAPH_DATA.  Prints "N passed, N failed" last; exits 1 on any
 * failure.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lexcache.h"
#include "lexicon.h"
#include "result.h"
#include "unit.h"

static char tmp[256], data[300], cache[300];

static int sh(const char *fmt, const char *a, const char *b) {
  char cmd[2048];
  snprintf(cmd, sizeof cmd, fmt, a, b);
  return system(cmd);
}

static ng_lexicon *load(const char *dir) {
  ng_lexicon *l = NULL;
  char err[NG_ERRLEN];
  if (ng_lexicon_load(dir, &l, err) != NG_OK) {
    check(0, "ng_lexicon_load", err);
    return NULL;
  }
  return l;
}

/* Every key of a in b with the same value, and as many. */
static int same_map(const ngi_map *a, const ngi_map *b) {
  if (a->n != b->n || a->bit != b->bit)
    return 0;
  for (size_t j = 0; j < a->cap; j++) {
    const char *k = ngi_map_key(a, j);
    intptr_t v;
    if (k && (!ngi_map_get(b, k, &v) || v != a->ents[j].val))
      return 0;
  }
  return 1;
}

static int same_str(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int same_lexicon(const ng_lexicon *a, const ng_lexicon *b) {
  const ngi_map *ma = &a->given, *mb = &b->given;
  /* the maps are the members from given to phrasepre, in a row */
  size_t nmaps = (size_t)(&a->phrasepre - &a->given) + 1;
  for (size_t i = 0; i < nmaps; i++)
    if (!same_map(ma + i, mb + i))
      return 0;
  if (a->nplaces != b->nplaces || a->norgs != b->norgs ||
      a->ntopics != b->ntopics || a->nkeywords != b->nkeywords ||
      a->indexed != b->indexed)
    return 0;
  for (size_t i = 0; i < a->nplaces; i++)
    if (!same_str(a->places[i].name, b->places[i].name) ||
        !same_str(a->places[i].wikidata, b->places[i].wikidata))
      return 0;
  for (size_t i = 0; i < a->norgs; i++)
    if (!same_str(a->orgs[i].name, b->orgs[i].name) ||
        !same_str(a->orgs[i].wikidata, b->orgs[i].wikidata))
      return 0;
  for (size_t i = 0; i < a->ntopics; i++)
    if (!same_str(a->topics[i].id, b->topics[i].id) ||
        !same_str(a->topics[i].label, b->topics[i].label) ||
        !same_str(a->topics[i].iptc, b->topics[i].iptc) ||
        a->topics[i].exact != b->topics[i].exact)
      return 0;
  for (size_t i = 0; i < a->nkeywords; i++) {
    const ngi_keyword *x = &a->keywords[i], *y = &b->keywords[i];
    if (x->nwords != y->nwords || x->topic != y->topic || x->next != y->next)
      return 0;
    for (int k = 0; k < x->nwords; k++)
      if (!same_str(x->words[k], y->words[k]))
        return 0;
  }
  return 1;
}

/* The cache file of data, or "" when the cache is off. */
static const char *cache_file(void) {
  static char path[4096];
  if (ngi_lexcache_path(data, path, sizeof path) != 0)
    path[0] = '\0';
  return path;
}

static long file_size(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0 ? (long)sb.st_size : -1;
}

/* Load twice: the second must come from the cache when expect_cached. */
static ng_lexicon *reload(const char *what, int expect_cached) {
  ng_lexicon *l = load(data);
  check(l && (l->cache != NULL) == expect_cached, what,
        expect_cached ? "not read from the cache" : "read from the cache");
  return l;
}

int main(void) {
  const char *src = getenv("NEWSGRAPH_DATA");
  char what[64];
  if (!src || !*src)
    src = "ontology";
  snprintf(tmp, sizeof tmp, "/tmp/ng-lexcache-XXXXXX");
  if (!mkdtemp(tmp)) {
    printf("FAIL: mkdtemp\n0 passed, 1 failed\n");
    return 1;
  }
  snprintf(data, sizeof data, "%s/data", tmp);
  snprintf(cache, sizeof cache, "%s/cache", tmp);
  if (sh("mkdir -p '%s'%s", data, "") ||
      sh("cp -r '%s/lexicon' '%s/'", src, data)) {
    printf("FAIL: copy the lexicons\n0 passed, 1 failed\n");
    return 1;
  }
  setenv("NEWSGRAPH_CACHE", cache, 1);

  /* cold: parsed and written; warm: mapped, and equal */
  ng_lexicon *text = reload("cold load", 0);
  check(file_size(cache_file()) > 0, "the cache is written", cache_file());
  ng_lexicon *warm = reload("warm load", 1);
  check(text && warm && same_lexicon(text, warm),
        "the cached lexicon equals the parsed one", NULL);
  lex = warm;
  ng_doc *d = run("Mr John Smith, the foreign minister of France, said on "
                  "Monday that the talks would go on.");
  const ngi_result *r = d ? ngi_doc_result(d) : NULL;
  check(r && r->npersons == 1, "extraction with the cached lexicon", NULL);
  ng_doc_free(d);
  ng_lexicon_free(warm);

  /* a flipped byte anywhere: ignored, rewritten */
  long size = file_size(cache_file());
  long at[] = {20, size / 3, size / 2, size - 3};
  for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
    FILE *f = fopen(cache_file(), "r+b");
    int c;
    if (f && fseek(f, at[i], SEEK_SET) == 0 && (c = fgetc(f)) != EOF &&
        fseek(f, at[i], SEEK_SET) == 0)
      fputc(c ^ 0x10, f);
    if (f)
      fclose(f);
    snprintf(what, sizeof what, "corrupt byte at %ld", at[i]);
    ng_lexicon *l = reload(what, 0);
    check(l && text && same_lexicon(text, l), what, "lexicon differs");
    ng_lexicon_free(l);
    ng_lexicon_free(reload("rewritten after corruption", 1));
  }

  /* truncated, empty, garbage */
  check(truncate(cache_file(), size / 2) == 0, "truncate", NULL);
  ng_lexicon_free(reload("truncated cache", 0));
  check(truncate(cache_file(), 0) == 0, "truncate", NULL);
  ng_lexicon_free(reload("empty cache", 0));
  sh("head -c 100000 /dev/urandom > '%s'%s", cache_file(), "");
  ng_lexicon_free(reload("random cache", 0));
  ng_lexicon_free(reload("rewritten after garbage", 1));

  /* stale: a lexicon file changed, then an optional file removed and
   * added back */
  sh("echo zzqxword >> '%s/lexicon/not-names.txt'%s", data, "");
  ng_lexicon *l = reload("a lexicon file changed", 0);
  check(l && ngi_map_get(&l->notname, "zzqxword", NULL),
        "the changed file is read", NULL);
  ng_lexicon_free(l);
  l = reload("cache of the changed file", 1);
  check(l && ngi_map_get(&l->notname, "zzqxword", NULL),
        "the cache has the change", NULL);
  ng_lexicon_free(l);
  sh("mv '%s/lexicon/places-extra.tsv' '%s/places-extra.tsv'", data, tmp);
  ng_lexicon_free(reload("an optional file removed", 0));
  ng_lexicon_free(reload("cache without the optional file", 1));
  sh("mv '%s/places-extra.tsv' '%s/lexicon/places-extra.tsv'", tmp, data);
  ng_lexicon_free(reload("an optional file added back", 0));

  /* the cache of another folder under this folder's name */
  char other[400], path[4096];
  snprintf(other, sizeof other, "%s/other", tmp);
  sh("mkdir -p '%s'%s", other, "");
  sh("cp -r '%s/lexicon' '%s/'", data, other);
  if (ngi_lexcache_path(other, path, sizeof path) == 0) {
    ng_lexicon_free(load(other));
    sh("cp '%s' '%s'", path, cache_file());
    ng_lexicon_free(reload("the cache of another folder", 0));
  }

  /* unwritable: the cache folder cannot be made; off */
  char blocked[400];
  snprintf(blocked, sizeof blocked, "%s/file/sub", tmp);
  sh("touch '%s/file'%s", tmp, "");
  setenv("NEWSGRAPH_CACHE", blocked, 1);
  l = reload("unwritable cache folder", 0);
  check(l && ngi_map_get(&l->notname, "zzqxword", NULL),
        "loads without a cache", NULL);
  ng_lexicon_free(l);
  ng_lexicon_free(reload("unwritable cache folder, again", 0));
  setenv("NEWSGRAPH_CACHE", "off", 1);
  check(cache_file()[0] == '\0', "NEWSGRAPH_CACHE=off has no path", NULL);
  ng_lexicon_free(reload("cache off", 0));

  ng_lexicon_free(text);
  sh("rm -rf '%s'%s", tmp, "");
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
