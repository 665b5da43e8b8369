//===--- ArgsEnvTest.cpp - args_* and environ_* (wasi-host/args_env.c) ----===//
#include "WasiTestSupport.h"

namespace wasmc::wasitest {
namespace {

class ArgsEnvTest : public WasiTest {
protected:
  ArgsEnvTest() {
    EXPECT_EQ(wasi_ctx_set_args(&Ctx, 3, Argv), WASI_ERRNO_SUCCESS);
    EXPECT_EQ(wasi_ctx_set_environ(&Ctx, 2, Env), WASI_ERRNO_SUCCESS);
  }
  const char *Argv[3] = {"prog", "a b", ""};
  const char *Env[2] = {"HOME=/", "LANG=C"};
};

TEST_F(ArgsEnvTest, SizesCountTerminatingNuls) {
  EXPECT_EQ(wasi_args_sizes_get(&Ctx, mem(), 0, 4), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(0), 3u);
  EXPECT_EQ(load32(4), 10u); // "prog\0a b\0\0"
  EXPECT_EQ(wasi_environ_sizes_get(&Ctx, mem(), 8, 12), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(8), 2u);
  EXPECT_EQ(load32(12), 14u);
}

TEST_F(ArgsEnvTest, PointersIntoOneBuffer) {
  EXPECT_EQ(wasi_args_get(&Ctx, mem(), 16, 100), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(16), 100u);
  EXPECT_EQ(load32(20), 105u);
  EXPECT_EQ(load32(24), 109u);
  EXPECT_EQ(std::memcmp(at(100), "prog\0a b\0\0", 10), 0);
  EXPECT_EQ(wasi_environ_get(&Ctx, mem(), 32, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(32), 200u);
  EXPECT_EQ(load32(36), 207u);
  EXPECT_EQ(std::memcmp(at(200), "HOME=/\0LANG=C\0", 14), 0);
}

TEST_F(ArgsEnvTest, OutOfBoundsPointersFaultAndWriteNothing) {
  EXPECT_EQ(wasi_args_sizes_get(&Ctx, mem(), 0, MemSize - 3), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_args_sizes_get(&Ctx, mem(), 0xfffffffe, 4), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_args_get(&Ctx, mem(), 16, MemSize - 9), WASI_ERRNO_FAULT);  // buffer
  EXPECT_EQ(wasi_args_get(&Ctx, mem(), MemSize - 11, 100), WASI_ERRNO_FAULT); // array
  EXPECT_EQ(wasi_environ_get(&Ctx, mem(), 0xfffffffc, 100), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_environ_sizes_get(&Ctx, mem(), MemSize, 0), WASI_ERRNO_FAULT);
  EXPECT_TRUE(untouched());
  // The exact end of memory is fine.
  EXPECT_EQ(wasi_args_get(&Ctx, mem(), MemSize - 12, MemSize - 10), WASI_ERRNO_SUCCESS);
}

TEST_F(ArgsEnvTest, EmptyListsWriteOnlyZeroSizes) {
  wasi_ctx Empty;
  wasi_ctx_init(&Empty);
  store32(0, 77);
  store32(4, 77);
  EXPECT_EQ(wasi_environ_sizes_get(&Empty, mem(), 0, 4), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(0), 0u);
  EXPECT_EQ(load32(4), 0u);
  // Nothing to write: even pointers at the end of memory are valid.
  EXPECT_EQ(wasi_environ_get(&Empty, mem(), MemSize, MemSize), WASI_ERRNO_SUCCESS);
}

} // namespace
} // namespace wasmc::wasitest
