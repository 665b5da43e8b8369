//===--- BoundsCheck.h - Linear memory addresses and their checks ---------===//
//
/// \file
/// The only code that turns a Wasm (index, offset, size) into a machine
/// address. Handlers call memoryAddress and never look at the bounds mode.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/Instructions.h"

#include <cstdint>

namespace wasmc::lower {

class FunctionLowering;

/// Address of the Size-byte access at i32 Index + Offset in memory 0, after
/// whatever check the function's bounds mode requires (which may trap with
/// RT_TRAP_MEMORY_OOB). Index is always zero-extended.
llvm::Value *memoryAddress(FunctionLowering &FL, llvm::Value *Index,
                           uint64_t Offset, unsigned Size);

/// Called with every load of linear memory: in guard mode, where the fault
/// of the access itself is the trap, keeps LLVM from deleting the load when
/// its value is unused (see BoundsCheck.cpp).
void keepAccessAlive(FunctionLowering &FL, llvm::LoadInst *Load);

} // namespace wasmc::lower
