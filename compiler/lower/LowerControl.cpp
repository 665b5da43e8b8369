//===--- LowerControl.cpp - Dispatch and structured control flow ----------===//
//
/// \file
/// The dispatch switch, generated from Opcodes.def, and the handlers of
/// structured control flow.
///
/// Model. The operand stack holds SSA values; the control stack holds one
/// frame per open block, loop or if, with the operand stack height below
/// its params. Each label is a basic block whose phis receive the label's
/// values from every branch:
///   - a loop's label is its header, created at `loop` with one phi per
///     param (incoming: the entry values, then each backward branch);
///   - a block's or if's label is its merge block after `end`, created with
///     one phi per result on the *first* branch to it. A block that nothing
///     branches to needs no merge at all: its fallthrough values simply stay
///     on the operand stack and code continues in the current LLVM block.
///     This keeps the common `block ... end` free of empty blocks and
///     single-input phis even at -O0.
/// `if` without `else` behaves as if it had an empty else arm, which passes
/// the params through as results (the validator requires equal types).
///
/// Unreachable code. After br, br_table, return and unreachable the rest of
/// the frame cannot execute; FunctionLowering::skipUnreachable reads it
/// without emitting anything until the frame's `else` or `end`, so dead code
/// costs neither IR nor phi inputs. Whether the code after `end` is
/// reachable is then decided by the frame: it is when the fallthrough was
/// reachable or some branch targets the merge.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

#include "lower/LowerError.h"

namespace wasmc::lower {

using llvm::BasicBlock;
using llvm::Value;

//===--- Dispatch ---------------------------------------------------------===//

static llvm::Error simdUnsupported(const Instr &I) {
  return makeLlvmError(ErrorKind::Unsupported, I.Offset,
                   std::string("SIMD is not yet supported by the AOT backend (") +
                       opName(I.Op) + ")");
}

llvm::Error FunctionLowering::dispatch(const Instr &I) {
  switch (I.Op) {
#define WASMC_HANDLED(Name)                                                    \
  case Opcode::Name:                                                           \
    lower##Name(I);                                                            \
    return takeFailure();
#define WASMC_FEATURE_Mvp(Name) WASMC_HANDLED(Name)
#define WASMC_FEATURE_SignExt(Name) WASMC_HANDLED(Name)
#define WASMC_FEATURE_SatConv(Name) WASMC_HANDLED(Name)
#define WASMC_FEATURE_BulkMemory(Name) WASMC_HANDLED(Name)
#define WASMC_FEATURE_RefTypes(Name) WASMC_HANDLED(Name)
#define WASMC_FEATURE_Simd(Name)                                               \
  case Opcode::Name:                                                           \
    return simdUnsupported(I);
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature)                   \
  WASMC_FEATURE_##Feature(Name)
#include "wasm/Opcodes.def"
#undef WASMC_FEATURE_Mvp
#undef WASMC_FEATURE_SignExt
#undef WASMC_FEATURE_SatConv
#undef WASMC_FEATURE_BulkMemory
#undef WASMC_FEATURE_RefTypes
#undef WASMC_FEATURE_Simd
#undef WASMC_HANDLED
  }
  return makeLlvmError(ErrorKind::Internal, I.Offset, "opcode without a handler");
}

//===--- Frames and labels ------------------------------------------------===//

bool FunctionLowering::blockArity(const Instr &I, uint32_t &NumParams,
                                  uint32_t &NumResults) {
  NumParams = NumResults = 0;
  switch (I.Block.K) {
  case BlockType::Empty:
    return true;
  case BlockType::Value:
    if (I.Block.Type == ValType::V128) {
      fail(wasmc::makeError(ErrorKind::Unsupported, I.Offset,
                            "SIMD is not yet supported by the AOT backend "
                            "(v128 block result)"));
      return false;
    }
    NumResults = 1;
    return true;
  case BlockType::TypeIndex: {
    // Module-wide checks already rejected types that mention v128.
    const FuncType &FT = LC.WM.Types[I.Block.Index];
    NumParams = uint32_t(FT.Params.size());
    NumResults = uint32_t(FT.Results.size());
    return true;
  }
  }
  return false;
}

