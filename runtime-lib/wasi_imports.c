/*===--- wasi_imports.c - Native entry points of the WASI functions --------===*
 *
 * \file
 * Generated code calls an import as code(inst, args...) with the Wasm
 * parameters as native int32_t/int64_t. Each preview1 function therefore
 * gets a native shim here with exactly its Wasm signature, which hands the
 * call to wasi-host with the instance's wasi_ctx (inst->host) and memory 0.
 * Names and types come from wasi-host's table, so this file only maps each
 * table entry to its shim. One generic invoke trampoline serves all shims
 * for rt_call (a host calling an imported WASI function through a
 * funcref): it finds the function by its code pointer and goes through the
 * table's uniform entry point.
 *
 *===----------------------------------------------------------------------===*/
#include "wasi_imports.h"

#include "wasi/host.h"

#include <stdlib.h>
#include <string.h>

static wasi_ctx *ctx_of(rt_instance *inst) {
  return (wasi_ctx *)inst->host;
}

/* Memory 0 as the instance sees it now (memory.grow changes its size). */
static wasi_mem mem_of(rt_instance *inst) {
  wasi_mem m = {NULL, 0};
  if (inst->memory0) {
    m.base = inst->memory0->base;
    m.size = inst->memory0->size;
  }
  return m;
}

//===--- Native shims, in preview1.def order ----------------------------------===//

static int32_t shim_args_get(rt_instance *inst, int32_t argv, int32_t argv_buf) {
  return wasi_args_get(ctx_of(inst), mem_of(inst), (uint32_t)argv, (uint32_t)argv_buf);
}

static int32_t shim_args_sizes_get(rt_instance *inst, int32_t argc_out, int32_t argv_buf_size_out) {
  return wasi_args_sizes_get(ctx_of(inst), mem_of(inst), (uint32_t)argc_out,
                             (uint32_t)argv_buf_size_out);
}

static int32_t shim_environ_get(rt_instance *inst, int32_t environ, int32_t environ_buf) {
  return wasi_environ_get(ctx_of(inst), mem_of(inst), (uint32_t)environ, (uint32_t)environ_buf);
}

static int32_t shim_environ_sizes_get(rt_instance *inst, int32_t environ_count_out,
                                      int32_t environ_buf_size_out) {
  return wasi_environ_sizes_get(ctx_of(inst), mem_of(inst), (uint32_t)environ_count_out,
                                (uint32_t)environ_buf_size_out);
}

static int32_t shim_clock_res_get(rt_instance *inst, int32_t id, int32_t resolution_out) {
  return wasi_clock_res_get(ctx_of(inst), mem_of(inst), (uint32_t)id, (uint32_t)resolution_out);
}

static int32_t shim_clock_time_get(rt_instance *inst, int32_t id, int64_t precision,
                                   int32_t time_out) {
  return wasi_clock_time_get(ctx_of(inst), mem_of(inst), (uint32_t)id, (uint64_t)precision,
                             (uint32_t)time_out);
}

static int32_t shim_fd_advise(rt_instance *inst, int32_t fd, int64_t offset, int64_t len,
                              int32_t advice) {
  return wasi_fd_advise(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint64_t)offset, (uint64_t)len,
                        (uint32_t)advice);
}

static int32_t shim_fd_allocate(rt_instance *inst, int32_t fd, int64_t offset, int64_t len) {
  return wasi_fd_allocate(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint64_t)offset,
                          (uint64_t)len);
}

static int32_t shim_fd_close(rt_instance *inst, int32_t fd) {
  return wasi_fd_close(ctx_of(inst), mem_of(inst), (uint32_t)fd);
}

static int32_t shim_fd_datasync(rt_instance *inst, int32_t fd) {
  return wasi_fd_datasync(ctx_of(inst), mem_of(inst), (uint32_t)fd);
}

static int32_t shim_fd_fdstat_get(rt_instance *inst, int32_t fd, int32_t stat_out) {
  return wasi_fd_fdstat_get(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)stat_out);
}

static int32_t shim_fd_fdstat_set_flags(rt_instance *inst, int32_t fd, int32_t flags) {
  return wasi_fd_fdstat_set_flags(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)flags);
}

