//===--- ProcTest.cpp - proc_exit and sched_yield (wasi-host/proc.c) ------===//
#include "WasiTestSupport.h"

namespace wasmc::wasitest {
namespace {

using ProcTest = WasiTest;

TEST_F(ProcTest, ExitRecordsTheStatusAndReturns) {
  EXPECT_EQ(wasi_proc_exit(&Ctx, mem(), 3), WASI_CALL_EXIT);
  EXPECT_EQ(Ctx.exited, 1);
  EXPECT_EQ(Ctx.exit_code, 3u);
  // The whole u32 is kept; truncation to 8 bits is the OS's business.
  EXPECT_EQ(wasi_proc_exit(&Ctx, mem(), 0x12345678), WASI_CALL_EXIT);
  EXPECT_EQ(Ctx.exit_code, 0x12345678u);
  EXPECT_GT(WASI_CALL_EXIT, 0xffffu); // never mistaken for an errno
}

TEST_F(ProcTest, ExitThroughTheTable) {
  uint64_t Args[] = {0xffffffff};
  EXPECT_EQ(wasi_functions[WASI_FN_proc_exit].call(&Ctx, mem(), Args), WASI_CALL_EXIT);
  EXPECT_EQ(Ctx.exit_code, 0xffffffffu);
}

TEST_F(ProcTest, SchedYieldSucceeds) {
  EXPECT_EQ(wasi_sched_yield(&Ctx, mem()), WASI_ERRNO_SUCCESS);
}

} // namespace
} // namespace wasmc::wasitest
