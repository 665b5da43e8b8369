/* linecount FILE...: prints "LINES FILE" for each file, and "- FILE: why"
 * for one that cannot be read (status 1). */
#include "count.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  int status = 0;
  for (int i = 1; i < argc; ++i) {
    long n = count_lines(argv[i]);
    if (n < 0) {
      printf("- %s: %s\n", argv[i], strerror(errno));
      status = 1;
    } else {
      printf("%ld %s\n", n, argv[i]);
    }
  }
  return status;
}
