//===--- LowerSweep.cpp - Lower many modules, verify, optimize, emit ------===//
//
/// \file
/// A test tool, not part of wasmc: `lower-sweep [options] FILE...` lowers
/// each valid module (.wasm or .wat) in both bounds modes, runs
/// llvm::verifyModule, and with --opt also the -O2 pipeline and object
/// emission, then prints counts. Modules that do not validate are counted
/// and skipped (spec scripts contain many on purpose). --print writes the
/// IR of the first mode to stdout. Used to sweep the spec testsuite.
//
//===----------------------------------------------------------------------===//
#include "codegen/Codegen.h"
#include "lower/LowerError.h"
#include "lower/ModuleLowering.h"
#include "text/ModuleFile.h"

#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <cstring>
#include <string>
#include <vector>

using namespace wasmc;

int main(int Argc, char **Argv) {
  bool Opt = false, Print = false, ExplicitOnly = false;
  std::vector<std::string> Files;
  for (int I = 1; I < Argc; ++I) {
    if (!std::strcmp(Argv[I], "--opt"))
      Opt = true;
    else if (!std::strcmp(Argv[I], "--print"))
      Print = true;
    else if (!std::strcmp(Argv[I], "--explicit"))
      ExplicitOnly = true;
    else
      Files.push_back(Argv[I]);
  }
  auto TMOr = codegen::createTargetMachine({});
  if (!TMOr) {
    llvm::errs() << llvm::toString(TMOr.takeError()) << "\n";
    return 2;
  }
  llvm::TargetMachine &TM = **TMOr;

  unsigned Invalid = 0, Lowered = 0, Unsupported = 0, Failed = 0;
  for (const std::string &Path : Files) {
    auto Bytes = readModuleFile(Path);
    if (!Bytes.ok()) {
      ++Invalid;
      continue;
    }
    auto VM = loadModule(Bytes.take());
    if (!VM.ok()) {
      ++Invalid;
      continue;
    }
    bool Ok = true, Skipped = false;
    for (lower::BoundsMode Mode :
         {lower::BoundsMode::Explicit, lower::BoundsMode::Guard}) {
      if (ExplicitOnly && Mode == lower::BoundsMode::Guard)
        continue;
      llvm::LLVMContext Ctx;
      auto M = lower::lowerModule(*VM, Ctx, TM, {Mode});
      if (!M) {
        bool IsUnsupported = false;
        std::string Msg;
        llvm::handleAllErrors(M.takeError(), [&](const lower::WasmErrorInfo &E) {
          IsUnsupported = E.error().Kind == ErrorKind::Unsupported;
          Msg = E.error().str();
        });
        if (IsUnsupported) {
          Skipped = true;
          break;
        }
        llvm::errs() << Path << ": " << Msg << "\n";
        Ok = false;
        break;
      }
      std::string VerifyMsg;
      llvm::raw_string_ostream VOS(VerifyMsg);
      if (llvm::verifyModule(**M, &VOS)) {
        llvm::errs() << Path << ": verifier: " << VerifyMsg << "\n";
        Ok = false;
        break;
      }
      if (Print) {
        (*M)->print(llvm::outs(), nullptr);
        Print = false;
      }
      if (Opt) {
        codegen::optimizeModule(**M, TM, 2);
        if (llvm::verifyModule(**M, &VOS)) {
          llvm::errs() << Path << ": verifier after -O2: " << VerifyMsg << "\n";
          Ok = false;
          break;
        }
        auto Obj = codegen::emitCode(**M, TM, llvm::CodeGenFileType::ObjectFile);
        if (!Obj) {
          llvm::errs() << Path << ": " << llvm::toString(Obj.takeError()) << "\n";
          Ok = false;
          break;
        }
      }
    }
    if (Skipped)
      ++Unsupported;
    else if (Ok)
      ++Lowered;
    else
      ++Failed;
  }
  llvm::outs() << "lowered " << Lowered << ", unsupported " << Unsupported
               << ", failed " << Failed << ", not valid " << Invalid << "\n";
  return Failed ? 1 : 0;
}
