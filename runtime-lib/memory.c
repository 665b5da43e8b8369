/*===--- memory.c - Linear memories: mapping, growth, bulk operations -----===*
 *
 * \file
 * Owns how a linear memory is laid out in the address space and every
 * runtime operation on its bytes: memory.grow, memory.fill/copy/init and
 * data.drop. The base address never moves, because generated code may keep
 * it in a register across calls:
 *  - guard mode reserves RT_GUARD_RESERVATION + RT_GUARD_EXTRA bytes of
 *    PROT_NONE address space and makes the first `size` bytes readable and
 *    writable; growth is an mprotect. Guard code adds an unchecked
 *    zext(i32) index and u32 offset to the base, so the largest address it
 *    forms is below base + 8 GiB + 16 and always lands in the reservation;
 *    the fault handler in trap.c turns those faults into traps.
 *  - explicit mode reserves only max_pages pages (code checks every access
 *    against rt_memory.size), growth is again an mprotect.
 * Untouched reserved pages cost no memory (MAP_NORESERVE, PROT_NONE).
 * Bulk operations check their whole range before writing anything.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

//===--- Creation ----------------------------------------------------------===//

rt_memory *rt_memory_create(const rt_limits *limits, uint8_t bounds_mode, rt_error *err) {
  uint64_t max_pages = limits->has_max ? limits->max : RT_MAX_PAGES;
  if (limits->min > RT_MAX_PAGES || max_pages > RT_MAX_PAGES || limits->min > max_pages) {
    rt_fail(err, RT_ERR_RESOURCE, "memory size must be at most 65536 pages (4GiB)");
    return NULL;
  }
  uint64_t reserve = bounds_mode == RT_BOUNDS_GUARD
                         ? RT_GUARD_RESERVATION + RT_GUARD_EXTRA
                         : max_pages * RT_PAGE_SIZE;
  if (reserve == 0)
    reserve = RT_PAGE_SIZE; /* max 0: keep base a real, unique address */

  rt_memory_obj *obj = calloc(1, sizeof *obj);
  if (!obj) {
    rt_fail(err, RT_ERR_RESOURCE, "out of memory allocating a memory");
    return NULL;
  }
  void *base = mmap(NULL, reserve, PROT_NONE,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) {
    free(obj);
    rt_fail(err, RT_ERR_RESOURCE, "cannot reserve %llu bytes of address space for a memory",
            (unsigned long long)reserve);
    return NULL;
  }
  uint64_t size = limits->min * RT_PAGE_SIZE;
  if (size && mprotect(base, size, PROT_READ | PROT_WRITE) != 0) {
    munmap(base, reserve);
    free(obj);
    rt_fail(err, RT_ERR_RESOURCE, "cannot commit %llu bytes of memory",
            (unsigned long long)size);
    return NULL;
  }
  obj->mem.base = base;
  obj->mem.size = size;
  obj->mem.max_pages = max_pages;
  obj->mem.reserved = reserve;
  obj->has_max = limits->has_max;
  obj->bounds_mode = bounds_mode;
  obj->guard_slot = -1;
  if (bounds_mode == RT_BOUNDS_GUARD) {
    obj->guard_slot = rt_guard_register((uintptr_t)base, (uintptr_t)base + reserve);
    if (obj->guard_slot < 0) {
      munmap(base, reserve);
      free(obj);
      rt_fail(err, RT_ERR_RESOURCE, "too many guard-mode memories");
      return NULL;
    }
  }
  return &obj->mem;
}

void rt_memory_destroy(rt_memory *mem) {
  if (!mem)
    return;
  rt_memory_obj *obj = (rt_memory_obj *)mem;
  /* Unregister first: from then on a stray fault there is not ours. */
  if (obj->guard_slot >= 0)
    rt_guard_unregister(obj->guard_slot);
  munmap(mem->base, mem->reserved);
  free(obj);
}

