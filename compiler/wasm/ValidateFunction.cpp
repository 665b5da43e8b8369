//===--- ValidateFunction.cpp - Type checking of one code body ------------===//
//
/// \file
/// The function-body half of validation: the algorithm of the spec's
/// validation appendix (operand stack, control stack, stack-polymorphic
/// unreachable code with ValType::Bottom standing for "unknown"). Every
/// instruction whose Sig column is not Special is typed generically from
/// Sigs.def after a check of its immediate keyed by ImmKind, so a new opcode
/// needs only its table row. Module-level rules live in Validator.cpp.
//
//===----------------------------------------------------------------------===//
#include "wasm/ValidateFunction.h"

#include "wasm/Decoder.h"

#include <algorithm>

namespace wasmc {

namespace {

constexpr ValType SingleTypes[] = {
    ValType::I32,  ValType::I64,     ValType::F32,      ValType::F64,
    ValType::V128, ValType::FuncRef, ValType::ExternRef};

/// The one-element result list of a `block t`, pointing into static storage
/// so frames can refer to it without owning it.
std::span<const ValType> singleType(ValType T) {
  const ValType *It =
      std::find(std::begin(SingleTypes), std::end(SingleTypes), T);
  return {It, 1};
}

bool isNumOrUnknown(ValType T) { return isNumType(T) || T == ValType::Bottom; }
bool isVecOrUnknown(ValType T) {
  return T == ValType::V128 || T == ValType::Bottom;
}

} // namespace

FunctionValidator::FunctionValidator(const Module &M,
                                     const std::vector<bool> &DeclaredFuncs)
    : M(M), DeclaredFuncs(DeclaredFuncs) {}

//===--- Diagnostics ------------------------------------------------------===//

WasmError FunctionValidator::invalid(std::string Message) const {
  WasmError E = makeError(ErrorKind::Invalid, I.Offset, std::move(Message));
  E.Context = M.describeFunc(FuncIndex);
  return E;
}

WasmError FunctionValidator::typeMismatch(ValType Expected, ValType Got) const {
  return invalid(std::string("type mismatch: ") + opName(I.Op) + " expects " +
                 valTypeName(Expected) + ", got " + valTypeName(Got));
}

WasmError FunctionValidator::emptyStack(ValType Expected) const {
  return invalid(
      std::string("type mismatch: ") + opName(I.Op) + " expects " +
      (Expected == ValType::Bottom ? "an operand" : valTypeName(Expected)) +
      " but the stack is empty");
}

// Broken nesting is a decoding error that InstrReader cannot see. The
// syntax checker owns those messages; asking it keeps them identical.
WasmError FunctionValidator::syntaxError() const {
  Status S = checkCodeSyntax(M);
  if (!S.ok())
    return S.takeError();
  WasmError E =
      makeError(ErrorKind::Internal, I.Offset,
                "validator found a syntax error that checkCodeSyntax did not");
  E.Context = M.describeFunc(FuncIndex);
  return E;
}

//===--- Operand and control stacks ---------------------------------------===//

// The pops run for nearly every operand, so their error paths are kept out
// of line to let the common case inline.
[[gnu::always_inline]] inline Status FunctionValidator::popAny(ValType &Out) {
  if (Vals.size() > Ctrls.back().Height) {
    Out = Vals.back();
    Vals.pop_back();
    return Status::success();
  }
  if (Ctrls.back().Unreachable) {
    Out = ValType::Bottom;
    return Status::success();
  }
  return emptyStack(ValType::Bottom);
}

[[gnu::always_inline]] inline Status
FunctionValidator::popVal(ValType Expected) {
  if (Vals.size() > Ctrls.back().Height) {
    ValType Got = Vals.back();
    if (Got != Expected && Got != ValType::Bottom &&
        Expected != ValType::Bottom)
      return typeMismatch(Expected, Got);
    Vals.pop_back();
    return Status::success();
  }
  if (Ctrls.back().Unreachable)
    return Status::success();
  return emptyStack(Expected);
}

Status FunctionValidator::popVals(Types Expected) {
  for (size_t J = Expected.size(); J-- > 0;)
    WASMC_TRY(popVal(Expected[J]));
  return Status::success();
}

// The spec checks each br_table target with push_vals(pop_vals(label)). That
// leaves the stack as it was, up to unknown operands standing in for missing
// ones in unreachable code, which behave exactly like the polymorphic stack
// base. So compare in place, top first as the pops would, without copying.
Status FunctionValidator::checkTopOfStack(Types Expected) {
  const CtrlFrame &F = Ctrls.back();
  size_t Avail = Vals.size() - F.Height;
  size_t N = std::min(Expected.size(), Avail);
  for (size_t K = 1; K <= N; ++K) {
    ValType Want = Expected[Expected.size() - K], Got = Vals[Vals.size() - K];
    if (Got != Want && Got != ValType::Bottom)
      return typeMismatch(Want, Got);
  }
  if (Expected.size() > Avail && !F.Unreachable)
    return emptyStack(Expected[Expected.size() - Avail - 1]);
  return Status::success();
}

void FunctionValidator::pushCtrl(Opcode Kind, Types Params, Types Results) {
  Ctrls.push_back({Kind, Params, Results, uint32_t(Vals.size()), false});
  pushVals(Params);
}

Status FunctionValidator::popCtrl(CtrlFrame &Out) {
  WASMC_TRY(popVals(Ctrls.back().Results));
  const CtrlFrame &F = Ctrls.back();
  if (Vals.size() != F.Height)
    return invalid("type mismatch: " + std::to_string(Vals.size() - F.Height) +
                   " extra value(s) on the stack at the end of the block");
  Out = F;
  Ctrls.pop_back();
  return Status::success();
}

void FunctionValidator::markUnreachable() {
  Vals.resize(Ctrls.back().Height);
  Ctrls.back().Unreachable = true;
}

// A branch to a loop restarts it, so a loop's label takes its parameters.
Status FunctionValidator::label(uint32_t Depth, Types &Out) {
  if (Depth >= Ctrls.size())
    return invalid("unknown label " + std::to_string(Depth));
  const CtrlFrame &F = Ctrls[Ctrls.size() - 1 - Depth];
  Out = F.Kind == Opcode::Loop ? F.Params : F.Results;
  return Status::success();
}

Status FunctionValidator::blockSignature(Types &Params, Types &Results) {
  switch (I.Block.K) {
  case BlockType::Empty:
    Params = Results = {};
    return Status::success();
  case BlockType::Value:
    Params = {};
    Results = singleType(I.Block.Type);
    return Status::success();
  case BlockType::TypeIndex:
    if (I.Block.Index >= M.Types.size())
      return invalid("unknown type " + std::to_string(I.Block.Index));
    Params = M.Types[I.Block.Index].Params;
    Results = M.Types[I.Block.Index].Results;
    return Status::success();
  }
  return invalid("unknown block type kind");
}

// Expanding the locals into one type per index would cost up to MaxLocals
// per function even for a two-byte body, which a module of many tiny
// functions could multiply into minutes. So they are expanded only when that
// costs no more than reading the body; otherwise a lookup binary-searches
// the run-length groups, of which there are at most half the body's size.
void FunctionValidator::setLocals(const Function &F, Types Params) {
  LocalTypes.clear();
  LocalEnds.clear();
  NumLocals = uint32_t(Params.size()) + F.NumLocals;
  if (NumLocals <= F.Body.Size) {
    LocalTypes.assign(Params.begin(), Params.end());
    for (const LocalGroup &G : F.Locals)
      LocalTypes.insert(LocalTypes.end(), G.Count, G.Type);
    return;
  }
  FuncParams = Params;
  Groups = &F.Locals;
  uint32_t End = 0;
  for (const LocalGroup &G : F.Locals)
    LocalEnds.push_back(End += G.Count);
}

Status FunctionValidator::localType(uint32_t Index, ValType &Out) {
  if (Index >= NumLocals)
    return invalid("unknown local " + std::to_string(Index));
  if (!LocalTypes.empty()) {
    Out = LocalTypes[Index];
  } else if (Index < FuncParams.size()) {
    Out = FuncParams[Index];
  } else {
    uint32_t Declared = Index - uint32_t(FuncParams.size());
    auto It = std::upper_bound(LocalEnds.begin(), LocalEnds.end(), Declared);
    Out = (*Groups)[size_t(It - LocalEnds.begin())].Type;
  }
  return Status::success();
}

//===--- Index and immediate checks ---------------------------------------===//

Status FunctionValidator::requireMemory() {
  if (M.numMemories() == 0)
    return invalid("unknown memory 0");
  return Status::success();
}

Status FunctionValidator::requireTable(uint32_t TableIndex) {
  if (TableIndex >= M.numTables())
    return invalid("unknown table " + std::to_string(TableIndex));
  return Status::success();
}

Status FunctionValidator::requireElem(uint32_t ElemIndex) {
  if (ElemIndex >= M.Elems.size())
    return invalid("unknown elem segment " + std::to_string(ElemIndex));
  return Status::success();
}

// Without a data count section this is malformed, not invalid; the caller's
// syntax check turns the error into the right one.
Status FunctionValidator::requireData(uint32_t DataIndex) {
  if (!M.DataCount || DataIndex >= *M.DataCount)
    return invalid("unknown data segment " + std::to_string(DataIndex));
  return Status::success();
}

Status FunctionValidator::requireLane(uint32_t Lane, unsigned Count) {
  if (Lane >= Count)
    return invalid("invalid lane index: " + std::to_string(Lane) +
                   " is out of range for " + opName(I.Op));
  return Status::success();
}

Status FunctionValidator::checkImmediate(ImmKind K) {
  switch (K) {
  case ImmKind::None:
  case ImmKind::I32:
  case ImmKind::I64:
  case ImmKind::F32:
  case ImmKind::F64:
  case ImmKind::V128:
    return Status::success();
  case ImmKind::Memory:
  case ImmKind::MemoryCopy:
    return requireMemory();
  case ImmKind::MemArg1:
  case ImmKind::MemArg2:
  case ImmKind::MemArg4:
  case ImmKind::MemArg8:
  case ImmKind::MemArg16:
  case ImmKind::MemLane1:
  case ImmKind::MemLane2:
  case ImmKind::MemLane4:
  case ImmKind::MemLane8: {
    WASMC_TRY(requireMemory());
    unsigned Bytes = memAccessBytes(K);
    if (I.AlignLog2 >= 32 || (uint64_t(1) << I.AlignLog2) > Bytes)
      return invalid("alignment must not be larger than natural: " +
                     std::string(opName(I.Op)) + " accesses " +
                     std::to_string(Bytes) + " byte(s), alignment is 2^" +
                     std::to_string(I.AlignLog2));
    if (unsigned Lanes = laneCount(K))
      return requireLane(I.Index, Lanes);
    return Status::success();
  }
  case ImmKind::Lane16:
  case ImmKind::Lane8:
  case ImmKind::Lane4:
  case ImmKind::Lane2:
    return requireLane(I.Index, laneCount(K));
  case ImmKind::Shuffle:
    for (uint8_t Lane : I.V128)
      WASMC_TRY(requireLane(Lane, 32));
    return Status::success();
  case ImmKind::MemoryInit:
    WASMC_TRY(requireMemory());
    return requireData(I.Index);
  case ImmKind::Data:
    return requireData(I.Index);
  case ImmKind::Table:
    return requireTable(I.Index);
  case ImmKind::Elem:
    return requireElem(I.Index);
  case ImmKind::TableInit: {
    WASMC_TRY(requireTable(I.Index2));
    WASMC_TRY(requireElem(I.Index));
    ValType TableElem = M.tableType(I.Index2).Elem;
    ValType SegElem = M.Elems[I.Index].Type;
    if (TableElem != SegElem)
      return invalid(std::string("type mismatch: table.init of a ") +
                     valTypeName(SegElem) + " segment into a " +
                     valTypeName(TableElem) + " table");
    return Status::success();
  }
  case ImmKind::TableCopy: {
    WASMC_TRY(requireTable(I.Index));
    WASMC_TRY(requireTable(I.Index2));
    ValType Dst = M.tableType(I.Index).Elem, Src = M.tableType(I.Index2).Elem;
    if (Dst != Src)
      return invalid(std::string("type mismatch: table.copy from a ") +
                     valTypeName(Src) + " table to a " + valTypeName(Dst) +
                     " table");
    return Status::success();
  }
  case ImmKind::Block:
  case ImmKind::Label:
  case ImmKind::BrTable:
  case ImmKind::Func:
  case ImmKind::CallIndirect:
  case ImmKind::Local:
  case ImmKind::Global:
  case ImmKind::RefType:
  case ImmKind::SelectT:
    break;
  }
  WasmError E = invalid(std::string("immediate of generic instruction ") +
                        opName(I.Op) + " is not checked");
  E.Kind = ErrorKind::Internal;
  return E;
}

//===--- Instructions -----------------------------------------------------===//

// Immediates first, then operands, as the spec's rules order their premises.
Status FunctionValidator::validateGeneric(const OpInfo &Info) {
  if (Info.Imm != ImmKind::None)
    WASMC_TRY(checkImmediate(Info.Imm));
  const SigInfo &S = sigInfo(Info.Signature);
  for (unsigned J = S.NumParams; J-- > 0;)
    WASMC_TRY(popVal(S.Params[J]));
  if (S.HasResult)
    pushVal(S.Result);
  return Status::success();
}

Status FunctionValidator::validateControl() {
  switch (I.Op) {
  case Opcode::Unreachable:
    markUnreachable();
    return Status::success();
  case Opcode::Nop:
    return Status::success();
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If: {
    Types Params, Results;
    WASMC_TRY(blockSignature(Params, Results));
    if (I.Op == Opcode::If)
      WASMC_TRY(popVal(ValType::I32));
    WASMC_TRY(popVals(Params));
    pushCtrl(I.Op, Params, Results);
    return Status::success();
  }
  case Opcode::Else: {
    if (Ctrls.back().Kind != Opcode::If)
      return syntaxError();
    CtrlFrame F;
    WASMC_TRY(popCtrl(F));
    pushCtrl(Opcode::Else, F.Params, F.Results);
    return Status::success();
  }
  case Opcode::End: {
    CtrlFrame F;
    WASMC_TRY(popCtrl(F));
    // An `if` without `else` has an empty else branch, which passes its
    // parameters through as its results.
    if (F.Kind == Opcode::If && !std::equal(F.Params.begin(), F.Params.end(),
                                            F.Results.begin(), F.Results.end()))
      return invalid("type mismatch: if without else must have matching "
                     "param and result types");
    if (!Ctrls.empty())
      pushVals(F.Results);
    return Status::success();
  }
  case Opcode::Br: {
    Types L;
    WASMC_TRY(label(I.Index, L));
    WASMC_TRY(popVals(L));
    markUnreachable();
    return Status::success();
  }
  case Opcode::BrIf: {
    Types L;
    WASMC_TRY(label(I.Index, L));
    WASMC_TRY(popVal(ValType::I32));
    WASMC_TRY(popVals(L));
    pushVals(L);
    return Status::success();
  }
  case Opcode::BrTable: {
    WASMC_TRY(popVal(ValType::I32));
    Types Default;
    WASMC_TRY(label(I.Index, Default));
    // Labels of equal type share their storage (a FuncType's vector or a
    // static singleton), so a repeat of the last checked one is skipped.
    Types Checked;
    for (uint32_t J = 0; J < I.NumTargets; ++J) {
      Types L;
      WASMC_TRY(label(I.Targets[J], L));
      if (L.size() != Default.size())
        return invalid("type mismatch: br_table target " +
                       std::to_string(I.Targets[J]) + " has arity " +
                       std::to_string(L.size()) + ", the default target " +
                       std::to_string(Default.size()));
      if (L.data() == Checked.data())
        continue;
      WASMC_TRY(checkTopOfStack(L));
      Checked = L;
    }
    WASMC_TRY(popVals(Default));
    markUnreachable();
    return Status::success();
  }
  case Opcode::Return:
    WASMC_TRY(popVals(FuncResults));
    markUnreachable();
    return Status::success();
  case Opcode::Call: {
    if (I.Index >= M.numFuncs())
      return invalid("unknown function " + std::to_string(I.Index));
    const FuncType &T = M.Types[M.funcTypeIndex(I.Index)];
    WASMC_TRY(popVals(T.Params));
    pushVals(T.Results);
    return Status::success();
  }
  case Opcode::CallIndirect: {
    WASMC_TRY(requireTable(I.Index2));
    if (M.tableType(I.Index2).Elem != ValType::FuncRef)
      return invalid("type mismatch: call_indirect requires a funcref table, "
                     "table " +
                     std::to_string(I.Index2) + " holds " +
                     valTypeName(M.tableType(I.Index2).Elem));
    if (I.Index >= M.Types.size())
      return invalid("unknown type " + std::to_string(I.Index));
    const FuncType &T = M.Types[I.Index];
    WASMC_TRY(popVal(ValType::I32));
    WASMC_TRY(popVals(T.Params));
    pushVals(T.Results);
    return Status::success();
  }
  default:
    break;
  }
  WasmError E = invalid(std::string("no typing rule for ") + opName(I.Op));
  E.Kind = ErrorKind::Internal;
  return E;
}

Status FunctionValidator::validateInstr() {
  const OpInfo &Info = opInfo(I.Op);
  if (Info.Signature != Sig::Special)
    return validateGeneric(Info);

  switch (I.Op) {
  case Opcode::Drop: {
    ValType T = ValType::Bottom;
    return popAny(T);
  }
  case Opcode::Select: {
    WASMC_TRY(popVal(ValType::I32));
    ValType T1 = ValType::Bottom, T2 = ValType::Bottom;
    WASMC_TRY(popAny(T1));
    WASMC_TRY(popAny(T2));
    // Untyped select is limited to types whose representation an engine
    // can pick without knowing more; references need `select t`.
    if (!((isNumOrUnknown(T1) && isNumOrUnknown(T2)) ||
          (isVecOrUnknown(T1) && isVecOrUnknown(T2))))
      return invalid(std::string("type mismatch: select without a type "
                                 "needs numeric or vector operands, got ") +
                     valTypeName(T2) + " and " + valTypeName(T1));
    if (T1 != T2 && T1 != ValType::Bottom && T2 != ValType::Bottom)
      return typeMismatch(T2, T1);
    pushVal(T1 == ValType::Bottom ? T2 : T1);
    return Status::success();
  }
  case Opcode::SelectT:
    if (I.SelectArity != 1)
      return invalid(
          "invalid result arity: select takes exactly one type, got " +
          std::to_string(I.SelectArity));
    WASMC_TRY(popVal(ValType::I32));
    WASMC_TRY(popVal(I.Type));
    WASMC_TRY(popVal(I.Type));
    pushVal(I.Type);
    return Status::success();
  case Opcode::LocalGet:
  case Opcode::LocalSet:
  case Opcode::LocalTee: {
    ValType T = ValType::Bottom;
    WASMC_TRY(localType(I.Index, T));
    if (I.Op != Opcode::LocalGet)
      WASMC_TRY(popVal(T));
    if (I.Op != Opcode::LocalSet)
      pushVal(T);
    return Status::success();
  }
  case Opcode::GlobalGet:
  case Opcode::GlobalSet: {
    if (I.Index >= M.numGlobals())
      return invalid("unknown global " + std::to_string(I.Index));
    const GlobalType &G = M.globalType(I.Index);
    if (I.Op == Opcode::GlobalGet) {
      pushVal(G.Type);
      return Status::success();
    }
    if (!G.Mutable)
      return invalid("global is immutable: global.set of global " +
                     std::to_string(I.Index));
    return popVal(G.Type);
  }
  case Opcode::TableGet:
  case Opcode::TableSet:
  case Opcode::TableGrow:
  case Opcode::TableFill: {
    WASMC_TRY(requireTable(I.Index));
    ValType Elem = M.tableType(I.Index).Elem;
    switch (I.Op) {
    case Opcode::TableGet:
      WASMC_TRY(popVal(ValType::I32));
      pushVal(Elem);
      break;
    case Opcode::TableSet:
      WASMC_TRY(popVal(Elem));
      WASMC_TRY(popVal(ValType::I32));
      break;
    case Opcode::TableGrow:
      WASMC_TRY(popVal(ValType::I32));
      WASMC_TRY(popVal(Elem));
      pushVal(ValType::I32);
      break;
    default:
      WASMC_TRY(popVal(ValType::I32));
      WASMC_TRY(popVal(Elem));
      WASMC_TRY(popVal(ValType::I32));
      break;
    }
    return Status::success();
  }
  case Opcode::RefNull:
    pushVal(I.Type);
    return Status::success();
  case Opcode::RefIsNull: {
    ValType T = ValType::Bottom;
    WASMC_TRY(popAny(T));
    if (!isRefType(T) && T != ValType::Bottom)
      return invalid(std::string("type mismatch: ref.is_null expects a "
                                 "reference, got ") +
                     valTypeName(T));
    pushVal(ValType::I32);
    return Status::success();
  }
  case Opcode::RefFunc:
    if (I.Index >= M.numFuncs())
      return invalid("unknown function " + std::to_string(I.Index));
    if (!DeclaredFuncs[I.Index])
      return invalid("undeclared function reference: function " +
                     std::to_string(I.Index) +
                     " is not named in an element segment, export or global");
    pushVal(ValType::FuncRef);
    return Status::success();
  default:
    return validateControl();
  }
}

//===--- Driver -----------------------------------------------------------===//

Status FunctionValidator::validate(uint32_t DefIndex) {
  const Function &F = M.Functions[DefIndex];
  const FuncType &T = M.Types[F.TypeIndex];
  FuncIndex = M.NumImportedFuncs + DefIndex;
  FuncResults = T.Results;

  setLocals(F, T.Params);

  Vals.clear();
  Ctrls.clear();
  R = Reader::forPart(M.data(F.Body), M.data(F.Body) + F.Body.Size, F.Body.Offset);
  I = Instr();
  I.Offset = F.Body.Offset;
  // The body is the function's outermost block; its label is the results.
  pushCtrl(Opcode::Block, {}, FuncResults);
  while (!Ctrls.empty()) {
    if (R.atEnd())
      return syntaxError();
    Status S = IR.read(I);
    if (!S.ok()) {
      WasmError E = S.takeError();
      E.Context = M.describeFunc(FuncIndex);
      return E;
    }
    WASMC_TRY(validateInstr());
  }
  if (!R.atEnd())
    return syntaxError();
  return Status::success();
}

} // namespace wasmc
