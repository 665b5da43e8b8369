/*===--- sources.c - The host's clocks and random source --------------------===*
 *
 * \file
 * Time and randomness from the host kernel, the sources wasi_ctx_init
 * installs. Callers have checked the clock id and bounded the length.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "sources.h"

#include <errno.h>
#include <sys/random.h>
#include <time.h>

static clockid_t host_clock(uint32_t id) {
  switch (id) {
  case WASI_CLOCK_REALTIME: return CLOCK_REALTIME;
  case WASI_CLOCK_MONOTONIC: return CLOCK_MONOTONIC;
  case WASI_CLOCK_PROCESS_CPUTIME_ID: return CLOCK_PROCESS_CPUTIME_ID;
  default: return CLOCK_THREAD_CPUTIME_ID;
  }
}

static uint64_t nanoseconds(const struct timespec *ts) {
  return (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
}

static uint16_t host_clock_time(void *data, uint32_t id, uint64_t precision, uint64_t *out) {
  struct timespec ts;
  if (clock_gettime(host_clock(id), &ts) != 0)
    return wasi_errno_from_host(errno);
  *out = nanoseconds(&ts);
  return WASI_ERRNO_SUCCESS;
}

static uint16_t host_clock_res(void *data, uint32_t id, uint64_t *out) {
  struct timespec ts;
  if (clock_getres(host_clock(id), &ts) != 0)
    return wasi_errno_from_host(errno);
  *out = nanoseconds(&ts);
  return WASI_ERRNO_SUCCESS;
}

/* getrandom may return fewer bytes than asked (signals, large requests);
 * loop until the chunk is full. */
static uint16_t host_random(void *data, uint8_t *buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = getrandom(buf + done, len - done, 0);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return wasi_errno_from_host(errno);
    }
    done += (size_t)n;
  }
  return WASI_ERRNO_SUCCESS;
}

wasi_sources wasi_host_sources(void) {
  wasi_sources s = {host_clock_time, host_clock_res, host_random, NULL, NULL};
  return s;
}
