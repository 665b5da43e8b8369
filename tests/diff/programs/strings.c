/* diff-test: wasm-O0 (also built at -O0, which keeps the name section) */
/* String handling through libc and by hand: strtoll/strtoull with bases,
 * end pointers and ERANGE; strtod on decimal input (correctly rounded on
 * both libcs); snprintf with truncation and its return value; strcmp,
 * strncmp, memcmp signs; memmove on overlapping ranges; strstr, strchr,
 * strrchr, strspn/strcspn; and a small CSV tokenizer and a run-length
 * encoder built on them. Fixed-width integers only: long is 32 bits on
 * wasm32. */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int V) { return (V > 0) - (V < 0); }

static void parseIntegers(void) {
  static const char *Inputs[] = {"0", "42", "-17", "  +99xyz", "0x1F", "0777",
                                 "9223372036854775807", "9223372036854775808",
                                 "-9223372036854775809", "18446744073709551615",
                                 "zz", "", "   -0", "1e5", "-0x8000000000000000"};
  static const int Bases[] = {10, 0, 16, 8, 36};
  for (size_t I = 0; I < sizeof Inputs / sizeof Inputs[0]; ++I)
    for (size_t B = 0; B < sizeof Bases / sizeof Bases[0]; ++B) {
      char *End;
      errno = 0;
      long long V = strtoll(Inputs[I], &End, Bases[B]);
      int Err = errno;
      errno = 0;
      unsigned long long U = strtoull(Inputs[I], NULL, Bases[B]);
      printf("strtoll(\"%s\", %d) = %lld consumed %d%s; strtoull = %llu%s\n",
             Inputs[I], Bases[B], V, (int)(End - Inputs[I]),
             Err == ERANGE ? " ERANGE" : "", U, errno == ERANGE ? " ERANGE" : "");
    }
}

static void parseDoubles(void) {
  static const char *Inputs[] = {"3.14159", "1e-400", "-2.5e+3", "  .5",
                                 "1.7976931348623157e308", "1.8e308",
                                 "0.1000000000000000055511151231257827",
                                 "2.2250738585072011e-308", "123abc", "-0",
                                 "9007199254740993", "4.9e-324", "nanx?"};
  for (size_t I = 0; I < sizeof Inputs / sizeof Inputs[0]; ++I) {
    char *End;
    double D = strtod(Inputs[I], &End);
    if (D != D) /* NaN: its sign bit is not portable */
      printf("strtod(\"%s\") = nan consumed %d\n", Inputs[I],
             (int)(End - Inputs[I]));
    else
      printf("strtod(\"%s\") = %.17g consumed %d\n", Inputs[I], D,
             (int)(End - Inputs[I]));
  }
}

static void formatting(void) {
  char Buf[16];
  int N = snprintf(Buf, sizeof Buf, "%s-%05d-%x", "abcdefgh", 42, 0xbeef);
  printf("snprintf truncated: \"%s\" wanted %d\n", Buf, N);
  N = snprintf(NULL, 0, "%lld|%+d|% d|%-6s|%6.2s|%c%%", -9223372036854775807LL - 1,
               7, 7, "ab", "xyz", 'Q');
  char *Big = malloc(N + 1);
  snprintf(Big, N + 1, "%lld|%+d|% d|%-6s|%6.2s|%c%%", -9223372036854775807LL - 1,
           7, 7, "ab", "xyz", 'Q');
  printf("measured %d: %s\n", N, Big);
  free(Big);
  printf("[%*d] [%-*d] [%.*s] [%#o] [%#x] [%08.3f] [%+.2e]\n", 6, 42, 6, 42, 3,
         "abcdef", 8, 255, -3.14159, 12345.678);
  printf("[%hhd] [%hu] [%5c] [%-5c] [%.0s]\n", (signed char)200,
         (unsigned short)70000, 'x', 'y', "gone");
}

static void comparisons(void) {
  static const char *Pairs[][2] = {{"apple", "apples"}, {"b", "a"}, {"", ""},
                                   {"abc", "abd"}, {"\xff", "a"}, {"Zeta", "alpha"}};
  for (size_t I = 0; I < sizeof Pairs / sizeof Pairs[0]; ++I)
    printf("cmp(\"%s\",\"%s\"): strcmp %d strncmp3 %d memcmp1 %d\n",
           Pairs[I][0], Pairs[I][1], sign(strcmp(Pairs[I][0], Pairs[I][1])),
           sign(strncmp(Pairs[I][0], Pairs[I][1], 3)),
           sign(memcmp(Pairs[I][0], Pairs[I][1], 1)));
}

