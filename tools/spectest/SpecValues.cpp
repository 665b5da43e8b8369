//===--- SpecValues.cpp - Script constants and result comparison ----------===//
//
/// \file
/// The only place that reads wabt's Const. NaN patterns follow the spec's
/// definitions: a canonical NaN has only the top mantissa bit set, an
/// arithmetic NaN has at least that bit set; the sign is free in both.
//
//===----------------------------------------------------------------------===//
#include "SpecValues.h"

#include "wabt/ir.h"

#include <cinttypes>
#include <cstdio>

namespace wasmc::spectest {

namespace {

constexpr uint32_t F32Quiet = 0x7fc00000, F32Magnitude = 0x7fffffff;
constexpr uint64_t F64Quiet = 0x7ff8000000000000, F64Magnitude = ~(1ull << 63);

bool matchesF32(NanKind Nan, uint32_t Expected, uint32_t Actual) {
  switch (Nan) {
  case NanKind::None: return Expected == Actual;
  case NanKind::Canonical: return (Actual & F32Magnitude) == F32Quiet;
  case NanKind::Arithmetic: return (Actual & F32Quiet) == F32Quiet;
  }
  return false;
}

bool matchesF64(NanKind Nan, uint64_t Expected, uint64_t Actual) {
  switch (Nan) {
  case NanKind::None: return Expected == Actual;
  case NanKind::Canonical: return (Actual & F64Magnitude) == F64Quiet;
  case NanKind::Arithmetic: return (Actual & F64Quiet) == F64Quiet;
  }
  return false;
}

NanKind toNanKind(wabt::ExpectedNan N) {
  switch (N) {
  case wabt::ExpectedNan::None: return NanKind::None;
  case wabt::ExpectedNan::Canonical: return NanKind::Canonical;
  case wabt::ExpectedNan::Arithmetic: return NanKind::Arithmetic;
  }
  return NanKind::None;
}

LaneShape toLaneShape(wabt::Type T) {
  switch (T) {
  case wabt::Type::I8: return LaneShape::I8x16;
  case wabt::Type::I16: return LaneShape::I16x8;
  case wabt::Type::I32: return LaneShape::I32x4;
  case wabt::Type::I64: return LaneShape::I64x2;
  case wabt::Type::F32: return LaneShape::F32x4;
  case wabt::Type::F64: return LaneShape::F64x2;
  default: return LaneShape::None;
  }
}

uint32_t lane32(const Value &V, int Lane) {
  uint64_t Half = Lane < 2 ? V.Lo : V.Hi;
  return uint32_t(Half >> (32 * (Lane % 2)));
}

const char *nanText(NanKind N) {
  return N == NanKind::Canonical ? "nan:canonical" : "nan:arithmetic";
}

std::string hex(uint64_t X, int Digits) {
  char Buf[24];
  std::snprintf(Buf, sizeof(Buf), "0x%0*" PRIx64, Digits, X);
  return Buf;
}

} // namespace

bool toValue(const wabt::Const &C, Value &Out, std::string &Why) {
  Out = Value();
  switch (C.type()) {
  case wabt::Type::I32:
    Out.Type = ValType::I32;
    Out.Lo = C.u32();
    return true;
  case wabt::Type::I64:
    Out.Type = ValType::I64;
    Out.Lo = C.u64();
    return true;
  case wabt::Type::F32:
    Out.Type = ValType::F32;
    Out.Lo = C.f32_bits();
    return true;
  case wabt::Type::F64:
    Out.Type = ValType::F64;
    Out.Lo = C.f64_bits();
    return true;
  case wabt::Type::V128:
    Out.Type = ValType::V128;
    Out.Lo = C.vec128().u64(0);
    Out.Hi = C.vec128().u64(1);
    return true;
  case wabt::Type::FuncRef:
  case wabt::Type::ExternRef:
    Out.Type = C.type() == wabt::Type::FuncRef ? ValType::FuncRef
                                                : ValType::ExternRef;
    Out.IsNull = C.ref_bits() == wabt::Const::kRefNullBits;
    if (!Out.IsNull && Out.Type == ValType::FuncRef) {
      Why = "a non-null funcref argument names no function";
      return false;
    }
    Out.Lo = Out.IsNull ? 0 : uint64_t(C.ref_bits());
    return true;
  default:
    Why = std::string("unsupported constant type ") + C.type().GetName();
    return false;
  }
}

ExpectedValue toExpected(const wabt::Const &C) {
  ExpectedValue E;
  std::string Why;
  if (!toValue(C, E.V, Why)) {
    // Only `ref.func` (any non-null function reference) gets here.
    E.V.Type = ValType::FuncRef;
    E.AnyNonNull = true;
    return E;
  }
  if (E.V.Type == ValType::V128) {
    E.Shape = toLaneShape(C.lane_type());
    for (int Lane = 0; Lane < 4; ++Lane)
      E.Nan[Lane] = toNanKind(C.expected_nan(Lane));
  } else if (E.V.Type == ValType::F32 || E.V.Type == ValType::F64) {
    E.Nan[0] = toNanKind(C.expected_nan(0));
  }
  return E;
}

bool matches(const ExpectedValue &E, const Value &V) {
  if (E.V.Type != V.Type)
    return false;
  switch (V.Type) {
  case ValType::F32:
    return matchesF32(E.Nan[0], uint32_t(E.V.Lo), uint32_t(V.Lo));
  case ValType::F64: return matchesF64(E.Nan[0], E.V.Lo, V.Lo);
  case ValType::V128:
    if (E.Shape == LaneShape::F32x4) {
      for (int Lane = 0; Lane < 4; ++Lane)
        if (!matchesF32(E.Nan[Lane], lane32(E.V, Lane), lane32(V, Lane)))
          return false;
      return true;
    }
    if (E.Shape == LaneShape::F64x2)
      return matchesF64(E.Nan[0], E.V.Lo, V.Lo) &&
             matchesF64(E.Nan[1], E.V.Hi, V.Hi);
    return E.V.Lo == V.Lo && E.V.Hi == V.Hi;
  case ValType::FuncRef:
  case ValType::ExternRef:
    if (E.AnyNonNull)
      return !V.IsNull;
    return E.V.IsNull == V.IsNull && (V.IsNull || E.V.Lo == V.Lo);
  default:
    return E.V.Lo == V.Lo;
  }
}

std::string formatValue(const Value &V) {
  std::string S = std::string(valTypeName(V.Type)) + ":";
  switch (V.Type) {
  case ValType::I32: return S + std::to_string(uint32_t(V.Lo));
  case ValType::I64: return S + std::to_string(V.Lo);
  case ValType::F32: return S + hex(V.Lo, 8);
  case ValType::F64: return S + hex(V.Lo, 16);
  case ValType::V128: return S + hex(V.Hi, 16) + hex(V.Lo, 16).substr(2);
  case ValType::FuncRef:
  case ValType::ExternRef:
    return S + (V.IsNull ? std::string("null") : std::to_string(V.Lo));
  case ValType::Bottom: break;
  }
  return S + "?";
}

std::string formatExpected(const ExpectedValue &E) {
  if (E.AnyNonNull)
    return "funcref:non-null";
  if ((E.V.Type == ValType::F32 || E.V.Type == ValType::F64) &&
      E.Nan[0] != NanKind::None)
    return std::string(valTypeName(E.V.Type)) + ":" + nanText(E.Nan[0]);
  std::string S = formatValue(E.V);
  for (int Lane = 0; Lane < 4; ++Lane)
    if (E.Nan[Lane] != NanKind::None)
      S += " lane" + std::to_string(Lane) + "=" + nanText(E.Nan[Lane]);
  return S;
}

} // namespace wasmc::spectest
