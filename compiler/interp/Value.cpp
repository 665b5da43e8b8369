//===--- Value.cpp - Printing of API values -------------------------------===//
#include "interp/Value.h"

#include <cstdio>

namespace wasmc::interp {

std::string Value::str() const {
  char Buf[64];
  switch (Type) {
  case ValType::I32: std::snprintf(Buf, sizeof(Buf), "i32:%u", i32()); break;
  case ValType::I64:
    std::snprintf(Buf, sizeof(Buf), "i64:%llu", (unsigned long long)i64());
    break;
  case ValType::F32:
    std::snprintf(Buf, sizeof(Buf), "f32:%.9g (0x%08x)", double(f32()),
                  f32Bits());
    break;
  case ValType::F64:
    std::snprintf(Buf, sizeof(Buf), "f64:%.17g (0x%016llx)", f64(),
                  (unsigned long long)f64Bits());
    break;
  case ValType::FuncRef:
  case ValType::ExternRef:
    if (Null)
      std::snprintf(Buf, sizeof(Buf), "%s:null", valTypeName(Type));
    else
      std::snprintf(Buf, sizeof(Buf), "%s:%llu", valTypeName(Type),
                    (unsigned long long)Bits);
    break;
  default: std::snprintf(Buf, sizeof(Buf), "%s:?", valTypeName(Type)); break;
  }
  return Buf;
}

} // namespace wasmc::interp
