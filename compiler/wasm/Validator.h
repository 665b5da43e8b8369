//===--- Validator.h - Spec validation of a decoded module ----------------===//
//
/// \file
/// validateModule applies every validation rule of Wasm 2.0 to a Module and,
/// when it holds, wraps it in a ValidatedModule: the only way later stages
/// (interpreter, lowering) receive a module, so they may assume validity.
/// Errors are Invalid; a module whose code bodies are also malformed reports
/// the Malformed error instead, as the spec orders decoding before
/// validation.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Module.h"

#include <memory>

namespace wasmc {

class ValidatedModule {
public:
  const Module &module() const { return *M; }
  const Module *operator->() const { return M.get(); }
  /// Shared ownership, for instances that outlive the caller's handle.
  std::shared_ptr<const Module> shared() const { return M; }

private:
  explicit ValidatedModule(std::shared_ptr<const Module> M) : M(std::move(M)) {}
  friend Result<ValidatedModule> validateModule(std::unique_ptr<Module> M);
  std::shared_ptr<const Module> M;
};

Result<ValidatedModule> validateModule(std::unique_ptr<Module> M);

/// decodeModule followed by validateModule.
Result<ValidatedModule> loadModule(std::vector<uint8_t> Bytes);

} // namespace wasmc
