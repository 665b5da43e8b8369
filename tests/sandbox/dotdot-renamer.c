/* dotdot-renamer.c MAX: the other guest of dotdot-attacker.c, with the
 * same grant (fd 3). Moves d1/d2 to the top of the box and back, legal
 * renames inside it, until the attacker creates "done" or MAX rounds;
 * prints how many rounds it made. */
#include <stdio.h>
#include <stdlib.h>
#include <wasi/api.h>

#define BOX 3

int main(int argc, char **argv) {
  long max = argc > 1 ? atol(argv[1]) : 100000000;
  long rounds = 0, failed = 0;
  for (; rounds < max; ++rounds) {
    __wasi_filestat_t st;
    if (rounds % 64 == 0 && __wasi_path_filestat_get(BOX, 0, "done", &st) == 0)
      break;
    failed += __wasi_path_rename(BOX, "d1/d2", BOX, "d2") != 0;
    failed += __wasi_path_rename(BOX, "d2", BOX, "d1/d2") != 0;
  }
  printf("rounds %ld failed %ld\n", rounds, failed);
  return 0;
}
