/* Fannkuch: for every permutation of 1..n (generated in a fixed order by a
 * counter-based rotation scheme), count the prefix reversals needed until
 * the first element is 1; report the maximum and a signed checksum.
 * Small arrays, tight data-dependent loops. Size argument: n. */
#include "common.h"

static uint64_t bench(long size) {
  int n = (int)size;
  if (n > 15) n = 15;
  int perm[16], work[16], count[16];
  for (int i = 0; i < n; i++) perm[i] = i;
  for (int i = 0; i < n; i++) count[i] = 0;
  long maxflips = 0, checksum = 0, index = 0;
  for (;;) {
    /* count flips of the current permutation */
    if (perm[0] != 0) {
      for (int i = 0; i < n; i++) work[i] = perm[i];
      long flips = 0;
      int first = work[0];
      while (first != 0) {
        /* reverse work[0..first] */
        for (int lo = 0, hi = first; lo < hi; lo++, hi--) { int t = work[lo]; work[lo] = work[hi]; work[hi] = t; }
        flips++;
        first = work[0];
      }
      if (flips > maxflips) maxflips = flips;
      checksum += (index & 1) ? -flips : flips;
    }
    /* next permutation: rotate the first r+1 elements left, with a mixed-radix counter */
    int r = 1;
    for (;;) {
      if (r >= n) goto done;
      int p0 = perm[0];
      for (int i = 0; i < r; i++) perm[i] = perm[i + 1];
      perm[r] = p0;
      if (++count[r] <= r) break;
      count[r] = 0;
      r++;
    }
    index++;
  }
done:
  /* n=10 gives maxflips 38, signed sum 73196 (the well-known fannkuch values) */
  return mix64(mix64(mix64(0, (uint64_t)maxflips), (uint64_t)checksum), (uint64_t)(index + 1));
}

BENCH_MAIN("fannkuch", 10)
