//===--- ModuleInfo.h - The rt_module_info constant -----------------------===//
//
/// \file
/// Emits `wasmc_module_info`, the constant rt_module_info that tells the
/// runtime everything it needs to instantiate the compiled module, and the
/// reference to `rt_abi_v<N>` that ties the object to one ABI version.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/IR/Function.h"
#include "llvm/Support/Error.h"

namespace wasmc::lower {

class LoweringContext;

/// Emits the module description. Invokes[i] is the invoke trampoline of
/// defined function i. Arrays with no elements are null pointers; names
/// always point to bytes (an empty string if unnamed). Fails only for
/// constant expressions the ABI cannot represent (v128).
llvm::Error emitModuleInfo(LoweringContext &LC,
                           llvm::ArrayRef<llvm::Function *> Invokes);

} // namespace wasmc::lower
