/* Shared helpers for the wasmc benchmark kernels: a deterministic PRNG,
 * a checksum mixer and the size argument. No wall-clock reads, no libm. */
#ifndef WASMC_BENCH_COMMON_H
#define WASMC_BENCH_COMMON_H
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* splitmix64-style generator: the state is advanced by a constant and the
 * output is a mixed copy of it. */
typedef struct { uint64_t s; } rng_t;
static inline uint64_t rng_next(rng_t *r) {
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
static inline uint32_t rng_u32(rng_t *r) { return (uint32_t)(rng_next(r) >> 32); }
/* uniform float in [0,1) with 24 significant bits, exact in float and double */
static inline float rng_unit_f(rng_t *r) { return (float)(rng_u32(r) >> 8) * (1.0f / 16777216.0f); }
static inline double rng_unit_d(rng_t *r) { return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0); }

static inline uint64_t mix64(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h * 0xFF51AFD7ED558CCDull;
}
static inline uint64_t bits_d(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static inline uint32_t bits_f(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

/* argv[1], when given, is the problem size (its meaning is per kernel). */
static inline long size_arg(int argc, char **argv, long dflt) {
  if (argc > 1) {
    long v = strtol(argv[1], NULL, 10);
    if (v > 0) return v;
  }
  return dflt;
}
/* A failed self-check: a message and exit status 3 in the command build;
 * a trap in the export build, which must not import anything. */
#ifdef BENCH_EXPORT_SIZE
#define BENCH_FAIL(...) __builtin_trap()
#else
#define BENCH_FAIL(...) (printf(__VA_ARGS__), exit(3))
#endif

static inline void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) BENCH_FAIL("out of memory\n");
  return p;
}
/* Each kernel defines `static uint64_t bench(long size)` returning a checksum
 * of everything it computed, then says BENCH_MAIN(name, default_size).
 *
 * The normal build is a command: `kernel [SIZE]` prints
 * "NAME size=SIZE checksum=HEX".
 *
 * With -DBENCH_EXPORT_SIZE=S (and -mexec-model=reactor for wasm) there is no
 * main: the module exports `bench_export() -> i64`, the checksum for size S,
 * for engines without WASI (wabt's wasm-interp --run-all-exports
 * --dummy-import-func). bench() itself makes no WASI call unless a
 * self-check fails. */
#ifdef BENCH_EXPORT_SIZE
#define BENCH_MAIN(name, dflt)                                                  \
  __attribute__((export_name("bench_export"))) uint64_t bench_export(void) {    \
    return bench(BENCH_EXPORT_SIZE);                                            \
  }
#else
#define BENCH_MAIN(name, dflt)                                                  \
  int main(int argc, char **argv) {                                             \
    long size = size_arg(argc, argv, dflt);                                     \
    uint64_t h = bench(size);                                                   \
    printf("%s size=%ld checksum=%016llx\n", name, size, (unsigned long long)h); \
    return 0;                                                                   \
  }
#endif
#endif
