/*===--- call.c - rt_call, the only entry from the host into Wasm ---------===*
 *
 * \file
 * Owns entering generated code: the per-thread chain of active calls that
 * traps unwind to, the stack limit generated code checks at every function
 * entry, and the ABI version symbol generated code links against.
 *
 * Stack budget: the outermost rt_call of a thread sets the limit to
 * RT_STACK_BUDGET (4 MiB) below its own frame, but never closer than
 * RT_STACK_HOST_RESERVE (256 KiB) to the end of the thread's stack, so
 * that host functions called by Wasm at its deepest (WASI calls, nested
 * rt_calls) still have room. Nested rt_calls keep the thread's limit: the
 * budget is for the whole host -> wasm -> host -> wasm chain, not per call.
 * Each rt_call installs the limit in its context and restores the old value
 * on the way out, so contexts shared by several threads or stores are left
 * as they were.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <pthread.h>

const int RT_ABI_SYMBOL(RT_ABI_VERSION) = RT_ABI_VERSION;

/* Lowest usable address of this thread's stack, found once per thread
 * (for the main thread glibc reads /proc/self/maps); 0 if unknown. */
static _Thread_local uintptr_t stack_low;
static _Thread_local int stack_low_known;
/* The limit the outermost active rt_call of this thread computed. */
static _Thread_local uintptr_t thread_limit;

static uintptr_t thread_stack_low(void) {
  if (!stack_low_known) {
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
      if (pthread_attr_getstack(&attr, &addr, &size) == 0)
        stack_low = (uintptr_t)addr;
      pthread_attr_destroy(&attr);
    }
    stack_low_known = 1;
  }
  return stack_low;
}

static uintptr_t compute_stack_limit(void) {
  uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
  uintptr_t limit = sp > RT_STACK_BUDGET ? sp - RT_STACK_BUDGET : 0;
  uintptr_t low = thread_stack_low();
  if (low && limit < low + RT_STACK_HOST_RESERVE)
    limit = low + RT_STACK_HOST_RESERVE; /* may be above sp: Wasm traps at once */
  return limit;
}

uint32_t rt_call(const rt_funcref *f, rt_value *vals, rt_trap_info *out) {
  rt_install_signal_handlers();

  rt_call_frame frame;
  frame.prev = rt_current_frame;
  frame.entry_inst = f->inst;
  frame.info.code = RT_TRAP_NONE;
  frame.info.func_index = UINT32_MAX;
  frame.info.inst = NULL;
  frame.info.detail = -1;

  /* Neither is written after sigsetjmp, so both are intact after a jump. */
  rt_context *const ctx = f->inst ? f->inst->ctx : NULL;
  const uintptr_t saved_limit = ctx ? ctx->stack_limit : 0;
  if (!frame.prev)
    thread_limit = compute_stack_limit();
  if (ctx)
    ctx->stack_limit = thread_limit;

  rt_current_frame = &frame;
  /* Save the signal mask: a guard-page trap jumps out of the SIGSEGV
   * handler, and the restore unblocks SIGSEGV again. */
  if (sigsetjmp(frame.jump, 1) == 0)
    f->invoke(f->code, f->inst, vals);
  /* frame.info is only written through rt_current_frame (rt_trap, the fault
   * handler); its address escaped, so it is read from memory here. */
  rt_current_frame = frame.prev;
  if (ctx)
    ctx->stack_limit = saved_limit;
  if (out)
    *out = frame.info;
  return frame.info.code;
}
