/* A large generated output (about 1.7 MB on stdout): a table of numbers
 * through printf, runs of characters through putchar, fputs and fwrite,
 * interleaved so that stdio's buffering is crossed at every alignment.
 * A checksum of everything written goes to stderr at the end. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t Crc = 0xffffffffu;
static uint32_t CrcTable[256];

static void crcInit(void) {
  for (uint32_t I = 0; I < 256; ++I) {
    uint32_t C = I;
    for (int K = 0; K < 8; ++K)
      C = C & 1 ? 0xedb88320u ^ (C >> 1) : C >> 1;
    CrcTable[I] = C;
  }
}

static void track(const char *S, size_t N) {
  for (size_t I = 0; I < N; ++I)
    Crc = CrcTable[(Crc ^ (unsigned char)S[I]) & 0xff] ^ (Crc >> 8);
}

int main(void) {
  crcInit();
  char Line[160];
  uint64_t Total = 0;
  uint32_t Fib[2] = {0, 1};
  for (int I = 0; I < 36000; ++I) {
    uint32_t Next = Fib[0] + Fib[1]; /* wraps */
    Fib[0] = Fib[1];
    Fib[1] = Next;
    int N;
    switch (I % 4) {
    case 0:
      N = snprintf(Line, sizeof Line, "%6d %12" PRIu64 " %08" PRIx32 " %+.6e\n", I,
                   (uint64_t)I * I * I, Next, (double)I / 7.0);
      fputs(Line, stdout);
      break;
    case 1:
      N = snprintf(Line, sizeof Line, "%-6d|%*s|%.3f\n", I, I % 40, "",
                   (double)Next / 4096.0);
      fwrite(Line, 1, (size_t)N, stdout);
      break;
    case 2: {
      N = 0;
      for (int K = 0; K < 20 + I % 50; ++K)
        Line[N++] = (char)('a' + (I + K) % 26);
      Line[N++] = '\n';
      for (int K = 0; K < N; ++K)
        putchar(Line[K]);
      break;
    }
    default:
      N = snprintf(Line, sizeof Line, "%o %X %u %c%c\n", (unsigned)I, (unsigned)Next,
                   (unsigned)(Next % 1000), 'A' + I % 26, 'z' - I % 26);
      printf("%s", Line);
      break;
    }
    track(Line, (size_t)N);
    Total += (uint64_t)N;
  }
  fflush(stdout);
  fprintf(stderr, "wrote %" PRIu64 " bytes, crc32 %08" PRIx32 "\n", Total,
          Crc ^ 0xffffffffu);
  return 0;
}
