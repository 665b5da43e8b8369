/*===--- instance.c - Instantiation, import checks and exports ------------===*
 *
 * \file
 * Owns turning an rt_module_info plus resolved imports into an rt_instance,
 * in the order the spec (2.0, "instantiate") prescribes, and the lookups a
 * host does afterwards (exports, function names). The instance is one
 * rt_instance_obj: the ABI-visible rt_instance first, then the runtime's
 * own bookkeeping (see internal.h). Name resolution of imports is the
 * host's job; here the already-resolved externs are type-checked.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

rt_status rt_fail(rt_error *err, rt_status status, const char *fmt, ...) {
  if (!err)
    return status;
  err->status = status;
  err->trap = RT_TRAP_NONE;
  err->func_index = UINT32_MAX;
  va_list args;
  va_start(args, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, args);
  va_end(args);
  return status;
}

static rt_status fail_import(rt_error *err, const rt_import *imp, const char *why) {
  return rt_fail(err, RT_ERR_LINK, "%s: %.*s.%.*s", why, (int)imp->module.len,
                 imp->module.data, (int)imp->name.len, imp->name.data);
}

//===--- Destruction (also of half-built instances) ------------------------===//

void rt_instance_destroy(rt_instance *inst) {
  if (!inst)
    return;
  rt_instance_obj *obj = rt_obj(inst);
  if (inst->memories)
    for (uint32_t i = obj->num_imported_memories; i < obj->num_memories; ++i)
      rt_memory_destroy(inst->memories[i]);
  if (inst->tables)
    for (uint32_t i = obj->num_imported_tables; i < obj->num_tables; ++i)
      rt_table_destroy(inst->tables[i]);
  if (obj->elems)
    for (uint32_t i = 0; i < inst->info->num_elems; ++i)
      free(obj->elems[i].refs);
  free(obj->elems);
  free(obj->data_sizes);
  free(obj->defined_funcs);
  free(obj->bound_imports);
  free(obj->defined_globals);
  free(inst->memories);
  free(inst->tables);
  free(inst->globals);
  free((void *)inst->funcs);
  free((void *)inst->type_ids);
  free(obj);
}

//===--- Import checks -----------------------------------------------------===//

/* Limits subtyping (spec "match limits"): the provided object is at least
 * as large as required now, and if a maximum is required it has one that
 * is no larger. */
static int limits_match(uint64_t size, int has_max, uint64_t max, const rt_limits *want) {
  if (size < want->min)
    return 0;
  if (want->has_max && (!has_max || max > want->max))
    return 0;
  return 1;
}

static rt_status bind_import(rt_instance_obj *obj, uint32_t i, const rt_extern *ext,
                             uint32_t *next, rt_error *err) {
  rt_instance *inst = &obj->inst;
  const rt_module_info *info = inst->info;
  const rt_import *imp = &info->imports[i];
  if (ext->kind != imp->kind)
    return fail_import(err, imp, "incompatible import type");
  switch (imp->kind) {
  case RT_EXTERN_FUNC: {
    const rt_funcref *f = ext->of.func;
    if (!f)
      return fail_import(err, imp, "unknown import");
    if (f->type_id != inst->type_ids[imp->type_index])
      return fail_import(err, imp, "incompatible import type");
    if (!f->inst) {
      /* A host function template: bind it to the importing instance. */
      obj->bound_imports[i] = *f;
      obj->bound_imports[i].inst = inst;
      f = &obj->bound_imports[i];
    }
    inst->funcs[next[RT_EXTERN_FUNC]++] = f;
    return RT_OK;
  }
  case RT_EXTERN_TABLE: {
    rt_table *t = ext->of.table;
    if (!t)
      return fail_import(err, imp, "unknown import");
    if (t->elem_type != imp->type ||
        !limits_match(t->size, rt_table_has_max(t), t->max, &imp->limits))
      return fail_import(err, imp, "incompatible import type");
    inst->tables[next[RT_EXTERN_TABLE]++] = t;
    return RT_OK;
  }
  case RT_EXTERN_MEMORY: {
    rt_memory *m = ext->of.memory;
    if (!m)
      return fail_import(err, imp, "unknown import");
    if (!limits_match(m->size / RT_PAGE_SIZE, rt_memory_has_max(m), m->max_pages,
                      &imp->limits))
      return fail_import(err, imp, "incompatible import type");
    /* Guard-mode code does not check bounds: it needs the reservation. */
    if (info->bounds_mode == RT_BOUNDS_GUARD && rt_memory_bounds_mode(m) != RT_BOUNDS_GUARD)
      return fail_import(err, imp, "incompatible import type: memory has no guard region");
    inst->memories[next[RT_EXTERN_MEMORY]++] = m;
    return RT_OK;
  }
  case RT_EXTERN_GLOBAL: {
    rt_global *g = ext->of.global;
    if (!g)
      return fail_import(err, imp, "unknown import");
    if (ext->global_type != imp->type || !ext->global_mutable != !imp->mutable_)
      return fail_import(err, imp, "incompatible import type");
    inst->globals[next[RT_EXTERN_GLOBAL]++] = g;
    return RT_OK;
  }
  }
  return fail_import(err, imp, "incompatible import type");
}

