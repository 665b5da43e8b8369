/*===--- table.c - The table of preview1 functions ------------------------===*
 *
 * \file
 * wasi_functions: name and Wasm signature (from preview1.def) and a
 * uniform entry point per function, which unpacks the Wasm arguments
 * (args[i], i32 zero-extended) into the typed call. Engines that pass
 * arguments generically (the interpreter) call through `call`; compiled
 * code calls the typed functions from its own native shims.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <string.h>

/* i32 arguments arrive zero-extended in 64 bits; i64 ones whole. */
static uint32_t a32(uint64_t v) {
  return (uint32_t)v;
}

//===--- Uniform entry points, in preview1.def order -----------------------===//

static uint32_t call_args_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_args_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_args_sizes_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_args_sizes_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_environ_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_environ_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_environ_sizes_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_environ_sizes_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_clock_res_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_clock_res_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_clock_time_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_clock_time_get(c, m, a32(a[0]), a[1], a32(a[2]));
}

static uint32_t call_fd_advise(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_advise(c, m, a32(a[0]), a[1], a[2], a32(a[3]));
}

static uint32_t call_fd_allocate(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_allocate(c, m, a32(a[0]), a[1], a[2]);
}

static uint32_t call_fd_close(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_close(c, m, a32(a[0]));
}

static uint32_t call_fd_datasync(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_datasync(c, m, a32(a[0]));
}

static uint32_t call_fd_fdstat_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_fdstat_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_fd_fdstat_set_flags(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_fdstat_set_flags(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_fd_fdstat_set_rights(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_fdstat_set_rights(c, m, a32(a[0]), a[1], a[2]);
}

static uint32_t call_fd_filestat_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_filestat_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_fd_filestat_set_size(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_filestat_set_size(c, m, a32(a[0]), a[1]);
}

static uint32_t call_fd_filestat_set_times(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_filestat_set_times(c, m, a32(a[0]), a[1], a[2], a32(a[3]));
}

static uint32_t call_fd_pread(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_pread(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a[3], a32(a[4]));
}

static uint32_t call_fd_prestat_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_prestat_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_fd_prestat_dir_name(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_prestat_dir_name(c, m, a32(a[0]), a32(a[1]), a32(a[2]));
}

static uint32_t call_fd_pwrite(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_pwrite(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a[3], a32(a[4]));
}

static uint32_t call_fd_read(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_read(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]));
}

static uint32_t call_fd_readdir(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_readdir(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a[3], a32(a[4]));
}

static uint32_t call_fd_renumber(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_renumber(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_fd_seek(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_seek(c, m, a32(a[0]), (int64_t)a[1], a32(a[2]), a32(a[3]));
}

static uint32_t call_fd_sync(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_sync(c, m, a32(a[0]));
}

static uint32_t call_fd_tell(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_tell(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_fd_write(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_fd_write(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]));
}

static uint32_t call_path_create_directory(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_create_directory(c, m, a32(a[0]), a32(a[1]), a32(a[2]));
}

static uint32_t call_path_filestat_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_filestat_get(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]));
}

static uint32_t call_path_filestat_set_times(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_filestat_set_times(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a[4], a[5],
                                      a32(a[6]));
}

static uint32_t call_path_link(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_link(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]), a32(a[5]),
                        a32(a[6]));
}

static uint32_t call_path_open(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_open(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]), a[5], a[6],
                        a32(a[7]), a32(a[8]));
}

static uint32_t call_path_readlink(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_readlink(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]), a32(a[5]));
}

static uint32_t call_path_remove_directory(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_remove_directory(c, m, a32(a[0]), a32(a[1]), a32(a[2]));
}

static uint32_t call_path_rename(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_rename(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]), a32(a[5]));
}

static uint32_t call_path_symlink(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_symlink(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]));
}

static uint32_t call_path_unlink_file(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_path_unlink_file(c, m, a32(a[0]), a32(a[1]), a32(a[2]));
}

static uint32_t call_poll_oneoff(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_poll_oneoff(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]));
}

static uint32_t call_proc_exit(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_proc_exit(c, m, a32(a[0]));
}

static uint32_t call_sched_yield(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_sched_yield(c, m);
}

static uint32_t call_random_get(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_random_get(c, m, a32(a[0]), a32(a[1]));
}

static uint32_t call_sock_accept(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_sock_accept(c, m, a32(a[0]), a32(a[1]), a32(a[2]));
}

static uint32_t call_sock_recv(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_sock_recv(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]), a32(a[5]));
}

static uint32_t call_sock_send(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_sock_send(c, m, a32(a[0]), a32(a[1]), a32(a[2]), a32(a[3]), a32(a[4]));
}

static uint32_t call_sock_shutdown(wasi_ctx *c, wasi_mem m, const uint64_t *a) {
  return wasi_sock_shutdown(c, m, a32(a[0]), a32(a[1]));
}

//===--- The table and lookup ----------------------------------------------===//

const wasi_function wasi_functions[WASI_FN_COUNT] = {
#define WASI_FUNC(NAME, SIG) [WASI_FN_##NAME] = {#NAME, SIG, call_##NAME},
#include "wasi/preview1.def"
#undef WASI_FUNC
};

const wasi_function *wasi_function_find(const char *name, size_t len) {
  for (size_t i = 0; i < WASI_FN_COUNT; ++i)
    if (strlen(wasi_functions[i].name) == len && memcmp(wasi_functions[i].name, name, len) == 0)
      return &wasi_functions[i];
  return NULL;
}
