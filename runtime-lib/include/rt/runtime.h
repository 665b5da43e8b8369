/*===--- runtime.h - The embedding API of runtime-lib ---------------------===*
 *
 * \file
 * What a host (the start-up code of compiled executables, the spec runner,
 * tests) uses to run compiled modules: canonical function type ids,
 * creating memories and tables, instantiating a module against resolved
 * imports, looking up exports and calling Wasm through rt_call, the only
 * entry into generated code. Generated code never includes this header; it
 * sees only abi.h. Nothing here allocates error objects: failures are an
 * rt_status plus a fixed-size message in a caller-provided rt_error.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_RUNTIME_H
#define WASMC_RT_RUNTIME_H

#include "rt/abi.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*===--- Errors ----------------------------------------------------------===*/

typedef enum rt_status {
  RT_OK = 0,
  RT_ERR_LINK,     /* an import is missing or has an incompatible type */
  RT_ERR_TRAP,     /* a segment initializer or the start function trapped */
  RT_ERR_RESOURCE, /* out of memory or address space */
  RT_ERR_ABI       /* the module was compiled for another RT_ABI_VERSION */
} rt_status;

typedef struct rt_error {
  rt_status status;
  uint32_t trap;       /* RT_ERR_TRAP: the rt_trap_code */
  uint32_t func_index; /* RT_ERR_TRAP: the trapping function, or UINT32_MAX */
  char message[256];   /* one line, spec phrase first, e.g.
                          "incompatible import type: env.f" */
} rt_error;

/*===--- Canonical function types ----------------------------------------===*/

/* The process-wide id of a function type: two types get the same id iff
 * they have the same parameter and result types, whichever module declared
 * them. Thread-safe. Returns UINT32_MAX only if memory runs out. */
uint32_t rt_type_intern(const rt_func_type *type);

/* The type behind an id returned by rt_type_intern (valid for the life of
 * the process), or NULL for an unknown id. */
const rt_func_type *rt_type_get(uint32_t id);

/*===--- Memories and tables ---------------------------------------------===*/

/* The address space one guard-mode memory reserves: every address guard
 * code can form (base + zext(i32) + u32 offset + access size < 8 GiB + 16)
 * lies inside it, so an out-of-bounds access always hits PROT_NONE. */
#define RT_GUARD_RESERVATION ((uint64_t)8 << 30)
#define RT_GUARD_EXTRA ((uint64_t)64 << 10)

/* Largest table rt_table_create/rt_table_grow accept, in elements: an
 * implementation limit, which the spec allows for growth. */
#define RT_TABLE_LIMIT 10000000u

/* Creates a zeroed memory of limits->min pages. bounds_mode is
 * RT_BOUNDS_GUARD (reserves RT_GUARD_RESERVATION + RT_GUARD_EXTRA bytes of
 * address space; faults there become RT_TRAP_MEMORY_OOB inside rt_call) or
 * RT_BOUNDS_EXPLICIT (reserves the maximum size only). The base never moves.
 * Returns NULL and fills err (RT_ERR_RESOURCE) on failure. */
rt_memory *rt_memory_create(const rt_limits *limits, uint8_t bounds_mode, rt_error *err);
void rt_memory_destroy(rt_memory *mem);
/* Whether the memory type declared a maximum (rt_memory.max_pages alone
 * cannot tell "max 65536" from "no max"), and how it was mapped. */
int rt_memory_has_max(const rt_memory *mem);
uint8_t rt_memory_bounds_mode(const rt_memory *mem);
/* memory.grow for hosts: old size in pages, or -1. */
int32_t rt_memory_grow_direct(rt_memory *mem, uint32_t delta_pages);

/* Creates a table of limits->min elements, all `init`. NULL + err on
 * failure (more than RT_TABLE_LIMIT elements, out of memory). */
rt_table *rt_table_create(uint8_t elem_type, const rt_limits *limits, void *init, rt_error *err);
void rt_table_destroy(rt_table *table);
int rt_table_has_max(const rt_table *table);
/* table.grow for hosts: old size, or -1. */
int32_t rt_table_grow_direct(rt_table *table, void *init, uint32_t delta);

/*===--- Instances -------------------------------------------------------===*/

/* One resolved import or one export. */
typedef struct rt_extern {
  uint8_t kind;           /* enum rt_extern_kind */
  uint8_t global_type;    /* globals: RT_TYPE_* */
  uint8_t global_mutable; /* globals */
  union {
    const rt_funcref *func;
    rt_table *table;
    rt_memory *memory;
    rt_global *global;
  } of;
} rt_extern;

