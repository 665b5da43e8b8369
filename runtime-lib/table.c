/*===--- table.c - Tables and the table instructions the runtime runs -----===*
 *
 * \file
 * Owns table storage (a heap array of references that moves on growth:
 * generated code reloads rt_table.elems on every access) and table.grow,
 * table.fill, table.copy, table.init and elem.drop. Like the memory
 * operations, every bulk operation checks its whole range first and writes
 * nothing when it traps.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdlib.h>
#include <string.h>

//===--- Creation and growth -----------------------------------------------===//

rt_table *rt_table_create(uint8_t elem_type, const rt_limits *limits, void *init, rt_error *err) {
  if (limits->min > RT_TABLE_LIMIT) {
    rt_fail(err, RT_ERR_RESOURCE, "table of %llu elements exceeds the limit of %u",
            (unsigned long long)limits->min, RT_TABLE_LIMIT);
    return NULL;
  }
  rt_table_obj *obj = calloc(1, sizeof *obj);
  /* calloc(0) may return NULL; keep a real array so elems is never NULL. */
  void **elems = calloc(limits->min ? limits->min : 1, sizeof(void *));
  if (!obj || !elems) {
    free(obj);
    free(elems);
    rt_fail(err, RT_ERR_RESOURCE, "out of memory allocating a table");
    return NULL;
  }
  for (uint64_t i = 0; i < limits->min; ++i)
    elems[i] = init;
  obj->table.elems = elems;
  obj->table.size = (uint32_t)limits->min;
  obj->table.max = limits->has_max && limits->max < UINT32_MAX ? (uint32_t)limits->max
                                                                : UINT32_MAX;
  obj->table.elem_type = elem_type;
  obj->has_max = limits->has_max;
  return &obj->table;
}

void rt_table_destroy(rt_table *table) {
  if (!table)
    return;
  free(table->elems);
  free((rt_table_obj *)table);
}

int rt_table_has_max(const rt_table *table) {
  return ((const rt_table_obj *)table)->has_max;
}

int32_t rt_table_grow_direct(rt_table *table, void *init, uint32_t delta) {
  uint32_t old = table->size;
  uint64_t new_size = (uint64_t)old + delta;
  if (new_size > table->max || new_size > RT_TABLE_LIMIT)
    return -1;
  if (delta == 0)
    return (int32_t)old;
  void **elems = realloc(table->elems, new_size * sizeof(void *));
  if (!elems)
    return -1;
  for (uint64_t i = old; i < new_size; ++i)
    elems[i] = init;
  table->elems = elems;
  table->size = (uint32_t)new_size;
  return (int32_t)old;
}

int32_t rt_table_grow(rt_instance *inst, uint32_t table, void *init, uint32_t delta) {
  return rt_table_grow_direct(inst->tables[table], init, delta);
}

//===--- Bulk operations ---------------------------------------------------===//

static int out_of_range(uint64_t start, uint64_t n, uint64_t size) {
  return start + n > size;
}

uint32_t rt_table_fill(rt_instance *inst, uint32_t table, uint32_t dst, void *value, uint32_t n) {
  rt_table *t = inst->tables[table];
  if (out_of_range(dst, n, t->size))
    return RT_TRAP_TABLE_OOB;
  for (uint32_t i = 0; i < n; ++i)
    t->elems[dst + i] = value;
  return RT_TRAP_NONE;
}

uint32_t rt_table_copy(rt_instance *inst, uint32_t dst_table, uint32_t src_table, uint32_t dst,
                       uint32_t src, uint32_t n) {
  rt_table *d = inst->tables[dst_table];
  rt_table *s = inst->tables[src_table];
  if (out_of_range(dst, n, d->size) || out_of_range(src, n, s->size))
    return RT_TRAP_TABLE_OOB;
  if (n)
    memmove(d->elems + dst, s->elems + src, (size_t)n * sizeof(void *));
  return RT_TRAP_NONE;
}

uint32_t rt_table_init_refs(rt_table *table, uint32_t dst, void *const *refs, uint32_t seg_size,
                            uint32_t src, uint32_t n) {
  if (out_of_range(src, n, seg_size) || out_of_range(dst, n, table->size))
    return RT_TRAP_TABLE_OOB;
  if (n)
    memcpy(table->elems + dst, refs + src, (size_t)n * sizeof(void *));
  return RT_TRAP_NONE;
}

uint32_t rt_table_init(rt_instance *inst, uint32_t table, uint32_t seg, uint32_t dst,
                       uint32_t src, uint32_t n) {
  rt_elem_state *e = &rt_obj(inst)->elems[seg];
  return rt_table_init_refs(inst->tables[table], dst, e->refs, e->size, src, n);
}

void rt_elem_drop(rt_instance *inst, uint32_t seg) {
  rt_elem_state *e = &rt_obj(inst)->elems[seg];
  free(e->refs);
  e->refs = NULL;
  e->size = 0;
}
