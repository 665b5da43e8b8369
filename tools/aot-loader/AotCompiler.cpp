//===--- AotCompiler.cpp - Compiling a module and loading it with dlopen --===//
//
/// \file
/// One module is lowered, optimized and emitted in memory, written as an
/// object to a private temporary directory, linked by lld into a shared
/// object next to it and dlopened; both files are deleted right after the
/// load (the mapping keeps the code). The TargetMachine is made once; the
/// LLVMContext lives until releaseContext (the spec runner's AOT engine
/// calls it per script file), since everything a context uniques stays
/// until the context goes.
//
//===----------------------------------------------------------------------===//
#include "AotCompiler.h"

#include "codegen/Codegen.h"
#include "link/Link.h"
#include "lower/LowerError.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>
#include <dlfcn.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace wasmc::aot {

namespace {

WasmError internal(std::string Message) {
  return makeError(ErrorKind::Internal, UINT64_MAX, "aot: " + Message);
}

/// The WasmError inside a lowering error, or an Internal one for the
/// plain errors of codegen and lld. Unsupported errors become the skip
/// reason the spec runner reports.
WasmError toWasmError(llvm::Error E) {
  WasmError Out;
  llvm::handleAllErrors(
      std::move(E),
      [&](const lower::WasmErrorInfo &W) {
        Out = W.error();
        if (Out.Kind == ErrorKind::Unsupported)
          Out.Message = Out.Message.find("SIMD") != std::string::npos
                            ? "aot: SIMD not supported yet"
                            : "aot: " + Out.Message;
      },
      [&](const llvm::ErrorInfoBase &B) { Out = internal(B.message()); });
  return Out;
}

/// Where the temporary directory goes: /dev/shm unless TMPDIR says
/// otherwise and if it is usable for code. Each module's files live only
/// from the link to the dlopen; on a disk file system creating and
/// deleting them cost a quarter of the run time.
std::string temporaryDirectoryPrefix() {
  const char *Name = "wasmc-aot";
  struct statvfs Shm;
  if (!std::getenv("TMPDIR") && statvfs("/dev/shm", &Shm) == 0 &&
      !(Shm.f_flag & (ST_NOEXEC | ST_RDONLY)) &&
      access("/dev/shm", W_OK | X_OK) == 0)
    return std::string("/dev/shm/") + Name;
  return Name; // relative: in the system's temporary directory
}

Status writeFile(const std::string &Path, llvm::ArrayRef<char> Bytes) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (!EC) {
    OS.write(Bytes.data(), Bytes.size());
    OS.close();
    EC = OS.error();
  }
  if (EC)
    return internal("cannot write " + Path + ": " + EC.message());
  return Status::success();
}

} // namespace

LoadedModule::~LoadedModule() { dlclose(Handle); }

Result<std::unique_ptr<AotCompiler>>
AotCompiler::create(const lower::LowerOptions &Options, unsigned OptLevel) {
  std::unique_ptr<AotCompiler> C(new AotCompiler());
  C->Options = Options;
  C->OptLevel = OptLevel;
  auto TM = codegen::createTargetMachine({"", OptLevel, /*PIC=*/true});
  if (!TM)
    return toWasmError(TM.takeError());
  C->TM = std::move(*TM);
  C->Ctx = std::make_unique<llvm::LLVMContext>();
  llvm::SmallString<128> Dir;
  if (std::error_code EC = llvm::sys::fs::createUniqueDirectory(
          temporaryDirectoryPrefix(), Dir))
    return internal("cannot create a temporary directory: " + EC.message());
  C->TempDir = std::string(Dir);
  return C;
}

AotCompiler::~AotCompiler() {
  if (!TempDir.empty())
    llvm::sys::fs::remove_directories(TempDir, /*IgnoreErrors=*/true);
}

void AotCompiler::releaseContext() {
  Ctx = std::make_unique<llvm::LLVMContext>();
}

Result<std::unique_ptr<LoadedModule>>
AotCompiler::load(const ValidatedModule &M) {
  auto LM = lower::lowerModule(M, *Ctx, *TM, Options);
  if (!LM)
    return toWasmError(LM.takeError());
  codegen::optimizeModule(**LM, *TM, OptLevel);
  auto Object =
      codegen::emitCode(**LM, *TM, llvm::CodeGenFileType::ObjectFile);
  if (!Object)
    return toWasmError(Object.takeError());
  LM->reset(); // frees the IR before linking and loading

  std::string Stem = TempDir + "/m" + std::to_string(Serial++);
  std::string ObjPath = Stem + ".o", SoPath = Stem + ".so";
  Status S = writeFile(ObjPath, *Object);
  if (S)
    if (llvm::Error E = link::linkWithLld(
            {{ObjPath}, {}, SoPath, link::OutputKind::SharedObject}))
      S = toWasmError(std::move(E));
  void *Handle = S ? dlopen(SoPath.c_str(), RTLD_NOW | RTLD_LOCAL) : nullptr;
  if (S && !Handle)
    S = internal(std::string("dlopen: ") + dlerror());
  llvm::sys::fs::remove(ObjPath);
  llvm::sys::fs::remove(SoPath);
  if (!S)
    return S.takeError();

  auto *Info = static_cast<const rt_module_info *>(
      dlsym(Handle, lower::ModuleInfoSymbol));
  if (!Info) {
    dlclose(Handle);
    return internal(std::string("no ") + lower::ModuleInfoSymbol +
                    " in the compiled module");
  }
  return std::make_unique<LoadedModule>(Handle, Info);
}

} // namespace wasmc::aot
