//===--- main.cpp - The wasmc command-line driver -------------------------===//
//
/// \file
/// Parses the command line with CLI11 and runs the chosen subcommand. CLI11
/// reports usage errors by throwing; they are caught here, at the only
/// place exceptions exist, and become one line on stderr.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "RunOptionArgs.h"
#include "Subcommand.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <vector>

using namespace wasmc::driver;

int main(int Argc, char **Argv) {
  CLI::App App("wasmc: an ahead-of-time compiler from WebAssembly to native "
               "code",
               "wasmc");
  App.set_version_flag("--version", "wasmc " WASMC_VERSION);
  App.require_subcommand(1);

  RunOptionArgs RO;
  std::vector<Subcommand> Subcommands = {
      addValidateCommand(App),
      addInspectCommand(App),
      addCompileCommand(App, RO),
      addRunCommand(App, RO),
  };

  try {
    std::vector<const char *> Args = withImplicitCompile(App, Argc, Argv);
    // Options of compile and run that take a separate value, so that the
    // value is not mistaken for run's FILE.
    RO.take(Args, {"-o", "--output", "-O", "-j", "--jobs", "--bounds-checks", "--target", "--emit",
                   "--cache-dir"});
    App.parse(static_cast<int>(Args.size()), Args.data());
  } catch (const CLI::Success &S) {
    return App.exit(S); // --help or --version
  } catch (const CLI::ParseError &E) {
    std::fprintf(stderr, "wasmc: %s (see wasmc --help)\n", E.what());
    return ExitUsage;
  }

  for (const Subcommand &S : Subcommands)
    if (S.Command->parsed())
      return S.Run();
  return ExitUsage;
}
