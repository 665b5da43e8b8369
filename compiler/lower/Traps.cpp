//===--- Traps.cpp - Trap blocks of one function --------------------------===//
//
/// \file
/// Implements TrapEmitter. Trap blocks are created detached and appended by
/// finish(), so they sit after all code of the function and never split the
/// hot path in the block layout.
//
//===----------------------------------------------------------------------===//
#include "lower/Traps.h"

#include "lower/LoweringContext.h"

#include "llvm/IR/MDBuilder.h"

namespace wasmc::lower {

TrapEmitter::TrapEmitter(LoweringContext &LC, llvm::Function &Fn,
                         uint32_t FuncIndex)
    : LC(LC), Fn(Fn), FuncIndex(FuncIndex),
      ColdWeights(llvm::MDBuilder(LC.Ctx).createUnlikelyBranchWeights()) {}

llvm::BasicBlock *TrapEmitter::blockFor(rt_trap_code Code) {
  llvm::BasicBlock *&BB = Blocks[Code];
  if (BB)
    return BB;
  BB = llvm::BasicBlock::Create(LC.Ctx, "trap");
  llvm::IRBuilder<> TB(BB);
  llvm::CallInst *Call = TB.CreateCall(
      LC.Rt.Trap, {Fn.getArg(0), TB.getInt32(Code), TB.getInt32(FuncIndex)});
  Call->setDoesNotReturn();
  TB.CreateUnreachable();
  return BB;
}

void TrapEmitter::trapIf(llvm::IRBuilder<> &B, llvm::Value *Cond,
                         rt_trap_code Code) {
  llvm::BasicBlock *Cont = llvm::BasicBlock::Create(LC.Ctx, "", &Fn);
  B.CreateCondBr(Cond, blockFor(Code), Cont, ColdWeights);
  B.SetInsertPoint(Cont);
}

void TrapEmitter::trapIfWithDetail(llvm::IRBuilder<> &B, llvm::Value *Cond,
                                   rt_trap_code Code, llvm::Value *Detail) {
  llvm::BasicBlock *&BB = DetailBlocks[Code];
  if (!BB) {
    BB = llvm::BasicBlock::Create(LC.Ctx, "trap.detail");
    llvm::IRBuilder<> TB(BB);
    Details[Code] = TB.CreatePHI(LC.Abi.I32, 2, "detail");
    llvm::CallInst *Call =
        TB.CreateCall(LC.Rt.TrapDetail, {Fn.getArg(0), TB.getInt32(Code),
                                         TB.getInt32(FuncIndex), Details[Code]});
    Call->setDoesNotReturn();
    TB.CreateUnreachable();
  }
  Details[Code]->addIncoming(Detail, B.GetInsertBlock());
  llvm::BasicBlock *Cont = llvm::BasicBlock::Create(LC.Ctx, "", &Fn);
  B.CreateCondBr(Cond, BB, Cont, ColdWeights);
  B.SetInsertPoint(Cont);
}

void TrapEmitter::trapIfNonZero(llvm::IRBuilder<> &B, llvm::Value *Code) {
  if (!DynamicBlock) {
    DynamicBlock = llvm::BasicBlock::Create(LC.Ctx, "trap.dyn");
    llvm::IRBuilder<> TB(DynamicBlock);
    DynamicCode = TB.CreatePHI(LC.Abi.I32, 2, "code");
    llvm::CallInst *Call = TB.CreateCall(
        LC.Rt.Trap, {Fn.getArg(0), DynamicCode, TB.getInt32(FuncIndex)});
    Call->setDoesNotReturn();
    TB.CreateUnreachable();
  }
  DynamicCode->addIncoming(Code, B.GetInsertBlock());
  llvm::BasicBlock *Cont = llvm::BasicBlock::Create(LC.Ctx, "", &Fn);
  B.CreateCondBr(B.CreateICmpNE(Code, B.getInt32(RT_TRAP_NONE)), DynamicBlock,
                 Cont, ColdWeights);
  B.SetInsertPoint(Cont);
}

void TrapEmitter::trap(llvm::IRBuilder<> &B, rt_trap_code Code) {
  B.CreateBr(blockFor(Code));
}

void TrapEmitter::finish() {
  for (llvm::BasicBlock *BB : Blocks)
    if (BB)
      BB->insertInto(&Fn);
  for (llvm::BasicBlock *BB : DetailBlocks)
    if (BB)
      BB->insertInto(&Fn);
  if (DynamicBlock)
    DynamicBlock->insertInto(&Fn);
}

} // namespace wasmc::lower
