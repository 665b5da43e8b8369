/*===--- host.h - The engine-neutral WASI preview1 host --------------------===*
 *
 * \file
 * One implementation of wasi_snapshot_preview1 for both engines: compiled
 * executables (runtime-lib/wasi_imports.c) and the reference interpreter
 * (compiler/interp/WasiImports.cpp). Nothing here knows either engine: a
 * call gets the embedder's wasi_ctx and the calling instance's memory as a
 * plain wasi_mem, and returns a WASI errno. C11, no C++ runtime, no
 * exceptions, no global mutable state (all state is in the wasi_ctx).
 *
 * Design rules, which every function below follows:
 *  - Default deny. A fresh wasi_ctx has no arguments, no environment and
 *    no descriptors, not even stdio; the embedder grants each of them.
 *    Every descriptor carries rights, checked before anything else: an
 *    operation the rights do not allow returns WASI_ERRNO_NOTCAPABLE
 *    ("capabilities insufficient", preview1's errno for exactly this;
 *    wasi-testsuite accepts it everywhere a rights error is checked).
 *  - The sandbox. Every path is resolved beneath the directory descriptor
 *    it is relative to (resolve.c): absolute paths, ".." above that
 *    directory and symlinks leading out of it (absolute or relative
 *    targets, chains, trailing slashes, a symlink swapped in between
 *    checks) are WASI_ERRNO_NOTCAPABLE too. Paths are at most
 *    WASI_PATH_MAX bytes (NAMETOOLONG beyond).
 *  - Guest memory is untrusted. Every guest pointer is checked against
 *    mem.size before the first byte is read or written (WASI_ERRNO_FAULT,
 *    nothing written); a function either fails without touching guest
 *    memory or succeeds. Guest lengths never size a host allocation:
 *    iovec arrays longer than WASI_IOV_MAX are WASI_ERRNO_INVAL (as
 *    POSIX readv/writev do with IOV_MAX), and random_get fills its buffer
 *    in chunks of at most WASI_RANDOM_CHUNK bytes.
 *  - Nothing traps and nothing exits. proc_exit records its code in the
 *    context and returns WASI_CALL_EXIT; each adapter turns that into its
 *    own unwind (compiled code: exit(); the interpreter: a trap that ends
 *    the computation, see WasiImports.h).
 *
 * Adapters reach the functions through the table (wasi_functions: name,
 * Wasm signature and a uniform entry point), so that an import's name and
 * type are checked in one place for both engines. No socket is ever
 * granted: the sock_* functions answer BADF or NOTSOCK.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_HOST_H
#define WASMC_WASI_HOST_H

#include "wasi/preview1.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*===--- Guest memory ------------------------------------------------------===*/

/* The linear memory of the calling instance: bytes [base, base + size).
 * An instance without memory passes {NULL, 0}, so every pointer faults. */
typedef struct wasi_mem {
  uint8_t *base;
  uint64_t size;
} wasi_mem;

/*===--- The context -------------------------------------------------------===*/

/* Longest iovec array fd_read/fd_write accept (POSIX IOV_MAX on Linux). */
#define WASI_IOV_MAX 1024u
/* Largest piece of a random_get buffer filled by one random source call. */
#define WASI_RANDOM_CHUNK 65536u
/* Guest descriptors 0 .. WASI_MAX_FDS-1. */
#define WASI_MAX_FDS 64u

/* What a guest descriptor refers to; WASI_FD_FREE slots are not open. */
enum wasi_fd_kind {
  WASI_FD_FREE = 0,
  /* A host descriptor the embedder lends (stdio): never seekable, and
   * fd_close only forgets it, because the embedder still owns it (the
   * runtime reports traps on the host's stderr after the guest closed
   * its fd 2). */
  WASI_FD_STREAM = 1,
  /* A non-directory host descriptor the context owns (a regular file, a
   * device, a FIFO opened by path_open): closed with the guest fd. */
  WASI_FD_FILE = 2,
  /* A directory the context owns: a preopen (preopen_name != NULL) or one
   * opened by path_open. Paths are resolved beneath it. */
  WASI_FD_DIR = 3
};

