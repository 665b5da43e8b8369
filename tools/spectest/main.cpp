//===--- main.cpp - wasmc-spectest: the spec testsuite runner -------------===//
//
/// \file
/// Usage: wasmc-spectest [--engine=validate|interp|aot] [--verbose]
///        [--bounds-checks=guard|explicit] [--opt-level N] PATH...
/// Each PATH is a .wast file or a directory whose *.wast files (not those
/// of its subdirectories) run in name order. Files run one at a time, so
/// memory is bounded by the largest script. Exits 1 if any assertion
/// failed, 2 on a usage error.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"
#include "Report.h"
#include "ScriptRunner.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

using namespace wasmc::spectest;
namespace fs = std::filesystem;

namespace {

const char *const Usage =
    "usage: wasmc-spectest [--engine=validate|interp|aot] [--verbose] "
    "[--bounds-checks=guard|explicit] [--opt-level N] PATH...\n"
    "  PATH is a .wast file or a directory of .wast files (not recursive)\n"
    "  --bounds-checks and --opt-level (0-3, default 2) configure the aot "
    "engine\n";

struct Options {
  EngineKind Engine = EngineKind::Interp;
  bool Verbose = false;
  EngineOptions EngineOpts;
  std::vector<std::string> Paths;
};

bool parseOptions(int Argc, char **Argv, Options &Opts) {
  for (int I = 1; I < Argc; ++I) {
    std::string_view Arg = Argv[I];
    if (Arg == "--verbose") {
      Opts.Verbose = true;
    } else if (Arg.substr(0, 9) == "--engine=") {
      if (!parseEngineKind(Arg.substr(9), Opts.Engine)) {
        std::fprintf(stderr, "wasmc-spectest: unknown engine '%s'\n",
                     Argv[I] + 9);
        return false;
      }
    } else if (Arg == "--bounds-checks=guard") {
      Opts.EngineOpts.BoundsChecks = EngineOptions::Bounds::Guard;
    } else if (Arg == "--bounds-checks=explicit") {
      Opts.EngineOpts.BoundsChecks = EngineOptions::Bounds::Explicit;
    } else if (Arg == "--opt-level" || Arg.substr(0, 12) == "--opt-level=") {
      std::string_view Level = Arg.size() > 11 ? Arg.substr(12)
                               : I + 1 < Argc  ? std::string_view(Argv[++I])
                                               : std::string_view();
      if (Level.size() != 1 || Level[0] < '0' || Level[0] > '3') {
        std::fprintf(stderr, "wasmc-spectest: --opt-level takes 0 to 3\n");
        return false;
      }
      Opts.EngineOpts.OptLevel = unsigned(Level[0] - '0');
    } else if (Arg.size() > 1 && Arg[0] == '-') {
      std::fprintf(stderr, "wasmc-spectest: unknown option '%s'\n", Argv[I]);
      return false;
    } else {
      Opts.Paths.emplace_back(Arg);
    }
  }
  if (Opts.Paths.empty()) {
    std::fprintf(stderr, "wasmc-spectest: no script given\n");
    return false;
  }
  return true;
}

/// The scripts PATH names, or false (after a message) if it names none.
bool collectScripts(const std::string &Path, std::vector<std::string> &Out) {
  std::error_code EC;
  if (!fs::is_directory(Path, EC)) {
    if (!fs::exists(Path, EC)) {
      std::fprintf(stderr, "wasmc-spectest: %s: no such file or directory\n",
                   Path.c_str());
      return false;
    }
    Out.push_back(Path);
    return true;
  }
  std::vector<std::string> Found;
  for (fs::directory_iterator It(Path, EC), End; !EC && It != End;
       It.increment(EC))
    if (It->path().extension() == ".wast" && !It->is_directory(EC))
      Found.push_back(It->path().string());
  if (EC) {
    std::fprintf(stderr, "wasmc-spectest: %s: %s\n", Path.c_str(),
                 EC.message().c_str());
    return false;
  }
  std::sort(Found.begin(), Found.end());
  Out.insert(Out.end(), Found.begin(), Found.end());
  return true;
}

} // namespace

int main(int Argc, char **Argv) {
  Options Opts;
  if (Argc == 2 && (std::string_view(Argv[1]) == "--help" ||
                    std::string_view(Argv[1]) == "-h")) {
    std::fputs(Usage, stdout);
    return 0;
  }
  if (!parseOptions(Argc, Argv, Opts)) {
    std::fputs(Usage, stderr);
    return 2;
  }

  bool PathsOk = true;
  std::vector<std::string> Scripts;
  for (const std::string &Path : Opts.Paths)
    PathsOk &= collectScripts(Path, Scripts);

  std::unique_ptr<Engine> E = createEngine(Opts.Engine, Opts.EngineOpts);
  Report R(Opts.Verbose);
  for (const std::string &Script : Scripts)
    runScriptFile(Script, E.get(), R);
  R.printSummary();
  return R.anyFailed() || !PathsOk ? 1 : 0;
}
