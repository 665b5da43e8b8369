/*===--- digest.c - The output digest ---------------------------------------===*
 *
 * \file
 * A running SHA-256 of the guest's writes grouped into runs (maximal
 * sequences of bytes written to one descriptor), in the byte format
 * host.h documents. A run's length is hashed after its bytes, when the
 * run ends, so the bytes stream into the hash and no output is buffered.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "sha256.h"

#include <stdlib.h>

struct wasi_digest {
  wasi_sha256_ctx hash;
  uint32_t fd;         /* the open run's descriptor */
  uint64_t run_length; /* bytes in the open run; 0 when none is open */
};

uint16_t wasi_ctx_enable_digest(wasi_ctx *ctx) {
  if (!ctx->digest && !(ctx->digest = malloc(sizeof *ctx->digest)))
    return WASI_ERRNO_NOMEM;
  struct wasi_digest empty = {.run_length = 0};
  *ctx->digest = empty;
  wasi_sha256_init(&ctx->digest->hash);
  return WASI_ERRNO_SUCCESS;
}

/* Ends the open run, if any, with its LE64 length. */
static void close_run(struct wasi_digest *d) {
  if (d->run_length == 0)
    return;
  uint8_t length[8];
  store_u64(length, d->run_length);
  wasi_sha256_update(&d->hash, length, sizeof length);
  d->run_length = 0;
}

/* An empty write opens no run (and ends none): it wrote nothing. */
void wasi_digest_note(wasi_ctx *ctx, uint32_t fd, const uint8_t *data, size_t len) {
  struct wasi_digest *d = ctx->digest;
  if (!d || len == 0)
    return;
  if (d->fd != fd)
    close_run(d);
  if (d->run_length == 0) {
    uint8_t header[4];
    store_u32(header, fd);
    wasi_sha256_update(&d->hash, header, sizeof header);
    d->fd = fd;
  }
  wasi_sha256_update(&d->hash, data, len);
  d->run_length += len;
}

/* Works on a copy, so that the running digest goes on unchanged. */
void wasi_ctx_digest_final(wasi_ctx *ctx, uint32_t exit_status, uint8_t out[32]) {
  struct wasi_digest d = *ctx->digest;
  close_run(&d);
  uint8_t status[4];
  store_u32(status, exit_status);
  wasi_sha256_update(&d.hash, status, sizeof status);
  wasi_sha256_final(&d.hash, out);
}

void wasi_digest_hex(const uint8_t digest[32], char out[65]) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 0; i < 32; ++i) {
    out[2 * i] = digits[digest[i] >> 4];
    out[2 * i + 1] = digits[digest[i] & 15];
  }
  out[64] = '\0';
}

void wasi_digest_free(wasi_ctx *ctx) {
  free(ctx->digest);
  ctx->digest = NULL;
}
