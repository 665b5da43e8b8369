/*===--- internal.h - Helpers shared by the WASI host's sources ------------===*
 *
 * \file
 * The only code that turns a guest pointer into a host address (guest()),
 * little-endian access to guest data, descriptor lookup with rights, and
 * the host errno to WASI errno mapping. Private to wasi-host/.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_INTERNAL_H
#define WASMC_WASI_INTERNAL_H

#include "wasi/host.h"

/* The host address of guest bytes [ptr, ptr + len), or NULL if any of them
 * lies outside mem. ptr < 2^32 and callers pass len < 2^40 (at most a u32
 * count times a small element size), so the 64-bit sum cannot wrap. An
 * empty range at ptr == mem.size is valid: it names no byte. */
static inline uint8_t *guest(wasi_mem mem, uint32_t ptr, uint64_t len) {
  if ((uint64_t)ptr + len > mem.size)
    return NULL;
  return mem.base + ptr;
}

/* WASI data is little-endian whatever the host is. */
static inline uint32_t load_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void store_u16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}

static inline void store_u32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    p[i] = (uint8_t)(v >> (8 * i));
}

static inline void store_u64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = (uint8_t)(v >> (8 * i));
}

/* The open descriptor fd into *out, if it has all of `rights`. Returns
 * WASI_ERRNO_BADF for a descriptor that is not open, WASI_ERRNO_PERM for
 * missing rights (checked before anything else the call does). */
uint16_t wasi_ctx_fd(wasi_ctx *ctx, uint32_t fd, uint64_t rights, wasi_fd_entry **out);

/* The WASI errno for a host errno value; WASI_ERRNO_IO for the unknown. */
uint16_t wasi_errno_from_host(int host_errno);

/* The WASI file type of a host descriptor (UNKNOWN for pipes, FIFOs and
 * anything fstat cannot tell). */
uint8_t wasi_host_filetype(int host_fd);

/* Records that the guest wrote data[0, len) to guest descriptor fd (any
 * kind: stream, file, pwrite), after the host accepted those bytes. Feeds
 * the output digest; does nothing when ctx->digest is NULL. */
void wasi_digest_note(wasi_ctx *ctx, uint32_t fd, const uint8_t *data, size_t len);

#endif /* WASMC_WASI_INTERNAL_H */
