/*===--- proc.c - proc_exit and sched_yield ---------------------------------===*
 *
 * \file
 * proc_exit only records the request: ending the program is the adapter's
 * business (exit() for a compiled executable, an unwinding trap in the
 * interpreter), so this library never exits and never traps.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <sched.h>

uint32_t wasi_proc_exit(wasi_ctx *ctx, wasi_mem mem, uint32_t rval) {
  ctx->exited = 1;
  ctx->exit_code = rval;
  return WASI_CALL_EXIT;
}

uint16_t wasi_sched_yield(wasi_ctx *ctx, wasi_mem mem) {
  sched_yield();
  return WASI_ERRNO_SUCCESS;
}
