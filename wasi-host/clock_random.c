/*===--- clock_random.c - clock_*_get and random_get ------------------------===*
 *
 * \file
 * The guest side of the injected sources (wasi_sources): ids and pointers
 * are checked here, so sources see only valid clock ids and bounded
 * host buffers.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

uint16_t wasi_clock_res_get(wasi_ctx *ctx, wasi_mem mem, uint32_t id, uint32_t resolution_out) {
  if (id > WASI_CLOCK_THREAD_CPUTIME_ID)
    return WASI_ERRNO_INVAL;
  uint8_t *out = guest(mem, resolution_out, 8);
  if (!out)
    return WASI_ERRNO_FAULT;
  uint64_t res;
  uint16_t err = ctx->sources.clock_res(ctx->sources.data, id, &res);
  if (err == WASI_ERRNO_SUCCESS)
    store_u64(out, res);
  return err;
}

uint16_t wasi_clock_time_get(wasi_ctx *ctx, wasi_mem mem, uint32_t id, uint64_t precision,
                             uint32_t time_out) {
  if (id > WASI_CLOCK_THREAD_CPUTIME_ID)
    return WASI_ERRNO_INVAL;
  uint8_t *out = guest(mem, time_out, 8);
  if (!out)
    return WASI_ERRNO_FAULT;
  uint64_t time;
  uint16_t err = ctx->sources.clock_time(ctx->sources.data, id, precision, &time);
  if (err == WASI_ERRNO_SUCCESS)
    store_u64(out, time);
  return err;
}

/* The buffer is filled in place, chunk by chunk: a guest may ask for up to
 * 4 GiB, and neither a host copy nor one unbounded source call is wanted.
 * On a source error the bytes already filled stay (the call fails; the
 * guest must not use the buffer). */
uint16_t wasi_random_get(wasi_ctx *ctx, wasi_mem mem, uint32_t buf, uint32_t buf_len) {
  uint8_t *p = guest(mem, buf, buf_len);
  if (!p)
    return WASI_ERRNO_FAULT;
  for (uint32_t done = 0; done < buf_len;) {
    uint32_t n = buf_len - done < WASI_RANDOM_CHUNK ? buf_len - done : WASI_RANDOM_CHUNK;
    uint16_t err = ctx->sources.random(ctx->sources.data, p + done, n);
    if (err != WASI_ERRNO_SUCCESS)
      return err;
    done += n;
  }
  return WASI_ERRNO_SUCCESS;
}
