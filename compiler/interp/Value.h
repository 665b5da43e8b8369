//===--- Value.h - Values, addresses and traps at the interpreter API -----===//
//
/// \file
/// What crosses the interpreter's public boundary: typed values, the store
/// addresses of functions, tables, memories and globals, externs (an
/// address with its kind), and traps. Inside the engine values are untyped
/// 64-bit slots (see Slots.h); Value carries its ValType so that callers
/// (the spec runner, `wasmc run --interp`, host functions) never guess.
/// Numbers are kept as bit patterns, so NaN payloads survive every copy.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "rt/abi.h"
#include "wasm/Types.h"

#include <bit>
#include <cstdint>
#include <string>

namespace wasmc::interp {

/// Store addresses: indices into the Store's instance lists. Stable for the
/// life of the Store.
using FuncAddr = uint32_t;
using TableAddr = uint32_t;
using MemAddr = uint32_t;
using GlobalAddr = uint32_t;

/// An external value: what an import receives and an export names.
struct Extern {
  ExternKind Kind = ExternKind::Func;
  uint32_t Addr = 0;
  bool operator==(const Extern &) const = default;
};

/// A Wasm value with its type. References are either null or point at a
/// function (by store address) or an opaque host value (externref). A v128
/// will add a second 64-bit word when SIMD lands.
class Value {
public:
  Value() = default;

  static Value i32(uint32_t V) { return Value(ValType::I32, V); }
  static Value i64(uint64_t V) { return Value(ValType::I64, V); }
  static Value f32Bits(uint32_t V) { return Value(ValType::F32, V); }
  static Value f64Bits(uint64_t V) { return Value(ValType::F64, V); }
  static Value f32(float V) { return f32Bits(std::bit_cast<uint32_t>(V)); }
  static Value f64(double V) { return f64Bits(std::bit_cast<uint64_t>(V)); }
  /// A null reference of type T (FuncRef or ExternRef).
  static Value nullRef(ValType T) { return Value(T, 0, true); }
  static Value funcRef(FuncAddr A) { return Value(ValType::FuncRef, A); }
  /// `ref.extern HostValue`. Every 64-bit value except UINT64_MAX is
  /// representable (slots encode it as HostValue + 1, 0 being null).
  static Value externRef(uint64_t HostValue) {
    return Value(ValType::ExternRef, HostValue);
  }
  /// The zero value of T: 0, +0.0 or a null reference.
  static Value zero(ValType T) { return Value(T, 0, isRefType(T)); }

  ValType type() const { return Type; }
  uint32_t i32() const { return uint32_t(Bits); }
  uint64_t i64() const { return Bits; }
  uint32_t f32Bits() const { return uint32_t(Bits); }
  uint64_t f64Bits() const { return Bits; }
  float f32() const { return std::bit_cast<float>(uint32_t(Bits)); }
  double f64() const { return std::bit_cast<double>(Bits); }
  bool isNull() const { return Null; }
  /// The function of a non-null funcref.
  FuncAddr funcAddr() const { return FuncAddr(Bits); }
  /// The host value of a non-null externref.
  uint64_t externValue() const { return Bits; }

  /// Same type and same bits (NaNs compare by payload; nulls are equal).
  bool operator==(const Value &O) const = default;
  /// "i32:42", "f32:0x7fc00000", "funcref:null", "externref:7".
  std::string str() const;

private:
  Value(ValType T, uint64_t B, bool N = false) : Type(T), Null(N), Bits(B) {}

  ValType Type = ValType::I32;
  bool Null = false;
  uint64_t Bits = 0;
};

/// Why execution stopped abnormally. Code is never RT_TRAP_NONE for a real
/// trap; Message is rt_trap_message(Code) unless a host function supplied
/// its own (with RT_TRAP_HOST).
struct Trap {
  rt_trap_code Code = RT_TRAP_NONE;
  std::string Message;

  Trap() = default;
  explicit Trap(rt_trap_code C) : Code(C), Message(rt_trap_message(C)) {}
  Trap(rt_trap_code C, std::string M) : Code(C), Message(std::move(M)) {}
  explicit operator bool() const { return Code != RT_TRAP_NONE; }
};

} // namespace wasmc::interp
