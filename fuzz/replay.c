/* replay.c - run a libFuzzer harness over files, without libFuzzer.
 *
 * Linked with one harness (fuzz_*.c) into $(BUILD)/fuzz/NAME-replay, so that
 * `make test` (any compiler, any SANITIZER) replays the seed and
 * regression inputs: each FILE argument, or each file in a DIR argument,
 * is read and given to LLVMFuzzerTestOneInput.  A crash is the failure;
 * exit 0 means every input ran.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  unsigned char *buf = NULL;
  size_t len = 0, cap = 0, n;

  if (f == NULL) {
    fprintf(stderr, "replay: cannot open '%s'\n", path);
    return 1;
  }
  for (;;) {
    if (cap - len < 65536) {
      unsigned char *nb;
      cap = cap * 2 + 65536;
      nb = realloc(buf, cap);
      if (nb == NULL) {
        free(buf);
        fclose(f);
        return 1;
      }
      buf = nb;
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
    if (n == 0)
      break;
  }
  fclose(f);
  LLVMFuzzerTestOneInput(buf, len);
  free(buf);
  return 0;
}

static int run_path(const char *path)
{
  struct stat sb;
  DIR *d;
  struct dirent *e;
  int bad = 0;

  if (stat(path, &sb) != 0) {
    fprintf(stderr, "replay: cannot stat '%s'\n", path);
    return 1;
  }
  if (!S_ISDIR(sb.st_mode))
    return run_file(path);
  d = opendir(path);
  if (d == NULL)
    return 1;
  while ((e = readdir(d)) != NULL) {
    char sub[4096];
    if (e->d_name[0] == '.')
      continue;
    snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
    if (stat(sub, &sb) == 0 && S_ISREG(sb.st_mode))
      bad |= run_file(sub);
  }
  closedir(d);
  return bad;
}

int main(int argc, char **argv)
{
  int i, bad = 0;

  LLVMFuzzerInitialize(&argc, &argv);
  for (i = 1; i < argc; i++)
    bad |= run_path(argv[i]);
  return bad;
}
