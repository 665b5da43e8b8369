//===--- CompileCommand.cpp - wasmc [compile] FILE -o OUT -----------------===//
//
/// \file
/// The compiler pipeline end to end: read (.wasm or .wat), decode and
/// validate, lower to LLVM IR, optimize, emit, and for executables link
/// with runtime-lib through lld. Output is all-or-nothing: everything is
/// written to a temporary file next to OUT and renamed over it only when
/// complete, so a failed run never leaves a half-written OUT behind.
/// `wasmc FILE ...` without a subcommand means `wasmc compile FILE ...`
/// (see withImplicitCompile).
//
//===----------------------------------------------------------------------===//
#include "BakedOptions.h"
#include "CompileInParts.h"
#include "Diagnostics.h"
#include "RunOptionArgs.h"
#include "Subcommand.h"

#include "codegen/Codegen.h"
#include "link/Link.h"
#include "lower/LowerError.h"
#include "lower/ModuleLowering.h"
#include "text/ModuleFile.h"
#include "wasm/Validator.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/Triple.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>

namespace wasmc::driver {

namespace {

/// One line on stderr, "wasmc: WHAT: MESSAGE"; returns ExitFailure. Lines
/// of multi-line messages (lld's) are joined with "; ".
int fail(const std::string &What, std::string Message) {
  for (size_t Pos; (Pos = Message.find('\n')) != std::string::npos;)
    Message.replace(Pos, 1, "; ");
  std::fprintf(stderr, "wasmc: %s: %s\n", What.c_str(), Message.c_str());
  return ExitFailure;
}

/// Reports an error of the LLVM side (lowering, codegen, linking); a
/// lowering error keeps its WasmError form (kind, offset, spec phrase).
int failLlvm(const std::string &File, llvm::Error E) {
  llvm::handleAllErrors(
      std::move(E),
      [&](const lower::WasmErrorInfo &W) { reportError(File, W.error()); },
      [&](const llvm::ErrorInfoBase &B) { fail(File, B.message()); });
  return ExitFailure;
}

std::string defaultOutput(const CompileOptions &O) {
  llvm::SmallString<256> Path(llvm::sys::path::filename(O.Input));
  llvm::sys::path::replace_extension(Path, "");
  if (O.Emit == "obj")
    Path += ".o";
  else if (O.Emit == "llvm")
    Path += ".ll";
  else if (O.Emit == "asm")
    Path += ".s";
  else if (Path.empty() || Path == O.Input)
    Path = "a.out"; // an input without extension would be overwritten
  return std::string(Path);
}

/// The runtime archive: $WASMC_RUNTIME_LIB, else lib/libwasmc-runtime.a
/// next to the bin/ directory this wasmc runs from (the build and install
/// layouts agree on that).
std::string runtimeLibraryPath() {
  if (const char *Env = std::getenv("WASMC_RUNTIME_LIB"); Env && *Env)
    return Env;
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::SmallString<256> Path(llvm::sys::path::parent_path(Exe));
  llvm::sys::path::append(Path, "..", "lib", "libwasmc-runtime.a");
  return std::string(Path);
}

/// Whether Out exists and is not a regular file (a device such as
/// /dev/null, a FIFO): it is written in place, never replaced by a rename.
bool isSpecialFile(const std::string &Out) {
  llvm::sys::fs::file_status St;
  return !llvm::sys::fs::status(Out, St) && llvm::sys::fs::exists(St) &&
         !llvm::sys::fs::is_regular_file(St) && !llvm::sys::fs::is_directory(St);
}

/// A new unique file in OUT's directory, so that the final rename stays
/// within one file system and is atomic (in the temporary directory when
/// OUT is a special file, which is written in place).
llvm::Expected<std::string> temporaryNextTo(const std::string &Out) {
  int FD;
  llvm::SmallString<256> Path;
  std::error_code EC;
  if (isSpecialFile(Out)) {
    EC = llvm::sys::fs::createTemporaryFile("wasmc-out", "tmp", FD, Path);
  } else {
    llvm::SmallString<256> Model(Out);
    Model += ".tmp-%%%%%%";
    EC = llvm::sys::fs::createUniqueFile(Model, FD, Path);
  }
  if (EC)
    return llvm::createStringError(EC, "cannot create output: %s", EC.message().c_str());
  llvm::sys::Process::SafelyCloseFileDescriptor(FD);
  return std::string(Path);
}

llvm::Error writeFile(const std::string &Path, llvm::StringRef Bytes) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (!EC) {
    OS << Bytes;
    OS.close();
    EC = OS.error();
  }
  if (EC)
    return llvm::createStringError(EC, "cannot write %s: %s", Path.c_str(),
                                   EC.message().c_str());
  return llvm::Error::success();
}

/// Moves the finished Tmp over Out; executables become rwx for the user
/// and rx for everyone else, like a linker's output. A special Out
/// (`-o /dev/null`) gets Tmp's bytes written into it instead.
llvm::Error publish(const std::string &Tmp, const std::string &Out, bool Executable) {
  if (isSpecialFile(Out)) {
    auto Bytes = llvm::MemoryBuffer::getFile(Tmp, /*IsText=*/false, /*RequiresNullTerminator=*/false);
    if (!Bytes)
      return llvm::createStringError(Bytes.getError(), "cannot read %s: %s", Tmp.c_str(),
                                     Bytes.getError().message().c_str());
    return writeFile(Out, (*Bytes)->getBuffer());
  }
  if (Executable)
    if (std::error_code EC = llvm::sys::fs::setPermissions(
            Tmp, llvm::sys::fs::all_read | llvm::sys::fs::all_exe | llvm::sys::fs::owner_write))
      return llvm::createStringError(EC, "cannot make %s executable: %s", Tmp.c_str(),
                                     EC.message().c_str());
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Out))
    return llvm::createStringError(EC, "cannot write %s: %s", Out.c_str(),
                                   EC.message().c_str());
  return llvm::Error::success();
}

