//===--- WasiMinTest.cpp - The minimal WASI host of compiled programs -----===//
#include "MockModule.h"
#include "wasi_min.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

using namespace wasmc::rttest;

namespace {

constexpr uint8_t I32 = RT_TYPE_I32, I64 = RT_TYPE_I64;

/// A module with one page of memory importing the functions listed, in
/// order, each with the given type; they become function indices 0, 1, ...
class WasiMinTest : public ::testing::Test {
protected:
  struct Import {
    const char *Name;
    std::vector<uint8_t> Params, Results;
  };

  void instantiate(const std::vector<Import> &Imports) {
    for (const Import &Imp : Imports)
      M.importFunc(WASI_MIN_MODULE, Imp.Name, M.addType(Imp.Params, Imp.Results));
    M.addMemory(limits(1));
    const rt_module_info *Info = M.info();
    Templates.resize(Imports.size());
    std::vector<rt_extern> Externs;
    for (size_t I = 0; I < Imports.size(); ++I) {
      EXPECT_TRUE(wasi_min_resolve(Info, &Info->imports[I], &Templates[I]));
      Externs.push_back(externFunc(&Templates[I]));
    }
    wasi_min_init(&Host, 2, const_cast<char **>(Argv));
    Inst = std::make_unique<Instantiated>(M, Externs, &Host);
  }

  int32_t call(uint32_t Func, std::vector<rt_value> Args) {
    Args.resize(4);
    EXPECT_EQ(rt_call(Inst->Inst->funcs[Func], Args.data(), nullptr), RT_TRAP_NONE);
    return Args[0].i32;
  }
  static rt_value i32(int32_t V) {
    rt_value R;
    R.i64 = 0;
    R.i32 = V;
    return R;
  }
  static rt_value i64(int64_t V) {
    rt_value R;
    R.i64 = V;
    return R;
  }
  uint8_t *mem() { return Inst->Inst->memory0->base; }
  uint32_t load32(uint32_t Addr) {
    uint32_t V;
    std::memcpy(&V, mem() + Addr, 4);
    return V;
  }
  void store32(uint32_t Addr, uint32_t V) { std::memcpy(mem() + Addr, &V, 4); }

