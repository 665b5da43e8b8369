//===--- MemoryTest.cpp - Memory mapping, growth and bulk operations ------===//
#include "MockModule.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace wasmc::rttest;

namespace {

class MemoryTest : public ::testing::TestWithParam<uint8_t> {};

TEST_P(MemoryTest, GrowsUpToTheMaximumAndNoFurther) {
  rt_error Err;
  rt_limits L = limits(1, 3);
  rt_memory *M = rt_memory_create(&L, GetParam(), &Err);
  ASSERT_NE(M, nullptr) << Err.message;
  uint8_t *Base = M->base;
  EXPECT_EQ(M->size, RT_PAGE_SIZE);
  EXPECT_EQ(M->max_pages, 3u);
  EXPECT_EQ(rt_memory_grow_direct(M, 0), 1);
  EXPECT_EQ(rt_memory_grow_direct(M, 2), 1);
  EXPECT_EQ(M->size, 3 * RT_PAGE_SIZE);
  EXPECT_EQ(rt_memory_grow_direct(M, 1), -1);
  EXPECT_EQ(rt_memory_grow_direct(M, UINT32_MAX), -1);
  EXPECT_EQ(M->size, 3 * RT_PAGE_SIZE);
  // New pages are zero and writable; the base never moves.
  EXPECT_EQ(M->base, Base);
  EXPECT_EQ(M->base[3 * RT_PAGE_SIZE - 1], 0);
  M->base[3 * RT_PAGE_SIZE - 1] = 7;
  EXPECT_TRUE(rt_memory_has_max(M));
  EXPECT_EQ(rt_memory_bounds_mode(M), GetParam());
  rt_memory_destroy(M);
}

TEST_P(MemoryTest, NoMaximumMeansTheFourGibLimit) {
  rt_error Err;
  rt_limits L = limits(0);
  rt_memory *M = rt_memory_create(&L, GetParam(), &Err);
  ASSERT_NE(M, nullptr) << Err.message;
  EXPECT_FALSE(rt_memory_has_max(M));
  EXPECT_EQ(M->max_pages, RT_MAX_PAGES);
  EXPECT_EQ(rt_memory_grow_direct(M, RT_MAX_PAGES + 1), -1);
  EXPECT_EQ(rt_memory_grow_direct(M, 1), 0);
  EXPECT_EQ(rt_memory_grow_direct(M, 1), 1);
  rt_memory_destroy(M);
}

TEST_P(MemoryTest, ReservationMatchesTheBoundsMode) {
  rt_error Err;
  rt_limits L = limits(1, 2);
  rt_memory *M = rt_memory_create(&L, GetParam(), &Err);
  ASSERT_NE(M, nullptr) << Err.message;
  if (GetParam() == RT_BOUNDS_GUARD)
    EXPECT_EQ(M->reserved, RT_GUARD_RESERVATION + RT_GUARD_EXTRA);
  else
    EXPECT_EQ(M->reserved, 2 * RT_PAGE_SIZE);
  rt_memory_destroy(M);
}

TEST_P(MemoryTest, RejectsMoreThanFourGib) {
  rt_error Err;
  rt_limits L = limits(RT_MAX_PAGES + 1);
  EXPECT_EQ(rt_memory_create(&L, GetParam(), &Err), nullptr);
  EXPECT_EQ(Err.status, RT_ERR_RESOURCE);
}

INSTANTIATE_TEST_SUITE_P(BothModes, MemoryTest,
                         ::testing::Values(RT_BOUNDS_GUARD, RT_BOUNDS_EXPLICIT));

//===--- Bulk operations through an instance -------------------------------===//

int32_t identity(rt_instance *, int32_t X) { return X; }

class BulkMemoryTest : public ::testing::Test {
protected:
  std::unique_ptr<MockModule> M = standardModule();
  rt_funcref F = hostFunc(identity);
  Instantiated I{*M, {externFunc(&F)}};
  uint8_t *base() { return I.Inst->memory0->base; }
};

TEST_F(BulkMemoryTest, FillChecksTheWholeRangeFirst) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  EXPECT_EQ(rt_memory_fill(I.Inst, 0, 100, 0x1ff, 3), RT_TRAP_NONE);
  EXPECT_EQ(base()[100], 0xff); // value is truncated to a byte
  EXPECT_EQ(base()[102], 0xff);
  EXPECT_EQ(base()[103], 0);
  // Zero bytes at the very end is in bounds, one past is not.
  EXPECT_EQ(rt_memory_fill(I.Inst, 0, RT_PAGE_SIZE, 1, 0), RT_TRAP_NONE);
  EXPECT_EQ(rt_memory_fill(I.Inst, 0, RT_PAGE_SIZE + 1, 1, 0), RT_TRAP_MEMORY_OOB);
  // A range that ends one byte out of bounds writes nothing.
  EXPECT_EQ(rt_memory_fill(I.Inst, 0, RT_PAGE_SIZE - 4, 9, 5), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(base()[RT_PAGE_SIZE - 4], 0);
  // dst + n overflows 32 bits.
  EXPECT_EQ(rt_memory_fill(I.Inst, 0, 0xffffffffu, 1, 2), RT_TRAP_MEMORY_OOB);
}

TEST_F(BulkMemoryTest, CopyHandlesOverlapAndBounds) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  std::memcpy(base() + 200, "abcdef", 6);
  EXPECT_EQ(rt_memory_copy(I.Inst, 0, 0, 202, 200, 4), RT_TRAP_NONE);
  EXPECT_EQ(std::memcmp(base() + 200, "ababcd", 6), 0);
  EXPECT_EQ(rt_memory_copy(I.Inst, 0, 0, 200, 202, 4), RT_TRAP_NONE);
  EXPECT_EQ(std::memcmp(base() + 200, "abcdcd", 6), 0);
  EXPECT_EQ(rt_memory_copy(I.Inst, 0, 0, RT_PAGE_SIZE - 2, 200, 3), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(rt_memory_copy(I.Inst, 0, 0, 200, RT_PAGE_SIZE - 2, 3), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(base()[RT_PAGE_SIZE - 2], 0);
}

TEST_F(BulkMemoryTest, InitReadsThePassiveSegmentUntilDropped) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  // Data segment 1 is the passive "abcd".
  EXPECT_EQ(rt_memory_init(I.Inst, 0, 1, 300, 1, 3), RT_TRAP_NONE);
  EXPECT_EQ(std::memcmp(base() + 300, "bcd", 3), 0);
  EXPECT_EQ(rt_memory_init(I.Inst, 0, 1, 300, 2, 3), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(rt_memory_init(I.Inst, 0, 1, RT_PAGE_SIZE - 1, 0, 2), RT_TRAP_MEMORY_OOB);
  rt_data_drop(I.Inst, 1);
  EXPECT_EQ(rt_memory_init(I.Inst, 0, 1, 300, 0, 1), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(rt_memory_init(I.Inst, 0, 1, 300, 0, 0), RT_TRAP_NONE);
  // Active segment 0 was dropped by instantiation.
  EXPECT_EQ(rt_memory_init(I.Inst, 0, 0, 0, 0, 1), RT_TRAP_MEMORY_OOB);
}

TEST_F(BulkMemoryTest, GrowThroughTheInstanceHonoursTheMaximum) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  EXPECT_EQ(rt_memory_grow(I.Inst, 0, 1), 1);
  EXPECT_EQ(rt_memory_grow(I.Inst, 0, 1), -1);
  EXPECT_EQ(I.Inst->memory0->size, 2 * RT_PAGE_SIZE);
}

} // namespace
