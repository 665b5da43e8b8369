//===--- NumericTest.cpp - Integer and float operator semantics -----------===//
//
/// \file
/// Each case applies one operator to constants; after -O2 the function
/// must fold to the Wasm result (bits) or to a call of rt_trap with the
/// Wasm trap. LLVM's folder implements LLVM semantics exactly, so this
/// checks that the lowering picked instructions with Wasm's semantics.
//
//===----------------------------------------------------------------------===//
#include "LowerTestSupport.h"

namespace wasmc::lower::test {
namespace {

struct Case {
  const char *ResultType;
  const char *Expr;
  std::optional<uint64_t> Result;
  std::optional<uint64_t> Trap;
};

class NumericTest : public LowerTest {
protected:
  void check(const Case &C) {
    lower(std::string("(module (func $f (result ") + C.ResultType + ") " +
          C.Expr + "))");
    optimize();
    Folded F = folded(func("f"));
    if (C.Trap) {
      EXPECT_EQ(F.Traps, C.Trap) << C.Expr;
      EXPECT_FALSE(F.Returns.has_value()) << C.Expr;
    } else {
      EXPECT_EQ(F.Returns, C.Result) << C.Expr;
      EXPECT_FALSE(F.Traps.has_value()) << C.Expr;
    }
  }
  void checkAll(std::initializer_list<Case> Cases) {
    for (const Case &C : Cases)
      check(C);
  }
};

constexpr uint64_t DivZero = RT_TRAP_INT_DIV_ZERO;
constexpr uint64_t Overflow = RT_TRAP_INT_OVERFLOW;

TEST_F(NumericTest, IntegerDivision) {
  checkAll({
      {"i32", "(i32.div_s (i32.const 7) (i32.const -2))", 0xfffffffdu, {}},
      {"i32", "(i32.div_s (i32.const 7) (i32.const 0))", {}, DivZero},
      {"i32", "(i32.div_s (i32.const 0x80000000) (i32.const -1))", {}, Overflow},
      {"i32", "(i32.div_s (i32.const 0x80000000) (i32.const 1))", 0x80000000u, {}},
      {"i32", "(i32.div_u (i32.const -1) (i32.const 2))", 0x7fffffffu, {}},
      {"i32", "(i32.div_u (i32.const 1) (i32.const 0))", {}, DivZero},
      {"i32", "(i32.rem_s (i32.const 0x80000000) (i32.const -1))", 0u, {}},
      {"i32", "(i32.rem_s (i32.const -7) (i32.const 2))", 0xffffffffu, {}},
      {"i32", "(i32.rem_s (i32.const 1) (i32.const 0))", {}, DivZero},
      {"i32", "(i32.rem_u (i32.const -1) (i32.const 10))", 5u, {}},
      {"i32", "(i32.rem_u (i32.const 1) (i32.const 0))", {}, DivZero},
      {"i64", "(i64.div_s (i64.const 0x8000000000000000) (i64.const -1))", {}, Overflow},
      {"i64", "(i64.div_s (i64.const -9) (i64.const 2))", uint64_t(-4), {}},
      {"i64", "(i64.div_u (i64.const 5) (i64.const 0))", {}, DivZero},
      {"i64", "(i64.rem_s (i64.const 0x8000000000000000) (i64.const -1))", 0u, {}},
      {"i64", "(i64.rem_u (i64.const -1) (i64.const 7))", 1u, {}},
  });
}

TEST_F(NumericTest, ShiftsTakeCountModuloWidth) {
  checkAll({
      {"i32", "(i32.shl (i32.const 1) (i32.const 33))", 2u, {}},
      {"i32", "(i32.shr_s (i32.const -8) (i32.const 34))", 0xfffffffeu, {}},
      {"i32", "(i32.shr_u (i32.const -1) (i32.const 63))", 1u, {}},
      {"i64", "(i64.shl (i64.const 1) (i64.const 65))", 2u, {}},
      {"i64", "(i64.shr_u (i64.const -1) (i64.const 127))", 1u, {}},
      {"i32", "(i32.rotl (i32.const 0x80000001) (i32.const 33))", 3u, {}},
      {"i32", "(i32.rotr (i32.const 1) (i32.const 1))", 0x80000000u, {}},
      {"i64", "(i64.rotl (i64.const 0x8000000000000000) (i64.const 1))", 1u, {}},
      {"i64", "(i64.rotr (i64.const 2) (i64.const 65))", 1u, {}},
  });
}

TEST_F(NumericTest, BitCountsOfZeroAreDefined) {
  checkAll({
      {"i32", "(i32.clz (i32.const 0))", 32u, {}},
      {"i32", "(i32.ctz (i32.const 0))", 32u, {}},
      {"i64", "(i64.clz (i64.const 0))", 64u, {}},
      {"i64", "(i64.ctz (i64.const 0))", 64u, {}},
      {"i32", "(i32.clz (i32.const 0x00ff0000))", 8u, {}},
      {"i32", "(i32.popcnt (i32.const -1))", 32u, {}},
      {"i64", "(i64.popcnt (i64.const 0x0101010101010101))", 8u, {}},
  });
}

TEST_F(NumericTest, ComparisonsGiveZeroOrOne) {
  checkAll({
      {"i32", "(i32.lt_s (i32.const -1) (i32.const 0))", 1u, {}},
      {"i32", "(i32.lt_u (i32.const -1) (i32.const 0))", 0u, {}},
      {"i32", "(i64.ge_u (i64.const -1) (i64.const 0))", 1u, {}},
      {"i32", "(i32.eqz (i32.const 0))", 1u, {}},
      {"i32", "(f32.eq (f32.const nan) (f32.const nan))", 0u, {}},
      {"i32", "(f32.ne (f32.const nan) (f32.const nan))", 1u, {}},
      {"i32", "(f64.lt (f64.const -0) (f64.const 0))", 0u, {}},
      {"i32", "(f64.ge (f64.const nan) (f64.const 1))", 0u, {}},
  });
}

TEST_F(NumericTest, FloatMinMaxFollowWasm) {
  checkAll({
      {"f32", "(f32.min (f32.const -0) (f32.const 0))", 0x80000000u, {}},
      {"f32", "(f32.max (f32.const -0) (f32.const 0))", 0u, {}},
      {"f64", "(f64.min (f64.const 0) (f64.const -0))", 0x8000000000000000u, {}},
      {"f64", "(f64.max (f64.const 1) (f64.const 2))", 0x4000000000000000u, {}},
  });
  // NaN propagates (minnum would return the other operand).
  lower("(module (func $f (result f32) (f32.min (f32.const nan) (f32.const 1))))");
  optimize();
  std::optional<uint64_t> Bits = folded(func("f")).Returns;
  ASSERT_TRUE(Bits.has_value());
  EXPECT_EQ(*Bits & 0x7f800000u, 0x7f800000u);
  EXPECT_NE(*Bits & 0x007fffffu, 0u);
}

TEST_F(NumericTest, SignOperationsKeepNaNPayload) {
  checkAll({
      {"f32", "(f32.neg (f32.const nan:0x200001))", 0xffa00001u, {}},
      {"f32", "(f32.abs (f32.const -nan:0x1))", 0x7f800001u, {}},
      {"f64", "(f64.neg (f64.const -nan:0x1))", 0x7ff0000000000001u, {}},
      {"f32", "(f32.copysign (f32.const nan:0x1234) (f32.const -1))", 0xff801234u, {}},
      {"f32", "(f32.copysign (f32.const 1) (f32.const -0))", 0xbf800000u, {}},
  });
}

TEST_F(NumericTest, RoundingOperators) {
  checkAll({
      {"f32", "(f32.nearest (f32.const 2.5))", 0x40000000u, {}},
      {"f32", "(f32.nearest (f32.const -0.5))", 0x80000000u, {}},
      {"f64", "(f64.nearest (f64.const 3.5))", 0x4010000000000000u, {}},
      {"f32", "(f32.ceil (f32.const -0.5))", 0x80000000u, {}},
      {"f64", "(f64.floor (f64.const -0.5))", 0xbff0000000000000u, {}},
      {"f32", "(f32.trunc (f32.const -1.5))", 0xbf800000u, {}},
      {"f64", "(f64.sqrt (f64.const 4))", 0x4000000000000000u, {}},
  });
}

} // namespace
} // namespace wasmc::lower::test
