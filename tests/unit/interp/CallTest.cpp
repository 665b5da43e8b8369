//===--- CallTest.cpp - Calls, recursion limits and host functions --------===//
#include "InterpTestSupport.h"

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class CallTest : public InterpTest {};

constexpr const char *Recursion = R"((module
  (func $fac (export "fac") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 1))
      (else (i64.mul (local.get 0)
                     (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
  (func $even (export "even") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 1))
      (else (call $odd (i32.sub (local.get 0) (i32.const 1))))))
  (func $odd (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (call $even (i32.sub (local.get 0) (i32.const 1))))))
  (func $runaway (export "runaway") (call $runaway))
  (func $fat (export "fat") (param i32) (result i32)
    (local i64 i64 i64 i64 i64 i64 i64 i64)
    (if (result i32) (local.get 0)
      (then (call $fat (i32.sub (local.get 0) (i32.const 1))))
      (else (i32.const 0))))))";

TEST_F(CallTest, Factorial) {
  ModuleInstance *I = load(Recursion);
  EXPECT_EQ(result(I, "fac", {Value::i64(0)}), Value::i64(1));
  EXPECT_EQ(result(I, "fac", {Value::i64(20)}),
            Value::i64(2432902008176640000ull));
  EXPECT_EQ(result(I, "fac", {Value::i64(25)}),
            Value::i64(7034535277573963776ull));
}

TEST_F(CallTest, DeepButBoundedRecursionSucceeds) {
  ModuleInstance *I = load(Recursion);
  EXPECT_EQ(result(I, "even", {Value::i32(50000)}), Value::i32(1));
  EXPECT_EQ(result(I, "even", {Value::i32(77777)}), Value::i32(0));
}

TEST_F(CallTest, RunawayRecursionExhaustsTheCallStack) {
  ModuleInstance *I = load(Recursion);
  Outcome O = call(I, "runaway");
  EXPECT_EQ(O.Trapped.Code, RT_TRAP_STACK_EXHAUSTED);
  EXPECT_EQ(O.Trapped.Message, "call stack exhausted");
  // The store stays usable after the trap unwound everything.
  EXPECT_EQ(result(I, "fac", {Value::i64(5)}), Value::i64(120));
  EXPECT_EQ(trapOf(I, "even", {Value::i32(1000000)}), RT_TRAP_STACK_EXHAUSTED);
}

TEST_F(CallTest, ValueStackLimitTraps) {
  // Frames with many slots hit the value stack limit before the depth one.
  Store Small(ExecLimits{100000, 4096, 16});
  auto I = instantiate(Small, compile(Recursion), {});
  ASSERT_TRUE(I.ok());
  FuncAddr Fat = I->Instance->findExport("fat")->Addr;
  auto Shallow = invoke(Small, Fat, std::vector<Value>{Value::i32(100)});
  EXPECT_FALSE(Shallow->Trapped);
  auto Deep = invoke(Small, Fat, std::vector<Value>{Value::i32(1000)});
  EXPECT_EQ(Deep->Trapped.Code, RT_TRAP_STACK_EXHAUSTED);
}

TEST_F(CallTest, ArgumentsAreChecked) {
  ModuleInstance *I = load(Recursion);
  FuncAddr Fac = exportOf(I, "fac").Addr;
  auto Wrong = invoke(S, Fac, std::vector<Value>{Value::i32(1)});
  ASSERT_FALSE(Wrong.ok());
  EXPECT_EQ(Wrong.error().Kind, ErrorKind::Invalid);
  auto Missing = invoke(S, Fac, {});
  EXPECT_FALSE(Missing.ok());
  auto Right = invoke(S, Fac, {Value::i64(3)});
  ASSERT_TRUE(Right.ok());
  EXPECT_EQ(Right->Results[0], Value::i64(6));
}

