//===--- InstantiateTest.cpp - Linking, instantiation order and spectest --===//
#include "InterpTestSupport.h"

using namespace wasmc;
using namespace wasmc::interp;
using namespace wasmc::interp::test;

namespace {

class InstantiateTest : public InterpTest {
protected:
  /// Instantiates Wat with imports resolved from the spectest module.
  Result<Instantiation> withSpectest(std::string_view Wat) {
    if (!Spectest)
      Spectest = *createSpecTestInstance(S);
    ValidatedModule VM = compile(Wat);
    auto Imports = resolveImports(
        VM.module(), [&](std::string_view Mod, std::string_view Name) {
          return Mod == "spectest" ? Spectest->findExport(Name) : std::nullopt;
        });
    if (!Imports)
      return Imports.takeError();
    return instantiate(S, VM, *Imports);
  }

  /// The message of an instantiation that must fail to link.
  std::string unlinkable(std::string_view Wat) {
    auto R = withSpectest(Wat);
    EXPECT_FALSE(R.ok());
    if (R.ok())
      return "";
    EXPECT_EQ(R.error().Kind, ErrorKind::Unlinkable);
    return R.error().Message;
  }

  ModuleInstance *Spectest = nullptr;
};

TEST_F(InstantiateTest, SpectestImportsLink) {
  auto R = withSpectest(R"((module
    (import "spectest" "print_i32" (func (param i32)))
    (import "spectest" "global_i32" (global $g i32))
    (import "spectest" "global_f64" (global $h f64))
    (import "spectest" "table" (table 10 funcref))
    (import "spectest" "memory" (memory 1 2))
    (func (export "g") (result i32) (call 0 (global.get $g)) (global.get $g))
    (func (export "h") (result f64) (global.get $h))))");
  ASSERT_TRUE(R.ok()) << R.error().str();
  ASSERT_FALSE(R->Trapped);
  EXPECT_EQ(result(R->Instance, "g"), Value::i32(666));
  EXPECT_EQ(result(R->Instance, "h"), Value::f64(666.6));
}

TEST_F(InstantiateTest, UnknownImport) {
  std::string M = unlinkable(R"((module (import "spectest" "nope" (func))))");
  EXPECT_EQ(M.rfind("unknown import", 0), 0u) << M;
}

TEST_F(InstantiateTest, IncompatibleImportTypes) {
  const char *Cases[] = {
      R"((module (import "spectest" "print_i32" (func (param i64)))))",
      R"((module (import "spectest" "print_i32" (func (param i32) (result i32)))))",
      R"((module (import "spectest" "print_i32" (global i32))))",
      R"((module (import "spectest" "global_i32" (global (mut i32)))))",
      R"((module (import "spectest" "global_i32" (global i64))))",
      R"((module (import "spectest" "table" (table 11 funcref))))",
      R"((module (import "spectest" "table" (table 10 15 funcref))))",
      R"((module (import "spectest" "table" (table 10 externref))))",
      R"((module (import "spectest" "memory" (memory 2))))",
      R"((module (import "spectest" "memory" (memory 1 1))))",
      R"((module (import "spectest" "memory" (table 1 funcref))))",
  };
  for (const char *Wat : Cases) {
    std::string M = unlinkable(Wat);
    EXPECT_EQ(M.rfind("incompatible import type", 0), 0u) << Wat << ": " << M;
  }
  // Subtyping the other way round is fine: a smaller minimum, a larger
  // (or absent) maximum.
  auto Ok = withSpectest(R"((module
    (import "spectest" "table" (table 5 30 funcref))
    (import "spectest" "memory" (memory 0))))");
  EXPECT_TRUE(Ok.ok()) << Ok.error().str();
}

TEST_F(InstantiateTest, WrongNumberOfImports) {
  auto R = tryInstantiate(R"((module (import "a" "b" (func))))", {});
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().Kind, ErrorKind::Unlinkable);
}

TEST_F(InstantiateTest, GrownImportsMatchByCurrentSize) {
  // Limits of an existing table or memory are its current size.
  MemAddr Mem = *S.addMemory(MemoryType{{1, std::nullopt}});
  std::vector<Extern> Imports{{ExternKind::Memory, Mem}};
  const char *Wat = R"((module (import "m" "m" (memory 2))))";
  EXPECT_FALSE(tryInstantiate(Wat, Imports).ok());
  S.memory(Mem).grow(1);
  EXPECT_TRUE(tryInstantiate(Wat, Imports).ok());
}

