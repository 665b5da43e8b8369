//===--- Instances.h - Runtime instances of functions, tables, memories ---===//
//
/// \file
/// The objects a Store owns (spec section 4.2): function, table, memory and
/// global instances, and module instances, which map a module's index
/// spaces to them. All are created through Store and never move, so the
/// engine holds plain pointers to them. References inside tables and
/// globals are untyped slots (Slots.h); the accessors here that take or
/// return a Value convert at the boundary.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Value.h"
#include "wasm/Error.h"
#include "wasm/Types.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wasmc {
class Module;
}

namespace wasmc::interp {

class Store;
class ModuleInstance;
struct CompiledFunc;
struct ModuleCode;

//===--- Functions --------------------------------------------------------===//

/// What a host function sees of its caller.
struct HostCall {
  Store &S;
  /// The instance whose code made the call, or null when the host function
  /// was invoked directly through invoke().
  ModuleInstance *Caller;
};

/// A function implemented in C++. Args holds values of the parameter types;
/// the callee writes one value of each result type into Results. Returning
/// a Trap (for instance Trap(RT_TRAP_HOST, "exit 3")) unwinds the whole
/// Wasm computation. A host function may call invoke() on the same Store.
using HostFunc = std::function<Trap(HostCall &Call, std::span<const Value> Args,
                                    std::span<Value> Results)>;

struct FuncInst {
  FuncAddr Addr = 0;
  /// Canonical type id in the store: two functions have equal types iff
  /// their ids are equal (what call_indirect compares).
  uint32_t TypeId = 0;
  const FuncType *Type = nullptr;
  /// The defining instance and translated body, for Wasm functions.
  ModuleInstance *Instance = nullptr;
  const CompiledFunc *Code = nullptr;
  /// The implementation, for host functions (then Code is null).
  HostFunc Host;

  bool isHost() const { return Code == nullptr; }
};

//===--- Tables -----------------------------------------------------------===//

class TableInst {
public:
  /// Elements are initialised to InitSlot (a slot, see Slots.h).
  TableInst(TableType T, uint64_t InitSlot);

  /// The table's type with its current size as minimum, as import
  /// matching sees it.
  TableType type() const;
  ValType elemType() const { return Type.Elem; }
  uint32_t size() const { return uint32_t(Elems.size()); }
  /// Largest size grow() may reach: the declared maximum, capped at
  /// limits::MaxTableSize.
  uint64_t maxSize() const;

  /// table.grow: returns the old size, or -1 if the table would exceed its
  /// maximum or memory is short. Never traps.
  int64_t grow(uint32_t Delta, uint64_t InitSlot);

  /// Element access for embedders; false if Index is out of bounds.
  bool get(uint32_t Index, Value &Out) const;
  bool set(Store &S, uint32_t Index, const Value &V);

  /// The raw slots, for the engine.
  uint64_t *slots() { return Elems.data(); }

private:
  TableType Type;
  std::vector<uint64_t> Elems;
};

//===--- Memories ---------------------------------------------------------===//

/// A linear memory. Its bytes live in a virtual reservation as large as its
/// maximum (4 GiB when none is declared), of which the first sizeBytes()
/// are accessible; growing commits more of the reservation, so data() never
/// moves.
class MemoryInst {
public:
  /// Fails with ErrorKind::Limit if the address space cannot be reserved or
  /// the initial pages not committed.
  static Result<std::unique_ptr<MemoryInst>> create(MemoryType T);
  ~MemoryInst();
  MemoryInst(const MemoryInst &) = delete;
  MemoryInst &operator=(const MemoryInst &) = delete;

  /// The memory's type with its current size as minimum.
  MemoryType type() const;
  uint8_t *data() const { return Base; }
  uint64_t sizeBytes() const { return Size; }
  uint64_t pages() const { return Size / WasmPageSize; }

  /// memory.grow: returns the old size in pages, or -1 if the memory would
  /// exceed its maximum (at most 65536 pages) or the host refuses the
  /// pages. Never traps; new pages are zero.
  int64_t grow(uint64_t DeltaPages);

private:
  MemoryInst(MemoryType T, uint8_t *Base, uint64_t Reserved)
      : Type(T), Base(Base), Reserved(Reserved) {}

  MemoryType Type;
  uint8_t *Base;
  uint64_t Reserved; ///< bytes of address space reserved at Base
  uint64_t Size = 0;
};

//===--- Globals ----------------------------------------------------------===//

struct GlobalInst {
  GlobalType Type;
  uint64_t Slot = 0; ///< the value as a slot (Slots.h)
};

//===--- Module instances -------------------------------------------------===//

/// One instantiation of a module (or a set of host externs gathered under a
/// module name, like `spectest`). The vectors map the module's index spaces
/// to store instances; the engine reads them directly.
class ModuleInstance {
public:
  /// The export named Name, if any.
  std::optional<Extern> findExport(std::string_view Name) const;
  const std::map<std::string, Extern, std::less<>> &exports() const {
    return Exports;
  }
  /// The module this is an instance of; null for host modules.
  const Module *module() const;

  std::shared_ptr<const ModuleCode> Code;
  /// Store-wide type id of each entry of the module's type section.
  std::vector<uint32_t> TypeIds;
  std::vector<FuncInst *> Funcs;
  std::vector<TableInst *> Tables;
  std::vector<MemoryInst *> Memories;
  std::vector<GlobalInst *> Globals;
  /// Element segments as slots; a dropped segment is empty.
  std::vector<std::vector<uint64_t>> Elems;
  /// Data segments as views of the module binary; a dropped one is empty.
  std::vector<std::span<const uint8_t>> Datas;
  std::map<std::string, Extern, std::less<>> Exports;
};

} // namespace wasmc::interp
