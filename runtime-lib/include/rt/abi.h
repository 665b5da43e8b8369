/*===--- abi.h - The ABI between generated code and runtime-lib ----------===*
 *
 * \file
 * The one header shared by the compiler (which computes offsets and calls
 * from it), runtime-lib (which implements it) and the reference interpreter
 * (which reports the same trap codes and messages). Plain C, so that it is
 * usable from both C and C++.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_ABI_H
#define WASMC_RT_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RT_ABI_VERSION 1

/* Why a Wasm computation stopped. The order is part of the ABI. */
typedef enum rt_trap_code {
  RT_TRAP_NONE = 0,
  RT_TRAP_UNREACHABLE,
  RT_TRAP_MEMORY_OOB,
  RT_TRAP_TABLE_OOB,
  RT_TRAP_UNDEFINED_ELEMENT,
  RT_TRAP_INT_DIV_ZERO,
  RT_TRAP_INT_OVERFLOW,
  RT_TRAP_INVALID_CONVERSION,
  RT_TRAP_INDIRECT_CALL_TYPE,
  RT_TRAP_UNINITIALIZED_ELEMENT,
  RT_TRAP_NULL_REFERENCE,
  RT_TRAP_STACK_EXHAUSTED,
  RT_TRAP_OUT_OF_FUEL,
  RT_TRAP_HOST,
  RT_TRAP_COUNT
} rt_trap_code;

/* The spec testsuite's wording for each trap (assert_trap matches on it). */
static inline const char *rt_trap_message(rt_trap_code code) {
  switch (code) {
  case RT_TRAP_NONE: return "no trap";
  case RT_TRAP_UNREACHABLE: return "unreachable";
  case RT_TRAP_MEMORY_OOB: return "out of bounds memory access";
  case RT_TRAP_TABLE_OOB: return "out of bounds table access";
  case RT_TRAP_UNDEFINED_ELEMENT: return "undefined element";
  case RT_TRAP_INT_DIV_ZERO: return "integer divide by zero";
  case RT_TRAP_INT_OVERFLOW: return "integer overflow";
  case RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
  case RT_TRAP_INDIRECT_CALL_TYPE: return "indirect call type mismatch";
  case RT_TRAP_UNINITIALIZED_ELEMENT: return "uninitialized element";
  case RT_TRAP_NULL_REFERENCE: return "null reference";
  case RT_TRAP_STACK_EXHAUSTED: return "call stack exhausted";
  case RT_TRAP_OUT_OF_FUEL: return "all fuel consumed";
  case RT_TRAP_HOST: return "host function failed";
  case RT_TRAP_COUNT: break;
  }
  return "unknown trap";
}

/*===--- Values and references ------------------------------------------===*/

/* Wasm value type codes, as in the binary format. */
enum {
  RT_TYPE_I32 = 0x7f,
  RT_TYPE_I64 = 0x7e,
  RT_TYPE_F32 = 0x7d,
  RT_TYPE_F64 = 0x7c,
  RT_TYPE_V128 = 0x7b,
  RT_TYPE_FUNCREF = 0x70,
  RT_TYPE_EXTERNREF = 0x6f
};

/* One value of any type: how globals are stored and how trampolines pass
 * arguments and results. */
typedef union rt_value {
  int32_t i32;
  int64_t i64;
  float f32;
  double f64;
  uint8_t v128[16];
  void *ref; /* funcref: const rt_funcref *, externref: host value; NULL = null */
} rt_value;

typedef struct rt_instance rt_instance;

/* Calls `code` (a Wasm function's native entry, whose signature is
 * `results code(rt_instance *inst, params...)`) with the parameters read from
 * vals[0..n) and writes its results to vals[0..m). The compiler emits one
 * per function type; hosts use them to call any function generically. */
typedef void (*rt_invoke_fn)(const void *code, rt_instance *inst, rt_value *vals);

/* A function as tables hold it, imports receive it and ref.func makes it.
 * A funcref value is a `const rt_funcref *`; each function has exactly one,
 * owned by its instance (or by the host for host functions). */
typedef struct rt_funcref {
  const void *code;     /* native entry, first parameter the instance */
  rt_instance *inst;    /* the instance `code` expects */
  rt_invoke_fn invoke;  /* generic caller for this function's type */
  uint32_t type_id;     /* canonical: equal ids <=> structurally equal types */
  uint32_t func_index;  /* index in its module, for diagnostics */
} rt_funcref;

/*===--- Memories, tables, globals --------------------------------------===*/

#define RT_PAGE_SIZE 65536u
#define RT_MAX_PAGES 65536u

typedef struct rt_memory {
  uint8_t *base;      /* first byte of linear memory */
  uint64_t size;      /* current size in bytes (pages * RT_PAGE_SIZE) */
  uint64_t max_pages; /* growth limit: the type's maximum, or RT_MAX_PAGES */
  uint64_t reserved;  /* bytes of address space mapped at base (>= size);
                         beyond size it is PROT_NONE guard area */
} rt_memory;

