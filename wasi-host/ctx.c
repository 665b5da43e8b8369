/*===--- ctx.c - Configuring a wasi_ctx, descriptor lookup -----------------===*
 *
 * \file
 * What the embedder grants a program (arguments, environment, streams) and
 * the rights check every descriptor operation starts with. The sizes the
 * guest will ask for are checked here, once, so that args_sizes_get and
 * friends can never report a size that does not fit a u32.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"
#include "sources.h"

#include <string.h>

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

uint16_t wasi_ctx_fd(wasi_ctx *ctx, uint32_t fd, uint64_t rights, wasi_fd_entry **out) {
  if (fd >= WASI_MAX_FDS || ctx->fds[fd].kind == WASI_FD_FREE)
    return WASI_ERRNO_BADF;
  wasi_fd_entry *e = &ctx->fds[fd];
  if ((e->rights_base & rights) != rights)
    return WASI_ERRNO_PERM;
  *out = e;
  return WASI_ERRNO_SUCCESS;
}
