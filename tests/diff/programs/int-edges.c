/* diff-test: wasm-O0 (also built at -O0, which keeps the name section) */
/* Integer arithmetic at the edges, with fixed-width types only (long and
 * size_t differ between the native build and wasm32): unsigned wrap-around,
 * signed division and remainder of every sign combination, shifts by every
 * count, 64-bit multiply/divide/remainder, widening and narrowing
 * conversions, and 128-bit products through __int128 (a compiler-rt call on
 * wasm32). No undefined behaviour: INT_MIN / -1 and oversized shifts are
 * never evaluated. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

/* A running checksum so that every intermediate value matters. */
static uint64_t Sum = 0x9e3779b97f4a7c15u;
static void mix(uint64_t V) {
  Sum ^= V;
  Sum *= 0x100000001b3u;
  Sum ^= Sum >> 29;
}

static const int32_t Edges32[] = {0, 1, -1, 2, -2, 7, -7, 100, -100,
                                  INT32_MAX, INT32_MIN, INT32_MAX - 1,
                                  INT32_MIN + 1, 65535, -65536};
static const int64_t Edges64[] = {0, 1, -1, 3, -3, 1000000007, -1000000007,
                                  INT64_MAX, INT64_MIN, INT64_MAX - 1,
                                  INT64_MIN + 1, 4294967296, -4294967296,
                                  (int64_t)0x7fffffff, (int64_t)0x80000000};
#define COUNT(A) (sizeof(A) / sizeof((A)[0]))

static void unsignedWrap(void) {
  uint32_t A = UINT32_MAX, B = 1;
  printf("u32: max+1=%" PRIu32 " 0-1=%" PRIu32 " max*max=%" PRIu32 "\n",
         (uint32_t)(A + B), (uint32_t)(0u - B), (uint32_t)(A * A));
  uint64_t C = UINT64_MAX;
  printf("u64: max+1=%" PRIu64 " 0-1=%" PRIu64 " max*max=%" PRIu64 "\n",
         C + 1, (uint64_t)0 - 1, C * C);
  uint16_t S = 65535;
  S = (uint16_t)(S + 1);
  uint8_t Byte = 200;
  Byte = (uint8_t)(Byte * 3);
  printf("u16 wrap=%u u8 wrap=%u\n", (unsigned)S, (unsigned)Byte);
  /* An LCG over the full 32-bit range, whose period relies on wrap. */
  uint32_t X = 12345;
  for (int I = 0; I < 100000; ++I) {
    X = X * 1664525u + 1013904223u;
    mix(X);
  }
  printf("lcg32 after 100000 steps: %" PRIu32 "\n", X);
}

static void signedDivision(void) {
  for (size_t I = 0; I < COUNT(Edges32); ++I)
    for (size_t J = 0; J < COUNT(Edges32); ++J) {
      int32_t A = Edges32[I], B = Edges32[J];
      if (B == 0 || (A == INT32_MIN && B == -1))
        continue;
      int32_t Q = A / B, R = A % B;
      mix((uint32_t)Q);
      mix((uint32_t)R);
      if (I % 5 == 0 && J % 3 == 1)
        printf("%" PRId32 " / %" PRId32 " = %" PRId32 " rem %" PRId32 "\n",
               A, B, Q, R);
    }
  for (size_t I = 0; I < COUNT(Edges64); ++I)
    for (size_t J = 0; J < COUNT(Edges64); ++J) {
      int64_t A = Edges64[I], B = Edges64[J];
      if (B == 0 || (A == INT64_MIN && B == -1))
        continue;
      int64_t Q = A / B, R = A % B;
      uint64_t UQ = (uint64_t)A / (uint64_t)B, UR = (uint64_t)A % (uint64_t)B;
      mix((uint64_t)Q);
      mix((uint64_t)R);
      mix(UQ);
      mix(UR);
      if (J == 5 || J == 12)
        printf("%" PRId64 " / %" PRId64 " = %" PRId64 " rem %" PRId64
               "; unsigned %" PRIu64 " rem %" PRIu64 "\n",
               A, B, Q, R, UQ, UR);
    }
  printf("division checksum %016" PRIx64 "\n", Sum);
}

