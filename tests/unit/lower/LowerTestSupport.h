//===--- LowerTestSupport.h - Fixture for lowering tests ------------------===//
//
/// \file
/// Tests state modules in the text format. The fixture converts them with
/// wabt, validates, lowers them for the host and verifies the IR, failing
/// the test on any error. `fold` runs the -O2 pipeline so that a function
/// applied to constants folds to what the lowering computes: a return of a
/// constant, or a call of rt_trap with a trap code.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "codegen/Codegen.h"
#include "lower/LowerError.h"
#include "lower/ModuleLowering.h"
#include "rt/abi.h"
#include "text/WatToBinary.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace wasmc::lower::test {

class LowerTest : public ::testing::Test {
protected:
  static llvm::TargetMachine &targetMachine() {
    static std::unique_ptr<llvm::TargetMachine> TM = [] {
      auto T = codegen::createTargetMachine({});
      if (!T) {
        ADD_FAILURE() << llvm::toString(T.takeError());
        return std::unique_ptr<llvm::TargetMachine>();
      }
      return std::move(*T);
    }();
    return *TM;
  }

  static ValidatedModule validate(std::string_view Wat) {
    auto Bytes = watToBinary(Wat, "test.wat");
    EXPECT_TRUE(Bytes.ok()) << (Bytes.ok() ? "" : Bytes.error().str());
    auto VM = loadModule(Bytes.take());
    EXPECT_TRUE(VM.ok()) << (VM.ok() ? "" : VM.error().str());
    return VM.take();
  }

  /// Lowers Wat, which must succeed and verify.
  llvm::Module &lower(std::string_view Wat, BoundsMode Mode = BoundsMode::Guard) {
    return lower(Wat, LowerOptions{Mode});
  }
  llvm::Module &lower(std::string_view Wat, const LowerOptions &Opts) {
    auto M = lowerModule(validate(Wat), Ctx, targetMachine(), Opts);
    if (!M) {
      ADD_FAILURE() << llvm::toString(M.takeError());
      Owned = std::make_unique<llvm::Module>("empty", Ctx);
      return *Owned;
    }
    Owned = std::move(*M);
    std::string Msg;
    llvm::raw_string_ostream OS(Msg);
    EXPECT_FALSE(llvm::verifyModule(*Owned, &OS)) << Msg;
    return *Owned;
  }

  /// The error of lowering Wat, which must fail.
  WasmError lowerError(std::string_view Wat) {
    auto M = lowerModule(validate(Wat), Ctx, targetMachine(), {});
    WasmError Out;
    if (M) {
      ADD_FAILURE() << "lowering succeeded";
      return Out;
    }
    llvm::handleAllErrors(M.takeError(),
                          [&](const WasmErrorInfo &E) { Out = E.error(); });
    return Out;
  }

  /// Runs -O2 over the current module.
  void optimize() { codegen::optimizeModule(*Owned, targetMachine(), 2); }

  llvm::Function &func(const std::string &Name) {
    llvm::Function *F = Owned->getFunction("wasm_" + Name);
    EXPECT_NE(F, nullptr) << "no function wasm_" << Name;
    return *F;
  }

  static std::string ir(const llvm::Value &V) {
    std::string S;
    llvm::raw_string_ostream OS(S);
    V.print(OS);
    return S;
  }

  /// Counts instructions of F satisfying Pred.
  template <typename PredFn> static unsigned count(llvm::Function &F, PredFn Pred) {
    unsigned N = 0;
    for (llvm::BasicBlock &BB : F)
      for (llvm::Instruction &I : BB)
        N += Pred(I) ? 1 : 0;
    return N;
  }

  /// Trap codes that F passes to rt_trap or rt_trap_detail as constants.
  static std::vector<uint64_t> trapCodes(llvm::Function &F) {
    std::vector<uint64_t> Codes;
    for (llvm::BasicBlock &BB : F)
      for (llvm::Instruction &I : BB)
        if (auto *C = llvm::dyn_cast<llvm::CallInst>(&I))
          if (C->getCalledFunction() &&
              (C->getCalledFunction()->getName() == "rt_trap" ||
               C->getCalledFunction()->getName() == "rt_trap_detail"))
            if (auto *K = llvm::dyn_cast<llvm::ConstantInt>(C->getArgOperand(1)))
              Codes.push_back(K->getZExtValue());
    return Codes;
  }

  static unsigned calls(llvm::Function &F, llvm::StringRef Callee) {
    return count(F, [&](llvm::Instruction &I) {
      auto *C = llvm::dyn_cast<llvm::CallInst>(&I);
      return C && C->getCalledFunction() &&
             C->getCalledFunction()->getName() == Callee;
    });
  }

  /// What F does once folded at -O2: the constant it returns, or the trap
  /// code it always raises (as -code), or nullopt if neither.
  struct Folded {
    std::optional<uint64_t> Returns;
    std::optional<uint64_t> Traps;
  };
  static Folded folded(llvm::Function &F) {
    Folded R;
    for (llvm::BasicBlock &BB : F)
      for (llvm::Instruction &I : BB) {
        if (auto *Ret = llvm::dyn_cast<llvm::ReturnInst>(&I)) {
          if (auto *C = llvm::dyn_cast_or_null<llvm::ConstantInt>(Ret->getReturnValue()))
            R.Returns = C->getZExtValue();
          else if (auto *FP = llvm::dyn_cast_or_null<llvm::ConstantFP>(Ret->getReturnValue()))
            R.Returns = FP->getValueAPF().bitcastToAPInt().getZExtValue();
        }
      }
    std::vector<uint64_t> Codes = trapCodes(F);
    // Folded to one trap: the entry's stack check remains beside it.
    for (uint64_t C : Codes)
      if (C != RT_TRAP_STACK_EXHAUSTED)
        R.Traps = C;
    return R;
  }

  llvm::LLVMContext Ctx;
  std::unique_ptr<llvm::Module> Owned;
};

} // namespace wasmc::lower::test