FunctionLowering::ControlFrame &
FunctionLowering::pushFrame(Opcode Kind, uint32_t NumParams, uint32_t NumResults) {
  ControlFrame &F = Ctrl.emplace_back();
  F.Kind = Kind;
  F.NumParams = NumParams;
  F.NumResults = NumResults;
  F.Height = Stack.size() - NumParams;
  return F;
}

BasicBlock *FunctionLowering::labelBlock(ControlFrame &F) {
  if (F.Target)
    return F.Target;
  // The merge block stays detached until `end` reaches it, so blocks are
  // laid out in program order. Phi types are those of the values of this
  // first branch: the validator made every branch agree with them.
  F.Target = BasicBlock::Create(LC.Ctx, "end");
  uint32_t N = F.arity();
  for (uint32_t K = 0; K < N; ++K)
    F.Phis.push_back(llvm::PHINode::Create(
        Stack[Stack.size() - N + K]->getType(), 2, "", F.Target));
  return F.Target;
}

void FunctionLowering::addIncoming(ControlFrame &F, BasicBlock *From) {
  uint32_t N = F.arity();
  for (uint32_t K = 0; K < N; ++K)
    F.Phis[K]->addIncoming(Stack[Stack.size() - N + K], From);
}

void FunctionLowering::branchTo(ControlFrame &F) {
  BasicBlock *Target = labelBlock(F);
  addIncoming(F, B.GetInsertBlock());
  B.CreateBr(Target);
}

void FunctionLowering::enterBlock(BasicBlock *BB) {
  if (!BB->getParent())
    BB->insertInto(Fn);
  B.SetInsertPoint(BB);
}

void FunctionLowering::markUnreachable() {
  Reachable = false;
  Stack.resize(Ctrl.back().Height);
}

void FunctionLowering::emitReturn() {
  if (LC.Opts.LimitCallDepth)
    leaveFrame();
  size_t N = Sig.Results.size();
  if (N == 0) {
    B.CreateRetVoid();
    return;
  }
  if (N == 1) {
    B.CreateRet(top());
    return;
  }
  llvm::Type *RetTy = Fn->getReturnType();
  Value *Agg = llvm::PoisonValue::get(RetTy);
  for (size_t K = 0; K < N; ++K)
    Agg = B.CreateInsertValue(Agg, Stack[Stack.size() - N + K], unsigned(K));
  B.CreateRet(Agg);
}

//===--- Blocks -----------------------------------------------------------===//

void FunctionLowering::lowerNop(const Instr &) {}

void FunctionLowering::lowerUnreachable(const Instr &) {
  Traps.trap(B, RT_TRAP_UNREACHABLE);
  markUnreachable();
}

void FunctionLowering::lowerBlock(const Instr &I) {
  uint32_t NumParams, NumResults;
  if (!blockArity(I, NumParams, NumResults))
    return;
  pushFrame(Opcode::Block, NumParams, NumResults);
}

void FunctionLowering::lowerLoop(const Instr &I) {
  uint32_t NumParams, NumResults;
  if (!blockArity(I, NumParams, NumResults))
    return;
  // The header is both the entry and the target of backward branches, so it
  // needs phis for the params from the start.
  BasicBlock *Header = BasicBlock::Create(LC.Ctx, "loop", Fn);
  BasicBlock *Pre = B.GetInsertBlock();
  B.CreateBr(Header);
  B.SetInsertPoint(Header);
  ControlFrame &F = pushFrame(Opcode::Loop, NumParams, NumResults);
  F.Target = Header;
  for (uint32_t K = 0; K < NumParams; ++K) {
    Value *&Slot = Stack[F.Height + K];
    llvm::PHINode *Phi = B.CreatePHI(Slot->getType(), 2);
    Phi->addIncoming(Slot, Pre);
    F.Phis.push_back(Phi);
    Slot = Phi;
  }
}

