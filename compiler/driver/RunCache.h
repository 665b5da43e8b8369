//===--- RunCache.h - wasmc run's compile cache ---------------------------===//
//
/// \file
/// `wasmc run FILE` compiles FILE once and keeps the executable in a cache
/// directory, keyed by a SHA-256 of the module's bytes, the options that
/// change the code (-O, bounds checks, --fuel, --deterministic) and the
/// wasmc version. Cached executables are compiled with
/// --allow-runtime-grants and nothing baked, so one entry serves every set
/// of grants: the run options are passed on its command line.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Subcommand.h"

#include <string>
#include <vector>

namespace wasmc::driver {

/// The cache directory: CacheDir if not empty, else $WASMC_CACHE_DIR, else
/// $XDG_CACHE_HOME/wasmc, else $HOME/.cache/wasmc.
std::string cacheDirectory(const std::string &CacheDir);

/// Compiles C.Input into the cache unless it is there, then replaces this
/// process with the executable, run as `FILE RUN_ARGS -- ARGS` (argv[0] is
/// the module's file name, as on the interpreter). Returns an exit status
/// only if that fails.
int runCached(CompileOptions C, const std::string &CacheDir,
              const std::vector<std::string> &RunArgs, const std::vector<std::string> &Args);

} // namespace wasmc::driver
