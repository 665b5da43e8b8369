//===--- Store.h - The store: owner of all runtime instances --------------===//
//
/// \file
/// A Store (spec section 4.2.1) owns every function, table, memory, global
/// and module instance created in it, and the execution stack its code runs
/// on. Addresses are indices into its lists and stay valid, and instances
/// never move, for the life of the Store. Instances are never freed before
/// the Store: a module that failed to instantiate may still have put its
/// functions into an imported table, which keeps them reachable.
///
/// A Store is single-threaded: one computation runs in it at a time (host
/// functions may re-enter it through invoke()).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Instances.h"
#include "interp/Value.h"
#include "rt/abi.h"

#include <deque>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace wasmc {
class ValidatedModule;
}

namespace wasmc::interp {

class Thread;

/// Execution limits. Exceeding any of them traps with
/// RT_TRAP_STACK_EXHAUSTED ("call stack exhausted"); Wasm calls never use
/// the host's C++ stack, so deep recursion cannot crash the host. With the
/// defaults a function with a few locals recurses 100000 deep; frames with
/// many locals or deep operand stacks hit the value stack limit first.
struct ExecLimits {
  /// Wasm function activations live at once, over all nested invocations.
  uint32_t MaxCallDepth = 100000;
  /// The value stack shared by all frames (parameters, locals and operands),
  /// in 8-byte slots: 32 MiB of address space, committed as it is touched.
  uint64_t StackSlots = uint64_t(1) << 22;
  /// How many host functions may be active at once, each of which may call
  /// back into Wasm on the C++ stack.
  uint32_t MaxHostNesting = 256;

  /// The limits of deterministic mode: the call depth of compiled code with
  /// LowerOptions::LimitCallDepth, and a value stack (1 GiB of address
  /// space) large enough that the depth, not the stack, is what runs out.
  static ExecLimits deterministic() {
    ExecLimits L;
    L.MaxCallDepth = RT_DETERMINISTIC_CALL_DEPTH;
    L.StackSlots = uint64_t(1) << 27;
    return L;
  }
};

/// Behaviour that must match compiled code: each option corresponds to the
/// LowerOptions field (or rt_context field) of the same name, and both
/// engines then give identical results, traps and effects.
struct ExecOptions {
  /// Instruction metering (wasm/Fuel.h) on Store::fuel().
  bool Fuel = false;
  /// NaN results of the operators of wasm/CanonicalNaN.h are canonical.
  bool CanonicalNaN = false;
  /// If not 0, memory.grow fails beyond this many pages and instantiation
  /// fails (ErrorKind::Limit) for a defined memory with a larger minimum;
  /// RT_DETERMINISTIC_MEMORY_PAGES in deterministic mode.
  uint32_t MemoryPageCap = 0;
};

class Store {
public:
  explicit Store(ExecLimits Limits = {}, ExecOptions Options = {});
  ~Store();
  Store(const Store &) = delete;
  Store &operator=(const Store &) = delete;

  //===--- Creating host entities -------------------------------------===//

  FuncAddr addHostFunc(const FuncType &Type, HostFunc Fn);
  /// A table of type T, every element Init (a null or a reference of T's
  /// element type). The initial size is capped like grow().
  TableAddr addTable(const TableType &T, const Value &Init);
  /// A zeroed memory of T.Lim.Min pages. Fails with ErrorKind::Limit when
  /// the host cannot provide it.
  Result<MemAddr> addMemory(const MemoryType &T);
  GlobalAddr addGlobal(const GlobalType &T, const Value &Init);
  /// A module instance without code that exports the given externs, so
  /// that host modules (like `spectest`) register like instantiated ones.
  ModuleInstance &
  addHostInstance(std::map<std::string, Extern, std::less<>> Exports);

  //===--- Access ------------------------------------------------------===//

  FuncInst &func(FuncAddr A) { return *Funcs[A]; }
  TableInst &table(TableAddr A) { return *Tables[A]; }
  MemoryInst &memory(MemAddr A) { return *Memories[A]; }
  GlobalInst &global(GlobalAddr A) { return *Globals[A]; }
  size_t numFuncs() const { return Funcs.size(); }
  size_t numTables() const { return Tables.size(); }
  size_t numMemories() const { return Memories.size(); }
  size_t numGlobals() const { return Globals.size(); }

  const FuncType &funcType(FuncAddr A) const { return *Funcs[A]->Type; }
  Value globalValue(GlobalAddr A) const;
  /// Sets a global of any mutability (an embedder's privilege); V must
  /// have the global's type.
  void setGlobalValue(GlobalAddr A, const Value &V);

  const ExecLimits &limits() const { return Limits; }
  const ExecOptions &options() const { return Options; }

  /// The fuel left for metered code (ExecOptions::Fuel); 0 at first. A
  /// computation that runs out traps "all fuel consumed" and leaves the
  /// fuel it could not spend.
  int64_t fuel() const;
  void setFuel(int64_t Fuel);

  //===--- For the engine ---------------------------------------------===//

  /// The store-wide id of T: equal types get equal ids.
  uint32_t internType(const FuncType &T);
  const FuncType &internedType(uint32_t Id) const { return TypeList[Id]; }
  /// The translated code of M, translated on first use and shared by all
  /// instances of M in this store.
  Result<std::shared_ptr<const ModuleCode>> codeFor(const ValidatedModule &M);

  ModuleInstance &newInstance();
  FuncAddr addWasmFunc(ModuleInstance &Inst, uint32_t TypeId,
                       const CompiledFunc &Code);
  TableAddr addTableSlots(const TableType &T, uint64_t InitSlot);
  GlobalAddr addGlobalSlot(const GlobalType &T, uint64_t Slot);
  Thread &thread() { return *Exec; }

private:
  ExecLimits Limits;
  ExecOptions Options;
  std::vector<std::unique_ptr<FuncInst>> Funcs;
  std::vector<std::unique_ptr<TableInst>> Tables;
  std::vector<std::unique_ptr<MemoryInst>> Memories;
  std::vector<std::unique_ptr<GlobalInst>> Globals;
  std::vector<std::unique_ptr<ModuleInstance>> Instances;

  std::deque<FuncType> TypeList; ///< a deque: FuncInst points into it
  std::unordered_map<std::string, uint32_t> TypeIds;
  std::map<const Module *, std::shared_ptr<const ModuleCode>> Codes;

  std::unique_ptr<Thread> Exec;
};

} // namespace wasmc::interp
