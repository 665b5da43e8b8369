/*===--- nosys.c - The preview1 functions not implemented yet -------------===*
 *
 * \file
 * Each answers WASI_ERRNO_NOSYS. They exist with their exact signatures so
 * that both engines link a module importing them (a program may import a
 * function it never calls) and reject a wrongly typed import; the file
 * system, polling and socket issues replace them one by one.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

uint16_t wasi_fd_advise(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t offset, uint64_t len,
                        uint32_t advice) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_allocate(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t offset, uint64_t len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_datasync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_fdstat_set_flags(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_fdstat_set_rights(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t rights_base,
                                   uint64_t rights_inheriting) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_filestat_set_size(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t size) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint64_t atim,
                                    uint64_t mtim, uint32_t fst_flags) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_pread(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                       uint64_t offset, uint32_t nread_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_pwrite(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t iovs, uint32_t iovs_len,
                        uint64_t offset, uint32_t nwritten_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_readdir(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t buf, uint32_t buf_len,
                         uint64_t cookie, uint32_t bufused_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_renumber(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t to) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_fd_sync(wasi_ctx *ctx, wasi_mem mem, uint32_t fd) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_create_directory(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                    uint32_t path_len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_filestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                                uint32_t path, uint32_t path_len, uint32_t stat_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_filestat_set_times(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                                      uint32_t path, uint32_t path_len, uint64_t atim,
                                      uint64_t mtim, uint32_t fst_flags) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_link(wasi_ctx *ctx, wasi_mem mem, uint32_t old_fd, uint32_t old_flags,
                        uint32_t old_path, uint32_t old_path_len, uint32_t new_fd,
                        uint32_t new_path, uint32_t new_path_len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_open(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t dirflags, uint32_t path,
                        uint32_t path_len, uint32_t oflags, uint64_t rights_base,
                        uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_readlink(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                            uint32_t path_len, uint32_t buf, uint32_t buf_len,
                            uint32_t bufused_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_remove_directory(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                    uint32_t path_len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_rename(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t old_path,
                          uint32_t old_path_len, uint32_t new_fd, uint32_t new_path,
                          uint32_t new_path_len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_symlink(wasi_ctx *ctx, wasi_mem mem, uint32_t old_path, uint32_t old_path_len,
                           uint32_t fd, uint32_t new_path, uint32_t new_path_len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_path_unlink_file(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                               uint32_t path_len) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_poll_oneoff(wasi_ctx *ctx, wasi_mem mem, uint32_t in, uint32_t out,
                          uint32_t nsubscriptions, uint32_t nevents_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_sock_accept(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                          uint32_t fd_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_sock_recv(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t ri_data,
                        uint32_t ri_data_len, uint32_t ri_flags, uint32_t ro_datalen_out,
                        uint32_t ro_flags_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_sock_send(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t si_data,
                        uint32_t si_data_len, uint32_t si_flags, uint32_t so_datalen_out) {
  return WASI_ERRNO_NOSYS;
}

uint16_t wasi_sock_shutdown(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t how) {
  return WASI_ERRNO_NOSYS;
}
