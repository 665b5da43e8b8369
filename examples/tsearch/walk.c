/* walk.c: visiting a path, recursing into directories in name order.
 *
 * Entries are read completely and the directory closed before recursing,
 * so the walk holds one directory descriptor at a time however deep the
 * tree is, and the order (strcmp of names) is the same on every system. */
#include "tsearch.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Deeper than this is almost certainly a loop of followed symlinks (-L). */
#define TS_MAX_DEPTH 64

struct names {
  char **item;
  size_t count, cap;
};

static int add_name(struct names *n, const char *name) {
  if (n->count == n->cap) {
    size_t cap = n->cap ? 2 * n->cap : 16;
    char **item = realloc(n->item, cap * sizeof *item);
    if (!item)
      return -1;
    n->item = item;
    n->cap = cap;
  }
  if (!(n->item[n->count] = strdup(name)))
    return -1;
  n->count++;
  return 0;
}

static void free_names(struct names *n) {
  for (size_t i = 0; i < n->count; ++i)
    free(n->item[i]);
  free(n->item);
}

/* Names are unique within a directory, so qsort's instability cannot
 * show. */
static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* dir + "/" + name, without doubling a slash the directory ends with. */
static char *join(const char *dir, const char *name) {
  size_t d = strlen(dir), n = strlen(name);
  int slash = d > 0 && dir[d - 1] != '/';
  char *path = malloc(d + slash + n + 1);
  if (!path)
    return NULL;
  memcpy(path, dir, d);
  if (slash)
    path[d] = '/';
  memcpy(path + d + slash, name, n + 1);
  return path;
}

/* Reads the names in dir, "." and ".." left out, sorted. */
static int read_names(struct ts_search *s, const char *dir, struct names *n) {
  DIR *d = opendir(dir);
  if (!d) {
    ts_error(s, dir, errno);
    return -1;
  }
  struct dirent *e;
  int failed = 0;
  errno = 0;
  while (!failed && (e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
      continue;
    failed = add_name(n, e->d_name) != 0;
    errno = 0;
  }
  int err = failed ? ENOMEM : errno;
  closedir(d);
  if (err) {
    ts_error(s, dir, err);
    return -1;
  }
  qsort(n->item, n->count, sizeof *n->item, by_name);
  return 0;
}

static void visit(struct ts_search *s, const char *path, int top, int depth);

static void walk_dir(struct ts_search *s, const char *dir, int depth) {
  if (depth >= TS_MAX_DEPTH) {
    ts_error_msg(s, dir, "too deep (a loop of symbolic links?)");
    return;
  }
  struct names n = {0};
  if (read_names(s, dir, &n) == 0) {
    for (size_t i = 0; i < n.count; ++i) {
      char *path = join(dir, n.item[i]);
      if (!path) {
        ts_error(s, dir, ENOMEM);
        break;
      }
      visit(s, path, 0, depth + 1);
      free(path);
    }
  }
  free_names(&n);
}

static void visit(struct ts_search *s, const char *path, int top, int depth) {
  struct stat st;
  /* Like grep -r: a link named on the command line is followed, one met
   * inside a directory only with -L. */
  int follow = top || s->opt.follow_links;
  if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
    ts_error(s, path, errno);
    return;
  }
  if (S_ISDIR(st.st_mode))
    walk_dir(s, path, depth);
  else if (S_ISREG(st.st_mode))
    ts_scan_file(s, path);
  /* Unfollowed links, devices, fifos and sockets are skipped silently:
   * reading a fifo could block forever. */
}

void ts_visit(struct ts_search *s, const char *path, int top) { visit(s, path, top, 0); }
