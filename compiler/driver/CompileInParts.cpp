//===--- CompileInParts.cpp - Large modules compiled a part at a time -----===//
#include "CompileInParts.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace wasmc::driver {

TemporaryObjects::~TemporaryObjects() {
  for (const std::string &P : Paths)
    if (!P.empty())
      llvm::sys::fs::remove(P);
}

llvm::Error TemporaryObjects::write(size_t I, llvm::StringRef Bytes) {
  int FD;
  llvm::SmallString<256> Path;
  if (std::error_code EC = llvm::sys::fs::createTemporaryFile("wasmc", "o", FD, Path))
    return llvm::createStringError(EC, "cannot create a temporary object file: %s",
                                   EC.message().c_str());
  Paths[I] = std::string(Path);
  llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
  OS << Bytes;
  OS.close();
  if (std::error_code EC = OS.error())
    return llvm::createStringError(EC, "cannot write %s: %s", Path.c_str(),
                                   EC.message().c_str());
  return llvm::Error::success();
}

namespace {

llvm::Error compilePart(const ValidatedModule &VM, const lower::PartPlan &Plan,
                        size_t I, const lower::LowerOptions &LO,
                        const codegen::CodegenOptions &CG, llvm::TargetMachine &TM,
                        llvm::function_ref<void(llvm::Module &)> AddToInfoPart,
                        TemporaryObjects &Objects) {
  llvm::LLVMContext Ctx;
  auto M = lower::lowerPart(VM, Plan, I, Ctx, TM, LO);
  if (!M)
    return M.takeError();
  if (Plan.Parts[I].ModuleInfo)
    AddToInfoPart(**M);
  codegen::optimizeModule(**M, TM, CG.OptLevel);
  auto Object = codegen::emitCode(**M, TM, llvm::CodeGenFileType::ObjectFile);
  if (!Object)
    return Object.takeError();
  return Objects.write(I, llvm::StringRef(Object->data(), Object->size()));
}

} // namespace

llvm::Error compileInParts(const ValidatedModule &VM, const lower::PartPlan &Plan,
                           const lower::LowerOptions &LO,
                           const codegen::CodegenOptions &CG,
                           llvm::function_ref<void(llvm::Module &)> AddToInfoPart,
                           TemporaryObjects &Objects) {
  size_t N = Plan.Parts.size();
  unsigned Threads = CG.Threads ? CG.Threads : std::thread::hardware_concurrency();
  Threads = unsigned(std::clamp<size_t>(Threads, 1, N));
  std::vector<llvm::Error> Errors;
  for (size_t I = 0; I < N; ++I)
    Errors.push_back(llvm::Error::success());
  std::atomic<size_t> Next{0};
  std::atomic<bool> Failed{false};
  std::mutex SetupMutex;
  llvm::Error Setup = llvm::Error::success();
  auto Work = [&] {
    auto TM = codegen::createTargetMachine(CG);
    if (!TM) {
      std::lock_guard<std::mutex> Lock(SetupMutex);
      Setup = llvm::joinErrors(std::move(Setup), TM.takeError());
      Failed = true;
      return;
    }
    for (size_t I; !Failed && (I = Next++) < N;)
      if ((Errors[I] = compilePart(VM, Plan, I, LO, CG, **TM, AddToInfoPart, Objects)))
        Failed = true;
  };
  std::vector<std::thread> Workers;
  for (unsigned T = 1; T < Threads; ++T)
    Workers.emplace_back(Work);
  Work();
  for (std::thread &W : Workers)
    W.join();
  // The error of the first part in plan order, so that a bad module is
  // reported alike whatever the threads' timing.
  llvm::Error First = std::move(Setup);
  for (llvm::Error &E : Errors) {
    if (E && !First)
      First = std::move(E);
    else
      llvm::consumeError(std::move(E));
  }
  return First;
}

} // namespace wasmc::driver
