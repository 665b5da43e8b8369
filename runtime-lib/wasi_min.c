/*===--- wasi_min.c - The minimal WASI preview1 functions -----------------===*
 *
 * \file
 * The host functions of wasi_min.h. Each is called by generated code as
 * code(inst, args...) where inst is the importing instance (see
 * rt_instantiate on host templates): its memory0 is the memory WASI
 * pointers refer to and its host field is the wasi_min_host. Every guest
 * pointer is checked against the memory's current size before use and a
 * bad one returns EFAULT; nothing here traps. Each signature also has an
 * invoke trampoline so hosts can rt_call these functions.
 *
 *===----------------------------------------------------------------------===*/
#include "wasi_min.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* WASI errno values (preview1 `errno` enum). */
enum {
  WASI_ESUCCESS = 0,
  WASI_EAGAIN = 6,
  WASI_EBADF = 8,
  WASI_EFAULT = 21,
  WASI_EINTR = 27,
  WASI_EINVAL = 28,
  WASI_EIO = 29,
  WASI_EISDIR = 31,
  WASI_ENOSPC = 51,
  WASI_ENOSYS = 52,
  WASI_EPIPE = 64,
  WASI_ESPIPE = 70
};

void wasi_min_init(wasi_min_host *host, int argc, char **argv) {
  memset(host, 0, sizeof *host);
  host->argc = argc;
  host->argv = argv;
}

//===--- Guest memory --------------------------------------------------------===//

/* The host address of guest bytes [ptr, ptr + len), or NULL if any of them
 * lies outside the memory. 64-bit arithmetic: ptr + len cannot wrap. */
static uint8_t *guest(rt_instance *inst, uint32_t ptr, uint64_t len) {
  rt_memory *m = inst->memory0;
  if (!m || (uint64_t)ptr + len > m->size)
    return NULL;
  return m->base + ptr;
}

/* WASI data is little-endian whatever the host is. */
static uint32_t load_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void store_u32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    p[i] = (uint8_t)(v >> (8 * i));
}

static void store_u64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = (uint8_t)(v >> (8 * i));
}

static wasi_min_host *host_of(rt_instance *inst) {
  return (wasi_min_host *)inst->host;
}

static int stdio_open(rt_instance *inst, int32_t fd) {
  return fd >= 0 && fd <= 2 && !host_of(inst)->closed[fd];
}

static int32_t errno_to_wasi(int e) {
  switch (e) {
  case EAGAIN: return WASI_EAGAIN;
  case EBADF: return WASI_EBADF;
  case EINTR: return WASI_EINTR;
  case EINVAL: return WASI_EINVAL;
  case EISDIR: return WASI_EISDIR;
  case ENOSPC: return WASI_ENOSPC;
  case EPIPE: return WASI_EPIPE;
  case ESPIPE: return WASI_ESPIPE;
  default: return WASI_EIO;
  }
}

//===--- fd_write, fd_read -----------------------------------------------------===//

/* Shared by fd_write and fd_read: checks the whole iovec array and every
 * buffer before the first transfer, then transfers in order and stops at
 * the first short transfer, as readv/writev would. */
static int32_t transfer(rt_instance *inst, int32_t fd, uint32_t iovs, uint32_t iovs_len,
                        uint32_t result_ptr, int writing) {
  uint8_t *iov = guest(inst, iovs, (uint64_t)iovs_len * 8);
  uint8_t *result = guest(inst, result_ptr, 4);
  if (!iov || !result)
    return WASI_EFAULT;
  for (uint32_t i = 0; i < iovs_len; ++i)
    if (!guest(inst, load_u32(iov + 8 * i), load_u32(iov + 8 * i + 4)))
      return WASI_EFAULT;
  uint32_t total = 0;
  for (uint32_t i = 0; i < iovs_len; ++i) {
    uint32_t len = load_u32(iov + 8 * i + 4);
    uint8_t *buf = guest(inst, load_u32(iov + 8 * i), len);
    ssize_t n;
    do
      n = writing ? write(fd, buf, len) : read(fd, buf, len);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
      if (total)
        break; /* report what was transferred; the error comes next call */
      return errno_to_wasi(errno);
    }
    total += (uint32_t)n;
    if ((uint32_t)n < len)
      break;
  }
  store_u32(result, total);
  return WASI_ESUCCESS;
}

