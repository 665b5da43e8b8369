//===--- Diagnostics.h - How the driver reports errors --------------------===//
//
/// \file
/// Every message the driver prints on failure goes through here, so that
/// they all read "wasmc: FILE: kind: message" on one line of stderr.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include <string>

namespace wasmc::driver {

/// Exit code of a subcommand whose input was rejected.
constexpr int ExitFailure = 1;
/// Exit code for a command line that does not parse.
constexpr int ExitUsage = 2;

/// Prints "wasmc: FILE: <E.str()>" to stderr. I/O errors already name the
/// file, so for them the FILE prefix is left out.
void reportError(const std::string &File, const WasmError &E);

} // namespace wasmc::driver
