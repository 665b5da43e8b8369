/*===--- no-openat2.c - Run a command on a kernel without openat2 ----------===*
 *
 * \file
 * no-openat2 COMMAND [ARGS...]: installs a seccomp filter that makes
 * openat2 fail with ENOSYS, as on kernels before 5.6, and execs COMMAND,
 * which inherits the filter (so do its children). wasi-host then resolves
 * paths with its fallback walk, which the tests in this folder attack.
 * Every other system call is allowed. A test tool, not a sandbox: it only
 * knows the native syscall ABI of the build (a call through another ABI,
 * such as x32 or i386 on x86-64, is killed rather than let through).
 *
 *===----------------------------------------------------------------------===*/
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#else
#error "no-openat2: add this architecture's AUDIT_ARCH_*"
#endif

#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0
#endif

static int install_filter(void) {
  struct sock_filter code[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, NATIVE_ARCH, 1, 0),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
      /* x32 calls share the x86-64 arch value, numbers with this bit */
      BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, __X32_SYSCALL_BIT, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, 1),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
  /* Unprivileged filters need no_new_privs (so that a setuid program
   * cannot be run with a filter it does not expect). */
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
    return -1;
  return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: no-openat2 COMMAND [ARGS...]\n");
    return 2;
  }
  if (install_filter() != 0) {
    fprintf(stderr, "no-openat2: cannot install the seccomp filter: %s\n", strerror(errno));
    return 2;
  }
  /* Check that it took: a test that thinks it ran without openat2 but
   * did not would prove nothing. */
  if (syscall(SYS_openat2, -1, ".", NULL, 0) != -1 || errno != ENOSYS) {
    fprintf(stderr, "no-openat2: openat2 still answers (%s)\n", strerror(errno));
    return 2;
  }
  execvp(argv[1], argv + 1);
  fprintf(stderr, "no-openat2: %s: %s\n", argv[1], strerror(errno));
  return 127;
}
