/* Number theory on 64-bit integers: a sieve of Eratosthenes over a byte
 * array, deterministic Miller-Rabin for 64-bit numbers (modular
 * multiplication through __int128 and, as a cross-check, by doubling),
 * Pollard's rho factorisation, gcd and modular inverses. Heavy on 64-bit
 * multiply, divide and remainder, which wasm32 has natively and the
 * 128-bit operations which it does not. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Modular multiplication by Montgomery reduction, for odd moduli: only
 * 64x64->128 products, no 128-bit division or remainder. (Debian's
 * compiler-rt for wasm32 builds __umodti3 with the stack protector, whose
 * __stack_chk_guard wasi-libc does not define, so `% M` on unsigned
 * __int128 fails to link.) */
typedef struct {
  uint64_t N, Inv, R2; /* Inv = N^-1 mod 2^64, R2 = 2^128 mod N */
} Mont;

static uint64_t addMod(uint64_t A, uint64_t B, uint64_t N) {
  return A >= N - B ? A - (N - B) : A + B;
}

static Mont montFor(uint64_t N) {
  Mont M = {N, N, 0};
  for (int I = 0; I < 6; ++I) /* Newton: each step doubles the good bits */
    M.Inv *= 2 - N * M.Inv;
  uint64_t R = (0 - N) % N; /* 2^64 mod N */
  for (int I = 0; I < 64; ++I)
    R = addMod(R, R, N);
  M.R2 = R;
  return M;
}

/* T * 2^-64 mod N, for T < N * 2^64. */
static uint64_t redc(const Mont *M, unsigned __int128 T) {
  uint64_t Q = (uint64_t)T * M->Inv;
  uint64_t QN = (uint64_t)(((unsigned __int128)Q * M->N) >> 64);
  uint64_t Hi = (uint64_t)(T >> 64);
  return Hi >= QN ? Hi - QN : Hi - QN + M->N;
}

static uint64_t mulMod(const Mont *M, uint64_t A, uint64_t B) {
  uint64_t P = redc(M, (unsigned __int128)(A % M->N) * (B % M->N));
  return redc(M, (unsigned __int128)P * M->R2);
}

/* Russian-peasant multiplication; correct for any M < 2^63. */
static uint64_t mulModDoubling(uint64_t A, uint64_t B, uint64_t M) {
  uint64_t R = 0;
  A %= M;
  while (B) {
    if (B & 1)
      R = (R + A) % M;
    A = (A << 1) % M;
    B >>= 1;
  }
  return R;
}

static uint64_t powMod(const Mont *M, uint64_t B, uint64_t E) {
  uint64_t R = 1 % M->N;
  B %= M->N;
  while (E) {
    if (E & 1)
      R = mulMod(M, R, B);
    B = mulMod(M, B, B);
    E >>= 1;
  }
  return R;
}

static int isPrime(uint64_t N) {
  static const uint64_t Bases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  if (N < 2)
    return 0;
  for (int I = 0; I < 12; ++I) {
    if (N % Bases[I] == 0)
      return N == Bases[I];
  }
  uint64_t D = N - 1;
  int S = 0;
  while ((D & 1) == 0) {
    D >>= 1;
    ++S;
  }
  Mont M = montFor(N);
  for (int I = 0; I < 12; ++I) {
    uint64_t X = powMod(&M, Bases[I], D);
    if (X == 1 || X == N - 1)
      continue;
    int Composite = 1;
    for (int R = 1; R < S && Composite; ++R) {
      X = mulMod(&M, X, X);
      if (X == N - 1)
        Composite = 0;
    }
    if (Composite)
      return 0;
  }
  return 1;
}

static uint64_t gcd(uint64_t A, uint64_t B) {
  while (B) {
    uint64_t T = A % B;
    A = B;
    B = T;
  }
  return A;
}

/* Pollard's rho with Floyd cycle detection; N is odd and composite. */
static uint64_t rho(uint64_t N, uint64_t C) {
  uint64_t X = 2, Y = 2, D = 1;
  Mont M = montFor(N);
  while (D == 1) {
    X = (mulMod(&M, X, X) + C) % N;
    Y = (mulMod(&M, Y, Y) + C) % N;
    Y = (mulMod(&M, Y, Y) + C) % N;
    D = gcd(X > Y ? X - Y : Y - X, N);
  }
  return D;
}

