//===--- Instr.h - One decoded instruction and the reader that makes it ---===//
//
/// \file
/// InstrReader decodes the opcode and immediates of one instruction from a
/// code body or constant expression. It checks only the binary syntax
/// (Malformed errors); index ranges and typing are the validator's. The
/// validator, interpreter and lowering all read bodies through it, so
/// immediates are decoded in exactly one place.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Opcode.h"
#include "wasm/Reader.h"

#include <vector>

namespace wasmc {

struct Instr {
  Opcode Op = Opcode::Nop;
  uint64_t Offset = 0; ///< module offset of the first opcode byte

  BlockType Block;          ///< block, loop, if
  /// The primary index: label, function, local, global, table, type (of
  /// call_indirect), data or element segment; the destination table of
  /// table.copy; the lane of Lane<N>/MemLane<N> immediates.
  uint32_t Index = 0;
  /// The secondary index: the table of call_indirect and table.init, the
  /// source table of table.copy, the memory of memory.copy's source.
  uint32_t Index2 = 0;
  uint32_t AlignLog2 = 0;   ///< memarg alignment hint
  uint64_t MemOffset = 0;   ///< memarg offset
  uint64_t Bits = 0;        ///< i32/i64 value or f32/f64 bit pattern
  uint8_t V128[16] = {};    ///< v128.const bytes or i8x16.shuffle lanes
  ValType Type = ValType::I32; ///< ref.null type; select t's type
  uint32_t SelectArity = 0;    ///< number of types of a typed select
  /// br_table: the targets (without the default, which is Index) live in
  /// the reader's scratch vector until the next read.
  const uint32_t *Targets = nullptr;
  uint32_t NumTargets = 0;

  int32_t i32() const { return int32_t(uint32_t(Bits)); }
  int64_t i64() const { return int64_t(Bits); }
};

class InstrReader {
public:
  explicit InstrReader(Reader &R) : R(R) {}

  /// Decodes the next instruction into Out.
  Status read(Instr &Out);

  Reader &reader() { return R; }

private:
  Status readMemArg(Instr &Out);
  Status readZeroByte();

  Reader &R;
  std::vector<uint32_t> TargetScratch;
};

} // namespace wasmc
