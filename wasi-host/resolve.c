/*===--- resolve.c - Guest paths resolved beneath a directory --------------===*
 *
 * \file
 * Two ways to open the directory part of a path without leaving the root:
 * openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS), where the kernel
 * checks every step atomically, and, on kernels without it, a walk that
 * opens one component at a time with O_NOFOLLOW, expands symlinks itself
 * (reading each through the descriptor it checked, so a swap between
 * the check and the read changes nothing) and never opens "..": it goes
 * back to a directory it came from, so that concurrent renames cannot
 * take it above the root. The last component is resolved the same
 * way in both: a symlink there is expanded textually against its
 * directory and the result resolved again from the root.
 *
 *===----------------------------------------------------------------------===*/
#include "resolve.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

uint16_t wasi_path_copy(wasi_mem mem, uint32_t path, uint32_t len, char *out) {
  if (len > WASI_PATH_MAX)
    return WASI_ERRNO_NAMETOOLONG;
  const uint8_t *p = guest(mem, path, len);
  if (!p)
    return WASI_ERRNO_FAULT;
  if (memchr(p, 0, len))
    return WASI_ERRNO_INVAL;
  memcpy(out, p, len);
  out[len] = '\0';
  return WASI_ERRNO_SUCCESS;
}

//===--- openat2 ----------------------------------------------------------===//

/* Whether this context resolves with openat2, probing the kernel once.
 * Seccomp filters that predate openat2 answer EPERM instead of ENOSYS. */
static int have_openat2(wasi_ctx *ctx, int root) {
  if (ctx->resolve == WASI_RESOLVE_AUTO) {
    struct open_how how = {.flags = O_PATH | O_CLOEXEC, .resolve = RESOLVE_BENEATH};
    long fd = syscall(SYS_openat2, root, ".", &how, sizeof how);
    int missing = fd < 0 && (errno == ENOSYS || errno == EPERM);
    if (fd >= 0)
      close((int)fd);
    ctx->resolve = missing ? WASI_RESOLVE_WALK : WASI_RESOLVE_OPENAT2;
  }
  return ctx->resolve == WASI_RESOLVE_OPENAT2;
}