void FunctionLowering::lowerIf(const Instr &I) {
  uint32_t NumParams, NumResults;
  if (!blockArity(I, NumParams, NumResults))
    return;
  Value *Cond = B.CreateICmpNE(pop(), B.getInt32(0));
  BasicBlock *Then = BasicBlock::Create(LC.Ctx, "then", Fn);
  BasicBlock *Else = BasicBlock::Create(LC.Ctx, "else");
  B.CreateCondBr(Cond, Then, Else);
  ControlFrame &F = pushFrame(Opcode::If, NumParams, NumResults);
  F.Else = Else;
  F.IfParams.assign(Stack.end() - NumParams, Stack.end());
  B.SetInsertPoint(Then);
}

void FunctionLowering::lowerElse(const Instr &) {
  ControlFrame &F = Ctrl.back();
  if (Reachable)
    branchTo(F);
  Stack.resize(F.Height);
  Stack.insert(Stack.end(), F.IfParams.begin(), F.IfParams.end());
  enterBlock(F.Else);
  F.SeenElse = true;
  Reachable = true;
}

void FunctionLowering::lowerEnd(const Instr &I) {
  if (Ctrl.back().Kind == Opcode::If && !Ctrl.back().SeenElse)
    lowerElse(I); // the implicit empty else arm
  ControlFrame &F = Ctrl.back();
  // A loop's label is its header: `end` only falls through, with the
  // results on the stack if reachable.
  if (F.Kind != Opcode::Loop && F.Target) {
    if (Reachable)
      branchTo(F);
    enterBlock(F.Target);
    Stack.resize(F.Height);
    Stack.insert(Stack.end(), F.Phis.begin(), F.Phis.end());
    Reachable = true;
  }
  Ctrl.pop_back();
  if (Ctrl.empty() && Reachable)
    emitReturn();
}

//===--- Branches ---------------------------------------------------------===//

void FunctionLowering::lowerBr(const Instr &I) {
  branchTo(frameAt(I.Index));
  markUnreachable();
}

void FunctionLowering::lowerBrIf(const Instr &I) {
  Value *Cond = B.CreateICmpNE(pop(), B.getInt32(0));
  ControlFrame &F = frameAt(I.Index);
  BasicBlock *Target = labelBlock(F);
  addIncoming(F, B.GetInsertBlock());
  BasicBlock *Cont = BasicBlock::Create(LC.Ctx, "", Fn);
  B.CreateCondBr(Cond, Target, Cont);
  B.SetInsertPoint(Cont);
}

void FunctionLowering::lowerBrTable(const Instr &I) {
  Value *Index = pop();
  if (I.NumTargets == 0) {
    branchTo(frameAt(I.Index));
    markUnreachable();
    return;
  }
  // A phi needs one input per incoming edge, and a br_table may list the
  // same label thousands of times. With label values, each distinct label
  // is reached through one edge block of its own, so its phis get one input
  // however often the table repeats it.
  bool Direct = frameAt(I.Index).arity() == 0;
  std::vector<BasicBlock *> EdgeFor(Ctrl.size(), nullptr);
  BasicBlock *From = B.GetInsertBlock();
  auto Dest = [&](uint32_t Depth) {
    ControlFrame &F = frameAt(Depth);
    if (Direct)
      return labelBlock(F);
    BasicBlock *&Edge = EdgeFor[Depth];
    if (!Edge) {
      Edge = BasicBlock::Create(LC.Ctx, "br_table", Fn);
      B.SetInsertPoint(Edge);
      branchTo(F);
    }
    return Edge;
  };
  BasicBlock *Default = Dest(I.Index);
  std::vector<BasicBlock *> Cases(I.NumTargets);
  for (uint32_t K = 0; K < I.NumTargets; ++K)
    Cases[K] = Dest(I.Targets[K]);
  B.SetInsertPoint(From);
  llvm::SwitchInst *Switch = B.CreateSwitch(Index, Default, I.NumTargets);
  for (uint32_t K = 0; K < I.NumTargets; ++K)
    Switch->addCase(B.getInt32(K), Cases[K]);
  markUnreachable();
}

void FunctionLowering::lowerReturn(const Instr &) {
  emitReturn();
  markUnreachable();
}

} // namespace wasmc::lower
