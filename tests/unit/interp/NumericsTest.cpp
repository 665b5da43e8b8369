//===--- NumericsTest.cpp - Edge cases of the numeric operators -----------===//
#include "interp/Numerics.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <limits>

using namespace wasmc::interp;

namespace {

constexpr float Inf32 = std::numeric_limits<float>::infinity();
constexpr double Inf64 = std::numeric_limits<double>::infinity();

uint32_t bits(float F) { return std::bit_cast<uint32_t>(F); }
uint64_t bits(double F) { return std::bit_cast<uint64_t>(F); }
float f32(uint32_t B) { return std::bit_cast<float>(B); }
double f64(uint64_t B) { return std::bit_cast<double>(B); }

bool isQuietNaN(float F) { return F != F && (bits(F) & 0x00400000u); }
bool isQuietNaN(double F) {
  return F != F && (bits(F) & 0x0008000000000000ull);
}

template <typename I, typename F> rt_trap_code truncCode(F In) {
  I Out;
  return num::trunc<I, F>(In, Out);
}
template <typename I, typename F> I truncValue(F In) {
  I Out = 0;
  EXPECT_EQ((num::trunc<I, F>(In, Out)), RT_TRAP_NONE) << In;
  return Out;
}

} // namespace

//===--- Integers ---------------------------------------------------------===//

TEST(Numerics, ShiftCountsAreModuloWidth) {
  EXPECT_EQ(num::shl<uint32_t>(1, 33), 2u);
  EXPECT_EQ(num::shl<uint64_t>(1, 65), 2u);
  EXPECT_EQ(num::shrU<uint32_t>(0x80000000u, 63), 1u);
  EXPECT_EQ(num::shrS<uint32_t>(0x80000000u, 31), 0xffffffffu);
  EXPECT_EQ(num::shrS<uint64_t>(uint64_t(1) << 63, 127), ~uint64_t(0));
}

TEST(Numerics, RotatesAreModuloWidth) {
  EXPECT_EQ(num::rotl<uint32_t>(0x80000001u, 1), 3u);
  EXPECT_EQ(num::rotl<uint32_t>(0x80000001u, 33), 3u);
  EXPECT_EQ(num::rotr<uint32_t>(3, 1), 0x80000001u);
  EXPECT_EQ(num::rotr<uint32_t>(3, 0xffffffe1u), 0x80000001u);
  EXPECT_EQ(num::rotl<uint64_t>(0x8000000000000001ull, 65), 3u);
  EXPECT_EQ(num::rotr<uint64_t>(1, 64), 1u);
}

TEST(Numerics, BitCounts) {
  EXPECT_EQ(num::clz<uint32_t>(0), 32u);
  EXPECT_EQ(num::ctz<uint64_t>(0), 64u);
  EXPECT_EQ(num::clz<uint32_t>(1), 31u);
  EXPECT_EQ(num::popcnt<uint64_t>(~uint64_t(0)), 64u);
}

TEST(Numerics, SignExtension) {
  EXPECT_EQ((num::extendS<uint32_t, int8_t>(0x80)), 0xffffff80u);
  EXPECT_EQ((num::extendS<uint32_t, int8_t>(0x1234567f)), 0x7fu);
  EXPECT_EQ((num::extendS<uint32_t, int16_t>(0x8000)), 0xffff8000u);
  EXPECT_EQ((num::extendS<uint64_t, int32_t>(0x80000000u)),
            0xffffffff80000000ull);
  EXPECT_EQ((num::extendS<uint64_t, int32_t>(0xffffffff7fffffffull)),
            0x7fffffffull);
}

