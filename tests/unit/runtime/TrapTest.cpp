//===--- TrapTest.cpp - rt_trap, guard-page faults, stack limit, nesting --===//
#include "MockModule.h"

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

using namespace wasmc::rttest;

namespace {

int32_t identity(rt_instance *, int32_t X) { return X; }

class TrapTest : public ::testing::Test {
protected:
  std::unique_ptr<MockModule> M = standardModule();
  rt_funcref F = hostFunc(identity);
  Instantiated I{*M, {externFunc(&F)}};
};

TEST_F(TrapTest, GuardPageFaultBecomesOutOfBoundsTrap) {
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  int32_t Result = 0;
  EXPECT_EQ(I.callI32("load32", RT_PAGE_SIZE - 4, &Result), RT_TRAP_NONE);
  rt_trap_info Info;
  EXPECT_EQ(I.callI32("load32", RT_PAGE_SIZE - 3, nullptr, &Info), RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(Info.code, static_cast<uint32_t>(RT_TRAP_MEMORY_OOB));
  EXPECT_EQ(Info.func_index, static_cast<uint32_t>(MOCK_LOAD32));
  EXPECT_EQ(Info.inst, I.Inst);
  // The far end of what guard-mode code can address.
  EXPECT_EQ(I.callI32("load32", -1), RT_TRAP_MEMORY_OOB);
  // Growth makes the page accessible; the handler keeps working afterwards.
  EXPECT_EQ(rt_memory_grow(I.Inst, 0, 1), 1);
  EXPECT_EQ(I.callI32("load32", RT_PAGE_SIZE, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 0);
  EXPECT_EQ(I.callI32("load32", 2 * RT_PAGE_SIZE), RT_TRAP_MEMORY_OOB);
}

TEST_F(TrapTest, UnreachableReportsFunctionAndInstance) {
  ASSERT_EQ(I.Status, RT_OK);
  rt_value V[1];
  rt_trap_info Info;
  EXPECT_EQ(rt_call(I.func("unreachable"), V, &Info), RT_TRAP_UNREACHABLE);
  EXPECT_EQ(Info.func_index, static_cast<uint32_t>(MOCK_UNREACHABLE));
  EXPECT_EQ(Info.inst, I.Inst);
  EXPECT_STREQ(rt_trap_message(static_cast<rt_trap_code>(Info.code)), "unreachable");
}

TEST_F(TrapTest, InfiniteRecursionExhaustsTheStackBudget) {
  ASSERT_EQ(I.Status, RT_OK);
  rt_trap_info Info;
  EXPECT_EQ(I.callI32("recurse", 0, nullptr, &Info), RT_TRAP_STACK_EXHAUSTED);
  EXPECT_EQ(Info.func_index, static_cast<uint32_t>(MOCK_RECURSE));
  // The limit is restored and the next call runs normally.
  EXPECT_EQ(I.Ctx.stack_limit, 0u);
  int32_t Result = 0;
  EXPECT_EQ(I.callI32("load32", 16, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 42);
}

//===--- Nesting: host -> wasm -> host -> wasm ------------------------------===//

Instantiated *Current;

int32_t callInner(rt_instance *, int32_t What) {
  rt_value V[1];
  V[0].i32 = What == 2 ? RT_PAGE_SIZE : 0;
  const char *Names[] = {"unreachable", "recurse", "load32"};
  uint32_t Trap = rt_call(Current->func(Names[What]), V, nullptr);
  return 100 + static_cast<int32_t>(Trap);
}

TEST(TrapNestingTest, InnerTrapUnwindsOnlyToTheInnerCall) {
  auto M = standardModule();
  rt_funcref F = hostFunc(callInner);
  Instantiated I(*M, {externFunc(&F)});
  ASSERT_EQ(I.Status, RT_OK);
  Current = &I;
  int32_t Result = 0;
  EXPECT_EQ(I.callI32("call_f", 0, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 100 + RT_TRAP_UNREACHABLE);
  // Stack exhaustion in the inner call: the budget is shared by the chain.
  EXPECT_EQ(I.callI32("call_f", 1, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 100 + RT_TRAP_STACK_EXHAUSTED);
  // A guard-page fault in the inner call.
  EXPECT_EQ(I.callI32("call_f", 2, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 100 + RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(I.Ctx.stack_limit, 0u);
}

int32_t hostTraps(rt_instance *Inst, int32_t) {
  rt_trap(Inst, RT_TRAP_HOST, UINT32_MAX);
}

TEST(TrapNestingTest, HostTrapUnwindsThroughWasmFrames) {
  auto M = standardModule();
  rt_funcref F = hostFunc(hostTraps);
  Instantiated I(*M, {externFunc(&F)});
  ASSERT_EQ(I.Status, RT_OK);
  rt_trap_info Info;
  EXPECT_EQ(I.callI32("call_f", 0, nullptr, &Info), RT_TRAP_HOST);
  EXPECT_EQ(Info.inst, I.Inst);
}

TEST(TrapNestingTest, TrapsWorkOnOtherThreads) {
  auto M = standardModule();
  rt_funcref F = hostFunc(identity);
  Instantiated I(*M, {externFunc(&F)});
  ASSERT_EQ(I.Status, RT_OK);
  uint32_t Oob = 0, Stack = 0;
  std::thread T([&] {
    Oob = I.callI32("load32", -8);
    Stack = I.callI32("recurse", 0);
  });
  T.join();
  EXPECT_EQ(Oob, static_cast<uint32_t>(RT_TRAP_MEMORY_OOB));
  EXPECT_EQ(Stack, static_cast<uint32_t>(RT_TRAP_STACK_EXHAUSTED));
}

//===--- Faults that are not ours stay crashes ------------------------------===//

int32_t crash(rt_instance *, int32_t Addr) {
  return *reinterpret_cast<volatile int32_t *>(static_cast<uintptr_t>(Addr));
}

TEST(TrapDeathTest, FaultOutsideAnyMemoryKillsTheProcess) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto M = standardModule();
  rt_funcref F = hostFunc(crash);
  Instantiated I(*M, {externFunc(&F)});
  ASSERT_EQ(I.Status, RT_OK);
  EXPECT_EXIT(I.callI32("call_f", 16), ::testing::KilledBySignal(SIGSEGV), "");
}

} // namespace
