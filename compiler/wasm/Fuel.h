//===--- Fuel.h - Instruction metering shared by both engines -------------===//
//
/// \file
/// The one definition of fuel, which the interpreter and compiled code both
/// follow so that a computation runs out of fuel at the same instruction,
/// with the same side effects, on either engine.
///
/// A function body is cut into *metering segments*. A segment starts at the
/// first instruction of the body and right after every control instruction
/// (endsSegment: block, loop, if, else, end, br, br_if, br_table, return,
/// call, call_indirect, unreachable); it ends with, and includes, the next
/// control instruction. Its cost is the number of Wasm instructions in it.
/// Every instruction belongs to exactly one segment, and every place control
/// can arrive at other than by falling through (a loop's start, the code
/// after an `end` or `else`, the code after a call returns) is a segment
/// start, so a segment always runs from its first instruction.
///
/// At the start of each segment an engine charges its cost: if the
/// remaining fuel is less than the cost, it traps with RT_TRAP_OUT_OF_FUEL
/// ("all fuel consumed") and leaves the fuel unchanged; otherwise it
/// subtracts the cost. Nothing of a segment runs before its charge, so on
/// that trap both engines have made exactly the same effects. A trap inside
/// a segment (division by zero, ...) keeps its whole charge.
///
/// Engines walk a body in order and count the control instructions they
/// pass (dead code included), so segment K starts after the K-th one and
/// costs segmentCosts(...)[K].
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"
#include "wasm/Module.h"
#include "wasm/Opcode.h"

#include <cstdint>
#include <vector>

namespace wasmc {

/// Whether Op is a control instruction, which ends a metering segment.
bool endsSegment(Opcode Op);

/// The cost of every metering segment of defined function DefIndex of M, in
/// body order: one entry per control instruction of the body. Errors only
/// if the body is malformed (it cannot be once validated).
Result<std::vector<uint32_t>> segmentCosts(const Module &M, uint32_t DefIndex);

} // namespace wasmc
