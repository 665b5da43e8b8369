/*===--- sha256.c - SHA-256 (FIPS 180-4) -----------------------------------===*
 *
 * \file
 * A straightforward rendering of FIPS 180-4 sections 5 and 6.2: words are
 * big-endian whatever the host is, so the hash is the same everywhere.
 * Written for clarity; the digest and the random stream hash little data.
 *
 *===----------------------------------------------------------------------===*/
#include "sha256.h"

#include <string.h>

/* The first 32 bits of the fractional parts of the cube roots of the
 * first 64 primes (section 4.2.2). */
static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2};

static uint32_t rotr(uint32_t x, unsigned n) { return x >> n | x << (32 - n); }

static uint32_t load_be32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void store_be32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    p[i] = (uint8_t)(v >> (24 - 8 * i));
}

/* Folds one 64-byte block into the state (section 6.2.2). */
static void compress(uint32_t state[8], const uint8_t *block) {
  uint32_t w[64];
  for (int t = 0; t < 16; ++t)
    w[t] = load_be32(block + 4 * t);
  for (int t = 16; t < 64; ++t) {
    uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ w[t - 15] >> 3;
    uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ w[t - 2] >> 10;
    w[t] = s1 + w[t - 7] + s0 + w[t - 16];
  }
  uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
  for (int t = 0; t < 64; ++t) {
    uint32_t ch = (e & f) ^ (~e & g);
    uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
    uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ch + K[t] + w[t];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + maj;
    h = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

void wasi_sha256_init(wasi_sha256_ctx *h) {
  /* Section 5.3.3: fractional parts of the square roots of the first 8
   * primes. */
  static const uint32_t H0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  memcpy(h->state, H0, sizeof H0);
  h->length = 0;
}

void wasi_sha256_update(wasi_sha256_ctx *h, const void *data, size_t len) {
  if (len == 0) /* data may be NULL then, which memcpy must not see */
    return;
  const uint8_t *p = data;
  size_t used = (size_t)(h->length % 64);
  h->length += len;
  if (used > 0) {
    size_t n = len < 64 - used ? len : 64 - used;
    memcpy(h->block + used, p, n);
    if (used + n < 64)
      return;
    compress(h->state, h->block);
    p += n;
    len -= n;
  }
  /* Whole blocks straight from the input, without a copy. */
  for (; len >= 64; p += 64, len -= 64)
    compress(h->state, p);
  memcpy(h->block, p, len);
}

/* Section 5.1.1: a 1 bit, zeros up to 56 mod 64 bytes, then the message
 * length in bits as a big-endian u64. */
void wasi_sha256_final(wasi_sha256_ctx *h, uint8_t out[WASI_SHA256_SIZE]) {
  uint64_t bits = h->length * 8;
  size_t used = (size_t)(h->length % 64);
  h->block[used++] = 0x80;
  if (used > 56) { /* no room for the length: it goes in one more block */
    memset(h->block + used, 0, 64 - used);
    compress(h->state, h->block);
    used = 0;
  }
  memset(h->block + used, 0, 56 - used);
  for (int i = 0; i < 8; ++i)
    h->block[56 + i] = (uint8_t)(bits >> (56 - 8 * i));
  compress(h->state, h->block);
  for (int i = 0; i < 8; ++i)
    store_be32(out + 4 * i, h->state[i]);
}

void wasi_sha256(const void *data, size_t len, uint8_t out[WASI_SHA256_SIZE]) {
  wasi_sha256_ctx h;
  wasi_sha256_init(&h);
  wasi_sha256_update(&h, data, len);
  wasi_sha256_final(&h, out);
}