static int32_t shim_fd_fdstat_set_rights(rt_instance *inst, int32_t fd, int64_t rights_base,
                                         int64_t rights_inheriting) {
  return wasi_fd_fdstat_set_rights(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint64_t)rights_base,
                                   (uint64_t)rights_inheriting);
}

static int32_t shim_fd_filestat_get(rt_instance *inst, int32_t fd, int32_t stat_out) {
  return wasi_fd_filestat_get(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)stat_out);
}

static int32_t shim_fd_filestat_set_size(rt_instance *inst, int32_t fd, int64_t size) {
  return wasi_fd_filestat_set_size(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint64_t)size);
}

static int32_t shim_fd_filestat_set_times(rt_instance *inst, int32_t fd, int64_t atim, int64_t mtim,
                                          int32_t fst_flags) {
  return wasi_fd_filestat_set_times(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint64_t)atim,
                                    (uint64_t)mtim, (uint32_t)fst_flags);
}

static int32_t shim_fd_pread(rt_instance *inst, int32_t fd, int32_t iovs, int32_t iovs_len,
                             int64_t offset, int32_t nread_out) {
  return wasi_fd_pread(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)iovs, (uint32_t)iovs_len,
                       (uint64_t)offset, (uint32_t)nread_out);
}

static int32_t shim_fd_prestat_get(rt_instance *inst, int32_t fd, int32_t prestat_out) {
  return wasi_fd_prestat_get(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)prestat_out);
}

static int32_t shim_fd_prestat_dir_name(rt_instance *inst, int32_t fd, int32_t path,
                                        int32_t path_len) {
  return wasi_fd_prestat_dir_name(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)path,
                                  (uint32_t)path_len);
}

static int32_t shim_fd_pwrite(rt_instance *inst, int32_t fd, int32_t iovs, int32_t iovs_len,
                              int64_t offset, int32_t nwritten_out) {
  return wasi_fd_pwrite(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)iovs,
                        (uint32_t)iovs_len, (uint64_t)offset, (uint32_t)nwritten_out);
}

static int32_t shim_fd_read(rt_instance *inst, int32_t fd, int32_t iovs, int32_t iovs_len,
                            int32_t nread_out) {
  return wasi_fd_read(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)iovs, (uint32_t)iovs_len,
                      (uint32_t)nread_out);
}

static int32_t shim_fd_readdir(rt_instance *inst, int32_t fd, int32_t buf, int32_t buf_len,
                               int64_t cookie, int32_t bufused_out) {
  return wasi_fd_readdir(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)buf, (uint32_t)buf_len,
                         (uint64_t)cookie, (uint32_t)bufused_out);
}

static int32_t shim_fd_renumber(rt_instance *inst, int32_t fd, int32_t to) {
  return wasi_fd_renumber(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)to);
}

static int32_t shim_fd_seek(rt_instance *inst, int32_t fd, int64_t offset, int32_t whence,
                            int32_t newoffset_out) {
  return wasi_fd_seek(ctx_of(inst), mem_of(inst), (uint32_t)fd, offset, (uint32_t)whence,
                      (uint32_t)newoffset_out);
}

static int32_t shim_fd_sync(rt_instance *inst, int32_t fd) {
  return wasi_fd_sync(ctx_of(inst), mem_of(inst), (uint32_t)fd);
}

static int32_t shim_fd_tell(rt_instance *inst, int32_t fd, int32_t offset_out) {
  return wasi_fd_tell(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)offset_out);
}

static int32_t shim_fd_write(rt_instance *inst, int32_t fd, int32_t iovs, int32_t iovs_len,
                             int32_t nwritten_out) {
  return wasi_fd_write(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)iovs, (uint32_t)iovs_len,
                       (uint32_t)nwritten_out);
}

static int32_t shim_path_create_directory(rt_instance *inst, int32_t fd, int32_t path,
                                          int32_t path_len) {
  return wasi_path_create_directory(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)path,
                                    (uint32_t)path_len);
}

