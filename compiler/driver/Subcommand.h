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
Subcommand addCompileCommand(CLI::App &App);
Subcommand addRunCommand(CLI::App &App);

/// Argv with "compile" inserted when the first argument names no
/// subcommand, so that `wasmc FILE -o OUT` means `wasmc compile FILE -o OUT`.
std::vector<const char *> withImplicitCompile(const CLI::App &App, int Argc,
                                              const char *const *Argv);

} // namespace wasmc::driver
