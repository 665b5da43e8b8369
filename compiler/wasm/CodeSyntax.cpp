//===--- CodeSyntax.cpp - Binary syntax of code bodies ---------------------===//
//
/// \file
/// The part of decoding that the decoder defers: the instruction sequences
/// of code bodies. The validator runs this only on its error path, to let a
/// malformed body anywhere in the module win over a validation error, as
/// the spec's decode-then-validate order requires.
//
//===----------------------------------------------------------------------===//
#include "wasm/Decoder.h"

namespace wasmc {

namespace {

Status checkBodySyntax(const Module &M, const Function &F) {
  Reader R = Reader::forPart(M.data(F.Body), M.data(F.Body) + F.Body.Size, F.Body.Offset);
  InstrReader IR(R);
  Instr I;
  // One entry per open block: true once an `if` has seen its `else`, or for
  // blocks that may not take one.
  std::vector<bool> Open{true};
  while (!Open.empty()) {
    if (R.atEnd())
      return R.error("unexpected end of section or function: END opcode expected");
    WASMC_TRY(IR.read(I));
    switch (I.Op) {
    case Opcode::Block:
    case Opcode::Loop:
      Open.push_back(true);
      break;
    case Opcode::If:
      Open.push_back(false);
      break;
    case Opcode::Else:
      if (Open.size() < 2 || Open.back())
        return makeError(ErrorKind::Malformed, I.Offset, "else without matching if");
      Open.back() = true;
      break;
    case Opcode::End:
      Open.pop_back();
      break;
    case Opcode::MemoryInit:
    case Opcode::DataDrop:
      if (!M.DataCount)
        return makeError(ErrorKind::Malformed, I.Offset, "data count section required");
      break;
    default:
      break;
    }
  }
  if (!R.atEnd())
    return R.error("section size mismatch: bytes after the final END of a function");
  return Status::success();
}

} // namespace

Status checkCodeSyntax(const Module &M) {
  for (size_t I = 0; I < M.Functions.size(); ++I) {
    Status S = checkBodySyntax(M, M.Functions[I]);
    if (!S.ok()) {
      WasmError E = S.takeError();
      E.Context = M.describeFunc(M.NumImportedFuncs + uint32_t(I));
      return E;
    }
  }
  return Status::success();
}

} // namespace wasmc
