/*===--- determinism.c - Deterministic mode's clocks and random source -----===*
 *
 * \file
 * The sources wasi_ctx_set_deterministic installs: virtual clocks and a
 * seeded random stream whose values depend only on the seed and on the
 * calls made, so that a run repeats exactly on any host and in either
 * engine. The formats are part of that contract; host.h states them.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "sha256.h"

#include <stdlib.h>
#include <string.h>

typedef struct determinism {
  /* Virtual nanoseconds since the start, shared by all clocks so that
   * elapsed times agree whichever clock measures them. At one step per
   * call, realtime would wrap only after some 10^16 calls. */
  uint64_t elapsed;
  uint64_t seed;
  /* Bytes of the random stream handed out so far. */
  uint64_t position;
  /* Block position / 32 of the stream, valid while position % 32 != 0. */
  uint8_t block[WASI_SHA256_SIZE];
} determinism;

static uint16_t virtual_time(void *data, uint32_t id, uint64_t precision, uint64_t *out) {
  determinism *d = data;
  *out = id == WASI_CLOCK_REALTIME ? WASI_DETERMINISTIC_EPOCH + d->elapsed : d->elapsed;
  d->elapsed += WASI_DETERMINISTIC_STEP;
  return WASI_ERRNO_SUCCESS;
}

static uint16_t virtual_res(void *data, uint32_t id, uint64_t *out) {
  *out = WASI_DETERMINISTIC_STEP;
  return WASI_ERRNO_SUCCESS;
}

/* A poll that would wait lets the virtual time pass instead: a program
 * that sleeps sees the time it slept, and the run never waits. */
static void virtual_wait(void *data, uint64_t ns) {
  determinism *d = data;
  d->elapsed += ns;
}

/* Counter mode over SHA-256: block i is SHA-256(LE64(seed) || LE64(i)). */
static uint16_t seeded_random(void *data, uint8_t *buf, size_t len) {
  determinism *d = data;
  while (len > 0) {
    size_t offset = (size_t)(d->position % WASI_SHA256_SIZE);
    if (offset == 0) {
      uint8_t message[16];
      store_u64(message, d->seed);
      store_u64(message + 8, d->position / WASI_SHA256_SIZE);
      wasi_sha256(message, sizeof message, d->block);
    }
    size_t n = WASI_SHA256_SIZE - offset < len ? WASI_SHA256_SIZE - offset : len;
    memcpy(buf, d->block + offset, n);
    buf += n;
    len -= n;
    d->position += n;
  }
  return WASI_ERRNO_SUCCESS;
}

/* The state belongs to the context while its sources are these. */
static int owns_state(const wasi_ctx *ctx) { return ctx->sources.clock_time == virtual_time; }

uint16_t wasi_ctx_set_deterministic(wasi_ctx *ctx, uint64_t seed) {
  determinism *d = owns_state(ctx) && ctx->sources.data ? ctx->sources.data : malloc(sizeof *d);
  if (!d)
    return WASI_ERRNO_NOMEM;
  memset(d, 0, sizeof *d);
  d->seed = seed;
  wasi_sources s = {virtual_time, virtual_res, seeded_random, virtual_wait, d};
  ctx->sources = s;
  ctx->deterministic = 1;
  return WASI_ERRNO_SUCCESS;
}

/* data becomes NULL rather than dangling, so a second call frees nothing. */
void wasi_determinism_free(wasi_ctx *ctx) {
  if (!owns_state(ctx))
    return;
  free(ctx->sources.data);
  ctx->sources.data = NULL;
}