static int32_t shim_path_filestat_get(rt_instance *inst, int32_t fd, int32_t flags, int32_t path,
                                      int32_t path_len, int32_t stat_out) {
  return wasi_path_filestat_get(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)flags,
                                (uint32_t)path, (uint32_t)path_len, (uint32_t)stat_out);
}

static int32_t shim_path_filestat_set_times(rt_instance *inst, int32_t fd, int32_t flags,
                                            int32_t path, int32_t path_len, int64_t atim,
                                            int64_t mtim, int32_t fst_flags) {
  return wasi_path_filestat_set_times(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)flags,
                                      (uint32_t)path, (uint32_t)path_len, (uint64_t)atim,
                                      (uint64_t)mtim, (uint32_t)fst_flags);
}

static int32_t shim_path_link(rt_instance *inst, int32_t old_fd, int32_t old_flags,
                              int32_t old_path, int32_t old_path_len, int32_t new_fd,
                              int32_t new_path, int32_t new_path_len) {
  return wasi_path_link(ctx_of(inst), mem_of(inst), (uint32_t)old_fd, (uint32_t)old_flags,
                        (uint32_t)old_path, (uint32_t)old_path_len, (uint32_t)new_fd,
                        (uint32_t)new_path, (uint32_t)new_path_len);
}

static int32_t shim_path_open(rt_instance *inst, int32_t fd, int32_t dirflags, int32_t path,
                              int32_t path_len, int32_t oflags, int64_t rights_base,
                              int64_t rights_inheriting, int32_t fdflags, int32_t fd_out) {
  return wasi_path_open(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)dirflags,
                        (uint32_t)path, (uint32_t)path_len, (uint32_t)oflags, (uint64_t)rights_base,
                        (uint64_t)rights_inheriting, (uint32_t)fdflags, (uint32_t)fd_out);
}

static int32_t shim_path_readlink(rt_instance *inst, int32_t fd, int32_t path, int32_t path_len,
                                  int32_t buf, int32_t buf_len, int32_t bufused_out) {
  return wasi_path_readlink(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)path,
                            (uint32_t)path_len, (uint32_t)buf, (uint32_t)buf_len,
                            (uint32_t)bufused_out);
}

static int32_t shim_path_remove_directory(rt_instance *inst, int32_t fd, int32_t path,
                                          int32_t path_len) {
  return wasi_path_remove_directory(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)path,
                                    (uint32_t)path_len);
}

static int32_t shim_path_rename(rt_instance *inst, int32_t fd, int32_t old_path,
                                int32_t old_path_len, int32_t new_fd, int32_t new_path,
                                int32_t new_path_len) {
  return wasi_path_rename(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)old_path,
                          (uint32_t)old_path_len, (uint32_t)new_fd, (uint32_t)new_path,
                          (uint32_t)new_path_len);
}

static int32_t shim_path_symlink(rt_instance *inst, int32_t old_path, int32_t old_path_len,
                                 int32_t fd, int32_t new_path, int32_t new_path_len) {
  return wasi_path_symlink(ctx_of(inst), mem_of(inst), (uint32_t)old_path, (uint32_t)old_path_len,
                           (uint32_t)fd, (uint32_t)new_path, (uint32_t)new_path_len);
}

static int32_t shim_path_unlink_file(rt_instance *inst, int32_t fd, int32_t path,
                                     int32_t path_len) {
  return wasi_path_unlink_file(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)path,
                               (uint32_t)path_len);
}

static int32_t shim_poll_oneoff(rt_instance *inst, int32_t in, int32_t out,
                                int32_t nsubscriptions, int32_t nevents_out) {
  return wasi_poll_oneoff(ctx_of(inst), mem_of(inst), (uint32_t)in, (uint32_t)out,
                          (uint32_t)nsubscriptions, (uint32_t)nevents_out);
}

/* preview1's proc_exit does not return: neither does its shim. */
static void shim_proc_exit(rt_instance *inst, int32_t rval) {
  wasi_ctx *ctx = ctx_of(inst);
  wasi_proc_exit(ctx, mem_of(inst), (uint32_t)rval);
  exit((int)ctx->exit_code);
}

static int32_t shim_sched_yield(rt_instance *inst) {
  return wasi_sched_yield(ctx_of(inst), mem_of(inst));
}

