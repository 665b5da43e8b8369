/* Command-line arguments and the environment: parses options from argv
 * (flags, "--key=value", numbers, a "--" that ends options), asks getenv
 * for a variable no test environment sets, reports problems on stderr and
 * leaves through exit() from a nested helper with a status computed from
 * the arguments, after printing a summary (which exit must flush). argv[0]
 * is never printed: it is the path of whichever build runs. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int Verbose;
  int64_t Total;
  int Numbers;
  int Positional;
  const char *Name;
  int Unknown;
} Options;

static void finish(const Options *O, int Status) {
  printf("summary: name=%s verbose=%d numbers=%d total=%lld positional=%d "
         "unknown=%d\n",
         O->Name ? O->Name : "(none)", O->Verbose, O->Numbers,
         (long long)O->Total, O->Positional, O->Unknown);
  fprintf(stderr, "exiting with status %d\n", Status);
  exit(Status);
}

static int parseNumber(const char *S, int64_t *Out) {
  char *End;
  long long V = strtoll(S, &End, 0);
  if (End == S || *End)
    return 0;
  *Out = V;
  return 1;
}

int main(int argc, char **argv) {
  printf("argc %d\n", argc);
  const char *Unset = getenv("WASMC_DIFF_TEST_SURELY_UNSET_VARIABLE");
  printf("getenv of an unset variable: %s\n", Unset ? Unset : "NULL");
  printf("argv[argc] is %s\n", argv[argc] ? "not NULL" : "NULL");
  Options O = {0, 0, 0, 0, NULL, 0};
  int OptionsDone = 0;
  size_t Bytes = 0;
  for (int I = 1; I < argc; ++I) {
    const char *A = argv[I];
    Bytes += strlen(A);
    printf("argv[%d] = \"%s\"\n", I, A);
    int64_t N;
    if (!OptionsDone && strcmp(A, "--") == 0) {
      OptionsDone = 1;
    } else if (!OptionsDone && strcmp(A, "-v") == 0) {
      ++O.Verbose;
    } else if (!OptionsDone && strncmp(A, "--name=", 7) == 0) {
      O.Name = A + 7;
    } else if (!OptionsDone && A[0] == '-' && A[1] == '-') {
      fprintf(stderr, "warning: unknown option '%s'\n", A);
      ++O.Unknown;
    } else if (parseNumber(A, &N)) {
      O.Total += N;
      ++O.Numbers;
    } else {
      ++O.Positional;
      if (O.Verbose) {
        /* Reverse the argument in place: argv strings are writable. */
        char *S = argv[I];
        for (size_t L = 0, R = strlen(S); L + 1 < R; ++L, --R) {
          char T = S[L];
          S[L] = S[R - 1];
          S[R - 1] = T;
        }
        printf("  reversed: \"%s\"\n", S);
      }
    }
  }
  printf("%zu bytes of arguments\n", Bytes);
  if (O.Unknown)
    finish(&O, 64 + O.Unknown);
  finish(&O, (int)(O.Total % 256 + 256) % 256);
}
