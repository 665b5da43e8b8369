//===--- RtWasiImportsTest.cpp - WASI imports of compiled modules ---------===//
//
// runtime-lib/wasi_imports.c, on a hand-built module description (what the
// compiler emits) with no functions of its own: the imports are called
// both as generated code would (native code pointer) and through rt_call.
//
//===----------------------------------------------------------------------===//
#include "WasiTestSupport.h"

#include "rt/runtime.h"
#include "wasi_imports.h"

#include <deque>
#include <string>

namespace wasmc::wasitest {
namespace {

constexpr uint8_t I32 = RT_TYPE_I32, I64 = RT_TYPE_I64;

/// An rt_module_info importing functions from one module and defining
/// one memory of one page.
class RtModule {
public:
  void import(const char *Module, const char *Name, std::vector<uint8_t> Params,
              std::vector<uint8_t> Results, uint8_t Kind = RT_EXTERN_FUNC) {
    uint32_t NP = uint32_t(Params.size()), NR = uint32_t(Results.size());
    Params.insert(Params.end(), Results.begin(), Results.end());
    Codes.push_back(std::move(Params));
    Types.push_back({NP, NR, Codes.back().data()});
    Strings.push_back(Module);
    rt_name M = {Strings.back().data(), uint32_t(Strings.back().size())};
    Strings.push_back(Name);
    rt_name N = {Strings.back().data(), uint32_t(Strings.back().size())};
    rt_import Imp = {};
    Imp.module = M;
    Imp.name = N;
    Imp.kind = Kind;
    Imp.type_index = uint32_t(Types.size() - 1);
    Imp.limits = {1, 0, 0};
    Imports.push_back(Imp);
  }

  const rt_module_info *info() {
    Info = {};
    Info.abi_version = RT_ABI_VERSION;
    Info.bounds_mode = RT_BOUNDS_EXPLICIT;
    Info.num_types = uint32_t(Types.size());
    Info.types = Types.data();
    Info.num_imports = uint32_t(Imports.size());
    Info.imports = Imports.data();
    Info.num_memories = 1;
    Info.memories = &Memory;
    Info.start_func = -1;
    return &Info;
  }

private:
  std::deque<std::string> Strings;
  std::deque<std::vector<uint8_t>> Codes;
  std::vector<rt_func_type> Types;
  std::vector<rt_import> Imports;
  rt_limits Memory = {1, 0, 0};
  rt_module_info Info = {};
};

class RtWasiTest : public ::testing::Test {
protected:
  RtWasiTest() {
    wasi_ctx_init(&Wasi);
    EXPECT_EQ(wasi_ctx_set_stream(&Wasi, 1, Out.Write, WASI_RIGHTS_STDOUT), 0);
    EXPECT_EQ(wasi_ctx_set_args(&Wasi, 2, Argv), 0);
  }
  ~RtWasiTest() override { rt_instance_destroy(Inst); }

  /// Resolves every import of M through rt_wasi_resolve and instantiates.
  rt_status instantiate(RtModule &M) {
    const rt_module_info *Info = M.info();
    Templates.resize(Info->num_imports);
    std::vector<rt_extern> Externs(Info->num_imports);
    for (uint32_t I = 0; I < Info->num_imports; ++I) {
      EXPECT_EQ(rt_wasi_resolve(&Info->imports[I], &Templates[I]), 1) << I;
      Externs[I].kind = RT_EXTERN_FUNC;
      Externs[I].of.func = &Templates[I];
    }
    return rt_instantiate(Info, Externs.data(), &Ctx, &Wasi, &Inst, &Err);
  }

  uint8_t *mem() { return Inst->memory0->base; }
  uint32_t load32(uint32_t Addr) {
    uint32_t V;
    std::memcpy(&V, mem() + Addr, 4);
    return V;
  }
  void store32(uint32_t Addr, uint32_t V) { std::memcpy(mem() + Addr, &V, 4); }

