//===--- LoweringContext.h - Module-wide state of one lowering ------------===//
//
/// \file
/// What every function's lowering shares: the Wasm module, the LLVM module
/// being built, the ABI struct types, the TBAA tags, the declarations of the
/// runtime entry points and of the Wasm functions in use. One object per
/// lowered part, passed by reference; no globals, so that parts are lowered
/// in parallel (one LLVMContext per thread).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lower/AbiTypes.h"
#include "lower/ModuleLowering.h"

#include "wasm/Module.h"

#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"

#include <vector>

namespace wasmc::lower {

/// Alias classes for type-based alias analysis. Wasm memory, Wasm globals,
/// table contents and the runtime's bookkeeping (memory base and size, table
/// size, stack limit) never overlap, and saying so lets LLVM keep a memory's
/// base in a register across stores to linear memory.
struct TbaaTags {
  llvm::MDNode *LinearMemory = nullptr;
  llvm::MDNode *GlobalValue = nullptr;
  llvm::MDNode *TableElems = nullptr;
  llvm::MDNode *Funcref = nullptr;
  llvm::MDNode *RuntimeState = nullptr;
  /// rt_context's fuel and call depth: apart from RuntimeState, so that
  /// updating them does not make LLVM reload a memory's size.
  llvm::MDNode *Counters = nullptr;
  /// Fields of rt_instance and the arrays they point to: written once at
  /// instantiation, before any Wasm code runs.
  llvm::MDNode *InstanceField = nullptr;
};

/// The runtime entry points of abi.h.
struct RuntimeFunctions {
  llvm::FunctionCallee Trap, TrapDetail;
  llvm::FunctionCallee MemoryGrow, MemoryFill, MemoryCopy, MemoryInit, DataDrop;
  llvm::FunctionCallee TableGrow, TableFill, TableCopy, TableInit, ElemDrop;
};

class LoweringContext {
public:
  /// Functions are internal when Plan is one part, else hidden globals
  /// named by Plan.Symbols so that the parts link together.
  LoweringContext(const Module &WM, llvm::Module &LM, const LowerOptions &Opts,
                  const PartPlan &Plan);

  const Module &WM;
  llvm::Module &LM;
  llvm::LLVMContext &Ctx;
  const llvm::DataLayout &DL;
  LowerOptions Opts;
  AbiTypes Abi;
  TbaaTags Tbaa;
  /// The empty node that `!invariant.load` takes.
  llvm::MDNode *InvariantLoad;
  RuntimeFunctions Rt;

  /// Native function type of each Wasm type index (first parameter the
  /// instance). The module must be free of v128 (checked before).
  std::vector<llvm::FunctionType *> FuncTypes;
  /// The LLVM function of a defined Wasm function (index minus imports),
  /// created on first use: a part holds only the functions it needs.
  llvm::Function *func(uint32_t DefIndex);

  /// The LLVM type of a Wasm value type other than v128.
  llvm::Type *valueType(ValType T) const;
  /// void, the one result, or a literal struct of the results.
  llvm::Type *resultType(const FuncType &FT) const;

private:
  void createTbaa();
  void declareRuntime();

  const PartPlan &Plan;
  std::vector<llvm::Function *> Funcs;
};

} // namespace wasmc::lower
