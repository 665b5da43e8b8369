//===--- Opcode.h - Opcode enum and per-opcode facts from Opcodes.def -----===//
//
/// \file
/// Everything here is generated from Opcodes.def and Sigs.def; nothing in
/// this header spells out an opcode by hand.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Types.h"

#include <cstdint>

namespace wasmc {

enum class Opcode : uint16_t {
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature) Name,
#include "wasm/Opcodes.def"
};

constexpr unsigned NumOpcodes = 0
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature) +1
#include "wasm/Opcodes.def"
    ;

/// The kinds of immediate an instruction carries (the Imm column).
enum class ImmKind : uint8_t {
  None, Block, Label, BrTable, Func, CallIndirect, Local, Global, Table,
  Memory, I32, I64, F32, F64, V128, RefType, SelectT, MemoryInit, Data,
  MemoryCopy, TableInit, Elem, TableCopy, Shuffle,
  Lane16, Lane8, Lane4, Lane2,
  MemArg1, MemArg2, MemArg4, MemArg8, MemArg16,
  MemLane1, MemLane2, MemLane4, MemLane8,
};

/// Operand signatures (the Sig column); Special is typed by hand.
enum class Sig : uint8_t {
#define WASM_SIG(Name, N, P0, P1, P2, R) Name,
#include "wasm/Sigs.def"
  Special,
};

/// Proposals folded into Wasm 2.0, from the Feature column.
enum class Feature : uint8_t { Mvp, SignExt, SatConv, BulkMemory, RefTypes, Simd };

struct SigInfo {
  uint8_t NumParams;
  ValType Params[3];
  bool HasResult;
  ValType Result;
};

struct OpInfo {
  const char *Text;
  uint8_t Prefix; ///< 0x00, 0xfc or 0xfd
  uint32_t Code;
  ImmKind Imm;
  Sig Signature;
  Feature Feat;
};

const OpInfo &opInfo(Opcode Op);
inline const char *opName(Opcode Op) { return opInfo(Op).Text; }
const SigInfo &sigInfo(Sig S);

/// Looks up the opcode with the given prefix (0 for none) and code.
bool lookupOpcode(uint8_t Prefix, uint32_t Code, Opcode &Out);

/// Access width in bytes for MemArg<N>/MemLane<N> immediates, else 0.
unsigned memAccessBytes(ImmKind K);
/// Number of lanes a Lane<N> or MemLane<N> immediate may index, else 0.
unsigned laneCount(ImmKind K);

} // namespace wasmc
