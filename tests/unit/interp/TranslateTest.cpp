//===--- TranslateTest.cpp - Superinstructions keep Wasm semantics --------===//
//
// Translation fuses frequent instruction pairs; these tests run every fused
// form against its unfused meaning, and check that no fusion spans a label.
//
//===----------------------------------------------------------------------===//
#include "InterpTestSupport.h"

#include <string>

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class TranslateTest : public InterpTest {};

struct Comparison {
  const char *Op;
  bool (*Holds)(uint32_t, uint32_t);
};

const Comparison Comparisons[] = {
    {"eq", [](uint32_t A, uint32_t B) { return A == B; }},
    {"ne", [](uint32_t A, uint32_t B) { return A != B; }},
    {"lt_s", [](uint32_t A, uint32_t B) { return int32_t(A) < int32_t(B); }},
    {"lt_u", [](uint32_t A, uint32_t B) { return A < B; }},
    {"gt_s", [](uint32_t A, uint32_t B) { return int32_t(A) > int32_t(B); }},
    {"gt_u", [](uint32_t A, uint32_t B) { return A > B; }},
    {"le_s", [](uint32_t A, uint32_t B) { return int32_t(A) <= int32_t(B); }},
    {"le_u", [](uint32_t A, uint32_t B) { return A <= B; }},
    {"ge_s", [](uint32_t A, uint32_t B) { return int32_t(A) >= int32_t(B); }},
    {"ge_u", [](uint32_t A, uint32_t B) { return A >= B; }},
};

TEST_F(TranslateTest, FusedComparisonBranches) {
  const uint32_t Operands[] = {0, 1, 2, 0x7fffffff, 0x80000000u, 0xffffffffu};
  for (const Comparison &C : Comparisons) {
    std::string Op =
        std::string("(i32.") + C.Op + " (local.get 0) (local.get 1))";
    // br_if, br_if after i32.eqz, if, and if after i32.eqz.
    ModuleInstance *I =
        load("(module"
             " (func (export \"brif\") (param i32 i32) (result i32)"
             "  (block (br_if 0 " +
             Op +
             ") (return (i32.const 0))) (i32.const 1))"
             " (func (export \"brifnot\") (param i32 i32) (result i32)"
             "  (block (br_if 0 (i32.eqz " +
             Op +
             ")) (return (i32.const 0))) (i32.const 1))"
             " (func (export \"if\") (param i32 i32) (result i32)"
             "  (if (result i32) " +
             Op +
             " (then (i32.const 1)) (else (i32.const 0))))"
             " (func (export \"ifnot\") (param i32 i32) (result i32)"
             "  (if (result i32) (i32.eqz " +
             Op + ") (then (i32.const 1)) (else (i32.const 0)))))");
    for (uint32_t A : Operands)
      for (uint32_t B : Operands) {
        uint32_t Holds = C.Holds(A, B);
        std::vector<Value> Args{Value::i32(A), Value::i32(B)};
        SCOPED_TRACE(std::string(C.Op) + " " + std::to_string(A) + " " +
                     std::to_string(B));
        EXPECT_EQ(result(I, "brif", Args), Value::i32(Holds));
        EXPECT_EQ(result(I, "brifnot", Args), Value::i32(!Holds));
        EXPECT_EQ(result(I, "if", Args), Value::i32(Holds));
        EXPECT_EQ(result(I, "ifnot", Args), Value::i32(!Holds));
      }
  }
}

TEST_F(TranslateTest, FusedImmediateOperators) {
  ModuleInstance *I = load(R"((module
    (func (export "sub") (param i32) (result i32) (i32.sub (local.get 0) (i32.const 5)))
    (func (export "subMin") (param i32) (result i32)
      (i32.sub (local.get 0) (i32.const 0x80000000)))
    (func (export "addLocal") (param i32) (result i32) (i32.add (local.get 0) (i32.const -1)))
    (func (export "mul") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
    (func (export "and") (param i32) (result i32) (i32.and (local.get 0) (i32.const 0xff)))
    (func (export "or") (param i32) (result i32) (i32.or (local.get 0) (i32.const 0x100)))
    (func (export "xor") (param i32) (result i32) (i32.xor (local.get 0) (i32.const -1)))
    (func (export "shl") (param i32) (result i32) (i32.shl (local.get 0) (i32.const 33)))
    (func (export "shr_s") (param i32) (result i32) (i32.shr_s (local.get 0) (i32.const 63)))
    (func (export "shr_u") (param i32) (result i32) (i32.shr_u (local.get 0) (i32.const 4)))
    (func (export "pair") (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
    (func (export "setget") (param i32) (result i32) (local i32)
      (local.set 1 (i32.const 7)) (local.get 0) (local.set 1) (local.get 1))))");
  EXPECT_EQ(result(I, "sub", {Value::i32(3)}), Value::i32(uint32_t(-2)));
  EXPECT_EQ(result(I, "subMin", {Value::i32(1)}), Value::i32(0x80000001u));
  EXPECT_EQ(result(I, "addLocal", {Value::i32(0)}), Value::i32(0xffffffffu));
  EXPECT_EQ(result(I, "mul", {Value::i32(0x60000000)}),
            Value::i32(0x20000000u));
  EXPECT_EQ(result(I, "and", {Value::i32(0x1234)}), Value::i32(0x34));
  EXPECT_EQ(result(I, "or", {Value::i32(1)}), Value::i32(0x101));
  EXPECT_EQ(result(I, "xor", {Value::i32(0)}), Value::i32(0xffffffffu));
  EXPECT_EQ(result(I, "shl", {Value::i32(1)}), Value::i32(2));
  EXPECT_EQ(result(I, "shr_s", {Value::i32(0x80000000u)}),
            Value::i32(0xffffffffu));
  EXPECT_EQ(result(I, "shr_u", {Value::i32(0x80000000u)}),
            Value::i32(0x08000000u));
  EXPECT_EQ(result(I, "pair", {Value::i32(10), Value::i32(3)}), Value::i32(7));
  EXPECT_EQ(result(I, "setget", {Value::i32(9)}), Value::i32(9));
}

TEST_F(TranslateTest, FusionNeverSpansALabel) {
  // The i32.const before `end` and the i32.add after it must stay apart: the
  // branch to the end brings its own value, which must be added too.
  ModuleInstance *I = load(R"((module
    (func (export "end") (param i32 i32) (result i32)
      (local.get 0)
      (block $b (result i32)
        (br_if $b (i32.const 10) (local.get 1))
        (drop)
        (i32.const 20))
      (i32.add))
    (func (export "loop") (param $n i32) (result i32) (local $acc i32)
      (local.get $n)
      (loop $l (param i32) (result i32)
        (local.get $acc)
        (i32.add)
        (local.set $acc)
        (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $l (local.get $n)))
      (drop)
      (local.get $acc))
    (func (export "else") (param i32) (result i32)
      (i32.const 100)
      (if (param i32) (result i32) (local.get 0)
        (then (i32.const 1) (i32.add))
        (else (i32.const 2) (i32.mul))))))");
  EXPECT_EQ(result(I, "end", {Value::i32(5), Value::i32(1)}), Value::i32(15));
  EXPECT_EQ(result(I, "end", {Value::i32(5), Value::i32(0)}), Value::i32(25));
  EXPECT_EQ(result(I, "loop", {Value::i32(4)}), Value::i32(10));
  EXPECT_EQ(result(I, "else", {Value::i32(1)}), Value::i32(101));
  EXPECT_EQ(result(I, "else", {Value::i32(0)}), Value::i32(200));
}

} // namespace
