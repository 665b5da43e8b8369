//===--- NameSection.h - The `name` custom section ------------------------===//
//
/// \file
/// Reads module, function and local names for diagnostics. Custom sections
/// never make a module malformed, so decoding stops quietly at the first
/// problem and keeps what it read so far.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Module.h"

namespace wasmc {

void decodeNameSection(Module &M, Reader R);

} // namespace wasmc
