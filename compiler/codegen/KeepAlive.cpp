//===--- KeepAlive.cpp - Resolution of @wasmc.keepalive calls -------------===//
#include "codegen/KeepAlive.h"

#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

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
    // Other uses keep the value, and so the load, alive.
    if (!V->use_empty())
      continue;
    if (auto *Load = llvm::dyn_cast<llvm::LoadInst>(V))
      Load->setVolatile(true);
    // A keepalive of anything else (a value the optimizer already folded)
    // guards nothing that can trap.
  }
  return !Calls.empty();
}

llvm::PreservedAnalyses ResolveKeepAlivesPass::run(llvm::Function &F,
                                                  llvm::FunctionAnalysisManager &) {
  return resolveKeepAlives(F) ? llvm::PreservedAnalyses::none()
                              : llvm::PreservedAnalyses::all();
}

} // namespace wasmc::codegen