int rt_memory_has_max(const rt_memory *mem) {
  return ((const rt_memory_obj *)mem)->has_max;
}

uint8_t rt_memory_bounds_mode(const rt_memory *mem) {
  return ((const rt_memory_obj *)mem)->bounds_mode;
}

//===--- Growth ------------------------------------------------------------===//

int32_t rt_memory_grow_direct(rt_memory *mem, uint32_t delta_pages) {
  uint64_t old_pages = mem->size / RT_PAGE_SIZE;
  if (delta_pages == 0)
    return (int32_t)old_pages;
  /* 64-bit sum: old_pages + delta cannot wrap. */
  uint64_t new_pages = old_pages + delta_pages;
  if (new_pages > mem->max_pages || new_pages * RT_PAGE_SIZE > mem->reserved)
    return -1;
  if (mprotect(mem->base + mem->size, (uint64_t)delta_pages * RT_PAGE_SIZE,
               PROT_READ | PROT_WRITE) != 0)
    return -1;
  mem->size = new_pages * RT_PAGE_SIZE;
  /* 65536 pages is the largest result and still fits an int32_t. */
  return (int32_t)old_pages;
}

int32_t rt_memory_grow(rt_instance *inst, uint32_t mem, uint32_t delta_pages) {
  rt_memory *m = inst->memories[mem];
  /* The context's cap makes growth fail at the same size on every machine
   * (and in the interpreter), whatever the host could provide. */
  uint32_t cap = inst->ctx->memory_page_cap;
  if (cap && m->size / RT_PAGE_SIZE + delta_pages > cap)
    return -1;
  return rt_memory_grow_direct(m, delta_pages);
}

//===--- Bulk operations ---------------------------------------------------===//

/* All ranges are checked in 64 bits, so index + n cannot wrap. A zero-length
 * operation at exactly the end is in bounds; one past it is not. */
static int out_of_range(uint64_t start, uint64_t n, uint64_t size) {
  return start + n > size;
}

uint32_t rt_memory_fill(rt_instance *inst, uint32_t mem, uint32_t dst, uint32_t value,
                        uint32_t n) {
  rt_memory *m = inst->memories[mem];
  if (out_of_range(dst, n, m->size))
    return RT_TRAP_MEMORY_OOB;
  memset(m->base + dst, (int)(uint8_t)value, n);
  return RT_TRAP_NONE;
}

uint32_t rt_memory_copy(rt_instance *inst, uint32_t dst_mem, uint32_t src_mem, uint32_t dst,
                        uint32_t src, uint32_t n) {
  rt_memory *d = inst->memories[dst_mem];
  rt_memory *s = inst->memories[src_mem];
  if (out_of_range(dst, n, d->size) || out_of_range(src, n, s->size))
    return RT_TRAP_MEMORY_OOB;
  memmove(d->base + dst, s->base + src, n); /* ranges may overlap */
  return RT_TRAP_NONE;
}

uint32_t rt_memory_init_bytes(rt_memory *mem, uint32_t dst, const uint8_t *bytes,
                              uint32_t seg_size, uint32_t src, uint32_t n) {
  if (out_of_range(src, n, seg_size) || out_of_range(dst, n, mem->size))
    return RT_TRAP_MEMORY_OOB;
  if (n)
    memcpy(mem->base + dst, bytes + src, n);
  return RT_TRAP_NONE;
}

uint32_t rt_memory_init(rt_instance *inst, uint32_t mem, uint32_t seg, uint32_t dst,
                        uint32_t src, uint32_t n) {
  rt_instance_obj *obj = rt_obj(inst);
  return rt_memory_init_bytes(inst->memories[mem], dst, inst->info->datas[seg].bytes,
                              obj->data_sizes[seg], src, n);
}

void rt_data_drop(rt_instance *inst, uint32_t seg) {
  /* A dropped segment behaves as an empty one; the bytes are constant data
   * of the executable, so there is nothing to free. */
  rt_obj(inst)->data_sizes[seg] = 0;
}
