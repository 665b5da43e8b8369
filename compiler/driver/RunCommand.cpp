//===--- RunCommand.cpp - wasmc run --interp [--invoke NAME] FILE ARGS ----===//
//
/// \file
/// Runs a module on the reference interpreter, without compiling it. With
/// --invoke the named export is called with ARGS parsed by its parameter
/// types and its results are printed one per line (ValueText.h); without,
/// the module's `_start` runs (after its start function, which alone is
/// enough for a module without `_start`). Exit statuses are those of compiled
/// executables (runtime-lib/start.c, docs/cli.md), so that a script can
/// switch between the two: 99 when the module cannot start, 100 + T for
/// trap code T.
///
/// Imports are resolved against the shared WASI host (wasi-host/) with
/// stdio inherited and, without --invoke, ARGS as the program's arguments;
/// nothing else is granted. Running without --interp would compile and run
/// in one step, which does not exist yet.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "Subcommand.h"
#include "ValueText.h"

#include "interp/Interp.h"
#include "interp/WasiImports.h"
#include "text/ModuleFile.h"
#include "wasm/Validator.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <memory>

namespace wasmc::driver {

namespace {

/// A module that cannot start: unresolvable imports, no such export, out
/// of memory (as in runtime-lib/start.c).
constexpr int ExitStartupFailure = 99;
/// Added to the trap code when the computation traps.
constexpr int ExitTrapBase = 100;

struct RunOptions {
  bool Interp = false;
  std::string Invoke; ///< empty: run `_start`
  std::string File;
  /// What follows FILE: the invoked function's arguments, or the program's
  /// WASI arguments when running `_start`.
  std::vector<std::string> Args;
};

int reportTrap(const interp::Trap &T) {
  std::fprintf(stderr, "wasmc: trap: %s\n", T.Message.c_str());
  return ExitTrapBase + int(T.Code);
}

/// The exit status of a computation that ended with T: proc_exit's code,
/// or the trap's status.
int finish(const interp::Trap &T, const wasi_ctx &Wasi) {
  if (std::optional<uint32_t> Code = interp::wasiExitCode(T, Wasi))
    return int(*Code & 255);
  return reportTrap(T);
}

int fail(const RunOptions &O, int Status, const std::string &Message) {
  std::fprintf(stderr, "wasmc: %s: %s\n", O.File.c_str(), Message.c_str());
  return Status;
}

std::string typeList(std::span<const ValType> Types) {
  std::string S;
  for (ValType T : Types)
    S += (S.empty() ? "" : " ") + std::string(valTypeName(T));
  return "[" + S + "]";
}

/// The function to call and its arguments, or an exit status after an
/// error line.
struct Call {
  interp::FuncAddr Func = 0;
  std::vector<interp::Value> Args;
  int Status = 0;
};

Call prepareCall(const RunOptions &O, interp::Store &S,
                 const interp::ModuleInstance &I) {
  Call C;
  std::string Name = O.Invoke.empty() ? "_start" : O.Invoke;
  std::optional<interp::Extern> X = I.findExport(Name);
  if (!X || X->Kind != ExternKind::Func) {
    C.Status =
        fail(O, ExitStartupFailure,
             "no exported function " + Name +
                 (O.Invoke.empty() ? " to run (use --invoke NAME)" : ""));
    return C;
  }
  C.Func = X->Addr;
  const FuncType &Type = S.funcType(C.Func);
  if (O.Invoke.empty()) {
    // A WASI command's arguments are its argv, not parameters.
    if (!Type.Params.empty() || !Type.Results.empty())
      C.Status = fail(O, ExitStartupFailure,
                      "_start has type " + typeList(Type.Params) + " -> " +
                          typeList(Type.Results) + ", expected [] -> []");
    return C;
  }
  if (O.Args.size() != Type.Params.size()) {
    C.Status = fail(
        O, ExitUsage,
        Name + " takes " + std::to_string(Type.Params.size()) +
            (Type.Params.size() == 1 ? " argument " : " arguments ") +
            typeList(Type.Params) + ", got " + std::to_string(O.Args.size()));
    return C;
  }
  for (size_t K = 0; K < O.Args.size(); ++K) {
    std::string Why;
    if (!parseValue(O.Args[K], Type.Params[K], C.Args.emplace_back(), Why)) {
      C.Status = fail(O, ExitUsage,
                      "argument " + std::to_string(K + 1) + " of " + Name +
                          ": " + Why);
      return C;
    }
  }
  return C;
}

int runModule(const RunOptions &O) {
  if (!O.Interp) {
    std::fprintf(stderr,
                 "wasmc: run without --interp is not available yet; compile "
                 "with `wasmc FILE -o OUT` and run OUT\n");
    return ExitUsage;
  }
  Result<std::vector<uint8_t>> Bytes = readModuleFile(O.File);
  if (!Bytes) {
    reportError(O.File, Bytes.error());
    return ExitFailure;
  }
  Result<ValidatedModule> VM = loadModule(Bytes.take());
  if (!VM) {
    reportError(O.File, VM.error());
    return ExitFailure;
  }
  // The WASI context borrows these strings; both outlive every call below.
  std::vector<const char *> Argv{O.File.c_str()};
  if (O.Invoke.empty())
    for (const std::string &A : O.Args)
      Argv.push_back(A.c_str());
  wasi_ctx Wasi;
  wasi_ctx_init(&Wasi);
  wasi_ctx_inherit_stdio(&Wasi);
  if (wasi_ctx_set_args(&Wasi, uint32_t(Argv.size()), Argv.data()) != 0)
    return fail(O, ExitUsage, "too many or too long arguments");
  std::signal(SIGPIPE, SIG_IGN); // a closed pipe is EPIPE for the guest

  interp::Store S;
  Result<std::vector<interp::Extern>> Imports =
      interp::resolveWasiImports(S, VM->module(), &Wasi);
  if (!Imports) {
    std::fprintf(stderr, "wasmc: %s\n", Imports.error().Message.c_str());
    return ExitStartupFailure;
  }
  Result<interp::Instantiation> I = interp::instantiate(S, *VM, *Imports);
  if (!I) {
    reportError(O.File, I.error());
    return ExitStartupFailure;
  }
  if (I->Trapped)
    return finish(I->Trapped, Wasi);

  // Like a compiled executable, a module without `_start` whose start
  // function has run is done.
  if (O.Invoke.empty() && VM->module().Start &&
      !I->Instance->findExport("_start"))
    return 0;
  Call C = prepareCall(O, S, *I->Instance);
  if (C.Status)
    return C.Status;
  Result<interp::Outcome> R = interp::invoke(S, C.Func, C.Args);
  if (!R) {
    reportError(O.File, R.error());
    return ExitFailure;
  }
  if (R->Trapped)
    return finish(R->Trapped, Wasi);
  for (const interp::Value &V : R->Results)
    std::printf("%s\n", formatValue(V).c_str());
  return 0;
}

} // namespace

Subcommand addRunCommand(CLI::App &App) {
  auto O = std::make_shared<RunOptions>();
  CLI::App *Cmd = App.add_subcommand(
      "run", "Run a module on the reference interpreter:\n  wasmc run "
             "--interp [--invoke NAME] FILE [-- ARGS...]");
  Cmd->add_flag("--interp", O->Interp,
                "Run on the reference interpreter (required for now)");
  Cmd->add_option("--invoke", O->Invoke,
                  "Call the exported function NAME with ARGS (parsed by its "
                  "parameter types) and print its results, one per line; "
                  "default: run _start")
      ->option_text("NAME");
  // FILE and ARGS are not CLI11 options: prefix_command() stops option
  // parsing at the first positional (FILE) and leaves it and everything
  // after it, in order, in remaining(), so that module arguments that look
  // like options ("-inf") reach the module untouched.
  Cmd->prefix_command();
  Cmd->footer("FILE is a .wasm or .wat module; ARGS (after an optional --) "
              "are the arguments of the --invoke function.");
  return {Cmd, [O, Cmd] {
            std::vector<std::string> Rest = Cmd->remaining();
            if (Rest.empty()) {
              std::fprintf(stderr, "wasmc: run: FILE is required (see wasmc "
                                   "run --help)\n");
              return ExitUsage;
            }
            O->File = Rest.front();
            auto First = Rest.begin() + 1;
            if (First != Rest.end() && *First == "--")
              ++First;
            O->Args.assign(First, Rest.end());
            return runModule(*O);
          }};
}

} // namespace wasmc::driver
