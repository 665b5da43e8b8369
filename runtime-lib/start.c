/*===--- start.c - main() of every executable wasmc links -----------------===*
 *
 * \file
 * Instantiates the one module compiled into the executable (the constant
 * `wasmc_module_info` the lowering emits) with the WASI host (wasi-host,
 * through wasi_imports.h), granted what the run options say
 * (rt/run_options.h): the options baked in at compile time
 * (`wasmc_baked_options`), and, only in an executable compiled with
 * --allow-runtime-grants, options from the command line before `--`.
 * Every other argument is the module's. Runs the module and maps the
 * outcome to the process exit status:
 *
 *   0          _start returned, or compute returned 0, or --invoke returned
 *   N          the program called proc_exit(N) (the OS keeps N & 255)
 *   N          compute(0, 1) returned N, for 1 <= N <= 125; 125 for
 *              any other nonzero value
 *   2          a bad run option or --invoke argument
 *   100 + T    trap T (rt_trap_code: 101 unreachable, 102 out of bounds
 *              memory access, ..., 111 call stack exhausted), after
 *              "wasmc: trap: MESSAGE in function NAME" on stderr
 *   99         the module could not start: an import other than a
 *              preview1 function, an incompatible import type, out of memory,
 *              a grant that cannot be opened, or no entry point
 *
 * Statuses stay below 128 so that a trap is never mistaken for death by a
 * signal (128 + N in shells). A real crash, which should not happen, still
 * dies by its signal. A reactor's `_initialize` runs first. The entry point
 * is --invoke's export, else `_start`
 * (a WASI command, type [] -> []), else `compute` (the compute model,
 * `void compute(__wasi_fd_t in, __wasi_fd_t out)`: type [i32 i32] -> [],
 * or [i32 i32] -> [i32] whose result is the exit status; called as
 * compute(0, 1) with only stdin readable and stdout writable, nothing else
 * granted).
 *
 *===----------------------------------------------------------------------===*/
#include "rt/run_options.h"
#include "rt/runtime.h"
#include "rt/value_text.h"
#include "wasi/host.h"
#include "wasi_imports.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const rt_module_info wasmc_module_info;
/* The options given to wasmc at compile time, each NUL-terminated, back to
 * back (emitted by the driver; absent in objects linked by hand). */
extern const char wasmc_baked_options[] __attribute__((weak));
extern const uint32_t wasmc_baked_options_size __attribute__((weak));

#define EXIT_USAGE 2
#define EXIT_STARTUP_FAILURE 99
#define EXIT_TRAP_BASE 100
#define EXIT_COMPUTE_OTHER 125

static int startup_failure(const char *message) {
  fprintf(stderr, "wasmc: %s\n", message);
  return EXIT_STARTUP_FAILURE;
}

