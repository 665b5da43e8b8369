/*===--- path_entry.c - path_* calls on a directory entry ------------------===*
 *
 * \file
 * Creating, removing, renaming, linking, reading and stating entries by
 * path. Each resolves the path's directory beneath the descriptor
 * (resolve.c) and acts with the *at() call on the last component, which
 * is never followed: a symlink there is expanded by the resolver when the
 * call follows it, and otherwise acted on itself.
 *
 *===----------------------------------------------------------------------===*/
#include "resolve.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h> /* renameat */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LOOKUP_SYMLINK_FOLLOW 1u

/* Looks up directory fd with `rights`, copies the guest path and resolves
 * it. On success the caller closes r->dirfd. */
static uint16_t resolve_at(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t rights,
                           uint32_t path, uint32_t path_len, enum wasi_last last,
                           wasi_resolved *r) {
  wasi_fd_entry *dir;
  uint16_t err = wasi_ctx_dir(ctx, fd, rights, &dir);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char text[WASI_PATH_MAX + 1];
  err = wasi_path_copy(mem, path, path_len, text);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  return wasi_resolve(ctx, dir->host_fd, text, last, r);
}

/* The WASI result of a host call's return value r, closing what was resolved. */
static uint16_t done(int r, wasi_resolved *a, wasi_resolved *b) {
  uint16_t err = r == 0 ? WASI_ERRNO_SUCCESS : wasi_errno_from_host(errno);
  close(a->dirfd);
  if (b)
    close(b->dirfd);
  return err;
}

uint16_t wasi_path_create_directory(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                    uint32_t path_len) {
  wasi_resolved r;
  uint16_t err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_CREATE_DIRECTORY, path, path_len,
                            WASI_LAST_ENTRY, &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char buf[NAME_MAX + 2];
  return done(mkdirat(r.dirfd, wasi_resolved_name_slash(&r, buf), 0777), &r, NULL);
}

uint16_t wasi_path_unlink_file(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                               uint32_t path_len) {
  wasi_resolved r;
  uint16_t err =
      resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_UNLINK_FILE, path, path_len, WASI_LAST_ENTRY, &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char buf[NAME_MAX + 2];
  return done(unlinkat(r.dirfd, wasi_resolved_name_slash(&r, buf), 0), &r, NULL);
}

uint16_t wasi_path_remove_directory(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                    uint32_t path_len) {
  wasi_resolved r;
  uint16_t err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_REMOVE_DIRECTORY, path, path_len,
                            WASI_LAST_ENTRY, &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char buf[NAME_MAX + 2];
  return done(unlinkat(r.dirfd, wasi_resolved_name_slash(&r, buf), AT_REMOVEDIR), &r, NULL);
}

/* Both paths are resolved, each beneath its own descriptor, before the
 * host call; the destination needs PATH_RENAME_TARGET, which a read-only
 * grant lacks. */
uint16_t wasi_path_rename(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t old_path,
                          uint32_t old_path_len, uint32_t new_fd, uint32_t new_path,
                          uint32_t new_path_len) {
  wasi_fd_entry *unused;
  uint16_t err = wasi_ctx_dir(ctx, new_fd, WASI_RIGHT_PATH_RENAME_TARGET, &unused);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  wasi_resolved from, to;
  err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_RENAME_SOURCE, old_path, old_path_len,
                   WASI_LAST_ENTRY, &from);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  err = resolve_at(ctx, mem, new_fd, WASI_RIGHT_PATH_RENAME_TARGET, new_path, new_path_len,
                   WASI_LAST_ENTRY, &to);
  if (err != WASI_ERRNO_SUCCESS) {
    close(from.dirfd);
    return err;
  }
  char a[NAME_MAX + 2], b[NAME_MAX + 2];
  int r = renameat(from.dirfd, wasi_resolved_name_slash(&from, a), to.dirfd,
                   wasi_resolved_name_slash(&to, b));
  return done(r, &from, &to);
}

/* The source is followed if old_flags say so (the resolver expands it,
 * so linkat itself never follows). */
uint16_t wasi_path_link(wasi_ctx *ctx, wasi_mem mem, uint32_t old_fd, uint32_t old_flags,
                        uint32_t old_path, uint32_t old_path_len, uint32_t new_fd,
                        uint32_t new_path, uint32_t new_path_len) {
  wasi_fd_entry *unused;
  uint16_t err = wasi_ctx_dir(ctx, new_fd, WASI_RIGHT_PATH_LINK_TARGET, &unused);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (old_flags & ~LOOKUP_SYMLINK_FOLLOW)
    return WASI_ERRNO_INVAL;
  wasi_resolved from, to;
  err = resolve_at(ctx, mem, old_fd, WASI_RIGHT_PATH_LINK_SOURCE, old_path, old_path_len,
                   old_flags & LOOKUP_SYMLINK_FOLLOW ? WASI_LAST_FOLLOW : WASI_LAST_ENTRY, &from);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  err = resolve_at(ctx, mem, new_fd, WASI_RIGHT_PATH_LINK_TARGET, new_path, new_path_len,
                   WASI_LAST_ENTRY, &to);
  if (err != WASI_ERRNO_SUCCESS) {
    close(from.dirfd);
    return err;
  }
  char a[NAME_MAX + 2], b[NAME_MAX + 2];
  int r = linkat(from.dirfd, wasi_resolved_name_slash(&from, a), to.dirfd,
                 wasi_resolved_name_slash(&to, b), 0);
  return done(r, &from, &to);
}

