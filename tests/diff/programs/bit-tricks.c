/* Bit manipulation: popcount, count leading/trailing zeros through the
 * builtins (Wasm has them as instructions) checked against portable loops,
 * rotates in both directions, bit reversal, Gray codes, the next
 * permutation of a bit pattern, a bitboard N-queens solver and a
 * bit-sliced Game of Life on a 64x64 torus. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

static int slowPopcount(uint64_t X) {
  int N = 0;
  for (; X; X >>= 1)
    N += (int)(X & 1);
  return N;
}
static int slowClz64(uint64_t X) {
  int N = 0;
  for (uint64_t Bit = (uint64_t)1 << 63; Bit && !(X & Bit); Bit >>= 1)
    ++N;
  return N;
}
static int slowCtz64(uint64_t X) {
  int N = 0;
  for (uint64_t Bit = 1; Bit && !(X & Bit); Bit <<= 1)
    ++N;
  return N;
}
static uint32_t rotl32(uint32_t X, unsigned K) { return (X << (K & 31)) | (X >> (-K & 31)); }
static uint32_t rotr32(uint32_t X, unsigned K) { return (X >> (K & 31)) | (X << (-K & 31)); }
static uint64_t rotl64(uint64_t X, unsigned K) { return (X << (K & 63)) | (X >> (-K & 63)); }
static uint64_t rotr64(uint64_t X, unsigned K) { return (X >> (K & 63)) | (X << (-K & 63)); }

static uint32_t reverse32(uint32_t X) {
  X = ((X >> 1) & 0x55555555u) | ((X & 0x55555555u) << 1);
  X = ((X >> 2) & 0x33333333u) | ((X & 0x33333333u) << 2);
  X = ((X >> 4) & 0x0f0f0f0fu) | ((X & 0x0f0f0f0fu) << 4);
  X = ((X >> 8) & 0x00ff00ffu) | ((X & 0x00ff00ffu) << 8);
  return (X >> 16) | (X << 16);
}

static void counting(void) {
  uint64_t X = 0x0123456789abcdefu;
  int Errors = 0;
  uint64_t Sum = 0;
  for (int I = 0; I < 20000; ++I) {
    X ^= X << 7;
    X ^= X >> 9;
    uint64_t V = X >> (I % 64); /* many leading zeros too */
    uint32_t W = (uint32_t)V;
    int Pop = __builtin_popcountll(V), Pop32 = __builtin_popcount(W);
    Errors += Pop != slowPopcount(V) || Pop32 != slowPopcount(W);
    if (V) {
      Errors += __builtin_clzll(V) != slowClz64(V);
      Errors += __builtin_ctzll(V) != slowCtz64(V);
      Sum += (uint64_t)(__builtin_clzll(V) * 64 + __builtin_ctzll(V));
    }
    if (W) {
      Errors += __builtin_clz(W) != slowClz64(W) - 32;
      Errors += __builtin_ctz(W) != slowCtz64(W);
      Sum += (uint64_t)(__builtin_clz(W) + __builtin_ctz(W));
    }
    Sum += (uint64_t)(Pop * 3 + Pop32);
  }
  printf("popcount/clz/ctz: %d errors, sum %" PRIu64 "\n", Errors, Sum);
  static const uint64_t Edge[] = {1, 0x8000000000000000u, 0xffffffffffffffffu,
                                  0x00000000ffffffffu, 0xffffffff00000000u, 0x10};
  for (int I = 0; I < 6; ++I)
    printf("%016" PRIx64 ": pop %d clz %d ctz %d parity %d ffs %d\n", Edge[I],
           __builtin_popcountll(Edge[I]), __builtin_clzll(Edge[I]),
           __builtin_ctzll(Edge[I]), __builtin_parityll(Edge[I]),
           __builtin_ffsll((long long)Edge[I]));
}

