/*===--- internal.h - Helpers shared by the WASI host's sources ------------===*
 *
 * \file
 * The only code that turns a guest pointer into a host address (guest()),
 * little-endian access to guest data, descriptor lookup with rights, and
 * the host errno to WASI errno mapping. Private to wasi-host/.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_INTERNAL_H
#define WASMC_WASI_INTERNAL_H

#include "wasi/host.h"

/* The host address of guest bytes [ptr, ptr + len), or NULL if any of them
 * lies outside mem. ptr < 2^32 and callers pass len < 2^40 (at most a u32
 * count times a small element size), so the 64-bit sum cannot wrap. An
 * empty range at ptr == mem.size is valid: it names no byte. */
static inline uint8_t *guest(wasi_mem mem, uint32_t ptr, uint64_t len) {
  if ((uint64_t)ptr + len > mem.size)
    return NULL;
  return mem.base + ptr;
}

/* WASI data is little-endian whatever the host is. */
static inline uint32_t load_u32(const uint8_t *p) {
  return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint16_t load_u16(const uint8_t *p) {
  return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint64_t load_u64(const uint8_t *p) {
  return (uint64_t)load_u32(p) | (uint64_t)load_u32(p + 4) << 32;
}

static inline void store_u16(uint8_t *p, uint16_t v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}

static inline void store_u32(uint8_t *p, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    p[i] = (uint8_t)(v >> (8 * i));
}

static inline void store_u64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; ++i)
    p[i] = (uint8_t)(v >> (8 * i));
}

/* The open descriptor fd into *out, if it has all of `rights`. Returns
 * WASI_ERRNO_BADF for a descriptor that is not open, WASI_ERRNO_NOTCAPABLE
 * for missing rights (checked before anything else the call does). */
uint16_t wasi_ctx_fd(wasi_ctx *ctx, uint32_t fd, uint64_t rights, wasi_fd_entry **out);

/* As wasi_ctx_fd, for a directory (WASI_ERRNO_NOTDIR otherwise): the
 * descriptor every path_* call resolves its path beneath. */
uint16_t wasi_ctx_dir(wasi_ctx *ctx, uint32_t fd, uint64_t rights, wasi_fd_entry **out);

/* The lowest free guest descriptor >= 3 (0-2 are stdio by convention,
 * even when not granted), or WASI_ERRNO_MFILE. */
uint16_t wasi_ctx_free_fd(wasi_ctx *ctx, uint32_t *fd);

/* Rights that need a host descriptor open for writing: a read-only grant
 * refuses them outright rather than dropping them (see path_open). */
#define WASI_RIGHTS_WRITE_ACCESS \
  (WASI_RIGHT_FD_WRITE | WASI_RIGHT_FD_ALLOCATE | WASI_RIGHT_FD_FILESTAT_SET_SIZE)

/* Closes what entry e owns (a stream's host descriptor stays open) and
 * frees the slot. */
void wasi_fd_release(wasi_fd_entry *e);

/* Frees fd_readdir's state; NULL is fine. */
void wasi_dir_state_free(struct wasi_dir_state *dir);

struct stat;
struct timespec;

/* Writes the filestat of st to out (WASI_FILESTAT_SIZE bytes). In
 * deterministic mode device, inode and times are 0. */
void wasi_store_filestat(const wasi_ctx *ctx, uint8_t *out, const struct stat *st);

/* The WASI file type of a host file mode. */
uint8_t wasi_filetype_from_mode(unsigned mode);

/* The two utimensat timespecs (ts[0], ts[1]) for preview1's (atim, mtim, fst_flags);
 * WASI_ERRNO_INVAL for unknown flags or a time both given and "now". */
uint16_t wasi_set_times_spec(uint64_t atim, uint64_t mtim, uint32_t fst_flags,
                             struct timespec *ts);

/* The WASI errno for a host errno value; WASI_ERRNO_IO for the unknown. */
uint16_t wasi_errno_from_host(int host_errno);

/* The WASI file type of a host descriptor (UNKNOWN for pipes, FIFOs and
 * anything fstat cannot tell). */
uint8_t wasi_host_filetype(int host_fd);

/* Records that the guest wrote data[0, len) to guest descriptor fd (any
 * kind: stream, file, pwrite), after the host accepted those bytes. Feeds
 * the output digest; does nothing when ctx->digest is NULL. */
void wasi_digest_note(wasi_ctx *ctx, uint32_t fd, const uint8_t *data, size_t len);

/* Free the state of wasi_ctx_set_deterministic and wasi_ctx_enable_digest,
 * for wasi_ctx_destroy. Each is a no-op when there is nothing to free, and
 * safe to call twice. */
void wasi_determinism_free(wasi_ctx *ctx);
void wasi_digest_free(wasi_ctx *ctx);

#endif /* WASMC_WASI_INTERNAL_H */
