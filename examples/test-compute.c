/* test-compute: a compute module that tries every access it was not given.
 *
 * compute(in, out) is granted fd `in` for reading and fd `out` for writing,
 * nothing else. It probes the rest of the WASI surface, writes one line per
 * probe to `out` ("denied: ..." when the host refused, "ALLOWED: ..." when
 * it did not) and returns the number of probes that were allowed, so a run
 * that exits 0 proves the sandbox held. Then it copies `in` to `out`, which
 * is what it was granted.
 *
 * Build as a reactor (no main):
 *   clang-19 --target=wasm32-wasi -O2 -mexec-model=reactor \
 *     examples/test-compute.c -o test-compute.wasm
 *   wasmc test-compute.wasm -o test-compute
 *   echo data | ./test-compute
 */
#include <stdint.h>
#include <string.h>
#include <wasi/api.h>

static int out_fd;
static int allowed;

static void put(const char *s) {
  __wasi_ciovec_t iov = {(const uint8_t *)s, strlen(s)};
  __wasi_size_t n;
  if (__wasi_fd_write((__wasi_fd_t)out_fd, &iov, 1, &n) != 0)
    return; /* nowhere left to report to */
}

/* Records one probe: err == 0 means the host let it through. */
static void probe(const char *what, __wasi_errno_t err) {
  put(err ? "denied: " : "ALLOWED: ");
  put(what);
  put("\n");
  allowed += err == 0;
}

__attribute__((export_name("compute"))) int compute(int in, int out) {
  out_fd = out;
  uint8_t buf[256];
  __wasi_iovec_t riov = {buf, sizeof buf};
  __wasi_ciovec_t wiov = {(const uint8_t *)"x", 1};
  __wasi_size_t n;

  probe("read from out", __wasi_fd_read((__wasi_fd_t)out, &riov, 1, &n));
  probe("write to in", __wasi_fd_write((__wasi_fd_t)in, &wiov, 1, &n));
  __wasi_filesize_t pos;
  probe("seek on in", __wasi_fd_seek((__wasi_fd_t)in, 0, __WASI_WHENCE_SET, &pos));
  probe("widen rights of in",
        __wasi_fd_fdstat_set_rights((__wasi_fd_t)in,
                                    __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0));

  /* Every other descriptor number: stderr, would-be preopens, guesses. */
  int others_open = 0;
  for (__wasi_fd_t fd = 0; fd < 1024; ++fd) {
    if (fd == (__wasi_fd_t)in || fd == (__wasi_fd_t)out)
      continue;
    __wasi_fdstat_t st;
    others_open += __wasi_fd_fdstat_get(fd, &st) != __WASI_ERRNO_BADF;
  }
  probe("any descriptor besides in and out", others_open ? 0 : __WASI_ERRNO_BADF);
  probe("write to stderr", __wasi_fd_write(2, &wiov, 1, &n));
  __wasi_prestat_t pre;
  probe("a preopened directory at fd 3", __wasi_fd_prestat_get(3, &pre));
  __wasi_fd_t opened;
  probe("open a path", __wasi_path_open(3, 0, "/etc/passwd", 0, __WASI_RIGHTS_FD_READ, 0, 0,
                                        &opened));

  __wasi_size_t count, size;
  __wasi_errno_t env = __wasi_environ_sizes_get(&count, &size);
  probe("see an environment variable", env ? env : count ? 0 : __WASI_ERRNO_NOENT);

  /* What was granted works: copy in to out. */
  for (;;) {
    if (__wasi_fd_read((__wasi_fd_t)in, &riov, 1, &n) || n == 0)
      break;
    __wasi_ciovec_t chunk = {buf, n};
    __wasi_size_t written;
    if (__wasi_fd_write((__wasi_fd_t)out, &chunk, 1, &written))
      break;
  }
  return allowed;
}