static uint16_t open_dir_openat2(int root, const char *path, int *out) {
  struct open_how how = {.flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
                         .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
  /* EAGAIN: a rename raced with ".." and the kernel refused to guess;
   * after a few tries the caller falls back to the walk. */
  for (int tries = 0;; ++tries) {
    long fd = syscall(SYS_openat2, root, path, &how, sizeof how);
    if (fd >= 0) {
      *out = (int)fd;
      return WASI_ERRNO_SUCCESS;
    }
    if ((errno == EAGAIN || errno == EINTR) && tries < 16)
      continue;
    return errno == EXDEV ? WASI_ERRNO_NOTCAPABLE : wasi_errno_from_host(errno);
  }
}

//===--- The walk ---------------------------------------------------------===//

/* The walk never opens "..": a directory's parent in the tree is wherever
 * renames have moved it, possibly above the root, so ".." goes back to the
 * directory the walk came from instead. The walk keeps the directories it
 * entered as a stack, by name from the root; the innermost WALK_FDS are
 * held open (a path of 4095 bytes has up to 2048 components, more than
 * RLIMIT_NOFILE allows). Popping below the held ones re-opens the prefix
 * from the root by those names, with O_NOFOLLOW | O_DIRECTORY: that too
 * only ever descends. Whatever is renamed meanwhile, every directory
 * entered is the root or was reached from it by going down. */
enum { WALK_FDS = 16, WALK_LEVELS = (WASI_PATH_MAX + 1) / 2 };

typedef struct walk_stack {
  int root;
  size_t depth; /* directories entered below root */
  size_t held;  /* the innermost `held` of them are open */
  int fds[WALK_FDS];          /* level i, i + 1 below root: fds[i % WALK_FDS] */
  uint16_t ends[WALK_LEVELS]; /* level i's name ends at names[ends[i]] */
  char names[WASI_PATH_MAX + 1]; /* the levels' names, '/'-separated */
} walk_stack;

static int walk_top(const walk_stack *s) {
  return s->depth ? s->fds[(s->depth - 1) % WALK_FDS] : s->root;
}

static void walk_close(walk_stack *s) {
  for (; s->held; --s->held)
    close(s->fds[(s->depth - s->held) % WALK_FDS]);
}

/* Enters directory fd (owned), named name[0, n) in the top. The whole
 * chain of names must fit in WASI_PATH_MAX, as the re-opening needs it. */
static uint16_t walk_push(walk_stack *s, int fd, const char *name, size_t n) {
  size_t start = s->depth ? s->ends[s->depth - 1] + 1u : 0;
  if (start + n > WASI_PATH_MAX) {
    close(fd);
    return WASI_ERRNO_NAMETOOLONG;
  }
  memcpy(s->names + start, name, n);
  s->names[start + n] = '/';
  s->ends[s->depth] = (uint16_t)(start + n);
  if (s->held == WALK_FDS) /* drop the outermost held one, in this slot */
    close(s->fds[s->depth % WALK_FDS]);
  else
    ++s->held;
  s->fds[s->depth++ % WALK_FDS] = fd;
  return WASI_ERRNO_SUCCESS;
}

/* Opens levels [0, depth) again from the root, by name, holding the
 * innermost ones. Needed when the last held one was popped. */
static uint16_t walk_reopen(walk_stack *s) {
  size_t depth = s->depth;
  s->depth = s->held = 0;
  for (size_t start = 0; s->depth < depth;) {
    size_t end = s->ends[s->depth];
    char name[NAME_MAX + 1];
    memcpy(name, s->names + start, end - start);
    name[end - start] = '\0';
    int fd = openat(walk_top(s), name, O_PATH | O_NOFOLLOW | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
      return wasi_errno_from_host(errno);
    uint16_t err = walk_push(s, fd, name, end - start); /* fits: it did */
    if (err != WASI_ERRNO_SUCCESS)
      return err;
    start = end + 1;
  }
  return WASI_ERRNO_SUCCESS;
}

/* "..": back to the directory the top was entered from. */
static uint16_t walk_pop(walk_stack *s) {
  if (s->depth == 0)
    return WASI_ERRNO_NOTCAPABLE;
  close(s->fds[--s->depth % WALK_FDS]);
  if (--s->held == 0 && s->depth)
    return walk_reopen(s);
  return WASI_ERRNO_SUCCESS;
}

/* The symlink `link` (an O_PATH descriptor) was met at work[.., end):
 * replaces work[0, end) by its target, so that the walk goes on from the
 * symlink's directory (the top) with the target and then the rest of the
 * path. */
static uint16_t splice_link(int link, char *work, size_t end, unsigned *links) {
  char target[WASI_PATH_MAX + 1];
  ssize_t n = readlinkat(link, "", target, sizeof target);
  if (n < 0)
    return wasi_errno_from_host(errno);
  if ((size_t)n > WASI_PATH_MAX)
    return WASI_ERRNO_NAMETOOLONG;
  if (++*links > WASI_SYMLINK_MAX)
    return WASI_ERRNO_LOOP;
  if (n == 0)
    return WASI_ERRNO_NOENT;
  if (target[0] == '/')
    return WASI_ERRNO_NOTCAPABLE;
  size_t rest = strlen(work + end);
  if ((size_t)n + rest > WASI_PATH_MAX)
    return WASI_ERRNO_NAMETOOLONG;
  memmove(work + n, work + end, rest + 1);
  memcpy(work, target, (size_t)n);
  return WASI_ERRNO_SUCCESS;
}

/* One component, work[pos, end), that is neither "." nor "..": a
 * directory is entered, a symlink spliced into work. */
static uint16_t walk_down(walk_stack *s, char *work, size_t pos, size_t end, unsigned *links,
                          int *spliced) {
  size_t n = end - pos;
  if (n > NAME_MAX)
    return WASI_ERRNO_NAMETOOLONG;
  char name[NAME_MAX + 1];
  memcpy(name, work + pos, n);
  name[n] = '\0';
  /* O_PATH | O_NOFOLLOW opens a symlink itself, so what is checked below
   * is exactly what is entered or read. */
  int fd = openat(walk_top(s), name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return wasi_errno_from_host(errno);
  struct stat st;
  uint16_t err = WASI_ERRNO_SUCCESS;
  if (fstat(fd, &st) != 0)
    err = wasi_errno_from_host(errno);
  else if (S_ISLNK(st.st_mode)) {
    err = splice_link(fd, work, end, links);
    *spliced = 1;
  } else if (!S_ISDIR(st.st_mode))
    err = WASI_ERRNO_NOTDIR;
  else
    return walk_push(s, fd, name, n);
  close(fd);
  return err;
}

static uint16_t open_dir_walk(int root, const char *path, unsigned *links, int *out) {
  char work[WASI_PATH_MAX + 1];
  strcpy(work, path); /* wasi_resolve bounds path */
  walk_stack s;
  s.root = root;
  s.depth = s.held = 0;
  uint16_t err = WASI_ERRNO_SUCCESS;
  for (size_t pos = 0; err == WASI_ERRNO_SUCCESS;) {
    while (work[pos] == '/')
      ++pos;
    if (!work[pos])
      break;
    size_t end = pos;
    while (work[end] && work[end] != '/')
      ++end;
    size_t n = end - pos;
    int spliced = 0;
    if (n == 2 && work[pos] == '.' && work[pos + 1] == '.')
      err = walk_pop(&s);
    else if (n != 1 || work[pos] != '.')
      err = walk_down(&s, work, pos, end, links, &spliced);
    pos = spliced ? 0 : end;
  }
  if (err == WASI_ERRNO_SUCCESS && s.depth) { /* hand the top over */
    *out = walk_top(&s);
    --s.depth;
    --s.held;
  } else if (err == WASI_ERRNO_SUCCESS) {
    *out = openat(root, ".", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (*out < 0)
      err = wasi_errno_from_host(errno);
  }
  walk_close(&s);
  return err;
}

//===--- Paths ------------------------------------------------------------===//

uint16_t wasi_resolve(wasi_ctx *ctx, int root, const char *path, enum wasi_last last,
                      wasi_resolved *out) {
  char work[WASI_PATH_MAX + 1], dir[WASI_PATH_MAX + 2];
  size_t len = strlen(path);
  if (len > WASI_PATH_MAX)
    return WASI_ERRNO_NAMETOOLONG;
  memcpy(work, path, len + 1);
  int beneath = have_openat2(ctx, root);
  unsigned links = 0;
  for (;;) {
    if (work[0] == '/')
      return WASI_ERRNO_NOTCAPABLE;
    if (work[0] == '\0')
      return WASI_ERRNO_NOENT;
    size_t end = strlen(work);
    int slash = 0;
    while (work[end - 1] == '/') { /* stops at work[0], not a '/' */
      --end;
      slash = 1;
    }
    size_t start = end;
    while (start > 0 && work[start - 1] != '/')
      --start;
    size_t n = end - start;
    int self = (n == 1 && work[start] == '.') ||
               (n == 2 && work[start] == '.' && work[start + 1] == '.');
    /* "." and ".." name a directory, not an entry of one: resolve all of
     * the path and act on "." in it. */
    size_t dir_len = self ? end : start;
    if (!self && n > NAME_MAX)
      return WASI_ERRNO_NAMETOOLONG;
    memcpy(dir, work, dir_len);
    strcpy(dir + dir_len, dir_len ? "" : ".");
    if (self)
      strcpy(out->name, ".");
    else {
      memcpy(out->name, work + start, n);
      out->name[n] = '\0';
    }

    int dirfd = -1;
    uint16_t err = beneath ? open_dir_openat2(root, dir, &dirfd)
                           : open_dir_walk(root, dir, &links, &dirfd);
    /* openat2 keeps answering EAGAIN for ".." while renames anywhere on
     * the system race with it (a busy machine); the walk is as safe and
     * does not depend on that. */
    if (beneath && err == WASI_ERRNO_AGAIN)
      err = open_dir_walk(root, dir, &links, &dirfd);
    if (err != WASI_ERRNO_SUCCESS)
      return err;
    int expand = last == WASI_LAST_FOLLOW || (last == WASI_LAST_NOFOLLOW && slash);
    if (expand && !self) {
      char target[WASI_PATH_MAX + 1];
      ssize_t t = readlinkat(dirfd, out->name, target, sizeof target);
      if (t >= 0) { /* a symlink: resolve its target from its directory */
        close(dirfd);
        if ((size_t)t > WASI_PATH_MAX)
          return WASI_ERRNO_NAMETOOLONG;
        if (++links > WASI_SYMLINK_MAX)
          return WASI_ERRNO_LOOP;
        if (t == 0)
          return WASI_ERRNO_NOENT;
        if (target[0] == '/')
          return WASI_ERRNO_NOTCAPABLE;
        if (start + (size_t)t + (size_t)slash > WASI_PATH_MAX)
          return WASI_ERRNO_NAMETOOLONG;
        memcpy(work + start, target, (size_t)t);
        strcpy(work + start + t, slash ? "/" : "");
        continue;
      }
    }
    out->dirfd = dirfd;
    out->slash = slash;
    return WASI_ERRNO_SUCCESS;
  }
}

const char *wasi_resolved_name_slash(const wasi_resolved *r, char *buf) {
  if (!r->slash || strcmp(r->name, ".") == 0)
    return r->name;
  size_t n = strlen(r->name);
  memcpy(buf, r->name, n);
  strcpy(buf + n, "/");
  return buf;
}
