/* diff-test: wasm-O0 (also built at -O0, which keeps the name section) */
/* IEEE 754 arithmetic that every conforming libc prints the same way:
 * only correctly rounded operations (+ - * / sqrt, conversions) and
 * printf's %.17g, %e, %f and %g, which glibc and wasi-libc (musl) both
 * print exactly. No libm transcendentals, no %a, no long double, and NaNs
 * are never printed (their sign bit is not portable). The native build is
 * compiled with -ffp-contract=off: Wasm has no fused multiply-add, so a
 * compiler that fuses would show here. */
#include <float.h>
#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t bitsOf(double D) {
  uint64_t U;
  memcpy(&U, &D, sizeof U);
  return U;
}

static uint32_t bitsOfFloat(float F) {
  uint32_t U;
  memcpy(&U, &F, sizeof U);
  return U;
}

static void show(const char *What, double D) {
  printf("%-22s %.17g  %e  %016" PRIx64 "\n", What, D, D, bitsOf(D));
}

static void basics(void) {
  volatile double Tenth = 0.1, Third = 1.0 / 3.0, Big = 1e308, Tiny = 5e-324;
  show("0.1+0.2", Tenth + 0.2);
  show("1/3", Third);
  show("1/3*3", Third * 3);
  show("1e308*10", Big * 10);
  show("-1e308*10", -Big * 10);
  show("tiny/2", Tiny / 2);
  show("-tiny/2", -Tiny / 2);
  show("tiny*0.5+tiny", Tiny * 0.5 + Tiny);
  show("1+eps/2", 1.0 + DBL_EPSILON / 2);
  show("1+eps", 1.0 + DBL_EPSILON);
  show("sqrt(2)", sqrt(2.0));
  show("sqrt(1e-310)", sqrt(1e-310));
  show("sqrt(-0)", sqrt(-0.0));
  show("max", DBL_MAX);
  show("min normal", DBL_MIN);
  show("denormal min", Tiny);
  volatile double Zero = 0.0;
  double Nan = Zero / Zero;
  printf("0/0 is nan: %d, nan==nan: %d, nan<1: %d, nan!=nan: %d\n",
         isnan(Nan), Nan == Nan, Nan < 1.0, Nan != Nan);
  printf("1/0=%f -1/0=%f signbit(-0)=%d -0==0: %d\n", 1.0 / Zero, -1.0 / Zero,
         signbit(-Zero) != 0, -Zero == Zero);
}

static void floats(void) {
  volatile float A = 16777216.0f, One = 1.0f, Third = 1.0f / 3.0f;
  printf("float: 2^24+1=%.9g third=%.9g bits=%08" PRIx32 " sqrtf(3)=%.9g\n",
         (double)(A + One), (double)Third, bitsOfFloat(Third),
         (double)sqrtf(3.0f));
  float Acc = 0.0f;
  for (int I = 1; I <= 10000; ++I)
    Acc += 1.0f / (float)I;
  printf("float harmonic(10000)=%.9g\n", (double)Acc);
  double D = 0.1;
  float F = (float)D;
  printf("double->float 0.1=%.17g back=%.17g\n", (double)F, (double)(float)(double)F);
  printf("float rounding: %.9g %.9g %.9g\n", (double)(float)1.00000005960464477539,
         (double)(float)16777217.0, (double)(float)3.4028235677973366e38);
}

static void conversions(void) {
  static volatile const double Values[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.999999,
                                  2147483647.9, -2147483648.9, 4294967295.5,
                                  9007199254740993.0, -9.2233720368547748e18,
                                  1.8446744073709550e19, 123456.789};
  for (size_t I = 0; I < sizeof Values / sizeof Values[0]; ++I) {
    double V = Values[I];
    printf("%.17g:", V);
    if (V > -2147483649.0 && V < 2147483648.0)
      printf(" i32=%" PRId32, (int32_t)V);
    if (V > -1.0 && V < 4294967296.0)
      printf(" u32=%" PRIu32, (uint32_t)V);
    if (V >= -9223372036854775808.0 && V < 9223372036854775808.0)
      printf(" i64=%" PRId64, (int64_t)V);
    if (V > -1.0 && V < 18446744073709551616.0)
      printf(" u64=%" PRIu64, (uint64_t)V);
    printf(" f32=%.9g\n", (double)(float)V);
  }
  static volatile const uint64_t Ints[] = {0, 1, 9007199254740993u, 18446744073709551615u,
                                  9223372036854775809u, 0x8000000000000400u,
                                  0x8000000000000401u, 16777217};
  for (size_t I = 0; I < sizeof Ints / sizeof Ints[0]; ++I) {
    uint64_t U = Ints[I];
    printf("%" PRIu64 ": u64->f64=%.17g i64->f64=%.17g u64->f32=%.9g "
           "u32->f32=%.9g\n",
           U, (double)U, (double)(int64_t)U, (double)(float)U,
           (double)(float)(uint32_t)U);
  }
}

static void formats(void) {
  static volatile const double Values[] = {0.0, -0.0, 1.0, 0.5, 0.125, 1e21, 1e22,
                                  123456789.125, 1e-5, 2.5e-7, 9.999999,
                                  5e-324, 1.7976931348623157e308, 0.3};
  for (size_t I = 0; I < sizeof Values / sizeof Values[0]; ++I) {
    double V = Values[I];
    printf("[%.17g] [%e] [%.3e] [%f] [%.0f] [%.10f] [%g] [%12.4g] [%-10.2f|]\n",
           V, V, V, V, V, V, V, V, V);
  }
  /* Round-half-even at the printed precision, where the decimal value of
   * the double decides. */
  printf("%.0f %.0f %.0f %.0f %.1f %.2f %.2f\n", 0.5, 1.5, 2.5, 3.5, 0.25,
         1.005, 2.675);
  printf("%.60f\n", 0.1);
  printf("%.0f\n", 1e300);
}

/* Kahan vs naive summation and a Newton square root against sqrt. */
static void workloads(void) {
  double Naive = 0, Kahan = 0, Comp = 0;
  for (int I = 1; I <= 200000; ++I) {
    double Term = 1.0 / ((double)I * I);
    Naive += Term;
    double Y = Term - Comp;
    double T = Kahan + Y;
    Comp = (T - Kahan) - Y;
    Kahan = T;
  }
  printf("sum 1/n^2: naive=%.17g kahan=%.17g\n", Naive, Kahan);
  int Disagree = 0;
  for (int I = 1; I < 5000; ++I) {
    double X = I * 0.37;
    double R = X > 1 ? X : 1;
    for (int K = 0; K < 60; ++K)
      R = 0.5 * (R + X / R);
    if (R != sqrt(X) && fabs(R - sqrt(X)) > sqrt(X) * DBL_EPSILON)
      ++Disagree;
  }
  printf("newton sqrt off by more than an ulp: %d\n", Disagree);
  double Pi = 0;
  for (int K = 0; K < 1000000; ++K)
    Pi += (K % 2 ? -4.0 : 4.0) / (2.0 * K + 1.0);
  printf("leibniz pi %.17g\n", Pi);
  printf("fmin/fmax/floor/ceil/trunc/rint: %g %g %g %g %g %g %g\n",
         fmin(-0.5, 2.0), fmax(-0.5, 2.0), floor(-2.5), ceil(-2.5),
         trunc(-2.5), rint(2.5), rint(3.5));
}

int main(void) {
  basics();
  floats();
  conversions();
  formats();
  workloads();
  return 0;
}
