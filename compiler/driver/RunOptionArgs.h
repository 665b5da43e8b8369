//===--- RunOptionArgs.h - Picking the run options out of a command line --===//
//
/// \file
/// The grant, entry-point and determinism options (--dir, --env, --compute,
/// --invoke, --fuel, ...) have one parser, in runtime-lib
/// (rt/run_options.h), shared with compiled executables. The driver takes
/// them out of its command line before CLI11 sees the rest, keeping their
/// order (preopens are numbered in order) and their text (which `compile`
/// bakes into the executable as given).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "rt/run_options.h"

#include <string>
#include <vector>

namespace wasmc::driver {

/// The run options of `compile` and `run`, in command-line order, each
/// option followed by its value when it takes a separate one.
struct RunOptionArgs {
  std::vector<std::string> Args;

  /// Moves the run options out of Argv (Argv[1] is the subcommand). For
  /// `run`, only options before FILE are looked at: everything after FILE
  /// belongs to the module. `run`'s own options that take a value are
  /// listed in ValueOptions so that their value is not taken for FILE.
  void take(std::vector<const char *> &Argv,
            const std::vector<std::string> &ValueOptions);

  /// Parses Args into Out; on error, Why is the one-line message.
  bool parse(rt_run_options &Out, std::string &Why) const;
};

} // namespace wasmc::driver
