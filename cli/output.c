/* output.c - the output file of a command, never left half-written: -o
 * FILE is written as FILE.tmp.XXXXXX (a new file made by mkstemp: never a
 * link or a file planted there before), synced and renamed over FILE at
 * the end (or
 * removed on failure, and on SIGINT, SIGTERM or SIGHUP).  A device, a FIFO
 * or a symbolic link to a file not there yet is written in place; a link
 * to a file is followed, so the link keeps pointing at the new file.
 * --out-dir's temporary files (outdir.c) are removed by the same
 * handler (cli_output_temp). */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

static char *tmp_path;             /* -o FILE: FILE.tmp while writing */
static char *final_path;           /* FILE, symbolic links resolved */
static volatile sig_atomic_t tmp_live;
static int caught;                 /* the handler is in place */
static pthread_t writer;           /* the thread of cli_output_temp */
static volatile sig_atomic_t have_writer;

static void on_signal(int sig)
{
  /* --out-dir's files are made by one thread: the handler runs there, or
   * that thread could make the next file while this one is removed */
  if (have_writer && !pthread_equal(pthread_self(), writer)) {
    pthread_kill(writer, sig);
    return;
  }
  if (tmp_live && tmp_path != NULL)
    unlink(tmp_path);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void catch_signals(void);

FILE *cli_output_open(const char *path)
{
  FILE *f;
  struct stat sb;
  size_t n;

  if (path == NULL)
    return stdout;
  /* A device, a FIFO or a terminal is written to as it is (there is no
   * file to replace atomically); a symbolic link is followed, so the link
   * keeps pointing at the new file. */
  if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
    if (S_ISDIR(sb.st_mode)) {
      cli_error("cannot write '%s': is a directory", path);
      return NULL;
    }
    f = fopen(path, "wb");
    if (f == NULL)
      cli_error("cannot write '%s': %s", path, cli_errno_text(errno));
    return f;
  }
  final_path = realpath(path, NULL);
  if (final_path == NULL && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
    /* a link to a file not there yet: written through, in place */
    f = fopen(path, "wb");
    if (f == NULL)
      cli_error("cannot write '%s': %s", path, cli_errno_text(errno));
    return f;
  }
  if (final_path == NULL)
    final_path = strdup(path);
  n = final_path != NULL ? strlen(final_path) + 12 : 0;
  tmp_path = n ? malloc(n) : NULL;
  if (tmp_path == NULL) {
    cli_error("out of memory");
    free(final_path);
    final_path = NULL;
    return NULL;
  }
  snprintf(tmp_path, n, "%s.tmp.XXXXXX", final_path);
  {
    /* O_CREAT|O_EXCL: a symbolic link planted at the name is not followed */
    int fd = mkstemp(tmp_path);
    mode_t mask = umask(0);
    umask(mask);
    f = NULL;
    if (fd >= 0) {
      if (fchmod(fd, 0666 & ~mask) != 0 || (f = fdopen(fd, "wb")) == NULL) {
        int e = errno;
        close(fd);
        unlink(tmp_path);
        errno = e;
      }
    }
  }
  if (f == NULL) {
    cli_error("cannot write '%s': %s", tmp_path, cli_errno_text(errno));
    free(tmp_path);
    free(final_path);
    tmp_path = final_path = NULL;
    return NULL;
  }
  tmp_live = 1;
  catch_signals();
  return f;
}

/* The handler that removes the live temporary file. */
static void catch_signals(void)
{
  struct sigaction sa;

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGHUP, &sa, NULL);
}

void cli_output_temp(const char *path)
{
  if (!have_writer) {
    writer = pthread_self();
    have_writer = 1;
  }
  if (!caught)
    catch_signals();
  caught = 1;
  tmp_live = 0;
  tmp_path = (char *)path; /* borrowed: never freed here */
  tmp_live = path != NULL;
}

int cli_output_close(FILE *f, const char *path, int keep)
{
  int rc = 0;

  if (f == stdout) {
    if (fflush(stdout) != 0 || ferror(stdout)) {
      if (keep)
        cli_error("cannot write the output: %s", cli_errno_text(errno));
      return CLI_EOUTPUT;
    }
    return 0;
  }
  if (f == NULL)
    return 0;
  if (tmp_path == NULL) { /* written in place: a device or a FIFO */
    if ((fflush(f) != 0 || ferror(f)) && keep) {
      cli_error("cannot write '%s': %s", path, cli_errno_text(errno));
      rc = CLI_EOUTPUT;
    }
    fclose(f);
    return rc;
  }
  if (keep && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)) {
    cli_error("cannot write '%s': %s", tmp_path, cli_errno_text(errno));
    keep = 0;
    rc = CLI_EOUTPUT;
  }
  if (fclose(f) != 0 && keep) {
    cli_error("cannot write '%s': %s", tmp_path, cli_errno_text(errno));
    keep = 0;
    rc = CLI_EOUTPUT;
  }
  if (keep && rename(tmp_path, final_path) != 0) {
    cli_error("cannot rename '%s' to '%s': %s", tmp_path, final_path,
              cli_errno_text(errno));
    rc = CLI_EOUTPUT;
    keep = 0;
  }
  if (!keep)
    unlink(tmp_path);
  tmp_live = 0;
  free(tmp_path);
  free(final_path);
  tmp_path = final_path = NULL;
  return rc;
}
