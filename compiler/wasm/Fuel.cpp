//===--- Fuel.cpp - Metering segments of a function body ------------------===//
#include "wasm/Fuel.h"

#include "wasm/Instr.h"

namespace wasmc {

bool endsSegment(Opcode Op) {
  switch (Op) {
  case Opcode::Unreachable:
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If:
  case Opcode::Else:
  case Opcode::End:
  case Opcode::Br:
  case Opcode::BrIf:
  case Opcode::BrTable:
  case Opcode::Return:
  case Opcode::Call:
  case Opcode::CallIndirect:
    return true;
  default:
    return false;
  }
}

Result<std::vector<uint32_t>> segmentCosts(const Module &M, uint32_t DefIndex) {
  const Function &F = M.Functions[DefIndex];
  Reader R(M.data(F.Body), M.data(F.Body) + F.Body.Size, F.Body.Offset);
  InstrReader IR(R);
  Instr I;
  std::vector<uint32_t> Costs;
  uint32_t Cost = 0;
  while (!R.atEnd()) {
    WASMC_TRY(IR.read(I));
    ++Cost;
    if (endsSegment(I.Op)) {
      Costs.push_back(Cost);
      Cost = 0;
    }
  }
  return Costs;
}

} // namespace wasmc
