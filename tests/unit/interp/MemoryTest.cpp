//===--- MemoryTest.cpp - Linear memory: bounds, growth, bulk operations --===//
#include "InterpTestSupport.h"

#include <cstring>

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class MemoryTest : public InterpTest {};

constexpr const char *MemoryOps = R"((module
  (memory (export "mem") 1 3)
  (data $d "hello")
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "load_off") (param i32) (result i32)
    (i32.load offset=0xffffffff (local.get 0)))
  (func (export "load8_s") (param i32) (result i32) (i32.load8_s (local.get 0)))
  (func (export "load16_u") (param i32) (result i64) (i64.load16_u (local.get 0)))
  (func (export "store") (param i32 i64) (i64.store (local.get 0) (local.get 1)))
  (func (export "size") (result i32) (memory.size))
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "fill") (param i32 i32 i32)
    (memory.fill (local.get 0) (local.get 1) (local.get 2)))
  (func (export "copy") (param i32 i32 i32)
    (memory.copy (local.get 0) (local.get 1) (local.get 2)))
  (func (export "init") (param i32 i32 i32)
    (memory.init $d (local.get 0) (local.get 1) (local.get 2)))
  (func (export "drop") (data.drop $d))))";

uint8_t byteAt(Store &S, ModuleInstance *I, uint64_t Addr) {
  return S.memory(I->findExport("mem")->Addr).data()[Addr];
}

TEST_F(MemoryTest, LoadsAndStoresCheckBounds) {
  ModuleInstance *I = load(MemoryOps);
  EXPECT_EQ(result(I, "load", {Value::i32(65532)}), Value::i32(0));
  EXPECT_EQ(trapOf(I, "load", {Value::i32(65533)}), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(trapOf(I, "load", {Value::i32(-1)}), RT_TRAP_MEMORY_OOB);
  // Address plus offset is computed without wrapping around 2^32.
  EXPECT_EQ(trapOf(I, "load_off", {Value::i32(1)}), RT_TRAP_MEMORY_OOB);
  Outcome O = call(I, "store", {Value::i32(65529), Value::i64(1)});
  EXPECT_EQ(O.Trapped.Code, RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(O.Trapped.Message, "out of bounds memory access");
  EXPECT_EQ(byteAt(S, I, 65529), 0); // no partial store
}

TEST_F(MemoryTest, LoadsExtendAsSpecified) {
  ModuleInstance *I = load(MemoryOps);
  EXPECT_FALSE(
      call(I, "store", {Value::i32(0), Value::i64(0x8081828384858687ull)})
          .Trapped);
  EXPECT_EQ(result(I, "load8_s", {Value::i32(0)}), Value::i32(0xffffff87u));
  EXPECT_EQ(result(I, "load16_u", {Value::i32(6)}), Value::i64(0x8081));
  EXPECT_EQ(result(I, "load", {Value::i32(4)}),
            Value::i32(0x80818283u)); // little-endian
}

TEST_F(MemoryTest, GrowReturnsOldSizeOrMinusOne) {
  ModuleInstance *I = load(MemoryOps);
  EXPECT_EQ(result(I, "grow", {Value::i32(0)}), Value::i32(1));
  EXPECT_EQ(result(I, "grow", {Value::i32(1)}), Value::i32(1));
  EXPECT_EQ(result(I, "size"), Value::i32(2));
  EXPECT_EQ(result(I, "grow", {Value::i32(2)}), Value::i32(uint32_t(-1)));
  EXPECT_EQ(result(I, "grow", {Value::i32(-1)}), Value::i32(uint32_t(-1)));
  EXPECT_EQ(result(I, "grow", {Value::i32(1)}), Value::i32(2));
  // New pages are zero and accessible; the end is still checked.
  EXPECT_EQ(result(I, "load", {Value::i32(3 * 65536 - 4)}), Value::i32(0));
  EXPECT_EQ(trapOf(I, "load", {Value::i32(3 * 65536 - 3)}), RT_TRAP_MEMORY_OOB);
}

TEST_F(MemoryTest, GrowIsCappedAt4GiBWithoutMaximum) {
  auto M = MemoryInst::create(MemoryType{{0, std::nullopt}});
  ASSERT_TRUE(M.ok());
  MemoryInst &Mem = **M;
  EXPECT_EQ(Mem.grow(65537), -1);
  EXPECT_EQ(Mem.grow(2), 0);
  EXPECT_EQ(Mem.grow(65535), -1);
  EXPECT_EQ(Mem.grow(65534), 2);
  EXPECT_EQ(Mem.pages(), 65536u);
  EXPECT_EQ(Mem.grow(0), 65536);
  Mem.data()[Mem.sizeBytes() - 1] = 1; // the last byte is usable
}

TEST_F(MemoryTest, FillAndCopyCheckBoundsBeforeWriting) {
  ModuleInstance *I = load(MemoryOps);
  EXPECT_EQ(
      trapOf(I, "fill", {Value::i32(65530), Value::i32(0xff), Value::i32(7)}),
      RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(byteAt(S, I, 65530), 0);
  EXPECT_FALSE(
      call(I, "fill", {Value::i32(10), Value::i32(0x1ab), Value::i32(4)})
          .Trapped);
  EXPECT_EQ(byteAt(S, I, 13), 0xab);
  EXPECT_EQ(byteAt(S, I, 14), 0);
  // Overlapping copy behaves like memmove.
  EXPECT_FALSE(
      call(I, "copy", {Value::i32(11), Value::i32(10), Value::i32(4)}).Trapped);
  EXPECT_EQ(byteAt(S, I, 14), 0xab);
  EXPECT_EQ(
      trapOf(I, "copy", {Value::i32(0), Value::i32(65535), Value::i32(2)}),
      RT_TRAP_MEMORY_OOB);
  // Zero-length operations at the very end are in bounds; past it they trap.
  EXPECT_FALSE(
      call(I, "fill", {Value::i32(65536), Value::i32(0), Value::i32(0)})
          .Trapped);
  EXPECT_EQ(
      trapOf(I, "fill", {Value::i32(65537), Value::i32(0), Value::i32(0)}),
      RT_TRAP_MEMORY_OOB);
}

TEST_F(MemoryTest, InitAndDataDrop) {
  ModuleInstance *I = load(MemoryOps);
  EXPECT_FALSE(
      call(I, "init", {Value::i32(100), Value::i32(1), Value::i32(4)}).Trapped);
  EXPECT_EQ(byteAt(S, I, 100), 'e');
  EXPECT_EQ(byteAt(S, I, 103), 'o');
  EXPECT_EQ(trapOf(I, "init", {Value::i32(200), Value::i32(2), Value::i32(4)}),
            RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(byteAt(S, I, 200), 0);
  EXPECT_FALSE(call(I, "drop").Trapped);
  EXPECT_FALSE(
      call(I, "init", {Value::i32(0), Value::i32(0), Value::i32(0)}).Trapped);
  EXPECT_EQ(trapOf(I, "init", {Value::i32(0), Value::i32(0), Value::i32(1)}),
            RT_TRAP_MEMORY_OOB);
}

TEST_F(MemoryTest, ActiveDataIsAppliedAndDropped) {
  ModuleInstance *I = load(R"((module
    (memory (export "mem") 1)
    (data (i32.const 8) "abc")
    (func (export "init") (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 1)))))");
  EXPECT_EQ(byteAt(S, I, 9), 'b');
  EXPECT_EQ(trapOf(I, "init"), RT_TRAP_MEMORY_OOB);
}

} // namespace