static void rotating(void) {
  uint32_t A = 0x12345678u;
  uint64_t B = 0x0123456789abcdefu;
  for (unsigned K = 0; K < 70; K += 7)
    printf("rot %2u: l32 %08" PRIx32 " r32 %08" PRIx32 " l64 %016" PRIx64
           " r64 %016" PRIx64 "\n",
           K, rotl32(A, K), rotr32(A, K), rotl64(B, K), rotr64(B, K));
  uint32_t H = 0;
  for (uint32_t I = 0; I < 100000; ++I)
    H = rotl32(H ^ I, 5) * 0x9e3779b1u + rotr32(I, I);
  printf("rotate hash %08" PRIx32 ", reverse %08" PRIx32 " %08" PRIx32 "\n", H,
         reverse32(0x12345678u), reverse32(1));
  printf("bswap %08" PRIx32 " %016" PRIx64 "\n", __builtin_bswap32(A),
         __builtin_bswap64(B));
}

static void patterns(void) {
  /* Gray code round trip. */
  int Bad = 0;
  for (uint32_t I = 0; I < 65536; ++I) {
    uint32_t G = I ^ (I >> 1), Back = 0;
    for (uint32_t T = G; T; T >>= 1)
      Back ^= T;
    Bad += Back != I;
    if (I > 0)
      Bad += __builtin_popcount(G ^ ((I - 1) ^ ((I - 1) >> 1))) != 1;
  }
  printf("gray code errors %d\n", Bad);
  /* All 5-of-12 subsets, in order, with Gosper's hack. */
  uint32_t V = 0x1f, Count = 0, Xor = 0;
  while (V < (1u << 12)) {
    ++Count;
    Xor ^= V * (Count | 1);
    uint32_t T = V | (V - 1);
    V = (T + 1) | (((~T & -~T) - 1) >> (__builtin_ctz(V) + 1));
  }
  printf("5-of-12 subsets: %" PRIu32 " (mix %08" PRIx32 ")\n", Count, Xor);
}

static uint64_t queens(int N, uint32_t Cols, uint32_t Diag1, uint32_t Diag2) {
  uint32_t All = (1u << N) - 1;
  if (Cols == All)
    return 1;
  uint64_t Total = 0;
  uint32_t Free = All & ~(Cols | Diag1 | Diag2);
  while (Free) {
    uint32_t Bit = Free & -Free;
    Free ^= Bit;
    Total += queens(N, Cols | Bit, (Diag1 | Bit) << 1, (Diag2 | Bit) >> 1);
  }
  return Total;
}

static void life(void) {
  uint64_t Rows[64] = {0};
  /* An R-pentomino and a glider. */
  Rows[30] = (uint64_t)0x6 << 30;
  Rows[31] = (uint64_t)0xc << 30;
  Rows[32] = (uint64_t)0x4 << 30;
  Rows[2] = 0x2;
  Rows[3] = 0x4;
  Rows[4] = 0x7;
  for (int Gen = 1; Gen <= 300; ++Gen) {
    uint64_t Next[64];
    for (int R = 0; R < 64; ++R) {
      uint64_t Up = Rows[(R + 63) & 63], Mid = Rows[R], Down = Rows[(R + 1) & 63];
      uint64_t N[8] = {rotl64(Up, 1), Up, rotr64(Up, 1), rotl64(Mid, 1),
                       rotr64(Mid, 1), rotl64(Down, 1), Down, rotr64(Down, 1)};
      /* Bit-sliced counter of the 8 neighbours: S0, S1, S2 (3 bits, >=8 wraps). */
      uint64_t S0 = 0, S1 = 0, S2 = 0;
      for (int I = 0; I < 8; ++I) {
        uint64_t C0 = S0 & N[I];
        S0 ^= N[I];
        uint64_t C1 = S1 & C0;
        S1 ^= C0;
        S2 |= C1;
      }
      /* Alive next: exactly 3, or 2 and alive now. */
      Next[R] = ~S2 & S1 & (S0 | Mid);
    }
    int Pop = 0;
    for (int R = 0; R < 64; ++R) {
      Rows[R] = Next[R];
      Pop += __builtin_popcountll(Rows[R]);
    }
    if (Gen % 50 == 0)
      printf("life generation %d: %d cells\n", Gen, Pop);
  }
  uint64_t H = 0;
  for (int R = 0; R < 64; ++R)
    H = rotl64(H, 11) ^ Rows[R];
  printf("life hash %016" PRIx64 "\n", H);
}

int main(void) {
  counting();
  rotating();
  patterns();
  for (int N = 1; N <= 10; ++N)
    printf("%d-queens: %" PRIu64 " solutions\n", N, queens(N, 0, 0, 0));
  life();
  return 0;
}
