/* dotdot-attacker.c ATTEMPTS: a guest with a read-write grant of a box as
 * fd 3 tries, ATTEMPTS times in all, to read ../outside/secret.txt and to
 * create ../PWNED next to the box through "d1/d2/../..", while
 * dotdot-renamer.c (another guest with the same grant) moves d1/d2 up and
 * back. Creating "d1/d2/../../PWNED" may only ever open the box's own
 * PWNED (made by the test), or fail while d2 is away. Prints one
 * "ESCAPE ..." line per escape (stopping once both kinds were seen), then
 * the counts; creates "done" in the box at the end for the renamer. Calls
 * WASI directly so that no libc path handling stands between the path and
 * the host. */
#include <stdio.h>
#include <stdlib.h>
#include <wasi/api.h>

#define BOX 3

int main(int argc, char **argv) {
  long attempts = argc > 1 ? atol(argv[1]) : 1000000;
  __wasi_filestat_t own;
  if (__wasi_path_filestat_get(BOX, 0, "PWNED", &own) != 0) {
    printf("setup: the box has no PWNED\n");
    return 2;
  }
  long n = 0, read_escapes = 0, create_escapes = 0, created = 0, other = 0;
  long missing[2] = {0, 0}; /* NOENT: reads, creates (d2 was away) */
  for (; n < attempts && !(read_escapes && create_escapes); ++n) {
    __wasi_fd_t fd;
    int create = n & 1;
    __wasi_errno_t err =
        create ? __wasi_path_open(BOX, 0, "d1/d2/../../PWNED", __WASI_OFLAGS_CREAT,
                                  __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_FILESTAT_GET, 0, 0,
                                  &fd)
               : __wasi_path_open(BOX, 0, "d1/d2/../../outside/secret.txt", 0,
                                  __WASI_RIGHTS_FD_READ, 0, 0, &fd);
    if (err == __WASI_ERRNO_NOENT) {
      ++missing[create];
      continue;
    }
    if (err != 0) {
      ++other;
      continue;
    }
    if (create) {
      __wasi_filestat_t st;
      if (__wasi_fd_filestat_get(fd, &st) == 0 && st.dev == own.dev && st.ino == own.ino)
        ++created;
      else {
        ++create_escapes;
        printf("ESCAPE: created a PWNED outside the box (attempt %ld)\n", n);
      }
    } else {
      char buf[256];
      __wasi_iovec_t iov = {(uint8_t *)buf, sizeof buf - 1};
      __wasi_size_t got = 0;
      if (__wasi_fd_read(fd, &iov, 1, &got) != 0)
        got = 0;
      buf[got] = '\0';
      ++read_escapes;
      printf("ESCAPE: read outside/secret.txt (attempt %ld): %s\n", n, buf);
    }
    if (__wasi_fd_close(fd) != 0)
      ++other;
  }
  __wasi_fd_t done;
  if (__wasi_path_open(BOX, 0, "done", __WASI_OFLAGS_CREAT, 0, 0, 0, &done) == 0 &&
      __wasi_fd_close(done) != 0)
    ++other;
  printf("attempts %ld created-inside %ld create-missing %ld read-missing %ld other %ld "
         "read-escapes %ld create-escapes %ld\n",
         n, created, missing[1], missing[0], other, read_escapes, create_escapes);
  return 0;
}
