/*===--- args_env.c - args_* and environ_* ----------------------------------===*
 *
 * \file
 * Both pairs copy a list of C strings into guest memory the same way: an
 * array of u32 guest pointers and, elsewhere, the NUL-terminated strings
 * back to back. wasi_ctx_set_args/environ have checked that the sizes fit
 * a u32.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <string.h>

static uint64_t strings_size(uint32_t count, const char *const *strings) {
  uint64_t size = 0;
  for (uint32_t i = 0; i < count; ++i)
    size += strlen(strings[i]) + 1;
  return size;
}

static uint16_t sizes_get(wasi_mem mem, uint32_t count, const char *const *strings,
                          uint32_t count_out, uint32_t size_out) {
  uint8_t *count_p = guest(mem, count_out, 4);
  uint8_t *size_p = guest(mem, size_out, 4);
  if (!count_p || !size_p)
    return WASI_ERRNO_FAULT;
  store_u32(count_p, count);
  store_u32(size_p, (uint32_t)strings_size(count, strings));
  return WASI_ERRNO_SUCCESS;
}

/* Checks both destinations completely before writing, so a fault leaves
 * guest memory untouched. The pointers written are buf + offset, which
 * cannot wrap: the buffer check put buf + size inside memory. */
static uint16_t strings_get(wasi_mem mem, uint32_t count, const char *const *strings,
                            uint32_t ptrs, uint32_t buf) {
  uint64_t size = strings_size(count, strings);
  uint8_t *ptrs_p = guest(mem, ptrs, (uint64_t)count * 4);
  uint8_t *buf_p = guest(mem, buf, size);
  if (!ptrs_p || !buf_p)
    return WASI_ERRNO_FAULT;
  uint32_t offset = 0;
  for (uint32_t i = 0; i < count; ++i) {
    size_t len = strlen(strings[i]) + 1;
    store_u32(ptrs_p + 4 * (size_t)i, buf + offset);
    memcpy(buf_p + offset, strings[i], len);
    offset += (uint32_t)len;
  }
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_args_sizes_get(wasi_ctx *ctx, wasi_mem mem, uint32_t argc_out,
                             uint32_t argv_buf_size_out) {
  return sizes_get(mem, ctx->argc, ctx->argv, argc_out, argv_buf_size_out);
}

uint16_t wasi_args_get(wasi_ctx *ctx, wasi_mem mem, uint32_t argv, uint32_t argv_buf) {
  return strings_get(mem, ctx->argc, ctx->argv, argv, argv_buf);
}

uint16_t wasi_environ_sizes_get(wasi_ctx *ctx, wasi_mem mem, uint32_t environ_count_out,
                                uint32_t environ_buf_size_out) {
  return sizes_get(mem, ctx->envc, ctx->environ, environ_count_out, environ_buf_size_out);
}

uint16_t wasi_environ_get(wasi_ctx *ctx, wasi_mem mem, uint32_t environ, uint32_t environ_buf) {
  return strings_get(mem, ctx->envc, ctx->environ, environ, environ_buf);
}
