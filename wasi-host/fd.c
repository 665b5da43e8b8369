/*===--- fd.c - Descriptor functions over streams ---------------------------===*
 *
 * \file
 * fd_read/fd_write and the descriptor queries for the kinds of descriptor
 * the host has so far: WASI_FD_STREAM, a host descriptor the embedder
 * lends (stdio). Every function looks the descriptor up with the rights it
 * needs first (wasi_ctx_fd: BADF, then PERM), then checks guest
 * pointers, then acts.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>

//===--- fd_read, fd_write ------------------------------------------------===//

/* One readv/writev over the guest's iovecs. All of them, and every buffer
 * they name, are checked before the transfer, so a bad one fails the call
 * without moving a byte. The host iovec array lives on the stack: the
 * guest's count is bounded by WASI_IOV_MAX (16 KiB of struct iovec), and
 * the total is capped at UINT32_MAX bytes, the largest count the u32
 * result can report (only overlapping buffers can reach it). Empty
 * buffers are dropped, so they cost the host nothing. */
static uint16_t transfer(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                         uint32_t iovs_len, uint32_t count_out, int writing) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, writing ? WASI_RIGHT_FD_WRITE : WASI_RIGHT_FD_READ, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (iovs_len > WASI_IOV_MAX)
    return WASI_ERRNO_INVAL;
  uint8_t *iov = guest(mem, iovs, (uint64_t)iovs_len * WASI_IOVEC_SIZE);
  uint8_t *count_p = guest(mem, count_out, 4);
  if (!iov || !count_p)
    return WASI_ERRNO_FAULT;

  struct iovec host[WASI_IOV_MAX];
  int n = 0;
  uint64_t total = 0;
  for (uint32_t i = 0; i < iovs_len; ++i) {
    uint32_t len = load_u32(iov + WASI_IOVEC_SIZE * i + 4);
    uint8_t *buf = guest(mem, load_u32(iov + WASI_IOVEC_SIZE * i), len);
    if (!buf)
      return WASI_ERRNO_FAULT;
    uint64_t room = UINT32_MAX - total;
    uint64_t take = len < room ? len : room;
    if (take == 0)
      continue;
    host[n].iov_base = buf;
    host[n].iov_len = (size_t)take;
    ++n;
    total += take;
  }

  ssize_t done;
  do
    done = writing ? writev(e->host_fd, host, n) : readv(e->host_fd, host, n);
  while (done < 0 && errno == EINTR);
  if (done < 0)
    return wasi_errno_from_host(errno);
  store_u32(count_p, (uint32_t)done);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_fd_read(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                      uint32_t nread_out) {
  return transfer(ctx, mem, fd, iovs, iovs_len, nread_out, 0);
}

uint16_t wasi_fd_write(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                       uint32_t iovs_len, uint32_t nwritten_out) {
  return transfer(ctx, mem, fd, iovs, iovs_len, nwritten_out, 1);
}

//===--- Closing and querying ---------------------------------------------===//

uint16_t wasi_fd_close(wasi_ctx *ctx, wasi_mem mem, uint32_t fd) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  /* A stream's host descriptor belongs to the embedder: forget it only. */
  memset(e, 0, sizeof *e);
  return WASI_ERRNO_SUCCESS;
}

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

uint16_t wasi_fd_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_FILESTAT_GET, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *out = guest(mem, stat_out, WASI_FILESTAT_SIZE);
  if (!out)
    return WASI_ERRNO_FAULT;
  memset(out, 0, WASI_FILESTAT_SIZE);
  out[16] = wasi_host_filetype(e->host_fd);
  return WASI_ERRNO_SUCCESS;
}

//===--- Positions --------------------------------------------------------===//

/* Streams have no position, whatever the host descriptor is (a redirected
 * stdin may be a regular file, but the guest was lent a stream): ESPIPE,
 * as for a pipe, rather than a rights error, since the call is meaningful
 * and the answer is the one POSIX programs handle. */
uint16_t wasi_fd_seek(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, int64_t offset, uint32_t whence,
                      uint32_t newoffset_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (whence > WASI_WHENCE_END)
    return WASI_ERRNO_INVAL;
  return WASI_ERRNO_SPIPE;
}

uint16_t wasi_fd_tell(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t offset_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  return WASI_ERRNO_SPIPE;
}

//===--- Preopens ---------------------------------------------------------===//

/* No descriptor is a preopened directory yet; BADF is preview1's answer
 * both for "not open" and "open but not a preopen". */
uint16_t wasi_fd_prestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t prestat_out) {
  return WASI_ERRNO_BADF;
}

uint16_t wasi_fd_prestat_dir_name(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                  uint32_t path_len) {
  return WASI_ERRNO_BADF;
}
