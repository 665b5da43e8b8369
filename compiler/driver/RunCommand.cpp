//===--- RunCommand.cpp - wasmc run [OPTIONS] FILE [-- ARGS] --------------===//
//
/// \file
/// Runs a module directly: compiled to a native executable through the
/// compile cache (RunCache.h) and executed, or with --interp on the
/// reference interpreter. Either way the run options (rt/run_options.h:
/// grants, --compute, --invoke, --deterministic, --fuel, --output-digest)
/// mean the same, and the exit statuses are those of compiled executables
/// (runtime-lib/start.c, docs/cli.md): 99 when the module cannot start,
/// 100 + T for trap code T, so that a script can switch engines.
///
/// On the interpreter, imports are resolved against the shared WASI host
/// (wasi-host/), granted exactly what the run options say.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "RunCache.h"
#include "RunOptionArgs.h"
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
/// compute's result above this (or negative) is reported as this.
constexpr int ExitComputeOther = 125;

struct RunOptions {
  bool Interp = false;
  unsigned OptLevel = 2;
  std::string Bounds = "guard";
  std::string CacheDir; ///< empty: the default (RunCache.h)
  std::string File;
  /// What follows FILE: the invoked function's arguments, or the program's
  /// WASI arguments.
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

bool exportsFunc(const Module &M, std::string_view Name) {
  for (const Export &E : M.Exports)
    if (E.Kind == ExternKind::Func && E.Name == Name)
      return true;
  return false;
}

/// What to call: --invoke's export with the arguments parsed by its types,
/// `_start`, or `compute(0, 1)`.
struct Call {
  interp::FuncAddr Func = 0;
  std::vector<interp::Value> Args;
  bool Compute = false;
  int Status = 0; ///< nonzero: an error line was printed
};

Call prepareCall(const RunOptions &O, const rt_run_options &Run, interp::Store &S,
                 const interp::ModuleInstance &I) {
  Call C;
  C.Compute = Run.compute;
  std::string Name = Run.invoke ? Run.invoke : C.Compute ? "compute" : "_start";
  std::optional<interp::Extern> X = I.findExport(Name);
  if (!X || X->Kind != ExternKind::Func) {
    C.Status = fail(O, ExitStartupFailure,
                    "no exported function " + Name +
                        (Run.invoke ? "" : " to run (use --invoke NAME)"));
    return C;
  }
  C.Func = X->Addr;
  const FuncType &Type = S.funcType(C.Func);
  if (!Run.invoke) {
    // A WASI command's arguments are its argv, not parameters.
    // compute(in, out) returns nothing (the compute model's own form) or
    // the exit status.
    const std::vector<ValType> InOut{ValType::I32, ValType::I32};
    bool Ok = C.Compute ? Type.Params == InOut &&
                              (Type.Results.empty() ||
                               Type.Results == std::vector<ValType>{ValType::I32})
                        : Type.Params.empty() && Type.Results.empty();
    if (!Ok)
      C.Status = fail(O, ExitStartupFailure,
                      Name + " has type " + typeList(Type.Params) + " -> " +
                          typeList(Type.Results) + ", expected " +
                          (C.Compute ? "[i32 i32] -> [] or [i32 i32] -> [i32]"
                                     : "[] -> []"));
    if (C.Compute)
      C.Args = {interp::Value::i32(0), interp::Value::i32(1)}; // in, out
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

/// Instantiates and runs the module on the interpreter with Wasi set up;
/// returns the exit status.
int interpret(const RunOptions &O, const rt_run_options &Run, const ValidatedModule &VM,
              wasi_ctx &Wasi) {
  // The same knobs as compiled code (CompileOptions::Fuel, Deterministic).
  interp::ExecOptions Exec;
  Exec.Fuel = Run.has_fuel;
  Exec.CanonicalNaN = Run.deterministic;
  Exec.MemoryPageCap = Run.deterministic ? RT_DETERMINISTIC_MEMORY_PAGES : 0;
  interp::Store S(Run.deterministic ? interp::ExecLimits::deterministic() : interp::ExecLimits{},
                  Exec);
  if (Run.has_fuel)
    S.setFuel(int64_t(Run.fuel));
  Result<std::vector<interp::Extern>> Imports =
      interp::resolveWasiImports(S, VM.module(), &Wasi);
  if (!Imports) {
    std::fprintf(stderr, "wasmc: %s\n", Imports.error().Message.c_str());
    return ExitStartupFailure;
  }
  Result<interp::Instantiation> I = interp::instantiate(S, VM, *Imports);
  if (!I) {
    reportError(O.File, I.error());
    return ExitStartupFailure;
  }
  if (I->Trapped)
    return finish(I->Trapped, Wasi);

  // Like a compiled executable, a module without `_start` whose start
  // function has run is done.
  if (!Run.invoke && !Run.compute && VM.module().Start &&
      !I->Instance->findExport("_start"))
    return 0;
  // A WASI reactor runs its _initialize before any other export.
  if (std::optional<interp::Extern> Init = I->Instance->findExport("_initialize");
      Init && Init->Kind == ExternKind::Func && S.funcType(Init->Addr).Params.empty() &&
      S.funcType(Init->Addr).Results.empty()) {
    Result<interp::Outcome> R = interp::invoke(S, Init->Addr, {});
    if (!R) {
      reportError(O.File, R.error());
      return ExitFailure;
    }
    if (R->Trapped)
      return finish(R->Trapped, Wasi);
  }
  Call C = prepareCall(O, Run, S, *I->Instance);
  if (C.Status)
    return C.Status;
  Result<interp::Outcome> R = interp::invoke(S, C.Func, C.Args);
  if (!R) {
    reportError(O.File, R.error());
    return ExitFailure;
  }
  if (R->Trapped)
    return finish(R->Trapped, Wasi);
  if (C.Compute) {
    if (R->Results.empty())
      return 0;
    int32_t Result = int32_t(R->Results[0].i32());
    return Result >= 0 && Result <= ExitComputeOther ? Result : ExitComputeOther;
  }
  for (const interp::Value &V : R->Results)
    std::printf("%s\n", formatValue(V).c_str());
  return 0;
}

void printDigest(wasi_ctx &Wasi, int Status) {
  uint8_t Digest[32];
  char Hex[65];
  wasi_ctx_digest_final(&Wasi, uint32_t(Status) & 255, Digest);
  wasi_digest_hex(Digest, Hex);
  std::fflush(stdout);
  std::fprintf(stderr, "wasmc: output-digest: %s\n", Hex);
}

int runOnInterpreter(const RunOptions &O, rt_run_options Run) {
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
  // A module that is only a compute function gets the compute model's
  // grants, as in a compiled executable.
  const Module &M = VM->module();
  if (!Run.invoke && !exportsFunc(M, "_start") && exportsFunc(M, "compute"))
    Run.compute = 1;

  // The WASI context borrows these strings; both outlive every call.
  std::vector<const char *> Argv{O.File.c_str()};
  if (!Run.invoke)
    for (const std::string &A : O.Args)
      Argv.push_back(A.c_str());
  wasi_ctx Wasi;
  wasi_ctx_init(&Wasi);
  char Err[512];
  int Status;
  if (rt_run_options_grant(&Run, &Wasi, Err, sizeof Err) != 0) {
    std::fprintf(stderr, "wasmc: %s\n", Err); // as a compiled executable says it
    Status = ExitStartupFailure;
  } else if (wasi_ctx_set_args(&Wasi, uint32_t(Argv.size()), Argv.data()) != 0) {
    Status = fail(O, ExitUsage, "too many or too long arguments");
  } else {
    std::signal(SIGPIPE, SIG_IGN); // a closed pipe is EPIPE for the guest
    Status = interpret(O, Run, *VM, Wasi);
    if (Run.output_digest)
      printDigest(Wasi, Status);
  }
  wasi_ctx_destroy(&Wasi);
  return Status;
}

int runModule(const RunOptions &O, const RunOptionArgs &RO) {
  rt_run_options Run;
  std::string Why;
  if (!RO.parse(Run, Why)) {
    std::fprintf(stderr, "wasmc: %s\n", Why.c_str());
    return ExitUsage;
  }
  if (Run.allow_runtime_grants) {
    std::fprintf(stderr, "wasmc: --allow-runtime-grants is an option of compile\n");
    return ExitUsage;
  }
  if (O.Interp)
    return runOnInterpreter(O, Run);
  CompileOptions C;
  C.Input = O.File;
  C.OptLevel = O.OptLevel;
  C.Bounds = O.Bounds;
  C.Fuel = Run.has_fuel;
  C.Deterministic = Run.deterministic;
  return runCached(C, O.CacheDir, RO.Args, O.Args);
}

} // namespace

Subcommand addRunCommand(CLI::App &App, const RunOptionArgs &RO) {
  auto O = std::make_shared<RunOptions>();
  CLI::App *Cmd = App.add_subcommand(
      "run", "Run a module, compiled (through a cache) or on the reference "
             "interpreter:\n  wasmc run [--interp] [OPTIONS] FILE [-- ARGS...]");
  Cmd->add_flag("--interp", O->Interp,
                "Run on the reference interpreter instead of compiling");
  Cmd->add_option("-O", O->OptLevel, "Optimization level 0-3 of the compiled code (default 2)")
      ->check(CLI::Range(0u, 3u));
  Cmd->add_option("--bounds-checks", O->Bounds, "guard (default) or explicit")
      ->check(CLI::IsMember({"guard", "explicit"}));
  Cmd->add_option("--cache-dir", O->CacheDir,
                  "Where compiled modules are kept (default: $WASMC_CACHE_DIR, "
                  "else $XDG_CACHE_HOME/wasmc, else ~/.cache/wasmc)");
  // FILE and ARGS are not CLI11 options: prefix_command() stops option
  // parsing at the first positional (FILE) and leaves it and everything
  // after it, in order, in remaining(), so that module arguments that look
  // like options ("-inf") reach the module untouched.
  Cmd->prefix_command();
  Cmd->footer(
      "FILE is a .wasm or .wat module; ARGS (after an optional --) are the "
      "program's arguments, or the values passed to --invoke's function.\n"
      "Run options (before FILE; see docs/cli.md):\n"
      "  --dir HOST[::GUEST]  --dir-ro HOST[::GUEST]  --env NAME[=VALUE]  "
      "--inherit-env\n"
      "  --preopen-read FD:PATH  --preopen-write FD:PATH  --compute  --invoke NAME\n"
      "  --deterministic  --seed N  --fuel N  --output-digest");
  return {Cmd, [O, Cmd, &RO] {
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
            return runModule(*O, RO);
          }};
}

} // namespace wasmc::driver