/* fd_readdir's state of a directory descriptor (readdir.c). */
struct wasi_dir_state;

typedef struct wasi_fd_entry {
  uint8_t kind;               /* enum wasi_fd_kind */
  /* Reached through a read-only grant: its rights lack
   * WASI_RIGHTS_MUTATING, and path_open drops those of them that need no
   * write access from requests instead of refusing them. */
  uint8_t readonly;
  int host_fd;                /* the host descriptor used for I/O */
  uint64_t rights_base;       /* WASI_RIGHT_* this descriptor allows */
  uint64_t rights_inheriting; /* rights of descriptors opened from it */
  char *preopen_name;         /* a preopen's guest name (owned), else NULL */
  struct wasi_dir_state *dir; /* owned; NULL until the first fd_readdir */
} wasi_fd_entry;

/* The sources of time and randomness, injected so that a deterministic
 * configuration is only different functions, not a different code path.
 * Each returns a WASI errno. wasi_ctx_init installs the host's. */
typedef struct wasi_sources {
  /* Time of clock `id` (a valid wasi_clockid) in nanoseconds. */
  uint16_t (*clock_time)(void *data, uint32_t id, uint64_t precision, uint64_t *out);
  /* Resolution of clock `id` in nanoseconds. */
  uint16_t (*clock_res)(void *data, uint32_t id, uint64_t *out);
  /* Fills buf[0, len) completely; len <= WASI_RANDOM_CHUNK. */
  uint16_t (*random)(void *data, uint8_t *buf, size_t len);
  /* Lets ns nanoseconds of virtual time pass, for a poll_oneoff whose
   * clocks would make it wait; NULL for the host's real clocks, on which
   * the poll really waits. */
  void (*wait)(void *data, uint64_t ns);
  void *data;
} wasi_sources;

/* Everything one WASI program sees of its host. The embedder owns it and
 * configures it with the functions below; the strings it lends must
 * outlive it. One context serves one program at a time (not thread-safe). */
typedef struct wasi_ctx {
  uint32_t argc;
  const char *const *argv;
  uint32_t envc;
  const char *const *environ; /* "NAME=VALUE" strings */
  wasi_fd_entry fds[WASI_MAX_FDS];
  wasi_sources sources;
  /* Set by proc_exit. */
  int exited;
  uint32_t exit_code;
  /* Deterministic mode (wasi_ctx_set_deterministic): fixed file times and
   * inode numbers, directory entries sorted by name, polls that never
   * wait on the host. */
  int deterministic;
  /* The running SHA-256 of everything the guest wrote, or NULL when no
   * digest was asked for (wasi_ctx_enable_digest). */
  struct wasi_digest *digest;
  /* How paths are resolved beneath a directory (enum wasi_resolve_mode);
   * WASI_RESOLVE_AUTO probes openat2 on first use and records the answer
   * here. Tests force WASI_RESOLVE_WALK to exercise the fallback. */
  uint8_t resolve;
} wasi_ctx;

enum wasi_resolve_mode {
  WASI_RESOLVE_AUTO = 0,
  /* openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS): the kernel refuses
   * every escape atomically. */
  WASI_RESOLVE_OPENAT2 = 1,
  /* The kernel has no openat2: a component-by-component walk with
   * O_NOFOLLOW that expands symlinks itself (at most WASI_SYMLINK_MAX). */
  WASI_RESOLVE_WALK = 2
};

/* Symlinks one path resolution may expand before WASI_ERRNO_LOOP (Linux's
 * own limit is 40). */
#define WASI_SYMLINK_MAX 40u
/* Longest guest path (bytes, without a NUL): longer ones are
 * WASI_ERRNO_NAMETOOLONG before anything is copied. */
#define WASI_PATH_MAX 4095u

/* Rights of the stdio streams: reading (fd 0) or writing (fds 1 and 2),
 * fdstat/filestat queries and polling. No seek or tell rights, so that
 * wasi-libc's isatty() can tell a terminal by its rights. */