static int factor(uint64_t N, uint64_t *Out, int Count) {
  if (N == 1)
    return Count;
  if (isPrime(N)) {
    Out[Count++] = N;
    return Count;
  }
  for (uint64_t P = 2; P < 100; ++P)
    if (N % P == 0) {
      Out[Count++] = P;
      return factor(N / P, Out, Count);
    }
  for (uint64_t C = 1;; ++C) {
    uint64_t D = rho(N, C);
    if (D != N) {
      Count = factor(D, Out, Count);
      return factor(N / D, Out, Count);
    }
  }
}

static int64_t modInverse(int64_t A, int64_t M) {
  int64_t Old = A, R = M, OldS = 1, S = 0;
  while (R) {
    int64_t Q = Old / R, T = Old - Q * R;
    Old = R;
    R = T;
    T = OldS - Q * S;
    OldS = S;
    S = T;
  }
  if (Old != 1)
    return -1;
  return ((OldS % M) + M) % M;
}

int main(void) {
  enum { Limit = 2000000 };
  unsigned char *Composite = calloc(Limit + 1, 1);
  if (!Composite)
    return 1;
  uint32_t Count = 0;
  uint64_t SumPrimes = 0;
  for (uint32_t I = 2; I <= Limit; ++I) {
    if (Composite[I])
      continue;
    ++Count;
    SumPrimes += I;
    for (uint64_t J = (uint64_t)I * I; J <= Limit; J += I)
      Composite[J] = 1;
  }
  printf("primes below %d: %" PRIu32 ", sum %" PRIu64 "\n", Limit, Count,
         SumPrimes);
  /* The sieve and Miller-Rabin must agree. */
  int Mismatches = 0;
  for (uint32_t I = 0; I <= 30000; ++I)
    if (isPrime(I) != (I >= 2 && !Composite[I]))
      ++Mismatches;
  free(Composite);
  printf("sieve vs Miller-Rabin mismatches: %d\n", Mismatches);

  uint64_t Big = UINT64_MAX;
  int Found = 0;
  while (Found < 8) {
    if (isPrime(Big)) {
      printf("prime below 2^64: %" PRIu64 "\n", Big);
      ++Found;
    }
    Big -= 2;
  }

  static const uint64_t ToFactor[] = {
      600851475143u, 18446744073709551615u, 9223372036854775807u,
      1000000016000000063u, 4611686014132420609u, 999999999999999989u,
      123456789012345678u, 304250263527210u};
  for (size_t I = 0; I < sizeof ToFactor / sizeof ToFactor[0]; ++I) {
    uint64_t F[64];
    int N = factor(ToFactor[I], F, 0);
    /* Sort the factors (insertion sort: no qsort dependence). */
    for (int A = 1; A < N; ++A)
      for (int B = A; B > 0 && F[B - 1] > F[B]; --B) {
        uint64_t T = F[B];
        F[B] = F[B - 1];
        F[B - 1] = T;
      }
    printf("%" PRIu64 " =", ToFactor[I]);
    for (int A = 0; A < N; ++A)
      printf(" %" PRIu64, F[A]);
    printf("\n");
  }

  uint64_t Check = 0;
  uint64_t Prime = 9223372036854775783u; /* a prime below 2^63 */
  Mont M = montFor(Prime);
  uint64_t A = 0x243f6a8885a308d3u, B = 0x13198a2e03707344u;
  for (int I = 0; I < 2000; ++I) {
    uint64_t W = mulMod(&M, A, B), D = mulModDoubling(A, B, Prime);
    if (W != D) {
      printf("mulmod mismatch at %d\n", I);
      return 1;
    }
    Check ^= W;
    A = W ^ (A >> 7);
    B += 0x9e3779b97f4a7c15u;
  }
  printf("mulmod checksum %016" PRIx64 "\n", Check);
  for (int64_t Mod = 7; Mod < 100000; Mod = Mod * 3 + 1)
    printf("inverse of 12345 mod %" PRId64 " = %" PRId64 "\n", Mod,
           modInverse(12345, Mod));
  return 0;
}
