//===--- Module.cpp - Index-space helpers of the module IR ----------------===//
#include "wasm/Module.h"

namespace wasmc {

uint32_t Module::funcTypeIndex(uint32_t FuncIndex) const {
  if (FuncIndex < NumImportedFuncs)
    return Imports[ImportedFuncs[FuncIndex]].FuncTypeIndex;
  return Functions[FuncIndex - NumImportedFuncs].TypeIndex;
}

const TableType &Module::tableType(uint32_t TableIndex) const {
  if (TableIndex < NumImportedTables)
    return Imports[ImportedTables[TableIndex]].Table;
  return Tables[TableIndex - NumImportedTables];
}

const MemoryType &Module::memoryType(uint32_t MemIndex) const {
  if (MemIndex < NumImportedMemories)
    return Imports[ImportedMemories[MemIndex]].Memory;
  return Memories[MemIndex - NumImportedMemories];
}

const GlobalType &Module::globalType(uint32_t GlobalIndex) const {
  if (GlobalIndex < NumImportedGlobals)
    return Imports[ImportedGlobals[GlobalIndex]].Global;
  return Globals[GlobalIndex - NumImportedGlobals].Type;
}

const Import *Module::importOf(ExternKind Kind, uint32_t Index) const {
  const std::vector<uint32_t> *List = nullptr;
  switch (Kind) {
  case ExternKind::Func: List = &ImportedFuncs; break;
  case ExternKind::Table: List = &ImportedTables; break;
  case ExternKind::Memory: List = &ImportedMemories; break;
  case ExternKind::Global: List = &ImportedGlobals; break;
  }
  return Index < List->size() ? &Imports[(*List)[Index]] : nullptr;
}

std::string Module::describeFunc(uint32_t FuncIndex) const {
  std::string S = "function " + std::to_string(FuncIndex);
  auto It = FuncNames.find(FuncIndex);
  if (It != FuncNames.end())
    S += " ($" + It->second + ")";
  return S;
}

} // namespace wasmc