TEST_F(InstantiateTest, GlobalsInitialiseFromImports) {
  GlobalAddr G = S.addGlobal({ValType::I64, false}, Value::i64(40));
  ModuleInstance *I = load(R"((module
    (import "m" "g" (global $g i64))
    (global $copy i64 (global.get $g))
    (global $m (export "m") (mut i32) (i32.const 1))
    (func (export "get") (result i64) (global.get $copy))
    (func (export "bump") (global.set $m (i32.add (global.get $m) (i32.const 1))))))",
                           {Extern{ExternKind::Global, G}});
  EXPECT_EQ(result(I, "get"), Value::i64(40));
  EXPECT_FALSE(call(I, "bump").Trapped);
  GlobalAddr M = exportOf(I, "m").Addr;
  EXPECT_EQ(S.globalValue(M), Value::i32(2));
  S.setGlobalValue(M, Value::i32(10));
  EXPECT_FALSE(call(I, "bump").Trapped);
  EXPECT_EQ(S.globalValue(M), Value::i32(11));
}

TEST_F(InstantiateTest, StartFunctionRunsLast) {
  ModuleInstance *I = load(R"((module
    (memory 1)
    (global $g (mut i32) (i32.const 0))
    (data (i32.const 0) "\05")
    (func $start (global.set $g (i32.load8_u (i32.const 0))))
    (start $start)
    (func (export "g") (result i32) (global.get $g))))");
  EXPECT_EQ(result(I, "g"), Value::i32(5));
}

TEST_F(InstantiateTest, TrapsInSegmentsKeepEarlierEffects) {
  // Wasm 2.0: segments apply one by one, so the first data segment lands in
  // the imported memory even though the second is out of bounds, and the
  // elements written into the imported table stay callable.
  ModuleInstance *Host = load(R"((module
    (memory (export "mem") 1)
    (table (export "tab") 2 funcref)
    (func (export "call0") (result i32) (call_indirect (result i32) (i32.const 0)))))");
  auto R = tryInstantiate(R"((module
    (import "h" "mem" (memory 1))
    (import "h" "tab" (table 2 funcref))
    (func $f (result i32) (i32.const 77))
    (elem (i32.const 0) $f)
    (data (i32.const 0) "x")
    (data (i32.const 65535) "yz")))",
                          {exportOf(Host, "mem"), exportOf(Host, "tab")});
  ASSERT_TRUE(R.ok()) << R.error().str();
  EXPECT_EQ(R->Instance, nullptr);
  EXPECT_EQ(R->Trapped.Code, RT_TRAP_MEMORY_OOB);
  EXPECT_EQ(S.memory(exportOf(Host, "mem").Addr).data()[0], 'x');
  EXPECT_EQ(S.memory(exportOf(Host, "mem").Addr).data()[65535], 0);
  EXPECT_EQ(result(Host, "call0"), Value::i32(77));
}

TEST_F(InstantiateTest, ElementSegmentOutOfBoundsTraps) {
  auto R = tryInstantiate(R"((module
    (table 1 funcref)
    (func $f)
    (elem (i32.const 1) $f)))");
  ASSERT_TRUE(R.ok());
  EXPECT_EQ(R->Trapped.Code, RT_TRAP_TABLE_OOB);
}

TEST_F(InstantiateTest, StartFunctionTrapFailsInstantiation) {
  auto R = tryInstantiate(R"((module
    (func $s (drop (i32.div_u (i32.const 1) (i32.const 0))))
    (start $s)))");
  ASSERT_TRUE(R.ok());
  EXPECT_EQ(R->Instance, nullptr);
  EXPECT_EQ(R->Trapped.Code, RT_TRAP_INT_DIV_ZERO);
  EXPECT_EQ(R->Trapped.Message, "integer divide by zero");
}

TEST_F(InstantiateTest, SimdIsUnsupported) {
  auto R = tryInstantiate(R"((module
    (func (export "f") (result i32)
      (i32x4.extract_lane 0 (v128.const i32x4 1 2 3 4)))))");
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().Kind, ErrorKind::Unsupported);
}

TEST_F(InstantiateTest, InstancesShareTranslatedCode) {
  ValidatedModule VM = compile(R"((module
    (global $g (mut i32) (i32.const 0))
    (func (export "next") (result i32)
      (global.set $g (i32.add (global.get $g) (i32.const 1)))
      (global.get $g))))");
  auto A = instantiate(S, VM, {});
  auto B = instantiate(S, VM, {});
  ASSERT_TRUE(A.ok() && B.ok());
  EXPECT_EQ(A->Instance->Code, B->Instance->Code);
  EXPECT_EQ(result(A->Instance, "next"), Value::i32(1));
  EXPECT_EQ(result(A->Instance, "next"), Value::i32(2));
  EXPECT_EQ(result(B->Instance, "next"), Value::i32(1)); // own globals
}

} // namespace
