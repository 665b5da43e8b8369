//===--- Diagnostics.cpp - How the driver reports errors ------------------===//
//
/// \file
/// The driver's only writer of error lines to stderr.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"

#include <cstdio>

namespace wasmc::driver {

void reportError(const std::string &File, const WasmError &E) {
  if (E.Kind == ErrorKind::Io)
    std::fprintf(stderr, "wasmc: %s\n", E.str().c_str());
  else
    std::fprintf(stderr, "wasmc: %s: %s\n", File.c_str(), E.str().c_str());
}

} // namespace wasmc::driver
