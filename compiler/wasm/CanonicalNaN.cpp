//===--- CanonicalNaN.cpp - Which operators may yield an unspecified NaN --===//
#include "wasm/CanonicalNaN.h"

namespace wasmc {

bool mayYieldUnspecifiedNaN(Opcode Op) {
  switch (Op) {
  case Opcode::F32Add: case Opcode::F32Sub: case Opcode::F32Mul:
  case Opcode::F32Div: case Opcode::F32Sqrt: case Opcode::F32Min:
  case Opcode::F32Max: case Opcode::F32Ceil: case Opcode::F32Floor:
  case Opcode::F32Trunc: case Opcode::F32Nearest:
  case Opcode::F64Add: case Opcode::F64Sub: case Opcode::F64Mul:
  case Opcode::F64Div: case Opcode::F64Sqrt: case Opcode::F64Min:
  case Opcode::F64Max: case Opcode::F64Ceil: case Opcode::F64Floor:
  case Opcode::F64Trunc: case Opcode::F64Nearest:
  case Opcode::F32DemoteF64: case Opcode::F64PromoteF32:
    return true;
  default:
    return false;
  }
}

} // namespace wasmc
