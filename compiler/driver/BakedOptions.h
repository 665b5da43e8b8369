//===--- BakedOptions.h - Run options compiled into an executable ---------===//
//
/// \file
/// `wasmc FILE -o EXE --dir-ro data::/data` makes a sandboxed tool: the run
/// options given at compile time become the constant `wasmc_baked_options`
/// (each option NUL-terminated, back to back) and its size
/// `wasmc_baked_options_size`, which runtime-lib/start.c parses at start-up
/// with the same parser. Nothing at run time can remove them; more can be
/// added only if they include --allow-runtime-grants.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace wasmc::driver {

/// Args (valid run options) with the host path of every --dir, --dir-ro,
/// --preopen-read and --preopen-write made absolute against the current
/// directory, the guest name kept as written (`--dir box` becomes
/// `--dir /cwd/box::box`). A baked grant must name what the person who
/// compiled the tool meant, not whatever that relative path names in the
/// directory the tool is later started from.
llvm::Expected<std::vector<std::string>>
absoluteGrantPaths(const std::vector<std::string> &Args);

void bakeRunOptions(llvm::Module &M, const std::vector<std::string> &Args);

} // namespace wasmc::driver
