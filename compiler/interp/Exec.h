//===--- Exec.h - The execution stack and the entry into the loop ---------===//
//
/// \file
/// Private to the interpreter. A Thread is the one execution context of a
/// Store: a value stack of slots and a stack of call frames, both explicit
/// so that Wasm calls never recurse on the host's C++ stack. The loop in
/// Exec.cpp is entered through callFunction, by invoke() and by
/// instantiation (start functions); host functions that call back into
/// Wasm nest such entries on the same Thread.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Store.h"

#include <memory>

namespace wasmc::interp {

/// One activation of a Wasm function, saved while it calls another.
struct Frame {
  const uint32_t *RetPC; ///< where the caller resumes; null for an entry
  uint64_t *FP;          ///< the caller's frame base
  FuncInst *Func;        ///< the caller
};

class Thread {
public:
  explicit Thread(const ExecLimits &L);

  std::unique_ptr<uint64_t[]> Stack;
  uint64_t *StackEnd;
  /// First free slot above every running computation: where a nested entry
  /// places its arguments.
  uint64_t *Top;
  /// ExecLimits::MaxCallDepth frames, allocated once; the first Depth are
  /// live (while a loop runs, it keeps Depth in a register, see Exec.cpp).
  std::unique_ptr<Frame[]> Frames;
  size_t Depth = 0;
  uint32_t HostNesting = 0;
  /// Remaining fuel (Store::fuel).
  int64_t Fuel = 0;
};

/// Calls F, whose arguments are in the slots at Args (so Args must be
/// Thread::Top), and leaves its results in the slots at Args. The caller
/// must have checked that the larger of both fits below StackEnd.
Trap callFunction(Store &S, FuncInst &F, uint64_t *Args);

} // namespace wasmc::interp
