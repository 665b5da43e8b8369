//===--- BoundsCheck.cpp - Linear memory addresses and their checks -------===//
//
/// \file
/// Every load and store of linear memory gets its address here, in one of
/// two ways chosen per compilation (LowerOptions::Bounds, recorded in
/// rt_module_info::bounds_mode so the runtime maps memories accordingly).
///
/// Notation: I is the i32 index operand, O the memarg offset (a u32 in Wasm
/// 2.0), S the access size in bytes (1..8 here, 16 with SIMD), M the
/// memory's current size in bytes (rt_memory::size, at most 2^32), base its
/// first byte. The access is in bounds iff I + O + S <= M, in exact integer
/// arithmetic. Always zero-extend I: sign-extending would turn a large
/// unsigned index into a negative offset, i.e. an access *before* base.
///
/// Case Guard. No compare. I + O + S <= (2^32 - 1) + (2^32 - 1) + 16 < 2^33
/// + 16, and the runtime reserves rt_memory::reserved >= 8 GiB plus a guard
/// region behind base, mapped inaccessible beyond M. So every out-of-bounds
/// access touches a PROT_NONE page inside the reservation and faults; the
/// runtime's SIGSEGV handler turns the fault into RT_TRAP_MEMORY_OOB.
/// The address is computed in 64 bits (I + O cannot wrap) and the GEP is
/// not `inbounds`: an out-of-bounds address must stay a real address, not
/// poison, for the fault to happen. LLVM considers non-volatile loads free
/// of side effects and deletes those whose value is unused (dropped at once,
/// stored to a local never read, dead after inlining), which would delete
/// the trap too. So every guard-mode load is followed by a keepalive call
/// (codegen/KeepAlive.h): it touches no memory, so optimizations see
/// through it, but it cannot be removed, and it keeps its load alive until
/// the pipeline turns the loads that are still otherwise unused into
/// volatile loads.
///
/// Case Explicit. Compare before the access: trap iff zext(I) + (O + S) > M.
/// The left side is below 2^33 + 16 and M fits in 64 bits, so the compare
/// in 64-bit arithmetic is exact; no subtraction is needed, hence no
/// underflow case when O + S > M. The check is a branch to the trap block,
/// which LLVM keeps even when the loaded value is dead. Then the address is
/// base + zext(I) + O as in the guard case.
//
//===----------------------------------------------------------------------===//
#include "lower/BoundsCheck.h"

#include "lower/FunctionLowering.h"

#include "codegen/KeepAlive.h"

namespace wasmc::lower {

using llvm::Value;

llvm::Value *memoryAddress(FunctionLowering &FL, Value *Index, uint64_t Offset,
                           unsigned Size) {
  llvm::IRBuilder<> &B = FL.B;
  const AbiTypes &Abi = FL.LC.Abi;
  Value *Mem = FL.instanceField(AbiTypes::InstanceMemory0);
  Value *Index64 = B.CreateZExt(Index, Abi.I64);
  if (FL.boundsMode() == BoundsMode::Explicit) {
    Value *MemSize = FL.loadField(Mem, Abi.Memory, AbiTypes::MemorySize,
                                  Abi.I64, FL.LC.Tbaa.RuntimeState);
    Value *End = B.CreateAdd(Index64, B.getInt64(Offset + Size), "", true, true);
    FL.trapIf(B.CreateICmpUGT(End, MemSize), RT_TRAP_MEMORY_OOB);
  }
  Value *Base = FL.loadField(Mem, Abi.Memory, AbiTypes::MemoryBase, Abi.Ptr,
                             FL.LC.Tbaa.RuntimeState);
  Value *Effective =
      Offset ? B.CreateAdd(Index64, B.getInt64(Offset), "", true, true) : Index64;
  return B.CreateGEP(Abi.I8, Base, Effective);
}

void keepAccessAlive(FunctionLowering &FL, llvm::LoadInst *Load) {
  if (FL.boundsMode() == BoundsMode::Guard)
    codegen::emitKeepAlive(FL.B, Load);
}

} // namespace wasmc::lower
