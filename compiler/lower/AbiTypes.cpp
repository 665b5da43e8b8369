//===--- AbiTypes.cpp - LLVM types of the structs in rt/abi.h -------------===//
//
/// \file
/// Builds the StructTypes declared in AbiTypes.h. Every struct is
/// non-packed: abi.h uses only naturally aligned fields, so LLVM's default
/// layout equals the C layout (AbiTypesTest proves it per field).
//
//===----------------------------------------------------------------------===//
#include "lower/AbiTypes.h"

namespace wasmc::lower {

using llvm::StructType;

AbiTypes::AbiTypes(llvm::LLVMContext &Ctx, const llvm::DataLayout &DL) {
  Ptr = llvm::PointerType::getUnqual(Ctx);
  I8 = llvm::Type::getInt8Ty(Ctx);
  I32 = llvm::Type::getInt32Ty(Ctx);
  I64 = llvm::Type::getInt64Ty(Ctx);
  IntPtr = DL.getIntPtrType(Ctx);

  // rt_value is a union of 16 bytes whose strictest member is 8-aligned;
  // two i64 words have that size and alignment, and members are accessed
  // at offset 0 with their own type.
  Value = StructType::create(Ctx, {llvm::ArrayType::get(I64, 2)}, "rt_value");
  Funcref = StructType::create(Ctx, {Ptr, Ptr, Ptr, I32, I32}, "rt_funcref");
  Memory = StructType::create(Ctx, {Ptr, I64, I64, I64}, "rt_memory");
  Table = StructType::create(Ctx, {Ptr, I32, I32, I8}, "rt_table");
  Global = StructType::create(Ctx, {Value}, "rt_global");
  Context = StructType::create(Ctx, {IntPtr, I64, I32, I32}, "rt_context");
  Instance = StructType::create(
      Ctx, {Ptr, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr, Ptr}, "rt_instance");

  Name = StructType::create(Ctx, {Ptr, I32}, "rt_name");
  FuncType = StructType::create(Ctx, {I32, I32, Ptr}, "rt_func_type");
  ConstExpr = StructType::create(Ctx, {I8, I32, Value}, "rt_const_expr");
  Limits = StructType::create(Ctx, {I64, I64, I8}, "rt_limits");
  Import = StructType::create(Ctx, {Name, Name, I8, I32, I8, I8, Limits},
                              "rt_import");
  Export = StructType::create(Ctx, {Name, I8, I32}, "rt_export");
  FuncDef = StructType::create(Ctx, {Ptr, Ptr, I32, Name}, "rt_func_def");
  TableDef = StructType::create(Ctx, {I8, Limits}, "rt_table_def");
  GlobalDef = StructType::create(Ctx, {I8, I8, ConstExpr}, "rt_global_def");
  ElemSegment = StructType::create(Ctx, {I8, I8, I32, ConstExpr, I32, Ptr},
                                   "rt_elem_segment");
  DataSegment = StructType::create(Ctx, {I8, I32, ConstExpr, I32, Ptr},
                                   "rt_data_segment");
  ModuleInfo = StructType::create(
      Ctx,
      {I32, I8, I32, Name,   // abi_version, bounds_mode, flags, name
       I32, Ptr, I32, Ptr,   // types, imports
       I32, Ptr, I32, Ptr,   // funcs, tables
       I32, Ptr, I32, Ptr,   // memories, globals
       I32, Ptr, I32, Ptr,   // exports, elems
       I32, Ptr, I64},       // datas, start_func
      "rt_module_info");
}

} // namespace wasmc::lower
