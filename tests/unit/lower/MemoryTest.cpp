//===--- MemoryTest.cpp - Loads, stores, bounds modes, memory calls -------===//
#include "LowerTestSupport.h"

namespace wasmc::lower::test {
namespace {

using llvm::dyn_cast;
using llvm::isa;

class MemoryTest : public LowerTest {
protected:
  static unsigned loadsOf(llvm::Function &F, llvm::Type *Ty) {
    return count(F, [&](llvm::Instruction &I) {
      auto *L = dyn_cast<llvm::LoadInst>(&I);
      return L && L->getType() == Ty;
    });
  }
  static unsigned boundsCompares(llvm::Function &F) {
    return count(F, [](llvm::Instruction &I) {
      auto *C = dyn_cast<llvm::ICmpInst>(&I);
      return C && C->getPredicate() == llvm::CmpInst::ICMP_UGT &&
             C->getOperand(0)->getType()->isIntegerTy(64);
    });
  }
};

constexpr const char *LoadModule = R"((module (memory 1)
  (func $load (param i32) (result i32) (i32.load offset=4 (local.get 0)))))";

TEST_F(MemoryTest, GuardModeHasNoCompare) {
  lower(LoadModule, BoundsMode::Guard);
  llvm::Function &F = func("load");
  EXPECT_EQ(boundsCompares(F), 0u);
  EXPECT_EQ(trapCodes(F), std::vector<uint64_t>{RT_TRAP_STACK_EXHAUSTED});
  // The index is zero-extended, never sign-extended.
  EXPECT_EQ(count(F, [](llvm::Instruction &I) { return isa<llvm::ZExtInst>(I); }), 1u);
  EXPECT_EQ(count(F, [](llvm::Instruction &I) { return isa<llvm::SExtInst>(I); }), 0u);
}

TEST_F(MemoryTest, ExplicitModeComparesEndWithSize) {
  lower(LoadModule, BoundsMode::Explicit);
  llvm::Function &F = func("load");
  EXPECT_EQ(boundsCompares(F), 1u);
  std::vector<uint64_t> Codes = trapCodes(F);
  EXPECT_NE(std::find(Codes.begin(), Codes.end(), RT_TRAP_MEMORY_OOB), Codes.end());
  // index + offset + size: 4 + 4.
  std::string Text = ir(F);
  EXPECT_NE(Text.find("add nuw nsw i64 %"), std::string::npos) << Text;
  EXPECT_NE(Text.find(", 8"), std::string::npos) << Text;
}

TEST_F(MemoryTest, AccessesAreByteAligned) {
  lower(R"((module (memory 1)
    (func $f (param i32)
      (i64.store align=8 (local.get 0) (i64.load align=8 (local.get 0))))))");
  // Linear memory addresses are byte GEPs off the memory base.
  auto IsLinear = [](llvm::Value *Ptr) {
    auto *GEP = dyn_cast<llvm::GetElementPtrInst>(Ptr);
    return GEP && GEP->getSourceElementType()->isIntegerTy(8);
  };
  unsigned Accesses = 0;
  for (llvm::BasicBlock &BB : func("f"))
    for (llvm::Instruction &I : BB) {
      if (auto *L = dyn_cast<llvm::LoadInst>(&I); L && IsLinear(L->getPointerOperand())) {
        EXPECT_EQ(L->getAlign().value(), 1u);
        ++Accesses;
      }
      if (auto *S = dyn_cast<llvm::StoreInst>(&I); S && IsLinear(S->getPointerOperand())) {
        EXPECT_EQ(S->getAlign().value(), 1u);
        ++Accesses;
      }
    }
  EXPECT_EQ(Accesses, 2u);
}

TEST_F(MemoryTest, NarrowAccessesExtendAndTruncate) {
  lower(R"((module (memory 1)
    (func $f (param i32) (result i64)
      (i64.store16 (local.get 0) (i64.const 0x12345))
      (i64.load8_s (local.get 0)))))");
  llvm::Function &F = func("f");
  EXPECT_EQ(loadsOf(F, llvm::Type::getInt8Ty(Ctx)), 1u);
  EXPECT_EQ(count(F, [](llvm::Instruction &I) { return isa<llvm::SExtInst>(I); }), 1u);
  EXPECT_EQ(count(F, [](llvm::Instruction &I) {
              auto *S = dyn_cast<llvm::StoreInst>(&I);
              return S && S->getValueOperand()->getType()->isIntegerTy(16);
            }),
            1u);
}

