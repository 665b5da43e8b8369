//===--- ValueText.h - Wasm values as command-line text -------------------===//
//
/// \file
/// How `wasmc run --invoke` reads arguments from the command line and
/// prints results, in the style of `wasmtime run --invoke`: integers in
/// decimal, floats in their shortest round-trip decimal form without an
/// exponent ("0.1", "-0", "100000000000000000000"), "NaN", "inf", "-inf".
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Value.h"

#include <string>
#include <string_view>

namespace wasmc::driver {

/// Parses Text as a value of type T. Integers: decimal or 0x hexadecimal,
/// with an optional '-', in the signed or unsigned range of the type
/// ("-1" and "4294967295" are the same i32). Floats: decimal or
/// hexadecimal C syntax, "nan", "inf", "-inf". References and v128 cannot
/// be written. Returns false with Why ("'x' is not an i32") otherwise.
bool parseValue(std::string_view Text, ValType T, interp::Value &Out,
                std::string &Why);

/// One result as `wasmtime run --invoke` prints it: i32 and i64 as signed
/// decimal, floats as described above, references as "<funcref>",
/// "<null funcref>", "<externref>" and "<null externref>".
std::string formatValue(const interp::Value &V);

} // namespace wasmc::driver