typedef struct rt_table {
  void **elems;      /* size entries: funcref or externref values */
  uint32_t size;
  uint32_t max;      /* growth limit: the type's maximum, or UINT32_MAX */
  uint8_t elem_type; /* RT_TYPE_FUNCREF or RT_TYPE_EXTERNREF */
} rt_table;

typedef struct rt_global {
  rt_value value;
} rt_global;

/*===--- Per-store execution context ------------------------------------===*/

/* Shared by all instances of a store (linked instances call each other). */
typedef struct rt_context {
  /* Generated code traps with RT_TRAP_STACK_EXHAUSTED at function entry
   * when its frame address is below this. */
  uintptr_t stack_limit;
  /* Remaining fuel when metering is enabled (see RT_FLAG_FUEL): code
   * compiled with it traps with RT_TRAP_OUT_OF_FUEL when a metering segment
   * (wasm/Fuel.h) costs more than this, else subtracts the cost. */
  int64_t fuel;
  /* Live Wasm frames of code compiled with a call depth limit
   * (RT_FLAG_CALL_DEPTH): incremented at function entry, which traps with
   * RT_TRAP_STACK_EXHAUSTED at the limit, decremented on return. rt_call
   * restores it when a trap unwinds. Start at 0. */
  uint32_t call_depth;
  /* If not 0, memory.grow (rt_memory_grow) fails beyond this many pages,
   * and instances fail to define a memory with a larger minimum. */
  uint32_t memory_page_cap;
} rt_context;

/* Deterministic mode: limits that are the same on every machine and in
 * both engines (the interpreter's ExecLimits/ExecOptions take the same
 * values). A call depth of 20000 Wasm frames, and memories of at most
 * 16384 pages (1 GiB). */
#define RT_DETERMINISTIC_CALL_DEPTH 20000u
#define RT_DETERMINISTIC_MEMORY_PAGES 16384u

/*===--- The instance, as generated code sees it ------------------------===*/

/* Generated code reads these fields at offsetof() positions computed from
 * this declaration; the runtime appends private state after them. */
struct rt_instance {
  rt_memory *memory0;          /* memories[0], or NULL: the hot path */
  rt_memory **memories;        /* [memory index], imported first */
  rt_table **tables;           /* [table index] */
  rt_global **globals;         /* [global index]: imported ones point into
                                  their provider */
  const rt_funcref **funcs;    /* [function index] */
  const uint32_t *type_ids;    /* [type index] -> canonical type id */
  rt_context *ctx;
  const struct rt_module_info *info;
  void *host;                  /* embedder data, e.g. the WASI host */
};

/*===--- The static description of a compiled module --------------------===*/

/* Everything the runtime needs to instantiate a compiled module, emitted by
 * the compiler as one constant `rt_module_info` symbol. Names carry their
 * length: Wasm names may contain NUL. */

typedef struct rt_name {
  const char *data;
  uint32_t len;
} rt_name;

typedef struct rt_func_type {
  uint32_t num_params;
  uint32_t num_results;
  const uint8_t *types; /* num_params then num_results RT_TYPE_* codes */
} rt_func_type;

enum rt_const_kind {
  RT_CONST_VALUE,      /* value holds the constant */
  RT_CONST_GLOBAL_GET, /* index is a global index */
  RT_CONST_REF_FUNC,   /* index is a function index */
  RT_CONST_REF_NULL
};

typedef struct rt_const_expr {
  uint8_t kind; /* enum rt_const_kind */
  uint32_t index;
  rt_value value;
} rt_const_expr;

enum rt_extern_kind {
  RT_EXTERN_FUNC = 0,
  RT_EXTERN_TABLE = 1,
  RT_EXTERN_MEMORY = 2,
  RT_EXTERN_GLOBAL = 3
};

typedef struct rt_limits {
  uint64_t min;
  uint64_t max;
  uint8_t has_max;
} rt_limits;

typedef struct rt_import {
  rt_name module;
  rt_name name;
  uint8_t kind;        /* enum rt_extern_kind */
  uint32_t type_index; /* functions */
  uint8_t type;        /* tables: element type; globals: value type */
  uint8_t mutable_;    /* globals */
  rt_limits limits;    /* tables and memories */
} rt_import;

typedef struct rt_export {
  rt_name name;
  uint8_t kind; /* enum rt_extern_kind */
  uint32_t index;
} rt_export;

typedef struct rt_func_def {
  const void *code;
  rt_invoke_fn invoke;
  uint32_t type_index;
  rt_name name; /* from the name section; len 0 if none */
} rt_func_def;

typedef struct rt_table_def {
  uint8_t elem_type;
  rt_limits limits;
} rt_table_def;

