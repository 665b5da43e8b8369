//===--- ConvertTest.cpp - Conversion semantics at the range boundaries ---===//
//
/// \file
/// For each trapping float-to-int truncation: the extreme inputs that
/// convert, the first ones beyond that trap with "integer overflow", and
/// NaN ("invalid conversion to integer"); then the saturating forms and a
/// few other conversions, all folded at -O2 (see NumericTest.cpp).
//
//===----------------------------------------------------------------------===//
#include "LowerTestSupport.h"

namespace wasmc::lower::test {
namespace {

class ConvertTest : public LowerTest {
protected:
  void expectValue(const char *Ty, const std::string &Expr, uint64_t Bits) {
    lower(std::string("(module (func $f (result ") + Ty + ") " + Expr + "))");
    optimize();
    Folded F = folded(func("f"));
    EXPECT_EQ(F.Returns, Bits) << Expr;
    EXPECT_FALSE(F.Traps.has_value()) << Expr;
  }
  void expectTrap(const char *Ty, const std::string &Expr, uint64_t Code) {
    lower(std::string("(module (func $f (result ") + Ty + ") " + Expr + "))");
    optimize();
    Folded F = folded(func("f"));
    EXPECT_EQ(F.Traps, Code) << Expr;
    EXPECT_FALSE(F.Returns.has_value()) << Expr;
  }
  /// Op applied to the float constant Arg, e.g. ("i32.trunc_f32_s", "f32", "1.5").
  static std::string apply(const char *Op, const char *FTy, const char *Arg) {
    return std::string("(") + Op + " (" + FTy + ".const " + Arg + "))";
  }
};

constexpr uint64_t Overflow = RT_TRAP_INT_OVERFLOW;
constexpr uint64_t Invalid = RT_TRAP_INVALID_CONVERSION;

TEST_F(ConvertTest, I32TruncF32S) {
  const char *Op = "i32.trunc_f32_s";
  expectValue("i32", apply(Op, "f32", "-2147483648"), 0x80000000u);
  expectValue("i32", apply(Op, "f32", "2147483520"), 2147483520u);
  expectValue("i32", apply(Op, "f32", "-1.9"), 0xffffffffu);
  expectTrap("i32", apply(Op, "f32", "-2147483904"), Overflow);
  expectTrap("i32", apply(Op, "f32", "2147483648"), Overflow);
  expectTrap("i32", apply(Op, "f32", "nan"), Invalid);
  expectTrap("i32", apply(Op, "f32", "-inf"), Overflow);
}

TEST_F(ConvertTest, I32TruncF64S) {
  const char *Op = "i32.trunc_f64_s";
  expectValue("i32", apply(Op, "f64", "-2147483648.9"), 0x80000000u);
  expectValue("i32", apply(Op, "f64", "2147483647.9"), 0x7fffffffu);
  expectTrap("i32", apply(Op, "f64", "-2147483649"), Overflow);
  expectTrap("i32", apply(Op, "f64", "2147483648"), Overflow);
  expectTrap("i32", apply(Op, "f64", "-nan"), Invalid);
}

TEST_F(ConvertTest, I32TruncF32U) {
  const char *Op = "i32.trunc_f32_u";
  expectValue("i32", apply(Op, "f32", "-0.9"), 0u);
  expectValue("i32", apply(Op, "f32", "4294967040"), 4294967040u);
  expectTrap("i32", apply(Op, "f32", "-1"), Overflow);
  expectTrap("i32", apply(Op, "f32", "4294967296"), Overflow);
  expectTrap("i32", apply(Op, "f32", "nan"), Invalid);
}

TEST_F(ConvertTest, I32TruncF64U) {
  const char *Op = "i32.trunc_f64_u";
  expectValue("i32", apply(Op, "f64", "-0.9"), 0u);
  expectValue("i32", apply(Op, "f64", "4294967295.9"), 0xffffffffu);
  expectTrap("i32", apply(Op, "f64", "-1"), Overflow);
  expectTrap("i32", apply(Op, "f64", "4294967296"), Overflow);
  expectTrap("i32", apply(Op, "f64", "nan"), Invalid);
}

TEST_F(ConvertTest, I64TruncF32S) {
  const char *Op = "i64.trunc_f32_s";
  expectValue("i64", apply(Op, "f32", "-9223372036854775808"), 0x8000000000000000u);
  expectValue("i64", apply(Op, "f32", "9223371487098961920"), 9223371487098961920u);
  expectTrap("i64", apply(Op, "f32", "-9223373136366403584"), Overflow);
  expectTrap("i64", apply(Op, "f32", "9223372036854775808"), Overflow);
  expectTrap("i64", apply(Op, "f32", "nan"), Invalid);
}

TEST_F(ConvertTest, I64TruncF64S) {
  const char *Op = "i64.trunc_f64_s";
  expectValue("i64", apply(Op, "f64", "-9223372036854775808"), 0x8000000000000000u);
  expectValue("i64", apply(Op, "f64", "9223372036854774784"), 9223372036854774784u);
  expectTrap("i64", apply(Op, "f64", "-9223372036854777856"), Overflow);
  expectTrap("i64", apply(Op, "f64", "9223372036854775808"), Overflow);
  expectTrap("i64", apply(Op, "f64", "nan"), Invalid);
}

TEST_F(ConvertTest, I64TruncF32U) {
  const char *Op = "i64.trunc_f32_u";
  expectValue("i64", apply(Op, "f32", "-0.9"), 0u);
  expectValue("i64", apply(Op, "f32", "18446742974197923840"), 18446742974197923840u);
  expectTrap("i64", apply(Op, "f32", "-1"), Overflow);
  expectTrap("i64", apply(Op, "f32", "18446744073709551616"), Overflow);
  expectTrap("i64", apply(Op, "f32", "nan"), Invalid);
}

TEST_F(ConvertTest, I64TruncF64U) {
  const char *Op = "i64.trunc_f64_u";
  expectValue("i64", apply(Op, "f64", "-0.9"), 0u);
  expectValue("i64", apply(Op, "f64", "18446744073709549568"), 18446744073709549568u);
  expectTrap("i64", apply(Op, "f64", "-1"), Overflow);
  expectTrap("i64", apply(Op, "f64", "18446744073709551616"), Overflow);
  expectTrap("i64", apply(Op, "f64", "inf"), Overflow);
}

TEST_F(ConvertTest, SaturatingTruncationNeverTraps) {
  expectValue("i32", "(i32.trunc_sat_f32_s (f32.const nan))", 0u);
  expectValue("i32", "(i32.trunc_sat_f32_s (f32.const -inf))", 0x80000000u);
  expectValue("i32", "(i32.trunc_sat_f64_s (f64.const 1e10))", 0x7fffffffu);
  expectValue("i32", "(i32.trunc_sat_f32_u (f32.const -1))", 0u);
  expectValue("i32", "(i32.trunc_sat_f64_u (f64.const 4294967296))", 0xffffffffu);
  expectValue("i64", "(i64.trunc_sat_f64_s (f64.const -1e300))", 0x8000000000000000u);
  expectValue("i64", "(i64.trunc_sat_f32_u (f32.const inf))", ~0ull);
  expectValue("i64", "(i64.trunc_sat_f64_u (f64.const nan))", 0u);
}

TEST_F(ConvertTest, OtherConversions) {
  expectValue("f32", "(f32.convert_i64_u (i64.const -1))", 0x5f800000u);
  expectValue("f64", "(f64.convert_i32_u (i32.const -1))", 0x41efffffffe00000u);
  expectValue("f32", "(f32.convert_i32_s (i32.const -1))", 0xbf800000u);
  expectValue("i32", "(i32.wrap_i64 (i64.const 0x100000005))", 5u);
  expectValue("i64", "(i64.extend_i32_s (i32.const -1))", ~0ull);
  expectValue("i64", "(i64.extend_i32_u (i32.const -1))", 0xffffffffu);
  expectValue("i32", "(i32.extend8_s (i32.const 0x80))", 0xffffff80u);
  expectValue("i32", "(i32.extend16_s (i32.const 0x7fff))", 0x7fffu);
  expectValue("i64", "(i64.extend32_s (i64.const 0x80000000))", 0xffffffff80000000u);
  expectValue("i32", "(i32.reinterpret_f32 (f32.const -0))", 0x80000000u);
  expectValue("f64", "(f64.reinterpret_i64 (i64.const 1))", 1u);
  expectValue("f64", "(f64.promote_f32 (f32.const 1.5))", 0x3ff8000000000000u);
}

} // namespace
} // namespace wasmc::lower::test
