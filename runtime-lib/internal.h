/*===--- internal.h - State runtime-lib keeps behind the ABI structs ------===*
 *
 * \file
 * The private records that wrap the ABI-visible structs (each starts with
 * the public struct, so a pointer to one is a pointer to the other), and the
 * functions the runtime's files share. Not installed, not seen by generated
 * code or hosts.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_INTERNAL_H
#define WASMC_RT_INTERNAL_H

#include "rt/runtime.h"

#include <setjmp.h>

typedef struct rt_memory_obj {
  rt_memory mem; /* first: (rt_memory *) <-> (rt_memory_obj *) */
  uint8_t has_max;
  uint8_t bounds_mode;
  int guard_slot; /* index in the fault handler's registry, or -1 */
} rt_memory_obj;

typedef struct rt_table_obj {
  rt_table table; /* first */
  uint8_t has_max;
} rt_table_obj;

/* Runtime state of one element segment: the evaluated references, or
 * size 0 once dropped. */
typedef struct rt_elem_state {
  void **refs;
  uint32_t size;
} rt_elem_state;

typedef struct rt_instance_obj {
  rt_instance inst; /* first */
  uint32_t num_imported_funcs;
  uint32_t num_imported_tables;
  uint32_t num_imported_memories;
  uint32_t num_imported_globals;
  uint32_t num_funcs, num_tables, num_memories, num_globals;
  rt_funcref *defined_funcs;   /* one per defined function */
  rt_funcref *bound_imports;   /* copies of host templates, per import */
  rt_global *defined_globals;
  rt_elem_state *elems;        /* per element segment */
  uint32_t *data_sizes;        /* per data segment; 0 once dropped */
} rt_instance_obj;

static inline rt_instance_obj *rt_obj(rt_instance *inst) {
  return (rt_instance_obj *)inst;
}

/* Formats err->message and sets err->status; returns status. */
rt_status rt_fail(rt_error *err, rt_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* One active rt_call on this thread. rt_trap and the fault handler jump to
 * the innermost one; prev links to the rt_call it is nested in. */
typedef struct rt_call_frame {
  sigjmp_buf jump;
  struct rt_call_frame *prev;
  rt_trap_info info;
  rt_instance *entry_inst; /* the instance rt_call entered */
} rt_call_frame;

/* initial-exec: the fault handler reads it, and must not end up in
 * __tls_get_addr, which may allocate. */
extern _Thread_local rt_call_frame *rt_current_frame
    __attribute__((tls_model("initial-exec")));

/* trap.c: the registry of guard-mode reservations the fault handler knows.
 * Returns the slot, or -1 if the registry is full. */
int rt_guard_register(uintptr_t lo, uintptr_t hi);
void rt_guard_unregister(int slot);

/* memory.c / table.c: the segment-copy cores shared by rt_memory_init,
 * rt_table_init and instantiation. */
uint32_t rt_memory_init_bytes(rt_memory *mem, uint32_t dst, const uint8_t *bytes,
                              uint32_t seg_size, uint32_t src, uint32_t n);
uint32_t rt_table_init_refs(rt_table *table, uint32_t dst, void *const *refs,
                            uint32_t seg_size, uint32_t src, uint32_t n);

#endif /* WASMC_RT_INTERNAL_H */
