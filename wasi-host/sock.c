/*===--- sock.c - The sock_* functions --------------------------------------===*
 *
 * \file
 * No socket is ever granted, so these only tell the guest why: BADF for a
 * descriptor that is not open and NOTSOCK for every open one. The rights
 * are not asked first: no descriptor that is not a socket could have the
 * socket rights, and NOTSOCK is the answer a program can act on.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

static uint16_t not_a_socket(wasi_ctx *ctx, uint32_t fd) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, &e);
  return err != WASI_ERRNO_SUCCESS ? err : WASI_ERRNO_NOTSOCK;
}

uint16_t wasi_sock_accept(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t flags,
                          uint32_t fd_out) {
  return not_a_socket(ctx, fd);
}

uint16_t wasi_sock_recv(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t ri_data,
                        uint32_t ri_data_len, uint32_t ri_flags, uint32_t ro_datalen_out,
                        uint32_t ro_flags_out) {
  return not_a_socket(ctx, fd);
}

uint16_t wasi_sock_send(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t si_data,
                        uint32_t si_data_len, uint32_t si_flags, uint32_t so_datalen_out) {
  return not_a_socket(ctx, fd);
}

uint16_t wasi_sock_shutdown(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t how) {
  return not_a_socket(ctx, fd);
}