/// Links Objects with the runtime into the file Tmp.
llvm::Error linkExecutable(const TemporaryObjects &Objects, const std::string &Runtime,
                           const std::string &Tmp) {
  link::LinkJob Job;
  Job.Objects = Objects.paths();
  Job.Archives = {Runtime};
  Job.Output = Tmp;
  Job.Kind = link::OutputKind::StaticExecutable;
  return link::linkWithLld(Job);
}

size_t codeBytes(const Module &WM) {
  size_t N = 0;
  for (const Function &F : WM.Functions)
    N += F.Body.Size;
  return N;
}

/// The executable's objects: a large module part by part, in bounded
/// memory; any other as one LLVM module, whose code generation is split
/// across threads when it is large enough (codegen::emitObjects).
llvm::Expected<std::unique_ptr<TemporaryObjects>>
compileObjects(const ValidatedModule &VM, const lower::LowerOptions &LO,
               const codegen::CodegenOptions &CG, llvm::TargetMachine &TM,
               const CompileOptions &O) {
  auto Bake = [&](llvm::Module &M) { bakeRunOptions(M, O.Baked); };
  if (O.PartSize && codeBytes(VM.module()) > O.PartSize) {
    lower::PartPlan Plan = lower::planParts(VM.module(), O.PartSize);
    auto Objects = std::make_unique<TemporaryObjects>(Plan.Parts.size());
    if (llvm::Error E = compileInParts(VM, Plan, LO, CG, Bake, *Objects))
      return E;
    return Objects;
  }
  llvm::LLVMContext Ctx;
  auto M = lower::lowerModule(VM, Ctx, TM, LO);
  if (!M)
    return M.takeError();
  Bake(**M);
  codegen::optimizeModule(**M, TM, CG.OptLevel);
  auto Code = codegen::emitObjects(**M, TM, CG);
  if (!Code)
    return Code.takeError();
  auto Objects = std::make_unique<TemporaryObjects>(Code->size());
  for (size_t I = 0; I < Code->size(); ++I)
    if (llvm::Error E = Objects->write(I, llvm::StringRef((*Code)[I].data(), (*Code)[I].size())))
      return E;
  return Objects;
}

} // namespace

int compileModule(CompileOptions O) {
  if (O.Output.empty())
    O.Output = defaultOutput(O);
  bool Exe = O.Emit == "exe";

  // Executables link the host's C library and runtime-lib, which exist
  // for the host only.
  if (Exe && !O.Triple.empty() &&
      llvm::Triple::normalize(O.Triple) !=
          llvm::Triple::normalize(llvm::sys::getDefaultTargetTriple()))
    return fail(O.Input, "--target " + O.Triple +
                             " needs --emit=obj, llvm or asm: executables are "
                             "linked for the host only");
  std::string Runtime;
  if (Exe) {
    Runtime = runtimeLibraryPath();
    if (!llvm::sys::fs::exists(Runtime))
      return fail(Runtime, "runtime library not found (set WASMC_RUNTIME_LIB)");
  }

  Result<std::vector<uint8_t>> Bytes = readModuleFile(O.Input);
  if (!Bytes) {
    reportError(O.Input, Bytes.error());
    return ExitFailure;
  }
  Result<ValidatedModule> VM = loadModule(Bytes.take());
  if (!VM) {
    reportError(O.Input, VM.error());
    return ExitFailure;
  }

  codegen::CodegenOptions CG{O.Triple, O.OptLevel, /*PIC=*/false, O.Jobs};
  auto TM = codegen::createTargetMachine(CG);
  if (!TM)
    return failLlvm(O.Input, TM.takeError());
  lower::LowerOptions LO;
  LO.Bounds = O.Bounds == "explicit" ? lower::BoundsMode::Explicit : lower::BoundsMode::Guard;
  LO.Fuel = O.Fuel;
  LO.CanonicalNaN = LO.LimitCallDepth = O.Deterministic;

  std::string Contents;
  std::unique_ptr<TemporaryObjects> Objects;
  if (Exe) {
    auto Objs = compileObjects(*VM, LO, CG, **TM, O);
    if (!Objs)
      return failLlvm(O.Input, Objs.takeError());
    Objects = std::move(*Objs);
  } else {
    // Inspection output is one file, from the module as one LLVM module.
    llvm::LLVMContext Ctx;
    auto M = lower::lowerModule(*VM, Ctx, **TM, LO);
    if (!M)
      return failLlvm(O.Input, M.takeError());
    bakeRunOptions(**M, O.Baked);
    codegen::optimizeModule(**M, **TM, O.OptLevel);
    if (O.Emit == "llvm") {
      llvm::raw_string_ostream OS(Contents);
      (*M)->print(OS, nullptr);
    } else {
      auto Code = codegen::emitCode(**M, **TM,
                                    O.Emit == "asm" ? llvm::CodeGenFileType::AssemblyFile
                                                    : llvm::CodeGenFileType::ObjectFile);
      if (!Code)
        return failLlvm(O.Input, Code.takeError());
      Contents.assign(Code->data(), Code->size());
    }
  }

  if (O.Output == "-" && !Exe) {
    llvm::outs() << Contents;
    llvm::outs().flush();
    return 0;
  }
  auto Tmp = temporaryNextTo(O.Output);
  if (!Tmp)
    return failLlvm(O.Output, Tmp.takeError());
  llvm::FileRemover RemoveTmp(*Tmp); // a no-op once it is renamed
  llvm::Error E = Exe ? linkExecutable(*Objects, Runtime, *Tmp) : writeFile(*Tmp, Contents);
  if (!E)
    E = publish(*Tmp, O.Output, Exe);
  if (E)
    return failLlvm(O.Input, std::move(E));
  return 0;
}

