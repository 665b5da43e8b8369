/*===--- trap.c - Turning traps and guard-page faults into rt_call returns ===*
 *
 * \file
 * Owns the two ways a Wasm computation stops abnormally: rt_trap (called by
 * generated code and by hosts) and hardware faults inside a guard-mode
 * memory reservation. Both siglongjmp to the innermost rt_call of the
 * thread (see call.c), which returns the trap code. The fault handler runs
 * on an alternate signal stack, because the fault may be a stack overflow
 * of host code, and claims only faults whose address lies in a registered
 * reservation while an rt_call is active on the faulting thread; every
 * other SIGSEGV/SIGBUS goes to the previous handler or the default action,
 * so real crashes still crash.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <ucontext.h>

_Thread_local rt_call_frame *rt_current_frame __attribute__((tls_model("initial-exec")));

//===--- rt_trap -------------------------------------------------------------===//

static RT_NORETURN void trap_with(rt_instance *inst, uint32_t code, uint32_t func_index,
                                  int64_t detail) {
  rt_call_frame *frame = rt_current_frame;
  if (!frame) {
    /* Generated code only runs under rt_call, so this is a host bug. */
    fprintf(stderr, "wasmc: trap outside of rt_call: %s\n",
            rt_trap_message((rt_trap_code)code));
    abort();
  }
  frame->info.code = code;
  frame->info.func_index = func_index;
  frame->info.inst = inst;
  frame->info.detail = detail;
  siglongjmp(frame->jump, 1);
}

void rt_trap(rt_instance *inst, uint32_t code, uint32_t func_index) {
  trap_with(inst, code, func_index, -1);
}

void rt_trap_detail(rt_instance *inst, uint32_t code, uint32_t func_index, uint32_t detail) {
  trap_with(inst, code, func_index, detail);
}

//===--- Registry of guard reservations ------------------------------------===//

/* A fixed array the signal handler can scan without locks. 16384 slots of
 * 8 GiB are 128 TiB, the whole user address space of x86-64, so the array
 * can never be the limit. A slot is claimed by a CAS of lo from 0; hi is
 * published after, and cleared first on release, so a racing handler at
 * worst sees an empty range. */
#define GUARD_SLOTS 16384

static _Atomic uintptr_t guard_lo[GUARD_SLOTS];
static _Atomic uintptr_t guard_hi[GUARD_SLOTS];
static _Atomic int guard_used; /* slots at or above are all free */

int rt_guard_register(uintptr_t lo, uintptr_t hi) {
  for (int i = 0; i < GUARD_SLOTS; ++i) {
    uintptr_t expected = 0;
    if (!atomic_compare_exchange_strong(&guard_lo[i], &expected, lo))
      continue;
    atomic_store(&guard_hi[i], hi);
    int used = atomic_load(&guard_used);
    while (used < i + 1 && !atomic_compare_exchange_weak(&guard_used, &used, i + 1))
      ;
    return i;
  }
  return -1;
}

void rt_guard_unregister(int slot) {
  atomic_store(&guard_hi[slot], 0);
  atomic_store(&guard_lo[slot], 0);
}

static int in_guard_reservation(uintptr_t addr) {
  int used = atomic_load(&guard_used);
  for (int i = 0; i < used; ++i) {
    uintptr_t lo = atomic_load(&guard_lo[i]);
    uintptr_t hi = atomic_load(&guard_hi[i]);
    if (lo && addr >= lo && addr < hi)
      return 1;
  }
  return 0;
}

//===--- Fault handler -------------------------------------------------------===//

static struct sigaction previous_segv, previous_bus;

static uintptr_t fault_pc(void *uc) {
  ucontext_t *ctx = uc;
#if defined(__x86_64__)
  return (uintptr_t)ctx->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  return (uintptr_t)ctx->uc_mcontext.pc;
#else
  (void)ctx;
  return 0;
#endif
}

/* Best effort: the defined function of `inst` whose code starts closest
 * below pc. Faults come from Wasm loads and stores, which are in the
 * functions of the instance rt_call entered unless the code crossed into
 * another instance, in which case the name may be wrong. */
static uint32_t function_at(rt_instance *inst, uintptr_t pc) {
  if (!inst || !pc)
    return UINT32_MAX;
  rt_instance_obj *obj = rt_obj(inst);
  uint32_t best = UINT32_MAX;
  uintptr_t best_start = 0;
  for (uint32_t i = 0; i < inst->info->num_funcs; ++i) {
    uintptr_t start = (uintptr_t)inst->info->funcs[i].code;
    if (start <= pc && start >= best_start) {
      best_start = start;
      best = obj->num_imported_funcs + i;
    }
  }
  return best;
}

static void forward_fault(int sig, siginfo_t *si, void *uc) {
  struct sigaction *prev = sig == SIGSEGV ? &previous_segv : &previous_bus;
  if ((prev->sa_flags & SA_SIGINFO) && prev->sa_sigaction) {
    prev->sa_sigaction(sig, si, uc);
    return;
  }
  if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN) {
    prev->sa_handler(sig);
    return;
  }
  /* Default action: returning re-executes the faulting instruction, which
   * now faults with no handler. A signal sent with kill() is re-raised. */
  signal(sig, SIG_DFL);
  if (si->si_code <= 0)
    raise(sig);
}

static void on_fault(int sig, siginfo_t *si, void *uc) {
  rt_call_frame *frame = rt_current_frame;
  if (frame && si->si_code > 0 && in_guard_reservation((uintptr_t)si->si_addr)) {
    frame->info.code = RT_TRAP_MEMORY_OOB;
    frame->info.func_index = function_at(frame->entry_inst, fault_pc(uc));
    frame->info.inst = frame->info.func_index == UINT32_MAX ? NULL : frame->entry_inst;
    frame->info.detail = -1;
    /* rt_call's sigsetjmp saved the signal mask, so this also unblocks the
     * signal that the kernel blocked for the handler. */
    siglongjmp(frame->jump, 1);
  }
  forward_fault(sig, si, uc);
}

//===--- Installation --------------------------------------------------------===//

static pthread_once_t install_once = PTHREAD_ONCE_INIT;

static void install_handlers(void) {
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, &previous_segv);
  sigaction(SIGBUS, &sa, &previous_bus);
}

/* Each thread needs its own alternate stack; it lives as long as the
 * thread and is not freed (one small allocation per thread that calls
 * Wasm). A stack the host installed itself is kept. */
#define ALT_STACK_SIZE (64 * 1024)
static _Thread_local int alt_stack_ready;

static void ensure_alt_stack(void) {
  if (alt_stack_ready)
    return;
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) {
    alt_stack_ready = 1;
    return;
  }
  stack_t ss;
  ss.ss_sp = malloc(ALT_STACK_SIZE);
  ss.ss_size = ALT_STACK_SIZE;
  ss.ss_flags = 0;
  if (ss.ss_sp && sigaltstack(&ss, NULL) == 0)
    alt_stack_ready = 1;
}

void rt_install_signal_handlers(void) {
  pthread_once(&install_once, install_handlers);
  ensure_alt_stack();
}
