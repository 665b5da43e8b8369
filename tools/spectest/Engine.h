//===--- Engine.h - What executes modules for the spec runner -------------===//
//
/// \file
/// The script walker (ScriptRunner) decodes and validates every module
/// itself; an Engine only instantiates validated modules and runs actions
/// on them. The interpreter and the AOT backend each implement this
/// interface. Values here are plain data so that engines never see wabt.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"
#include "wasm/Types.h"
#include "wasm/Validator.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wasmc::spectest {

/// A value passed to or returned from Wasm. Numbers are stored by their bit
/// pattern (floats included, so NaN payloads survive); v128 is Lo (lanes
/// at the lowest addresses) and Hi. A reference is null or not; a non-null
/// externref carries the host number N of `ref.extern N` in Lo.
struct Value {
  ValType Type = ValType::I32;
  uint64_t Lo = 0;
  uint64_t Hi = 0;
  bool IsNull = false;
};

/// What an instantiation or an invocation ended with.
struct Outcome {
  enum class Kind { Returned, Trapped, Exhausted };
  Kind K = Kind::Returned;
  std::vector<Value> Results; ///< Kind == Returned
  /// Kind == Trapped: the spec's trap phrase, e.g. "integer divide by zero".
  std::string Message;
};

class Engine {
public:
  virtual ~Engine() = default;

  /// Called before each script file: forget every instance and
  /// registration.
  virtual void reset() = 0;

  /// Instantiates M against the `spectest` host module and the registered
  /// instances, running its start function. On a Returned outcome the new
  /// instance becomes the current one and, if Name is not empty, is bound
  /// to Name ("$M").
  /// Returns an Unlinkable error if an import cannot be resolved, or a
  /// Trapped outcome if initialisation or the start function traps.
  virtual Result<Outcome> instantiate(const ValidatedModule &M,
                                      const std::string &Name) = 0;

  /// Makes the instance bound to Name (the current one if Name is empty)
  /// importable under the module name As.
  virtual Status registerInstance(const std::string &Name,
                                  const std::string &As) = 0;

  /// Calls export Export of instance Name (current if empty).
  virtual Result<Outcome> invoke(const std::string &Name,
                                 const std::string &Export,
                                 const std::vector<Value> &Args) = 0;

  /// Reads exported global Export of instance Name (current if empty).
  virtual Result<Outcome> get(const std::string &Name,
                              const std::string &Export) = 0;
};

/// The engines --engine accepts. Validate runs no code: every command that
/// needs execution is skipped.
enum class EngineKind { Validate, Interp, Aot };

/// Parses an --engine value; false if it names no engine.
bool parseEngineKind(std::string_view Name, EngineKind &Out);

/// How the AOT engine compiles modules; the other engines ignore it.
struct EngineOptions {
  /// --bounds-checks: guard pages or explicit compares (see BoundsCheck.cpp).
  enum class Bounds { Guard, Explicit };
  Bounds BoundsChecks = Bounds::Guard;
  /// --opt-level: the LLVM pipeline, 0..3.
  unsigned OptLevel = 2;
};

/// The engine of the given kind, or null when that kind executes nothing
/// in this build (Validate, and the engines not written yet).
std::unique_ptr<Engine> createEngine(EngineKind Kind,
                                     const EngineOptions &Opts = {});

} // namespace wasmc::spectest