static void moving(void) {
  char Buf[64] = "0123456789abcdefghijklmnopqrstuvwxyz";
  memmove(Buf + 4, Buf, 20); /* overlapping, forwards */
  printf("memmove up:   %s\n", Buf);
  memmove(Buf, Buf + 7, 25); /* overlapping, backwards */
  printf("memmove down: %s\n", Buf);
  memset(Buf + 10, '#', 5);
  printf("memset:       %s\n", Buf);
  /* Byte-by-byte churn across every alignment. */
  unsigned char Pool[300];
  for (int I = 0; I < 300; ++I)
    Pool[I] = (unsigned char)(I * 37 + 11);
  uint32_t Hash = 2166136261u;
  for (int Off = 0; Off < 16; ++Off)
    for (int Len = 0; Len < 64; Len += 7) {
      memmove(Pool + Off + 3, Pool + 100 - Off, Len);
      memcpy(Pool + 200, Pool + Off, Len);
      for (int I = 0; I < 300; ++I)
        Hash = (Hash ^ Pool[I]) * 16777619u;
    }
  printf("memmove churn hash %08" PRIx32 "\n", Hash);
}

static void searching(void) {
  const char *Text = "the quick brown fox jumps over the lazy dog; the end";
  int Count = 0;
  for (const char *P = Text; (P = strstr(P, "the")) != NULL; ++P)
    printf("\"the\" at %d\n", (int)(P - Text)), ++Count;
  printf("%d matches; strstr empty at %d; missing %s\n", Count,
         (int)(strstr(Text, "") - Text), strstr(Text, "cat") ? "found" : "null");
  printf("strchr o at %d, strrchr o at %d, strchr nul at %d\n",
         (int)(strchr(Text, 'o') - Text), (int)(strrchr(Text, 'o') - Text),
         (int)(strchr(Text, '\0') - Text));
  printf("strspn letters %zu, strcspn punct %zu\n",
         strspn(Text, "abcdefghijklmnopqrstuvwxyz"), strcspn(Text, ";,."));
}

/* Splits a CSV line with quoted fields ("" is a quote) into fields. */
static int splitCsv(const char *Line, char Fields[][32], int Max) {
  int N = 0;
  const char *P = Line;
  for (;;) {
    char *Out = Fields[N];
    int Len = 0;
    if (*P == '"') {
      ++P;
      while (*P && !(*P == '"' && P[1] != '"')) {
        if (*P == '"')
          ++P;
        if (Len < 31)
          Out[Len++] = *P;
        ++P;
      }
      if (*P == '"')
        ++P;
    } else {
      size_t Span = strcspn(P, ",");
      Len = Span < 31 ? (int)Span : 31;
      memcpy(Out, P, Len);
      P += Span;
    }
    Out[Len] = '\0';
    ++N;
    if (*P != ',' || N == Max)
      return N;
    ++P;
  }
}

static void csv(void) {
  static const char *Lines[] = {
      "name,qty,price", "widget,12,3.50", "\"gadget, large\",3,1e2",
      "\"say \"\"hi\"\"\",-7,0.1", ",,", "bolt,0x10,-0.0"};
  double Total = 0;
  long long Qty = 0;
  for (size_t I = 0; I < sizeof Lines / sizeof Lines[0]; ++I) {
    char F[8][32];
    int N = splitCsv(Lines[I], F, 8);
    printf("%d fields:", N);
    for (int J = 0; J < N; ++J)
      printf(" <%s>", F[J]);
    printf("\n");
    if (I > 0 && N == 3) {
      long long Q = strtoll(F[1], NULL, 0);
      Qty += Q;
      Total += (double)Q * strtod(F[2], NULL);
    }
  }
  printf("total qty %lld value %.17g\n", Qty, Total);
}

/* Run-length encoding and decoding round trip. */
static void runLength(void) {
  const char *Input = "aaaabbbccccccccccccdxxxxxxxxxxxxxxxxxxxxxyzzz";
  char Enc[128] = "", Dec[128] = "";
  size_t Pos = 0;
  for (const char *P = Input; *P;) {
    const char *Q = P;
    while (*Q == *P)
      ++Q;
    Pos += snprintf(Enc + Pos, sizeof Enc - Pos, "%d%c", (int)(Q - P), *P);
    P = Q;
  }
  char *P = Enc;
  size_t Out = 0;
  while (*P) {
    char *End;
    long long N = strtoll(P, &End, 10);
    memset(Dec + Out, *End, (size_t)N);
    Out += (size_t)N;
    P = End + 1;
  }
  Dec[Out] = '\0';
  printf("rle %s -> %s round trip %s\n", Input, Enc,
         strcmp(Input, Dec) == 0 ? "ok" : "BROKEN");
}

int main(void) {
  parseIntegers();
  parseDoubles();
  formatting();
  comparisons();
  moving();
  searching();
  csv();
  runLength();
  return 0;
}
