//===--- MeteringTest.cpp - Fuel, canonical NaNs and call depth in IR -----===//
//
/// \file
/// What LowerOptions::Fuel, CanonicalNaN and LimitCallDepth add to the IR:
/// one fuel charge per reachable metering segment with the cost of
/// wasm/Fuel.h, canonical NaN bits that survive -O2's constant folding, a
/// frame count against RT_DETERMINISTIC_CALL_DEPTH, and the module flags.
/// tests/determinism runs the same options against the interpreter.
//
//===----------------------------------------------------------------------===//
#include "CountDown.h"
#include "LowerTestSupport.h"

#include "lower/AbiTypes.h"

#include "llvm/IR/GlobalVariable.h"

#include <algorithm>

namespace wasmc::lower::test {
namespace {

class MeteringTest : public LowerTest {
protected:
  /// The costs F charges: the constants its fuel compares take, sorted.
  static std::vector<uint64_t> charges(llvm::Function &F) {
    std::vector<uint64_t> Costs;
    for (llvm::BasicBlock &BB : F)
      for (llvm::Instruction &I : BB)
        if (auto *Cmp = llvm::dyn_cast<llvm::ICmpInst>(&I))
          if (Cmp->getPredicate() == llvm::CmpInst::ICMP_SLT &&
              Cmp->getOperand(0)->getType()->isIntegerTy(64))
            if (auto *C = llvm::dyn_cast<llvm::ConstantInt>(Cmp->getOperand(1)))
              Costs.push_back(C->getZExtValue());
    std::sort(Costs.begin(), Costs.end());
    return Costs;
  }

  uint64_t flags() {
    llvm::GlobalVariable *GV = Owned->getGlobalVariable(ModuleInfoSymbol);
    return llvm::cast<llvm::ConstantInt>(
               GV->getInitializer()->getAggregateElement(AbiTypes::InfoFlags))
        ->getZExtValue();
  }
};

constexpr const char *CountDown = wasmc::testing::CountDownWat; // see CountDown.h

TEST_F(MeteringTest, ChargesEveryReachableSegmentItsCost) {
  LowerOptions Opts;
  Opts.Fuel = true;
  lower(CountDown, Opts);
  llvm::Function &F = func("down");
  EXPECT_EQ(charges(F), (std::vector<uint64_t>{1, 1, 1, 3, 5}));
  std::vector<uint64_t> Codes = trapCodes(F);
  EXPECT_NE(std::find(Codes.begin(), Codes.end(), RT_TRAP_OUT_OF_FUEL), Codes.end());
  EXPECT_EQ(flags(), uint64_t(RT_FLAG_FUEL));
}

TEST_F(MeteringTest, NothingWithoutOptions) {
  lower(CountDown);
  llvm::Function &F = func("down");
  EXPECT_TRUE(charges(F).empty());
  EXPECT_EQ(trapCodes(F), (std::vector<uint64_t>{RT_TRAP_STACK_EXHAUSTED}));
  EXPECT_EQ(flags(), 0u);
}

// A signalling NaN plus 1 folds to the quieted NaN with the same payload;
// the canonical mode must fold to the canonical NaN instead.
constexpr const char *FoldedNaN = R"((module
  (func $add (export "add") (result i32)
    (i32.reinterpret_f32 (f32.add (f32.const nan:0x200001) (f32.const 1))))
  (func $promote (export "promote") (result i64)
    (i64.reinterpret_f64 (f64.promote_f32 (f32.const -nan:0x1))))
  (func $neg (export "neg") (result i32)
    (i32.reinterpret_f32 (f32.neg (f32.const nan:0x200001))))))";

TEST_F(MeteringTest, CanonicalNaNsSurviveConstantFolding) {
  LowerOptions Opts;
  Opts.CanonicalNaN = true;
  lower(FoldedNaN, Opts);
  optimize();
  EXPECT_EQ(folded(func("add")).Returns, 0x7fc00000u);
  EXPECT_EQ(folded(func("promote")).Returns, 0x7ff8000000000000u);
  EXPECT_EQ(folded(func("neg")).Returns, 0xffa00001u);
  EXPECT_EQ(flags(), uint64_t(RT_FLAG_CANONICAL_NAN));
}

TEST_F(MeteringTest, HostNaNsWithoutCanonicalMode) {
  lower(FoldedNaN);
  optimize();
  EXPECT_EQ(folded(func("add")).Returns, 0x7fe00001u);
}

TEST_F(MeteringTest, CallDepthIsCountedOnEntryAndReturn) {
  LowerOptions Opts;
  Opts.LimitCallDepth = true;
  lower(R"((module
    (func $f (export "f") (param i32) (result i32)
      (if (local.get 0) (then (return (i32.const 1))))
      (i32.const 2))))", Opts);
  llvm::Function &F = func("f");
  unsigned Limits = count(F, [](llvm::Instruction &I) {
    auto *Cmp = llvm::dyn_cast<llvm::ICmpInst>(&I);
    auto *C = Cmp ? llvm::dyn_cast<llvm::ConstantInt>(Cmp->getOperand(1)) : nullptr;
    return C && Cmp->getPredicate() == llvm::CmpInst::ICMP_UGE &&
           C->getZExtValue() == RT_DETERMINISTIC_CALL_DEPTH;
  });
  EXPECT_EQ(Limits, 1u);
  // One store on entry, one before each of the two returns.
  unsigned DepthStores = count(F, [](llvm::Instruction &I) {
    return llvm::isa<llvm::StoreInst>(I) &&
           llvm::cast<llvm::StoreInst>(I).getValueOperand()->getType()->isIntegerTy(32) &&
           !llvm::isa<llvm::AllocaInst>(llvm::cast<llvm::StoreInst>(I).getPointerOperand());
  });
  EXPECT_EQ(DepthStores, 3u);
  EXPECT_EQ(flags(), uint64_t(RT_FLAG_CALL_DEPTH));
}

} // namespace
} // namespace wasmc::lower::test
