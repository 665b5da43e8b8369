/*===--- ctx.c - Configuring a wasi_ctx, descriptor lookup -----------------===*
 *
 * \file
 * What the embedder grants a program (arguments, environment, streams,
 * preopened directories), releasing it, and the rights check every
 * descriptor operation starts with. The sizes the
 * guest will ask for are checked here, once, so that args_sizes_get and
 * friends can never report a size that does not fit a u32.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "sources.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void wasi_ctx_init(wasi_ctx *ctx) {
  memset(ctx, 0, sizeof *ctx);
  ctx->sources = wasi_host_sources();
}

/* Whether `count` strings fit the guest's view: the pointer array
 * (4 * count bytes) and the NUL-terminated strings must each stay below
 * 2^32 bytes, the most a u32 size and pointer can describe. */
static int strings_fit(uint32_t count, const char *const *strings) {
  if ((uint64_t)count * 4 > UINT32_MAX)
    return 0;
  uint64_t size = 0;
  for (uint32_t i = 0; i < count; ++i) {
    size += strlen(strings[i]) + 1;
    if (size > UINT32_MAX)
      return 0;
  }
  return 1;
}

uint16_t wasi_ctx_set_args(wasi_ctx *ctx, uint32_t argc, const char *const *argv) {
  if (!strings_fit(argc, argv))
    return WASI_ERRNO_OVERFLOW;
  ctx->argc = argc;
  ctx->argv = argv;
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_ctx_set_environ(wasi_ctx *ctx, uint32_t envc, const char *const *environ) {
  if (!strings_fit(envc, environ))
    return WASI_ERRNO_OVERFLOW;
  ctx->envc = envc;
  ctx->environ = environ;
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_ctx_set_stream(wasi_ctx *ctx, uint32_t fd, int host_fd, uint64_t rights) {
  if (fd >= WASI_MAX_FDS || host_fd < 0)
    return WASI_ERRNO_BADF;
  wasi_fd_entry *e = &ctx->fds[fd];
  e->kind = WASI_FD_STREAM;
  e->host_fd = host_fd;
  e->rights_base = rights;
  e->rights_inheriting = 0; /* nothing is ever opened through a stream */
  return WASI_ERRNO_SUCCESS;
}

void wasi_ctx_inherit_stdio(wasi_ctx *ctx) {
  wasi_ctx_set_stream(ctx, 0, 0, WASI_RIGHTS_STDIN);
  wasi_ctx_set_stream(ctx, 1, 1, WASI_RIGHTS_STDOUT);
  wasi_ctx_set_stream(ctx, 2, 2, WASI_RIGHTS_STDOUT);
}

uint16_t wasi_ctx_add_preopen(wasi_ctx *ctx, int host_dirfd, const char *guest_name, int readonly,
                              uint32_t *fd_out) {
  struct stat st;
  if (fstat(host_dirfd, &st) != 0 || !S_ISDIR(st.st_mode)) {
    close(host_dirfd);
    return WASI_ERRNO_NOTDIR;
  }
  uint32_t fd;
  if (wasi_ctx_free_fd(ctx, &fd) != WASI_ERRNO_SUCCESS) {
    close(host_dirfd);
    return WASI_ERRNO_NFILE;
  }
  char *name = strdup(guest_name);
  if (!name) {
    close(host_dirfd);
    return WASI_ERRNO_NOMEM;
  }
  uint64_t withheld = readonly ? WASI_RIGHTS_MUTATING : 0;
  wasi_fd_entry *e = &ctx->fds[fd];
  memset(e, 0, sizeof *e);
  e->kind = WASI_FD_DIR;
  e->readonly = readonly != 0;
  e->host_fd = host_dirfd;
  e->rights_base = WASI_RIGHTS_DIRECTORY & ~withheld;
  e->rights_inheriting = (WASI_RIGHTS_DIRECTORY | WASI_RIGHTS_REGULAR_FILE) & ~withheld;
  e->preopen_name = name;
  *fd_out = fd;
  return WASI_ERRNO_SUCCESS;
}

void wasi_ctx_destroy(wasi_ctx *ctx) {
  for (uint32_t fd = 0; fd < WASI_MAX_FDS; ++fd)
    wasi_fd_release(&ctx->fds[fd]);
  wasi_determinism_free(ctx);
  wasi_digest_free(ctx);
}

void wasi_fd_release(wasi_fd_entry *e) {
  if (e->kind == WASI_FD_FILE || e->kind == WASI_FD_DIR)
    close(e->host_fd);
  free(e->preopen_name);
  wasi_dir_state_free(e->dir);
  memset(e, 0, sizeof *e);
}

uint16_t wasi_ctx_fd(wasi_ctx *ctx, uint32_t fd, uint64_t rights, wasi_fd_entry **out) {
  if (fd >= WASI_MAX_FDS || ctx->fds[fd].kind == WASI_FD_FREE)
    return WASI_ERRNO_BADF;
  wasi_fd_entry *e = &ctx->fds[fd];
  if ((e->rights_base & rights) != rights)
    return WASI_ERRNO_NOTCAPABLE;
  *out = e;
  return WASI_ERRNO_SUCCESS;
}

uint16_t wasi_ctx_dir(wasi_ctx *ctx, uint32_t fd, uint64_t rights, wasi_fd_entry **out) {
  uint16_t err = wasi_ctx_fd(ctx, fd, rights, out);
  if (err == WASI_ERRNO_SUCCESS && (*out)->kind != WASI_FD_DIR)
    return WASI_ERRNO_NOTDIR;
  return err;
}

uint16_t wasi_ctx_free_fd(wasi_ctx *ctx, uint32_t *fd) {
  for (uint32_t i = 3; i < WASI_MAX_FDS; ++i)
    if (ctx->fds[i].kind == WASI_FD_FREE) {
      *fd = i;
      return WASI_ERRNO_SUCCESS;
    }
  return WASI_ERRNO_MFILE;
}
