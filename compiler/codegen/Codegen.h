//===--- Codegen.h - Optimization pipeline and object emission ------------===//
//
/// \file
/// From an llvm::Module produced by the lowering to machine code in memory:
/// a TargetMachine for the host or a given triple, LLVM's new pass manager
/// at -O0..-O3, and object or assembly emission. Knows nothing of Wasm.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/CodeGen.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>

namespace wasmc::codegen {

struct CodegenOptions {
  std::string Triple;    ///< empty: the host
  unsigned OptLevel = 2; ///< 0..3
  /// Position-independent code, for shared objects (the spec runner loads
  /// compiled modules with dlopen).
  bool PIC = false;
};

/// Initializes the native target (idempotent) and creates a TargetMachine.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CodegenOptions &Opts);

/// Sets M's triple and data layout from TM. Call before lowering into M.
void configureModule(llvm::Module &M, const llvm::TargetMachine &TM);

/// Runs the standard per-module pipeline for OptLevel.
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM, unsigned OptLevel);

/// Emits an object file (or assembly) for M into a buffer.
llvm::Expected<llvm::SmallVector<char, 0>>
emitCode(llvm::Module &M, llvm::TargetMachine &TM, llvm::CodeGenFileType Kind);

} // namespace wasmc::codegen
