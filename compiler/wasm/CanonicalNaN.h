//===--- CanonicalNaN.h - Which operators may yield an unspecified NaN ----===//
//
/// \file
/// Wasm lets float arithmetic return any NaN payload (canonical for NaN-free
/// inputs, any arithmetic NaN otherwise), so hosts and optimizers may
/// differ in the bits. With canonical NaNs enabled, both engines replace a
/// NaN result of exactly these operators by the canonical positive quiet
/// NaN. neg, abs, copysign, loads, constants and reinterpretations are
/// bit-exact in Wasm and stay untouched.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Opcode.h"

#include <cstdint>

namespace wasmc {

inline constexpr uint32_t CanonicalNaN32 = 0x7fc00000u;
inline constexpr uint64_t CanonicalNaN64 = 0x7ff8000000000000ull;

/// Whether a NaN result of Op has a payload Wasm leaves to the host: add,
/// sub, mul, div, sqrt, min, max, ceil, floor, trunc, nearest (f32, f64),
/// f32.demote_f64, f64.promote_f32.
bool mayYieldUnspecifiedNaN(Opcode Op);

} // namespace wasmc
