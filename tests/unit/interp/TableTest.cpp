//===--- TableTest.cpp - Tables, references and call_indirect -------------===//
#include "InterpTestSupport.h"

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class TableTest : public InterpTest {};

constexpr const char *Dispatch = R"((module
  (type $ii (func (param i32) (result i32)))
  (type $v (func))
  (table $t (export "tab") 4 8 funcref)
  (elem (table $t) (i32.const 0) func $inc $dbl $nop)
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))
  (func $nop (type $v))
  (func (export "call") (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))))";

TEST_F(TableTest, CallIndirectDispatchesAndTraps) {
  ModuleInstance *I = load(Dispatch);
  EXPECT_EQ(result(I, "call", {Value::i32(0), Value::i32(5)}), Value::i32(6));
  EXPECT_EQ(result(I, "call", {Value::i32(1), Value::i32(5)}), Value::i32(10));
  EXPECT_EQ(trapOf(I, "call", {Value::i32(2), Value::i32(5)}),
            RT_TRAP_INDIRECT_CALL_TYPE);
  Outcome Null = call(I, "call", {Value::i32(3), Value::i32(5)});
  EXPECT_EQ(Null.Trapped.Code, RT_TRAP_UNINITIALIZED_ELEMENT);
  EXPECT_EQ(Null.Trapped.Message, "uninitialized element 3");
  EXPECT_EQ(trapOf(I, "call", {Value::i32(4), Value::i32(5)}),
            RT_TRAP_UNDEFINED_ELEMENT);
  EXPECT_EQ(trapOf(I, "call", {Value::i32(-1), Value::i32(5)}),
            RT_TRAP_UNDEFINED_ELEMENT);
}

TEST_F(TableTest, CallIndirectComparesTypesStructurally) {
  // Another module's function of an equal (but separately declared) type
  // is callable; one of a different type is not.
  ModuleInstance *Other = load(R"((module
    (type (func (param i64)))
    (type (func (param i32) (result i32)))
    (func (export "neg") (type 1) (i32.sub (i32.const 0) (local.get 0)))
    (func (export "wide") (param i64) (result i32) (i32.const 0))))");
  ModuleInstance *I = load(Dispatch);
  TableInst &Tab = S.table(exportOf(I, "tab").Addr);
  ASSERT_TRUE(Tab.set(S, 3, Value::funcRef(exportOf(Other, "neg").Addr)));
  EXPECT_EQ(result(I, "call", {Value::i32(3), Value::i32(5)}),
            Value::i32(uint32_t(-5)));
  ASSERT_TRUE(Tab.set(S, 3, Value::funcRef(exportOf(Other, "wide").Addr)));
  EXPECT_EQ(trapOf(I, "call", {Value::i32(3), Value::i32(5)}),
            RT_TRAP_INDIRECT_CALL_TYPE);
}

TEST_F(TableTest, TableInstructions) {
  ModuleInstance *I = load(R"((module
    (table $a 2 4 externref)
    (table $b 3 funcref)
    (elem $e func $f $f)
    (func $f)
    (func (export "get") (param i32) (result externref) (table.get $a (local.get 0)))
    (func (export "set") (param i32 externref) (table.set $a (local.get 0) (local.get 1)))
    (func (export "size") (result i32) (table.size $a))
    (func (export "grow") (param externref i32) (result i32)
      (table.grow $a (local.get 0) (local.get 1)))
    (func (export "fill") (param i32 externref i32)
      (table.fill $a (local.get 0) (local.get 1) (local.get 2)))
    (func (export "init") (param i32 i32 i32)
      (table.init $b $e (local.get 0) (local.get 1) (local.get 2)))
    (func (export "drop") (elem.drop $e))
    (func (export "copy") (param i32 i32 i32)
      (table.copy $b $b (local.get 0) (local.get 1) (local.get 2)))
    (func (export "isnull") (param i32) (result i32)
      (ref.is_null (table.get $b (local.get 0))))
    (func (export "reffunc") (result i32) (ref.is_null (ref.func $f)))))");
  EXPECT_TRUE(result(I, "get", {Value::i32(1)}).isNull());
  EXPECT_EQ(trapOf(I, "get", {Value::i32(2)}), RT_TRAP_TABLE_OOB);
  EXPECT_FALSE(call(I, "set", {Value::i32(1), Value::externRef(0)}).Trapped);
  EXPECT_EQ(result(I, "get", {Value::i32(1)}), Value::externRef(0));

  EXPECT_EQ(result(I, "grow", {Value::externRef(9), Value::i32(2)}),
            Value::i32(2));
  EXPECT_EQ(result(I, "get", {Value::i32(3)}), Value::externRef(9));
  EXPECT_EQ(
      result(I, "grow", {Value::nullRef(ValType::ExternRef), Value::i32(1)}),
      Value::i32(uint32_t(-1)));
  EXPECT_EQ(result(I, "size"), Value::i32(4));

  EXPECT_EQ(
      trapOf(I, "fill", {Value::i32(3), Value::externRef(1), Value::i32(2)}),
      RT_TRAP_TABLE_OOB);
  EXPECT_EQ(result(I, "get", {Value::i32(3)}),
            Value::externRef(9)); // untouched
  EXPECT_FALSE(
      call(I, "fill", {Value::i32(0), Value::externRef(1), Value::i32(4)})
          .Trapped);
  EXPECT_EQ(result(I, "get", {Value::i32(2)}), Value::externRef(1));

  EXPECT_EQ(result(I, "isnull", {Value::i32(1)}), Value::i32(1));
  EXPECT_EQ(trapOf(I, "init", {Value::i32(2), Value::i32(0), Value::i32(2)}),
            RT_TRAP_TABLE_OOB);
  EXPECT_EQ(result(I, "isnull", {Value::i32(2)}),
            Value::i32(1)); // no partial init
  EXPECT_FALSE(
      call(I, "init", {Value::i32(1), Value::i32(0), Value::i32(2)}).Trapped);
  EXPECT_EQ(result(I, "isnull", {Value::i32(1)}), Value::i32(0));
  EXPECT_FALSE(
      call(I, "copy", {Value::i32(0), Value::i32(1), Value::i32(2)}).Trapped);
  EXPECT_EQ(result(I, "isnull", {Value::i32(0)}), Value::i32(0));
  EXPECT_FALSE(call(I, "drop").Trapped);
  EXPECT_EQ(trapOf(I, "init", {Value::i32(0), Value::i32(0), Value::i32(1)}),
            RT_TRAP_TABLE_OOB);
  EXPECT_EQ(result(I, "reffunc"), Value::i32(0));
}

TEST_F(TableTest, FuncrefsCrossTheApiAsAddresses) {
  ModuleInstance *I = load(R"((module
    (func $f (export "f") (result i32) (i32.const 7))
    (func (export "ref") (result funcref) (ref.func $f))
    (func (export "id") (param funcref) (result funcref) (local.get 0))))");
  Value Ref = result(I, "ref");
  ASSERT_EQ(Ref.type(), ValType::FuncRef);
  EXPECT_EQ(Ref.funcAddr(), exportOf(I, "f").Addr);
  EXPECT_EQ(result(I, "id", {Ref}), Ref);
  EXPECT_TRUE(result(I, "id", {Value::nullRef(ValType::FuncRef)}).isNull());
}

} // namespace
