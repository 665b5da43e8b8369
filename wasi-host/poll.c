/*===--- poll.c - poll_oneoff ----------------------------------------------===*
 *
 * \file
 * poll_oneoff waits for clock and fd_read/fd_write subscriptions with one
 * host ppoll over a fixed table of WASI_MAX_FDS pollfds, indexed by guest
 * descriptor, so no host allocation depends on the subscription count:
 * subscriptions are read from guest memory again whenever they are
 * evaluated. Regular files and directories are always ready. A
 * subscription the host cannot serve (bad descriptor, missing rights,
 * unknown clock or type) is an event with that error, as preview1 says,
 * not a failure of the call.
 *
 * Deterministic mode never waits on the host for a clock: when nothing is
 * ready, the clocks that would expire first fire at once (virtual time,
 * from ctx->sources.clock_time).
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* subscription: userdata (u64) at 0, tag (u8) at 8, then at 16 either
 * clock {id u32, timeout u64 at 24, precision u64 at 32, flags u16 at 40}
 * or fd_readwrite {fd u32}. event: userdata at 0, error (u16) at 8, type
 * (u8) at 10, fd_readwrite {nbytes u64 at 16, flags u16 at 24}. */
#define SUBSCRIPTION_SIZE 48u
#define EVENT_SIZE 32u
#define EVENT_CLOCK 0u
#define EVENT_FD_READ 1u
#define EVENT_FD_WRITE 2u
#define SUBCLOCK_ABSTIME 1u
#define EVENT_FD_HANGUP 1u

typedef struct poll_state {
  struct pollfd pfd[WASI_MAX_FDS]; /* by guest fd; fd -1 when unused */
  uint64_t start[2];               /* each clock's time at the call */
  int fire_earliest;               /* deterministic: fire the first clocks, */
  uint64_t fire_left;              /* those with at most this time left */
  uint64_t min_left;               /* least time left of any pending clock */
  int have_clock;
} poll_state;

typedef struct event {
  uint16_t error;
  int ready;
  uint64_t nbytes;
  uint16_t flags;
} event;

/* The readiness of an fd subscription, or its error. */
static void eval_fd(wasi_ctx *ctx, poll_state *st, uint8_t type, uint32_t fd, event *ev) {
  uint64_t rights = WASI_RIGHT_POLL_FD_READWRITE |
                    (type == EVENT_FD_READ ? WASI_RIGHT_FD_READ : WASI_RIGHT_FD_WRITE);
  wasi_fd_entry *e;
  ev->error = wasi_ctx_fd(ctx, fd, rights, &e);
  if (ev->error != WASI_ERRNO_SUCCESS) {
    ev->ready = 1;
    return;
  }
  struct stat sb;
  if (e->kind != WASI_FD_STREAM && fstat(e->host_fd, &sb) == 0 &&
      (S_ISREG(sb.st_mode) || S_ISDIR(sb.st_mode))) {
    ev->ready = 1;
    if (type == EVENT_FD_READ && S_ISREG(sb.st_mode)) {
      off_t pos = lseek(e->host_fd, 0, SEEK_CUR);
      ev->nbytes = pos >= 0 && sb.st_size > pos ? (uint64_t)(sb.st_size - pos) : 0;
    }
    return;
  }
  struct pollfd *p = &st->pfd[fd];
  p->fd = e->host_fd;
  p->events |= type == EVENT_FD_READ ? POLLIN : POLLOUT;
  short want = type == EVENT_FD_READ ? POLLIN : POLLOUT;
  if (p->revents & (want | POLLHUP | POLLERR)) {
    ev->ready = 1;
    if (p->revents & POLLHUP)
      ev->flags = EVENT_FD_HANGUP;
    int avail;
    if (type == EVENT_FD_READ && ioctl(e->host_fd, FIONREAD, &avail) == 0 && avail > 0)
      ev->nbytes = (uint64_t)avail;
  }
}

