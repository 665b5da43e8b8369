//===--- TableTest.cpp - The table of preview1 functions (table.c) --------===//
#include "WasiTestSupport.h"

#include <set>
#include <string>

namespace wasmc::wasitest {
namespace {

TEST(WasiTableTest, AllPreview1FunctionsOnce) {
  ASSERT_EQ(WASI_FN_COUNT, 45);
  std::set<std::string> Names;
  for (const wasi_function &F : wasi_functions) {
    ASSERT_NE(F.name, nullptr);
    ASSERT_NE(F.call, nullptr);
    EXPECT_TRUE(Names.insert(F.name).second) << F.name;
    std::string Sig = F.sig;
    size_t Colon = Sig.find(':');
    ASSERT_NE(Colon, std::string::npos) << F.name;
    EXPECT_EQ(Sig.find_first_not_of("iI:"), std::string::npos) << F.name;
    EXPECT_LE(Colon, 9u) << F.name; // path_open has the most parameters
    // Every function returns an errno (i32) except proc_exit.
    EXPECT_EQ(Sig.substr(Colon + 1), std::string(F.name) == "proc_exit" ? "" : "i");
  }
  EXPECT_EQ(Names.count("proc_raise"), 0u); // withdrawn from preview1
  EXPECT_EQ(Names.count("sock_accept"), 1u);
}

TEST(WasiTableTest, SignaturesOfWellKnownFunctions) {
  EXPECT_STREQ(wasi_functions[WASI_FN_fd_write].sig, "iiii:i");
  EXPECT_STREQ(wasi_functions[WASI_FN_fd_seek].sig, "iIii:i");
  EXPECT_STREQ(wasi_functions[WASI_FN_clock_time_get].sig, "iIi:i");
  EXPECT_STREQ(wasi_functions[WASI_FN_path_open].sig, "iiiiiIIii:i");
  EXPECT_STREQ(wasi_functions[WASI_FN_sched_yield].sig, ":i");
  EXPECT_STREQ(wasi_functions[WASI_FN_proc_exit].sig, "i:");
}

TEST(WasiTableTest, FindByName) {
  const wasi_function *F = wasi_function_find("fd_write", 8);
  ASSERT_NE(F, nullptr);
  EXPECT_EQ(F, &wasi_functions[WASI_FN_fd_write]);
  EXPECT_EQ(wasi_function_find("fd_writ", 7), nullptr);
  EXPECT_EQ(wasi_function_find("fd_write\0", 9), nullptr);
  EXPECT_EQ(wasi_function_find("proc_raise", 10), nullptr);
  EXPECT_EQ(wasi_function_find("", 0), nullptr);
}

using WasiTableCallTest = WasiTest;

TEST_F(WasiTableCallTest, EveryFunctionIsImplemented) {
  // All zero arguments: fd 0 is not granted, so descriptor functions
  // answer BADF; none answers NOSYS any more.
  uint64_t Args[16] = {};
  for (const wasi_function &F : wasi_functions)
    EXPECT_NE(F.call(&Ctx, mem(), Args), uint32_t(WASI_ERRNO_NOSYS)) << F.name;
  uint64_t Read[] = {0, 0, 0, 0};
  EXPECT_EQ(wasi_functions[WASI_FN_fd_readdir].call(&Ctx, mem(), Read), uint32_t(WASI_ERRNO_BADF));
}

TEST_F(WasiTableCallTest, UniformArgumentsReachTheTypedCall) {
  const char *Argv[] = {"p", "q"};
  ASSERT_EQ(wasi_ctx_set_args(&Ctx, 2, Argv), 0);
  uint64_t Args[] = {100, 104};
  EXPECT_EQ(wasi_functions[WASI_FN_args_sizes_get].call(&Ctx, mem(), Args), 0u);
  EXPECT_EQ(load32(100), 2u);
  EXPECT_EQ(load32(104), 4u);
  // An i32 argument is its low 32 bits: stray high bits must not matter.
  uint64_t Clock[] = {uint64_t(1) << 32 | WASI_CLOCK_MONOTONIC, 0, uint64_t(7) << 32 | 200};
  EXPECT_EQ(wasi_functions[WASI_FN_clock_time_get].call(&Ctx, mem(), Clock), 0u);
  EXPECT_GT(load64(200), 0u);
  // An i64 argument is whole (fd_seek's offset is not an error source
  // here, but whence is: 3 is EINVAL after the descriptor check).
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 1, 1, WASI_RIGHTS_STDOUT), 0);
  uint64_t Seek[] = {1, ~uint64_t(0), 3, 0};
  EXPECT_EQ(wasi_functions[WASI_FN_fd_seek].call(&Ctx, mem(), Seek), uint32_t(WASI_ERRNO_INVAL));
}

} // namespace
} // namespace wasmc::wasitest
