//===--- Types.h - Wasm types: value, function, table, memory, global -----===//
//
/// \file
/// The type language of Wasm 2.0. ValType's enumerators are the binary
/// encodings so the decoder can map bytes directly.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wasmc {

enum class ValType : uint8_t {
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  V128 = 0x7b,
  FuncRef = 0x70,
  ExternRef = 0x6f,
  /// Not a real type: the validator's "unknown" operand in unreachable code.
  Bottom = 0x00,
};

inline bool isRefType(ValType T) {
  return T == ValType::FuncRef || T == ValType::ExternRef;
}
inline bool isNumType(ValType T) {
  return T == ValType::I32 || T == ValType::I64 || T == ValType::F32 ||
         T == ValType::F64;
}
/// Maps a binary type byte to a ValType; false if it is not one.
bool decodeValType(uint8_t Byte, ValType &Out);
const char *valTypeName(ValType T);

struct FuncType {
  std::vector<ValType> Params;
  std::vector<ValType> Results;
  bool operator==(const FuncType &O) const = default;
  std::string str() const;
};

struct Limits {
  uint64_t Min = 0;
  std::optional<uint64_t> Max;
};

struct TableType {
  ValType Elem = ValType::FuncRef;
  Limits Lim;
};

struct MemoryType {
  Limits Lim; ///< in 64 KiB pages
};

struct GlobalType {
  ValType Type = ValType::I32;
  bool Mutable = false;
};

enum class ExternKind : uint8_t { Func = 0, Table = 1, Memory = 2, Global = 3 };
const char *externKindName(ExternKind K);

/// The type of a block, loop or if: empty, one result, or a type index.
struct BlockType {
  enum Kind : uint8_t { Empty, Value, TypeIndex } K = Empty;
  ValType Type = ValType::I32; ///< when K == Value
  uint32_t Index = 0;          ///< when K == TypeIndex
};

constexpr uint64_t WasmPageSize = 65536;
constexpr uint64_t MaxMemoryPages = 65536; ///< 4 GiB for 32-bit memories

} // namespace wasmc
