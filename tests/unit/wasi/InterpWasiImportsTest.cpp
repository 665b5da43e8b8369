//===--- InterpWasiImportsTest.cpp - WASI in the interpreter --------------===//
//
// compiler/interp/WasiImports.cpp: modules in the text format import
// preview1 functions, which must reach the core with the caller's memory.
//
//===----------------------------------------------------------------------===//
#include "WasiTestSupport.h"

#include "interp/Interp.h"
#include "interp/WasiImports.h"
#include "text/WatToBinary.h"

#include <memory>

namespace wasmc::interp {
namespace {

using wasitest::Pipe;

class InterpWasiTest : public ::testing::Test {
protected:
  InterpWasiTest() {
    wasi_ctx_init(&Ctx);
    EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 1, Out.Write, WASI_RIGHTS_STDOUT), 0);
  }

  /// Decodes and validates Wat, then resolves its imports through WASI.
  Result<std::vector<Extern>> resolve(std::string_view Wat) {
    auto Bytes = watToBinary(Wat, "test.wat");
    EXPECT_TRUE(Bytes.ok()) << (Bytes.ok() ? "" : Bytes.error().str());
    auto Loaded = loadModule(Bytes.take());
    EXPECT_TRUE(Loaded.ok()) << (Loaded.ok() ? "" : Loaded.error().str());
    VM = std::make_unique<ValidatedModule>(Loaded.take());
    return resolveWasiImports(S, VM->module(), &Ctx);
  }

  /// Instantiates Wat with WASI imports; the instantiation must not fail.
  Instantiation load(std::string_view Wat) {
    auto Imports = resolve(Wat);
    EXPECT_TRUE(Imports.ok()) << (Imports.ok() ? "" : Imports.error().str());
    auto I = instantiate(S, *VM, *Imports);
    EXPECT_TRUE(I.ok()) << (I.ok() ? "" : I.error().str());
    return *I;
  }

  Outcome call(ModuleInstance *I, std::string_view Name) {
    auto R = invoke(S, I->findExport(Name)->Addr, {});
    EXPECT_TRUE(R.ok());
    return R.take();
  }

  Pipe Out;
  wasi_ctx Ctx;
  Store S;
  std::unique_ptr<ValidatedModule> VM;
};

