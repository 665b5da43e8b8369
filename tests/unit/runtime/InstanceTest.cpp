//===--- InstanceTest.cpp - Instantiation, import checks, exports ---------===//
#include "MockModule.h"

#include <gtest/gtest.h>

#include <string>

using namespace wasmc::rttest;

namespace {

rt_instance *LastCaller;
int32_t recordCaller(rt_instance *Inst, int32_t X) {
  LastCaller = Inst;
  return X + 1;
}

TEST(InstanceTest, InstantiatesAndRunsTheStandardModule) {
  auto M = standardModule();
  rt_funcref F = hostFunc(recordCaller);
  Instantiated I(*M, {externFunc(&F)});
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  int32_t Result = 0;
  EXPECT_EQ(I.callI32("load32", 16, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 42); // the active data segment
  rt_extern E;
  ASSERT_TRUE(rt_instance_export(I.Inst, "memory", 6, &E));
  EXPECT_EQ(E.kind, RT_EXTERN_MEMORY);
  EXPECT_EQ(E.of.memory, I.Inst->memory0);
  EXPECT_FALSE(rt_instance_export(I.Inst, "memor", 5, &E));
  EXPECT_FALSE(rt_instance_export(I.Inst, "nope", 4, &E));
  const rt_name *Name = rt_instance_func_name(I.Inst, MOCK_RECURSE);
  ASSERT_NE(Name, nullptr);
  EXPECT_EQ(std::string(Name->data, Name->len), "recurse");
  EXPECT_EQ(rt_instance_func_name(I.Inst, MOCK_IMPORTED_F), nullptr);
}

TEST(InstanceTest, HostTemplateIsBoundToTheImportingInstance) {
  auto M = standardModule();
  rt_funcref F = hostFunc(recordCaller);
  Instantiated A(*M, {externFunc(&F)});
  Instantiated B(*M, {externFunc(&F)});
  ASSERT_EQ(A.Status, RT_OK);
  ASSERT_EQ(B.Status, RT_OK);
  int32_t Result = 0;
  EXPECT_EQ(B.callI32("call_f", 4, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 5);
  EXPECT_EQ(LastCaller, B.Inst);
  EXPECT_EQ(A.callI32("call_f", 4, &Result), RT_TRAP_NONE);
  EXPECT_EQ(LastCaller, A.Inst);
  EXPECT_EQ(F.inst, nullptr); // the template itself is untouched
}

TEST(InstanceTest, FunctionImportsFromAnotherInstanceKeepTheirInstance) {
  auto M = standardModule();
  rt_funcref F = hostFunc(recordCaller);
  Instantiated Provider(*M, {externFunc(&F)});
  ASSERT_EQ(Provider.Status, RT_OK);
  // Import Provider's call_f as host.f: same type (i32)->(i32).
  Instantiated User(*M, {externFunc(Provider.func("call_f"))});
  ASSERT_EQ(User.Status, RT_OK) << User.Err.message;
  EXPECT_EQ(User.Inst->funcs[MOCK_IMPORTED_F], Provider.func("call_f"));
  int32_t Result = 0;
  EXPECT_EQ(User.callI32("call_f", 1, &Result), RT_TRAP_NONE);
  EXPECT_EQ(Result, 2);
  EXPECT_EQ(LastCaller, Provider.Inst);
}

void voidHost(rt_instance *) {}

TEST(InstanceTest, RejectsFunctionImportsOfTheWrongTypeOrKind) {
  auto M = standardModule();
  rt_func_type Void = {0, 0, nullptr};
  rt_funcref Wrong = {};
  Wrong.code = reinterpret_cast<const void *>(voidHost);
  Wrong.invoke = mock_invoke_void;
  Wrong.type_id = rt_type_intern(&Void);
  {
    Instantiated I(*M, {externFunc(&Wrong)});
    EXPECT_EQ(I.Status, RT_ERR_LINK);
    EXPECT_EQ(I.Inst, nullptr);
    EXPECT_STREQ(I.Err.message, "incompatible import type: host.f");
  }
  {
    rt_error Err;
    rt_limits L = limits(1);
    rt_memory *Mem = rt_memory_create(&L, RT_BOUNDS_GUARD, &Err);
    rt_extern E = {};
    E.kind = RT_EXTERN_MEMORY;
    E.of.memory = Mem;
    Instantiated I(*M, {E});
    EXPECT_EQ(I.Status, RT_ERR_LINK);
    EXPECT_STREQ(I.Err.message, "incompatible import type: host.f");
    rt_memory_destroy(Mem);
  }
  {
    Instantiated I(*M, {externFunc(nullptr)});
    EXPECT_EQ(I.Status, RT_ERR_LINK);
    EXPECT_STREQ(I.Err.message, "unknown import: host.f");
  }
}

/// A module that imports only "env" "mem" with the given limits.
rt_status importMemory(rt_limits Want, uint8_t ModuleMode, rt_limits Have, uint8_t HaveMode,
                       std::string *Message = nullptr) {
  MockModule M;
  M.BoundsMode = ModuleMode;
  M.importMemory("env", "mem", Want);
  rt_error Err;
  rt_memory *Mem = rt_memory_create(&Have, HaveMode, &Err);
  EXPECT_NE(Mem, nullptr);
  rt_extern E = {};
  E.kind = RT_EXTERN_MEMORY;
  E.of.memory = Mem;
  rt_status St;
  {
    Instantiated I(M, {E});
    St = I.Status;
    if (Message)
      *Message = I.Err.message;
  }
  rt_memory_destroy(Mem);
  return St;
}

TEST(InstanceTest, MemoryImportsFollowLimitsSubtyping) {
  const uint8_t G = RT_BOUNDS_GUARD, X = RT_BOUNDS_EXPLICIT;
  EXPECT_EQ(importMemory(limits(1), G, limits(1), G), RT_OK);
  EXPECT_EQ(importMemory(limits(1), G, limits(2), G), RT_OK);
  EXPECT_EQ(importMemory(limits(2), G, limits(1, 3), G), RT_ERR_LINK);
  EXPECT_EQ(importMemory(limits(1, 2), G, limits(1), G), RT_ERR_LINK);
  EXPECT_EQ(importMemory(limits(1, 2), G, limits(1, 3), G), RT_ERR_LINK);
  EXPECT_EQ(importMemory(limits(1, 2), G, limits(1, 2), G), RT_OK);
  EXPECT_EQ(importMemory(limits(0, 3), G, limits(1, 2), G), RT_OK);
  // Guard-mode code needs a guard-mode memory; explicit code takes either.
  std::string Message;
  EXPECT_EQ(importMemory(limits(1), G, limits(1), X, &Message), RT_ERR_LINK);
  EXPECT_EQ(Message, "incompatible import type: memory has no guard region: env.mem");
  EXPECT_EQ(importMemory(limits(1), X, limits(1), G), RT_OK);
  EXPECT_EQ(importMemory(limits(1), X, limits(1), X), RT_OK);
}

TEST(InstanceTest, TableAndGlobalImportsAreChecked) {
  rt_error Err;
  rt_limits Two = limits(2, 5);
  rt_table *T = rt_table_create(RT_TYPE_FUNCREF, &Two, nullptr, &Err);
  rt_extern TE = {};
  TE.kind = RT_EXTERN_TABLE;
  TE.of.table = T;
  auto tableStatus = [&](uint8_t Type, rt_limits L) {
    MockModule M;
    M.importTable("env", "t", Type, L);
    Instantiated I(M, {TE});
    return I.Status;
  };
  EXPECT_EQ(tableStatus(RT_TYPE_FUNCREF, limits(1)), RT_OK);
  EXPECT_EQ(tableStatus(RT_TYPE_FUNCREF, limits(2, 5)), RT_OK);
  EXPECT_EQ(tableStatus(RT_TYPE_FUNCREF, limits(3)), RT_ERR_LINK);
  EXPECT_EQ(tableStatus(RT_TYPE_FUNCREF, limits(1, 4)), RT_ERR_LINK);
  EXPECT_EQ(tableStatus(RT_TYPE_EXTERNREF, limits(1)), RT_ERR_LINK);
  rt_table_destroy(T);

  rt_global G = {};
  G.value.i64 = 7;
  auto globalStatus = [&](uint8_t WantType, bool WantMut, uint8_t HaveType, bool HaveMut) {
    MockModule M;
    M.importGlobal("env", "g", WantType, WantMut);
    rt_extern E = {};
    E.kind = RT_EXTERN_GLOBAL;
    E.global_type = HaveType;
    E.global_mutable = HaveMut;
    E.of.global = &G;
    Instantiated I(M, {E});
    return I.Status;
  };
  EXPECT_EQ(globalStatus(RT_TYPE_I64, false, RT_TYPE_I64, false), RT_OK);
  EXPECT_EQ(globalStatus(RT_TYPE_I64, true, RT_TYPE_I64, true), RT_OK);
  EXPECT_EQ(globalStatus(RT_TYPE_I64, true, RT_TYPE_I64, false), RT_ERR_LINK);
  EXPECT_EQ(globalStatus(RT_TYPE_I64, false, RT_TYPE_I64, true), RT_ERR_LINK);
  EXPECT_EQ(globalStatus(RT_TYPE_I32, false, RT_TYPE_I64, false), RT_ERR_LINK);
}

TEST(InstanceTest, GlobalInitializersReadImportsAndTakeFunctionRefs) {
  MockModule M;
  M.importGlobal("env", "g", RT_TYPE_I32, false);
  uint32_t Void = M.addType({}, {});
  M.addFunc(reinterpret_cast<const void *>(mock_unreachable), mock_invoke_void, Void, "u");
  rt_const_expr Get = {};
  Get.kind = RT_CONST_GLOBAL_GET;
  Get.index = 0;
  M.addGlobal(RT_TYPE_I32, true, Get);
  M.addGlobal(RT_TYPE_FUNCREF, false, refFunc(0));
  rt_const_expr Null = {};
  Null.kind = RT_CONST_REF_NULL;
  M.addGlobal(RT_TYPE_FUNCREF, false, Null);
  M.addExport("copy", RT_EXTERN_GLOBAL, 1);
  rt_global G = {};
  G.value.i32 = 1234;
  rt_extern E = {};
  E.kind = RT_EXTERN_GLOBAL;
  E.global_type = RT_TYPE_I32;
  E.of.global = &G;
  Instantiated I(M, {E});
  ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
  EXPECT_EQ(I.Inst->globals[0], &G);
  EXPECT_EQ(I.Inst->globals[1]->value.i32, 1234);
  EXPECT_EQ(I.Inst->globals[2]->value.ref, I.Inst->funcs[0]);
  EXPECT_EQ(I.Inst->globals[3]->value.ref, nullptr);
  rt_extern Out;
  ASSERT_TRUE(rt_instance_export(I.Inst, "copy", 4, &Out));
  EXPECT_EQ(Out.kind, RT_EXTERN_GLOBAL);
  EXPECT_EQ(Out.global_type, RT_TYPE_I32);
  EXPECT_EQ(Out.global_mutable, 1);
  EXPECT_EQ(Out.of.global, I.Inst->globals[1]);
}

TEST(InstanceTest, SegmentTrapKeepsEarlierSegmentsEffects) {
  rt_error Err;
  rt_limits Two = limits(2);
  rt_table *T = rt_table_create(RT_TYPE_FUNCREF, &Two, nullptr, &Err);
  rt_limits One = limits(1);
  rt_memory *Mem = rt_memory_create(&One, RT_BOUNDS_GUARD, &Err);
  rt_extern TE = {}, ME = {};
  TE.kind = RT_EXTERN_TABLE;
  TE.of.table = T;
  ME.kind = RT_EXTERN_MEMORY;
  ME.of.memory = Mem;

  MockModule M;
  M.importTable("env", "t", RT_TYPE_FUNCREF, limits(1));
  M.importMemory("env", "m", limits(1));
  uint32_t Void = M.addType({}, {});
  M.addFunc(reinterpret_cast<const void *>(mock_unreachable), mock_invoke_void, Void, "u");
  M.addElem(RT_SEGMENT_ACTIVE, 0, 1, {refFunc(0)});
  M.addElem(RT_SEGMENT_ACTIVE, 0, 2, {refFunc(0)}); // one past the end
  M.addData(RT_SEGMENT_ACTIVE, 0, 0, "x");
  {
    Instantiated I(M, {TE, ME});
    EXPECT_EQ(I.Status, RT_ERR_TRAP);
    EXPECT_EQ(I.Err.trap, static_cast<uint32_t>(RT_TRAP_TABLE_OOB));
    EXPECT_STREQ(I.Err.message, "out of bounds table access");
    ASSERT_NE(I.Inst, nullptr); // kept: the table refers to it
    EXPECT_EQ(T->elems[1], I.Inst->funcs[0]);
    EXPECT_EQ(Mem->base[0], 0); // data segments come after elements
  }
  T->elems[1] = nullptr;

  MockModule D;
  D.importMemory("env", "m", limits(1));
  D.addData(RT_SEGMENT_ACTIVE, 0, 0, "x");
  D.addData(RT_SEGMENT_ACTIVE, 0, RT_PAGE_SIZE, ""); // empty at the end: fine
  D.addData(RT_SEGMENT_ACTIVE, 0, RT_PAGE_SIZE - 1, "yz");
  D.addData(RT_SEGMENT_ACTIVE, 0, 1, "w");
  {
    Instantiated I(D, {ME});
    EXPECT_EQ(I.Status, RT_ERR_TRAP);
    EXPECT_STREQ(I.Err.message, "out of bounds memory access");
    EXPECT_EQ(Mem->base[0], 'x');
    EXPECT_EQ(Mem->base[RT_PAGE_SIZE - 1], 0); // nothing of the bad segment
    EXPECT_EQ(Mem->base[1], 0);                // nor of later ones
  }
  rt_table_destroy(T);
  rt_memory_destroy(Mem);
}

int32_t identity(rt_instance *, int32_t X) { return X; }

TEST(InstanceTest, StartFunctionRunsAfterSegmentsAndItsTrapIsReported) {
  auto M = standardModule();
  M->Start = MOCK_STORE_ONE;
  rt_funcref F = hostFunc(identity);
  {
    Instantiated I(*M, {externFunc(&F)});
    ASSERT_EQ(I.Status, RT_OK) << I.Err.message;
    int32_t Result = 0;
    EXPECT_EQ(I.callI32("load32", 8, &Result), RT_TRAP_NONE);
    EXPECT_EQ(Result, 1);
  }
  M->Start = MOCK_UNREACHABLE;
  Instantiated I(*M, {externFunc(&F)});
  EXPECT_EQ(I.Status, RT_ERR_TRAP);
  EXPECT_EQ(I.Err.trap, static_cast<uint32_t>(RT_TRAP_UNREACHABLE));
  EXPECT_EQ(I.Err.func_index, static_cast<uint32_t>(MOCK_UNREACHABLE));
  EXPECT_STREQ(I.Err.message, "unreachable");
  EXPECT_NE(I.Inst, nullptr);
}

TEST(InstanceTest, RejectsAnotherAbiVersion) {
  MockModule M;
  rt_module_info Info = *M.info();
  Info.abi_version = RT_ABI_VERSION + 1;
  rt_context Ctx = {};
  rt_instance *Inst = reinterpret_cast<rt_instance *>(1);
  rt_error Err;
  EXPECT_EQ(rt_instantiate(&Info, nullptr, &Ctx, nullptr, &Inst, &Err), RT_ERR_ABI);
  EXPECT_EQ(Inst, nullptr);
}

} // namespace
