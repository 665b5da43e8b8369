/*===--- sha256.h - SHA-256 (FIPS 180-4) -----------------------------------===*
 *
 * \file
 * The hash behind the output digest and deterministic mode's random
 * stream, computed here rather than taken from a library because it
 * becomes part of every compiled program (which links no crypto library).
 * Private to wasi-host/ (and its unit tests).
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_SHA256_H
#define WASMC_WASI_SHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WASI_SHA256_SIZE 32u

/* A hash in progress. A plain value: copying it forks the computation. */
typedef struct wasi_sha256_ctx {
  uint32_t state[8];  /* H0..H7 */
  uint64_t length;    /* bytes hashed so far */
  uint8_t block[64];  /* the partial block: the last length % 64 bytes */
} wasi_sha256_ctx;

void wasi_sha256_init(wasi_sha256_ctx *h);
void wasi_sha256_update(wasi_sha256_ctx *h, const void *data, size_t len);
/* Pads, finishes and writes the hash; h must be initialised again before
 * it hashes anything else. */
void wasi_sha256_final(wasi_sha256_ctx *h, uint8_t out[WASI_SHA256_SIZE]);

/* The hash of data[0, len) in one call. */
void wasi_sha256(const void *data, size_t len, uint8_t out[WASI_SHA256_SIZE]);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_WASI_SHA256_H */
