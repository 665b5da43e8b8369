//===--- Code.h - The interpreter's internal code format ------------------===//
//
/// \file
/// Each function body is translated once (Translate.cpp) into a stream of
/// 32-bit words that the loop in Exec.cpp runs without decoding: an opcode
/// word followed by its immediates. Opcodes are the Wasm opcodes (same
/// enumerators as wasmc::Opcode) followed by the internal ones of
/// InternalOps.def. Structured control has disappeared: `block`, `loop`,
/// `end` and `nop` emit nothing, and branches are jumps.
///
/// Immediate words by opcode (anything not listed has none):
///   Br Off | BrIf Off | BrUnless Off | BrDrop/BrIfDrop Off Drop Keep
///   BrTable N, then N+1 entries (Off Drop Keep), the last the default
///   Return Keep                   (result slots, copied to the frame base)
///   LocalGet/LocalSet/LocalTee Slot   (slot index from the frame base)
///   GlobalGet/GlobalSet Index, Call FuncIndex, RefFunc FuncIndex
///   CallIndirect TypeIndex TableIndex
///   I32Const/F32Const Bits, I64Const/F64Const Lo Hi
///   loads and stores Offset   (the memarg offset; alignment is ignored)
///   TableGet/TableSet/TableSize/TableGrow/TableFill TableIndex
///   TableInit ElemIndex TableIndex, TableCopy DstTable SrcTable
///   ElemDrop ElemIndex, MemoryInit DataIndex, DataDrop DataIndex
///   internal opcodes: as documented in InternalOps.def
/// Off is a signed jump distance in words from the word holding it, so
/// code is position independent. Drop/Keep count slots: a branch keeps the
/// label's Keep result slots and discards the Drop slots beneath them.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Module.h"
#include "wasm/Opcode.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace wasmc::interp {

enum class IOp : uint16_t {
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature) Name,
#include "wasm/Opcodes.def"
#define INTERP_OP(Name) Name,
#include "interp/InternalOps.def"
};

/// A translated function. A frame is laid out from its base (FP) as
/// parameters, declared locals, then the operand stack.
struct CompiledFunc {
  std::vector<uint32_t> Code;
  uint32_t ParamSlots = 0;
  uint32_t LocalSlots = 0; ///< declared locals, excluding parameters
  uint32_t ResultSlots = 0;
  /// Upper bound of slots the frame uses: parameters, locals and the
  /// deepest operand stack.
  uint32_t FrameSlots = 0;
};

/// The translated code of every function a module defines. Shared by all
/// instances of the module in a store; it keeps the module alive.
struct ModuleCode {
  std::shared_ptr<const Module> M;
  std::vector<CompiledFunc> Funcs; ///< indexed by defined-function index
};

} // namespace wasmc::interp
