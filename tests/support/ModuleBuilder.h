//===--- ModuleBuilder.h - Wasm binaries built in code for tests ----------===//
//
/// \file
/// Lets a test state its module in a few lines instead of a binary blob.
/// Bytes is a byte buffer with the binary format's encoders (LEB128, floats,
/// names, opcodes from Opcodes.def); section() and moduleBytes() frame raw
/// sections, for tests of the framing itself; ModuleBuilder assembles
/// well-formed modules from types, imports, functions and the rest, writing
/// the sections in the required order. Nothing here checks validity: tests
/// build invalid and malformed modules on purpose.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Opcode.h"
#include "wasm/Types.h"

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasmc::test {

/// A growable byte buffer; every encoder appends and returns *this.
class Bytes {
public:
  Bytes() = default;
  Bytes(std::initializer_list<uint8_t> Init) : Data(Init) {}

  Bytes &byte(uint8_t B);
  Bytes &raw(std::initializer_list<uint8_t> Bs);
  Bytes &raw(const Bytes &Other);
  Bytes &raw(std::string_view S);
  /// Unsigned LEB128 in the fewest bytes.
  Bytes &u32(uint64_t V);
  /// Unsigned LEB128 padded with 0x80 continuation bytes to NumBytes bytes.
  Bytes &u32Padded(uint64_t V, unsigned NumBytes);
  /// Signed LEB128 in the fewest bytes (i32/i64 immediates, s33 block types).
  Bytes &s64(int64_t V);
  Bytes &f32(float V);
  Bytes &f64(double V);
  /// A length-prefixed name; the bytes are taken as they are, so tests can
  /// pass invalid UTF-8.
  Bytes &name(std::string_view S);
  /// The length of Contents as a u32, then Contents.
  Bytes &sized(const Bytes &Contents);
  Bytes &valType(ValType T) { return byte(uint8_t(T)); }

  //===--- Instructions ---------------------------------------------------===//

  /// The opcode bytes of Op: the prefix byte and LEB128 code for 0xfc/0xfd.
  Bytes &op(Opcode Op);
  Bytes &i32Const(int32_t V) { return op(Opcode::I32Const).s64(V); }
  Bytes &i64Const(int64_t V) { return op(Opcode::I64Const).s64(V); }
  Bytes &f32Const(float V) { return op(Opcode::F32Const).f32(V); }
  Bytes &f64Const(double V) { return op(Opcode::F64Const).f64(V); }
  Bytes &localGet(uint32_t X) { return op(Opcode::LocalGet).u32(X); }
  Bytes &localSet(uint32_t X) { return op(Opcode::LocalSet).u32(X); }
  Bytes &globalGet(uint32_t X) { return op(Opcode::GlobalGet).u32(X); }
  Bytes &call(uint32_t X) { return op(Opcode::Call).u32(X); }
  Bytes &refFunc(uint32_t X) { return op(Opcode::RefFunc).u32(X); }
  /// A memory instruction with its memarg.
  Bytes &mem(Opcode Op, uint32_t AlignLog2, uint32_t Offset = 0) {
    return op(Op).u32(AlignLog2).u32(Offset);
  }
  /// block/loop/if with an empty (0x40) or single-value block type.
  Bytes &block(Opcode Op) { return op(Op).byte(0x40); }
  Bytes &block(Opcode Op, ValType Result) { return op(Op).valType(Result); }
  Bytes &end() { return op(Opcode::End); }

  const std::vector<uint8_t> &vec() const { return Data; }
  size_t size() const { return Data.size(); }

private:
  std::vector<uint8_t> Data;
};

/// A section: its id, its size as a u32, its contents.
Bytes section(uint8_t Id, const Bytes &Contents);

/// The 8-byte header ("\0asm", version 1) followed by Parts.
std::vector<uint8_t> moduleBytes(std::initializer_list<Bytes> Parts);

/// Section ids of the binary format.
namespace sec {
constexpr uint8_t Custom = 0, Type = 1, Import = 2, Function = 3, Table = 4, Memory = 5,
                  Global = 6, Export = 7, Start = 8, Element = 9, Code = 10, Data = 11,
                  DataCount = 12;
} // namespace sec

/// One run of locals of a code body, as the binary declares them.
struct Locals {
  uint32_t Count;
  ValType Type;
};

/// Assembles a module section by section. Index-returning methods return
/// the index in the entity's index space (imports first), so they must be
/// called with imports before definitions, as in the binary.
class ModuleBuilder {
public:
  uint32_t type(std::vector<ValType> Params, std::vector<ValType> Results);

  uint32_t importFunc(std::string_view Mod, std::string_view Name, uint32_t Type);
  uint32_t importTable(std::string_view Mod, std::string_view Name, ValType Elem,
                       uint32_t Min, std::optional<uint32_t> Max = {});
  uint32_t importMemory(std::string_view Mod, std::string_view Name, uint32_t Min,
                        std::optional<uint32_t> Max = {});
  uint32_t importGlobal(std::string_view Mod, std::string_view Name, ValType T,
                        bool Mutable);

  /// A defined function; Body is its instructions including the final end.
  uint32_t func(uint32_t Type, std::vector<Locals> Locals, const Bytes &Body);
  uint32_t table(ValType Elem, uint32_t Min, std::optional<uint32_t> Max = {});
  uint32_t memory(uint32_t Min, std::optional<uint32_t> Max = {});
  /// Init is the constant expression without its final end.
  uint32_t global(ValType T, bool Mutable, const Bytes &Init);

  void exportAs(std::string_view Name, ExternKind Kind, uint32_t Index);
  void start(uint32_t Func) { Start = Func; }
  /// A raw element segment (flags onwards), for any of the 8 encodings.
  void elem(const Bytes &Segment);
  /// Active segment of function indices for table 0 at Offset (flags 0).
  void elemFuncs(uint32_t Offset, std::vector<uint32_t> Funcs);
  /// A raw data segment (flags onwards), for any of the 3 encodings.
  void data(const Bytes &Segment);
  /// Active segment for memory 0 at Offset (flags 0).
  void activeData(uint32_t Offset, std::string_view Contents);
  void dataCount(uint32_t N) { DataCount = N; }
  /// A function name for the `name` custom section.
  void funcName(uint32_t Func, std::string Name) { FuncNames[Func] = std::move(Name); }
  /// A custom section written after all the others.
  void custom(std::string_view Name, const Bytes &Contents);

  uint32_t numFuncs() const { return NumImportedFuncs + NumFuncs; }

  /// The module binary.
  std::vector<uint8_t> build() const;

private:
  uint32_t import(std::string_view Mod, std::string_view Name, ExternKind K,
                  const Bytes &Desc);

  Bytes Types, Imports, Funcs, Tables, Memories, Globals, Exports, Elems, Codes, Datas,
      Customs;
  uint32_t NumTypes = 0, NumImports = 0, NumFuncs = 0, NumTables = 0, NumMemories = 0,
           NumGlobals = 0, NumExports = 0, NumElems = 0, NumDatas = 0;
  uint32_t NumImportedFuncs = 0, NumImportedTables = 0, NumImportedMemories = 0,
           NumImportedGlobals = 0;
  std::optional<uint32_t> Start, DataCount;
  std::map<uint32_t, std::string> FuncNames;
};

} // namespace wasmc::test
