/*===--- resolve.h - Guest paths resolved beneath a directory --------------===*
 *
 * \file
 * The sandbox: every path a guest names is resolved here, beneath the
 * directory descriptor it is relative to, and nothing outside that
 * directory is ever reached. Private to wasi-host/.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_RESOLVE_H
#define WASMC_WASI_RESOLVE_H

#include "internal.h"

#include <limits.h>

/* Copies guest path [path, path + len) into out (WASI_PATH_MAX + 1 bytes)
 * as a C string. WASI_ERRNO_FAULT for a bad range, NAMETOOLONG beyond
 * WASI_PATH_MAX (checked before a byte is copied), INVAL for an embedded
 * NUL (the host could not name it). */
uint16_t wasi_path_copy(wasi_mem mem, uint32_t path, uint32_t len, char *out);

/* A path resolved to the directory that holds its last component. */
typedef struct wasi_resolved {
  int dirfd;              /* O_PATH descriptor of that directory (owned) */
  char name[NAME_MAX + 1]; /* the last component, without '/'; "." when the
                              path names the directory itself */
  int slash;              /* the path ended in '/': it must be a directory */
} wasi_resolved;

/* What to do with a symlink in last position. */
enum wasi_last {
  /* Keep it, unless the path ends in '/' (POSIX resolves it then). */
  WASI_LAST_NOFOLLOW = 0,
  /* Expand it (lookupflags::symlink_follow). */
  WASI_LAST_FOLLOW = 1,
  /* Keep it even with a trailing '/': for calls on the directory entry
   * itself (mkdir, unlink, rmdir, rename, the new name of link and
   * symlink), which the kernel never follows and which get the '/' back
   * through wasi_resolved_name_slash. */
  WASI_LAST_ENTRY = 2
};

/* Resolves path beneath directory root. Absolute paths, ".." above root
 * and symlinks leading out of it are WASI_ERRNO_NOTCAPABLE; more than
 * WASI_SYMLINK_MAX symlinks are LOOP. Symlinks before the last component
 * are always expanded, the last one as `last` says, so that callers act on
 * out->name without following it (O_NOFOLLOW, AT_SYMLINK_NOFOLLOW): a
 * symlink swapped in afterwards is then acted on itself, never followed.
 * The caller closes out->dirfd on success. */
uint16_t wasi_resolve(wasi_ctx *ctx, int root, const char *path, enum wasi_last last,
                      wasi_resolved *out);

/* out->name for a host *at() call that must keep a trailing '/' (unlink,
 * rmdir, rename, ... whose kernel semantics depend on it and which never
 * follow the last component). buf has NAME_MAX + 2 bytes. */
const char *wasi_resolved_name_slash(const wasi_resolved *r, char *buf);

#endif /* WASMC_WASI_RESOLVE_H */
