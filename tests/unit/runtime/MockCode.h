/*===--- MockCode.h - Hand-written stand-ins for generated code ------------===*
 *
 * \file
 * C functions with the native signatures compiled Wasm functions have
 * (`results f(rt_instance *inst, params...)`), doing what generated code
 * does at the runtime boundary: unchecked guard-mode loads, rt_trap, the
 * stack-limit check at entry, calls through inst->funcs. Plus their invoke
 * trampolines. They let the runtime be tested without the compiler.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_TESTS_RUNTIME_MOCKCODE_H
#define WASMC_TESTS_RUNTIME_MOCKCODE_H

#include "rt/abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Function indices of the standard mock module (see MockModule.h). */
enum {
  MOCK_IMPORTED_F = 0, /* import "host" "f": (i32) -> (i32) */
  MOCK_LOAD32 = 1,     /* (i32) -> (i32): i32.load, guard mode (no check) */
  MOCK_UNREACHABLE = 2,/* () -> (): unreachable */
  MOCK_RECURSE = 3,    /* (i32) -> (i32): unbounded recursion */
  MOCK_CALL_F = 4,     /* (i32) -> (i32): call 0 */
  MOCK_STORE_ONE = 5   /* () -> (): the start function, i32.store 8 (1) */
};

int32_t mock_load32(rt_instance *inst, int32_t addr);
void mock_unreachable(rt_instance *inst);
int32_t mock_recurse(rt_instance *inst, int32_t depth);
int32_t mock_call_f(rt_instance *inst, int32_t x);
void mock_store_one(rt_instance *inst);

void mock_invoke_i32_i32(const void *code, rt_instance *inst, rt_value *vals);
void mock_invoke_void(const void *code, rt_instance *inst, rt_value *vals);

#ifdef __cplusplus
}
#endif

#endif
