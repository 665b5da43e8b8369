/*===--- MockCode.c - Hand-written stand-ins for generated code ------------===*
 *
 * \file
 * See MockCode.h. Written in C so that traps longjmp over C frames only,
 * as they do over generated code.
 *
 *===----------------------------------------------------------------------===*/
#include "MockCode.h"

#include <string.h>

static void check_stack(rt_instance *inst, uint32_t func_index) {
  if ((uintptr_t)__builtin_frame_address(0) < inst->ctx->stack_limit)
    rt_trap(inst, RT_TRAP_STACK_EXHAUSTED, func_index);
}

int32_t mock_load32(rt_instance *inst, int32_t addr) {
  check_stack(inst, MOCK_LOAD32);
  /* Guard-mode lowering: base + zext(addr), no bounds check. */
  int32_t v;
  memcpy(&v, inst->memory0->base + (uint64_t)(uint32_t)addr, sizeof v);
  return v;
}

void mock_unreachable(rt_instance *inst) {
  check_stack(inst, MOCK_UNREACHABLE);
  rt_trap(inst, RT_TRAP_UNREACHABLE, MOCK_UNREACHABLE);
}

int32_t mock_recurse(rt_instance *inst, int32_t depth) {
  volatile char frame[128];
  check_stack(inst, MOCK_RECURSE);
  frame[0] = (char)depth;
  if (depth == INT32_MAX) /* never: only so the compiler sees an exit */
    return 0;
  /* Not a tail call: the frame must stay live across the recursion. */
  return mock_recurse(inst, depth + 1) + frame[0];
}

int32_t mock_call_f(rt_instance *inst, int32_t x) {
  check_stack(inst, MOCK_CALL_F);
  const rt_funcref *f = inst->funcs[MOCK_IMPORTED_F];
  return ((int32_t(*)(rt_instance *, int32_t))f->code)(f->inst, x);
}

void mock_store_one(rt_instance *inst) {
  check_stack(inst, MOCK_STORE_ONE);
  int32_t one = 1;
  memcpy(inst->memory0->base + 8, &one, sizeof one);
}

void mock_invoke_i32_i32(const void *code, rt_instance *inst, rt_value *vals) {
  vals[0].i32 = ((int32_t(*)(rt_instance *, int32_t))code)(inst, vals[0].i32);
}

void mock_invoke_void(const void *code, rt_instance *inst, rt_value *vals) {
  ((void (*)(rt_instance *))code)(inst);
}