//===--- Constant expressions ----------------------------------------------===//

/* Validation guarantees that global.get names an already initialized
 * global and ref.func a function of this module. */
static rt_value eval_const(const rt_instance *inst, const rt_const_expr *e) {
  rt_value v;
  memset(&v, 0, sizeof v);
  switch (e->kind) {
  case RT_CONST_VALUE:
    v = e->value;
    break;
  case RT_CONST_GLOBAL_GET:
    v = inst->globals[e->index]->value;
    break;
  case RT_CONST_REF_FUNC:
    v.ref = (void *)inst->funcs[e->index];
    break;
  case RT_CONST_REF_NULL:
    break;
  }
  return v;
}

//===--- Allocation ----------------------------------------------------------===//

static rt_status allocate(rt_instance_obj *obj, rt_error *err) {
  rt_instance *inst = &obj->inst;
  const rt_module_info *info = inst->info;
  for (uint32_t i = 0; i < info->num_imports; ++i) {
    switch (info->imports[i].kind) {
    case RT_EXTERN_FUNC: ++obj->num_imported_funcs; break;
    case RT_EXTERN_TABLE: ++obj->num_imported_tables; break;
    case RT_EXTERN_MEMORY: ++obj->num_imported_memories; break;
    case RT_EXTERN_GLOBAL: ++obj->num_imported_globals; break;
    }
  }
  obj->num_funcs = obj->num_imported_funcs + info->num_funcs;
  obj->num_tables = obj->num_imported_tables + info->num_tables;
  obj->num_memories = obj->num_imported_memories + info->num_memories;
  obj->num_globals = obj->num_imported_globals + info->num_globals;

  /* +1 everywhere: calloc(0) may return NULL, which would read as failure. */
  inst->funcs = calloc(obj->num_funcs + 1, sizeof(rt_funcref *));
  inst->tables = calloc(obj->num_tables + 1, sizeof(rt_table *));
  inst->memories = calloc(obj->num_memories + 1, sizeof(rt_memory *));
  inst->globals = calloc(obj->num_globals + 1, sizeof(rt_global *));
  uint32_t *type_ids = calloc(info->num_types + 1, sizeof(uint32_t));
  inst->type_ids = type_ids;
  obj->defined_funcs = calloc(info->num_funcs + 1, sizeof(rt_funcref));
  obj->bound_imports = calloc(info->num_imports + 1, sizeof(rt_funcref));
  obj->defined_globals = calloc(info->num_globals + 1, sizeof(rt_global));
  obj->elems = calloc(info->num_elems + 1, sizeof(rt_elem_state));
  obj->data_sizes = calloc(info->num_datas + 1, sizeof(uint32_t));
  if (!inst->funcs || !inst->tables || !inst->memories || !inst->globals || !type_ids ||
      !obj->defined_funcs || !obj->bound_imports || !obj->defined_globals || !obj->elems ||
      !obj->data_sizes)
    return rt_fail(err, RT_ERR_RESOURCE, "out of memory allocating an instance");

  for (uint32_t i = 0; i < info->num_types; ++i) {
    type_ids[i] = rt_type_intern(&info->types[i]);
    if (type_ids[i] == UINT32_MAX)
      return rt_fail(err, RT_ERR_RESOURCE, "out of memory interning types");
  }
  return RT_OK;
}

