//===--- SpecValues.h - Script constants and how results are compared -----===//
//
/// \file
/// Converts the constants wabt parsed from a script into engine Values, and
/// decides whether a result matches an assert_return expectation: bit
/// equality, except for the NaN patterns (nan:canonical, nan:arithmetic)
/// and `ref.func` without an index, which matches any non-null funcref.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Engine.h"

#include <string>

namespace wabt {
struct Const;
} // namespace wabt

namespace wasmc::spectest {

enum class NanKind : uint8_t { None, Canonical, Arithmetic };

/// How a v128 constant was written; float shapes compare lane by lane.
enum class LaneShape : uint8_t {
  None, I8x16, I16x8, I32x4, I64x2, F32x4, F64x2
};

struct ExpectedValue {
  Value V;
  LaneShape Shape = LaneShape::None;
  /// Lane 0 for scalars; lanes 0..3 for f32x4, 0..1 for f64x2.
  NanKind Nan[4] = {};
  bool AnyNonNull = false;
};

/// Converts an argument constant. Returns false (with Why set) for a
/// constant no engine can be given, such as `ref.func` without an index.
bool toValue(const wabt::Const &C, Value &Out, std::string &Why);
ExpectedValue toExpected(const wabt::Const &C);

bool matches(const ExpectedValue &E, const Value &V);

/// "i32:42", "f32:0x7fc00000", "v128:0x<hi><lo>", "externref:null", ...
std::string formatValue(const Value &V);
std::string formatExpected(const ExpectedValue &E);

} // namespace wasmc::spectest
