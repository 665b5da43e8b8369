//===--- Slots.h - The engine's untyped 64-bit value representation -------===//
//
/// \file
/// Inside the engine every value is a uint64_t slot whose meaning the code
/// knows statically (validation fixed all types): i32 and f32 bits are
/// zero-extended, i64 and f64 bits fill the slot, a funcref is its
/// FuncInst pointer, an externref is its host value plus one, and a null
/// reference of either type is 0, so zeroed memory is a valid default for
/// every type. A v128 will take two consecutive slots. This header is the
/// only place that knows the encoding.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Instances.h"
#include "interp/Value.h"

#include <bit>
#include <cstdint>

namespace wasmc::interp {

inline uint64_t funcSlot(const FuncInst *F) {
  return uint64_t(reinterpret_cast<uintptr_t>(F));
}
inline FuncInst *slotFunc(uint64_t S) {
  return reinterpret_cast<FuncInst *>(uintptr_t(S));
}
inline uint64_t externSlot(uint64_t HostValue) { return HostValue + 1; }

inline float slotF32(uint64_t S) { return std::bit_cast<float>(uint32_t(S)); }
inline double slotF64(uint64_t S) { return std::bit_cast<double>(S); }
inline uint64_t f32Slot(float F) { return std::bit_cast<uint32_t>(F); }
inline uint64_t f64Slot(double F) { return std::bit_cast<uint64_t>(F); }

/// Slots a value of type T occupies (1 until v128 arrives, which needs 2).
inline uint32_t slotCount(ValType T) { return T == ValType::V128 ? 2 : 1; }

/// The Value that slot S holds, S being of type T.
inline Value slotToValue(ValType T, uint64_t S) {
  switch (T) {
  case ValType::I32: return Value::i32(uint32_t(S));
  case ValType::I64: return Value::i64(S);
  case ValType::F32: return Value::f32Bits(uint32_t(S));
  case ValType::F64: return Value::f64Bits(S);
  case ValType::FuncRef:
    return S ? Value::funcRef(slotFunc(S)->Addr) : Value::nullRef(T);
  case ValType::ExternRef:
    return S ? Value::externRef(S - 1) : Value::nullRef(T);
  default: return Value::i64(S);
  }
}

/// The slot of V; a funcref's address must belong to S.
uint64_t valueToSlot(Store &S, const Value &V);

} // namespace wasmc::interp
