//===--- Subcommand.h - How a wasmc subcommand plugs into the driver ------===//
//
/// \file
/// Each subcommand lives in its own file and exposes one add*Command
/// function: it declares its options on a CLI11 subcommand and returns the
/// action main runs when that subcommand is chosen. Adding a subcommand
/// (compile, run) is one file plus one line in main.cpp.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace CLI {
class App;
} // namespace CLI

namespace wasmc::driver {

struct Subcommand {
  CLI::App *Command = nullptr;
  /// Runs after a successful parse; returns the process exit code.
  std::function<int()> Run;
};

Subcommand addValidateCommand(CLI::App &App);
Subcommand addInspectCommand(CLI::App &App);
/// What `wasmc compile` does, for compile and for run's compile cache.
struct CompileOptions {
  std::string Input;
  std::string Output; ///< empty: derived from Input and Emit
  unsigned OptLevel = 2;
  std::string Bounds = "guard";
  std::string Triple; ///< empty: the host
  std::string Emit = "exe";
  unsigned Jobs = 0; ///< code generation threads; 0: one per core
  /// Executables of modules with more function code than this are
  /// compiled in parts of about this size, in bounded memory (0: never;
  /// docs/benchmarks.md, "Compiling a 30 MB module").
  size_t PartSize = size_t(1) << 20;
  std::vector<std::string> Baked; ///< run options baked into the executable
  bool Fuel = false;              ///< compile instruction metering in
  bool Deterministic = false;     ///< canonical NaNs, counted call depth
};

/// Compiles O.Input to O.Output; errors are reported on stderr. Returns the
/// process exit status.
int compileModule(CompileOptions O);

struct RunOptionArgs;
/// compile and run read the run options (--dir, --fuel, ...) from RO,
/// which main fills before CLI11 parses the rest of the command line.
Subcommand addCompileCommand(CLI::App &App, const RunOptionArgs &RO);
Subcommand addRunCommand(CLI::App &App, const RunOptionArgs &RO);

/// Argv with "compile" inserted when the first argument names no
/// subcommand, so that `wasmc FILE -o OUT` means `wasmc compile FILE -o OUT`.
std::vector<const char *> withImplicitCompile(const CLI::App &App, int Argc,
                                              const char *const *Argv);

} // namespace wasmc::driver
