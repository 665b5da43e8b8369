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

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_ABI_H */
