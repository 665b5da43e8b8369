/*===--- errno.c - Host errno and file types in WASI terms ------------------===*
 *
 * \file
 * Translations from the host's view of an error or a descriptor to the
 * preview1 enumerations. Host numbers never reach the guest unmapped.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <errno.h>
#include <sys/stat.h>

uint16_t wasi_errno_from_host(int e) {
  switch (e) {
  case 0: return WASI_ERRNO_SUCCESS;
  case E2BIG: return WASI_ERRNO_2BIG;
  case EACCES: return WASI_ERRNO_ACCES;
  case EAGAIN: return WASI_ERRNO_AGAIN;
  case EBADF: return WASI_ERRNO_BADF;
  case EBUSY: return WASI_ERRNO_BUSY;
  case ECONNRESET: return WASI_ERRNO_CONNRESET;
  case EEXIST: return WASI_ERRNO_EXIST;
  case EFAULT: return WASI_ERRNO_FAULT;
  case EFBIG: return WASI_ERRNO_FBIG;
  case EINTR: return WASI_ERRNO_INTR;
  case EINVAL: return WASI_ERRNO_INVAL;
  case EIO: return WASI_ERRNO_IO;
  case EISDIR: return WASI_ERRNO_ISDIR;
  case ELOOP: return WASI_ERRNO_LOOP;
  case EMFILE: return WASI_ERRNO_MFILE;
  case ENAMETOOLONG: return WASI_ERRNO_NAMETOOLONG;
  case ENFILE: return WASI_ERRNO_NFILE;
  case ENOBUFS: return WASI_ERRNO_NOBUFS;
  case ENODEV: return WASI_ERRNO_NODEV;
  case ENOENT: return WASI_ERRNO_NOENT;
  case ENOMEM: return WASI_ERRNO_NOMEM;
  case ENOSPC: return WASI_ERRNO_NOSPC;
  case ENOSYS: return WASI_ERRNO_NOSYS;
  case ENOTDIR: return WASI_ERRNO_NOTDIR;
  case ENOTEMPTY: return WASI_ERRNO_NOTEMPTY;
  case ENOTSOCK: return WASI_ERRNO_NOTSOCK;
  case ENOTSUP: return WASI_ERRNO_NOTSUP;
  case ENOTTY: return WASI_ERRNO_NOTTY;
  case ENXIO: return WASI_ERRNO_NXIO;
  case EOVERFLOW: return WASI_ERRNO_OVERFLOW;
  case EPERM: return WASI_ERRNO_PERM;
  case EPIPE: return WASI_ERRNO_PIPE;
  case ERANGE: return WASI_ERRNO_RANGE;
  case EROFS: return WASI_ERRNO_ROFS;
  case ESPIPE: return WASI_ERRNO_SPIPE;
  case ETIMEDOUT: return WASI_ERRNO_TIMEDOUT;
  case ETXTBSY: return WASI_ERRNO_TXTBSY;
  case EXDEV: return WASI_ERRNO_XDEV;
  default: return WASI_ERRNO_IO;
  }
}

uint8_t wasi_filetype_from_mode(unsigned mode) {
  if (S_ISREG(mode))
    return WASI_FILETYPE_REGULAR_FILE;
  if (S_ISDIR(mode))
    return WASI_FILETYPE_DIRECTORY;
  if (S_ISCHR(mode))
    return WASI_FILETYPE_CHARACTER_DEVICE;
  if (S_ISBLK(mode))
    return WASI_FILETYPE_BLOCK_DEVICE;
  if (S_ISSOCK(mode))
    return WASI_FILETYPE_SOCKET_STREAM;
  if (S_ISLNK(mode))
    return WASI_FILETYPE_SYMBOLIC_LINK;
  return WASI_FILETYPE_UNKNOWN; /* FIFOs: preview1 has no type for them */
}

uint8_t wasi_host_filetype(int host_fd) {
  struct stat st;
  if (fstat(host_fd, &st) != 0)
    return WASI_FILETYPE_UNKNOWN;
  return wasi_filetype_from_mode(st.st_mode);
}
