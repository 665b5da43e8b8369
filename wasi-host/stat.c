/*===--- stat.c - Descriptor status, flags, rights, sizes and times --------===*
 *
 * \file
 * fd_fdstat_* and fd_filestat_*, and the filestat and set-times encodings
 * path_filestat_* share. In deterministic mode a filestat carries no
 * device, inode or time, and directories no size or link count, so that
 * output never depends on the machine or its file system.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

//===--- Encodings --------------------------------------------------------===//

static uint64_t ns(struct timespec t) {
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

void wasi_store_filestat(const wasi_ctx *ctx, uint8_t *out, const struct stat *st) {
  int fixed = ctx->deterministic;
  memset(out, 0, WASI_FILESTAT_SIZE);
  store_u64(out, fixed ? 0 : (uint64_t)st->st_dev);
  store_u64(out + 8, fixed ? 0 : (uint64_t)st->st_ino);
  out[16] = wasi_filetype_from_mode(st->st_mode);
  /* A directory's size and link count depend on the file system (ext4
   * says 4096 and 2 + subdirectories, btrfs other values): fixed too. */
  int fixed_dir = fixed && S_ISDIR(st->st_mode);
  store_u64(out + 24, fixed_dir ? 1 : (uint64_t)st->st_nlink);
  store_u64(out + 32, fixed_dir ? 0 : (uint64_t)st->st_size);
  store_u64(out + 40, fixed ? 0 : ns(st->st_atim));
  store_u64(out + 48, fixed ? 0 : ns(st->st_mtim));
  store_u64(out + 56, fixed ? 0 : ns(st->st_ctim));
}

/* fstflags */
#define FST_ATIM 1u
#define FST_ATIM_NOW 2u
#define FST_MTIM 4u
#define FST_MTIM_NOW 8u

static uint16_t one_time(uint64_t t, int set, int now, struct timespec *ts) {
  if (set && now)
    return WASI_ERRNO_INVAL;
  if (now)
    ts->tv_nsec = UTIME_NOW;
  else if (set) {
    ts->tv_sec = (time_t)(t / 1000000000u);
    ts->tv_nsec = (long)(t % 1000000000u);
  } else
    ts->tv_nsec = UTIME_OMIT;
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_set_times_spec(uint64_t atim, uint64_t mtim, uint32_t fst_flags,
                             struct timespec *ts) {
  if (fst_flags & ~(FST_ATIM | FST_ATIM_NOW | FST_MTIM | FST_MTIM_NOW))
    return WASI_ERRNO_INVAL;
  uint16_t err = one_time(atim, fst_flags & FST_ATIM, fst_flags & FST_ATIM_NOW, &ts[0]);
  if (err == WASI_ERRNO_SUCCESS)
    err = one_time(mtim, fst_flags & FST_MTIM, fst_flags & FST_MTIM_NOW, &ts[1]);
  return err;
}

//===--- fdstat -----------------------------------------------------------===//

/* The fdflags the host descriptor has. O_SYNC includes O_DSYNC's bits on
 * Linux, hence the full-mask tests. */
static uint16_t host_fdflags(int host_fd) {
  int fl = fcntl(host_fd, F_GETFL);
  if (fl < 0)
    return 0;
  uint16_t flags = 0;
  if (fl & O_APPEND)
    flags |= WASI_FDFLAG_APPEND;
  if (fl & O_NONBLOCK)
    flags |= WASI_FDFLAG_NONBLOCK;
  if ((fl & O_DSYNC) == O_DSYNC)
    flags |= WASI_FDFLAG_DSYNC;
  if ((fl & O_SYNC) == O_SYNC)
    flags |= WASI_FDFLAG_SYNC;
  return flags;
}

uint16_t wasi_fd_fdstat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *out = guest(mem, stat_out, WASI_FDSTAT_SIZE);
  if (!out)
    return WASI_ERRNO_FAULT;
  memset(out, 0, WASI_FDSTAT_SIZE); /* padding included */
  out[0] = wasi_host_filetype(e->host_fd);
  store_u16(out + 2, host_fdflags(e->host_fd));
  store_u64(out + 8, e->rights_base);
  store_u64(out + 16, e->rights_inheriting);
  return WASI_ERRNO_SUCCESS;
}

/* Linux can change only O_APPEND and O_NONBLOCK of an open descriptor;
 * asking for the sync flags is NOTSUP rather than silently ignored. */
uint16_t wasi_fd_fdstat_set_flags(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_FDSTAT_SET_FLAGS, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint32_t known = WASI_FDFLAG_APPEND | WASI_FDFLAG_DSYNC | WASI_FDFLAG_NONBLOCK |
                   WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC;
  if (flags & ~known)
    return WASI_ERRNO_INVAL;
  if (flags & (WASI_FDFLAG_DSYNC | WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC))
    return WASI_ERRNO_NOTSUP;
  int fl = fcntl(e->host_fd, F_GETFL);
  if (fl < 0)
    return wasi_errno_from_host(errno);
  fl &= ~(O_APPEND | O_NONBLOCK);
  fl |= (flags & WASI_FDFLAG_APPEND ? O_APPEND : 0) | (flags & WASI_FDFLAG_NONBLOCK ? O_NONBLOCK : 0);
  if (fcntl(e->host_fd, F_SETFL, fl) != 0)
    return wasi_errno_from_host(errno);
  return WASI_ERRNO_SUCCESS;
}

/* Rights only ever shrink: asking for one the descriptor lacks is
 * NOTCAPABLE and changes nothing. */
uint16_t wasi_fd_fdstat_set_rights(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t rights_base,
                                   uint64_t rights_inheriting) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if ((rights_base & ~e->rights_base) || (rights_inheriting & ~e->rights_inheriting))
    return WASI_ERRNO_NOTCAPABLE;
  e->rights_base = rights_base;
  e->rights_inheriting = rights_inheriting;
  return WASI_ERRNO_SUCCESS;
}

//===--- filestat ---------------------------------------------------------===//

/* A stream reports its file type only: it has no size or times the guest
 * could rely on, and host inode numbers of lent descriptors stay private. */
uint16_t wasi_fd_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_FILESTAT_GET, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *out = guest(mem, stat_out, WASI_FILESTAT_SIZE);
  if (!out)
    return WASI_ERRNO_FAULT;
  if (e->kind == WASI_FD_STREAM) {
    memset(out, 0, WASI_FILESTAT_SIZE);
    out[16] = wasi_host_filetype(e->host_fd);
    return WASI_ERRNO_SUCCESS;
  }
  struct stat st;
  if (fstat(e->host_fd, &st) != 0)
    return wasi_errno_from_host(errno);
  wasi_store_filestat(ctx, out, &st);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_fd_filestat_set_size(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t size) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_FILESTAT_SET_SIZE, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (size > INT64_MAX)
    return WASI_ERRNO_INVAL;
  if (ftruncate(e->host_fd, (off_t)size) != 0)
    return wasi_errno_from_host(errno);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_fd_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t atim,
                                    uint64_t mtim, uint32_t fst_flags) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_FILESTAT_SET_TIMES, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  struct timespec ts[2];
  err = wasi_set_times_spec(atim, mtim, fst_flags, ts);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (futimens(e->host_fd, ts) != 0)
    return wasi_errno_from_host(errno);
  return WASI_ERRNO_SUCCESS;
}