static int32_t wasi_fd_write(rt_instance *inst, int32_t fd, int32_t iovs, int32_t iovs_len,
                             int32_t nwritten) {
  if (!stdio_open(inst, fd) || fd == 0)
    return WASI_EBADF;
  return transfer(inst, fd, (uint32_t)iovs, (uint32_t)iovs_len, (uint32_t)nwritten, 1);
}

static int32_t wasi_fd_read(rt_instance *inst, int32_t fd, int32_t iovs, int32_t iovs_len,
                            int32_t nread) {
  if (!stdio_open(inst, fd) || fd != 0)
    return WASI_EBADF;
  return transfer(inst, fd, (uint32_t)iovs, (uint32_t)iovs_len, (uint32_t)nread, 0);
}

//===--- Other descriptor functions --------------------------------------------===//

static int32_t wasi_fd_close(rt_instance *inst, int32_t fd) {
  if (!stdio_open(inst, fd))
    return WASI_EBADF;
  /* The host descriptor stays open: the runtime still reports traps on
   * stderr. The guest sees the descriptor closed from now on. */
  host_of(inst)->closed[fd] = 1;
  return WASI_ESUCCESS;
}

/* Rights bits of preview1 `rights`. */
#define RIGHT_FD_READ (1ull << 1)
#define RIGHT_FD_WRITE (1ull << 6)
#define RIGHT_POLL_FD_READWRITE (1ull << 27)

static int32_t wasi_fd_fdstat_get(rt_instance *inst, int32_t fd, int32_t stat_ptr) {
  if (!stdio_open(inst, fd))
    return WASI_EBADF;
  uint8_t *out = guest(inst, (uint32_t)stat_ptr, 24);
  if (!out)
    return WASI_EFAULT;
  /* filetype: 0 unknown (pipes), 2 character device, 3 directory,
   * 4 regular file, 6 socket stream. */
  uint8_t filetype = 0;
  struct stat st;
  if (fstat(fd, &st) == 0) {
    if (S_ISCHR(st.st_mode))
      filetype = 2;
    else if (S_ISDIR(st.st_mode))
      filetype = 3;
    else if (S_ISREG(st.st_mode))
      filetype = 4;
    else if (S_ISSOCK(st.st_mode))
      filetype = 6;
  }
  uint64_t rights = (fd == 0 ? RIGHT_FD_READ : RIGHT_FD_WRITE) | RIGHT_POLL_FD_READWRITE;
  memset(out, 0, 24);
  out[0] = filetype;            /* fs_filetype at 0; fs_flags (u16) at 2 stay 0 */
  store_u64(out + 8, rights);   /* fs_rights_base */
  store_u64(out + 16, 0);       /* fs_rights_inheriting */
  return WASI_ESUCCESS;
}

static int32_t wasi_fd_seek(rt_instance *inst, int32_t fd, int64_t offset, int32_t whence,
                            int32_t newoffset) {
  /* Standard streams are treated as unseekable, even when redirected. */
  return stdio_open(inst, fd) ? WASI_ESPIPE : WASI_EBADF;
}

/* No preopened directories: every descriptor is "not a preopen". */
static int32_t wasi_fd_prestat_get(rt_instance *inst, int32_t fd, int32_t prestat_ptr) {
  return WASI_EBADF;
}

static int32_t wasi_fd_prestat_dir_name(rt_instance *inst, int32_t fd, int32_t path,
                                        int32_t path_len) {
  return WASI_EBADF;
}

//===--- Arguments and environment ---------------------------------------------===//

static int32_t wasi_args_sizes_get(rt_instance *inst, int32_t argc_ptr, int32_t size_ptr) {
  wasi_min_host *h = host_of(inst);
  uint8_t *argc_out = guest(inst, (uint32_t)argc_ptr, 4);
  uint8_t *size_out = guest(inst, (uint32_t)size_ptr, 4);
  if (!argc_out || !size_out)
    return WASI_EFAULT;
  uint64_t size = 0;
  for (int i = 0; i < h->argc; ++i)
    size += strlen(h->argv[i]) + 1;
  store_u32(argc_out, (uint32_t)h->argc);
  store_u32(size_out, (uint32_t)size);
  return WASI_ESUCCESS;
}

