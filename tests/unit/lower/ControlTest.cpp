//===--- ControlTest.cpp - Structured control flow and its IR -------------===//
#include "LowerTestSupport.h"

namespace wasmc::lower::test {
namespace {

using llvm::isa;

class ControlTest : public LowerTest {
protected:
  static unsigned phiCount(llvm::Function &F) {
    return count(F, [](llvm::Instruction &I) { return isa<llvm::PHINode>(I); });
  }
};

TEST_F(ControlTest, BlockWithoutBranchesNeedsNoPhi) {
  lower(R"((module (func $f (param i32) (result i32)
    (block (result i32) (local.get 0)))))");
  EXPECT_EQ(phiCount(func("f")), 0u);
}

TEST_F(ControlTest, BranchToBlockMergesWithPhi) {
  lower(R"((module (func $f (param i32) (result i32)
    (block (result i32)
      (br_if 0 (i32.const 7) (local.get 0))
      (drop) (i32.const 9)))))");
  llvm::Function &F = func("f");
  EXPECT_EQ(phiCount(F), 1u);
  optimize();
  // select or phi of 7 and 9 remains; the function is not constant.
  EXPECT_FALSE(folded(F).Returns.has_value());
}

TEST_F(ControlTest, LoopParamsBecomeHeaderPhis) {
  lower(R"((module (func $sum (param $n i32) (result i32)
    (i32.const 0)
    (loop $l (param i32) (result i32)
      (local.get $n) (i32.add)
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $l (local.get $n))))))");
  llvm::Function &F = func("sum");
  unsigned HeaderPhis = 0;
  for (llvm::BasicBlock &BB : F)
    if (BB.getName().starts_with("loop"))
      HeaderPhis += unsigned(std::distance(BB.phis().begin(), BB.phis().end()));
  EXPECT_EQ(HeaderPhis, 1u);
}

TEST_F(ControlTest, FoldsLoopComputation) {
  lower(R"((module (func $fac (result i64) (local $i i64) (local $acc i64)
    (local.set $i (i64.const 10)) (local.set $acc (i64.const 1))
    (block $done (loop $l
      (br_if $done (i64.eqz (local.get $i)))
      (local.set $acc (i64.mul (local.get $acc) (local.get $i)))
      (local.set $i (i64.sub (local.get $i) (i64.const 1)))
      (br $l)))
    (local.get $acc))))");
  optimize();
  EXPECT_EQ(folded(func("fac")).Returns, 3628800u);
}

TEST_F(ControlTest, IfWithoutElsePassesParamsThrough) {
  lower(R"((module
    (func $f (param i32) (result i32)
      (i32.const 5)
      (if (param i32) (result i32) (local.get 0)
        (then (i32.const 1) (i32.add))))
    (func $t (result i32) (call $f (i32.const 1)))
    (func $e (result i32) (call $f (i32.const 0)))))");
  optimize();
  EXPECT_EQ(folded(func("t")).Returns, 6u);
  EXPECT_EQ(folded(func("e")).Returns, 5u);
}

TEST_F(ControlTest, IfElseSelectsArm) {
  lower(R"((module
    (func $f (param i32) (result i32)
      (if (result i32) (local.get 0) (then (i32.const 10)) (else (i32.const 20))))
    (func $t (result i32) (call $f (i32.const 3)))
    (func $e (result i32) (call $f (i32.const 0)))))");
  optimize();
  EXPECT_EQ(folded(func("t")).Returns, 10u);
  EXPECT_EQ(folded(func("e")).Returns, 20u);
}

TEST_F(ControlTest, BrTableIsSwitch) {
  lower(R"((module (func $f (param i32) (result i32)
    (block (block (block
      (br_table 0 1 2 (local.get 0)))
      (return (i32.const 10)))
      (return (i32.const 11)))
    (i32.const 12))))");
  llvm::Function &F = func("f");
  EXPECT_EQ(count(F, [](llvm::Instruction &I) { return isa<llvm::SwitchInst>(I); }), 1u);
}

TEST_F(ControlTest, BrTableWithValuesHasOnePhiInputPerLabel) {
  // 200 entries to two labels carrying a value: two inputs, not 201.
  std::string Targets;
  for (int I = 0; I < 200; ++I)
    Targets += I % 2 ? "0 " : "1 ";
  lower("(module (func $f (param i32) (result i32) (block (result i32)"
        " (block (result i32) (br_table " + Targets +
        "0 (i32.const 3) (local.get 0))) (i32.const 1) (i32.add))))");
  llvm::Function &F = func("f");
  for (llvm::BasicBlock &BB : F)
    for (llvm::PHINode &Phi : BB.phis())
      EXPECT_LE(Phi.getNumIncomingValues(), 2u);
}