#define WASI_RIGHTS_STDIN \
  (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_POLL_FD_READWRITE)
#define WASI_RIGHTS_STDOUT \
  (WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_POLL_FD_READWRITE)

/* Every right that creates, writes, truncates, renames, links, removes or
 * sets times or sizes: what a read-only grant withholds. */
#define WASI_RIGHTS_MUTATING                                                          \
  (WASI_RIGHT_FD_DATASYNC | WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_SYNC |    \
   WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE | WASI_RIGHT_PATH_CREATE_DIRECTORY | \
   WASI_RIGHT_PATH_CREATE_FILE | WASI_RIGHT_PATH_LINK_SOURCE |                       \
   WASI_RIGHT_PATH_LINK_TARGET | WASI_RIGHT_PATH_RENAME_SOURCE |                     \
   WASI_RIGHT_PATH_RENAME_TARGET | WASI_RIGHT_PATH_FILESTAT_SET_SIZE |               \
   WASI_RIGHT_PATH_FILESTAT_SET_TIMES | WASI_RIGHT_FD_FILESTAT_SET_SIZE |            \
   WASI_RIGHT_FD_FILESTAT_SET_TIMES | WASI_RIGHT_PATH_SYMLINK |                      \
   WASI_RIGHT_PATH_REMOVE_DIRECTORY | WASI_RIGHT_PATH_UNLINK_FILE)

/* Rights a directory descriptor can use itself, and the rights of a
 * regular file: a preopen gets the first as base rights and both as
 * inheriting rights. */
#define WASI_RIGHTS_DIRECTORY                                                          \
  (WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_SYNC |                             \
   WASI_RIGHT_PATH_CREATE_DIRECTORY | WASI_RIGHT_PATH_CREATE_FILE |                  \
   WASI_RIGHT_PATH_LINK_SOURCE | WASI_RIGHT_PATH_LINK_TARGET | WASI_RIGHT_PATH_OPEN | \
   WASI_RIGHT_FD_READDIR | WASI_RIGHT_PATH_READLINK | WASI_RIGHT_PATH_RENAME_SOURCE | \
   WASI_RIGHT_PATH_RENAME_TARGET | WASI_RIGHT_PATH_FILESTAT_GET |                    \
   WASI_RIGHT_PATH_FILESTAT_SET_SIZE | WASI_RIGHT_PATH_FILESTAT_SET_TIMES |          \
   WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_FD_FILESTAT_SET_TIMES |                   \
   WASI_RIGHT_PATH_SYMLINK | WASI_RIGHT_PATH_REMOVE_DIRECTORY |                      \
   WASI_RIGHT_PATH_UNLINK_FILE | WASI_RIGHT_FD_DATASYNC)
#define WASI_RIGHTS_REGULAR_FILE                                                   \
  (WASI_RIGHT_FD_DATASYNC | WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK |            \
   WASI_RIGHT_FD_FDSTAT_SET_FLAGS | WASI_RIGHT_FD_SYNC | WASI_RIGHT_FD_TELL |    \
   WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ADVISE | WASI_RIGHT_FD_ALLOCATE |         \
   WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_FD_FILESTAT_SET_SIZE |                \
   WASI_RIGHT_FD_FILESTAT_SET_TIMES | WASI_RIGHT_POLL_FD_READWRITE)

/* A context with nothing granted: no arguments, an empty environment, no
 * descriptors, the host's clocks and random source. wasi_ctx_destroy
 * releases what later grants and the guest's opens hold. */
void wasi_ctx_init(wasi_ctx *ctx);

/* The program's arguments (argv[0] is the program name, by convention).
 * Borrowed. WASI_ERRNO_OVERFLOW (nothing changed) if the strings and the
 * pointer array would not fit the guest's 32-bit sizes. */
uint16_t wasi_ctx_set_args(wasi_ctx *ctx, uint32_t argc, const char *const *argv);

/* The environment, as "NAME=VALUE" strings. Borrowed; same check. */
uint16_t wasi_ctx_set_environ(wasi_ctx *ctx, uint32_t envc, const char *const *environ);

