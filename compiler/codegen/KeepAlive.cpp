//===--- KeepAlive.cpp - Resolution of @wasmc.keepalive calls -------------===//
#include "codegen/KeepAlive.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/Local.h"

namespace wasmc::codegen {

static constexpr const char *KeepAliveName = "wasmc.keepalive";

void emitKeepAlive(llvm::IRBuilderBase &B, llvm::Value *V) {
  llvm::Module &M = *B.GetInsertBlock()->getModule();
  llvm::Function *F = M.getFunction(KeepAliveName);
  if (!F) {
    auto *Ty = llvm::FunctionType::get(B.getVoidTy(), /*isVarArg=*/true);
    F = llvm::Function::Create(Ty, llvm::Function::ExternalLinkage, KeepAliveName, M);
    F->setDoesNotAccessMemory();
    F->setDoesNotThrow();
  }
  B.CreateCall(F, {V});
}

bool resolveKeepAlives(llvm::Function &F) {
  llvm::SmallVector<llvm::CallInst *, 16> Calls;
  for (llvm::Instruction &I : llvm::instructions(F))
    if (auto *Call = llvm::dyn_cast<llvm::CallInst>(&I))
      if (llvm::Function *Callee = Call->getCalledFunction())
        if (Callee->getName() == KeepAliveName)
          Calls.push_back(Call);
  for (llvm::CallInst *Call : Calls) {
    llvm::Value *V = Call->getArgOperand(0);
    Call->eraseFromParent();
    // A keepalive of anything but a load (a value the optimizer already
    // folded) guards nothing that can trap.
    auto *Load = llvm::dyn_cast<llvm::LoadInst>(V);
    if (!Load)
      continue;
    // Users that are dead themselves do not keep the load: at -O0 nothing
    // has deleted them yet (the zext of a dropped i32.load8_u), and
    // instruction selection would drop them together with the load. The
    // load is volatile while they go, so that it is not deleted with them.
    Load->setVolatile(true);
    // Deleting one user can delete another (a dead chain through two
    // users of the load), so hold them by tracking handles, not iterators.
    llvm::SmallVector<llvm::WeakTrackingVH, 4> Users(Load->user_begin(),
                                                     Load->user_end());
    llvm::RecursivelyDeleteTriviallyDeadInstructionsPermissive(Users);
    // Live users keep the value, and so the load, alive.
    if (!Load->use_empty())
      Load->setVolatile(false);
  }
  return !Calls.empty();
}

llvm::PreservedAnalyses ResolveKeepAlivesPass::run(llvm::Function &F,
                                                  llvm::FunctionAnalysisManager &) {
  return resolveKeepAlives(F) ? llvm::PreservedAnalyses::none()
                              : llvm::PreservedAnalyses::all();
}

} // namespace wasmc::codegen
