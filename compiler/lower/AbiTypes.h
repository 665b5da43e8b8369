//===--- AbiTypes.h - LLVM types of the structs in rt/abi.h ---------------===//
//
/// \file
/// The one place that builds LLVM StructTypes mirroring runtime-lib's abi.h.
/// Field enums give the struct GEP index of each C field; the unit test
/// AbiTypesTest checks every field's DataLayout offset and every struct's
/// size against offsetof/sizeof from the C header, so a change to abi.h
/// that is not mirrored here fails a test instead of corrupting memory.
/// Nothing else in the lowering spells out a runtime struct.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "llvm/IR/DataLayout.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/LLVMContext.h"

namespace wasmc::lower {

struct AbiTypes {
  AbiTypes(llvm::LLVMContext &Ctx, const llvm::DataLayout &DL);

  llvm::PointerType *Ptr;
  llvm::IntegerType *I8, *I32, *I64;
  llvm::IntegerType *IntPtr; ///< uintptr_t

  // Runtime data generated code reads and writes.
  llvm::StructType *Value;   ///< rt_value: 16 bytes, 8-aligned
  llvm::StructType *Funcref; ///< rt_funcref
  llvm::StructType *Memory;  ///< rt_memory
  llvm::StructType *Table;   ///< rt_table
  llvm::StructType *Global;  ///< rt_global
  llvm::StructType *Context; ///< rt_context
  llvm::StructType *Instance; ///< struct rt_instance (the public prefix)

  // The static module description.
  llvm::StructType *Name;
  llvm::StructType *FuncType;
  llvm::StructType *ConstExpr;
  llvm::StructType *Limits;
  llvm::StructType *Import;
  llvm::StructType *Export;
  llvm::StructType *FuncDef;
  llvm::StructType *TableDef;
  llvm::StructType *GlobalDef;
  llvm::StructType *ElemSegment;
  llvm::StructType *DataSegment;
  llvm::StructType *ModuleInfo;

  // Field indices, in declaration order of abi.h.
  enum ValueField : unsigned { ValueWords };
  enum FuncrefField : unsigned {
    FuncrefCode, FuncrefInst, FuncrefInvoke, FuncrefTypeId, FuncrefFuncIndex
  };
  enum MemoryField : unsigned {
    MemoryBase, MemorySize, MemoryMaxPages, MemoryReserved
  };
  enum TableField : unsigned { TableElems, TableSize, TableMax, TableElemType };
  enum GlobalField : unsigned { GlobalValue };
  enum ContextField : unsigned {
    ContextStackLimit, ContextFuel, ContextCallDepth, ContextMemoryPageCap
  };
  enum InstanceField : unsigned {
    InstanceMemory0, InstanceMemories, InstanceTables, InstanceGlobals,
    InstanceFuncs, InstanceTypeIds, InstanceCtx, InstanceInfo, InstanceHost
  };
  enum NameField : unsigned { NameData, NameLen };
  enum FuncTypeField : unsigned {
    FuncTypeNumParams, FuncTypeNumResults, FuncTypeTypes
  };
  enum ConstExprField : unsigned { ConstExprKind, ConstExprIndex, ConstExprValue };
  enum LimitsField : unsigned { LimitsMin, LimitsMax, LimitsHasMax };
  enum ImportField : unsigned {
    ImportModule, ImportName, ImportKind, ImportTypeIndex, ImportType,
    ImportMutable, ImportLimits
  };
  enum ExportField : unsigned { ExportName, ExportKind, ExportIndex };
  enum FuncDefField : unsigned {
    FuncDefCode, FuncDefInvoke, FuncDefTypeIndex, FuncDefName
  };
  enum TableDefField : unsigned { TableDefElemType, TableDefLimits };
  enum GlobalDefField : unsigned { GlobalDefType, GlobalDefMutable, GlobalDefInit };
  enum ElemSegmentField : unsigned {
    ElemMode, ElemElemType, ElemTable, ElemOffset, ElemCount, ElemInits
  };
  enum DataSegmentField : unsigned {
    DataMode, DataMemory, DataOffset, DataSize, DataBytes
  };
  enum ModuleInfoField : unsigned {
    InfoAbiVersion, InfoBoundsMode, InfoFlags, InfoName,
    InfoNumTypes, InfoTypes, InfoNumImports, InfoImports,
    InfoNumFuncs, InfoFuncs, InfoNumTables, InfoTables,
    InfoNumMemories, InfoMemories, InfoNumGlobals, InfoGlobals,
    InfoNumExports, InfoExports, InfoNumElems, InfoElems,
    InfoNumDatas, InfoDatas, InfoStartFunc
  };
};

} // namespace wasmc::lower
