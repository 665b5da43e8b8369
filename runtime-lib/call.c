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
 * as they were. A thread made by rt_run_on_stack budgets its whole stack
 * instead, so that deterministic call depths fit at any optimization level.
 *
 * The call depth that code compiled with a depth limit counts is restored
 * too: a trap unwinds past the decrements of the frames it abandons.
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
/* How much of this thread's stack Wasm may use below the outermost rt_call. */
static _Thread_local uintptr_t thread_budget = RT_STACK_BUDGET;

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
  uintptr_t limit = sp > thread_budget ? sp - thread_budget : 0;
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
  const uint32_t saved_depth = ctx ? ctx->call_depth : 0;
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
  if (ctx) {
    ctx->stack_limit = saved_limit;
    ctx->call_depth = saved_depth;
  }
  if (out)
    *out = frame.info;
  return frame.info.code;
}

//===--- Running on a large stack -------------------------------------------===//

typedef struct stack_job {
  size_t stack_bytes;
  void (*fn)(void *);
  void *arg;
} stack_job;

static void *run_stack_job(void *p) {
  stack_job *job = p;
  thread_budget = job->stack_bytes;
  job->fn(job->arg);
  return NULL;
}

int rt_run_on_stack(size_t stack_bytes, void (*fn)(void *), void *arg) {
  /* A thread is the portable way to get a stack of any size that
   * pthread_getattr_np (the stack limit) and sigaltstack (the fault
   * handler) both understand; the pages are committed only when touched. */
  pthread_attr_t attr;
  int rc = pthread_attr_init(&attr);
  if (rc)
    return rc;
  rc = pthread_attr_setstacksize(&attr, stack_bytes);
  stack_job job = {stack_bytes, fn, arg};
  pthread_t thread;
  if (!rc)
    rc = pthread_create(&thread, &attr, run_stack_job, &job);
  pthread_attr_destroy(&attr);
  if (rc)
    return rc;
  return pthread_join(thread, NULL);
}
