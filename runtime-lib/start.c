/*===--- start.c - main() of every executable wasmc links -----------------===*
 *
 * \file
 * Instantiates the one module compiled into the executable (the constant
 * `wasmc_module_info` the lowering emits) with the WASI host (wasi-host,
 * through wasi_imports.h: the process's stdio as fds 0-2, its arguments,
 * an empty environment), runs it, and maps the outcome to the process exit
 * status:
 *
 *   0          _start returned, or compute returned 0
 *   N          the program called proc_exit(N) (the OS keeps N & 255)
 *   N          compute(0, 1) returned N, for 1 <= N <= 125; 125 for
 *              any other nonzero value
 *   100 + T    trap T (rt_trap_code: 101 unreachable, 102 out of bounds
 *              memory access, ..., 111 call stack exhausted), after
 *              "wasmc: trap: MESSAGE in function NAME" on stderr
 *   99         the module could not start: an import other than a
 *              preview1 function, an incompatible import type, out of memory,
 *              or no `_start`/`compute` export and no start function
 *
 * Statuses stay below 128 so that a trap is never mistaken for death by a
 * signal (128 + N in shells). A real crash, which should not happen, still
 * dies by its signal. The entry point is `_start` (a WASI command, type
 * [] -> []) or else `compute` (type [i32 i32] -> [i32], called with stdin
 * as `in` and stdout as `out`).
 *
 *===----------------------------------------------------------------------===*/
#include "rt/runtime.h"
#include "wasi/host.h"
#include "wasi_imports.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rt_module_info wasmc_module_info;

#define EXIT_STARTUP_FAILURE 99
#define EXIT_TRAP_BASE 100
#define EXIT_COMPUTE_OTHER 125

static int startup_failure(const char *message) {
  fprintf(stderr, "wasmc: %s\n", message);
  return EXIT_STARTUP_FAILURE;
}

static int report_trap(const rt_instance *inst, uint32_t code, uint32_t func_index) {
  const char *message = rt_trap_message((rt_trap_code)code);
  const rt_name *name = inst ? rt_instance_func_name(inst, func_index) : NULL;
  if (name)
    fprintf(stderr, "wasmc: trap: %s in function %.*s\n", message, (int)name->len, name->data);
  else if (func_index != UINT32_MAX)
    fprintf(stderr, "wasmc: trap: %s in function %u\n", message, func_index);
  else
    fprintf(stderr, "wasmc: trap: %s\n", message);
  return EXIT_TRAP_BASE + (int)code;
}

/* Whether f has exactly the type params -> results (codes as in rt_value). */
static int has_type(const rt_funcref *f, uint32_t params, uint32_t results, const uint8_t *codes) {
  rt_func_type t = {params, results, codes};
  return f->type_id == rt_type_intern(&t);
}

int main(int argc, char **argv) {
  const rt_module_info *info = &wasmc_module_info;
  static wasi_ctx wasi;
  static rt_context ctx;
  wasi_ctx_init(&wasi);
  wasi_ctx_inherit_stdio(&wasi);
  if (wasi_ctx_set_args(&wasi, (uint32_t)argc, (const char *const *)argv) != WASI_ERRNO_SUCCESS)
    return startup_failure("arguments too long for a 32-bit guest");
  /* A write to a closed pipe must reach the guest as fd_write's EPIPE, as
   * WASI specifies, not kill the process with a signal. */
  signal(SIGPIPE, SIG_IGN);

  rt_extern *imports = calloc(info->num_imports + 1, sizeof *imports);
  rt_funcref *templates = calloc(info->num_imports + 1, sizeof *templates);
  if (!imports || !templates)
    return startup_failure("out of memory");
  for (uint32_t i = 0; i < info->num_imports; ++i) {
    const rt_import *imp = &info->imports[i];
    int found = rt_wasi_resolve(imp, &templates[i]);
    if (found < 0)
      return startup_failure("out of memory");
    if (found == 0) {
      fprintf(stderr, "wasmc: unknown import: %.*s.%.*s\n", (int)imp->module.len,
              imp->module.data, (int)imp->name.len, imp->name.data);
      return EXIT_STARTUP_FAILURE;
    }
    imports[i].kind = RT_EXTERN_FUNC;
    imports[i].of.func = &templates[i];
  }

  rt_instance *inst;
  rt_error err;
  rt_status st = rt_instantiate(info, imports, &ctx, &wasi, &inst, &err);
  if (st == RT_ERR_TRAP)
    return report_trap(inst, err.trap, err.func_index);
  if (st != RT_OK)
    return startup_failure(err.message);

  rt_extern entry;
  rt_value vals[2];
  rt_trap_info trap;
  if (rt_instance_export(inst, "_start", 6, &entry) && entry.kind == RT_EXTERN_FUNC &&
      has_type(entry.of.func, 0, 0, NULL)) {
    if (rt_call(entry.of.func, vals, &trap) != RT_TRAP_NONE)
      return report_trap(trap.inst, trap.code, trap.func_index);
    return 0;
  }
  static const uint8_t compute_type[] = {RT_TYPE_I32, RT_TYPE_I32, RT_TYPE_I32};
  if (rt_instance_export(inst, "compute", 7, &entry) && entry.kind == RT_EXTERN_FUNC &&
      has_type(entry.of.func, 2, 1, compute_type)) {
    vals[0].i32 = 0; /* in: stdin */
    vals[1].i32 = 1; /* out: stdout */
    if (rt_call(entry.of.func, vals, &trap) != RT_TRAP_NONE)
      return report_trap(trap.inst, trap.code, trap.func_index);
    int32_t result = vals[0].i32;
    return result >= 0 && result <= EXIT_COMPUTE_OTHER ? result : EXIT_COMPUTE_OTHER;
  }
  if (info->start_func >= 0)
    return 0; /* the start function was the whole program */
  return startup_failure("module exports neither _start: [] -> [] nor "
                         "compute: [i32 i32] -> [i32]");
}