/* Makes guest descriptor fd a WASI_FD_STREAM over host_fd with base
 * rights `rights` (no inheriting rights: nothing is opened through a
 * stream), replacing whatever fd was. WASI_ERRNO_BADF if
 * fd >= WASI_MAX_FDS or host_fd < 0. */
uint16_t wasi_ctx_set_stream(wasi_ctx *ctx, uint32_t fd, int host_fd, uint64_t rights);

/* Lends the process's own stdin, stdout and stderr as fds 0, 1 and 2 with
 * WASI_RIGHTS_STDIN / WASI_RIGHTS_STDOUT. */
void wasi_ctx_inherit_stdio(wasi_ctx *ctx);

/* Grants host directory descriptor host_dirfd (ctx owns it from now on and
 * closes it in wasi_ctx_destroy, or at once if this fails) as a preopened
 * directory the guest sees under guest_name (copied), at the lowest free
 * guest fd >= 3, with base rights WASI_RIGHTS_DIRECTORY and inheriting
 * rights WASI_RIGHTS_DIRECTORY | WASI_RIGHTS_REGULAR_FILE. readonly != 0:
 * the descriptor and everything opened through it lack every right in
 * WASI_RIGHTS_MUTATING. *fd_out receives the guest fd. Errors:
 * WASI_ERRNO_NFILE when the table is full, WASI_ERRNO_NOTDIR if
 * host_dirfd is not a directory, WASI_ERRNO_NOMEM. */
uint16_t wasi_ctx_add_preopen(wasi_ctx *ctx, int host_dirfd, const char *guest_name, int readonly,
                              uint32_t *fd_out);

/* Closes every host descriptor ctx owns (files, directories, preopens;
 * never lent streams) and frees what it allocated. The context must be
 * initialized again before any further use. */
void wasi_ctx_destroy(wasi_ctx *ctx);

/*===--- Deterministic mode and the output digest ---------------------------===*/

/* Deterministic mode's clocks are virtual: one timeline, `elapsed`
 * nanoseconds, starts at 0 and advances by WASI_DETERMINISTIC_STEP after
 * every clock_time_get of any clock (so a loop waiting for time to pass
 * ends). Realtime reads WASI_DETERMINISTIC_EPOCH + elapsed; monotonic,
 * process and thread CPU time read elapsed. clock_res_get reports
 * WASI_DETERMINISTIC_STEP for every clock and does not advance time. */
#define WASI_DETERMINISTIC_EPOCH 946684800000000000ull /* 2000-01-01T00:00:00Z */
#define WASI_DETERMINISTIC_STEP 1000u                  /* 1 us, in ns */

/* Sets ctx->deterministic and installs the virtual clocks above and a
 * random stream that is a function of seed alone: byte k of the stream
 * (k counts every byte random_get returned since this call, however the
 * requests were split) is byte k mod 32 of
 *     SHA-256(LE64(seed) || LE64(k / 32))
 * where LE64 is the 8-byte little-endian encoding. The state is allocated
 * (WASI_ERRNO_NOMEM, nothing changed, if it cannot be) and belongs to the
 * installed sources until wasi_ctx_destroy: replacing ctx->sources
 * afterwards leaks it. Calling again restarts clocks and stream. */
uint16_t wasi_ctx_set_deterministic(wasi_ctx *ctx, uint64_t seed);

/* The output digest is a SHA-256 that identifies what a run wrote and how
 * it ended, compared across machines and between the two engines. Every
 * byte the host accepted from a guest write (to any descriptor) counts,
 * in order, grouped into runs: maximal sequences of consecutive bytes
 * written to one descriptor. So the digest depends on the bytes, on the
 * descriptor each went to and on the interleaving between descriptors,
 * but not on how the writes were split into calls (empty writes count for
 * nothing). The hashed message is
 *     run_1 || ... || run_n || LE32(exit_status)
 *     run = LE32(fd) || the run's bytes || LE64(the run's byte count)
 * with LE32/LE64 little-endian. The count follows the bytes so that
 * output streams into the hash unbuffered; the message still decodes
 * uniquely, from its end. E.g. "hi" to fd 1, then exit status 0, hashes
 *     01 00 00 00  68 69  02 00 00 00 00 00 00 00  00 00 00 00 */

