/* A WASI command that exercises what wasi-host serves: arguments, stdout
 * through printf, stdin, stderr, and the exit status, both by returning
 * from main and through exit() from a nested call (which must still flush
 * stdout). Free of libc-specific behaviour, so that a native build prints
 * exactly the same. Modes (argv[1]): "args", "stdin", "exit". */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void leave(int status) {
  printf("leaving with %d\n", status);
  exit(status);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fputs("usage: echo-args MODE [ARGS]\n", stderr);
    return 2;
  }
  const char *mode = argv[1];
  if (strcmp(mode, "args") == 0) {
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; ++i) /* argv[0] is the program's path */
      printf("argv[%d]=\"%s\" (%zu bytes)\n", i, argv[i], strlen(argv[i]));
    long sum = 0;
    for (int i = 0; i < 1000; ++i)
      sum += (long)i * i;
    printf("sum=%ld pi=%.4f hex=%x str=%-6s|\n", sum, 3.14159265, 48879, "ok");
    return argc + 40;
  }
  if (strcmp(mode, "stdin") == 0) {
    int c, lines = 0;
    while ((c = getchar()) != EOF) {
      putchar(toupper(c));
      lines += c == '\n';
    }
    printf("%d lines\n", lines);
    return 0;
  }
  if (strcmp(mode, "exit") == 0) {
    fputs("to stderr\n", stderr);
    leave(argc > 2 ? atoi(argv[2]) : 7);
  }
  return 1;
}
