//===--- AbiTypesTest.cpp - AbiTypes against the C layout of abi.h --------===//
//
/// \file
/// Every field offset and struct size of the LLVM mirror of abi.h, under
/// the host's DataLayout, must equal offsetof/sizeof from the C header.
//
//===----------------------------------------------------------------------===//
#include "lower/AbiTypes.h"

#include "codegen/Codegen.h"
#include "rt/abi.h"

#include <gtest/gtest.h>

#include <cstddef>

namespace wasmc::lower {
namespace {

class AbiTypesTest : public ::testing::Test {
protected:
  void SetUp() override {
    auto TM = codegen::createTargetMachine({});
    ASSERT_TRUE(bool(TM)) << llvm::toString(TM.takeError());
    DL = std::make_unique<llvm::DataLayout>((*TM)->createDataLayout());
    Abi = std::make_unique<AbiTypes>(Ctx, *DL);
  }

  uint64_t offset(llvm::StructType *ST, unsigned Field) {
    return DL->getStructLayout(ST)->getElementOffset(Field);
  }
  uint64_t size(llvm::Type *T) { return DL->getTypeAllocSize(T); }
  uint64_t align(llvm::Type *T) { return DL->getABITypeAlign(T).value(); }

  llvm::LLVMContext Ctx;
  std::unique_ptr<llvm::DataLayout> DL;
  std::unique_ptr<AbiTypes> Abi;
};

#define EXPECT_FIELD(ST, Field, CType, CField)                                 \
  EXPECT_EQ(offset(Abi->ST, AbiTypes::Field), offsetof(CType, CField))         \
      << #CType "." #CField

#define EXPECT_STRUCT(ST, CType)                                               \
  do {                                                                         \
    EXPECT_EQ(size(Abi->ST), sizeof(CType)) << "sizeof " #CType;               \
    EXPECT_EQ(align(Abi->ST), alignof(CType)) << "alignof " #CType;            \
  } while (0)

TEST_F(AbiTypesTest, ScalarsMatchC) {
  EXPECT_EQ(size(Abi->IntPtr), sizeof(uintptr_t));
  EXPECT_EQ(size(Abi->Ptr), sizeof(void *));
}

TEST_F(AbiTypesTest, RuntimeDataMatchesC) {
  EXPECT_STRUCT(Value, rt_value);

  EXPECT_STRUCT(Funcref, rt_funcref);
  EXPECT_FIELD(Funcref, FuncrefCode, rt_funcref, code);
  EXPECT_FIELD(Funcref, FuncrefInst, rt_funcref, inst);
  EXPECT_FIELD(Funcref, FuncrefInvoke, rt_funcref, invoke);
  EXPECT_FIELD(Funcref, FuncrefTypeId, rt_funcref, type_id);
  EXPECT_FIELD(Funcref, FuncrefFuncIndex, rt_funcref, func_index);

  EXPECT_STRUCT(Memory, rt_memory);
  EXPECT_FIELD(Memory, MemoryBase, rt_memory, base);
  EXPECT_FIELD(Memory, MemorySize, rt_memory, size);
  EXPECT_FIELD(Memory, MemoryMaxPages, rt_memory, max_pages);
  EXPECT_FIELD(Memory, MemoryReserved, rt_memory, reserved);

  EXPECT_STRUCT(Table, rt_table);
  EXPECT_FIELD(Table, TableElems, rt_table, elems);
  EXPECT_FIELD(Table, TableSize, rt_table, size);
  EXPECT_FIELD(Table, TableMax, rt_table, max);
  EXPECT_FIELD(Table, TableElemType, rt_table, elem_type);

  EXPECT_STRUCT(Global, rt_global);
  EXPECT_FIELD(Global, GlobalValue, rt_global, value);

  EXPECT_STRUCT(Context, rt_context);
  EXPECT_FIELD(Context, ContextStackLimit, rt_context, stack_limit);
  EXPECT_FIELD(Context, ContextFuel, rt_context, fuel);
  EXPECT_FIELD(Context, ContextCallDepth, rt_context, call_depth);
  EXPECT_FIELD(Context, ContextMemoryPageCap, rt_context, memory_page_cap);
}

TEST_F(AbiTypesTest, InstancePrefixMatchesC) {
  EXPECT_STRUCT(Instance, rt_instance);
  EXPECT_FIELD(Instance, InstanceMemory0, rt_instance, memory0);
  EXPECT_FIELD(Instance, InstanceMemories, rt_instance, memories);
  EXPECT_FIELD(Instance, InstanceTables, rt_instance, tables);
  EXPECT_FIELD(Instance, InstanceGlobals, rt_instance, globals);
  EXPECT_FIELD(Instance, InstanceFuncs, rt_instance, funcs);
  EXPECT_FIELD(Instance, InstanceTypeIds, rt_instance, type_ids);
  EXPECT_FIELD(Instance, InstanceCtx, rt_instance, ctx);
  EXPECT_FIELD(Instance, InstanceInfo, rt_instance, info);
  EXPECT_FIELD(Instance, InstanceHost, rt_instance, host);
}

TEST_F(AbiTypesTest, ModuleDescriptionMatchesC) {
  EXPECT_STRUCT(Name, rt_name);
  EXPECT_FIELD(Name, NameData, rt_name, data);
  EXPECT_FIELD(Name, NameLen, rt_name, len);

  EXPECT_STRUCT(FuncType, rt_func_type);
  EXPECT_FIELD(FuncType, FuncTypeNumParams, rt_func_type, num_params);
  EXPECT_FIELD(FuncType, FuncTypeNumResults, rt_func_type, num_results);
  EXPECT_FIELD(FuncType, FuncTypeTypes, rt_func_type, types);

  EXPECT_STRUCT(ConstExpr, rt_const_expr);
  EXPECT_FIELD(ConstExpr, ConstExprKind, rt_const_expr, kind);
  EXPECT_FIELD(ConstExpr, ConstExprIndex, rt_const_expr, index);
  EXPECT_FIELD(ConstExpr, ConstExprValue, rt_const_expr, value);

  EXPECT_STRUCT(Limits, rt_limits);
  EXPECT_FIELD(Limits, LimitsMin, rt_limits, min);
  EXPECT_FIELD(Limits, LimitsMax, rt_limits, max);
  EXPECT_FIELD(Limits, LimitsHasMax, rt_limits, has_max);

  EXPECT_STRUCT(Import, rt_import);
  EXPECT_FIELD(Import, ImportModule, rt_import, module);
  EXPECT_FIELD(Import, ImportName, rt_import, name);
  EXPECT_FIELD(Import, ImportKind, rt_import, kind);
  EXPECT_FIELD(Import, ImportTypeIndex, rt_import, type_index);
  EXPECT_FIELD(Import, ImportType, rt_import, type);
  EXPECT_FIELD(Import, ImportMutable, rt_import, mutable_);
  EXPECT_FIELD(Import, ImportLimits, rt_import, limits);

  EXPECT_STRUCT(Export, rt_export);
  EXPECT_FIELD(Export, ExportName, rt_export, name);
  EXPECT_FIELD(Export, ExportKind, rt_export, kind);
  EXPECT_FIELD(Export, ExportIndex, rt_export, index);

  EXPECT_STRUCT(FuncDef, rt_func_def);
  EXPECT_FIELD(FuncDef, FuncDefCode, rt_func_def, code);
  EXPECT_FIELD(FuncDef, FuncDefInvoke, rt_func_def, invoke);
  EXPECT_FIELD(FuncDef, FuncDefTypeIndex, rt_func_def, type_index);
  EXPECT_FIELD(FuncDef, FuncDefName, rt_func_def, name);

  EXPECT_STRUCT(TableDef, rt_table_def);
  EXPECT_FIELD(TableDef, TableDefElemType, rt_table_def, elem_type);
  EXPECT_FIELD(TableDef, TableDefLimits, rt_table_def, limits);

  EXPECT_STRUCT(GlobalDef, rt_global_def);
  EXPECT_FIELD(GlobalDef, GlobalDefType, rt_global_def, type);
  EXPECT_FIELD(GlobalDef, GlobalDefMutable, rt_global_def, mutable_);
  EXPECT_FIELD(GlobalDef, GlobalDefInit, rt_global_def, init);

  EXPECT_STRUCT(ElemSegment, rt_elem_segment);
  EXPECT_FIELD(ElemSegment, ElemMode, rt_elem_segment, mode);
  EXPECT_FIELD(ElemSegment, ElemElemType, rt_elem_segment, elem_type);
  EXPECT_FIELD(ElemSegment, ElemTable, rt_elem_segment, table);
  EXPECT_FIELD(ElemSegment, ElemOffset, rt_elem_segment, offset);
  EXPECT_FIELD(ElemSegment, ElemCount, rt_elem_segment, count);
  EXPECT_FIELD(ElemSegment, ElemInits, rt_elem_segment, inits);

  EXPECT_STRUCT(DataSegment, rt_data_segment);
  EXPECT_FIELD(DataSegment, DataMode, rt_data_segment, mode);
  EXPECT_FIELD(DataSegment, DataMemory, rt_data_segment, memory);
  EXPECT_FIELD(DataSegment, DataOffset, rt_data_segment, offset);
  EXPECT_FIELD(DataSegment, DataSize, rt_data_segment, size);
  EXPECT_FIELD(DataSegment, DataBytes, rt_data_segment, bytes);
}

TEST_F(AbiTypesTest, ModuleInfoMatchesC) {
  EXPECT_STRUCT(ModuleInfo, rt_module_info);
  EXPECT_FIELD(ModuleInfo, InfoAbiVersion, rt_module_info, abi_version);
  EXPECT_FIELD(ModuleInfo, InfoBoundsMode, rt_module_info, bounds_mode);
  EXPECT_FIELD(ModuleInfo, InfoFlags, rt_module_info, flags);
  EXPECT_FIELD(ModuleInfo, InfoName, rt_module_info, name);
  EXPECT_FIELD(ModuleInfo, InfoNumTypes, rt_module_info, num_types);
  EXPECT_FIELD(ModuleInfo, InfoTypes, rt_module_info, types);
  EXPECT_FIELD(ModuleInfo, InfoNumImports, rt_module_info, num_imports);
  EXPECT_FIELD(ModuleInfo, InfoImports, rt_module_info, imports);
  EXPECT_FIELD(ModuleInfo, InfoNumFuncs, rt_module_info, num_funcs);
  EXPECT_FIELD(ModuleInfo, InfoFuncs, rt_module_info, funcs);
  EXPECT_FIELD(ModuleInfo, InfoNumTables, rt_module_info, num_tables);
  EXPECT_FIELD(ModuleInfo, InfoTables, rt_module_info, tables);
  EXPECT_FIELD(ModuleInfo, InfoNumMemories, rt_module_info, num_memories);
  EXPECT_FIELD(ModuleInfo, InfoMemories, rt_module_info, memories);
  EXPECT_FIELD(ModuleInfo, InfoNumGlobals, rt_module_info, num_globals);
  EXPECT_FIELD(ModuleInfo, InfoGlobals, rt_module_info, globals);
  EXPECT_FIELD(ModuleInfo, InfoNumExports, rt_module_info, num_exports);
  EXPECT_FIELD(ModuleInfo, InfoExports, rt_module_info, exports);
  EXPECT_FIELD(ModuleInfo, InfoNumElems, rt_module_info, num_elems);
  EXPECT_FIELD(ModuleInfo, InfoElems, rt_module_info, elems);
  EXPECT_FIELD(ModuleInfo, InfoNumDatas, rt_module_info, num_datas);
  EXPECT_FIELD(ModuleInfo, InfoDatas, rt_module_info, datas);
  EXPECT_FIELD(ModuleInfo, InfoStartFunc, rt_module_info, start_func);
}

} // namespace
} // namespace wasmc::lower
