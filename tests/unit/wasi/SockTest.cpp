//===--- SockTest.cpp - The sock_* functions (wasi-host/sock.c) -----------===//
#include "WasiTestSupport.h"

namespace wasmc::wasitest {
namespace {

using SockTest = WasiTest;

TEST_F(SockTest, NoDescriptorIsASocket) {
  Pipe P;
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 1, P.Write, WASI_RIGHTS_STDOUT), 0);
  EXPECT_EQ(wasi_sock_accept(&Ctx, mem(), 1, 0, 0), WASI_ERRNO_NOTSOCK);
  EXPECT_EQ(wasi_sock_recv(&Ctx, mem(), 1, 0, 0, 0, 0, 0), WASI_ERRNO_NOTSOCK);
  EXPECT_EQ(wasi_sock_send(&Ctx, mem(), 1, 0, 0, 0, 0), WASI_ERRNO_NOTSOCK);
  EXPECT_EQ(wasi_sock_shutdown(&Ctx, mem(), 1, 0), WASI_ERRNO_NOTSOCK);
  for (uint32_t Fd : {0u, 2u, 64u, 0xffffffffu}) {
    EXPECT_EQ(wasi_sock_accept(&Ctx, mem(), Fd, 0, 0), WASI_ERRNO_BADF);
    EXPECT_EQ(wasi_sock_recv(&Ctx, mem(), Fd, 0, 0, 0, 0, 0), WASI_ERRNO_BADF);
    EXPECT_EQ(wasi_sock_send(&Ctx, mem(), Fd, 0, 0, 0, 0), WASI_ERRNO_BADF);
    EXPECT_EQ(wasi_sock_shutdown(&Ctx, mem(), Fd, 0), WASI_ERRNO_BADF);
  }
  EXPECT_TRUE(untouched());
}

} // namespace
} // namespace wasmc::wasitest
