//===--- Link.h - In-process linking with lld -----------------------------===//
//
/// \file
/// Links objects and archives into a static executable or a shared object
/// with lld's ELF driver as a library, so wasmc needs no external `cc` or
/// `ld` at run time. The C runtime start files and library directories of
/// the build machine are found at configure time (see CMakeLists.txt).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace wasmc::link {

enum class OutputKind {
  StaticExecutable, ///< crt + objects + archives + libc, fully static
  SharedObject,     ///< objects only; undefined symbols resolve at dlopen
};

struct LinkJob {
  std::vector<std::string> Objects;
  std::vector<std::string> Archives;
  std::string Output;
  OutputKind Kind = OutputKind::StaticExecutable;
};

/// Runs lld. On failure the error carries lld's diagnostics.
llvm::Error linkWithLld(const LinkJob &Job);

} // namespace wasmc::link