static int32_t wasi_args_get(rt_instance *inst, int32_t argv_ptr, int32_t buf_ptr) {
  wasi_min_host *h = host_of(inst);
  uint64_t size = 0;
  for (int i = 0; i < h->argc; ++i)
    size += strlen(h->argv[i]) + 1;
  uint8_t *argv_out = guest(inst, (uint32_t)argv_ptr, (uint64_t)h->argc * 4);
  uint8_t *buf_out = guest(inst, (uint32_t)buf_ptr, size);
  if (!argv_out || !buf_out)
    return WASI_EFAULT;
  uint32_t pos = 0;
  for (int i = 0; i < h->argc; ++i) {
    size_t len = strlen(h->argv[i]) + 1;
    store_u32(argv_out + 4 * i, (uint32_t)buf_ptr + pos);
    memcpy(buf_out + pos, h->argv[i], len);
    pos += (uint32_t)len;
  }
  return WASI_ESUCCESS;
}

static int32_t wasi_environ_sizes_get(rt_instance *inst, int32_t count_ptr, int32_t size_ptr) {
  uint8_t *count_out = guest(inst, (uint32_t)count_ptr, 4);
  uint8_t *size_out = guest(inst, (uint32_t)size_ptr, 4);
  if (!count_out || !size_out)
    return WASI_EFAULT;
  store_u32(count_out, 0);
  store_u32(size_out, 0);
  return WASI_ESUCCESS;
}

static int32_t wasi_environ_get(rt_instance *inst, int32_t environ_ptr, int32_t buf_ptr) {
  return WASI_ESUCCESS; /* the environment is empty: nothing to write */
}

//===--- Clocks, randomness, exit ----------------------------------------------===//

