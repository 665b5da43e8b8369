//===--- Translate.cpp - Validated Wasm bodies to internal code -----------===//
//
/// \file
/// One pass over each body with InstrReader. The translator mirrors the
/// validator's operand and control stacks, but only to know heights: the
/// slot height of every point is static, so each branch is resolved here to
/// a jump distance plus how many slots it keeps and drops. Forward jumps to
/// a block's end are chained through their own offset words until the
/// `end` is reached and patches them, which needs no side allocation.
/// Unreachable code (after br, br_table, return, unreachable) is skipped:
/// it cannot run, and its stack is polymorphic, so it has no height.
/// ExecOptions add ops without changing any other: a Fuel op at the start
/// of each reachable metering segment (wasm/Fuel.h), where every jump into
/// the segment lands, and a Canon op after each operator whose NaN result
/// must be canonical.
//
//===----------------------------------------------------------------------===//
#include "interp/Translate.h"

#include "interp/Slots.h"
#include "wasm/CanonicalNaN.h"
#include "wasm/Fuel.h"
#include "wasm/Instr.h"

#include <algorithm>
#include <optional>
#include <span>

namespace wasmc::interp {
namespace {

constexpr uint32_t NoFixup = UINT32_MAX;

/// A one-element result type for `block (result t)`, pointing into static
/// storage so that spans of it stay valid.
std::span<const ValType> singleton(ValType T) {
  static const ValType Types[] = {
      ValType::I32,  ValType::I64,     ValType::F32,      ValType::F64,
      ValType::V128, ValType::FuncRef, ValType::ExternRef};
  for (const ValType &Each : Types)
    if (Each == T)
      return {&Each, 1};
  return {};
}

uint32_t slotsOf(std::span<const ValType> Ts) {
  uint32_t N = 0;
  for (ValType T : Ts)
    N += slotCount(T);
  return N;
}

WasmError unsupportedSimd(uint64_t Offset, const std::string &What) {
  return makeError(ErrorKind::Unsupported, Offset,
                   "the interpreter does not support SIMD yet (" + What + ")");
}

bool hasV128(std::span<const ValType> Ts) {
  return std::find(Ts.begin(), Ts.end(), ValType::V128) != Ts.end();
}

/// Rejects every way a v128 value could come to exist besides SIMD
/// instructions (checked per instruction): typed functions, globals and
/// locals. Blocks can only carry v128 values that one of these produced.
Status checkNoV128(const Module &M) {
  for (const FuncType &T : M.Types)
    if (hasV128(T.Params) || hasV128(T.Results))
      return unsupportedSimd(UINT64_MAX, "function type " + T.str());
  for (uint32_t G = 0; G < M.numGlobals(); ++G)
    if (M.globalType(G).Type == ValType::V128)
      return unsupportedSimd(UINT64_MAX, "v128 global");
  for (const Function &F : M.Functions)
    for (const LocalGroup &L : F.Locals)
      if (L.Type == ValType::V128 && L.Count)
        return unsupportedSimd(F.CodeOffset, "v128 local");
  return Status::success();
}

class FunctionTranslator {
public:
  FunctionTranslator(const Module &M, const ExecOptions &Opts)
      : M(M), Opts(Opts) {}

  Status translate(uint32_t DefIndex, CompiledFunc &Out);

private:
  struct Ctrl {
    Opcode Kind;         ///< Block (also the function), Loop, If or Else
    uint32_t TypeBase;   ///< operand types below the block's parameters
    uint32_t HeightBase; ///< slot height below the block's parameters
    std::span<const ValType> Params, Results;
    uint32_t LoopHead = 0;        ///< code position of a loop's start
    uint32_t FixupHead = NoFixup; ///< chain of jumps to the end
    uint32_t ElseFixup = NoFixup; ///< an if's BrUnless, until `else`
    bool Unreachable = false;
  };

