//===--- KeepAlive.h - Keeping loads that may trap from being deleted -----===//
//
/// \file
/// With guard pages, an out-of-bounds Wasm load traps only if it executes,
/// but LLVM deletes loads whose values are unused. The lowering therefore
/// follows each guard-mode load with `call @wasmc.keepalive(value)`: a call
/// that touches no memory (so alias analysis, GVN and LICM see through it)
/// but is not `willreturn`, so neither it nor the load can be removed.
/// Just before vectorization, when inlining and scalar simplification are
/// done, keepalives whose load still has another use are dropped (the load
/// is live anyway, and vectorizes as usual); the rest make their load
/// volatile. At -O0 the same resolution runs at the end.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/PassManager.h"

namespace wasmc::codegen {

/// Emits `call @wasmc.keepalive(V)`.
void emitKeepAlive(llvm::IRBuilderBase &B, llvm::Value *V);

/// Resolves every keepalive in F as described above; returns true if F
/// changed.
bool resolveKeepAlives(llvm::Function &F);

struct ResolveKeepAlivesPass : llvm::PassInfoMixin<ResolveKeepAlivesPass> {
  llvm::PreservedAnalyses run(llvm::Function &F, llvm::FunctionAnalysisManager &);
};

} // namespace wasmc::codegen