static rt_status create_entities(rt_instance_obj *obj, rt_error *err) {
  rt_instance *inst = &obj->inst;
  const rt_module_info *info = inst->info;

  for (uint32_t i = 0; i < info->num_funcs; ++i) {
    const rt_func_def *def = &info->funcs[i];
    rt_funcref *f = &obj->defined_funcs[i];
    f->code = def->code;
    f->inst = inst;
    f->invoke = def->invoke;
    f->type_id = inst->type_ids[def->type_index];
    f->func_index = obj->num_imported_funcs + i;
    inst->funcs[obj->num_imported_funcs + i] = f;
  }
  /* In order: an initializer may read any global before it. */
  for (uint32_t i = 0; i < info->num_globals; ++i) {
    obj->defined_globals[i].value = eval_const(inst, &info->globals[i].init);
    inst->globals[obj->num_imported_globals + i] = &obj->defined_globals[i];
  }
  for (uint32_t i = 0; i < info->num_tables; ++i) {
    const rt_table_def *def = &info->tables[i];
    rt_table *t = rt_table_create(def->elem_type, &def->limits, NULL, err);
    if (!t)
      return err ? err->status : RT_ERR_RESOURCE;
    inst->tables[obj->num_imported_tables + i] = t;
  }
  uint32_t cap = inst->ctx->memory_page_cap;
  for (uint32_t i = 0; i < info->num_memories; ++i) {
    if (cap && info->memories[i].min > cap)
      return rt_fail(err, RT_ERR_RESOURCE,
                     "memory of %llu pages exceeds the limit of %u pages",
                     (unsigned long long)info->memories[i].min, cap);
    rt_memory *m = rt_memory_create(&info->memories[i], info->bounds_mode, err);
    if (!m)
      return err ? err->status : RT_ERR_RESOURCE;
    inst->memories[obj->num_imported_memories + i] = m;
  }
  inst->memory0 = obj->num_memories ? inst->memories[0] : NULL;

  for (uint32_t i = 0; i < info->num_elems; ++i) {
    const rt_elem_segment *seg = &info->elems[i];
    void **refs = malloc(((size_t)seg->count + 1) * sizeof(void *));
    if (!refs)
      return rt_fail(err, RT_ERR_RESOURCE, "out of memory evaluating element segments");
    for (uint32_t j = 0; j < seg->count; ++j)
      refs[j] = eval_const(inst, &seg->inits[j]).ref;
    obj->elems[i].refs = refs;
    obj->elems[i].size = seg->count;
  }
  for (uint32_t i = 0; i < info->num_datas; ++i)
    obj->data_sizes[i] = info->datas[i].size;
  return RT_OK;
}

//===--- Segment initialization and start ----------------------------------===//

static rt_status trap_error(rt_error *err, uint32_t code, uint32_t func_index) {
  rt_fail(err, RT_ERR_TRAP, "%s", rt_trap_message((rt_trap_code)code));
  if (err) {
    err->trap = code;
    err->func_index = func_index;
  }
  return RT_ERR_TRAP;
}

/* Spec 2.0: each active element segment is table.init followed by
 * elem.drop, each declarative one is dropped; then each active data
 * segment is memory.init followed by data.drop. A trap stops there with
 * the earlier segments' writes in place. */
static rt_status init_segments(rt_instance_obj *obj, rt_error *err) {
  rt_instance *inst = &obj->inst;
  const rt_module_info *info = inst->info;
  for (uint32_t i = 0; i < info->num_elems; ++i) {
    const rt_elem_segment *seg = &info->elems[i];
    if (seg->mode == RT_SEGMENT_ACTIVE) {
      uint32_t offset = (uint32_t)eval_const(inst, &seg->offset).i32;
      rt_elem_state *e = &obj->elems[i];
      uint32_t trap = rt_table_init_refs(inst->tables[seg->table], offset, e->refs, e->size, 0,
                                         e->size);
      if (trap)
        return trap_error(err, trap, UINT32_MAX);
    }
    if (seg->mode != RT_SEGMENT_PASSIVE)
      rt_elem_drop(inst, i);
  }
  for (uint32_t i = 0; i < info->num_datas; ++i) {
    const rt_data_segment *seg = &info->datas[i];
    if (seg->mode != RT_SEGMENT_ACTIVE)
      continue;
    uint32_t offset = (uint32_t)eval_const(inst, &seg->offset).i32;
    uint32_t trap = rt_memory_init_bytes(inst->memories[seg->memory], offset, seg->bytes,
                                         seg->size, 0, seg->size);
    if (trap)
      return trap_error(err, trap, UINT32_MAX);
    rt_data_drop(inst, i);
  }
  return RT_OK;
}