static int usage_error(const char *message) {
  fprintf(stderr, "wasmc: %s\n", message);
  return EXIT_USAGE;
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

/* Whether the module exports a function under name (known before
 * instantiation, so that the entry point decides what is granted). */
static int exports_func(const rt_module_info *info, const char *name) {
  size_t len = strlen(name);
  for (uint32_t i = 0; i < info->num_exports; ++i) {
    const rt_export *e = &info->exports[i];
    if (e->kind == RT_EXTERN_FUNC && e->name.len == len && memcmp(e->name.data, name, len) == 0)
      return 1;
  }
  return 0;
}

/* Parses the baked options into o; they were checked by the compiler, so
 * an error here means a damaged executable. */
static int parse_baked(rt_run_options *o, char *err, size_t len) {
  if (!wasmc_baked_options || !&wasmc_baked_options_size)
    return 0;
  uint32_t size = wasmc_baked_options_size;
  int count = 0;
  for (uint32_t i = 0; i < size; ++i)
    count += wasmc_baked_options[i] == 0;
  const char **argv = calloc((size_t)count + 1, sizeof *argv);
  if (!argv)
    return snprintf(err, len, "out of memory"), -1;
  for (uint32_t i = 0, k = 0; i < size; i += (uint32_t)strlen(wasmc_baked_options + i) + 1)
    argv[k++] = wasmc_baked_options + i;
  int next = 0;
  if (rt_run_options_parse(o, count, argv, &next, err, len) != 0)
    return -1;
  if (next != count)
    return snprintf(err, len, "damaged baked options"), -1;
  return 0;
}

/* The run's state that the exit path needs (proc_exit leaves through
 * exit() from inside the Wasm call). */
static wasi_ctx wasi;

/* Runs at every exit, proc_exit's included: the output digest covers what
 * was written and the status the process ends with. */
static void print_digest(int status, void *arg) {
  (void)arg;
  uint8_t digest[32];
  char hex[65];
  wasi_ctx_digest_final(&wasi, (uint32_t)status & 255, digest);
  wasi_digest_hex(digest, hex);
  fprintf(stderr, "wasmc: output-digest: %s\n", hex);
}

static const char *type_name(uint8_t type) {
  switch (type) {
  case RT_TYPE_I32: return "i32";
  case RT_TYPE_I64: return "i64";
  case RT_TYPE_F32: return "f32";
  case RT_TYPE_F64: return "f64";
  case RT_TYPE_V128: return "v128";
  case RT_TYPE_FUNCREF: return "funcref";
  default: return "externref";
  }
}

/* Calls --invoke's export with args parsed by its parameter types and
 * prints its results, one per line. Messages are those of `wasmc run
 * --interp --invoke`, prefixed with the program name. */
static int invoke(rt_instance *inst, const char *prog, const char *name, int argc, char **args) {
  rt_extern entry;
  if (!rt_instance_export(inst, name, strlen(name), &entry) || entry.kind != RT_EXTERN_FUNC) {
    fprintf(stderr, "wasmc: %s: no exported function %s\n", prog, name);
    return EXIT_STARTUP_FAILURE;
  }
  const rt_func_type *type = rt_type_get(entry.of.func->type_id);
  if ((uint32_t)argc != type->num_params) {
    fprintf(stderr, "wasmc: %s: %s takes %u argument%s [", prog, name, type->num_params,
            type->num_params == 1 ? "" : "s");
    for (uint32_t i = 0; i < type->num_params; ++i)
      fprintf(stderr, "%s%s", i ? " " : "", type_name(type->types[i]));
    fprintf(stderr, "], got %d\n", argc);
    return EXIT_USAGE;
  }
  uint32_t slots = type->num_params > type->num_results ? type->num_params : type->num_results;
  rt_value *vals = calloc(slots + 1, sizeof *vals);
  if (!vals)
    return startup_failure("out of memory");
  for (int i = 0; i < argc; ++i)
    if (rt_parse_value(args[i], type->types[i], &vals[i]) != 0) {
      fprintf(stderr, "wasmc: %s: argument %d of %s: '%s' is not an %s\n", prog, i + 1, name,
              args[i], type_name(type->types[i]));
      return EXIT_USAGE;
    }
  rt_trap_info trap;
  if (rt_call(entry.of.func, vals, &trap) != RT_TRAP_NONE)
    return report_trap(trap.inst, trap.code, trap.func_index);
  for (uint32_t i = 0; i < type->num_results; ++i) {
    char text[RT_VALUE_TEXT_MAX];
    rt_format_value(&vals[i], type->types[type->num_params + i], text, sizeof text);
    printf("%s\n", text);
  }
  return 0;
}

static int run(rt_instance *inst, const rt_run_options *o, const char *prog, int argc,
               char **args) {
  const rt_module_info *info = &wasmc_module_info;
  rt_extern entry;
  rt_value vals[2];
  rt_trap_info trap;
  /* A WASI reactor (a library-like module, e.g. a compute module built
   * by wasi-libc) must run its _initialize before any other export. */
  if (rt_instance_export(inst, "_initialize", 11, &entry) && entry.kind == RT_EXTERN_FUNC &&
      has_type(entry.of.func, 0, 0, NULL) && rt_call(entry.of.func, vals, &trap) != RT_TRAP_NONE)
    return report_trap(trap.inst, trap.code, trap.func_index);
  if (o->invoke)
    return invoke(inst, prog, o->invoke, argc, args);
  if (!o->compute && rt_instance_export(inst, "_start", 6, &entry) &&
      entry.kind == RT_EXTERN_FUNC && has_type(entry.of.func, 0, 0, NULL)) {
    if (rt_call(entry.of.func, vals, &trap) != RT_TRAP_NONE)
      return report_trap(trap.inst, trap.code, trap.func_index);
    return 0;
  }
  static const uint8_t compute_type[] = {RT_TYPE_I32, RT_TYPE_I32, RT_TYPE_I32};
  int has_compute = rt_instance_export(inst, "compute", 7, &entry) &&
                    entry.kind == RT_EXTERN_FUNC;
  int status_result = has_compute && has_type(entry.of.func, 2, 1, compute_type);
  if (has_compute && (status_result || has_type(entry.of.func, 2, 0, compute_type))) {
    vals[0].i32 = 0; /* in: stdin */
    vals[1].i32 = 1; /* out: stdout */
    if (rt_call(entry.of.func, vals, &trap) != RT_TRAP_NONE)
      return report_trap(trap.inst, trap.code, trap.func_index);
    if (!status_result)
      return 0;
    int32_t result = vals[0].i32;
    return result >= 0 && result <= EXIT_COMPUTE_OTHER ? result : EXIT_COMPUTE_OTHER;
  }
  if (info->start_func >= 0 && !o->compute)
    return 0; /* the start function was the whole program */
  return startup_failure(o->compute ? "--compute needs an export compute: [i32 i32] -> [] "
                                      "or [i32 i32] -> [i32]"
                                    : "module exports neither _start: [] -> [] nor "
                                      "compute: [i32 i32] -> [] or [i32 i32] -> [i32]");
}

/* Imports the WASI functions, instantiates and runs the module; returns
 * the exit status. */
static int instantiate_and_run(const rt_run_options *o, rt_context *ctx, const char *prog,
                               int argc, char **args) {
  const rt_module_info *info = &wasmc_module_info;
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
  rt_status st = rt_instantiate(info, imports, ctx, &wasi, &inst, &err);
  if (st == RT_ERR_TRAP)
    return report_trap(inst, err.trap, err.func_index);
  if (st != RT_OK)
    return startup_failure(err.message);
  return run(inst, o, prog, argc, args);
}

/* instantiate_and_run's arguments and result, for rt_run_on_stack. */
struct launch {
  const rt_run_options *opts;
  rt_context *ctx;
  const char *prog;
  int argc;
  char **args;
  int status;
};

static void launch(void *arg) {
  struct launch *l = arg;
  l->status = instantiate_and_run(l->opts, l->ctx, l->prog, l->argc, l->args);
}

int main(int argc, char **argv) {
  const rt_module_info *info = &wasmc_module_info;
  static rt_run_options opts;
  static rt_context ctx;
  char err[512];
  if (parse_baked(&opts, err, sizeof err) != 0)
    return startup_failure(err);
  int next = 1;
  if (opts.allow_runtime_grants &&
      rt_run_options_parse(&opts, argc, (const char *const *)argv, &next, err, sizeof err) != 0)
    return usage_error(err);
  if (opts.has_fuel && !(info->flags & RT_FLAG_FUEL))
    return usage_error("--fuel needs an executable compiled with --fuel");
  if (opts.deterministic && !(info->flags & RT_FLAG_CANONICAL_NAN))
    return usage_error("--deterministic needs an executable compiled with --deterministic");
  /* A module that is only a compute function gets the compute model's
   * grants by default: its in and out, nothing else. */
  if (!opts.invoke && !exports_func(info, "_start") && exports_func(info, "compute"))
    opts.compute = 1;

  wasi_ctx_init(&wasi);
  if (rt_run_options_grant(&opts, &wasi, err, sizeof err) != 0)
    return startup_failure(err);
  /* The guest's argv: the executable's name and every argument not taken
   * as an option (none of them with --invoke, whose arguments are values). */
  char **guest_argv = argv + next - 1;
  guest_argv[0] = argv[0];
  uint32_t guest_argc = opts.invoke ? 1 : (uint32_t)(argc - next + 1);
  if (wasi_ctx_set_args(&wasi, guest_argc, (const char *const *)guest_argv) != WASI_ERRNO_SUCCESS)
    return startup_failure("arguments too long for a 32-bit guest");
  if (opts.output_digest)
    on_exit(print_digest, NULL);
  /* A write to a closed pipe must reach the guest as fd_write's EPIPE, as
   * WASI specifies, not kill the process with a signal. */
  signal(SIGPIPE, SIG_IGN);
  ctx.fuel = (int64_t)opts.fuel; /* before instantiation: the start function is metered */
  if (opts.deterministic)
    ctx.memory_page_cap = RT_DETERMINISTIC_MEMORY_PAGES;

  struct launch l = {&opts, &ctx, argv[0], opts.invoke ? argc - next : 0, argv + next, 0};
  /* Code that counts its call depth gets a stack deep enough for every
   * allowed frame, so that the count, the same on every machine, is what
   * runs out. */
  if (info->flags & RT_FLAG_CALL_DEPTH) {
    if (rt_run_on_stack(RT_DETERMINISTIC_STACK, launch, &l) != 0)
      return startup_failure("cannot create the thread of the Wasm stack");
  } else {
    launch(&l);
  }
  return l.status;
}