/* An absolute target is NOTCAPABLE, as in other runtimes (such a symlink
 * could never be followed). A relative one is stored as given, even if
 * it climbs out: every resolution through it is refused. */
uint16_t wasi_path_symlink(wasi_ctx *ctx, wasi_mem mem, uint32_t old_path, uint32_t old_path_len,
                           uint32_t fd, uint32_t new_path, uint32_t new_path_len) {
  wasi_fd_entry *unused;
  uint16_t err = wasi_ctx_dir(ctx, fd, WASI_RIGHT_PATH_SYMLINK, &unused);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char target[WASI_PATH_MAX + 1];
  err = wasi_path_copy(mem, old_path, old_path_len, target);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (target[0] == '/')
    return WASI_ERRNO_NOTCAPABLE;
  wasi_resolved r;
  err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_SYMLINK, new_path, new_path_len, WASI_LAST_ENTRY,
                   &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char buf[NAME_MAX + 2];
  return done(symlinkat(target, r.dirfd, wasi_resolved_name_slash(&r, buf)), &r, NULL);
}

/* Copies at most buf_len bytes of the contents (truncating, as readlink
 * does); *bufused_out is the count copied. */
uint16_t wasi_path_readlink(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                            uint32_t path_len, uint32_t buf, uint32_t buf_len,
                            uint32_t bufused_out) {
  wasi_fd_entry *unused;
  uint16_t err = wasi_ctx_dir(ctx, fd, WASI_RIGHT_PATH_READLINK, &unused);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *dst = guest(mem, buf, buf_len);
  uint8_t *used = guest(mem, bufused_out, 4);
  if (!dst || !used)
    return WASI_ERRNO_FAULT;
  wasi_resolved r;
  err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_READLINK, path, path_len, WASI_LAST_NOFOLLOW,
                   &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  char target[WASI_PATH_MAX + 1];
  ssize_t n = readlinkat(r.dirfd, r.name, target, sizeof target);
  err = n < 0 ? wasi_errno_from_host(errno) : WASI_ERRNO_SUCCESS;
  close(r.dirfd);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  size_t len = (size_t)n < buf_len ? (size_t)n : buf_len;
  memcpy(dst, target, len);
  store_u32(used, (uint32_t)len);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_path_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                                uint32_t path, uint32_t path_len, uint32_t stat_out) {
  wasi_fd_entry *unused;
  uint16_t err = wasi_ctx_dir(ctx, fd, WASI_RIGHT_PATH_FILESTAT_GET, &unused);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *out = guest(mem, stat_out, WASI_FILESTAT_SIZE);
  if (!out)
    return WASI_ERRNO_FAULT;
  wasi_resolved r;
  err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_FILESTAT_GET, path, path_len,
                   flags & LOOKUP_SYMLINK_FOLLOW ? WASI_LAST_FOLLOW : WASI_LAST_NOFOLLOW, &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  struct stat st;
  int rc = fstatat(r.dirfd, r.name, &st, AT_SYMLINK_NOFOLLOW);
  err = rc != 0 ? wasi_errno_from_host(errno)
        : r.slash && !S_ISDIR(st.st_mode) ? WASI_ERRNO_NOTDIR
                                          : WASI_ERRNO_SUCCESS;
  close(r.dirfd);
  if (err == WASI_ERRNO_SUCCESS)
    wasi_store_filestat(ctx, out, &st);
  return err;
}

uint16_t wasi_path_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                                      uint32_t path, uint32_t path_len, uint64_t atim,
                                      uint64_t mtim, uint32_t fst_flags) {
  wasi_fd_entry *unused;
  uint16_t err = wasi_ctx_dir(ctx, fd, WASI_RIGHT_PATH_FILESTAT_SET_TIMES, &unused);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  struct timespec ts[2];
  err = wasi_set_times_spec(atim, mtim, fst_flags, ts);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  wasi_resolved r;
  err = resolve_at(ctx, mem, fd, WASI_RIGHT_PATH_FILESTAT_SET_TIMES, path, path_len,
                   flags & LOOKUP_SYMLINK_FOLLOW ? WASI_LAST_FOLLOW : WASI_LAST_NOFOLLOW, &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  return done(utimensat(r.dirfd, r.name, ts, AT_SYMLINK_NOFOLLOW), &r, NULL);
}
