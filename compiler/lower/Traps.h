//===--- Traps.h - Trap blocks of one function ----------------------------===//
//
/// \file
/// Every trap of a function goes through one block per trap code, appended
/// after the body, that calls the noreturn `rt_trap(inst, code, func_index)`.
/// Checks branch there with cold branch weights, so the hot path stays a
/// fallthrough and the function holds one call per distinct trap code
/// however many checks it has. Codes that are only known at run time (the
/// result of a bulk memory or table operation) share one more block that
/// takes the code through a phi, and a trap whose message names a value
/// (the null table element) has one block per code taking it the same way.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "rt/abi.h"

#include "llvm/IR/IRBuilder.h"

#include <array>

namespace wasmc::lower {

class LoweringContext;

class TrapEmitter {
public:
  TrapEmitter(LoweringContext &LC, llvm::Function &Fn, uint32_t FuncIndex);

  /// When Cond (i1) holds, traps with Code; B continues in a new block.
  void trapIf(llvm::IRBuilder<> &B, llvm::Value *Cond, rt_trap_code Code);
  /// When Cond holds, traps with Code and the i32 Detail the spec's message
  /// names (rt_trap_detail); B continues in a new block.
  void trapIfWithDetail(llvm::IRBuilder<> &B, llvm::Value *Cond,
                        rt_trap_code Code, llvm::Value *Detail);
  /// Traps with the i32 Code when it is not RT_TRAP_NONE (the convention of
  /// the runtime's bulk operations); B continues in a new block.
  void trapIfNonZero(llvm::IRBuilder<> &B, llvm::Value *Code);
  /// Ends B's current block with a jump to the trap block of Code.
  void trap(llvm::IRBuilder<> &B, rt_trap_code Code);

  /// Appends the trap blocks that were used to the function, ordered by trap
  /// code (deterministic). Call once, also when lowering fails, so that no
  /// detached block outlives the function.
  void finish();

private:
  llvm::BasicBlock *blockFor(rt_trap_code Code);

  LoweringContext &LC;
  llvm::Function &Fn;
  uint32_t FuncIndex;
  std::array<llvm::BasicBlock *, RT_TRAP_COUNT> Blocks{};
  llvm::BasicBlock *DynamicBlock = nullptr;
  llvm::PHINode *DynamicCode = nullptr;
  /// Per code, the block calling rt_trap_detail and its detail phi.
  std::array<llvm::BasicBlock *, RT_TRAP_COUNT> DetailBlocks{};
  std::array<llvm::PHINode *, RT_TRAP_COUNT> Details{};
  llvm::MDNode *ColdWeights;
};

} // namespace wasmc::lower