/* Starts an empty digest (discarding one already running). The state is
 * allocated (WASI_ERRNO_NOMEM if it cannot be); wasi_ctx_destroy frees
 * it. */
uint16_t wasi_ctx_enable_digest(wasi_ctx *ctx);

/* The digest of everything written so far, ended by exit_status (the
 * status the embedder reports for the run), into out. Needs an enabled
 * digest; leaves it running, so later writes extend it. */
void wasi_ctx_digest_final(wasi_ctx *ctx, uint32_t exit_status, uint8_t out[32]);

/* The digest as 64 lowercase hex digits and a NUL. */
void wasi_digest_hex(const uint8_t digest[32], char out[65]);

/*===--- The preview1 functions --------------------------------------------===*/

/* Returned by proc_exit (and by its table entry) instead of an errno: the
 * program asked to exit with ctx->exit_code. Not a valid errno (> 0xffff),
 * so an adapter cannot confuse it with one. */
#define WASI_CALL_EXIT 0x10000u

/* Every function takes the context and the caller's memory, then the
 * call's Wasm arguments (i32 as uint32_t, i64 as uint64_t; guest pointers
 * are uint32_t offsets into mem), and returns a WASI errno. Parameters
 * named *_out are guest pointers to results. */

/* Arguments and environment: argv/environ are arrays of u32 guest
 * pointers into buf, where the strings lie NUL-terminated back to back. */
uint16_t wasi_args_get(wasi_ctx *ctx, wasi_mem mem, uint32_t argv, uint32_t argv_buf);
uint16_t wasi_args_sizes_get(wasi_ctx *ctx, wasi_mem mem, uint32_t argc_out,
                             uint32_t argv_buf_size_out);
uint16_t wasi_environ_get(wasi_ctx *ctx, wasi_mem mem, uint32_t environ, uint32_t environ_buf);
uint16_t wasi_environ_sizes_get(wasi_ctx *ctx, wasi_mem mem, uint32_t environ_count_out,
                                uint32_t environ_buf_size_out);

/* Clocks: WASI_ERRNO_INVAL for an unknown clock id; times in ns (u64).
 * The precision hint is passed to the source, which may ignore it. */
uint16_t wasi_clock_res_get(wasi_ctx *ctx, wasi_mem mem, uint32_t id, uint32_t resolution_out);
uint16_t wasi_clock_time_get(wasi_ctx *ctx, wasi_mem mem, uint32_t id, uint64_t precision,
                             uint32_t time_out);

uint16_t wasi_fd_advise(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t offset, uint64_t len,
                        uint32_t advice);
uint16_t wasi_fd_allocate(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t offset, uint64_t len);
/* Frees the guest descriptor; WASI_ERRNO_BADF if it is not open. A stream's
 * host descriptor stays open (the embedder owns it); others are closed.
 * Preopens may be closed like any descriptor. */
uint16_t wasi_fd_close(wasi_ctx *ctx, wasi_mem mem, uint32_t fd);
uint16_t wasi_fd_datasync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd);
/* File type (from the host descriptor), fd flags (append, nonblock, ...
 * as the host descriptor has them) and the descriptor's rights. */
uint16_t wasi_fd_fdstat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out);
/* Only APPEND and NONBLOCK can change (the sync flags: NOTSUP). */
uint16_t wasi_fd_fdstat_set_flags(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags);
/* Rights only shrink: asking for one the descriptor lacks is NOTCAPABLE. */
uint16_t wasi_fd_fdstat_set_rights(wasi_ctx *ctx, wasi_mem mem, uint32_t fd,
                                   uint64_t rights_base, uint64_t rights_inheriting);
/* For a stream: its file type, every other field 0 (a stream has no size
 * or times the guest could rely on, and host inode numbers stay private).
 * Others: the host's fstat; deterministic mode reports device, inode and
 * times as 0. Needs WASI_RIGHT_FD_FILESTAT_GET. */
