/*===--- fd.c - Reading, writing and positioning descriptors ---------------===*
 *
 * \file
 * fd_read/fd_write and their positioned forms, seeking, closing and
 * renumbering, and the hints (advise, allocate, sync). Every function
 * looks the descriptor up with the rights it needs first (wasi_ctx_fd:
 * BADF, then NOTCAPABLE), then checks guest pointers, then acts.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

//===--- fd_read, fd_write, fd_pread, fd_pwrite ---------------------------===//

/* A transfer at the descriptor's position, or at `offset` if positioned. */
static ssize_t host_transfer(int fd, const struct iovec *iov, int n, int positioned,
                             uint64_t offset, int writing) {
  ssize_t done;
  do {
    if (!positioned)
      done = writing ? writev(fd, iov, n) : readv(fd, iov, n);
    else
      done = writing ? pwritev(fd, iov, n, (off_t)offset) : preadv(fd, iov, n, (off_t)offset);
  } while (done < 0 && errno == EINTR);
  return done;
}

/* One readv/writev (or preadv/pwritev) over the guest's iovecs. All of
 * them, and every buffer they name, are checked before the transfer, so a
 * bad one fails the call without moving a byte. The host iovec array
 * lives on the stack: the guest's count is bounded by WASI_IOV_MAX (16 KiB
 * of struct iovec), and the total is capped at UINT32_MAX bytes, the
 * largest count the u32 result can report (only overlapping buffers can
 * reach it). Empty buffers are dropped, so they cost the host nothing.
 * Written bytes are noted for the digest buffer by buffer, as far as the
 * host accepted them. */