TEST_F(CallTest, HostFunctionsReceiveArgumentsAndReturnResults) {
  FuncType T{{ValType::I32, ValType::F64}, {ValType::I64, ValType::I32}};
  FuncAddr Host = S.addHostFunc(
      T, [](HostCall &, std::span<const Value> Args, std::span<Value> Results) {
        Results[0] = Value::i64(uint64_t(Args[0].i32()) * 2);
        Results[1] = Value::i32(uint32_t(Args[1].f64()));
        return Trap();
      });
  ModuleInstance *I = load(R"((module
    (import "env" "h" (func $h (param i32 f64) (result i64 i32)))
    (func (export "f") (result i64)
      (call $h (i32.const 21) (f64.const 3.9))
      (i64.extend_i32_u)
      (i64.add))))",
                           {Extern{ExternKind::Func, Host}});
  EXPECT_EQ(result(I, "f"), Value::i64(45));
}

TEST_F(CallTest, HostTrapsUnwindWithTheirMessage) {
  FuncAddr Exit = S.addHostFunc(
      FuncType{{ValType::I32}, {}},
      [](HostCall &, std::span<const Value> Args, std::span<Value>) {
        return Trap(RT_TRAP_HOST, "exit " + std::to_string(Args[0].i32()));
      });
  ModuleInstance *I = load(R"((module
    (import "env" "exit" (func $exit (param i32)))
    (func $inner (call $exit (i32.const 3)))
    (func (export "f") (result i32) (call $inner) (i32.const 1))))",
                           {Extern{ExternKind::Func, Exit}});
  Outcome O = call(I, "f");
  EXPECT_EQ(O.Trapped.Code, RT_TRAP_HOST);
  EXPECT_EQ(O.Trapped.Message, "exit 3");
}

TEST_F(CallTest, HostFunctionsMayReenterTheStore) {
  // fib(n) = host(n - 1) + host(n - 2), where host calls back into fib.
  FuncAddr FibAddr = 0;
  FuncAddr Host =
      S.addHostFunc(FuncType{{ValType::I32}, {ValType::I32}},
                    [&FibAddr](HostCall &C, std::span<const Value> Args,
                               std::span<Value> Results) {
                      auto R = invoke(C.S, FibAddr, Args);
                      if (R->Trapped)
                        return R->Trapped;
                      Results[0] = R->Results[0];
                      return Trap();
                    });
  ModuleInstance *I = load(R"((module
    (import "env" "h" (func $h (param i32) (result i32)))
    (func (export "fib") (param i32) (result i32)
      (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
        (then (local.get 0))
        (else (i32.add (call $h (i32.sub (local.get 0) (i32.const 1)))
                       (call $h (i32.sub (local.get 0) (i32.const 2)))))))))",
                           {Extern{ExternKind::Func, Host}});
  FibAddr = exportOf(I, "fib").Addr;
  EXPECT_EQ(result(I, "fib", {Value::i32(15)}), Value::i32(610));
  // Unbounded host re-entry hits the nesting limit, not the C++ stack.
  EXPECT_EQ(trapOf(I, "fib", {Value::i32(100000)}), RT_TRAP_STACK_EXHAUSTED);
  EXPECT_EQ(result(I, "fib", {Value::i32(10)}), Value::i32(55));
}

TEST_F(CallTest, HostFunctionsInvokedDirectly) {
  FuncAddr Add = S.addHostFunc(
      FuncType{{ValType::I32, ValType::I32}, {ValType::I32}},
      [](HostCall &C, std::span<const Value> Args, std::span<Value> Results) {
        EXPECT_EQ(C.Caller, nullptr);
        Results[0] = Value::i32(Args[0].i32() + Args[1].i32());
        return Trap();
      });
  auto R = invoke(S, Add, std::vector<Value>{Value::i32(2), Value::i32(3)});
  ASSERT_TRUE(R.ok());
  EXPECT_EQ(R->Results[0], Value::i32(5));
}

TEST_F(CallTest, CallsAcrossInstancesSwitchMemory) {
  ModuleInstance *A = load(R"((module
    (memory (export "mem") 1)
    (data (i32.const 0) "\2a")
    (func (export "peek") (result i32) (i32.load8_u (i32.const 0)))))");
  ModuleInstance *B = load(R"((module
    (import "a" "peek" (func $peek (result i32)))
    (memory 1)
    (data (i32.const 0) "\07")
    (func (export "both") (result i32)
      (i32.add (i32.mul (call $peek) (i32.const 100))
               (i32.load8_u (i32.const 0))))))",
                           {exportOf(A, "peek")});
  EXPECT_EQ(result(B, "both"), Value::i32(4207));
}

} // namespace
