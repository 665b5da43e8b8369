//===--- FuelTest.cpp - Metering segments, canonical NaNs, resource caps --===//
//
/// \file
/// The interpreter's side of the determinism options (ExecOptions): the
/// segment costs of wasm/Fuel.h, the fuel charged and left when a
/// computation runs out, canonical NaN bits and the memory page cap. That
/// compiled code agrees is tests/determinism's job.
//
//===----------------------------------------------------------------------===//
#include "CountDown.h"
#include "InterpTestSupport.h"

#include "wasm/Fuel.h"

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class FuelTest : public InterpTest {
protected:
  /// Instantiates Wat in St, which must succeed without trapping.
  ModuleInstance *loadIn(Store &St, const ValidatedModule &VM) {
    auto I = instantiate(St, VM, {});
    EXPECT_TRUE(I.ok()) << (I.ok() ? "" : I.error().str());
    return I.ok() ? I->Instance : nullptr;
  }
  Outcome callIn(Store &St, ModuleInstance *I, std::string_view Name,
                 std::vector<Value> Args) {
    auto R = invoke(St, I->findExport(Name)->Addr, Args);
    EXPECT_TRUE(R.ok()) << (R.ok() ? "" : R.error().str());
    return R.take();
  }
};

constexpr const char *CountDown = wasmc::testing::CountDownWat; // see CountDown.h

TEST_F(FuelTest, SegmentCostsFollowControlInstructions) {
  ValidatedModule VM = compile(CountDown);
  auto Costs = segmentCosts(VM.module(), 0);
  ASSERT_TRUE(Costs.ok()) << Costs.error().str();
  EXPECT_EQ(*Costs, (std::vector<uint32_t>{1, 1, 3, 5, 1, 1, 1}));
}

TEST_F(FuelTest, EveryInstructionIsInOneSegment) {
  ValidatedModule VM = compile(R"((module
    (func $g (param i32) (result i32) (local.get 0))
    (table 1 funcref)
    (func (export "f") (param i32) (result i32)
      (if (result i32) (local.get 0)
        (then (call $g (i32.const 1)))
        (else (call_indirect (param i32) (result i32)
                (i32.const 2) (i32.const 0))))
      (br_table 0 0 (i32.const 0))
      (unreachable)
      (nop))))");
  auto Costs = segmentCosts(VM.module(), 1);
  ASSERT_TRUE(Costs.ok()) << Costs.error().str();
  // local.get if | i32.const call | else | i32.const i32.const
  // call_indirect | end | i32.const br_table | unreachable | nop end
  EXPECT_EQ(*Costs, (std::vector<uint32_t>{2, 2, 1, 3, 1, 2, 1, 2}));
}

TEST_F(FuelTest, ChargesEachSegmentOnEntry) {
  // Backward branches land after `loop`, so down(n) costs 1 (block) + 1
  // (loop) + 8 per iteration (test, body) + 3 (last test) + 1 (function
  // end): 30 for n = 3.
  ValidatedModule VM = compile(CountDown);
  Store St({}, ExecOptions{.Fuel = true});
  ModuleInstance *I = loadIn(St, VM);
  St.setFuel(40);
  Outcome O = callIn(St, I, "down", {Value::i32(3)});
  EXPECT_FALSE(O.Trapped) << O.Trapped.Message;
  EXPECT_EQ(St.fuel(), 10);
}

TEST_F(FuelTest, RunsOutBeforeASegmentItCannotPayInFull) {
  ValidatedModule VM = compile(CountDown);
  Store St({}, ExecOptions{.Fuel = true});
  ModuleInstance *I = loadIn(St, VM);
  // 29: everything but the last segment (cost 1) is paid, nothing is left.
  // 28: after 26 the last test (cost 3) cannot be paid; 2 remain.
  for (auto [Given, Left] : {std::pair<int64_t, int64_t>{30, 0}, {29, 0}, {28, 2},
                             {0, 0}}) {
    St.setFuel(Given);
    Outcome O = callIn(St, I, "down", {Value::i32(3)});
    EXPECT_EQ(O.Trapped.Code, Given == 30 ? RT_TRAP_NONE : RT_TRAP_OUT_OF_FUEL)
        << "fuel " << Given;
    if (O.Trapped) {
      EXPECT_EQ(O.Trapped.Message, "all fuel consumed");
    }
    EXPECT_EQ(St.fuel(), Left) << "fuel " << Given;
  }
}

