//===--- Trampolines.h - Generic callers, one per function type -----------===//
//
/// \file
/// The runtime and hosts call Wasm functions of any type through an
/// rt_invoke_fn: `void invoke(const void *code, rt_instance *inst,
/// rt_value *vals)` reads the params from vals[0..n), calls code, and writes
/// the results to vals[0..m). This emits one per distinct function type of
/// the module's defined functions.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/Function.h"

#include <vector>

namespace wasmc::lower {

class LoweringContext;

/// The invoke trampoline of each defined function (index minus imports);
/// functions of structurally equal types share one.
std::vector<llvm::Function *> emitInvokeTrampolines(LoweringContext &LC);

} // namespace wasmc::lower
