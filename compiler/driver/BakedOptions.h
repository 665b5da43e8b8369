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

#include <string>
#include <vector>

namespace wasmc::driver {

void bakeRunOptions(llvm::Module &M, const std::vector<std::string> &Args);

} // namespace wasmc::driver