static uint16_t transfer(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                         uint32_t iovs_len, int positioned, uint64_t offset, uint32_t count_out,
                         int writing) {
  uint64_t rights = writing ? WASI_RIGHT_FD_WRITE : WASI_RIGHT_FD_READ;
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, rights, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (positioned) {
    /* A stream has no position (as fd_seek); others need the seek right.
     * Offsets beyond INT64_MAX cannot be host offsets. */
    if (e->kind == WASI_FD_STREAM)
      return WASI_ERRNO_SPIPE;
    if (!(e->rights_base & WASI_RIGHT_FD_SEEK))
      return WASI_ERRNO_NOTCAPABLE;
    if (offset > INT64_MAX)
      return WASI_ERRNO_INVAL;
  }
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

  ssize_t done = host_transfer(e->host_fd, host, n, positioned, offset, writing);
  if (done < 0)
    return wasi_errno_from_host(errno);
  if (writing) {
    size_t left = (size_t)done;
    for (int i = 0; i < n && left > 0; ++i) {
      size_t part = host[i].iov_len < left ? host[i].iov_len : left;
      wasi_digest_note(ctx, fd, host[i].iov_base, part);
      left -= part;
    }
  }
  store_u32(count_p, (uint32_t)done);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_fd_read(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                      uint32_t nread_out) {
  return transfer(ctx, mem, fd, iovs, iovs_len, 0, 0, nread_out, 0);
}

uint16_t wasi_fd_write(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                       uint32_t iovs_len, uint32_t nwritten_out) {
  return transfer(ctx, mem, fd, iovs, iovs_len, 0, 0, nwritten_out, 1);
}

uint16_t wasi_fd_pread(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                       uint64_t offset, uint32_t nread_out) {
  return transfer(ctx, mem, fd, iovs, iovs_len, 1, offset, nread_out, 0);
}

uint16_t wasi_fd_pwrite(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                        uint32_t iovs_len, uint64_t offset, uint32_t nwritten_out) {
  return transfer(ctx, mem, fd, iovs, iovs_len, 1, offset, nwritten_out, 1);
}

//===--- Positions --------------------------------------------------------===//

/* Streams have no position, whatever the host descriptor is (a redirected
 * stdin may be a regular file, but the guest was lent a stream): ESPIPE,
 * as for a pipe, rather than a rights error, since the call is meaningful
 * and the answer is the one POSIX programs handle. Other descriptors need
 * FD_SEEK, or only FD_TELL for a seek by 0 from the current position. */
uint16_t wasi_fd_seek(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, int64_t offset, uint32_t whence,
                      uint32_t newoffset_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (e->kind != WASI_FD_STREAM) {
    int tell = offset == 0 && whence == WASI_WHENCE_CUR;
    err = wasi_ctx_fd(ctx, fd, tell ? WASI_RIGHT_FD_TELL : WASI_RIGHT_FD_SEEK, &e);
    if (err != WASI_ERRNO_SUCCESS)
      return err;
  }
  if (whence > WASI_WHENCE_END)
    return WASI_ERRNO_INVAL;
  if (e->kind == WASI_FD_STREAM)
    return WASI_ERRNO_SPIPE;
  uint8_t *out = guest(mem, newoffset_out, 8);
  if (!out)
    return WASI_ERRNO_FAULT;
  static const int host_whence[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  off_t pos = lseek(e->host_fd, (off_t)offset, host_whence[whence]);
  if (pos < 0)
    return wasi_errno_from_host(errno);
  store_u64(out, (uint64_t)pos);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_fd_tell(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t offset_out) {
  return wasi_fd_seek(ctx, mem, fd, 0, WASI_WHENCE_CUR, offset_out);
}

//===--- Closing and renumbering ------------------------------------------===//

/* Frees the slot; a stream's host descriptor stays open (lent). Preopens
 * can be closed like any descriptor, as in other runtimes. */
uint16_t wasi_fd_close(wasi_ctx *ctx, wasi_mem mem, uint32_t fd) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  wasi_fd_release(e);
  return WASI_ERRNO_SUCCESS;
}

/* Both descriptors must be open (BADF). What the embedder granted cannot
 * be replaced from inside: renumbering onto stdio (fds 0-2, which
 * path_open never allocates) or onto a preopened directory is
 * NOTCAPABLE, so stdio is never silently redirected into a file and a
 * granted directory never silently becomes another descriptor. Moving a
 * stdio stream away is allowed (wasi-testsuite's stdio test does it) and
 * leaves its slot closed. Renumbering onto itself is INVAL: runtimes that
 * treated it as "close the target, then move" lost the descriptor. */
uint16_t wasi_fd_renumber(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t to) {
  wasi_fd_entry *from, *target;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &from);
  if (err == WASI_ERRNO_SUCCESS)
    err = wasi_ctx_fd(ctx, to, 0, &target);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (fd == to)
    return WASI_ERRNO_INVAL;
  if (to < 3 || target->preopen_name)
    return WASI_ERRNO_NOTCAPABLE;
  wasi_fd_release(target);
  *target = *from;
  memset(from, 0, sizeof *from);
  return WASI_ERRNO_SUCCESS;
}

//===--- Hints ------------------------------------------------------------===//

uint16_t wasi_fd_advise(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t offset, uint64_t len,
                        uint32_t advice) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_ADVISE, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  static const int host_advice[] = {POSIX_FADV_NORMAL,   POSIX_FADV_SEQUENTIAL,
                                    POSIX_FADV_RANDOM,   POSIX_FADV_WILLNEED,
                                    POSIX_FADV_DONTNEED, POSIX_FADV_NOREUSE};
  if (advice > 5 || offset > INT64_MAX || len > INT64_MAX)
    return WASI_ERRNO_INVAL;
  /* Advice is only a hint: descriptors the host cannot advise (pipes)
   * accept it and ignore it. */
  int r = posix_fadvise(e->host_fd, (off_t)offset, (off_t)len, host_advice[advice]);
  return r == 0 || r == ESPIPE ? WASI_ERRNO_SUCCESS : wasi_errno_from_host(r);
}

/* Grows the file to cover [offset, offset + len) without shrinking it. */
uint16_t wasi_fd_allocate(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t offset, uint64_t len) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_ALLOCATE, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (offset > INT64_MAX || len > (uint64_t)INT64_MAX - offset)
    return WASI_ERRNO_INVAL;
  int r = posix_fallocate(e->host_fd, (off_t)offset, (off_t)len);
  return wasi_errno_from_host(r);
}

static uint16_t sync_fd(wasi_ctx *ctx, uint32_t fd, uint64_t right, int data_only) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, right, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if ((data_only ? fdatasync(e->host_fd) : fsync(e->host_fd)) != 0)
    return wasi_errno_from_host(errno);
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_fd_datasync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd) {
  return sync_fd(ctx, fd, WASI_RIGHT_FD_DATASYNC, 1);
}

uint16_t wasi_fd_sync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd) {
  return sync_fd(ctx, fd, WASI_RIGHT_FD_SYNC, 0);
}
