/*===--- readdir.c - fd_readdir ---------------------------------------------===*
 *
 * \file
 * Directory listings with cookies that resume: a read from cookie 0 takes
 * a snapshot of the directory (all entries, "." and ".." included), and
 * every cookie is an index into it, so a listing continues exactly where
 * it stopped, whatever the directory does meanwhile, until the guest
 * rewinds. In deterministic mode the snapshot is sorted by name and
 * carries no inode numbers. The snapshot costs host memory in proportion
 * to the directory, never to a guest length.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* dirent: d_next (u64) at 0, d_ino (u64) at 8, d_namlen (u32) at 16,
 * d_type (u8) at 20, then padding; the name follows, without a NUL. */
#define DIRENT_SIZE 24u

typedef struct dir_entry {
  uint64_t ino;
  uint8_t type;
  char *name;
} dir_entry;

struct wasi_dir_state {
  size_t count;
  dir_entry *entries;
};

void wasi_dir_state_free(struct wasi_dir_state *dir) {
  if (!dir)
    return;
  for (size_t i = 0; i < dir->count; ++i)
    free(dir->entries[i].name);
  free(dir->entries);
  free(dir);
}

static uint8_t entry_type(DIR *d, const struct dirent *de) {
  switch (de->d_type) {
  case DT_REG: return WASI_FILETYPE_REGULAR_FILE;
  case DT_DIR: return WASI_FILETYPE_DIRECTORY;
  case DT_LNK: return WASI_FILETYPE_SYMBOLIC_LINK;
  case DT_CHR: return WASI_FILETYPE_CHARACTER_DEVICE;
  case DT_BLK: return WASI_FILETYPE_BLOCK_DEVICE;
  case DT_SOCK: return WASI_FILETYPE_SOCKET_STREAM;
  case DT_UNKNOWN: { /* file systems that do not store types */
    struct stat st;
    if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0)
      return wasi_filetype_from_mode(st.st_mode);
    return WASI_FILETYPE_UNKNOWN;
  }
  default: return WASI_FILETYPE_UNKNOWN;
  }
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

/* Reads all of directory host_fd through a descriptor of its own, so that
 * the guest's descriptor keeps its state (and may be O_PATH). */
static uint16_t snapshot(const wasi_ctx *ctx, int host_fd, struct wasi_dir_state **out) {
  int fd = openat(host_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return wasi_errno_from_host(errno);
  DIR *d = fdopendir(fd);
  if (!d) {
    close(fd);
    return wasi_errno_from_host(errno);
  }
  struct wasi_dir_state *s = calloc(1, sizeof *s);
  size_t cap = 0;
  uint16_t err = s ? WASI_ERRNO_SUCCESS : WASI_ERRNO_NOMEM;
  for (struct dirent *de; err == WASI_ERRNO_SUCCESS && (errno = 0, de = readdir(d));) {
    if (s->count == cap) {
      cap = cap ? 2 * cap : 16;
      dir_entry *grown = realloc(s->entries, cap * sizeof *grown);
      if (!grown) {
        err = WASI_ERRNO_NOMEM;
        break;
      }
      s->entries = grown;
    }
    dir_entry *e = &s->entries[s->count];
    e->name = strdup(de->d_name);
    if (!e->name) {
      err = WASI_ERRNO_NOMEM;
      break;
    }
    e->ino = ctx->deterministic ? 0 : (uint64_t)de->d_ino;
    e->type = entry_type(d, de);
    ++s->count;
  }
  if (err == WASI_ERRNO_SUCCESS && errno != 0)
    err = wasi_errno_from_host(errno);
  closedir(d);
  if (err != WASI_ERRNO_SUCCESS) {
    wasi_dir_state_free(s);
    return err;
  }
  if (ctx->deterministic)
    qsort(s->entries, s->count, sizeof *s->entries, by_name);
  *out = s;
  return WASI_ERRNO_SUCCESS;
}

/* Fills buf with entries from index `cookie` on; the last one is cut at
 * the end of the buffer, as preview1 allows (the guest then knows that
 * bufused == buf_len means "maybe more"). */
uint16_t wasi_fd_readdir(wasi_ctx *ctx, wasi_mem mem, uint32_t fd, uint32_t buf, uint32_t buf_len,
                         uint64_t cookie, uint32_t bufused_out) {
  wasi_fd_entry *e;
  uint16_t err = wasi_ctx_fd(ctx, fd, WASI_RIGHT_FD_READDIR, &e);
  if (err != WASI_ERRNO_SUCCESS)
    return err;
  if (e->kind != WASI_FD_DIR)
    return WASI_ERRNO_NOTDIR;
  uint8_t *dst = guest(mem, buf, buf_len);
  uint8_t *used = guest(mem, bufused_out, 4);
  if (!dst || !used)
    return WASI_ERRNO_FAULT;
  if (cookie == 0 || !e->dir) {
    struct wasi_dir_state *fresh = NULL;
    err = snapshot(ctx, e->host_fd, &fresh);
    if (err != WASI_ERRNO_SUCCESS)
      return err;
    wasi_dir_state_free(e->dir);
    e->dir = fresh;
  }

  uint32_t pos = 0;
  for (uint64_t i = cookie; i < e->dir->count && pos < buf_len; ++i) {
    const dir_entry *de = &e->dir->entries[i];
    uint32_t namlen = (uint32_t)strlen(de->name);
    uint8_t head[DIRENT_SIZE] = {0};
    store_u64(head, i + 1);
    store_u64(head + 8, de->ino);
    store_u32(head + 16, namlen);
    head[20] = de->type;
    uint32_t room = buf_len - pos;
    uint32_t n = room < DIRENT_SIZE ? room : DIRENT_SIZE;
    memcpy(dst + pos, head, n);
    pos += n;
    room = buf_len - pos;
    n = room < namlen ? room : namlen;
    memcpy(dst + pos, de->name, n);
    pos += n;
  }
  store_u32(used, pos);
  return WASI_ERRNO_SUCCESS;
}
