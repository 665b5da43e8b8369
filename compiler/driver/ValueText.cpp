//===--- ValueText.cpp - Wasm values as command-line text -----------------===//
//
/// \file
/// The syntax itself is runtime-lib's (value_text.h), which compiled
/// executables use for `--invoke`, so that both engines read and print
/// values identically; this file only converts between interp::Value and
/// rt_value.
//
//===----------------------------------------------------------------------===//
#include "ValueText.h"

#include "rt/value_text.h"

#include <string>

namespace wasmc::driver {

bool parseValue(std::string_view Text, ValType T, interp::Value &Out,
                std::string &Why) {
  rt_value V{};
  switch (T) {
  case ValType::I32:
  case ValType::I64:
  case ValType::F32:
  case ValType::F64:
    break;
  default:
    Why = std::string("a ") + valTypeName(T) +
          " argument cannot be given on the command line";
    return false;
  }
  std::string Copy(Text); // the C parser needs a terminated string
  if (rt_parse_value(Copy.c_str(), uint8_t(T), &V) != 0) {
    Why = "'" + Copy + "' is not an " + valTypeName(T);
    return false;
  }
  switch (T) {
  case ValType::I32: Out = interp::Value::i32(uint32_t(V.i32)); break;
  case ValType::I64: Out = interp::Value::i64(uint64_t(V.i64)); break;
  case ValType::F32: Out = interp::Value::f32(V.f32); break;
  default: Out = interp::Value::f64(V.f64); break;
  }
  return true;
}

std::string formatValue(const interp::Value &V) {
  rt_value R{};
  switch (V.type()) {
  case ValType::I32: R.i32 = int32_t(V.i32()); break;
  case ValType::I64: R.i64 = int64_t(V.i64()); break;
  case ValType::F32: R.f32 = V.f32(); break;
  case ValType::F64: R.f64 = V.f64(); break;
  case ValType::FuncRef: return V.isNull() ? "<null funcref>" : "<funcref>";
  case ValType::ExternRef: return V.isNull() ? "<null externref>" : "<externref>";
  default: return V.str();
  }
  char Text[RT_VALUE_TEXT_MAX];
  rt_format_value(&R, uint8_t(V.type()), Text, sizeof Text);
  return Text;
}

} // namespace wasmc::driver
