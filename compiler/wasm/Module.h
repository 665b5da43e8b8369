//===--- Module.h - The in-memory IR of a decoded Wasm module -------------===//
//
/// \file
/// What the decoder produces and every later stage reads. The module owns
/// its binary; code bodies, data segment contents and constant expressions
/// are byte ranges into it (no copies). Index spaces follow the spec:
/// imported entities come first, then the module's own definitions.
/// A Module may be invalid; ValidatedModule (Validator.h) is the proof that
/// it is not.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Instr.h"
#include "wasm/Types.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wasmc {

/// A byte range of the module binary.
struct ByteRange {
  uint64_t Offset = 0;
  uint64_t Size = 0;
};

/// A constant expression: its bytes (up to and including `end`) for the
/// validator, and its first instruction decoded for consumers. A valid
/// Wasm 2.0 constant expression is exactly one instruction. Elements of a
/// segment encoded as a function index vector have empty Bytes and First
/// set to `ref.func index`.
struct ConstExpr {
  ByteRange Bytes;
  Instr First;
  uint32_t NumInstrs = 0; ///< instructions before the final `end`
};

struct Import {
  std::string Module;
  std::string Name;
  ExternKind Kind = ExternKind::Func;
  uint32_t FuncTypeIndex = 0; ///< Kind == Func
  TableType Table;            ///< Kind == Table
  MemoryType Memory;          ///< Kind == Memory
  GlobalType Global;          ///< Kind == Global
  uint64_t Offset = 0;
};

struct Export {
  std::string Name;
  ExternKind Kind = ExternKind::Func;
  uint32_t Index = 0;
  uint64_t Offset = 0;
};

struct LocalGroup {
  uint32_t Count = 0;
  ValType Type = ValType::I32;
};

struct Function {
  uint32_t TypeIndex = 0;
  /// Declared locals in run-length form (the binary's own form), so a
  /// hostile count costs no memory until a consumer expands it.
  std::vector<LocalGroup> Locals;
  uint32_t NumLocals = 0; ///< sum of Locals[i].Count, at most MaxLocals
  ByteRange Body;         ///< the instructions, up to and including `end`
  uint64_t CodeOffset = 0; ///< offset of the body's size field
};

struct Global {
  GlobalType Type;
  ConstExpr Init;
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElemSegment {
  SegmentMode Mode = SegmentMode::Active;
  ValType Type = ValType::FuncRef;
  uint32_t Table = 0;
  ConstExpr Offset; ///< Mode == Active
  /// One expression per element (ref.func/ref.null/global.get); segments
  /// encoded as function index vectors are stored as ref.func expressions.
  std::vector<ConstExpr> Inits;
  uint64_t SegOffset = 0;
};

struct DataSegment {
  SegmentMode Mode = SegmentMode::Active;
  uint32_t Memory = 0;
  ConstExpr Offset; ///< Mode == Active
  ByteRange Init;
  uint64_t SegOffset = 0;
};

struct CustomSection {
  std::string Name;
  ByteRange Contents;
};

/// Implementation limits (those of the JS API) checked by the decoder.
namespace limits {
constexpr uint32_t MaxTypes = 1000000;
constexpr uint32_t MaxFunctions = 1000000;
constexpr uint32_t MaxImports = 100000;
constexpr uint32_t MaxExports = 100000;
constexpr uint32_t MaxGlobals = 1000000;
constexpr uint32_t MaxDataSegments = 100000;
constexpr uint32_t MaxElemSegments = 10000000;
constexpr uint32_t MaxTables = 100000;
constexpr uint32_t MaxParams = 1000;
constexpr uint32_t MaxResults = 1000;
constexpr uint32_t MaxLocals = 50000;
constexpr uint32_t MaxFunctionBodySize = 7654321;
constexpr uint32_t MaxTableSize = 10000000;
constexpr uint64_t MaxModuleSize = 1024ull * 1024 * 1024;
} // namespace limits

class Module {
public:
  std::vector<uint8_t> Bytes;

  std::vector<FuncType> Types;
  std::vector<Import> Imports;
  std::vector<Function> Functions; ///< defined functions only
  std::vector<TableType> Tables;   ///< defined tables only
  std::vector<MemoryType> Memories;
  std::vector<Global> Globals;
  std::vector<Export> Exports;
  std::optional<uint32_t> Start;
  std::vector<ElemSegment> Elems;
  std::optional<uint32_t> DataCount;
  std::vector<DataSegment> Datas;
  std::vector<CustomSection> Customs;

  /// From the `name` custom section (best effort: a malformed name section
  /// is ignored, as the spec requires of custom sections).
  std::string ModuleName;
  std::map<uint32_t, std::string> FuncNames;
  std::map<uint32_t, std::map<uint32_t, std::string>> LocalNames;

  // Index spaces: imports first.
  uint32_t NumImportedFuncs = 0, NumImportedTables = 0,
           NumImportedMemories = 0, NumImportedGlobals = 0;

  uint32_t numFuncs() const { return NumImportedFuncs + uint32_t(Functions.size()); }
  uint32_t numTables() const { return NumImportedTables + uint32_t(Tables.size()); }
  uint32_t numMemories() const { return NumImportedMemories + uint32_t(Memories.size()); }
  uint32_t numGlobals() const { return NumImportedGlobals + uint32_t(Globals.size()); }

  /// Type index of function FuncIndex (imported or defined). Requires
  /// FuncIndex < numFuncs().
  uint32_t funcTypeIndex(uint32_t FuncIndex) const;
  const TableType &tableType(uint32_t TableIndex) const;
  const MemoryType &memoryType(uint32_t MemIndex) const;
  const GlobalType &globalType(uint32_t GlobalIndex) const;
  /// The import that defines entity Index of Kind, or null if it is defined
  /// by the module.
  const Import *importOf(ExternKind Kind, uint32_t Index) const;

  /// "function 3 ($fac)" or "function 3": for diagnostics.
  std::string describeFunc(uint32_t FuncIndex) const;
  const uint8_t *data(ByteRange R) const { return Bytes.data() + R.Offset; }

  /// Filled by the decoder: the index in Imports of each imported entity,
  /// per kind, in index-space order.
  std::vector<uint32_t> ImportedFuncs, ImportedTables, ImportedMemories,
      ImportedGlobals;
};

} // namespace wasmc
