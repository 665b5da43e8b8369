//===--- ValidateFunction.h - Type checking of one code body --------------===//
//
/// \file
/// Private to the validator. FunctionValidator runs the operand-stack /
/// control-stack algorithm of the spec's validation appendix over one code
/// body. One instance checks every body of a module, so its stacks are
/// allocated once and reused: no heap allocation per instruction.
/// Module-level facts (type indices of functions and imports, the set of
/// declared function references) must be checked by the caller first.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Module.h"

#include <span>
#include <vector>

namespace wasmc {

class FunctionValidator {
public:
  /// DeclaredFuncs[X] says whether function X is in C.refs, i.e. whether a
  /// body may take `ref.func X`. Both arguments must outlive the validator.
  FunctionValidator(const Module &M, const std::vector<bool> &DeclaredFuncs);

  /// Validates the body of defined function DefIndex (not counting
  /// imports). Errors are Invalid, or Malformed for broken binary syntax.
  Status validate(uint32_t DefIndex);

private:
  using Types = std::span<const ValType>;

  struct CtrlFrame {
    Opcode Kind; ///< Block, Loop, If or Else; the function's frame is a Block
    Types Params;
    Types Results;
    uint32_t Height;
    bool Unreachable;
  };

  Status validateInstr();
  Status validateGeneric(const OpInfo &Info);
  Status checkImmediate(ImmKind K);
  Status validateControl();

  Status blockSignature(Types &Params, Types &Results);
  Status popAny(ValType &Out);
  Status popVal(ValType Expected);
  Status popVals(Types Expected);
  void pushVal(ValType T) { Vals.push_back(T); }
  void pushVals(Types Ts) { Vals.insert(Vals.end(), Ts.begin(), Ts.end()); }
  void pushCtrl(Opcode Kind, Types Params, Types Results);
  Status popCtrl(CtrlFrame &Out);
  void markUnreachable();
  Status checkTopOfStack(Types Expected);
  Status label(uint32_t Depth, Types &Out);
  void setLocals(const Function &F, Types Params);
  Status localType(uint32_t Index, ValType &Out);

  Status requireMemory();
  Status requireTable(uint32_t TableIndex);
  Status requireElem(uint32_t ElemIndex);
  Status requireData(uint32_t DataIndex);
  Status requireLane(uint32_t Lane, unsigned Count);

  [[gnu::cold]] WasmError invalid(std::string Message) const;
  [[gnu::cold]] WasmError typeMismatch(ValType Expected, ValType Got) const;
  [[gnu::cold]] WasmError emptyStack(ValType Expected) const;
  [[gnu::cold]] WasmError syntaxError() const;

  const Module &M;
  const std::vector<bool> &DeclaredFuncs;
  uint32_t FuncIndex = 0;
  Types FuncResults;

  /// The locals (parameters first), either expanded into LocalTypes or,
  /// when that would cost more than the body, as run-length Groups where
  /// LocalEnds[G] is one past the last declared local of group G.
  uint32_t NumLocals = 0;
  std::vector<ValType> LocalTypes;
  Types FuncParams;
  const std::vector<LocalGroup> *Groups = nullptr;
  std::vector<uint32_t> LocalEnds;

  Reader R{nullptr, nullptr};
  InstrReader IR{R};
  Instr I;
  std::vector<ValType> Vals;
  std::vector<CtrlFrame> Ctrls;
};

} // namespace wasmc