  const char *Argv[3] = {"prog", "a b", nullptr};
  MockModule M;
  std::vector<rt_funcref> Templates;
  wasi_min_host Host;
  std::unique_ptr<Instantiated> Inst;
};

TEST_F(WasiMinTest, ArgsAreTheProcessArguments) {
  instantiate({{"args_sizes_get", {I32, I32}, {I32}}, {"args_get", {I32, I32}, {I32}}});
  ASSERT_EQ(Inst->Status, RT_OK) << Inst->Err.message;
  EXPECT_EQ(call(0, {i32(0), i32(4)}), 0);
  EXPECT_EQ(load32(0), 2u);
  EXPECT_EQ(load32(4), 9u); // "prog\0a b\0"
  EXPECT_EQ(call(1, {i32(16), i32(100)}), 0);
  EXPECT_EQ(load32(16), 100u);
  EXPECT_EQ(load32(20), 105u);
  EXPECT_EQ(std::memcmp(mem() + 100, "prog\0a b\0", 9), 0);
  // Out-of-bounds pointers are EFAULT (21) and write nothing.
  EXPECT_EQ(call(0, {i32(0), i32(RT_PAGE_SIZE - 3)}), 21);
  EXPECT_EQ(call(1, {i32(16), i32(RT_PAGE_SIZE - 8)}), 21);
  EXPECT_EQ(call(1, {i32(-4), i32(100)}), 21);
}

TEST_F(WasiMinTest, FdWriteWritesToTheHostDescriptor) {
  instantiate({{"fd_write", {I32, I32, I32, I32}, {I32}}, {"fd_close", {I32}, {I32}}});
  ASSERT_EQ(Inst->Status, RT_OK) << Inst->Err.message;
  int Pipe[2];
  ASSERT_EQ(pipe(Pipe), 0);
  std::fflush(stdout);
  int SavedStdout = dup(1);
  dup2(Pipe[1], 1);
  std::memcpy(mem() + 64, "hello, world", 12);
  store32(0, 64); // iov 0: "hello, "
  store32(4, 7);
  store32(8, 71); // iov 1: "world"
  store32(12, 5);
  int32_t Ok = call(0, {i32(1), i32(0), i32(2), i32(16)});
  store32(24, RT_PAGE_SIZE - 2); // a buffer that runs off the end
  store32(28, 3);
  int32_t Fault = call(0, {i32(1), i32(0), i32(4), i32(16)}); // iov 2, 3 bad
  int32_t BadFd = call(0, {i32(7), i32(0), i32(1), i32(16)});
  int32_t Stdin = call(0, {i32(0), i32(0), i32(1), i32(16)});
  dup2(SavedStdout, 1);
  close(SavedStdout);
  close(Pipe[1]);
  char Buf[64] = {};
  ssize_t N = read(Pipe[0], Buf, sizeof Buf);
  close(Pipe[0]);
  EXPECT_EQ(Ok, 0);
  EXPECT_EQ(std::string(Buf, N > 0 ? N : 0), "hello, world");
  EXPECT_EQ(Fault, 21);
  EXPECT_EQ(BadFd, 8);
  EXPECT_EQ(Stdin, 8);
  EXPECT_EQ(load32(16), 12u); // nwritten of the successful call
  // After fd_close the guest no longer has stderr.
  EXPECT_EQ(call(1, {i32(2)}), 0);
  EXPECT_EQ(call(1, {i32(2)}), 8);
  EXPECT_EQ(call(0, {i32(2), i32(0), i32(1), i32(16)}), 8);
}

TEST_F(WasiMinTest, DescriptorQueriesWithoutFilesystem) {
  instantiate({{"fd_prestat_get", {I32, I32}, {I32}},
               {"fd_seek", {I32, I64, I32, I32}, {I32}},
               {"fd_fdstat_get", {I32, I32}, {I32}},
               {"environ_sizes_get", {I32, I32}, {I32}}});
  ASSERT_EQ(Inst->Status, RT_OK) << Inst->Err.message;
  EXPECT_EQ(call(0, {i32(3), i32(0)}), 8); // no preopens: EBADF
  EXPECT_EQ(call(1, {i32(1), i64(0), i32(0), i32(0)}), 70); // ESPIPE
  EXPECT_EQ(call(1, {i32(9), i64(0), i32(0), i32(0)}), 8);
  std::memset(mem(), 0xee, 24);
  EXPECT_EQ(call(2, {i32(1), i32(0)}), 0);
  EXPECT_EQ(mem()[1], 0);             // padding cleared
  EXPECT_EQ(mem()[8] & (1 << 6), 1 << 6); // fd_write right on stdout
  EXPECT_EQ(call(2, {i32(1), i32(RT_PAGE_SIZE - 23)}), 21);
  EXPECT_EQ(call(2, {i32(5), i32(0)}), 8);
  store32(100, 77);
  store32(104, 77);
  EXPECT_EQ(call(3, {i32(100), i32(104)}), 0);
  EXPECT_EQ(load32(100), 0u);
  EXPECT_EQ(load32(104), 0u);
}

TEST_F(WasiMinTest, ClockAndRandom) {
  instantiate({{"clock_time_get", {I32, I64, I32}, {I32}}, {"random_get", {I32, I32}, {I32}}});
  ASSERT_EQ(Inst->Status, RT_OK) << Inst->Err.message;
  EXPECT_EQ(call(0, {i32(1), i64(1), i32(8)}), 0);
  uint64_t T;
  std::memcpy(&T, mem() + 8, 8);
  EXPECT_GT(T, 0u);
  EXPECT_EQ(call(0, {i32(9), i64(1), i32(8)}), 28); // EINVAL
  EXPECT_EQ(call(0, {i32(0), i64(1), i32(RT_PAGE_SIZE - 4)}), 21);
  EXPECT_EQ(call(1, {i32(1000), i32(64)}), 0);
  int NonZero = 0;
  for (int I = 0; I < 64; ++I)
    NonZero += mem()[1000 + I] != 0;
  EXPECT_GT(NonZero, 0);
  EXPECT_EQ(call(1, {i32(RT_PAGE_SIZE - 1), i32(2)}), 21);
}

TEST_F(WasiMinTest, OtherPreview1FunctionsAreEnosysStubs) {
  instantiate({{"sock_accept", {I32, I32, I32}, {I32}}, {"sched_yield", {}, {I32}}});
  ASSERT_EQ(Inst->Status, RT_OK) << Inst->Err.message;
  EXPECT_EQ(call(0, {i32(1), i32(2), i32(3)}), 52);
  EXPECT_EQ(call(1, {}), 52);
}

TEST_F(WasiMinTest, WronglyTypedImportsDoNotLink) {
  instantiate({{"fd_write", {I32, I32, I32}, {I32}}});
  EXPECT_EQ(Inst->Status, RT_ERR_LINK);
  EXPECT_STREQ(Inst->Err.message, "incompatible import type: wasi_snapshot_preview1.fd_write");
}

TEST_F(WasiMinTest, StubsOnlyFitIntegerOrEmptyResults) {
  instantiate({{"made_up", {}, {RT_TYPE_F64}}});
  EXPECT_EQ(Inst->Status, RT_ERR_LINK);
}

TEST(WasiMinResolveTest, IgnoresOtherModulesAndKinds) {
  MockModule M;
  M.importFunc("env", "fd_write", M.addType({}, {}));
  M.importMemory(WASI_MIN_MODULE, "memory", limits(1));
  const rt_module_info *Info = M.info();
  rt_funcref F;
  EXPECT_FALSE(wasi_min_resolve(Info, &Info->imports[0], &F));
  EXPECT_FALSE(wasi_min_resolve(Info, &Info->imports[1], &F));
}

} // namespace
