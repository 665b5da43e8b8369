//===--- NoWrapVersioning.h - 64-bit addresses for loops that do not wrap -===//
//
/// \file
/// A Wasm address is `base + zext(X)` with X an i32 that wraps modulo 2^32.
/// In a loop X is typically an add-recurrence {S,+,C}, but zext of a
/// recurrence that may wrap is not a recurrence, so LLVM sees neither that
/// consecutive iterations touch consecutive bytes (no contiguous or
/// interleaved vector accesses, only gathers and scatters) nor that the
/// address can live in a 64-bit register (an extra 32-bit `lea` per access).
///
/// This pass versions such innermost loops on a runtime check, done once
/// before the loop, that no X wraps in any iteration: from the trip count,
/// S and C, every value X takes is known, so the check is exact. The
/// checked copy computes each address as the 64-bit recurrence
/// `base + {zext(S),+,C}`, which it equals when nothing wraps; the other copy
/// is the original loop, unchanged, so a wrapping address still wraps (and
/// a faulting one still traps) exactly as before.
///
/// All of a loop's accesses share one underlying object, Wasm's memory, so
/// the loop vectorizer must also check at run time that they do not
/// overlap; it compares every pair of pointers, including a[i] with
/// a[i+1] of a loop the Wasm producer already unrolled, and that check
/// always fails. So the same check also proves that the byte ranges of
/// accesses with different starts are disjoint when one is stored to, and
/// the checked copy tells alias analysis so with scoped noalias metadata.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/PassManager.h"

namespace wasmc::codegen {

struct NoWrapVersioningPass : llvm::PassInfoMixin<NoWrapVersioningPass> {
  llvm::PreservedAnalyses run(llvm::Function &F, llvm::FunctionAnalysisManager &FAM);
};

} // namespace wasmc::codegen
