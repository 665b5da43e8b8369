//===--- TypeTest.cpp - Canonical function type ids -----------------------===//
#include "rt/runtime.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

TEST(TypeTest, StructurallyEqualTypesShareAnId) {
  // Two separately allocated descriptions, as two modules would have.
  const uint8_t A[] = {RT_TYPE_I32, RT_TYPE_I64, RT_TYPE_F32};
  const uint8_t B[] = {RT_TYPE_I32, RT_TYPE_I64, RT_TYPE_F32};
  rt_func_type TA = {2, 1, A}, TB = {2, 1, B};
  uint32_t IdA = rt_type_intern(&TA);
  EXPECT_NE(IdA, UINT32_MAX);
  EXPECT_EQ(IdA, rt_type_intern(&TB));
}

TEST(TypeTest, DifferentTypesGetDifferentIds) {
  const uint8_t Codes[] = {RT_TYPE_I32, RT_TYPE_I32, RT_TYPE_I32};
  rt_func_type TwoToOne = {2, 1, Codes};
  rt_func_type OneToTwo = {1, 2, Codes}; // same codes, split differently
  rt_func_type ThreeToNone = {3, 0, Codes};
  rt_func_type Empty = {0, 0, nullptr};
  uint32_t Ids[] = {rt_type_intern(&TwoToOne), rt_type_intern(&OneToTwo),
                    rt_type_intern(&ThreeToNone), rt_type_intern(&Empty)};
  for (int I = 0; I < 4; ++I)
    for (int J = I + 1; J < 4; ++J)
      EXPECT_NE(Ids[I], Ids[J]) << I << " vs " << J;
  const uint8_t F64[] = {RT_TYPE_F64};
  rt_func_type ToF64 = {0, 1, F64};
  const uint8_t F32[] = {RT_TYPE_F32};
  rt_func_type ToF32 = {0, 1, F32};
  EXPECT_NE(rt_type_intern(&ToF64), rt_type_intern(&ToF32));
}

TEST(TypeTest, GetReturnsTheInternedTypeAndStaysValid) {
  const uint8_t Codes[] = {RT_TYPE_F64, RT_TYPE_EXTERNREF};
  rt_func_type T = {1, 1, Codes};
  uint32_t Id = rt_type_intern(&T);
  const rt_func_type *Got = rt_type_get(Id);
  ASSERT_NE(Got, nullptr);
  // Interning many more types must not move what rt_type_get returned.
  for (uint8_t N = 0; N < 200; ++N) {
    std::vector<uint8_t> Many(N, RT_TYPE_I64);
    rt_func_type M = {N, 0, Many.data()};
    rt_type_intern(&M);
  }
  EXPECT_EQ(Got, rt_type_get(Id));
  EXPECT_EQ(Got->num_params, 1u);
  EXPECT_EQ(Got->num_results, 1u);
  EXPECT_EQ(Got->types[0], RT_TYPE_F64);
  EXPECT_EQ(Got->types[1], RT_TYPE_EXTERNREF);
  EXPECT_EQ(rt_type_get(UINT32_MAX - 1), nullptr);
}

} // namespace
