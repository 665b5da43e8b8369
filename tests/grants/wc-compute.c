/* wc-compute: the compute model in its own form,
 * `void compute(__wasi_fd_t in, __wasi_fd_t out)`: reads all of `in` and
 * writes "LINES WORDS BYTES\n" to `out`, as `wc` counts them. No result:
 * the host reports status 0 when it returns. */
#include <stdint.h>
#include <stdio.h>
#include <wasi/api.h>

__attribute__((export_name("compute"))) void compute(__wasi_fd_t in, __wasi_fd_t out) {
  uint8_t buf[4096];
  unsigned long lines = 0, words = 0, bytes = 0;
  int in_word = 0;
  for (;;) {
    __wasi_iovec_t iov = {buf, sizeof buf};
    __wasi_size_t n;
    if (__wasi_fd_read(in, &iov, 1, &n) != 0 || n == 0)
      break;
    for (__wasi_size_t i = 0; i < n; ++i) {
      uint8_t c = buf[i];
      int space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
      lines += c == '\n';
      words += !space && !in_word;
      in_word = !space;
    }
    bytes += n;
  }
  char text[64];
  int len = snprintf(text, sizeof text, "%lu %lu %lu\n", lines, words, bytes);
  __wasi_ciovec_t line = {(const uint8_t *)text, (size_t)len};
  __wasi_size_t written;
  (void)!__wasi_fd_write(out, &line, 1, &written); /* nowhere to report to */
}
