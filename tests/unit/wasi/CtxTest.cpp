//===--- CtxTest.cpp - Configuring a wasi_ctx (wasi-host/ctx.c) -----------===//
#include "WasiTestSupport.h"

namespace wasmc::wasitest {
namespace {

using CtxTest = WasiTest;

TEST_F(CtxTest, ANewContextGrantsNothing) {
  EXPECT_EQ(Ctx.argc, 0u);
  EXPECT_EQ(Ctx.envc, 0u);
  iovec(0, 16, 1);
  for (uint32_t Fd = 0; Fd < 3; ++Fd) {
    EXPECT_EQ(wasi_fd_write(&Ctx, mem(), Fd, 0, 1, 8), WASI_ERRNO_BADF);
    EXPECT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), Fd, 32), WASI_ERRNO_BADF);
  }
  EXPECT_EQ(Ctx.exited, 0);
}

TEST_F(CtxTest, InheritStdioLendsThreeStreams) {
  wasi_ctx_inherit_stdio(&Ctx);
  for (uint32_t Fd = 0; Fd < 3; ++Fd) {
    EXPECT_EQ(Ctx.fds[Fd].kind, WASI_FD_STREAM);
    EXPECT_EQ(Ctx.fds[Fd].host_fd, int(Fd));
  }
  EXPECT_EQ(Ctx.fds[0].rights_base, WASI_RIGHTS_STDIN);
  EXPECT_EQ(Ctx.fds[1].rights_base, WASI_RIGHTS_STDOUT);
  EXPECT_EQ(Ctx.fds[2].rights_base, WASI_RIGHTS_STDOUT);
  EXPECT_EQ(Ctx.fds[3].kind, WASI_FD_FREE);
}

TEST_F(CtxTest, SetStreamChecksDescriptors) {
  EXPECT_EQ(wasi_ctx_set_stream(&Ctx, WASI_MAX_FDS, 1, 0), WASI_ERRNO_BADF);
  EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 5, -1, 0), WASI_ERRNO_BADF);
  EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 5, 1, WASI_RIGHT_FD_WRITE), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Ctx.fds[5].kind, WASI_FD_STREAM);
}

TEST_F(CtxTest, ArgumentsMustFitThirtyTwoBitSizes) {
  // 2^30 pointers need 2^32 bytes: too many, rejected before any string
  // is read (the array below has only one).
  const char *One[] = {"x"};
  EXPECT_EQ(wasi_ctx_set_args(&Ctx, 1u << 30, One), WASI_ERRNO_OVERFLOW);
  EXPECT_EQ(wasi_ctx_set_environ(&Ctx, 1u << 30, One), WASI_ERRNO_OVERFLOW);
  EXPECT_EQ(Ctx.argc, 0u);
  EXPECT_EQ(wasi_ctx_set_args(&Ctx, 1, One), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Ctx.argc, 1u);
}

} // namespace
} // namespace wasmc::wasitest
