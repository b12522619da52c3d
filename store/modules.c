/* modules.c - librdf's storage modules in every world of a process.
 *
 * librdf loads its dynamic storage modules (sqlite among them) with ltdl
 * when a world opens, and skips a module that is already loaded: a second
 * world alive at the same time never gets the sqlite storage ("storage
 * 'sqlite' not found").  `newsgraph serve` keeps one store, so one world,
 * per worker thread; ngi_store_modules registers the loaded sqlite module
 * into such a world itself.  The module is held open once for the life of
 * the process, so that freeing the first world does not unload code the
 * others use.
 */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "store.h"

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static void *held;

static int has_sqlite(librdf_world *w)
{
  unsigned int i;
  const char *name;

  for (i = 0; librdf_storage_enumerate(w, i, &name, NULL) == 0; i++)
    if (name != NULL && strcmp(name, "sqlite") == 0)
      return 1;
  return 0;
}

static int find_module(struct dl_phdr_info *info, size_t size, void *data)
{
  char *path = data;

  (void)size;
  if (info->dlpi_name != NULL &&
      strstr(info->dlpi_name, "librdf_storage_sqlite") != NULL) {
    snprintf(path, 4096, "%s", info->dlpi_name);
    return 1;
  }
  return 0;
}

void ngi_store_modules(librdf_world *w)
{
  typedef void reg_fn(librdf_world *);
  char path[4096] = "";
  reg_fn *reg;

  if (has_sqlite(w))
    return;
  pthread_mutex_lock(&mu);
  if (held == NULL) {
    dl_iterate_phdr(find_module, path);
    if (path[0] != '\0')
      held = dlopen(path, RTLD_NOW | RTLD_NOLOAD);
  }
  if (held != NULL) {
    *(void **)&reg = dlsym(held, "librdf_storage_module_register_factory");
    if (reg != NULL)
      reg(w);
  }
  pthread_mutex_unlock(&mu);
}