/* Instantiates `info` with imports[0..info->num_imports), given in the
 * order of info->imports (the host resolves names; see rt_import).
 *
 * Function imports: a funcref whose `inst` is NULL is a host function
 * template; the instance keeps its own copy with `inst` set to the new
 * instance, so that the host code (called as code(inst, args...)) receives
 * the importing instance and can reach its memory and `host` pointer.
 * Function types must be equal (canonical ids), tables and memories must
 * satisfy limits subtyping (and a guard-mode module accepts only
 * guard-mode memories), globals must agree in type and mutability;
 * otherwise RT_ERR_LINK with "incompatible import type: MODULE.NAME".
 *
 * Order (spec 2.0): functions, globals (constant expressions may read
 * imported globals and take ref.func), tables, memories, exports, then
 * active element segments and active data segments in order, each bounds
 * checked (RT_ERR_TRAP with "out of bounds table access" / "out of bounds
 * memory access"; the effects of earlier segments persist), then the start
 * function through rt_call.
 *
 * On RT_OK and on RT_ERR_TRAP *out is the instance: after a trap it must
 * stay alive as long as imported tables may hold its functions. On other
 * errors *out is NULL. ctx is shared by the instances of a store and must
 * outlive them; host becomes rt_instance.host. */
rt_status rt_instantiate(const rt_module_info *info, const rt_extern *imports,
                         rt_context *ctx, void *host, rt_instance **out,
                         rt_error *err);

/* Frees the instance and the memories, tables and globals it defined. */
void rt_instance_destroy(rt_instance *inst);

/* Finds the export `name` (len bytes, may contain NUL). Returns 1 and fills
 * *out if it exists, else 0. */
int rt_instance_export(const rt_instance *inst, const char *name, size_t len, rt_extern *out);

/* The name-section name of function func_index of inst's module, or NULL. */
const rt_name *rt_instance_func_name(const rt_instance *inst, uint32_t func_index);

/*===--- Calling Wasm ----------------------------------------------------===*/

typedef struct rt_trap_info {
  uint32_t code;       /* rt_trap_code; RT_TRAP_NONE if the call returned */
  uint32_t func_index; /* function that trapped, or UINT32_MAX if unknown */
  rt_instance *inst;   /* its instance, or NULL if unknown */
  int64_t detail;      /* the value rt_trap_detail named, or -1 */
} rt_trap_info;

/* Stack the outermost rt_call of a thread lets Wasm use: generated code
 * traps with RT_TRAP_STACK_EXHAUSTED below (entry frame - this). Host calls
 * made from Wasm run below that limit, so at least RT_STACK_HOST_RESERVE
 * bytes above the thread's stack end are kept free for them. */
#define RT_STACK_BUDGET ((uintptr_t)4 << 20)
#define RT_STACK_HOST_RESERVE ((uintptr_t)256 << 10)

/* Native stack for code compiled with RT_FLAG_CALL_DEPTH: room for
 * RT_DETERMINISTIC_CALL_DEPTH frames of up to 50 KiB (unoptimized code with
 * many locals), so that the depth limit, not the stack, stops recursion. */
#define RT_DETERMINISTIC_STACK ((size_t)1 << 30)

/* Runs fn(arg) on a new thread with a stack of stack_bytes and waits for it
 * to finish. rt_calls made there may use the whole stack but
 * RT_STACK_HOST_RESERVE, not just RT_STACK_BUDGET. The pages are reserved
 * address space, committed as they are used. Returns 0, or the errno value
 * of the failed thread creation (fn did not run). */
int rt_run_on_stack(size_t stack_bytes, void (*fn)(void *), void *arg);

/* Calls f with the parameters in vals[0..params) and leaves the results in
 * vals[0..results) (the rt_invoke_fn convention). Returns RT_TRAP_NONE, or
 * the trap that stopped the call, also described in *out if out is not
 * NULL. Nestable: host code called from Wasm may call rt_call again, and a
 * trap unwinds only to the innermost rt_call. f->inst must be an instance
 * (funcrefs from exports and bound imports are). */
uint32_t rt_call(const rt_funcref *f, rt_value *vals, rt_trap_info *out);

/* Installs the fault handler (also done by the first rt_call). Idempotent. */
void rt_install_signal_handlers(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_RUNTIME_H */