static int32_t shim_random_get(rt_instance *inst, int32_t buf, int32_t buf_len) {
  return wasi_random_get(ctx_of(inst), mem_of(inst), (uint32_t)buf, (uint32_t)buf_len);
}

static int32_t shim_sock_accept(rt_instance *inst, int32_t fd, int32_t flags, int32_t fd_out) {
  return wasi_sock_accept(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)flags,
                          (uint32_t)fd_out);
}

static int32_t shim_sock_recv(rt_instance *inst, int32_t fd, int32_t ri_data, int32_t ri_data_len,
                              int32_t ri_flags, int32_t ro_datalen_out, int32_t ro_flags_out) {
  return wasi_sock_recv(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)ri_data,
                        (uint32_t)ri_data_len, (uint32_t)ri_flags, (uint32_t)ro_datalen_out,
                        (uint32_t)ro_flags_out);
}

static int32_t shim_sock_send(rt_instance *inst, int32_t fd, int32_t si_data, int32_t si_data_len,
                              int32_t si_flags, int32_t so_datalen_out) {
  return wasi_sock_send(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)si_data,
                        (uint32_t)si_data_len, (uint32_t)si_flags, (uint32_t)so_datalen_out);
}

static int32_t shim_sock_shutdown(rt_instance *inst, int32_t fd, int32_t how) {
  return wasi_sock_shutdown(ctx_of(inst), mem_of(inst), (uint32_t)fd, (uint32_t)how);
}

static const void *const shims[WASI_FN_COUNT] = {
#define WASI_FUNC(NAME, SIG) [WASI_FN_##NAME] = (const void *)shim_##NAME,
#include "wasi/preview1.def"
#undef WASI_FUNC
};

//===--- The invoke trampoline and resolution ---------------------------------===//

/* rt_invoke_fn of every shim: parameters from vals as the signature says,
 * the errno result (if the type has one) back into vals[0]. */
static void invoke_wasi(const void *code, rt_instance *inst, rt_value *vals) {
  size_t id = 0;
  while (id < WASI_FN_COUNT && shims[id] != code)
    ++id;
  if (id == WASI_FN_COUNT)
    return; /* not one of ours: rt_wasi_resolve never hands out such a funcref */
  const wasi_function *f = &wasi_functions[id];
  uint64_t args[16];
  size_t n = 0;
  for (const char *c = f->sig; *c != ':'; ++c, ++n)
    args[n] = *c == 'I' ? (uint64_t)vals[n].i64 : (uint64_t)(uint32_t)vals[n].i32;
  wasi_ctx *ctx = ctx_of(inst);
  uint32_t result = f->call(ctx, mem_of(inst), args);
  if (result == WASI_CALL_EXIT)
    exit((int)ctx->exit_code);
  if (strchr(f->sig, ':')[1] == 'i')
    vals[0].i32 = (int32_t)result;
}

/* The canonical type id of a table signature. */
static uint32_t intern_sig(const char *sig) {
  uint8_t codes[16];
  uint32_t n = 0, params = 0;
  for (const char *c = sig; *c; ++c) {
    if (*c == ':')
      params = n;
    else
      codes[n++] = *c == 'I' ? RT_TYPE_I64 : RT_TYPE_I32;
  }
  rt_func_type t = {params, n - params, codes};
  return rt_type_intern(&t);
}

int rt_wasi_resolve(const rt_import *imp, rt_funcref *out) {
  static const char module[] = WASI_MODULE_NAME;
  if (imp->kind != RT_EXTERN_FUNC || imp->module.len != sizeof module - 1 ||
      memcmp(imp->module.data, module, sizeof module - 1) != 0)
    return 0;
  const wasi_function *f = wasi_function_find(imp->name.data, imp->name.len);
  if (!f)
    return 0;
  memset(out, 0, sizeof *out);
  out->code = shims[f - wasi_functions];
  out->invoke = invoke_wasi;
  out->func_index = UINT32_MAX;
  out->type_id = intern_sig(f->sig);
  return out->type_id == UINT32_MAX ? -1 : 1;
}
