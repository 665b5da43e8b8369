//===--- AotEngine.h - The spec runner's engine over compiled code --------===//
//
/// \file
/// --engine=aot: every module of a script is compiled by the real AOT
/// pipeline into a shared object, loaded, and instantiated by runtime-lib;
/// actions go through rt_call. See AotEngine.cpp.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Engine.h"

#include <memory>

namespace wasmc::spectest {

/// Opts selects the bounds mode and LLVM optimization level. If the
/// compiler cannot be set up (no target, no temporary directory), the
/// engine still exists and fails every instantiation with the reason.
std::unique_ptr<Engine> createAotEngine(const EngineOptions &Opts);

} // namespace wasmc::spectest
