//===--- ParallelCodegen.cpp - Code generation of a split module in threads ===//
//
// An LLVMContext is not thread-safe, so each part travels as bitcode to a
// thread that reads it into a context of its own. Locals are made hidden
// globals by SplitModule so that the parts link together; the link is
// static or a shared object, and hidden symbols stay out of both's exports.
//
//===----------------------------------------------------------------------===//
#include "codegen/Codegen.h"

#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/SplitModule.h"

#include <algorithm>
#include <optional>
#include <thread>

namespace wasmc::codegen {

namespace {

/// Below this many IR instructions per part, a thread's set-up (bitcode
/// round trip, TargetMachine) costs more than its share of instruction
/// selection and register allocation saves.
constexpr size_t MinInstructionsPerPart = 40000;

llvm::Expected<llvm::SmallVector<char, 0>> emitPart(llvm::StringRef Bitcode,
                                                    const CodegenOptions &Opts) {
  llvm::LLVMContext Ctx;
  auto M = llvm::parseBitcodeFile(llvm::MemoryBufferRef(Bitcode, "part"), Ctx);
  if (!M)
    return M.takeError();
  auto TM = createTargetMachine(Opts);
  if (!TM)
    return TM.takeError();
  return emitCode(**M, **TM, llvm::CodeGenFileType::ObjectFile);
}

} // namespace

llvm::Expected<std::vector<llvm::SmallVector<char, 0>>>
emitObjects(llvm::Module &M, llvm::TargetMachine &TM, const CodegenOptions &Opts) {
  unsigned Threads = Opts.Threads ? Opts.Threads : std::thread::hardware_concurrency();
  size_t Parts = std::min<size_t>(std::max(Threads, 1u),
                                  instructionCount(M) / MinInstructionsPerPart);
  std::vector<llvm::SmallVector<char, 0>> Objects;
  if (Parts <= 1) {
    auto Object = emitCode(M, TM, llvm::CodeGenFileType::ObjectFile);
    if (!Object)
      return Object.takeError();
    Objects.push_back(std::move(*Object));
    return Objects;
  }

  std::vector<llvm::SmallVector<char, 0>> Bitcode;
  llvm::SplitModule(
      M, Parts,
      [&](std::unique_ptr<llvm::Module> Part) {
        llvm::raw_svector_ostream OS(Bitcode.emplace_back());
        llvm::WriteBitcodeToFile(*Part, OS);
      },
      /*PreserveLocals=*/false, /*RoundRobin=*/true);

  std::vector<std::optional<llvm::Expected<llvm::SmallVector<char, 0>>>> Results(
      Bitcode.size());
  std::vector<std::thread> Workers;
  for (size_t I = 0; I < Bitcode.size(); ++I)
    Workers.emplace_back([&, I] {
      Results[I].emplace(
          emitPart(llvm::StringRef(Bitcode[I].data(), Bitcode[I].size()), Opts));
    });
  for (std::thread &W : Workers)
    W.join();
  llvm::Error All = llvm::Error::success();
  for (auto &R : Results) {
    if (*R)
      Objects.push_back(std::move(**R));
    else
      All = llvm::joinErrors(std::move(All), R->takeError());
  }
  if (All)
    return All;
  return Objects;
}

} // namespace wasmc::codegen