static int32_t wasi_clock_time_get(rt_instance *inst, int32_t id, int64_t precision,
                                   int32_t time_ptr) {
  static const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
                                     CLOCK_THREAD_CPUTIME_ID};
  if (id < 0 || id > 3)
    return WASI_EINVAL;
  uint8_t *out = guest(inst, (uint32_t)time_ptr, 8);
  if (!out)
    return WASI_EFAULT;
  struct timespec ts;
  if (clock_gettime(clocks[id], &ts) != 0)
    return errno_to_wasi(errno);
  store_u64(out, (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
  return WASI_ESUCCESS;
}

static int32_t wasi_random_get(rt_instance *inst, int32_t buf_ptr, int32_t len) {
  uint8_t *buf = guest(inst, (uint32_t)buf_ptr, (uint32_t)len);
  if (!buf)
    return WASI_EFAULT;
  size_t done = 0;
  while (done < (uint32_t)len) {
    ssize_t n = getrandom(buf + done, (uint32_t)len - done, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno_to_wasi(errno);
    }
    done += (size_t)n;
  }
  return WASI_ESUCCESS;
}

/* WASI's proc_exit ends the process: compiled programs are the whole
 * process, so there is nothing to unwind to. */
static void wasi_proc_exit(rt_instance *inst, int32_t code) {
  exit(code);
}

/* The stub for every other preview1 function. Generated code calls it with
 * the import's own parameters; the SysV x86-64 and AAPCS64 calling
 * conventions let a callee ignore trailing arguments (the caller owns the
 * argument area), and a caller expecting () ignores the returned register. */
static int32_t wasi_enosys(rt_instance *inst) {
  return WASI_ENOSYS;
}

//===--- Invoke trampolines, one per signature ---------------------------------===//

typedef int32_t (*fn_i32x4)(rt_instance *, int32_t, int32_t, int32_t, int32_t);
typedef int32_t (*fn_i32x3)(rt_instance *, int32_t, int32_t, int32_t);
typedef int32_t (*fn_i32x2)(rt_instance *, int32_t, int32_t);
typedef int32_t (*fn_i32)(rt_instance *, int32_t);
typedef void (*fn_exit)(rt_instance *, int32_t);
typedef int32_t (*fn_seek)(rt_instance *, int32_t, int64_t, int32_t, int32_t);
typedef int32_t (*fn_clock)(rt_instance *, int32_t, int64_t, int32_t);

static void invoke_i32x4(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((fn_i32x4)code)(inst, v[0].i32, v[1].i32, v[2].i32, v[3].i32);
}
static void invoke_i32x3(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((fn_i32x3)code)(inst, v[0].i32, v[1].i32, v[2].i32);
}
static void invoke_i32x2(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((fn_i32x2)code)(inst, v[0].i32, v[1].i32);
}
static void invoke_i32(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((fn_i32)code)(inst, v[0].i32);
}
static void invoke_exit(const void *code, rt_instance *inst, rt_value *v) {
  ((fn_exit)code)(inst, v[0].i32);
}
static void invoke_seek(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((fn_seek)code)(inst, v[0].i32, v[1].i64, v[2].i32, v[3].i32);
}
static void invoke_clock(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((fn_clock)code)(inst, v[0].i32, v[1].i64, v[2].i32);
}
/* The stub's two shapes: results (i32) get ENOSYS, results () nothing
 * (vals may have no room at all for a () -> () import). */
static void invoke_enosys_i32(const void *code, rt_instance *inst, rt_value *v) {
  v[0].i32 = ((int32_t (*)(rt_instance *))code)(inst);
}
static void invoke_enosys_void(const void *code, rt_instance *inst, rt_value *v) {
  ((int32_t (*)(rt_instance *))code)(inst);
}

//===--- The table of functions ------------------------------------------------===//

typedef struct wasi_function {
  const char *name;
  const char *sig; /* parameter codes, ':', result codes; i = i32, I = i64 */
  const void *code;
  rt_invoke_fn invoke;
} wasi_function;

static const wasi_function functions[] = {
    {"fd_write", "iiii:i", (const void *)wasi_fd_write, invoke_i32x4},
    {"fd_read", "iiii:i", (const void *)wasi_fd_read, invoke_i32x4},
    {"fd_close", "i:i", (const void *)wasi_fd_close, invoke_i32},
    {"fd_fdstat_get", "ii:i", (const void *)wasi_fd_fdstat_get, invoke_i32x2},
    {"fd_seek", "iIii:i", (const void *)wasi_fd_seek, invoke_seek},
    {"fd_prestat_get", "ii:i", (const void *)wasi_fd_prestat_get, invoke_i32x2},
    {"fd_prestat_dir_name", "iii:i", (const void *)wasi_fd_prestat_dir_name, invoke_i32x3},
    {"args_sizes_get", "ii:i", (const void *)wasi_args_sizes_get, invoke_i32x2},
    {"args_get", "ii:i", (const void *)wasi_args_get, invoke_i32x2},
    {"environ_sizes_get", "ii:i", (const void *)wasi_environ_sizes_get, invoke_i32x2},
    {"environ_get", "ii:i", (const void *)wasi_environ_get, invoke_i32x2},
    {"clock_time_get", "iIi:i", (const void *)wasi_clock_time_get, invoke_clock},
    {"random_get", "ii:i", (const void *)wasi_random_get, invoke_i32x2},
    {"proc_exit", "i:", (const void *)wasi_proc_exit, invoke_exit},
};

static uint32_t intern_sig(const char *sig) {
  uint8_t codes[16];
  uint32_t n = 0, params = 0;
  for (const char *c = sig; *c; ++c) {
    if (*c == ':') {
      params = n;
      continue;
    }
    codes[n++] = *c == 'I' ? RT_TYPE_I64 : RT_TYPE_I32;
  }
  rt_func_type t = {params, n - params, codes};
  return rt_type_intern(&t);
}

static int name_is(const rt_name *n, const char *s) {
  size_t len = strlen(s);
  return n->len == len && memcmp(n->data, s, len) == 0;
}

int wasi_min_resolve(const rt_module_info *info, const rt_import *imp, rt_funcref *out) {
  if (imp->kind != RT_EXTERN_FUNC || !name_is(&imp->module, WASI_MIN_MODULE))
    return 0;
  memset(out, 0, sizeof *out);
  out->func_index = UINT32_MAX;
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; ++i) {
    if (!name_is(&imp->name, functions[i].name))
      continue;
    out->code = functions[i].code;
    out->invoke = functions[i].invoke;
    out->type_id = intern_sig(functions[i].sig);
    return 1;
  }
  /* Unknown: the stub takes the import's own type if its result fits. */
  const rt_func_type *want = &info->types[imp->type_index];
  out->code = (const void *)wasi_enosys;
  out->invoke = want->num_results == 0 ? invoke_enosys_void : invoke_enosys_i32;
  int fits = want->num_results == 0 ||
             (want->num_results == 1 && want->types[want->num_params] == RT_TYPE_I32);
  out->type_id = fits ? rt_type_intern(want) : UINT32_MAX;
  return 1;
}
