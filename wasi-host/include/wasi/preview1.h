/*===--- preview1.h - Constants and layouts of the preview1 ABI ------------===*
 *
 * \file
 * The numbers of wasi_snapshot_preview1 that a host must agree on with
 * guests, transcribed from the preview1 witx: errno values, rights bits,
 * file types, fd flags, clock ids, whence values and the byte layouts of
 * the structures the host writes into guest memory (all little-endian).
 * Data only: no functions, no host headers.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_PREVIEW1_H
#define WASMC_WASI_PREVIEW1_H

#include <stdint.h>

/* The import module name of every function in preview1.def. */
#define WASI_MODULE_NAME "wasi_snapshot_preview1"

/*===--- errno (u16) ------------------------------------------------------===*/

enum wasi_errno {
  WASI_ERRNO_SUCCESS = 0,
  WASI_ERRNO_2BIG = 1,
  WASI_ERRNO_ACCES = 2,
  WASI_ERRNO_ADDRINUSE = 3,
  WASI_ERRNO_ADDRNOTAVAIL = 4,
  WASI_ERRNO_AFNOSUPPORT = 5,
  WASI_ERRNO_AGAIN = 6,
  WASI_ERRNO_ALREADY = 7,
  WASI_ERRNO_BADF = 8,
  WASI_ERRNO_BADMSG = 9,
  WASI_ERRNO_BUSY = 10,
  WASI_ERRNO_CANCELED = 11,
  WASI_ERRNO_CHILD = 12,
  WASI_ERRNO_CONNABORTED = 13,
  WASI_ERRNO_CONNREFUSED = 14,
  WASI_ERRNO_CONNRESET = 15,
  WASI_ERRNO_DEADLK = 16,
  WASI_ERRNO_DESTADDRREQ = 17,
  WASI_ERRNO_DOM = 18,
  WASI_ERRNO_DQUOT = 19,
  WASI_ERRNO_EXIST = 20,
  WASI_ERRNO_FAULT = 21,
  WASI_ERRNO_FBIG = 22,
  WASI_ERRNO_HOSTUNREACH = 23,
  WASI_ERRNO_IDRM = 24,
  WASI_ERRNO_ILSEQ = 25,
  WASI_ERRNO_INPROGRESS = 26,
  WASI_ERRNO_INTR = 27,
  WASI_ERRNO_INVAL = 28,
  WASI_ERRNO_IO = 29,
  WASI_ERRNO_ISCONN = 30,
  WASI_ERRNO_ISDIR = 31,
  WASI_ERRNO_LOOP = 32,
  WASI_ERRNO_MFILE = 33,
  WASI_ERRNO_MLINK = 34,
  WASI_ERRNO_MSGSIZE = 35,
  WASI_ERRNO_MULTIHOP = 36,
  WASI_ERRNO_NAMETOOLONG = 37,
  WASI_ERRNO_NETDOWN = 38,
  WASI_ERRNO_NETRESET = 39,
  WASI_ERRNO_NETUNREACH = 40,
  WASI_ERRNO_NFILE = 41,
  WASI_ERRNO_NOBUFS = 42,
  WASI_ERRNO_NODEV = 43,
  WASI_ERRNO_NOENT = 44,
  WASI_ERRNO_NOEXEC = 45,
  WASI_ERRNO_NOLCK = 46,
  WASI_ERRNO_NOLINK = 47,
  WASI_ERRNO_NOMEM = 48,
  WASI_ERRNO_NOMSG = 49,
  WASI_ERRNO_NOPROTOOPT = 50,
  WASI_ERRNO_NOSPC = 51,
  WASI_ERRNO_NOSYS = 52,
  WASI_ERRNO_NOTCONN = 53,
  WASI_ERRNO_NOTDIR = 54,
  WASI_ERRNO_NOTEMPTY = 55,
  WASI_ERRNO_NOTRECOVERABLE = 56,
  WASI_ERRNO_NOTSOCK = 57,
  WASI_ERRNO_NOTSUP = 58,
  WASI_ERRNO_NOTTY = 59,
  WASI_ERRNO_NXIO = 60,
  WASI_ERRNO_OVERFLOW = 61,
  WASI_ERRNO_OWNERDEAD = 62,
  WASI_ERRNO_PERM = 63,
  WASI_ERRNO_PIPE = 64,
  WASI_ERRNO_PROTO = 65,
  WASI_ERRNO_PROTONOSUPPORT = 66,
  WASI_ERRNO_PROTOTYPE = 67,
  WASI_ERRNO_RANGE = 68,
  WASI_ERRNO_ROFS = 69,
  WASI_ERRNO_SPIPE = 70,
  WASI_ERRNO_SRCH = 71,
  WASI_ERRNO_STALE = 72,
  WASI_ERRNO_TIMEDOUT = 73,
  WASI_ERRNO_TXTBSY = 74,
  WASI_ERRNO_XDEV = 75,
  WASI_ERRNO_NOTCAPABLE = 76
};

/*===--- rights (u64) -----------------------------------------------------===*/