uint16_t wasi_fd_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out);
uint16_t wasi_fd_filestat_set_size(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t size);
uint16_t wasi_fd_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t atim,
                                    uint64_t mtim, uint32_t fst_flags);
uint16_t wasi_fd_pread(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                       uint32_t iovs_len, uint64_t offset, uint32_t nread_out);
/* WASI_ERRNO_BADF for a descriptor that is not a preopen, which is how
 * wasi-libc's start-up scan learns that the list ended. dir_name writes
 * the name without a NUL; a buffer shorter than it is NAMETOOLONG. */
uint16_t wasi_fd_prestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t prestat_out);
uint16_t wasi_fd_prestat_dir_name(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                  uint32_t path_len);
uint16_t wasi_fd_pwrite(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                        uint32_t iovs_len, uint64_t offset, uint32_t nwritten_out);
/* Scatter read / gather write, like readv/writev: the whole iovec array
 * and every buffer are checked first, then one transfer moves what the
 * host accepts (short counts are normal; at most UINT32_MAX bytes, the
 * largest count the guest can receive). Needs WASI_RIGHT_FD_READ /
 * WASI_RIGHT_FD_WRITE. */
uint16_t wasi_fd_read(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                      uint32_t nread_out);
/* Entries (24-byte preview1 dirents, each followed by its name) from
 * index `cookie` on; d_next is the next index. A read from cookie 0 takes
 * a snapshot of the directory that later cookies index, so listings
 * resume exactly. The last entry is cut at the end of the buffer. In
 * deterministic mode entries are sorted by name and d_ino is 0. */
uint16_t wasi_fd_readdir(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t buf, uint32_t buf_len,
                         uint64_t cookie, uint32_t bufused_out);
/* Both descriptors must be open (BADF). Onto itself: INVAL (the
 * descriptor stays). Onto fds 0-2 or a preopen: NOTCAPABLE, so what the
 * embedder granted is never replaced from inside (stdio only ever holds
 * what was lent; this fails wasi-testsuite's overwrite_preopen test on
 * purpose, docs/wasi-testsuite.md). A stdio stream or a preopen may be
 * moved away onto another open descriptor (the testsuite's stdio test). */
uint16_t wasi_fd_renumber(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t to);
/* Streams have no position: WASI_ERRNO_SPIPE (after BADF for a closed
 * descriptor and INVAL for a bad whence), as do fd_pread/fd_pwrite on
 * them. Other descriptors need FD_SEEK, or FD_TELL to seek by 0 from the
 * current position. */
uint16_t wasi_fd_seek(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, int64_t offset, uint32_t whence,
                      uint32_t newoffset_out);
uint16_t wasi_fd_sync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd);
/* As fd_seek(fd, 0, CUR): WASI_ERRNO_SPIPE for streams. */
uint16_t wasi_fd_tell(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t offset_out);
uint16_t wasi_fd_write(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                       uint32_t iovs_len, uint32_t nwritten_out);

/* The path_* functions resolve their paths beneath the directory fd
 * (WASI_ERRNO_NOTDIR for another kind of descriptor) and act on the last
 * component without following it, unless lookupflags::symlink_follow (or
 * a trailing '/') asks for that. path_open: the new descriptor gets the
 * lowest free fd >= 3 and the requested rights, which must lie within the
 * directory's inheriting rights (NOTCAPABLE), narrowed to what its kind
 * can use; O_CREAT needs PATH_CREATE_FILE and O_TRUNC
 * PATH_FILESTAT_SET_SIZE. path_link/path_rename need the target right on
 * the destination directory, which a read-only grant lacks. */
uint16_t wasi_path_create_directory(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                    uint32_t path_len);
uint16_t wasi_path_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                                uint32_t path, uint32_t path_len, uint32_t stat_out);
uint16_t wasi_path_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                                      uint32_t path, uint32_t path_len, uint64_t atim,
                                      uint64_t mtim, uint32_t fst_flags);
