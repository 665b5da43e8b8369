/* Numerical linear algebra in double precision with only correctly
 * rounded operations: LU decomposition with partial pivoting solving
 * Hilbert systems (badly conditioned, so every rounding shows in the
 * printed digits), Cholesky factorisation with sqrt, power iteration for a
 * dominant eigenvalue, and an ASCII Mandelbrot set. Matrices are
 * allocated with malloc and indexed through row pointers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double **newMatrix(int N) {
  double **M = malloc(N * sizeof *M);
  for (int I = 0; I < N; ++I)
    M[I] = calloc(N, sizeof **M);
  return M;
}

static void freeMatrix(double **M, int N) {
  for (int I = 0; I < N; ++I)
    free(M[I]);
  free(M);
}

/* Solves A x = b in place (A is destroyed); returns 0 if singular. */
static int solve(double **A, double *B, double *X, int N) {
  int *Perm = malloc(N * sizeof *Perm);
  for (int I = 0; I < N; ++I)
    Perm[I] = I;
  for (int K = 0; K < N; ++K) {
    int Pivot = K;
    for (int I = K + 1; I < N; ++I)
      if (fabs(A[I][K]) > fabs(A[Pivot][K]))
        Pivot = I;
    if (A[Pivot][K] == 0) {
      free(Perm);
      return 0;
    }
    double *Row = A[K];
    A[K] = A[Pivot];
    A[Pivot] = Row;
    double T = B[K];
    B[K] = B[Pivot];
    B[Pivot] = T;
    int P = Perm[K];
    Perm[K] = Perm[Pivot];
    Perm[Pivot] = P;
    for (int I = K + 1; I < N; ++I) {
      double F = A[I][K] / A[K][K];
      A[I][K] = F;
      for (int J = K + 1; J < N; ++J)
        A[I][J] -= F * A[K][J];
      B[I] -= F * B[K];
    }
  }
  for (int I = N - 1; I >= 0; --I) {
    double S = B[I];
    for (int J = I + 1; J < N; ++J)
      S -= A[I][J] * X[J];
    X[I] = S / A[I][I];
  }
  free(Perm);
  return 1;
}

static void hilbert(int N) {
  double **A = newMatrix(N);
  double *B = malloc(N * sizeof *B), *X = malloc(N * sizeof *X);
  for (int I = 0; I < N; ++I) {
    B[I] = 0;
    for (int J = 0; J < N; ++J) {
      A[I][J] = 1.0 / (I + J + 1);
      B[I] += A[I][J]; /* the exact solution is all ones */
    }
  }
  if (!solve(A, B, X, N)) {
    printf("hilbert %d: singular\n", N);
  } else {
    double MaxErr = 0;
    for (int I = 0; I < N; ++I)
      if (fabs(X[I] - 1) > MaxErr)
        MaxErr = fabs(X[I] - 1);
    printf("hilbert %2d: x[0]=%.17g x[n-1]=%.17g max error %.6e\n", N, X[0],
           X[N - 1], MaxErr);
  }
  freeMatrix(A, N);
  free(B);
  free(X);
}

static void cholesky(int N) {
  double **A = newMatrix(N), **L = newMatrix(N);
  for (int I = 0; I < N; ++I)
    for (int J = 0; J < N; ++J)
      A[I][J] = (I == J ? N + 1.0 : 0) + 1.0 / (1 + (I > J ? I - J : J - I));
  for (int J = 0; J < N; ++J) {
    double S = A[J][J];
    for (int K = 0; K < J; ++K)
      S -= L[J][K] * L[J][K];
    L[J][J] = sqrt(S);
    for (int I = J + 1; I < N; ++I) {
      double T = A[I][J];
      for (int K = 0; K < J; ++K)
        T -= L[I][K] * L[J][K];
      L[I][J] = T / L[J][J];
    }
  }
  double Trace = 0, Residual = 0;
  for (int I = 0; I < N; ++I) {
    Trace += L[I][I];
    for (int J = 0; J <= I; ++J) {
      double S = 0;
      for (int K = 0; K <= J; ++K)
        S += L[I][K] * L[J][K];
      Residual += fabs(S - A[I][J]);
    }
  }
  printf("cholesky %d: trace(L)=%.17g residual=%.6e L[n-1][n-1]=%.17g\n", N,
         Trace, Residual, L[N - 1][N - 1]);
  freeMatrix(A, N);
  freeMatrix(L, N);
}

static void powerIteration(int N) {
  double **A = newMatrix(N);
  double *V = malloc(N * sizeof *V), *W = malloc(N * sizeof *W);
  for (int I = 0; I < N; ++I) {
    V[I] = 1;
    for (int J = 0; J < N; ++J)
      A[I][J] = (double)((I * 7 + J * 3) % 11) / 10.0 + (I == J ? 2 : 0);
  }
  double Lambda = 0;
  for (int Iter = 0; Iter < 200; ++Iter) {
    double Norm = 0;
    for (int I = 0; I < N; ++I) {
      W[I] = 0;
      for (int J = 0; J < N; ++J)
        W[I] += A[I][J] * V[J];
      Norm += W[I] * W[I];
    }
    Norm = sqrt(Norm);
    double Dot = 0, VV = 0;
    for (int I = 0; I < N; ++I) {
      Dot += V[I] * W[I];
      VV += V[I] * V[I];
      V[I] = W[I] / Norm;
    }
    Lambda = Dot / VV;
  }
  printf("power iteration %d: lambda=%.17g v[0]=%.17g\n", N, Lambda, V[0]);
  freeMatrix(A, N);
  free(V);
  free(W);
}

static void mandelbrot(void) {
  const char *Shades = " .:-=+*#%@";
  for (int Y = 0; Y < 24; ++Y) {
    char Line[81];
    for (int X = 0; X < 78; ++X) {
      double Cr = -2.2 + X * (3.2 / 78), Ci = -1.2 + Y * (2.4 / 24);
      double Zr = 0, Zi = 0;
      int N = 0;
      while (N < 200 && Zr * Zr + Zi * Zi <= 4) {
        double T = Zr * Zr - Zi * Zi + Cr;
        Zi = 2 * Zr * Zi + Ci;
        Zr = T;
        ++N;
      }
      Line[X] = Shades[N >= 200 ? 9 : N % 9];
    }
    Line[78] = '\0';
    printf("|%s|\n", Line);
  }
}

int main(void) {
  for (int N = 2; N <= 14; N += 3)
    hilbert(N);
  cholesky(5);
  cholesky(60);
  powerIteration(30);
  mandelbrot();
  return 0;
}
