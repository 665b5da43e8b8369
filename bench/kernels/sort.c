/* Quicksort (median of three, insertion sort below 16) and heapsort of the
 * same pseudo-random array of 32-bit keys; both results are checked.
 * Data-dependent branches and integer compares. Size argument: elements. */
#include "common.h"

static void insertion(uint32_t *a, long n) {
  for (long i = 1; i < n; i++) {
    uint32_t v = a[i];
    long j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
    a[j + 1] = v;
  }
}

static void quicksort(uint32_t *a, long n) {
  while (n > 16) {
    long m = n / 2;
    if (a[m] < a[0]) { uint32_t t = a[m]; a[m] = a[0]; a[0] = t; }
    if (a[n - 1] < a[0]) { uint32_t t = a[n - 1]; a[n - 1] = a[0]; a[0] = t; }
    if (a[n - 1] < a[m]) { uint32_t t = a[n - 1]; a[n - 1] = a[m]; a[m] = t; }
    uint32_t p = a[m];
    long i = 0, j = n - 1;
    for (;;) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i >= j) break;
      uint32_t t = a[i]; a[i] = a[j]; a[j] = t;
      i++; j--;
    }
    /* recurse into the smaller part, loop on the larger */
    if (j + 1 < n - j - 1) { quicksort(a, j + 1); a += j + 1; n -= j + 1; }
    else { quicksort(a + j + 1, n - j - 1); n = j + 1; }
  }
  insertion(a, n);
}

static void sift(uint32_t *a, long root, long n) {
  uint32_t v = a[root];
  for (;;) {
    long c = 2 * root + 1;
    if (c >= n) break;
    if (c + 1 < n && a[c + 1] > a[c]) c++;
    if (a[c] <= v) break;
    a[root] = a[c];
    root = c;
  }
  a[root] = v;
}

static void heapsort(uint32_t *a, long n) {
  for (long i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
  for (long i = n - 1; i > 0; i--) {
    uint32_t t = a[0]; a[0] = a[i]; a[i] = t;
    sift(a, 0, i);
  }
}

static uint64_t bench(long n) {
  uint32_t *a = xmalloc(sizeof(uint32_t) * n), *b = xmalloc(sizeof(uint32_t) * n);
  rng_t r = {99};
  for (long i = 0; i < n; i++) a[i] = rng_u32(&r) % 1000000007u;
  memcpy(b, a, sizeof(uint32_t) * n);
  quicksort(a, n);
  heapsort(b, n);
  uint64_t h = 0;
  for (long i = 0; i < n; i++) {
    if (a[i] != b[i] || (i && a[i - 1] > a[i])) BENCH_FAIL("sort mismatch at %ld\n", i);
    h = mix64(h, a[i] ^ (uint64_t)i);
  }
  h = mix64(h, ((uint64_t)a[0] << 32) | a[n - 1]);
  free(a); free(b);
  return h;
}

BENCH_MAIN("sort", 1200000)
