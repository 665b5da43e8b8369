/* entropy: everything that differs between runs and machines unless the
 * host is deterministic: clocks, sleeping, random bytes, directory order,
 * file times and inode numbers, NaN payloads, the environment. Under
 * --deterministic its output, and so its output digest, must be the same
 * on every engine and at every optimization level. */
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void print_clock(const char *name, clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  printf("%s %lld.%09ld\n", name, (long long)ts.tv_sec, ts.tv_nsec);
}

static uint64_t bits64(double x) {
  uint64_t b;
  memcpy(&b, &x, sizeof b);
  return b;
}

int main(int argc, char **argv) {
  print_clock("realtime", CLOCK_REALTIME);
  print_clock("monotonic", CLOCK_MONOTONIC);
  struct timespec nap = {0, 5000000};
  nanosleep(&nap, NULL); /* poll_oneoff on a clock */
  print_clock("after-sleep", CLOCK_MONOTONIC);

  unsigned char buf[48];
  arc4random_buf(buf, sizeof buf);
  for (size_t i = 0; i < sizeof buf; ++i)
    printf("%02x", buf[i]);
  printf("\n");

  /* NaN payloads from arithmetic: the host's unless canonicalized. */
  volatile double zero = 0.0, inf = INFINITY;
  volatile float fz = 0.0f;
  printf("nan %016llx %016llx %08x\n", (unsigned long long)bits64(zero / zero),
         (unsigned long long)bits64(inf - inf), (unsigned)(uint32_t)({
           float f = sqrtf(fz - 1.0f);
           uint32_t u;
           memcpy(&u, &f, 4);
           u;
         }));

  const char *dir = argc > 1 ? argv[1] : ".";
  DIR *d = opendir(dir);
  if (!d) {
    perror(dir);
    return 1;
  }
  struct dirent *e;
  while ((e = readdir(d))) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0)
      continue;
    printf("%s ino=%llu mtime=%lld size=%lld\n", e->d_name, (unsigned long long)st.st_ino,
           (long long)st.st_mtime, (long long)st.st_size);
  }
  closedir(d);
  printf("HOME=%s\n", getenv("HOME") ? getenv("HOME") : "(unset)");
  fprintf(stderr, "done\n");
  return 3;
}
