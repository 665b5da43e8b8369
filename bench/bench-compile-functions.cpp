//===--- bench-compile-functions.cpp - Compile time of single functions ---===//
//
/// \file
/// wasmc-bench-compile-functions FILE [--top N] [-O N] [--bounds-checks M]
/// compiles the N largest functions of a module (default 10), each as a
/// part of its own (lower::planParts with one function per part: the
/// function defined, its callees declared), and prints for each the time
/// of lowering, of the optimization pipeline and of code generation, with
/// its size in IR instructions before and after optimization. It shows
/// whether one large function, rather than the number of functions, is
/// what makes a module slow to compile. Times are the thread's CPU time,
/// which stays meaningful on a machine shared with other jobs.
//
//===----------------------------------------------------------------------===//
#include "codegen/Codegen.h"
#include "lower/ModuleLowering.h"
#include "wasm/Validator.h"

#include "llvm/IR/LLVMContext.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <numeric>
#include <string>
#include <vector>

using namespace wasmc;

namespace {

double threadCpuMillis() {
  timespec T;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T);
  return double(T.tv_sec) * 1e3 + double(T.tv_nsec) / 1e6;
}

int usage() {
  std::fprintf(stderr, "usage: wasmc-bench-compile-functions FILE [--top N] [-O N] "
                       "[--bounds-checks guard|explicit]\n");
  return 2;
}

} // namespace

int main(int Argc, char **Argv) {
  const char *File = nullptr;
  size_t Top = 10;
  unsigned OptLevel = 2;
  lower::LowerOptions LO;
  for (int I = 1; I < Argc; ++I) {
    bool HasValue = I + 1 < Argc;
    if (!std::strcmp(Argv[I], "--top") && HasValue)
      Top = std::strtoul(Argv[++I], nullptr, 10);
    else if (!std::strcmp(Argv[I], "-O") && HasValue)
      OptLevel = unsigned(std::strtoul(Argv[++I], nullptr, 10));
    else if (!std::strcmp(Argv[I], "--bounds-checks") && HasValue)
      LO.Bounds = !std::strcmp(Argv[++I], "explicit") ? lower::BoundsMode::Explicit
                                                      : lower::BoundsMode::Guard;
    else if (Argv[I][0] != '-' && !File)
      File = Argv[I];
    else
      return usage();
  }
  if (!File || OptLevel > 3)
    return usage();

  std::ifstream In(File, std::ios::binary);
  if (!In) {
    std::fprintf(stderr, "wasmc-bench-compile-functions: cannot read %s\n", File);
    return 1;
  }
  std::vector<uint8_t> Bytes((std::istreambuf_iterator<char>(In)),
                             std::istreambuf_iterator<char>());
  Result<ValidatedModule> VM = loadModule(std::move(Bytes));
  if (!VM) {
    std::fprintf(stderr, "wasmc-bench-compile-functions: %s: %s\n", File,
                 VM.error().Message.c_str());
    return 1;
  }
  const Module &WM = VM->module();
  lower::PartPlan Plan = lower::planParts(WM, 0); // part I + 1 is function I

  std::vector<uint32_t> Order(WM.Functions.size());
  std::iota(Order.begin(), Order.end(), 0);
  std::stable_sort(Order.begin(), Order.end(), [&](uint32_t A, uint32_t B) {
    return WM.Functions[A].Body.Size > WM.Functions[B].Body.Size;
  });
  Order.resize(std::min(Top, Order.size()));

  auto TM = codegen::createTargetMachine({"", OptLevel, false, 1});
  if (!TM) {
    std::fprintf(stderr, "wasmc-bench-compile-functions: %s\n",
                 llvm::toString(TM.takeError()).c_str());
    return 1;
  }
  std::printf("%8s %10s %9s %9s %9s %9s %9s %9s %10s\n", "function", "code bytes",
              "IR in", "IR out", "lower ms", "opt ms", "emit ms", "total ms", "ms per KB");
  for (uint32_t DefIndex : Order) {
    llvm::LLVMContext Ctx;
    double T0 = threadCpuMillis();
    auto M = lower::lowerPart(*VM, Plan, DefIndex + 1, Ctx, **TM, LO);
    if (!M) {
      std::fprintf(stderr, "wasmc-bench-compile-functions: function %u: %s\n",
                   WM.NumImportedFuncs + DefIndex, llvm::toString(M.takeError()).c_str());
      return 1;
    }
    double T1 = threadCpuMillis();
    size_t Before = codegen::instructionCount(**M);
    codegen::optimizeModule(**M, **TM, OptLevel);
    size_t After = codegen::instructionCount(**M);
    double T2 = threadCpuMillis();
    auto Object = codegen::emitCode(**M, **TM, llvm::CodeGenFileType::ObjectFile);
    if (!Object) {
      std::fprintf(stderr, "wasmc-bench-compile-functions: %s\n",
                   llvm::toString(Object.takeError()).c_str());
      return 1;
    }
    double T3 = threadCpuMillis();
    size_t Code = WM.Functions[DefIndex].Body.Size;
    std::printf("%8u %10zu %9zu %9zu %9.1f %9.1f %9.1f %9.1f %10.1f\n",
                WM.NumImportedFuncs + DefIndex, Code, Before, After, T1 - T0, T2 - T1,
                T3 - T2, T3 - T0, (T3 - T0) / (double(Code) / 1024));
    std::fflush(stdout);
  }
  return 0;
}