  /// rt_call of import Func with Args; returns vals[0].i32.
  int32_t call(uint32_t Func, std::vector<rt_value> Args) {
    Args.resize(16);
    EXPECT_EQ(rt_call(Inst->funcs[Func], Args.data(), nullptr), RT_TRAP_NONE);
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

  const char *Argv[2] = {"prog", "arg"};
  Pipe Out;
  wasi_ctx Wasi;
  rt_context Ctx = {};
  std::vector<rt_funcref> Templates;
  rt_instance *Inst = nullptr;
  rt_error Err = {};
};

TEST_F(RtWasiTest, ImportsCallTheCoreWithMemoryZero) {
  RtModule M;
  M.import(WASI_MODULE_NAME, "args_sizes_get", {I32, I32}, {I32});
  M.import(WASI_MODULE_NAME, "fd_write", {I32, I32, I32, I32}, {I32});
  M.import(WASI_MODULE_NAME, "sock_accept", {I32, I32, I32}, {I32});
  M.import(WASI_MODULE_NAME, "fd_seek", {I32, I64, I32, I32}, {I32});
  M.import(WASI_MODULE_NAME, "sched_yield", {}, {I32});
  ASSERT_EQ(instantiate(M), RT_OK) << Err.message;

  EXPECT_EQ(call(0, {i32(0), i32(4)}), 0);
  EXPECT_EQ(load32(0), 2u);
  EXPECT_EQ(load32(4), 9u);
  EXPECT_EQ(call(0, {i32(0), i32(-4)}), WASI_ERRNO_FAULT);

  std::memcpy(mem() + 100, "native", 6);
  store32(16, 100);
  store32(20, 6);
  // As generated code calls it: the native entry with the instance.
  auto FdWrite = reinterpret_cast<int32_t (*)(rt_instance *, int32_t, int32_t, int32_t, int32_t)>(
      const_cast<void *>(Inst->funcs[1]->code));
  EXPECT_EQ(FdWrite(Inst, 1, 16, 1, 24), 0);
  EXPECT_EQ(load32(24), 6u);
  EXPECT_EQ(call(1, {i32(1), i32(16), i32(1), i32(24)}), 0);
  Out.closeWrite();
  EXPECT_EQ(Out.drain(), "nativenative");

  EXPECT_EQ(call(2, {i32(0), i32(0), i32(0)}), WASI_ERRNO_BADF);
  EXPECT_EQ(call(3, {i32(1), i64(-1), i32(7), i32(0)}), WASI_ERRNO_INVAL);
  EXPECT_EQ(call(3, {i32(1), i64(-1), i32(0), i32(0)}), WASI_ERRNO_SPIPE);
  EXPECT_EQ(call(4, {}), 0);
}

TEST_F(RtWasiTest, WronglyTypedImportsDoNotLink) {
  RtModule M;
  M.import(WASI_MODULE_NAME, "fd_write", {I32, I32, I32}, {I32});
  EXPECT_EQ(instantiate(M), RT_ERR_LINK);
  EXPECT_STREQ(Err.message, "incompatible import type: wasi_snapshot_preview1.fd_write");
}

TEST_F(RtWasiTest, OnlyPreview1FunctionsResolve) {
  RtModule M;
  M.import("env", "fd_write", {I32, I32, I32, I32}, {I32});
  M.import(WASI_MODULE_NAME, "proc_raise", {I32}, {I32});
  M.import(WASI_MODULE_NAME, "memory", {}, {}, RT_EXTERN_MEMORY);
  M.import("wasi_snapshot_preview", "fd_write", {I32, I32, I32, I32}, {I32});
  const rt_module_info *Info = M.info();
  for (uint32_t I = 0; I < Info->num_imports; ++I) {
    rt_funcref F;
    EXPECT_EQ(rt_wasi_resolve(&Info->imports[I], &F), 0) << I;
  }
}

} // namespace
} // namespace wasmc::wasitest
