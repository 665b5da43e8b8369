/* Recursion, deep-ish but bounded: Ackermann's function, the towers of
 * Hanoi with a checksum of the moves, mutually recursive even/odd 20000
 * calls deep (no locals in linear memory, so only the engines' own call
 * stacks are used), permutations by swapping, integer partitions with and
 * without memoisation, a recursive flood fill of a generated maze, and
 * merge sort. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t Calls;

static uint32_t ackermann(uint32_t M, uint32_t N) {
  ++Calls;
  if (M == 0)
    return N + 1;
  if (N == 0)
    return ackermann(M - 1, 1);
  return ackermann(M - 1, ackermann(M, N - 1));
}

static uint64_t HanoiHash;
static void hanoi(int N, int From, int To, int Via) {
  if (N == 0)
    return;
  hanoi(N - 1, From, Via, To);
  HanoiHash = (HanoiHash * 31 + (uint64_t)(N * 9 + From * 3 + To)) % 1000000007u;
  hanoi(N - 1, Via, To, From);
}

static int isOdd(uint32_t N);
static int isEven(uint32_t N) { return N == 0 ? 1 : isOdd(N - 1); }
static int isOdd(uint32_t N) { return N == 0 ? 0 : isEven(N - 1); }

/* Sum of the depth at which each call returns: defeats tail-call tricks. */
static uint64_t depthSum(uint32_t N) { return N == 0 ? 0 : N + depthSum(N - 1); }

static int Perm[9];
static uint64_t PermCount, PermHash;
static void permute(int K, int N) {
  if (K == N) {
    ++PermCount;
    uint64_t V = 0;
    for (int I = 0; I < N; ++I)
      V = V * 10 + (uint64_t)Perm[I];
    PermHash ^= V * (PermCount | 1);
    return;
  }
  for (int I = K; I < N; ++I) {
    int T = Perm[K];
    Perm[K] = Perm[I];
    Perm[I] = T;
    permute(K + 1, N);
    Perm[I] = Perm[K];
    Perm[K] = T;
  }
}

/* Partitions of N into parts no larger than M. */
static uint64_t partitionsSlow(int N, int M) {
  if (N == 0)
    return 1;
  if (N < 0 || M == 0)
    return 0;
  return partitionsSlow(N - M, M) + partitionsSlow(N, M - 1);
}
static uint64_t Memo[201][201];
static uint64_t partitions(int N, int M) {
  if (N == 0)
    return 1;
  if (N < 0 || M == 0)
    return 0;
  if (Memo[N][M])
    return Memo[N][M];
  return Memo[N][M] = partitions(N - M, M) + partitions(N, M - 1);
}

enum { W = 61, H = 41 };
static char Maze[H][W + 1];
static uint32_t Seed = 2463534242u;
static uint32_t next(void) {
  Seed ^= Seed << 13;
  Seed ^= Seed >> 17;
  Seed ^= Seed << 5;
  return Seed;
}
/* Carves a maze by recursive backtracking from (X, Y). */
static void carve(int X, int Y) {
  static const int DX[] = {2, -2, 0, 0}, DY[] = {0, 0, 2, -2};
  int Order[4] = {0, 1, 2, 3};
  for (int I = 3; I > 0; --I) {
    int J = (int)(next() % (uint32_t)(I + 1)), T = Order[I];
    Order[I] = Order[J];
    Order[J] = T;
  }
  Maze[Y][X] = ' ';
  for (int I = 0; I < 4; ++I) {
    int NX = X + DX[Order[I]], NY = Y + DY[Order[I]];
    if (NX > 0 && NX < W - 1 && NY > 0 && NY < H - 1 && Maze[NY][NX] == '#') {
      Maze[Y + DY[Order[I]] / 2][X + DX[Order[I]] / 2] = ' ';
      carve(NX, NY);
    }
  }
}
/* Distance-labelled flood fill; returns the cells reached. */
static int fill(int X, int Y, int Dist, int *Far) {
  if (Maze[Y][X] != ' ')
    return 0;
  Maze[Y][X] = (char)('0' + Dist % 10);
  if (Dist > *Far)
    *Far = Dist;
  return 1 + fill(X + 1, Y, Dist + 1, Far) + fill(X - 1, Y, Dist + 1, Far) +
         fill(X, Y + 1, Dist + 1, Far) + fill(X, Y - 1, Dist + 1, Far);
}

static void mergeSort(int32_t *A, int32_t *Tmp, int N) {
  if (N < 2)
    return;
  int Half = N / 2;
  mergeSort(A, Tmp, Half);
  mergeSort(A + Half, Tmp, N - Half);
  int I = 0, J = Half, K = 0;
  while (I < Half && J < N)
    Tmp[K++] = A[J] < A[I] ? A[J++] : A[I++];
  while (I < Half)
    Tmp[K++] = A[I++];
  while (J < N)
    Tmp[K++] = A[J++];
  memcpy(A, Tmp, (size_t)N * sizeof *A);
}

int main(void) {
  for (uint32_t M = 0; M <= 3; ++M) {
    Calls = 0;
    uint32_t N = M == 3 ? 6 : 10;
    printf("ackermann(%u, %u) = %u in %" PRIu64 " calls\n", M, N,
           ackermann(M, N), Calls);
  }
  for (int N = 1; N <= 20; N += 19) {
    HanoiHash = 0;
    hanoi(N, 0, 2, 1);
    printf("hanoi %d: %" PRIu64 " moves, hash %" PRIu64 "\n", N,
           ((uint64_t)1 << N) - 1, HanoiHash);
  }
  printf("isEven(20000)=%d isOdd(19999)=%d isEven(7777)=%d\n", isEven(20000),
         isOdd(19999), isEven(7777));
  printf("depthSum(20000)=%" PRIu64 "\n", depthSum(20000));
  for (int I = 0; I < 9; ++I)
    Perm[I] = I + 1;
  permute(0, 9);
  printf("permutations of 9: %" PRIu64 ", hash %016" PRIx64 "\n", PermCount,
         PermHash);
  printf("partitions: p(40) slow %" PRIu64 ", p(40) %" PRIu64 ", p(200) %" PRIu64
         "\n",
         partitionsSlow(40, 40), partitions(40, 40), partitions(200, 200));
  for (int Y = 0; Y < H; ++Y) {
    memset(Maze[Y], '#', W);
    Maze[Y][W] = '\0';
  }
  carve(1, 1);
  int Far = 0;
  int Reached = fill(1, 1, 0, &Far);
  printf("maze: %d cells reached, farthest %d steps\n", Reached, Far);
  for (int Y = 0; Y < 9; ++Y)
    printf("%s\n", Maze[Y]);
  enum { N = 5000 };
  int32_t *A = malloc(N * sizeof *A), *Tmp = malloc(N * sizeof *Tmp);
  for (int I = 0; I < N; ++I)
    A[I] = (int32_t)(next() % 100000) - 50000;
  mergeSort(A, Tmp, N);
  int Sorted = 1;
  int64_t Sum = 0;
  for (int I = 0; I < N; ++I) {
    Sorted &= I == 0 || A[I - 1] <= A[I];
    Sum += (int64_t)A[I] * (I % 13);
  }
  printf("merge sort: sorted %d, weighted sum %" PRId64 ", median %d\n", Sorted,
         Sum, (int)A[N / 2]);
  free(A);
  free(Tmp);
  return 0;
}
