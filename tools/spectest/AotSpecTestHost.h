//===--- AotSpecTestHost.h - The `spectest` module for compiled code ------===//
//
/// \file
/// The host module spec scripts import from, built from runtime-lib
/// objects so that compiled modules can bind to it: print functions as
/// host funcref templates (native code plus an invoke trampoline), four
/// immutable globals, a funcref table (10..20) and a memory (1..2 pages).
/// One is created per script file. Its memory is mapped in the bounds mode
/// the engine compiles with, because guard-mode code accepts only
/// guard-mode memories.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include "rt/runtime.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace wasmc::spectest {

class AotSpecTestHost {
public:
  /// BoundsMode is RT_BOUNDS_GUARD or RT_BOUNDS_EXPLICIT. Fails only if the
  /// table or memory cannot be created.
  static Result<std::unique_ptr<AotSpecTestHost>> create(uint8_t BoundsMode);
  ~AotSpecTestHost();

  AotSpecTestHost(const AotSpecTestHost &) = delete;
  AotSpecTestHost &operator=(const AotSpecTestHost &) = delete;

  /// The export named Field, if spectest has one.
  std::optional<rt_extern> lookup(std::string_view Field) const;

private:
  AotSpecTestHost() = default;

  static constexpr int NumPrints = 7;
  rt_funcref Prints[NumPrints] = {};
  rt_global GlobalI32 = {}, GlobalI64 = {}, GlobalF32 = {}, GlobalF64 = {};
  rt_table *Table = nullptr;
  rt_memory *Memory = nullptr;
  std::map<std::string, rt_extern, std::less<>> Exports;
};

} // namespace wasmc::spectest
