/* Sieve of Eratosthenes over a byte array (odd numbers only), repeated with
 * growing limits; counts primes and sums the last ones. Streaming stores,
 * strided loops. Size argument: limit in thousands. */
#include "common.h"

static long sieve(unsigned char *comp, long limit, uint64_t *h) {
  long half = limit / 2; /* index i stands for 2i+1 */
  memset(comp, 0, half);
  comp[0] = 1;
  for (long i = 1; (2 * i + 1) * (2 * i + 1) < limit; i++) {
    if (comp[i]) continue;
    long p = 2 * i + 1;
    for (long j = (p * p) / 2; j < half; j += p) comp[j] = 1;
  }
  long count = limit > 2 ? 1 : 0;
  uint64_t s = 0;
  for (long i = 1; i < half; i++)
    if (!comp[i]) { count++; s = s * 31 + (uint64_t)(2 * i + 1); }
  *h = mix64(*h, s);
  return count;
}

static uint64_t bench(long size) {
  long limit = size * 1000;
  unsigned char *comp = xmalloc(limit / 2 + 1);
  uint64_t h = 0;
  long total = 0, last = 0;
  for (int k = 1; k <= 8; k++) {
    last = sieve(comp, limit / 8 * k, &h);
    total += last;
  }
  free(comp);
  return mix64(h, ((uint64_t)last << 32) ^ (uint64_t)total);
}

BENCH_MAIN("sieve", 40000)
