//===--- Codegen.cpp - TargetMachine, pass pipeline, object emission ------===//
#include "codegen/Codegen.h"
#include "codegen/KeepAlive.h"
#include "codegen/NoWrapVersioning.h"

#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <mutex>

namespace wasmc::codegen {

static void initializeTargets() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    // Every target libLLVM was built with, so --target can cross-compile.
    llvm::InitializeAllTargetInfos();
    llvm::InitializeAllTargets();
    llvm::InitializeAllTargetMCs();
    llvm::InitializeAllAsmPrinters();
    llvm::InitializeAllAsmParsers();
  });
}

static llvm::CodeGenOptLevel codeGenLevel(unsigned OptLevel) {
  switch (OptLevel) {
  case 0: return llvm::CodeGenOptLevel::None;
  case 1: return llvm::CodeGenOptLevel::Less;
  case 3: return llvm::CodeGenOptLevel::Aggressive;
  default: return llvm::CodeGenOptLevel::Default;
  }
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const CodegenOptions &Opts) {
  initializeTargets();
  std::string TripleStr =
      Opts.Triple.empty() ? llvm::sys::getDefaultTargetTriple() : Opts.Triple;
  std::string Err;
  const llvm::Target *T = llvm::TargetRegistry::lookupTarget(TripleStr, Err);
  if (!T)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "unsupported target '%s': %s",
                                   TripleStr.c_str(), Err.c_str());
  // Tune for the host CPU only when compiling for the host: a cross
  // compilation must not assume the build machine's features.
  bool Host = Opts.Triple.empty();
  std::string Cpu = Host ? llvm::sys::getHostCPUName().str() : "generic";
  std::string Features;
  if (Host) {
    llvm::SubtargetFeatures F;
    for (const auto &KV : llvm::sys::getHostCPUFeatures())
      F.AddFeature(KV.first(), KV.second);
    Features = F.getString();
  }
  llvm::TargetOptions TO;
  auto RM = Opts.PIC ? llvm::Reloc::PIC_ : llvm::Reloc::Static;
  std::unique_ptr<llvm::TargetMachine> TM(T->createTargetMachine(
      TripleStr, Cpu, Features, TO, RM, std::nullopt, codeGenLevel(Opts.OptLevel)));
  if (!TM)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot create a target machine for '%s'",
                                   TripleStr.c_str());
  return TM;
}

void configureModule(llvm::Module &M, const llvm::TargetMachine &TM) {
  M.setTargetTriple(TM.getTargetTriple().str());
  M.setDataLayout(TM.createDataLayout());
}

namespace {

/// Above this many IR instructions a module counts as large: about 1 MB
/// of wasm from C, ten times the largest of the bench kernels.
constexpr size_t LargeModuleInstructions = 400000;
/// LLVM's -O2 threshold is 225.
constexpr int LargeModuleInlineThreshold = 75;

} // namespace

size_t instructionCount(const llvm::Module &M) {
  size_t N = 0;
  for (const llvm::Function &F : M)
    N += F.getInstructionCount();
  return N;
}

void optimizeModule(llvm::Module &M, llvm::TargetMachine &TM, unsigned OptLevel) {
  if (OptLevel == 0) {
    for (llvm::Function &F : M)
      resolveKeepAlives(F);
    return;
  }
  llvm::LoopAnalysisManager LAM;
  llvm::FunctionAnalysisManager FAM;
  llvm::CGSCCAnalysisManager CGAM;
  llvm::ModuleAnalysisManager MAM;
  llvm::PipelineTuningOptions PTO;
  PTO.LoopVectorization = OptLevel >= 2;
  PTO.SLPVectorization = OptLevel >= 2;
  // The CGSCC inliner's cost grows faster than the module: on modules of
  // many functions it takes half the pipeline. Inline less there
  // (docs/benchmarks.md, "Where the time of a large module goes").
  if (instructionCount(M) > LargeModuleInstructions)
    PTO.InlinerThreshold = LargeModuleInlineThreshold;
  llvm::PassBuilder PB(&TM, PTO);
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  PB.registerVectorizerStartEPCallback(
      [](llvm::FunctionPassManager &FPM, llvm::OptimizationLevel Level) {
        FPM.addPass(ResolveKeepAlivesPass());
        if (Level.getSpeedupLevel() >= 2)
          FPM.addPass(NoWrapVersioningPass());
      });
  llvm::OptimizationLevel Level = OptLevel == 1   ? llvm::OptimizationLevel::O1
                                  : OptLevel == 3 ? llvm::OptimizationLevel::O3
                                                  : llvm::OptimizationLevel::O2;
  llvm::ModulePassManager MPM = PB.buildPerModuleDefaultPipeline(Level);
  MPM.run(M, MAM);
  // Pipelines without a vectorizer stage (-O1) leave keepalives behind;
  // they must be resolved before code generation.
  for (llvm::Function &F : M)
    resolveKeepAlives(F);
}

llvm::Expected<llvm::SmallVector<char, 0>>
emitCode(llvm::Module &M, llvm::TargetMachine &TM, llvm::CodeGenFileType Kind) {
  llvm::SmallVector<char, 0> Buffer;
  llvm::raw_svector_ostream OS(Buffer);
  llvm::legacy::PassManager PM;
  if (TM.addPassesToEmitFile(PM, OS, nullptr, Kind))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the target cannot emit this file type");
  PM.run(M);
  return Buffer;
}

} // namespace wasmc::codegen