TEST(Numerics, DivisionTraps) {
  uint32_t R32 = 0;
  uint64_t R64 = 0;
  EXPECT_EQ(num::divS<uint32_t>(1, 0, R32), RT_TRAP_INT_DIV_ZERO);
  EXPECT_EQ(num::divU<uint32_t>(1, 0, R32), RT_TRAP_INT_DIV_ZERO);
  EXPECT_EQ(num::remS<uint32_t>(1, 0, R32), RT_TRAP_INT_DIV_ZERO);
  EXPECT_EQ(num::remU<uint64_t>(1, 0, R64), RT_TRAP_INT_DIV_ZERO);
  EXPECT_EQ(num::divS<uint32_t>(0x80000000u, 0xffffffffu, R32),
            RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(num::divS<uint64_t>(uint64_t(1) << 63, ~uint64_t(0), R64),
            RT_TRAP_INT_OVERFLOW);
}

TEST(Numerics, DivisionResults) {
  uint32_t R = 0;
  ASSERT_EQ(num::remS<uint32_t>(0x80000000u, 0xffffffffu, R), RT_TRAP_NONE);
  EXPECT_EQ(R, 0u);
  ASSERT_EQ(num::divS<uint32_t>(uint32_t(-7), 2, R), RT_TRAP_NONE);
  EXPECT_EQ(int32_t(R), -3); // truncates toward zero
  ASSERT_EQ(num::remS<uint32_t>(uint32_t(-7), 2, R), RT_TRAP_NONE);
  EXPECT_EQ(int32_t(R), -1); // sign of the dividend
  ASSERT_EQ(num::divU<uint32_t>(uint32_t(-7), 2, R), RT_TRAP_NONE);
  EXPECT_EQ(R, 0x7ffffffcu);
}

//===--- Float sign operations --------------------------------------------===//

TEST(Numerics, SignOpsKeepNaNPayloads) {
  uint32_t SNaN = 0x7fa00001u; // signalling NaN with a payload
  EXPECT_EQ(num::fabsBits<uint32_t>(SNaN | 0x80000000u), SNaN);
  EXPECT_EQ(num::fnegBits<uint32_t>(SNaN), SNaN | 0x80000000u);
  EXPECT_EQ(num::fcopysignBits<uint32_t>(SNaN, 0x80000000u),
            SNaN | 0x80000000u);
  uint64_t SNaN64 = 0x7ff4000000000001ull;
  EXPECT_EQ(num::fnegBits<uint64_t>(SNaN64), SNaN64 | (uint64_t(1) << 63));
  EXPECT_EQ(num::fcopysignBits<uint64_t>(bits(1.0), bits(-0.0)), bits(-1.0));
}

//===--- NaN-producing arithmetic -----------------------------------------===//

TEST(Numerics, MinMaxOrderZeros) {
  EXPECT_EQ(bits(num::fmin(0.0f, -0.0f)), bits(-0.0f));
  EXPECT_EQ(bits(num::fmin(-0.0f, 0.0f)), bits(-0.0f));
  EXPECT_EQ(bits(num::fmax(-0.0f, 0.0f)), bits(0.0f));
  EXPECT_EQ(bits(num::fmax(0.0f, -0.0f)), bits(0.0f));
  EXPECT_EQ(bits(num::fmin(0.0, -0.0)), bits(-0.0));
  EXPECT_EQ(bits(num::fmax(-0.0, 0.0)), bits(0.0));
  EXPECT_EQ(num::fmin(-Inf64, 1.0), -Inf64);
  EXPECT_EQ(num::fmax(-Inf32, 1.0f), 1.0f);
}

TEST(Numerics, MinMaxPropagateNaN) {
  float NaN = std::numeric_limits<float>::quiet_NaN();
  EXPECT_TRUE(std::isnan(num::fmin(NaN, 1.0f)));
  EXPECT_TRUE(std::isnan(num::fmin(1.0f, NaN)));
  EXPECT_TRUE(std::isnan(num::fmax(-Inf32, NaN)));
  // A signalling NaN operand comes out quiet (an arithmetic NaN).
  EXPECT_TRUE(isQuietNaN(num::fmax(f32(0x7fa00000u), 0.0f)));
  EXPECT_TRUE(isQuietNaN(num::fmin(0.0, f64(0x7ff4000000000000ull))));
}

TEST(Numerics, NearestRoundsHalfToEven) {
  EXPECT_EQ(num::fnearest(0.5f), 0.0f);
  EXPECT_EQ(num::fnearest(1.5f), 2.0f);
  EXPECT_EQ(num::fnearest(2.5f), 2.0f);
  EXPECT_EQ(num::fnearest(-2.5), -2.0);
  EXPECT_EQ(num::fnearest(3.5), 4.0);
  EXPECT_EQ(bits(num::fnearest(-0.5)), bits(-0.0));
  EXPECT_EQ(bits(num::fnearest(-0.0f)), bits(-0.0f));
  EXPECT_EQ(num::fnearest(4503599627370497.0), 4503599627370497.0);
  EXPECT_EQ(num::fnearest(Inf32), Inf32);
}

TEST(Numerics, RoundingQuietsSignallingNaN) {
  EXPECT_TRUE(isQuietNaN(num::ffloor(f32(0x7fa00000u))));
  EXPECT_TRUE(isQuietNaN(num::fceil(f32(0xffa00000u))));
  EXPECT_TRUE(isQuietNaN(num::ftrunc(f64(0x7ff4000000000000ull))));
  EXPECT_TRUE(isQuietNaN(num::fnearest(f64(0xfff4000000000000ull))));
}

TEST(Numerics, RoundingKeepsSignOfZero) {
  EXPECT_EQ(bits(num::fceil(-0.5f)), bits(-0.0f));
  EXPECT_EQ(bits(num::ftrunc(-0.9)), bits(-0.0));
  EXPECT_EQ(num::ffloor(-0.5), -1.0);
}

//===--- Truncation -------------------------------------------------------===//

TEST(Numerics, TruncI32FromF32Boundaries) {
  EXPECT_EQ(truncValue<int32_t>(2147483520.0f), 2147483520);
  EXPECT_EQ((truncCode<int32_t, float>(2147483648.0f)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<int32_t>(-2147483648.0f), INT32_MIN);
  EXPECT_EQ((truncCode<int32_t, float>(-2147483904.0f)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<int32_t>(-0.9f), 0);
  EXPECT_EQ((truncCode<int32_t, float>(std::nanf(""))),
            RT_TRAP_INVALID_CONVERSION);
  EXPECT_EQ((truncCode<int32_t, float>(-Inf32)), RT_TRAP_INT_OVERFLOW);
}

TEST(Numerics, TruncI32FromF64Boundaries) {
  EXPECT_EQ(truncValue<int32_t>(2147483647.9), INT32_MAX);
  EXPECT_EQ((truncCode<int32_t, double>(2147483648.0)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<int32_t>(-2147483648.9), INT32_MIN);
  EXPECT_EQ((truncCode<int32_t, double>(-2147483649.0)), RT_TRAP_INT_OVERFLOW);
}

TEST(Numerics, TruncU32Boundaries) {
  EXPECT_EQ(truncValue<uint32_t>(-0.9), 0u);
  EXPECT_EQ((truncCode<uint32_t, double>(-1.0)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<uint32_t>(4294967295.9), UINT32_MAX);
  EXPECT_EQ((truncCode<uint32_t, double>(4294967296.0)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<uint32_t>(4294967040.0f), 4294967040u);
  EXPECT_EQ((truncCode<uint32_t, float>(4294967296.0f)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ((truncCode<uint32_t, float>(-1.0f)), RT_TRAP_INT_OVERFLOW);
}

TEST(Numerics, TruncI64Boundaries) {
  EXPECT_EQ(truncValue<int64_t>(9223372036854774784.0), 9223372036854774784ll);
  EXPECT_EQ((truncCode<int64_t, double>(9223372036854775808.0)),
            RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<int64_t>(-9223372036854775808.0), INT64_MIN);
  EXPECT_EQ((truncCode<int64_t, double>(-9223372036854777856.0)),
            RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<int64_t>(-9223372036854775808.0f), INT64_MIN);
  EXPECT_EQ((truncCode<int64_t, float>(-9223373136366403584.0f)),
            RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ((truncCode<int64_t, float>(9223372036854775808.0f)),
            RT_TRAP_INT_OVERFLOW);
}

TEST(Numerics, TruncU64Boundaries) {
  EXPECT_EQ(truncValue<uint64_t>(18446744073709549568.0),
            18446744073709549568ull);
  EXPECT_EQ((truncCode<uint64_t, double>(18446744073709551616.0)),
            RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ(truncValue<uint64_t>(-0.5f), 0u);
  EXPECT_EQ((truncCode<uint64_t, float>(-1.0f)), RT_TRAP_INT_OVERFLOW);
  EXPECT_EQ((truncCode<uint64_t, double>(std::nan(""))),
            RT_TRAP_INVALID_CONVERSION);
}

TEST(Numerics, SaturatingTruncation) {
  EXPECT_EQ((num::truncSat<int32_t, float>(std::nanf(""))), 0);
  EXPECT_EQ((num::truncSat<int32_t, float>(Inf32)), INT32_MAX);
  EXPECT_EQ((num::truncSat<int32_t, float>(-Inf32)), INT32_MIN);
  EXPECT_EQ((num::truncSat<int32_t, double>(-2147483648.9)), INT32_MIN);
  EXPECT_EQ((num::truncSat<int32_t, double>(2147483648.0)), INT32_MAX);
  EXPECT_EQ((num::truncSat<uint32_t, double>(-5.0)), 0u);
  EXPECT_EQ((num::truncSat<uint32_t, double>(4294967295.5)), UINT32_MAX);
  EXPECT_EQ((num::truncSat<uint64_t, float>(Inf32)), UINT64_MAX);
  EXPECT_EQ((num::truncSat<int64_t, double>(-Inf64)), INT64_MIN);
  EXPECT_EQ((num::truncSat<int64_t, double>(1e300)), INT64_MAX);
  EXPECT_EQ((num::truncSat<int64_t, double>(-1.5)), -1);
}

TEST(Numerics, DemotePromote) {
  EXPECT_EQ(num::demote(1e300), Inf32);
  EXPECT_EQ(bits(num::demote(-0.0)), bits(-0.0f));
  EXPECT_TRUE(isQuietNaN(num::demote(f64(0x7ff4000000000000ull))));
  EXPECT_EQ(num::promote(0.1f), double(0.1f));
  EXPECT_TRUE(isQuietNaN(num::promote(f32(0x7fa00000u))));
}