  Status translateInstr();
  void skipUnreachable();
  Status translateReachable();
  Status translateGeneric();
  /// Emits the charge of metering segment K, if code there is reachable.
  void meterSegment(size_t K);
  void blockSignature(const BlockType &B, std::span<const ValType> &Params,
                      std::span<const ValType> &Results) const;
  void pushCtrl(Opcode Kind);
  void translateElse();
  void translateEnd();

  void emit(IOp Op) {
    Starts.push_back(here());
    Code.push_back(uint32_t(Op));
  }
  void emitOp(Opcode Op) { emit(IOp(Op)); }
  void word(uint32_t W) { Code.push_back(W); }

  // Superinstruction fusion looks back at the instructions emitted since
  // the last label: a jump may land between any two instructions across a
  // label, so no pair spanning one may be fused.
  void barrier() { Starts.clear(); }
  bool lastIs(IOp Op) const {
    return !Starts.empty() && IOp(Code[Starts.back()]) == Op;
  }
  uint32_t lastImm(unsigned K) const { return Code[Starts.back() + 1 + K]; }
  void dropLast() {
    Code.resize(Starts.back());
    Starts.pop_back();
  }
  void emitSimple(Opcode Op);
  void emitLocalGet(uint32_t Slot);
  void emitConditional(bool IfTrue);
  uint32_t here() const { return uint32_t(Code.size()); }
  void emitJumpTo(Ctrl &C);
  void patchChain(uint32_t Head, uint32_t Target);
  void patch(uint32_t At, uint32_t Target) {
    Code[At] = uint32_t(int32_t(Target) - int32_t(At));
  }
  void emitBranch(uint32_t Depth, bool Conditional);
  void emitBranchEntry(uint32_t Depth);

  void push(ValType T) {
    Types.push_back(T);
    Height += slotCount(T);
    MaxHeight = std::max(MaxHeight, Height);
  }
  void push(std::span<const ValType> Ts) {
    for (ValType T : Ts)
      push(T);
  }
  ValType pop() {
    ValType T = Types.back();
    Types.pop_back();
    Height -= slotCount(T);
    return T;
  }
  void pop(size_t N) {
    while (N--)
      pop();
  }
  /// Resets the operand stack to C's base followed by Ts.
  void resetTo(const Ctrl &C, std::span<const ValType> Ts) {
    Types.resize(C.TypeBase);
    Height = C.HeightBase;
    push(Ts);
  }
  std::span<const ValType> labelTypes(const Ctrl &C) const {
    return C.Kind == Opcode::Loop ? C.Params : C.Results;
  }

  const Module &M;
  const ExecOptions &Opts;
  Reader R{nullptr, nullptr};
  InstrReader IR{R};
  Instr I;

