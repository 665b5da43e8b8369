//===--- Types.cpp - Names and decoding of Wasm types ---------------------===//
#include "wasm/Types.h"

namespace wasmc {

bool decodeValType(uint8_t Byte, ValType &Out) {
  switch (Byte) {
  case 0x7f: case 0x7e: case 0x7d: case 0x7c: case 0x7b: case 0x70: case 0x6f:
    Out = static_cast<ValType>(Byte);
    return true;
  default:
    return false;
  }
}

const char *valTypeName(ValType T) {
  switch (T) {
  case ValType::I32: return "i32";
  case ValType::I64: return "i64";
  case ValType::F32: return "f32";
  case ValType::F64: return "f64";
  case ValType::V128: return "v128";
  case ValType::FuncRef: return "funcref";
  case ValType::ExternRef: return "externref";
  case ValType::Bottom: return "unknown";
  }
  return "?";
}

const char *externKindName(ExternKind K) {
  switch (K) {
  case ExternKind::Func: return "func";
  case ExternKind::Table: return "table";
  case ExternKind::Memory: return "memory";
  case ExternKind::Global: return "global";
  }
  return "?";
}

std::string FuncType::str() const {
  std::string S = "[";
  for (size_t I = 0; I < Params.size(); ++I)
    S += (I ? " " : "") + std::string(valTypeName(Params[I]));
  S += "] -> [";
  for (size_t I = 0; I < Results.size(); ++I)
    S += (I ? " " : "") + std::string(valTypeName(Results[I]));
  return S + "]";
}

} // namespace wasmc
