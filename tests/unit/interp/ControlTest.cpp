//===--- ControlTest.cpp - Structured control flow after translation ------===//
#include "InterpTestSupport.h"

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class ControlTest : public InterpTest {};

TEST_F(ControlTest, BrTableSelectsTargetAndDefault) {
  ModuleInstance *I = load(R"((module
    (func (export "classify") (param i32) (result i32)
      (block $d (block $c (block $b (block $a
        (br_table $a $b $c $d (local.get 0)))
        (return (i32.const 10)))
        (return (i32.const 11)))
        (return (i32.const 12)))
      (i32.const 13))))");
  EXPECT_EQ(result(I, "classify", {Value::i32(0)}), Value::i32(10));
  EXPECT_EQ(result(I, "classify", {Value::i32(2)}), Value::i32(12));
  EXPECT_EQ(result(I, "classify", {Value::i32(3)}), Value::i32(13));
  EXPECT_EQ(result(I, "classify", {Value::i32(1000)}), Value::i32(13));
  EXPECT_EQ(result(I, "classify", {Value::i32(-1)}), Value::i32(13));
}

TEST_F(ControlTest, BrTableCarriesValuesAndDropsTheRest) {
  ModuleInstance *I = load(R"((module
    (func (export "f") (param i32) (result i32)
      (block $out (result i32)
        (block $x (result i32)
          (i32.const 99)  ;; left under the branch operands: dropped
          (i32.const 7)
          (i32.const 5)
          (local.get 0)
          (br_table $x $out))
        (i32.add (i32.const 100))))))");
  EXPECT_EQ(result(I, "f", {Value::i32(0)}), Value::i32(105));
  EXPECT_EQ(result(I, "f", {Value::i32(1)}), Value::i32(5));
}

TEST_F(ControlTest, MultiValueBlocksAndBranches) {
  ModuleInstance *I = load(R"((module
    (func (export "swap") (param i32 i32) (result i32 i32)
      (local.get 1) (local.get 0))
    (func (export "block") (result i32)
      (i32.const 1) (i32.const 2)
      (block (param i32 i32) (result i32 i32 i32)
        (i32.const 3))
      (i32.sub) (i32.mul))
    (func (export "br") (param i32) (result i64 i32)
      (block $b (result i64 i32)
        (i32.const 42)  ;; dropped by the branch
        (i64.const 7) (i32.const 8)
        (br_if $b (local.get 0))
        (drop) (drop) (drop)
        (i64.const -1) (i32.const -1)))))");
  Outcome Swap = call(I, "swap", {Value::i32(1), Value::i32(2)});
  ASSERT_EQ(Swap.Results.size(), 2u);
  EXPECT_EQ(Swap.Results[0], Value::i32(2));
  EXPECT_EQ(Swap.Results[1], Value::i32(1));
  EXPECT_EQ(result(I, "block"), Value::i32(uint32_t(-1)));
  Outcome Taken = call(I, "br", {Value::i32(1)});
  ASSERT_EQ(Taken.Results.size(), 2u);
  EXPECT_EQ(Taken.Results[0], Value::i64(7));
  EXPECT_EQ(Taken.Results[1], Value::i32(8));
  Outcome NotTaken = call(I, "br", {Value::i32(0)});
  EXPECT_EQ(NotTaken.Results[0], Value::i64(uint64_t(-1)));
}

TEST_F(ControlTest, LoopWithParametersAndBackwardBranch) {
  // Sums 1..n with the accumulator and counter carried as loop parameters.
  ModuleInstance *I = load(R"((module
    (func (export "sum") (param $n i32) (result i32)
      (i32.const 0) (local.get $n)
      (loop $l (param i32 i32) (result i32)
        (local.set $n)
        (i32.add (local.get $n))
        (local.get $n) (i32.const 1) (i32.sub)
        (local.tee $n)
        (br_if $l (local.get $n))
        (drop)))
    (func (export "count") (param i32) (result i32) (local i32)
      (loop $l
        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
        (br_if $l (i32.lt_u (local.get 1) (local.get 0))))
      (local.get 1))))");
  EXPECT_EQ(result(I, "sum", {Value::i32(10)}), Value::i32(55));
  EXPECT_EQ(result(I, "count", {Value::i32(100000)}), Value::i32(100000));
}

TEST_F(ControlTest, IfElseWithAndWithoutElse) {
  ModuleInstance *I = load(R"((module
    (func (export "pick") (param i32) (result i32)
      (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))
    (func (export "inc") (param i32 i32) (result i32)
      (local.get 1)
      (if (param i32) (result i32) (local.get 0)
        (then (i32.const 1) (i32.add))))
    (func (export "early") (param i32) (result i32)
      (if (local.get 0) (then (return (i32.const 7))))
      (i32.const 8))))");
  EXPECT_EQ(result(I, "pick", {Value::i32(5)}), Value::i32(1));
  EXPECT_EQ(result(I, "pick", {Value::i32(0)}), Value::i32(2));
  EXPECT_EQ(result(I, "inc", {Value::i32(1), Value::i32(41)}), Value::i32(42));
  EXPECT_EQ(result(I, "inc", {Value::i32(0), Value::i32(41)}), Value::i32(41));
  EXPECT_EQ(result(I, "early", {Value::i32(1)}), Value::i32(7));
  EXPECT_EQ(result(I, "early", {Value::i32(0)}), Value::i32(8));
}

TEST_F(ControlTest, UnreachableCodeIsSkipped) {
  // After br/return/unreachable the stack is polymorphic; the dead code must
  // neither be run nor confuse the height bookkeeping.
  ModuleInstance *I = load(R"((module
    (func (export "f") (result i32)
      (block $b (result i32)
        (br $b (i32.const 3))
        (i32.add)
        (block (loop (unreachable)))
        (if (then (nop)) (else (nop)))
        (i32.const 1))
      (return (i32.add (i32.const 1)))
      (drop))
    (func (export "trap") (result i32)
      (unreachable))))");
  EXPECT_EQ(result(I, "f"), Value::i32(4));
  EXPECT_EQ(trapOf(I, "trap"), RT_TRAP_UNREACHABLE);
}

TEST_F(ControlTest, SelectUntypedAndTyped) {
  ModuleInstance *I = load(R"((module
    (func (export "sel") (param i32) (result i64)
      (select (i64.const 1) (i64.const 2) (local.get 0)))
    (func (export "selref") (param i32 externref) (result externref)
      (select (result externref) (local.get 1) (ref.null extern) (local.get 0)))))");
  EXPECT_EQ(result(I, "sel", {Value::i32(1)}), Value::i64(1));
  EXPECT_EQ(result(I, "sel", {Value::i32(0)}), Value::i64(2));
  EXPECT_EQ(result(I, "selref", {Value::i32(1), Value::externRef(5)}),
            Value::externRef(5));
  EXPECT_TRUE(
      result(I, "selref", {Value::i32(0), Value::externRef(5)}).isNull());
}

} // namespace
