//===--- InterpEngine.h - The spec runner's engine over wasm-interp -------===//
//
/// \file
/// Runs spec scripts on the reference interpreter. Only the factory is
/// public, so that the interpreter's headers stay out of the rest of the
/// runner.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Engine.h"

#include <memory>

namespace wasmc::spectest {

/// An Engine executing on compiler/interp: one Store per script file, with
/// the `spectest` host module registered in it.
std::unique_ptr<Engine> createInterpEngine();

} // namespace wasmc::spectest