static void eval_clock(wasi_ctx *ctx, poll_state *st, const uint8_t *sub, event *ev) {
  uint32_t id = load_u32(sub + 16);
  uint64_t timeout = load_u64(sub + 24);
  uint64_t now;
  if (id > WASI_CLOCK_MONOTONIC ||
      ctx->sources.clock_time(ctx->sources.data, id, 1, &now) != WASI_ERRNO_SUCCESS) {
    ev->error = WASI_ERRNO_INVAL;
    ev->ready = 1;
    return;
  }
  uint64_t deadline = timeout;
  if (!(load_u16(sub + 40) & SUBCLOCK_ABSTIME))
    deadline = st->start[id] + timeout < timeout ? UINT64_MAX : st->start[id] + timeout;
  uint64_t left = deadline > now ? deadline - now : 0;
  if (left == 0 || (st->fire_earliest && left <= st->fire_left)) {
    ev->ready = 1;
    return;
  }
  if (!st->have_clock || left < st->min_left)
    st->min_left = left;
  st->have_clock = 1;
}

/* Evaluates every subscription; writes the ready ones as events if out
 * is not NULL. Returns how many are ready. */
static uint32_t scan(wasi_ctx *ctx, poll_state *st, const uint8_t *in, uint32_t n, uint8_t *out) {
  uint32_t ready = 0;
  st->have_clock = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const uint8_t *sub = in + (size_t)i * SUBSCRIPTION_SIZE;
    uint8_t type = sub[8];
    event ev = {0};
    if (type == EVENT_CLOCK)
      eval_clock(ctx, st, sub, &ev);
    else if (type == EVENT_FD_READ || type == EVENT_FD_WRITE)
      eval_fd(ctx, st, type, load_u32(sub + 16), &ev);
    else
      ev = (event){.error = WASI_ERRNO_INVAL, .ready = 1};
    if (!ev.ready)
      continue;
    if (out) {
      uint8_t *o = out + (size_t)ready * EVENT_SIZE;
      memset(o, 0, EVENT_SIZE);
      memcpy(o, sub, 8); /* userdata, as given */
      store_u16(o + 8, ev.error);
      o[10] = type;
      if (type != EVENT_CLOCK) {
        store_u64(o + 16, ev.nbytes);
        store_u16(o + 24, ev.flags);
      }
    }
    ++ready;
  }
  return ready;
}

uint16_t wasi_poll_oneoff(wasi_ctx *ctx, wasi_mem mem, uint32_t in, uint32_t out,
                          uint32_t nsubscriptions, uint32_t nevents_out) {
  if (nsubscriptions == 0)
    return WASI_ERRNO_INVAL;
  const uint8_t *subs = guest(mem, in, (uint64_t)nsubscriptions * SUBSCRIPTION_SIZE);
  uint8_t *events = guest(mem, out, (uint64_t)nsubscriptions * EVENT_SIZE);
  uint8_t *count = guest(mem, nevents_out, 4);
  if (!subs || !events || !count)
    return WASI_ERRNO_FAULT;

  poll_state st;
  memset(&st, 0, sizeof st);
  for (uint32_t i = 0; i < WASI_MAX_FDS; ++i)
    st.pfd[i].fd = -1;
  for (uint32_t id = 0; id < 2; ++id)
    if (ctx->sources.clock_time(ctx->sources.data, id, 1, &st.start[id]) != WASI_ERRNO_SUCCESS)
      st.start[id] = 0;

  /* The first scan registers the descriptors to poll; each round then
   * polls (without waiting the first time) and evaluates again. */
  scan(ctx, &st, subs, nsubscriptions, NULL);
  for (int round = 0;; ++round) {
    struct timespec wait = {0, 0};
    const struct timespec *timeout = &wait;
    if (round > 0 && st.have_clock) {
      wait.tv_sec = (time_t)(st.min_left / 1000000000u);
      wait.tv_nsec = (long)(st.min_left % 1000000000u);
    } else if (round > 0)
      timeout = NULL; /* only descriptors: wait for one */
    if (ppoll(st.pfd, WASI_MAX_FDS, timeout, NULL) < 0 && errno != EINTR)
      return wasi_errno_from_host(errno);
    if (scan(ctx, &st, subs, nsubscriptions, NULL) > 0)
      break;
    if (ctx->deterministic && st.have_clock) {
      st.fire_earliest = 1;
      st.fire_left = st.min_left;
      if (ctx->sources.wait)
        ctx->sources.wait(ctx->sources.data, st.min_left);
      break;
    }
  }
  store_u32(count, scan(ctx, &st, subs, nsubscriptions, events));
  return WASI_ERRNO_SUCCESS;
}
