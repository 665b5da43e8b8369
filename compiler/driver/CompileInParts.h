//===--- CompileInParts.h - Large modules compiled a part at a time -------===//
//
/// \file
/// A large module is cut into parts (lower::planParts) that are each
/// lowered, optimized and emitted as an object in a context of their own,
/// by a few threads, and freed before the next: peak memory is that of a
/// few parts, not of the whole module as one LLVM module.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "codegen/Codegen.h"
#include "lower/ModuleLowering.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace wasmc::driver {

/// Object files in the temporary directory, removed with this object.
class TemporaryObjects {
public:
  explicit TemporaryObjects(size_t N) : Paths(N) {}
  TemporaryObjects(const TemporaryObjects &) = delete;
  TemporaryObjects &operator=(const TemporaryObjects &) = delete;
  ~TemporaryObjects();

  /// Writes Bytes as object I; threads may write distinct objects at once.
  llvm::Error write(size_t I, llvm::StringRef Bytes);
  const std::vector<std::string> &paths() const { return Paths; }

private:
  std::vector<std::string> Paths;
};

/// Compiles every part of Plan into Objects (one per part, in plan order,
/// so equal inputs link to equal executables) with CG.Threads threads (0:
/// one per core). AddToInfoPart runs on the module-info part's IR before
/// it is optimized. The first failing part's error is returned.
llvm::Error compileInParts(const ValidatedModule &VM, const lower::PartPlan &Plan,
                           const lower::LowerOptions &LO,
                           const codegen::CodegenOptions &CG,
                           llvm::function_ref<void(llvm::Module &)> AddToInfoPart,
                           TemporaryObjects &Objects);

} // namespace wasmc::driver
