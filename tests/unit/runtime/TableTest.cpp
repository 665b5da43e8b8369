//===--- TableTest.cpp - Tables and the table instructions ----------------===//
#include "MockModule.h"

#include <gtest/gtest.h>

using namespace wasmc::rttest;

namespace {

void *ref(uintptr_t N) { return reinterpret_cast<void *>(N); }

TEST(TableTest, GrowHonoursTheMaximumAndFillsWithInit) {
  rt_error Err;
  rt_limits L = limits(1, 3);
  rt_table *T = rt_table_create(RT_TYPE_EXTERNREF, &L, ref(5), &Err);
  ASSERT_NE(T, nullptr) << Err.message;
  EXPECT_EQ(T->size, 1u);
  EXPECT_EQ(T->max, 3u);
  EXPECT_EQ(T->elems[0], ref(5));
  EXPECT_EQ(rt_table_grow_direct(T, ref(6), 2), 1);
  EXPECT_EQ(T->elems[1], ref(6));
  EXPECT_EQ(T->elems[2], ref(6));
  EXPECT_EQ(rt_table_grow_direct(T, ref(7), 1), -1);
  EXPECT_EQ(rt_table_grow_direct(T, ref(7), 0), 3);
  EXPECT_EQ(T->size, 3u);
  rt_table_destroy(T);
}

TEST(TableTest, UnboundedTableStopsAtTheImplementationLimit) {
  rt_error Err;
  rt_limits L = limits(0);
  rt_table *T = rt_table_create(RT_TYPE_FUNCREF, &L, nullptr, &Err);
  ASSERT_NE(T, nullptr);
  EXPECT_FALSE(rt_table_has_max(T));
  EXPECT_EQ(T->max, UINT32_MAX);
  EXPECT_EQ(rt_table_grow_direct(T, nullptr, UINT32_MAX), -1);
  EXPECT_EQ(rt_table_grow_direct(T, nullptr, 10), 0);
  rt_table_destroy(T);
  rt_limits Huge = limits(RT_TABLE_LIMIT + 1ull);
  EXPECT_EQ(rt_table_create(RT_TYPE_FUNCREF, &Huge, nullptr, &Err), nullptr);
}

int32_t identity(rt_instance *, int32_t X) { return X; }

class TableOpsTest : public ::testing::Test {
protected:
  std::unique_ptr<MockModule> M = [] {
    auto M = standardModule();
    // Element segment 1: passive [call_f, recurse, load32].
    M->addElem(RT_SEGMENT_PASSIVE, 0, 0,
               {refFunc(MOCK_CALL_F), refFunc(MOCK_RECURSE), refFunc(MOCK_LOAD32)});
    return M;
  }();
  rt_funcref F = hostFunc(identity);
  Instantiated I{*M, {externFunc(&F)}};
  rt_table *table() { return I.Inst->tables[0]; }
  const rt_funcref *fn(uint32_t Index) { return I.Inst->funcs[Index]; }
};

TEST_F(TableOpsTest, ActiveSegmentFilledTheTable) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  EXPECT_EQ(table()->elems[0], fn(MOCK_LOAD32));
  EXPECT_EQ(table()->elems[1], fn(MOCK_UNREACHABLE));
  EXPECT_EQ(fn(MOCK_LOAD32)->func_index, static_cast<uint32_t>(MOCK_LOAD32));
  EXPECT_EQ(fn(MOCK_LOAD32)->inst, I.Inst);
}

TEST_F(TableOpsTest, FillAndCopyCheckBoundsFirst) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  EXPECT_EQ(rt_table_grow(I.Inst, 0, nullptr, 2), 2);
  EXPECT_EQ(rt_table_fill(I.Inst, 0, 2, ref(9), 2), RT_TRAP_NONE);
  EXPECT_EQ(table()->elems[3], ref(9));
  EXPECT_EQ(rt_table_fill(I.Inst, 0, 3, ref(1), 2), RT_TRAP_TABLE_OOB);
  EXPECT_EQ(table()->elems[3], ref(9));
  EXPECT_EQ(rt_table_fill(I.Inst, 0, 4, ref(1), 0), RT_TRAP_NONE);
  EXPECT_EQ(rt_table_fill(I.Inst, 0, 5, ref(1), 0), RT_TRAP_TABLE_OOB);
  // Overlapping copy [0,3) -> [1,4).
  EXPECT_EQ(rt_table_copy(I.Inst, 0, 0, 1, 0, 3), RT_TRAP_NONE);
  EXPECT_EQ(table()->elems[1], fn(MOCK_LOAD32));
  EXPECT_EQ(table()->elems[2], fn(MOCK_UNREACHABLE));
  EXPECT_EQ(table()->elems[3], ref(9));
  EXPECT_EQ(rt_table_copy(I.Inst, 0, 0, 0, 2, 3), RT_TRAP_TABLE_OOB);
  EXPECT_EQ(rt_table_grow(I.Inst, 0, nullptr, 1), -1); // max 4
}

TEST_F(TableOpsTest, InitFromPassiveSegmentUntilDropped) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  EXPECT_EQ(rt_table_init(I.Inst, 0, 1, 0, 1, 2), RT_TRAP_NONE);
  EXPECT_EQ(table()->elems[0], fn(MOCK_RECURSE));
  EXPECT_EQ(table()->elems[1], fn(MOCK_LOAD32));
  EXPECT_EQ(rt_table_init(I.Inst, 0, 1, 0, 2, 2), RT_TRAP_TABLE_OOB);
  EXPECT_EQ(rt_table_init(I.Inst, 0, 1, 1, 0, 2), RT_TRAP_TABLE_OOB);
  rt_elem_drop(I.Inst, 1);
  EXPECT_EQ(rt_table_init(I.Inst, 0, 1, 0, 0, 1), RT_TRAP_TABLE_OOB);
  EXPECT_EQ(rt_table_init(I.Inst, 0, 1, 0, 0, 0), RT_TRAP_NONE);
  // The active segment 0 was dropped at instantiation.
  EXPECT_EQ(rt_table_init(I.Inst, 0, 0, 0, 0, 1), RT_TRAP_TABLE_OOB);
}

} // namespace