TEST_F(MemoryTest, DroppedLoadSurvivesO2InGuardMode) {
  lower(R"((module (memory 1)
    (func $f (param i32) (drop (i32.load8_u (local.get 0))))))",
        BoundsMode::Guard);
  optimize();
  llvm::Function &F = func("f");
  EXPECT_EQ(count(F, [](llvm::Instruction &I) {
              auto *L = dyn_cast<llvm::LoadInst>(&I);
              return L && L->isVolatile();
            }),
            1u);
}

TEST_F(MemoryTest, LoadDeadAfterInliningSurvivesO2InGuardMode) {
  lower(R"((module (memory 1) (global $a (mut i32) (i32.const 65533))
    (func $peek (result i32) (i32.load (global.get $a)))
    (func $local (param i32) (local i32) (local.set 1 (i32.wrap_i64 (i64.load (local.get 0)))))
    (func $f (drop (call $peek)))))",
        BoundsMode::Guard);
  optimize();
  for (const char *Name : {"f", "local"})
    EXPECT_EQ(count(func(Name), [](llvm::Instruction &I) {
                auto *L = dyn_cast<llvm::LoadInst>(&I);
                return L && L->isVolatile();
              }),
              1u)
        << Name;
}

TEST_F(MemoryTest, GuardLoadsCarryKeepAliveUntilOptimized) {
  lower(LoadModule, BoundsMode::Guard);
  EXPECT_EQ(calls(func("load"), "wasmc.keepalive"), 1u);
  optimize();
  // Resolved: the loaded value is returned, so the load stays plain.
  EXPECT_EQ(calls(func("load"), "wasmc.keepalive"), 0u);
  lower(LoadModule, BoundsMode::Explicit);
  EXPECT_EQ(calls(func("load"), "wasmc.keepalive"), 0u);
}

TEST_F(MemoryTest, DroppedLoadKeepsCheckInExplicitMode) {
  lower(R"((module (memory 1)
    (func $f (param i32) (drop (i64.load (local.get 0))))))",
        BoundsMode::Explicit);
  optimize();
  std::vector<uint64_t> Codes = trapCodes(func("f"));
  EXPECT_NE(std::find(Codes.begin(), Codes.end(), RT_TRAP_MEMORY_OOB), Codes.end());
}

TEST_F(MemoryTest, MemorySizeIsBytesOver64K) {
  lower(R"((module (memory 1) (func $f (result i32) (memory.size))))");
  std::string Text = ir(func("f"));
  EXPECT_NE(Text.find("lshr i64"), std::string::npos) << Text;
  EXPECT_NE(Text.find(", 16"), std::string::npos) << Text;
}

TEST_F(MemoryTest, GrowAndBulkOperationsCallTheRuntime) {
  lower(R"((module (memory 1) (data $d "abc")
    (func $f (param i32) (result i32)
      (memory.fill (i32.const 0) (i32.const 1) (local.get 0))
      (memory.copy (i32.const 0) (i32.const 1) (local.get 0))
      (memory.init $d (i32.const 0) (i32.const 1) (i32.const 2))
      (data.drop $d)
      (memory.grow (local.get 0)))))");
  llvm::Function &F = func("f");
  EXPECT_EQ(calls(F, "rt_memory_fill"), 1u);
  EXPECT_EQ(calls(F, "rt_memory_copy"), 1u);
  EXPECT_EQ(calls(F, "rt_memory_init"), 1u);
  EXPECT_EQ(calls(F, "rt_data_drop"), 1u);
  EXPECT_EQ(calls(F, "rt_memory_grow"), 1u);
  // The three trapping calls share one block that raises their code.
  unsigned DynamicTraps = 0;
  for (llvm::BasicBlock &BB : F)
    if (BB.getName().starts_with("trap.dyn")) {
      ++DynamicTraps;
      EXPECT_EQ(llvm::cast<llvm::PHINode>(BB.front()).getNumIncomingValues(), 3u);
    }
  EXPECT_EQ(DynamicTraps, 1u);
}

TEST_F(MemoryTest, TrapBranchesAreCold) {
  lower(LoadModule, BoundsMode::Explicit);
  for (llvm::BasicBlock &BB : func("load"))
    if (auto *Br = dyn_cast<llvm::BranchInst>(BB.getTerminator());
        Br && Br->isConditional()) {
      EXPECT_NE(Br->getMetadata(llvm::LLVMContext::MD_prof), nullptr);
    }
}

} // namespace
} // namespace wasmc::lower::test