static void shifts(void) {
  uint32_t U = 0x80000001u;
  int32_t S = INT32_MIN + 5;
  uint64_t U64 = 0x8000000000000003u;
  int64_t S64 = INT64_MIN + 9;
  for (int K = 0; K < 32; ++K) {
    mix(U << K);
    mix(U >> K);
    mix((uint32_t)(S >> K)); /* arithmetic on both targets */
  }
  for (int K = 0; K < 64; ++K) {
    mix(U64 << K);
    mix(U64 >> K);
    mix((uint64_t)(S64 >> K));
  }
  /* Shift counts taken modulo the width explicitly, as Wasm does. */
  uint32_t Count = 37;
  printf("masked shifts: %08" PRIx32 " %016" PRIx64 " %" PRId32 "\n",
         U << (Count & 31), U64 >> ((Count + 40) & 63), S >> (Count & 31));
  printf("shift checksum %016" PRIx64 "\n", Sum);
}

static void conversions(void) {
  int64_t Big = INT64_C(0x123456789abcdef0);
  printf("narrow: i32=%" PRId32 " u16=%u i8=%d u8=%u\n", (int32_t)(uint32_t)Big,
         (unsigned)(uint16_t)Big, (int)(int8_t)(uint8_t)Big, (unsigned)(uint8_t)Big);
  int32_t Neg = -123456789;
  printf("widen: s->u64=%" PRIu64 " s->i64=%" PRId64 " u32->u64=%" PRIu64 "\n",
         (uint64_t)(int64_t)Neg, (int64_t)Neg, (uint64_t)(uint32_t)Neg);
  int8_t Small = -128;
  printf("sign extend: %d %d %" PRId64 "\n", (int)Small, (int)(int16_t)(uint16_t)0x8001,
         (int64_t)(int32_t)0xfffffff0u);
}

static void wideProducts(void) {
  uint64_t A = 0xfedcba9876543210u, B = 0x0123456789abcdefu;
  for (int I = 0; I < 1000; ++I) {
    unsigned __int128 P = (unsigned __int128)A * B;
    uint64_t Hi = (uint64_t)(P >> 64), Lo = (uint64_t)P;
    mix(Hi);
    mix(Lo);
    A = Hi ^ (Lo << 1);
    B = B * 6364136223846793005u + 1442695040888963407u;
  }
  __int128 S = (__int128)INT64_MIN * INT64_MAX;
  printf("i128 min*max: hi=%016" PRIx64 " lo=%016" PRIx64 "\n",
         (uint64_t)((unsigned __int128)S >> 64), (uint64_t)S);
  unsigned __int128 Q = ((unsigned __int128)1 << 100) / 1000000007u;
  printf("2^100 / 1000000007 = %016" PRIx64 "%016" PRIx64 "\n",
         (uint64_t)(Q >> 64), (uint64_t)Q);
  printf("wide checksum %016" PRIx64 "\n", Sum);
}

static void saturatingAndOverflow(void) {
  int32_t Values[] = {INT32_MAX, INT32_MIN, 1, -1, 123456, -98765};
  int Overflows = 0;
  for (size_t I = 0; I < COUNT(Values); ++I)
    for (size_t J = 0; J < COUNT(Values); ++J) {
      int32_t R;
      if (__builtin_add_overflow(Values[I], Values[J], &R))
        ++Overflows;
      else
        mix((uint32_t)R);
      if (__builtin_mul_overflow(Values[I], Values[J], &R))
        ++Overflows;
      else
        mix((uint32_t)R);
      int64_t R64;
      if (!__builtin_sub_overflow((int64_t)Values[I] << 31, (int64_t)Values[J], &R64))
        mix((uint64_t)R64);
    }
  printf("overflows detected: %d, checksum %016" PRIx64 "\n", Overflows, Sum);
}

int main(void) {
  unsignedWrap();
  signedDivision();
  shifts();
  conversions();
  wideProducts();
  saturatingAndOverflow();
  return 0;
}
