//===--- CallTest.cpp - Calls, tables, references, globals ----------------===//
#include "LowerTestSupport.h"

namespace wasmc::lower::test {
namespace {

using llvm::dyn_cast;

class CallTest : public LowerTest {
protected:
  static std::vector<llvm::CallInst *> indirectCalls(llvm::Function &F) {
    std::vector<llvm::CallInst *> Out;
    for (llvm::BasicBlock &BB : F)
      for (llvm::Instruction &I : BB)
        if (auto *C = dyn_cast<llvm::CallInst>(&I); C && C->isIndirectCall())
          Out.push_back(C);
    return Out;
  }
  static bool contains(const std::vector<uint64_t> &V, uint64_t X) {
    return std::find(V.begin(), V.end(), X) != V.end();
  }
};

TEST_F(CallTest, DirectCallPassesSameInstance) {
  lower(R"((module
    (func $callee (param i32) (result i32) (local.get 0))
    (func $caller (result i32) (call $callee (i32.const 4)))))");
  llvm::Function &Caller = func("caller");
  llvm::Function &Callee = func("callee");
  bool Found = false;
  for (llvm::BasicBlock &BB : Caller)
    for (llvm::Instruction &I : BB)
      if (auto *C = dyn_cast<llvm::CallInst>(&I); C && C->getCalledFunction() == &Callee) {
        Found = true;
        EXPECT_EQ(C->getArgOperand(0), Caller.getArg(0));
        EXPECT_TRUE(C->isNoTailCall());
      }
  EXPECT_TRUE(Found);
}

TEST_F(CallTest, ImportedCallGoesThroughFuncref) {
  lower(R"((module (import "env" "h" (func $h (param i64) (result f64)))
    (func $f (result f64) (call $h (i64.const 1)))))");
  std::vector<llvm::CallInst *> Calls = indirectCalls(func("f"));
  ASSERT_EQ(Calls.size(), 1u);
  // The callee's own instance, loaded from its funcref, not the caller's.
  EXPECT_NE(Calls[0]->getArgOperand(0), func("f").getArg(0));
  EXPECT_TRUE(Calls[0]->getType()->isDoubleTy());
}

TEST_F(CallTest, CallIndirectChecksBoundsNullAndType) {
  lower(R"((module (type $t (func (param i32) (result i32)))
    (table 2 funcref)
    (func $f (param i32) (result i32)
      (call_indirect (type $t) (i32.const 1) (local.get 0)))))");
  llvm::Function &F = func("f");
  std::vector<uint64_t> Codes = trapCodes(F);
  EXPECT_TRUE(contains(Codes, RT_TRAP_UNDEFINED_ELEMENT));
  EXPECT_TRUE(contains(Codes, RT_TRAP_UNINITIALIZED_ELEMENT));
  EXPECT_TRUE(contains(Codes, RT_TRAP_INDIRECT_CALL_TYPE));
  EXPECT_EQ(indirectCalls(F).size(), 1u);
}

TEST_F(CallTest, TableAccessChecksBounds) {
  lower(R"((module (table $t 1 externref)
    (func $get (param i32) (result externref) (table.get $t (local.get 0)))
    (func $set (param i32) (table.set $t (local.get 0) (ref.null extern)))
    (func $size (result i32) (table.size $t))
    (func $grow (result i32) (table.grow $t (ref.null extern) (i32.const 3)))))");
  EXPECT_TRUE(contains(trapCodes(func("get")), RT_TRAP_TABLE_OOB));
  EXPECT_TRUE(contains(trapCodes(func("set")), RT_TRAP_TABLE_OOB));
  EXPECT_TRUE(trapCodes(func("size")).size() == 1u);
  EXPECT_EQ(calls(func("grow"), "rt_table_grow"), 1u);
}

TEST_F(CallTest, TableBulkOperationsCallTheRuntime) {
  lower(R"((module (table $a 4 funcref) (table $b 4 funcref)
    (elem $e func $f)
    (func $f
      (table.fill $a (i32.const 0) (ref.null func) (i32.const 1))
      (table.copy $a $b (i32.const 0) (i32.const 1) (i32.const 2))
      (table.init $b $e (i32.const 0) (i32.const 0) (i32.const 1))
      (elem.drop $e))))");
  llvm::Function &F = func("f");
  EXPECT_EQ(calls(F, "rt_table_fill"), 1u);
  EXPECT_EQ(calls(F, "rt_table_copy"), 1u);
  EXPECT_EQ(calls(F, "rt_table_init"), 1u);
  EXPECT_EQ(calls(F, "rt_elem_drop"), 1u);
  // table.init $b $e: the runtime takes (table 1, segment 0).
  for (llvm::BasicBlock &BB : F)
    for (llvm::Instruction &I : BB)
      if (auto *C = dyn_cast<llvm::CallInst>(&I);
          C && C->getCalledFunction() &&
          C->getCalledFunction()->getName() == "rt_table_init") {
        EXPECT_EQ(llvm::cast<llvm::ConstantInt>(C->getArgOperand(1))->getZExtValue(), 1u);
        EXPECT_EQ(llvm::cast<llvm::ConstantInt>(C->getArgOperand(2))->getZExtValue(), 0u);
      }
}

TEST_F(CallTest, References) {
  lower(R"((module
    (func $null (result i32) (ref.is_null (ref.null func)))
    (func $self (result i32) (ref.is_null (ref.func $self)))
    (elem declare func $self)))");
  optimize();
  EXPECT_EQ(folded(func("null")).Returns, 1u);
  EXPECT_FALSE(folded(func("self")).Returns.has_value());
}

TEST_F(CallTest, ImmutableGlobalLoadsAreInvariant) {
  lower(R"((module (global $c i32 (i32.const 1)) (global $m (mut i64) (i64.const 2))
    (func $f (result i32) (global.set $m (i64.const 3)) (global.get $c))))");
  llvm::Function &F = func("f");
  unsigned Invariant = 0, Stores = 0;
  for (llvm::BasicBlock &BB : F)
    for (llvm::Instruction &I : BB) {
      if (auto *L = dyn_cast<llvm::LoadInst>(&I); L && L->getType()->isIntegerTy(32))
        Invariant += L->hasMetadata(llvm::LLVMContext::MD_invariant_load);
      if (auto *S = dyn_cast<llvm::StoreInst>(&I);
          S && S->getValueOperand()->getType()->isIntegerTy(64))
        ++Stores;
    }
  EXPECT_EQ(Invariant, 1u);
  EXPECT_EQ(Stores, 1u);
}

} // namespace
} // namespace wasmc::lower::test