TEST_F(ControlTest, UnreachableCodeIsNotEmitted) {
  lower(R"((module (func $f (result i32)
    (return (i32.const 1))
    (i32.add (i32.mul (i32.const 2) (i32.const 3)) (i32.const 4))
    (block (result i32) (i32.const 5))
    (drop)
    (if (then (unreachable)) (else (nop)))
    (i32.const 0))))");
  llvm::Function &F = func("f");
  EXPECT_EQ(count(F, [](llvm::Instruction &I) { return I.isBinaryOp(); }), 0u);
  EXPECT_EQ(folded(F).Returns, 1u);
}

TEST_F(ControlTest, UnreachableIfArmStillMerges) {
  lower(R"((module
    (func $f (param i32) (result i32)
      (if (result i32) (local.get 0) (then (unreachable)) (else (i32.const 4))))
    (func $e (result i32) (call $f (i32.const 0)))
    (func $t (result i32) (call $f (i32.const 1)))))");
  optimize();
  EXPECT_EQ(folded(func("e")).Returns, 4u);
  EXPECT_EQ(folded(func("t")).Traps, uint64_t(RT_TRAP_UNREACHABLE));
}

TEST_F(ControlTest, BranchOutOfNestedBlocksFromUnreachableContext) {
  lower(R"((module (func $f (param i32) (result i32)
    (block $out (result i32)
      (block (result i32)
        (br $out (i32.const 8))
        (br 0 (i32.const 9)))
      (drop) (i32.const 10)))
    (func $g (result i32) (call $f (i32.const 0)))))");
  optimize();
  EXPECT_EQ(folded(func("g")).Returns, 8u);
}

TEST_F(ControlTest, MultiValueReturnIsStruct) {
  lower(R"((module
    (func $pair (param i32) (result i32 i64) (local.get 0) (i64.const 7))
    (func $sum (result i64) (local i64)
      (call $pair (i32.const 5))
      (local.set 0) (i64.extend_i32_u) (local.get 0) (i64.add))))");
  llvm::Function &Pair = func("pair");
  EXPECT_TRUE(Pair.getReturnType()->isStructTy());
  optimize();
  EXPECT_EQ(folded(func("sum")).Returns, 12u);
}

TEST_F(ControlTest, BlockParamsAndResults) {
  lower(R"((module (type $t (func (param i32 i32) (result i32 i32)))
    (func $swap (result i32) (local i32 i32)
      (i32.const 3) (i32.const 10)
      (block (type $t) (param i32 i32) (result i32 i32)
        (local.set 0) (local.set 1) (local.get 0) (local.get 1))
      (i32.sub))
    (func $go (result i32) (call $swap))))");
  optimize();
  EXPECT_EQ(folded(func("go")).Returns, 7u);
}

TEST_F(ControlTest, EntryChecksStackLimit) {
  lower(R"((module (func $f)))");
  llvm::Function &F = func("f");
  EXPECT_EQ(calls(F, "llvm.stacksave.p0"), 1u);
  EXPECT_EQ(trapCodes(F), std::vector<uint64_t>{RT_TRAP_STACK_EXHAUSTED});
}

TEST_F(ControlTest, UnreachableTraps) {
  lower(R"((module (func $f (unreachable))))");
  EXPECT_EQ(trapCodes(func("f")),
            (std::vector<uint64_t>{RT_TRAP_UNREACHABLE, RT_TRAP_STACK_EXHAUSTED}));
}

TEST_F(ControlTest, InfiniteRecursionKeepsCallsAtO2) {
  lower(R"((module (func $run (call $run))
    (func $even (param i32) (result i32)
      (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1))
        (else (call $odd (i32.sub (local.get 0) (i32.const 1))))))
    (func $odd (param i32) (result i32)
      (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
        (else (call $even (i32.sub (local.get 0) (i32.const 1))))))))");
  optimize();
  // Tail calls or tail-recursion elimination would loop in constant stack
  // and never reach the stack check.
  EXPECT_EQ(calls(func("run"), "wasm_run"), 1u);
  for (llvm::BasicBlock &BB : func("run"))
    for (llvm::Instruction &I : BB)
      if (auto *C = llvm::dyn_cast<llvm::CallInst>(&I);
          C && C->getCalledFunction() &&
          C->getCalledFunction()->getName() == "wasm_run") {
        EXPECT_TRUE(C->isNoTailCall());
      }
}

TEST_F(ControlTest, SimdIsUnsupported) {
  WasmError E = lowerError(R"((module (func (result i32)
    (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4)))))");
  EXPECT_EQ(E.Kind, ErrorKind::Unsupported);
  EXPECT_NE(E.Message.find("SIMD is not yet supported by the AOT backend"),
            std::string::npos);
  WasmError E2 = lowerError(R"((module (func (param v128))))");
  EXPECT_EQ(E2.Kind, ErrorKind::Unsupported);
}

} // namespace
} // namespace wasmc::lower::test