TEST_F(FuelTest, CallsAndReturnsStartSegments) {
  // f: i32.const call | i32.const i32.add end = 2 + 3;
  // g: local.get i32.const i32.mul end = 4. Total 9.
  ValidatedModule VM = compile(R"((module
    (func $g (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
    (func (export "f") (result i32)
      (i32.add (call $g (i32.const 5)) (i32.const 1)))))");
  Store St({}, ExecOptions{.Fuel = true});
  ModuleInstance *I = loadIn(St, VM);
  St.setFuel(9);
  Outcome O = callIn(St, I, "f", {});
  ASSERT_FALSE(O.Trapped) << O.Trapped.Message;
  EXPECT_EQ(O.Results[0], Value::i32(11));
  EXPECT_EQ(St.fuel(), 0);
  St.setFuel(8); // the caller's last segment is short of 1
  EXPECT_EQ(callIn(St, I, "f", {}).Trapped.Code, RT_TRAP_OUT_OF_FUEL);
  EXPECT_EQ(St.fuel(), 2);
}

TEST_F(FuelTest, WithoutMeteringFuelIsNotUsed) {
  ValidatedModule VM = compile(CountDown);
  Store St;
  ModuleInstance *I = loadIn(St, VM);
  EXPECT_FALSE(callIn(St, I, "down", {Value::i32(1000)}).Trapped);
  EXPECT_EQ(St.fuel(), 0);
}

constexpr const char *NaNs = R"((module
  (func (export "add") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
  (func (export "sqrt") (param f64) (result f64) (f64.sqrt (local.get 0)))
  (func (export "min") (param f64 f64) (result f64) (f64.min (local.get 0) (local.get 1)))
  (func (export "demote") (param f64) (result f32) (f32.demote_f64 (local.get 0)))
  (func (export "neg") (param f32) (result f32) (f32.neg (local.get 0)))))";

TEST_F(FuelTest, CanonicalNaNsReplaceHostPayloads) {
  ValidatedModule VM = compile(NaNs);
  Store Plain, Canon({}, ExecOptions{.CanonicalNaN = true});
  ModuleInstance *P = loadIn(Plain, VM), *C = loadIn(Canon, VM);
  auto Result = [&](Store &St, ModuleInstance *I, const char *F,
                    std::vector<Value> Args) {
    Outcome O = callIn(St, I, F, std::move(Args));
    EXPECT_FALSE(O.Trapped);
    return O.Results.empty() ? Value() : O.Results[0];
  };
  Value SNaN = Value::f32Bits(0x7fa00001), One = Value::f32(1);
  // The host quiets and keeps the payload; the canonical mode does not.
  EXPECT_EQ(Result(Plain, P, "add", {SNaN, One}), Value::f32Bits(0x7fe00001));
  EXPECT_EQ(Result(Canon, C, "add", {SNaN, One}), Value::f32Bits(0x7fc00000));
  EXPECT_EQ(Result(Canon, C, "sqrt", {Value::f64(-1)}),
            Value::f64Bits(0x7ff8000000000000));
  EXPECT_EQ(Result(Canon, C, "min", {Value::f64Bits(0xfff0000000000123), Value::f64(1)}),
            Value::f64Bits(0x7ff8000000000000));
  EXPECT_EQ(Result(Canon, C, "demote", {Value::f64Bits(0xfff8000000000000)}),
            Value::f32Bits(0x7fc00000));
  // Sign operations are bit-exact in Wasm and keep payload and sign.
  EXPECT_EQ(Result(Canon, C, "neg", {SNaN}), Value::f32Bits(0xffa00001));
  // Non-NaN results are untouched.
  EXPECT_EQ(Result(Canon, C, "add", {One, One}), Value::f32(2));
}

TEST_F(FuelTest, MemoryPageCapLimitsGrowthAndDefinitions) {
  ValidatedModule VM = compile(R"((module (memory 2)
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))))");
  Store St({}, ExecOptions{.MemoryPageCap = 10});
  ModuleInstance *I = loadIn(St, VM);
  EXPECT_EQ(callIn(St, I, "grow", {Value::i32(9)}).Results[0], Value::i32(-1));
  EXPECT_EQ(callIn(St, I, "grow", {Value::i32(8)}).Results[0], Value::i32(2));
  EXPECT_EQ(callIn(St, I, "grow", {Value::i32(1)}).Results[0], Value::i32(-1));
  EXPECT_EQ(callIn(St, I, "grow", {Value::i32(0)}).Results[0], Value::i32(10));

  auto Big = instantiate(St, compile("(module (memory 11))"), {});
  ASSERT_FALSE(Big.ok());
  EXPECT_EQ(Big.error().Kind, ErrorKind::Limit);
}

TEST_F(FuelTest, DeterministicLimitsStopRecursionAtTheCallDepth) {
  ValidatedModule VM = compile(R"((module
    (global $depth (export "depth") (mut i32) (i32.const 0))
    (func $down (export "down")
      (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
      (call $down))))");
  Store St(ExecLimits::deterministic());
  ModuleInstance *I = loadIn(St, VM);
  EXPECT_EQ(callIn(St, I, "down", {}).Trapped.Code, RT_TRAP_STACK_EXHAUSTED);
  EXPECT_EQ(St.globalValue(I->findExport("depth")->Addr),
            Value::i32(RT_DETERMINISTIC_CALL_DEPTH));
}

} // namespace