typedef struct rt_global_def {
  uint8_t type;
  uint8_t mutable_;
  rt_const_expr init;
} rt_global_def;

enum rt_segment_mode { RT_SEGMENT_ACTIVE, RT_SEGMENT_PASSIVE, RT_SEGMENT_DECLARATIVE };

typedef struct rt_elem_segment {
  uint8_t mode;     /* enum rt_segment_mode */
  uint8_t elem_type;
  uint32_t table;
  rt_const_expr offset;
  uint32_t count;
  const rt_const_expr *inits;
} rt_elem_segment;

typedef struct rt_data_segment {
  uint8_t mode;
  uint32_t memory;
  rt_const_expr offset;
  uint32_t size;
  const uint8_t *bytes;
} rt_data_segment;

enum rt_bounds_mode { RT_BOUNDS_GUARD = 0, RT_BOUNDS_EXPLICIT = 1 };
/* How the code was compiled; the runtime's host must configure rt_context
 * accordingly (fuel to give, call_depth 0). */
enum rt_module_flags {
  RT_FLAG_FUEL = 1,          /* metered: charges rt_context.fuel */
  RT_FLAG_CANONICAL_NAN = 2, /* NaN results of arithmetic are canonical */
  RT_FLAG_CALL_DEPTH = 4     /* counts rt_context.call_depth, limited to
                                RT_DETERMINISTIC_CALL_DEPTH */
};

typedef struct rt_module_info {
  uint32_t abi_version; /* RT_ABI_VERSION */
  uint8_t bounds_mode;  /* how memories must be mapped for this code */
  uint32_t flags;       /* enum rt_module_flags */
  rt_name name;
  uint32_t num_types;
  const rt_func_type *types;
  uint32_t num_imports;
  const rt_import *imports;
  uint32_t num_funcs; /* defined functions, after the imported ones */
  const rt_func_def *funcs;
  uint32_t num_tables;
  const rt_table_def *tables;
  uint32_t num_memories;
  const rt_limits *memories;
  uint32_t num_globals;
  const rt_global_def *globals;
  uint32_t num_exports;
  const rt_export *exports;
  uint32_t num_elems;
  const rt_elem_segment *elems;
  uint32_t num_datas;
  const rt_data_segment *datas;
  int64_t start_func; /* function index, or -1 */
} rt_module_info;

/*===--- Runtime entry points called by generated code ------------------===*/

#if defined(__GNUC__)
#define RT_NORETURN __attribute__((noreturn))
#else
#define RT_NORETURN
#endif

/* Stops the current Wasm call with `code`; func_index names the function
 * that trapped. Never returns: control goes back to the runtime's caller. */
RT_NORETURN void rt_trap(rt_instance *inst, uint32_t code, uint32_t func_index);
/* rt_trap for a trap whose spec message names a value: for
 * RT_TRAP_UNINITIALIZED_ELEMENT, `detail` is the table index call_indirect
 * found null ("uninitialized element 2"). Hosts see it in rt_trap_info. */
RT_NORETURN void rt_trap_detail(rt_instance *inst, uint32_t code, uint32_t func_index,
                                uint32_t detail);

/* memory.grow: the old size in pages, or -1 if it cannot grow. Never traps. */
int32_t rt_memory_grow(rt_instance *inst, uint32_t mem, uint32_t delta_pages);
/* Bulk memory and table operations return RT_TRAP_NONE or the trap to
 * raise; they check all bounds before writing anything. */
uint32_t rt_memory_fill(rt_instance *inst, uint32_t mem, uint32_t dst, uint32_t value, uint32_t n);
uint32_t rt_memory_copy(rt_instance *inst, uint32_t dst_mem, uint32_t src_mem, uint32_t dst, uint32_t src, uint32_t n);
uint32_t rt_memory_init(rt_instance *inst, uint32_t mem, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n);
void rt_data_drop(rt_instance *inst, uint32_t seg);
/* table.grow: old size, or -1. */
int32_t rt_table_grow(rt_instance *inst, uint32_t table, void *init, uint32_t delta);
uint32_t rt_table_fill(rt_instance *inst, uint32_t table, uint32_t dst, void *value, uint32_t n);
uint32_t rt_table_copy(rt_instance *inst, uint32_t dst_table, uint32_t src_table, uint32_t dst, uint32_t src, uint32_t n);
uint32_t rt_table_init(rt_instance *inst, uint32_t table, uint32_t seg, uint32_t dst, uint32_t src, uint32_t n);
void rt_elem_drop(rt_instance *inst, uint32_t seg);

/* Generated code references this symbol, so code compiled against another
 * ABI version fails to link instead of misbehaving. */
#define RT_ABI_SYMBOL_(v) rt_abi_v##v
#define RT_ABI_SYMBOL(v) RT_ABI_SYMBOL_(v)
extern const int RT_ABI_SYMBOL(RT_ABI_VERSION);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_ABI_H */
