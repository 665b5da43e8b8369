/* Dense single-precision matrix multiply C = A*B (N x N, i-k-j order, the
 * inner loop is a saxpy over a row: the vectorization case), repeated.
 * Size argument: repetitions of the 256x256 product. */
#include "common.h"
#define N 256

static void matmul(const float *restrict a, const float *restrict b, float *restrict c) {
  for (int i = 0; i < N; i++) {
    float *ci = c + i * N;
    for (int j = 0; j < N; j++) ci[j] = 0.0f;
    for (int k = 0; k < N; k++) {
      float aik = a[i * N + k];
      const float *bk = b + k * N;
      for (int j = 0; j < N; j++) ci[j] += aik * bk[j];
    }
  }
}

static uint64_t bench(long reps) {
  float *a = xmalloc(sizeof(float) * N * N), *b = xmalloc(sizeof(float) * N * N),
        *c = xmalloc(sizeof(float) * N * N);
  rng_t r = {42};
  for (int i = 0; i < N * N; i++) a[i] = rng_unit_f(&r) - 0.5f;
  for (int i = 0; i < N * N; i++) b[i] = rng_unit_f(&r) - 0.5f;
  uint64_t h = 0;
  for (long rep = 0; rep < reps; rep++) {
    matmul(a, b, c);
    /* feed the result back so every repetition depends on the previous one */
    int p = (int)(rep * 7919 % (N * N));
    a[p] = c[p] * 0.25f;
    h = mix64(h, bits_f(c[(rep * 104729) % (N * N)]));
  }
  double sum = 0.0;
  for (int i = 0; i < N * N; i++) sum += c[i];
  h = mix64(h, bits_d(sum));
  free(a); free(b); free(c);
  return h;
}

BENCH_MAIN("matmul", 150)
