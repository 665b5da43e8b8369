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
 *    operation the rights do not allow returns WASI_ERRNO_PERM.
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
 * type are checked in one place for both engines. Functions that preview1
 * defines but this host does not implement yet return WASI_ERRNO_NOSYS;
 * they still have their exact signature, so a wrongly typed import fails
 * to link in both engines.
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

/* What a guest descriptor refers to. Files, directories and preopens are
 * added by later kinds; WASI_FD_FREE slots are not open. */
enum wasi_fd_kind {
  WASI_FD_FREE = 0,
  /* A host descriptor the embedder lends (stdio): never seekable, and
   * fd_close only forgets it, because the embedder still owns it (the
   * runtime reports traps on the host's stderr after the guest closed
   * its fd 2). */
  WASI_FD_STREAM = 1
};

typedef struct wasi_fd_entry {
  uint8_t kind;               /* enum wasi_fd_kind */
  int host_fd;                /* the host descriptor used for I/O */
  uint64_t rights_base;       /* WASI_RIGHT_* this descriptor allows */
  uint64_t rights_inheriting; /* rights of descriptors opened from it */
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
} wasi_ctx;

/* Rights of the stdio streams: reading (fd 0) or writing (fds 1 and 2),
 * fdstat/filestat queries and polling. No seek or tell rights, so that
 * wasi-libc's isatty() can tell a terminal by its rights. */
#define WASI_RIGHTS_STDIN \
  (WASI_RIGHT_FD_READ | WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_POLL_FD_READWRITE)
#define WASI_RIGHTS_STDOUT \
  (WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_FILESTAT_GET | WASI_RIGHT_POLL_FD_READWRITE)

/* A context with nothing granted: no arguments, an empty environment, no
 * descriptors, the host's clocks and random source. Needs no cleanup. */
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
 * host descriptor stays open (the embedder owns it). */
uint16_t wasi_fd_close(wasi_ctx *ctx, wasi_mem mem, uint32_t fd);
uint16_t wasi_fd_datasync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd);
/* File type (from the host descriptor), fd flags (append, nonblock, ...
 * as the host descriptor has them) and the descriptor's rights. */
uint16_t wasi_fd_fdstat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out);
uint16_t wasi_fd_fdstat_set_flags(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags);
uint16_t wasi_fd_fdstat_set_rights(wasi_ctx *ctx, wasi_mem mem, uint32_t fd,
                                   uint64_t rights_base, uint64_t rights_inheriting);
/* For a stream: its file type, every other field 0 (a stream has no size
 * or times the guest could rely on, and host inode numbers stay private).
 * Needs WASI_RIGHT_FD_FILESTAT_GET. */
uint16_t wasi_fd_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t stat_out);
uint16_t wasi_fd_filestat_set_size(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t size);
uint16_t wasi_fd_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t atim,
                                    uint64_t mtim, uint32_t fst_flags);
uint16_t wasi_fd_pread(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                       uint32_t iovs_len, uint64_t offset, uint32_t nread_out);
/* No preopened directories yet: WASI_ERRNO_BADF for every descriptor,
 * which is how wasi-libc's start-up scan learns that the list ended. */
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
uint16_t wasi_fd_readdir(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t buf, uint32_t buf_len,
                         uint64_t cookie, uint32_t bufused_out);
uint16_t wasi_fd_renumber(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t to);
/* Streams have no position: WASI_ERRNO_SPIPE (after BADF for a closed
 * descriptor and INVAL for a bad whence). */
uint16_t wasi_fd_seek(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, int64_t offset, uint32_t whence,
                      uint32_t newoffset_out);
uint16_t wasi_fd_sync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd);
/* As fd_seek(fd, 0, CUR): WASI_ERRNO_SPIPE for streams. */
uint16_t wasi_fd_tell(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t offset_out);
uint16_t wasi_fd_write(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs,
                       uint32_t iovs_len, uint32_t nwritten_out);

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