#define WASI_RIGHT_FD_DATASYNC (UINT64_C(1) << 0)
#define WASI_RIGHT_FD_READ (UINT64_C(1) << 1)
#define WASI_RIGHT_FD_SEEK (UINT64_C(1) << 2)
#define WASI_RIGHT_FD_FDSTAT_SET_FLAGS (UINT64_C(1) << 3)
#define WASI_RIGHT_FD_SYNC (UINT64_C(1) << 4)
#define WASI_RIGHT_FD_TELL (UINT64_C(1) << 5)
#define WASI_RIGHT_FD_WRITE (UINT64_C(1) << 6)
#define WASI_RIGHT_FD_ADVISE (UINT64_C(1) << 7)
#define WASI_RIGHT_FD_ALLOCATE (UINT64_C(1) << 8)
#define WASI_RIGHT_PATH_CREATE_DIRECTORY (UINT64_C(1) << 9)
#define WASI_RIGHT_PATH_CREATE_FILE (UINT64_C(1) << 10)
#define WASI_RIGHT_PATH_LINK_SOURCE (UINT64_C(1) << 11)
#define WASI_RIGHT_PATH_LINK_TARGET (UINT64_C(1) << 12)
#define WASI_RIGHT_PATH_OPEN (UINT64_C(1) << 13)
#define WASI_RIGHT_FD_READDIR (UINT64_C(1) << 14)
#define WASI_RIGHT_PATH_READLINK (UINT64_C(1) << 15)
#define WASI_RIGHT_PATH_RENAME_SOURCE (UINT64_C(1) << 16)
#define WASI_RIGHT_PATH_RENAME_TARGET (UINT64_C(1) << 17)
#define WASI_RIGHT_PATH_FILESTAT_GET (UINT64_C(1) << 18)
#define WASI_RIGHT_PATH_FILESTAT_SET_SIZE (UINT64_C(1) << 19)
#define WASI_RIGHT_PATH_FILESTAT_SET_TIMES (UINT64_C(1) << 20)
#define WASI_RIGHT_FD_FILESTAT_GET (UINT64_C(1) << 21)
#define WASI_RIGHT_FD_FILESTAT_SET_SIZE (UINT64_C(1) << 22)
#define WASI_RIGHT_FD_FILESTAT_SET_TIMES (UINT64_C(1) << 23)
#define WASI_RIGHT_PATH_SYMLINK (UINT64_C(1) << 24)
#define WASI_RIGHT_PATH_REMOVE_DIRECTORY (UINT64_C(1) << 25)
#define WASI_RIGHT_PATH_UNLINK_FILE (UINT64_C(1) << 26)
#define WASI_RIGHT_POLL_FD_READWRITE (UINT64_C(1) << 27)
#define WASI_RIGHT_SOCK_SHUTDOWN (UINT64_C(1) << 28)
#define WASI_RIGHT_SOCK_ACCEPT (UINT64_C(1) << 29)

/*===--- Enumerations -----------------------------------------------------===*/

enum wasi_filetype {
  WASI_FILETYPE_UNKNOWN = 0,
  WASI_FILETYPE_BLOCK_DEVICE = 1,
  WASI_FILETYPE_CHARACTER_DEVICE = 2,
  WASI_FILETYPE_DIRECTORY = 3,
  WASI_FILETYPE_REGULAR_FILE = 4,
  WASI_FILETYPE_SOCKET_DGRAM = 5,
  WASI_FILETYPE_SOCKET_STREAM = 6,
  WASI_FILETYPE_SYMBOLIC_LINK = 7
};

/* fdflags (u16) */
#define WASI_FDFLAG_APPEND (1u << 0)
#define WASI_FDFLAG_DSYNC (1u << 1)
#define WASI_FDFLAG_NONBLOCK (1u << 2)
#define WASI_FDFLAG_RSYNC (1u << 3)
#define WASI_FDFLAG_SYNC (1u << 4)

enum wasi_clockid {
  WASI_CLOCK_REALTIME = 0,
  WASI_CLOCK_MONOTONIC = 1,
  WASI_CLOCK_PROCESS_CPUTIME_ID = 2,
  WASI_CLOCK_THREAD_CPUTIME_ID = 3
};

enum wasi_whence { WASI_WHENCE_SET = 0, WASI_WHENCE_CUR = 1, WASI_WHENCE_END = 2 };

/*===--- Structure layouts in guest memory --------------------------------===*/

/* iovec / ciovec: buf (u32 pointer) at 0, buf_len (u32) at 4. */
#define WASI_IOVEC_SIZE 8u

/* fdstat: fs_filetype (u8) at 0, fs_flags (u16) at 2, fs_rights_base (u64)
 * at 8, fs_rights_inheriting (u64) at 16. */
#define WASI_FDSTAT_SIZE 24u

/* filestat: dev at 0, ino at 8, filetype (u8) at 16, nlink at 24, size at
 * 32, atim at 40, mtim at 48, ctim at 56 (all u64 but filetype). */
#define WASI_FILESTAT_SIZE 64u

/* prestat: tag (u8, 0 = dir) at 0, pr_name_len (u32) at 4. */
#define WASI_PRESTAT_SIZE 8u

#endif /* WASMC_WASI_PREVIEW1_H */
