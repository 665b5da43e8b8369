/*===--- preopen.c - fd_prestat_get, fd_prestat_dir_name -------------------===*
 *
 * \file
 * How the guest (wasi-libc's start-up scan) learns the preopened
 * directories and their names. BADF is preview1's answer both for "not
 * open" and "open but not a preopen"; the scan stops at the first BADF,
 * so preopens take the lowest free descriptors.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <string.h>

static uint16_t preopen(wasi_ctx *ctx, uint32_t fd, wasi_fd_entry **out) {
  uint16_t err = wasi_ctx_fd(ctx, fd, 0, out);
  if (err == WASI_ERRNO_SUCCESS && !(*out)->preopen_name)
    return WASI_ERRNO_BADF;
  return err;
}

uint16_t wasi_fd_prestat_get(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t prestat_out) {
  wasi_fd_entry *e;
  uint16_t err = preopen(ctx, fd, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *out = guest(mem, prestat_out, WASI_PRESTAT_SIZE);
  if (!out)
    return WASI_ERRNO_FAULT;
  memset(out, 0, WASI_PRESTAT_SIZE); /* tag 0: a directory */
  store_u32(out + 4, (uint32_t)strlen(e->preopen_name));
  return WASI_ERRNO_SUCCESS;
}

/* Writes the name without a NUL. A buffer shorter than the name is
 * NAMETOOLONG (nothing written); a longer one is fine. */
uint16_t wasi_fd_prestat_dir_name(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t path,
                                  uint32_t path_len) {
  wasi_fd_entry *e;
  uint16_t err = preopen(ctx, fd, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  uint8_t *out = guest(mem, path, path_len);
  if (!out)
    return WASI_ERRNO_FAULT;
  size_t len = strlen(e->preopen_name);
  if (path_len < len)
    return WASI_ERRNO_NAMETOOLONG;
  memcpy(out, e->preopen_name, len);
  return WASI_ERRNO_SUCCESS;
}