uint16_t wasi_path_link(wasi_ctx *ctx, wasi_mem mem, uint32_t old_fd, uint32_t old_flags,
                        uint32_t old_path, uint32_t old_path_len, uint32_t new_fd,
                        uint32_t new_path, uint32_t new_path_len);
uint16_t wasi_path_open(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t dirflags,
                        uint32_t path, uint32_t path_len, uint32_t oflags, uint64_t rights_base,
                        uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_out);
uint16_t wasi_path_readlink(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                            uint32_t path_len, uint32_t buf, uint32_t buf_len,
                            uint32_t bufused_out);
uint16_t wasi_path_remove_directory(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                    uint32_t path_len);
uint16_t wasi_path_rename(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t old_path,
                          uint32_t old_path_len, uint32_t new_fd, uint32_t new_path,
                          uint32_t new_path_len);
uint16_t wasi_path_symlink(wasi_ctx *ctx, wasi_mem mem, uint32_t old_path, uint32_t old_path_len,
                           uint32_t fd, uint32_t new_path, uint32_t new_path_len);
uint16_t wasi_path_unlink_file(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                               uint32_t path_len);

/* Clock (relative or absolute, realtime or monotonic) and
 * fd_read/fd_write subscriptions; regular files are always ready. A
 * subscription that cannot be served is an event with its error.
 * nsubscriptions == 0 is INVAL. Deterministic mode never waits for a
 * clock: when nothing is ready, the clocks due first fire at once. */
uint16_t wasi_poll_oneoff(wasi_ctx *ctx, wasi_mem mem, uint32_t in, uint32_t out,
                          uint32_t nsubscriptions, uint32_t nevents_out);
/* Records ctx->exited = 1 and ctx->exit_code = rval and returns
 * WASI_CALL_EXIT: the adapter must end the program (preview1's proc_exit
 * never returns to the guest). */
uint32_t wasi_proc_exit(wasi_ctx *ctx, wasi_mem mem, uint32_t rval);
uint16_t wasi_sched_yield(wasi_ctx *ctx, wasi_mem mem);
/* Fills guest buf[0, buf_len) from the random source, WASI_RANDOM_CHUNK
 * bytes at a time, after checking the whole range. */
uint16_t wasi_random_get(wasi_ctx *ctx, wasi_mem mem, uint32_t buf, uint32_t buf_len);

uint16_t wasi_sock_accept(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                          uint32_t fd_out);
uint16_t wasi_sock_recv(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t ri_data,
                        uint32_t ri_data_len, uint32_t ri_flags, uint32_t ro_datalen_out,
                        uint32_t ro_flags_out);
uint16_t wasi_sock_send(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t si_data,
                        uint32_t si_data_len, uint32_t si_flags, uint32_t so_datalen_out);
uint16_t wasi_sock_shutdown(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t how);

/*===--- The table ---------------------------------------------------------===*/

/* The ids of the functions, in preview1.def order. */
enum wasi_func_id {
#define WASI_FUNC(NAME, SIG) WASI_FN_##NAME,
#include "wasi/preview1.def"
#undef WASI_FUNC
  WASI_FN_COUNT
};

/* A uniform entry point: args[i] is Wasm argument i (an i32 zero-extended,
 * or an i64). Returns the errno, or WASI_CALL_EXIT from proc_exit. */
typedef uint32_t (*wasi_call_fn)(wasi_ctx *ctx, wasi_mem mem, const uint64_t *args);

typedef struct wasi_function {
  const char *name; /* the import name */
  /* The Wasm type: one char per parameter, ':', one per result; 'i' is
   * i32 and 'I' is i64 ("iIii:i" is fd_seek, "i:" proc_exit). */
  const char *sig;
  wasi_call_fn call;
} wasi_function;

/* All WASI_FN_COUNT functions, indexed by enum wasi_func_id. */
extern const wasi_function wasi_functions[WASI_FN_COUNT];

/* The function imported as WASI_MODULE_NAME.name (len bytes, not
 * NUL-terminated), or NULL if preview1 has no such function. */
const wasi_function *wasi_function_find(const char *name, size_t len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_WASI_HOST_H */