namespace {

/// compile's run options: baked as given; those that change the code
/// (--fuel, --deterministic) also select the lowering.
int runCompile(CompileOptions O, const RunOptionArgs &RO) {
  rt_run_options Run;
  std::string Why;
  if (!RO.parse(Run, Why)) {
    std::fprintf(stderr, "wasmc: %s\n", Why.c_str());
    return ExitUsage;
  }
  auto Baked = absoluteGrantPaths(RO.Args);
  if (!Baked) {
    std::fprintf(stderr, "wasmc: %s\n", llvm::toString(Baked.takeError()).c_str());
    return ExitUsage;
  }
  O.Baked = std::move(*Baked);
  O.Fuel = Run.has_fuel;
  O.Deterministic = Run.deterministic;
  return compileModule(O);
}

} // namespace

Subcommand addCompileCommand(CLI::App &App, const RunOptionArgs &RO) {
  auto O = std::make_shared<CompileOptions>();
  CLI::App *Cmd = App.add_subcommand(
      "compile", "Compile a module (.wasm or .wat) to a native executable (the "
                 "default command: `wasmc FILE -o OUT`)");
  Cmd->add_option("FILE", O->Input, "Module file")->required();
  Cmd->add_option("-o,--output", O->Output,
                  "Output file (default: FILE without extension, or with .o/.ll/.s); "
                  "- is stdout for --emit=obj, llvm and asm");
  Cmd->add_option("-O", O->OptLevel, "Optimization level 0-3 (default 2), as -O0..-O3")
      ->check(CLI::Range(0u, 3u));
  Cmd->add_option("--bounds-checks", O->Bounds,
                  "guard (default: guard pages, 64-bit hosts) or explicit "
                  "(a compare before every access)")
      ->check(CLI::IsMember({"guard", "explicit"}));
  Cmd->add_option("--target", O->Triple, "Target triple (default: the host)");
  Cmd->add_option("-j,--jobs", O->Jobs,
                  "Compilation threads for executables (default 0: one per core; "
                  "only large modules are split)");
  Cmd->add_option("--part-size", O->PartSize,
                  "Executables of modules with more function code than this many "
                  "bytes are compiled in parts of about this size, a part at a time "
                  "per thread (default 1048576; 0: in one piece)");
  Cmd->add_option("--emit", O->Emit,
                  "exe (default: linked static executable), obj, llvm (IR text) or asm")
      ->check(CLI::IsMember({"exe", "obj", "llvm", "asm"}));
  Cmd->footer(
      "Run options given here are baked into the executable, which then has "
      "exactly those grants; relative host paths are made absolute now, so "
      "the executable grants the same directories and files wherever it is "
      "started from:\n"
      "  --dir HOST[::GUEST]  --dir-ro HOST[::GUEST]  --env NAME[=VALUE]  "
      "--inherit-env\n"
      "  --preopen-read FD:PATH  --preopen-write FD:PATH  --compute  --invoke NAME\n"
      "  --deterministic  --seed N  --fuel N  --output-digest\n"
      "  --allow-runtime-grants (the executable also takes run options before --)\n"
      "See docs/cli.md.");
  return {Cmd, [O, &RO] { return runCompile(*O, RO); }};
}

std::vector<const char *> withImplicitCompile(const CLI::App &App, int Argc,
                                              const char *const *Argv) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Argc < 2)
    return Args;
  std::string First = Argv[1];
  if (First == "-h" || First == "--help" || First == "--version")
    return Args;
  auto Named = App.get_subcommands(
      [&](const CLI::App *Sub) { return Sub->check_name(First); });
  if (Named.empty())
    Args.insert(Args.begin() + 1, "compile");
  return Args;
}

} // namespace wasmc::driver
