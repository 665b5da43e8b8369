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
#include <vector>

namespace wasmc::codegen {

struct CodegenOptions {
  std::string Triple;    ///< empty: the host
  unsigned OptLevel = 2; ///< 0..3
  /// Position-independent code, for shared objects (the spec runner loads
  /// compiled modules with dlopen).
  bool PIC = false;
  /// Threads for emitObjects; 0: std::thread::hardware_concurrency().
  unsigned Threads = 0;
};

/// Initializes the native target (idempotent) and creates a TargetMachine.
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CodegenOptions &Opts);

/// Sets M's triple and data layout from TM. Call before lowering into M.
void configureModule(llvm::Module &M, const llvm::TargetMachine &TM);

/// The number of IR instructions in M's functions: how this library sizes
/// modules (inline threshold, parallel code generation).
size_t instructionCount(const llvm::Module &M);

/// Runs the standard per-module pipeline for OptLevel.
void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM, unsigned OptLevel);

/// Emits an object file (or assembly) for M into a buffer.
llvm::Expected<llvm::SmallVector<char, 0>>
emitCode(llvm::Module &M, llvm::TargetMachine &TM, llvm::CodeGenFileType Kind);

/// Emits the optimized M as object files to be linked together: one, from
/// TM, when M is small; otherwise M is split by function into up to
/// Opts.Threads parts (each large enough to be worth a thread) whose code is
/// generated in parallel, each in its own LLVMContext and TargetMachine
/// created from Opts; M's local symbols then become hidden globals.
llvm::Expected<std::vector<llvm::SmallVector<char, 0>>>
emitObjects(llvm::Module &M, llvm::TargetMachine &TM, const CodegenOptions &Opts);

} // namespace wasmc::codegen