  std::vector<uint32_t> Code;
  /// Code positions of the instructions emitted since the last label.
  std::vector<uint32_t> Starts;
  std::vector<ValType> LocalTypes;
  std::vector<uint32_t> LocalSlot;
  std::vector<ValType> Types;
  uint32_t Height = 0, MaxHeight = 0;
  std::vector<Ctrl> Ctrls;
  uint32_t ResultSlots = 0;
  /// Depth of blocks opened inside unreachable code being skipped.
  uint32_t SkipDepth = 0;
  /// With fuel: the cost of each metering segment, and the one code is in.
  std::vector<uint32_t> SegmentCosts;
  size_t Segment = 0;
};

void FunctionTranslator::blockSignature(
    const BlockType &B, std::span<const ValType> &Params,
    std::span<const ValType> &Results) const {
  Params = {};
  Results = {};
  if (B.K == BlockType::Value) {
    Results = singleton(B.Type);
  } else if (B.K == BlockType::TypeIndex) {
    Params = M.Types[B.Index].Params;
    Results = M.Types[B.Index].Results;
  }
}

void FunctionTranslator::pushCtrl(Opcode Kind) {
  Ctrl C;
  C.Kind = Kind;
  blockSignature(I.Block, C.Params, C.Results);
  C.TypeBase = uint32_t(Types.size() - C.Params.size());
  C.HeightBase = Height - slotsOf(C.Params);
  C.LoopHead = here();
  Ctrls.push_back(C);
  if (Kind == Opcode::Loop)
    barrier();
}

// A forward jump's offset word holds the previous link of its block's chain
// until the block's end patches it.
void FunctionTranslator::emitJumpTo(Ctrl &C) {
  if (C.Kind == Opcode::Loop) {
    word(0);
    patch(here() - 1, C.LoopHead);
    return;
  }
  word(C.FixupHead);
  C.FixupHead = here() - 1;
}

void FunctionTranslator::patchChain(uint32_t Head, uint32_t Target) {
  while (Head != NoFixup) {
    uint32_t Next = Code[Head];
    patch(Head, Target);
    Head = Next;
  }
}

void FunctionTranslator::emitBranch(uint32_t Depth, bool Conditional) {
  Ctrl &C = Ctrls[Ctrls.size() - 1 - Depth];
  uint32_t Keep = slotsOf(labelTypes(C));
  uint32_t Drop = Height - C.HeightBase - Keep;
  if (!Conditional && Depth == Ctrls.size() - 1) {
    emitOp(Opcode::Return);
    word(Keep);
    return;
  }
  if (Drop == 0) {
    if (Conditional)
      emitConditional(true);
    else
      emitOp(Opcode::Br);
    emitJumpTo(C);
    return;
  }
  emit(Conditional ? IOp::BrIfDrop : IOp::BrDrop);
  emitJumpTo(C);
  word(Drop);
  word(Keep);
}

void FunctionTranslator::emitBranchEntry(uint32_t Depth) {
  Ctrl &C = Ctrls[Ctrls.size() - 1 - Depth];
  uint32_t Keep = slotsOf(labelTypes(C));
  emitJumpTo(C);
  word(Height - C.HeightBase - Keep);
  word(Keep);
}

//===--- Superinstructions ------------------------------------------------===//

/// The `<op>Imm` form of an i32 binary operator, if it has one.
std::optional<IOp> immediateForm(Opcode Op) {
  switch (Op) {
  case Opcode::I32Add:
  case Opcode::I32Sub: return IOp::I32AddImm;
  case Opcode::I32Mul: return IOp::I32MulImm;
  case Opcode::I32And: return IOp::I32AndImm;
  case Opcode::I32Or: return IOp::I32OrImm;
  case Opcode::I32Xor: return IOp::I32XorImm;
  case Opcode::I32Shl: return IOp::I32ShlImm;
  case Opcode::I32ShrS: return IOp::I32ShrSImm;
  case Opcode::I32ShrU: return IOp::I32ShrUImm;
  default: return std::nullopt;
  }
}

/// The fused branch for an i32 comparison, taken when the comparison holds
/// (Negated: when it does not).
std::optional<IOp> compareBranch(IOp Cmp, bool Negated) {
  static const std::pair<IOp, IOp> Pairs[] = {
      {IOp::I32Eq, IOp::BrIfI32Eq},   {IOp::I32Ne, IOp::BrIfI32Ne},
      {IOp::I32LtS, IOp::BrIfI32LtS}, {IOp::I32GeS, IOp::BrIfI32GeS},
      {IOp::I32LtU, IOp::BrIfI32LtU}, {IOp::I32GeU, IOp::BrIfI32GeU},
      {IOp::I32GtS, IOp::BrIfI32GtS}, {IOp::I32LeS, IOp::BrIfI32LeS},
      {IOp::I32GtU, IOp::BrIfI32GtU}, {IOp::I32LeU, IOp::BrIfI32LeU}};
  // Each comparison sits next to its negation (entries 2k and 2k+1).
  for (size_t K = 0; K < std::size(Pairs); ++K)
    if (Pairs[K].first == Cmp)
      return Pairs[Negated ? K ^ 1 : K].second;
  return std::nullopt;
}

void FunctionTranslator::emitSimple(Opcode Op) {
  std::optional<IOp> Imm = immediateForm(Op);
  if (!Imm || !lastIs(IOp::I32Const)) {
    emitOp(Op);
    return;
  }
  uint32_t C = lastImm(0);
  if (Op == Opcode::I32Sub)
    C = 0u - C;
  dropLast();
  if (*Imm == IOp::I32AddImm && lastIs(IOp::LocalGet)) {
    uint32_t Slot = lastImm(0);
    dropLast();
    emit(IOp::I32AddLocalImm);
    word(Slot);
  } else {
    emit(*Imm);
  }
  word(C);
}

void FunctionTranslator::emitLocalGet(uint32_t Slot) {
  if (lastIs(IOp::LocalGet) || lastIs(IOp::LocalSet)) {
    IOp Fused = lastIs(IOp::LocalGet) ? IOp::LocalGet2 : IOp::LocalSetGet;
    uint32_t First = lastImm(0);
    dropLast();
    emit(Fused);
    word(First);
  } else {
    emitOp(Opcode::LocalGet);
  }
  word(Slot);
}

/// Emits the opcode of a conditional jump (the caller adds its offset)
/// taken when the i32 on top is non-zero (IfTrue) or zero, absorbing an
/// i32.eqz or i32 comparison just before it.
void FunctionTranslator::emitConditional(bool IfTrue) {
  bool Negated = !IfTrue;
  if (lastIs(IOp::I32Eqz)) {
    dropLast();
    Negated = !Negated;
  }
  if (!Starts.empty())
    if (auto Fused = compareBranch(IOp(Code[Starts.back()]), Negated)) {
      dropLast();
      emit(*Fused);
      return;
    }
  emit(Negated ? IOp::BrUnless : IOp::BrIf);
}

void FunctionTranslator::translateElse() {
  Ctrl &C = Ctrls.back();
  if (!C.Unreachable) {
    emitOp(Opcode::Br);
    emitJumpTo(C);
  }
  patch(C.ElseFixup, here());
  barrier();
  C.ElseFixup = NoFixup;
  C.Kind = Opcode::Else;
  C.Unreachable = false;
  resetTo(C, C.Params);
}

void FunctionTranslator::translateEnd() {
  Ctrl &C = Ctrls.back();
  if (C.ElseFixup != NoFixup)
    patch(C.ElseFixup, here());
  patchChain(C.FixupHead, here());
  barrier();
  if (Ctrls.size() == 1) {
    emitOp(Opcode::Return);
    word(ResultSlots);
    Ctrls.pop_back();
    return;
  }
  Ctrl Done = C;
  Ctrls.pop_back();
  resetTo(Done, Done.Results);
}

Status FunctionTranslator::translate(uint32_t DefIndex, CompiledFunc &Out) {
  const Function &F = M.Functions[DefIndex];
  const FuncType &FT = M.Types[F.TypeIndex];

  LocalTypes.assign(FT.Params.begin(), FT.Params.end());
  for (const LocalGroup &G : F.Locals)
    LocalTypes.insert(LocalTypes.end(), G.Count, G.Type);
  LocalSlot.clear();
  uint32_t Slots = 0;
  for (size_t L = 0; L < LocalTypes.size(); ++L) {
    LocalSlot.push_back(Slots);
    Slots += slotCount(LocalTypes[L]);
    if (L + 1 == FT.Params.size())
      Out.ParamSlots = Slots;
  }
  Out.LocalSlots = Slots - Out.ParamSlots;
  ResultSlots = Out.ResultSlots = slotsOf(FT.Results);

  Code.clear();
  Starts.clear();
  Types.clear();
  Ctrls.clear();
  Height = MaxHeight = Slots;
  SkipDepth = 0;
  Ctrl Func;
  Func.Kind = Opcode::Block;
  Func.TypeBase = 0;
  Func.HeightBase = Slots;
  Func.Results = FT.Results;
  Ctrls.push_back(Func);

  if (Opts.Fuel) {
    auto Costs = segmentCosts(M, DefIndex);
    if (!Costs)
      return Costs.takeError();
    SegmentCosts = Costs.take();
    Segment = 0;
    meterSegment(0);
  }

  const uint8_t *Begin = M.data(F.Body);
  R = Reader(Begin, Begin + F.Body.Size, F.Body.Offset);
  while (!Ctrls.empty())
    WASMC_TRY(translateInstr());

  Out.Code = std::move(Code);
  Out.FrameSlots =
      std::max(MaxHeight, Out.ParamSlots + Out.LocalSlots + Out.ResultSlots);
  return Status::success();
}

void FunctionTranslator::meterSegment(size_t K) {
  if (Ctrls.empty() || Ctrls.back().Unreachable)
    return;
  emit(IOp::Fuel);
  word(SegmentCosts[K]);
}

Status FunctionTranslator::translateInstr() {
  WASMC_TRY(IR.read(I));
  if (Ctrls.back().Unreachable) {
    skipUnreachable();
  } else {
    WASMC_TRY(translateReachable());
    if (Opts.CanonicalNaN && mayYieldUnspecifiedNaN(I.Op))
      emit(sigInfo(opInfo(I.Op).Signature).Result == ValType::F32
               ? IOp::F32Canon
               : IOp::F64Canon);
  }
  if (Opts.Fuel && endsSegment(I.Op))
    meterSegment(++Segment);
  return Status::success();
}

void FunctionTranslator::skipUnreachable() {
  switch (I.Op) {
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If: ++SkipDepth; return;
  case Opcode::Else:
    if (SkipDepth == 0)
      translateElse();
    return;
  case Opcode::End:
    if (SkipDepth == 0)
      translateEnd();
    else
      --SkipDepth;
    return;
  default: return;
  }
}

Status FunctionTranslator::translateReachable() {
  Opcode Op = I.Op;
  if (opInfo(Op).Feat == Feature::Simd)
    return unsupportedSimd(I.Offset, opName(Op));

  switch (Op) {
  //===--- Control ------------------------------------------------------===//
  case Opcode::Nop: return Status::success();
  case Opcode::Unreachable:
    emitOp(Op);
    Ctrls.back().Unreachable = true;
    return Status::success();
  case Opcode::Block:
  case Opcode::Loop: pushCtrl(Op); return Status::success();
  case Opcode::If:
    pop();
    emitConditional(false);
    word(NoFixup);
    pushCtrl(Op);
    Ctrls.back().ElseFixup = here() - 1;
    return Status::success();
  case Opcode::Else: translateElse(); return Status::success();
  case Opcode::End: translateEnd(); return Status::success();
  case Opcode::Br:
    emitBranch(I.Index, false);
    Ctrls.back().Unreachable = true;
    return Status::success();
  case Opcode::BrIf:
    pop();
    emitBranch(I.Index, true);
    return Status::success();
  case Opcode::BrTable: {
    pop();
    emitOp(Op);
    word(I.NumTargets);
    for (uint32_t T = 0; T < I.NumTargets; ++T)
      emitBranchEntry(I.Targets[T]);
    emitBranchEntry(I.Index);
    Ctrls.back().Unreachable = true;
    return Status::success();
  }
  case Opcode::Return:
    emitOp(Op);
    word(ResultSlots);
    Ctrls.back().Unreachable = true;
    return Status::success();
  case Opcode::Call:
  case Opcode::CallIndirect: {
    if (Op == Opcode::CallIndirect)
      pop();
    const FuncType &T =
        M.Types[Op == Opcode::Call ? M.funcTypeIndex(I.Index) : I.Index];
    pop(T.Params.size());
    push(T.Results);
    emitOp(Op);
    word(I.Index);
    if (Op == Opcode::CallIndirect)
      word(I.Index2);
    return Status::success();
  }

  //===--- Parametric and variables -------------------------------------===//
  case Opcode::Drop:
    pop();
    emitOp(Op);
    return Status::success();
  case Opcode::Select:
  case Opcode::SelectT: {
    pop();
    pop();
    ValType T = pop();
    push(T);
    emitOp(Opcode::Select);
    return Status::success();
  }
  case Opcode::LocalGet:
    push(LocalTypes[I.Index]);
    emitLocalGet(LocalSlot[I.Index]);
    return Status::success();
  case Opcode::LocalSet:
  case Opcode::LocalTee:
    if (Op == Opcode::LocalSet)
      pop();
    emitOp(Op);
    word(LocalSlot[I.Index]);
    return Status::success();
  case Opcode::GlobalGet:
  case Opcode::GlobalSet:
    if (Op == Opcode::GlobalGet)
      push(M.globalType(I.Index).Type);
    else
      pop();
    emitOp(Op);
    word(I.Index);
    return Status::success();

  //===--- References and tables ----------------------------------------===//
  case Opcode::RefNull:
    push(I.Type);
    emitOp(Op);
    return Status::success();
  case Opcode::RefIsNull:
    pop();
    push(ValType::I32);
    emitOp(Op);
    return Status::success();
  case Opcode::RefFunc:
    push(ValType::FuncRef);
    emitOp(Op);
    word(I.Index);
    return Status::success();
  case Opcode::TableGet:
    pop();
    push(M.tableType(I.Index).Elem);
    emitOp(Op);
    word(I.Index);
    return Status::success();
  case Opcode::TableSet:
    pop(2);
    emitOp(Op);
    word(I.Index);
    return Status::success();
  case Opcode::TableGrow:
    pop(2);
    push(ValType::I32);
    emitOp(Op);
    word(I.Index);
    return Status::success();
  case Opcode::TableFill:
    pop(3);
    emitOp(Op);
    word(I.Index);
    return Status::success();
  default: return translateGeneric();
  }
}

// Instructions typed by their Sigs.def signature; only their immediates
// differ.
Status FunctionTranslator::translateGeneric() {
  const OpInfo &Info = opInfo(I.Op);
  const SigInfo &S = sigInfo(Info.Signature);
  pop(S.NumParams);
  if (S.HasResult)
    push(S.Result);
  if (Info.Imm == ImmKind::None) {
    emitSimple(I.Op);
    return Status::success();
  }
  emitOp(I.Op);
  switch (Info.Imm) {
  case ImmKind::Memory:
  case ImmKind::MemoryCopy: break;
  case ImmKind::MemArg1:
  case ImmKind::MemArg2:
  case ImmKind::MemArg4:
  case ImmKind::MemArg8: word(uint32_t(I.MemOffset)); break;
  case ImmKind::I32:
  case ImmKind::F32: word(uint32_t(I.Bits)); break;
  case ImmKind::I64:
  case ImmKind::F64:
    word(uint32_t(I.Bits));
    word(uint32_t(I.Bits >> 32));
    break;
  case ImmKind::Table:
  case ImmKind::Data:
  case ImmKind::Elem:
  case ImmKind::MemoryInit: word(I.Index); break;
  case ImmKind::TableInit:
  case ImmKind::TableCopy:
    word(I.Index);
    word(I.Index2);
    break;
  default:
    return makeError(ErrorKind::Internal, I.Offset,
                     std::string("no translation for ") + opName(I.Op));
  }
  return Status::success();
}

} // namespace

Result<std::shared_ptr<ModuleCode>>
translateModule(std::shared_ptr<const Module> M, const ExecOptions &Opts) {
  WASMC_TRY(checkNoV128(*M));
  auto Out = std::make_shared<ModuleCode>();
  Out->M = M;
  Out->Funcs.resize(M->Functions.size());
  FunctionTranslator T(*M, Opts);
  for (uint32_t F = 0; F < M->Functions.size(); ++F) {
    Status S = T.translate(F, Out->Funcs[F]);
    if (!S) {
      WasmError E = S.takeError();
      E.Context = M->describeFunc(M->NumImportedFuncs + F);
      return E;
    }
  }
  return Out;
}

} // namespace wasmc::interp