rt_status rt_instantiate(const rt_module_info *info, const rt_extern *imports, rt_context *ctx,
                         void *host, rt_instance **out, rt_error *err) {
  *out = NULL;
  if (err) {
    err->status = RT_OK;
    err->trap = RT_TRAP_NONE;
    err->func_index = UINT32_MAX;
    err->message[0] = '\0';
  }
  if (info->abi_version != RT_ABI_VERSION)
    return rt_fail(err, RT_ERR_ABI, "module compiled for runtime ABI %u, this runtime is %u",
                   info->abi_version, RT_ABI_VERSION);

  rt_instance_obj *obj = calloc(1, sizeof *obj);
  if (!obj)
    return rt_fail(err, RT_ERR_RESOURCE, "out of memory allocating an instance");
  rt_instance *inst = &obj->inst;
  inst->info = info;
  inst->ctx = ctx;
  inst->host = host;

  rt_status st = allocate(obj, err);
  uint32_t next[4] = {0, 0, 0, 0}; /* next index per rt_extern_kind */
  for (uint32_t i = 0; st == RT_OK && i < info->num_imports; ++i)
    st = bind_import(obj, i, &imports[i], next, err);
  if (st == RT_OK)
    st = create_entities(obj, err);
  if (st != RT_OK) {
    rt_instance_destroy(inst);
    return st;
  }

  /* From here on the instance may be referenced from imported tables, so
   * it is handed out even when a segment or the start function traps. */
  *out = inst;
  st = init_segments(obj, err);
  if (st != RT_OK || info->start_func < 0)
    return st;
  rt_value vals[1];
  rt_trap_info trap;
  if (rt_call(inst->funcs[info->start_func], vals, &trap) != RT_TRAP_NONE)
    return trap_error(err, trap.code, trap.func_index);
  return RT_OK;
}

//===--- Exports and names ---------------------------------------------------===//

static void global_type(const rt_instance *inst, uint32_t index, uint8_t *type,
                        uint8_t *mutable_) {
  const rt_module_info *info = inst->info;
  const rt_instance_obj *obj = (const rt_instance_obj *)inst;
  if (index >= obj->num_imported_globals) {
    const rt_global_def *def = &info->globals[index - obj->num_imported_globals];
    *type = def->type;
    *mutable_ = def->mutable_;
    return;
  }
  for (uint32_t i = 0, seen = 0; i < info->num_imports; ++i) {
    if (info->imports[i].kind != RT_EXTERN_GLOBAL)
      continue;
    if (seen++ == index) {
      *type = info->imports[i].type;
      *mutable_ = info->imports[i].mutable_;
      return;
    }
  }
}

int rt_instance_export(const rt_instance *inst, const char *name, size_t len, rt_extern *out) {
  const rt_module_info *info = inst->info;
  for (uint32_t i = 0; i < info->num_exports; ++i) {
    const rt_export *e = &info->exports[i];
    if (e->name.len != len || memcmp(e->name.data, name, len) != 0)
      continue;
    memset(out, 0, sizeof *out);
    out->kind = e->kind;
    switch (e->kind) {
    case RT_EXTERN_FUNC: out->of.func = inst->funcs[e->index]; break;
    case RT_EXTERN_TABLE: out->of.table = inst->tables[e->index]; break;
    case RT_EXTERN_MEMORY: out->of.memory = inst->memories[e->index]; break;
    case RT_EXTERN_GLOBAL:
      out->of.global = inst->globals[e->index];
      global_type(inst, e->index, &out->global_type, &out->global_mutable);
      break;
    }
    return 1;
  }
  return 0;
}

const rt_name *rt_instance_func_name(const rt_instance *inst, uint32_t func_index) {
  const rt_instance_obj *obj = (const rt_instance_obj *)inst;
  if (func_index < obj->num_imported_funcs || func_index >= obj->num_funcs)
    return NULL;
  const rt_name *name = &inst->info->funcs[func_index - obj->num_imported_funcs].name;
  return name->len ? name : NULL;
}
