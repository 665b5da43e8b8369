/*===--- path_open.c - Opening files and directories by path ---------------===*
 *
 * \file
 * path_open: the only way the guest gets a new descriptor. The path is
 * resolved beneath the directory descriptor (resolve.c), the last
 * component is opened with O_NOFOLLOW, and the new descriptor's rights
 * are what was asked for, which must lie within the directory's
 * inheriting rights.
 *
 *===----------------------------------------------------------------------===*/
#include "resolve.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* oflags and lookupflags */
#define OFLAG_CREAT 1u
#define OFLAG_DIRECTORY 2u
#define OFLAG_EXCL 4u
#define OFLAG_TRUNC 8u
#define LOOKUP_SYMLINK_FOLLOW 1u

/* The host open(2) flags for a preview1 open. The access mode follows the
 * rights: reading if the descriptor may read, writing if it may write,
 * allocate or truncate, so the host descriptor never allows more than the
 * rights do. */
static int host_oflags(uint32_t oflags, uint64_t rights, uint32_t fdflags, int slash) {
  int rd = (rights & (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_READDIR)) != 0;
  int wr = (rights & WASI_RIGHTS_WRITE_ACCESS) != 0;
  int fl = O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | (wr ? (rd ? O_RDWR : O_WRONLY) : O_RDONLY);
  if (oflags & OFLAG_CREAT)
    fl |= O_CREAT;
  if (oflags & OFLAG_EXCL)
    fl |= O_EXCL;
  if (oflags & OFLAG_TRUNC)
    fl |= O_TRUNC;
  if ((oflags & OFLAG_DIRECTORY) || slash)
    fl |= O_DIRECTORY;
  if (fdflags & WASI_FDFLAG_APPEND)
    fl |= O_APPEND;
  if (fdflags & WASI_FDFLAG_NONBLOCK)
    fl |= O_NONBLOCK;
  if (fdflags & WASI_FDFLAG_DSYNC)
    fl |= O_DSYNC;
  if (fdflags & (WASI_FDFLAG_SYNC | WASI_FDFLAG_RSYNC))
    fl |= O_SYNC;
  return fl;
}

/* Rights: creating needs PATH_CREATE_FILE and truncating
 * PATH_FILESTAT_SET_SIZE on the directory. The requested rights must lie
 * within the directory's inheriting rights (NOTCAPABLE otherwise), with
 * one exception: below a read-only grant, the mutating rights that do not
 * need write access (sync, set-times, set-flags, path rights), which
 * programs such as Rust's std ask for on every open, are dropped
 * silently. The new descriptor keeps only the rights its kind can use. */
uint16_t wasi_path_open(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t dirflags, uint32_t path,
                        uint32_t path_len, uint32_t oflags, uint64_t rights_base,
                        uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_out) {
  uint64_t needed = WASI_RIGHT_PATH_OPEN;
  if (oflags & OFLAG_CREAT)
    needed |= WASI_RIGHT_PATH_CREATE_FILE;
  if (oflags & OFLAG_TRUNC)
    needed |= WASI_RIGHT_PATH_FILESTAT_SET_SIZE;
  wasi_fd_entry *dir;
  uint16_t err = wasi_ctx_dir(ctx, fd, needed, &dir);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (dir->readonly) {
    uint64_t dropped = WASI_RIGHTS_MUTATING & ~WASI_RIGHTS_WRITE_ACCESS;
    rights_base &= ~dropped;
    rights_inheriting &= ~dropped;
  }
  if ((rights_base | rights_inheriting) & ~dir->rights_inheriting)
    return WASI_ERRNO_NOTCAPABLE;
  uint8_t *out = guest(mem, fd_out, 4);
  if (!out)
    return WASI_ERRNO_FAULT;
  uint32_t known_fdflags = WASI_FDFLAG_APPEND | WASI_FDFLAG_DSYNC | WASI_FDFLAG_NONBLOCK |
                           WASI_FDFLAG_RSYNC | WASI_FDFLAG_SYNC;
  if ((oflags & ~15u) || (fdflags & ~known_fdflags) || (dirflags & ~LOOKUP_SYMLINK_FOLLOW))
    return WASI_ERRNO_INVAL;
  char text[WASI_PATH_MAX + 1];
  err = wasi_path_copy(mem, path, path_len, text);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint32_t slot;
  err = wasi_ctx_free_fd(ctx, &slot);
  if (err != WASI_ERRNO_SUCCESS)
    return err;

  wasi_resolved r;
  err = wasi_resolve(ctx, dir->host_fd, text,
                     dirflags & LOOKUP_SYMLINK_FOLLOW ? WASI_LAST_FOLLOW : WASI_LAST_NOFOLLOW, &r);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  int host = openat(r.dirfd, r.name, host_oflags(oflags, rights_base, fdflags, r.slash), 0666);
  int open_errno = errno;
  close(r.dirfd);
  if (host < 0)
    return wasi_errno_from_host(open_errno);
  struct stat st;
  if (fstat(host, &st) != 0) {
    err = wasi_errno_from_host(errno);
    close(host);
    return err;
  }

  wasi_fd_entry *e = &ctx->fds[slot];
  int is_dir = S_ISDIR(st.st_mode);
  e->kind = is_dir ? WASI_FD_DIR : WASI_FD_FILE;
  e->readonly = dir->readonly;
  e->host_fd = host;
  e->rights_base = rights_base & (is_dir ? WASI_RIGHTS_DIRECTORY : WASI_RIGHTS_REGULAR_FILE);
  e->rights_inheriting = is_dir ? rights_inheriting : 0;
  e->preopen_name = NULL;
  e->dir = NULL;
  store_u32(out, slot);
  return WASI_ERRNO_SUCCESS;
}