constexpr std::string_view Program = R"(
  (module
    (import "wasi_snapshot_preview1" "fd_write"
      (func $fd_write (param i32 i32 i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
    (import "wasi_snapshot_preview1" "sock_accept"
      (func $accept (param i32 i32 i32) (result i32)))
    (import "wasi_snapshot_preview1" "fd_seek"
      (func $seek (param i32 i64 i32 i32) (result i32)))
    (memory 1)
    (data (i32.const 64) "hi\n")
    (func (export "write") (result i32)
      (i32.store (i32.const 0) (i32.const 64))
      (i32.store (i32.const 4) (i32.const 3))
      (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (func (export "nwritten") (result i32) (i32.load (i32.const 8)))
    (func (export "fault") (result i32)
      (call $fd_write (i32.const 1) (i32.const 65532) (i32.const 1) (i32.const 8)))
    (func (export "exit") (call $exit (i32.const 7)) unreachable)
    (func (export "accept") (result i32)
      (call $accept (i32.const 0) (i32.const 0) (i32.const 0)))
    (func (export "seek") (result i32)
      (call $seek (i32.const 1) (i64.const -1) (i32.const 3) (i32.const 0)))
    (func (export "crash") unreachable))
)";

TEST_F(InterpWasiTest, CallsReachTheCoreWithTheCallersMemory) {
  Instantiation I = load(Program);
  ASSERT_NE(I.Instance, nullptr);
  Outcome W = call(I.Instance, "write");
  ASSERT_FALSE(W.Trapped) << W.Trapped.Message;
  EXPECT_EQ(W.Results[0], Value::i32(0));
  EXPECT_EQ(call(I.Instance, "nwritten").Results[0], Value::i32(3));
  EXPECT_EQ(call(I.Instance, "fault").Results[0], Value::i32(WASI_ERRNO_FAULT));
  EXPECT_EQ(call(I.Instance, "accept").Results[0], Value::i32(WASI_ERRNO_BADF));
  EXPECT_EQ(call(I.Instance, "seek").Results[0], Value::i32(WASI_ERRNO_INVAL));
  Out.closeWrite();
  EXPECT_EQ(Out.drain(), "hi\n");
}

TEST_F(InterpWasiTest, ProcExitUnwindsWithItsCode) {
  Instantiation I = load(Program);
  ASSERT_NE(I.Instance, nullptr);
  Outcome E = call(I.Instance, "exit");
  ASSERT_TRUE(E.Trapped);
  EXPECT_EQ(E.Trapped.Code, RT_TRAP_HOST);
  EXPECT_EQ(wasiExitCode(E.Trapped, Ctx), std::optional<uint32_t>(7));
  // An ordinary trap is not an exit, even after one.
  Outcome C = call(I.Instance, "crash");
  ASSERT_TRUE(C.Trapped);
  EXPECT_EQ(wasiExitCode(C.Trapped, Ctx), std::nullopt);
}

TEST_F(InterpWasiTest, ProcExitInTheStartFunction) {
  Instantiation I = load(R"(
    (module
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (func $main (call $exit (i32.const 300)))
      (start $main)))");
  ASSERT_TRUE(I.Trapped);
  EXPECT_EQ(wasiExitCode(I.Trapped, Ctx), std::optional<uint32_t>(300));
}

TEST_F(InterpWasiTest, DirectInvocationHasNoMemory) {
  auto Imports = resolve(Program);
  ASSERT_TRUE(Imports.ok());
  ASSERT_EQ(Imports->size(), 4u);
  auto R = invoke(S, (*Imports)[0].Addr,
                  {Value::i32(1), Value::i32(0), Value::i32(0), Value::i32(0)});
  ASSERT_TRUE(R.ok());
  EXPECT_EQ(R->Results[0], Value::i32(WASI_ERRNO_FAULT));
}

TEST_F(InterpWasiTest, UnknownImports) {
  for (std::string_view Wat : {
           R"((module (import "env" "f" (func))))",
           R"((module (import "wasi_snapshot_preview1" "proc_raise"
                        (func (param i32) (result i32)))))",
           R"((module (import "wasi_snapshot_preview1" "memory" (memory 1))))",
           R"((module (import "wasi_unstable" "fd_write"
                        (func (param i32 i32 i32 i32) (result i32)))))"}) {
    auto Imports = resolve(Wat);
    ASSERT_FALSE(Imports.ok()) << Wat;
    EXPECT_EQ(Imports.error().Kind, ErrorKind::Unlinkable);
    EXPECT_EQ(Imports.error().Message.rfind("unknown import: ", 0), 0u)
        << Imports.error().Message;
  }
  auto Imports = resolve(R"((module (import "env" "f" (func))))");
  EXPECT_EQ(Imports.error().Message, "unknown import: env.f");
}

TEST_F(InterpWasiTest, WronglyTypedImports) {
  auto Imports = resolve(R"(
    (module (import "wasi_snapshot_preview1" "fd_write"
              (func (param i32 i32 i32) (result i32)))))");
  ASSERT_FALSE(Imports.ok());
  EXPECT_EQ(Imports.error().Kind, ErrorKind::Unlinkable);
  EXPECT_EQ(Imports.error().Message,
            "incompatible import type: wasi_snapshot_preview1.fd_write: expects "
            "[i32 i32 i32 i32] -> [i32], got [i32 i32 i32] -> [i32]");
  // An unimplemented function still has its exact type.
  Imports = resolve(R"(
    (module (import "wasi_snapshot_preview1" "path_open" (func (result i32)))))");
  ASSERT_FALSE(Imports.ok());
  EXPECT_EQ(Imports.error().Message.rfind("incompatible import type: ", 0), 0u);
  Imports = resolve(R"(
    (module (import "wasi_snapshot_preview1" "proc_exit" (func (param i32) (result i32)))))");
  ASSERT_FALSE(Imports.ok());
}

} // namespace
} // namespace wasmc::interp
