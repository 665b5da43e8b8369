//===--- AotCompiler.h - Compiling a module and loading it with dlopen ----===//
//
/// \file
/// The path from a validated module to an rt_module_info in this process,
/// through the same stages as `wasmc`: lowerModule, optimizeModule,
/// emitCode (position independent), linkWithLld into a shared object, then
/// dlopen. Used by the spec runner's AOT engine and the determinism tests.
/// The shared object's undefined rt_* references resolve to the runtime-lib
/// linked whole into the executable, which must export its symbols
/// (ENABLE_EXPORTS), so compiled code and its host share one runtime.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lower/ModuleLowering.h"
#include "wasm/Error.h"
#include "wasm/Validator.h"

#include "rt/abi.h"

#include <cstdint>
#include <memory>
#include <string>

namespace wasmc::aot {

/// A compiled module loaded into the process; dlcloses it when destroyed,
/// so it must outlive every instance made from it.
class LoadedModule {
public:
  explicit LoadedModule(void *Handle, const rt_module_info *Info)
      : Handle(Handle), Info(Info) {}
  ~LoadedModule();
  LoadedModule(const LoadedModule &) = delete;
  LoadedModule &operator=(const LoadedModule &) = delete;

  const rt_module_info &info() const { return *Info; }

private:
  void *Handle;
  const rt_module_info *Info;
};

class AotCompiler {
public:
  /// Every module is lowered with Options and optimized at OptLevel (0..3).
  static Result<std::unique_ptr<AotCompiler>>
  create(const lower::LowerOptions &Options, unsigned OptLevel);
  ~AotCompiler();
  AotCompiler(const AotCompiler &) = delete;
  AotCompiler &operator=(const AotCompiler &) = delete;

  /// Compiles, links and loads M. Errors: Unsupported (SIMD) as the
  /// lowering reports it, Internal for any failure of a later stage.
  Result<std::unique_ptr<LoadedModule>> load(const ValidatedModule &M);

  /// Starts a new LLVMContext, releasing the types and constants the
  /// modules compiled so far left in the old one. Call between batches
  /// of modules, such as the spec runner's script files.
  void releaseContext();

private:
  AotCompiler() = default;

  lower::LowerOptions Options;
  unsigned OptLevel = 2;
  std::unique_ptr<llvm::TargetMachine> TM;
  std::unique_ptr<llvm::LLVMContext> Ctx;
  /// Private directory for the object and shared object of each module;
  /// both are deleted as soon as the shared object is loaded.
  std::string TempDir;
  /// Gives every shared object a new path: dlopen returns the already
  /// loaded object for a path it has seen, even if the file was replaced.
  uint64_t Serial = 0;
};

} // namespace wasmc::aot
