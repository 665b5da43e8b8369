/* Levenshtein edit distance by dynamic programming (two rows) between
 * pseudo-random strings over a 4-letter alphabet, several pairs.
 * min() chains over a dependent row. Size argument: string length. */
#include "common.h"

static int edit_distance(const char *s, long n, const char *t, long m, int *prev, int *cur) {
  for (long j = 0; j <= m; j++) prev[j] = (int)j;
  for (long i = 1; i <= n; i++) {
    cur[0] = (int)i;
    char si = s[i - 1];
    for (long j = 1; j <= m; j++) {
      int sub = prev[j - 1] + (si != t[j - 1]);
      int del = prev[j] + 1;
      int ins = cur[j - 1] + 1;
      int v = sub < del ? sub : del;
      cur[j] = v < ins ? v : ins;
    }
    int *tmp = prev; prev = cur; cur = tmp;
  }
  return prev[m];
}

static uint64_t bench(long n) {
  char *s = xmalloc(n), *t = xmalloc(n);
  int *p = xmalloc(sizeof(int) * (n + 1)), *c = xmalloc(sizeof(int) * (n + 1));
  rng_t r = {5};
  uint64_t h = 0;
  long total = 0;
  for (int pair = 0; pair < 4; pair++) {
    for (long i = 0; i < n; i++) s[i] = "ACGT"[rng_u32(&r) & 3];
    /* t is a mutated copy of s: substitutions, and a rotation */
    for (long i = 0; i < n; i++) t[i] = (rng_u32(&r) % 8 == 0) ? "ACGT"[rng_u32(&r) & 3] : s[(i + pair * 3) % n];
    int d = edit_distance(s, n, t, n - pair, p, c);
    total += d;
    h = mix64(h, (uint64_t)d);
  }
  free(s); free(t); free(p); free(c);
  return mix64(h, (uint64_t)total);
}

BENCH_MAIN("editdist", 8000)
