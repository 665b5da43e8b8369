//===--- Instantiate.cpp - Import matching and module instantiation -------===//
//
/// \file
/// Spec section 4.5.4 (instantiation), with Wasm 2.0's order of effects:
/// everything that can fail without running code (import matching,
/// translation, allocation) fails before any segment is applied; segments
/// are then applied one by one, so a trap leaves earlier writes to imported
/// tables and memories in place.
//
//===----------------------------------------------------------------------===//
#include "interp/Interp.h"

#include "interp/Code.h"
#include "interp/Exec.h"
#include "interp/Slots.h"

#include <algorithm>

namespace wasmc::interp {

//===--- Module instances -------------------------------------------------===//

std::optional<Extern> ModuleInstance::findExport(std::string_view Name) const {
  auto It = Exports.find(Name);
  if (It == Exports.end())
    return std::nullopt;
  return It->second;
}

const Module *ModuleInstance::module() const {
  return Code ? Code->M.get() : nullptr;
}

//===--- Import matching --------------------------------------------------===//

namespace {

std::string quoted(const Import &Imp) {
  return "\"" + Imp.Module + "\" \"" + Imp.Name + "\"";
}

WasmError incompatible(const Import &Imp, const std::string &Why) {
  return makeError(ErrorKind::Unlinkable, Imp.Offset,
                   "incompatible import type: " + quoted(Imp) + ": " + Why);
}

/// Limits subtyping (spec 4.5.2.1): Provided fits where Required is
/// expected.
bool limitsMatch(const Limits &Provided, const Limits &Required) {
  if (Provided.Min < Required.Min)
    return false;
  return !Required.Max || (Provided.Max && *Provided.Max <= *Required.Max);
}

std::string limitsStr(const Limits &L) {
  return std::to_string(L.Min) + (L.Max ? " " + std::to_string(*L.Max) : "");
}

Status checkImport(Store &S, const Module &M, const Import &Imp,
                   const Extern &E) {
  if (E.Kind != Imp.Kind)
    return incompatible(Imp, std::string("expected ") +
                                 externKindName(Imp.Kind) + ", got " +
                                 externKindName(E.Kind));
  switch (E.Kind) {
  case ExternKind::Func: {
    if (E.Addr >= S.numFuncs())
      return incompatible(Imp, "no such function in the store");
    const FuncType &Want = M.Types[Imp.FuncTypeIndex];
    const FuncType &Got = S.funcType(E.Addr);
    if (!(Want == Got))
      return incompatible(Imp, "expected " + Want.str() + ", got " + Got.str());
    return Status::success();
  }
  case ExternKind::Table: {
    if (E.Addr >= S.numTables())
      return incompatible(Imp, "no such table in the store");
    TableType Got = S.table(E.Addr).type();
    if (Got.Elem != Imp.Table.Elem)
      return incompatible(Imp, std::string("expected ") +
                                   valTypeName(Imp.Table.Elem) +
                                   " table, got " + valTypeName(Got.Elem));
    if (!limitsMatch(Got.Lim, Imp.Table.Lim))
      return incompatible(Imp, "expected table limits " +
                                   limitsStr(Imp.Table.Lim) + ", got " +
                                   limitsStr(Got.Lim));
    return Status::success();
  }
  case ExternKind::Memory: {
    if (E.Addr >= S.numMemories())
      return incompatible(Imp, "no such memory in the store");
    MemoryType Got = S.memory(E.Addr).type();
    if (!limitsMatch(Got.Lim, Imp.Memory.Lim))
      return incompatible(Imp, "expected memory limits " +
                                   limitsStr(Imp.Memory.Lim) + ", got " +
                                   limitsStr(Got.Lim));
    return Status::success();
  }
  case ExternKind::Global: {
    if (E.Addr >= S.numGlobals())
      return incompatible(Imp, "no such global in the store");
    const GlobalType &Got = S.global(E.Addr).Type;
    if (Got.Type != Imp.Global.Type || Got.Mutable != Imp.Global.Mutable)
      return incompatible(
          Imp, std::string("expected ") + (Imp.Global.Mutable ? "mut " : "") +
                   valTypeName(Imp.Global.Type) + " global, got " +
                   (Got.Mutable ? "mut " : "") + valTypeName(Got.Type));
    return Status::success();
  }
  }
  return makeError(ErrorKind::Internal, Imp.Offset, "unknown extern kind");
}

//===--- Constant expressions ---------------------------------------------===//

/// The value of a validated constant expression, as a slot. Wasm 2.0
/// constant expressions are one instruction; extended constant expressions
/// (a later proposal) are refused.
Result<uint64_t> evalConst(const ConstExpr &E, const ModuleInstance &I) {
  const Instr &In = E.First;
  if (E.NumInstrs != 1)
    return makeError(
        ErrorKind::Unsupported, In.Offset,
        "constant expressions of several instructions are not supported");
  switch (In.Op) {
  case Opcode::I32Const:
  case Opcode::F32Const: return uint64_t(uint32_t(In.Bits));
  case Opcode::I64Const:
  case Opcode::F64Const: return In.Bits;
  case Opcode::RefNull: return uint64_t(0);
  case Opcode::RefFunc: return funcSlot(I.Funcs[In.Index]);
  case Opcode::GlobalGet: return I.Globals[In.Index]->Slot;
  default:
    return makeError(ErrorKind::Unsupported, In.Offset,
                     std::string("constant instruction ") + opName(In.Op) +
                         " is not supported");
  }
}

/// Runs a start function (no parameters, no results) on the thread.
Trap runStart(Store &S, FuncInst &F) {
  return callFunction(S, F, S.thread().Top);
}

} // namespace

Result<std::vector<Extern>> resolveImports(const Module &M,
                                           const ImportResolver &Lookup) {
  std::vector<Extern> Out;
  Out.reserve(M.Imports.size());
  for (const Import &Imp : M.Imports) {
    std::optional<Extern> E = Lookup(Imp.Module, Imp.Name);
    if (!E)
      return makeError(ErrorKind::Unlinkable, Imp.Offset,
                       "unknown import: " + quoted(Imp));
    Out.push_back(*E);
  }
  return Out;
}

//===--- Instantiation ----------------------------------------------------===//

Result<Instantiation> instantiate(Store &S, const ValidatedModule &VM,
                                  std::span<const Extern> Imports) {
  const Module &M = VM.module();
  if (Imports.size() != M.Imports.size())
    return makeError(ErrorKind::Unlinkable, UINT64_MAX,
                     "wrong number of imports: expected " +
                         std::to_string(M.Imports.size()) + ", got " +
                         std::to_string(Imports.size()));
  for (size_t K = 0; K < Imports.size(); ++K)
    WASMC_TRY(checkImport(S, M, M.Imports[K], Imports[K]));

  auto Code = S.codeFor(VM);
  if (!Code)
    return Code.takeError();

  ModuleInstance &I = S.newInstance();
  I.Code = *Code;
  for (const FuncType &T : M.Types)
    I.TypeIds.push_back(S.internType(T));

  // Store addresses of everything in the index spaces, for the exports.
  std::vector<uint32_t> Addrs[4];
  auto &FuncAddrs = Addrs[unsigned(ExternKind::Func)];
  auto &TableAddrs = Addrs[unsigned(ExternKind::Table)];
  auto &MemAddrs = Addrs[unsigned(ExternKind::Memory)];
  auto &GlobalAddrs = Addrs[unsigned(ExternKind::Global)];
  for (const Extern &E : Imports)
    Addrs[unsigned(E.Kind)].push_back(E.Addr);

  for (uint32_t D = 0; D < M.Functions.size(); ++D)
    FuncAddrs.push_back(S.addWasmFunc(I, I.TypeIds[M.Functions[D].TypeIndex],
                                      I.Code->Funcs[D]));
  for (FuncAddr A : FuncAddrs)
    I.Funcs.push_back(&S.func(A));

  for (const TableType &T : M.Tables) {
    if (T.Lim.Min > limits::MaxTableSize)
      return makeError(ErrorKind::Limit, UINT64_MAX,
                       "table of " + std::to_string(T.Lim.Min) +
                           " elements exceeds the limit of " +
                           std::to_string(limits::MaxTableSize));
    TableAddrs.push_back(S.addTableSlots(T, 0));
  }
  for (TableAddr A : TableAddrs)
    I.Tables.push_back(&S.table(A));

  for (const MemoryType &T : M.Memories) {
    uint32_t Cap = S.options().MemoryPageCap;
    if (Cap && T.Lim.Min > Cap)
      return makeError(ErrorKind::Limit, UINT64_MAX,
                       "memory of " + std::to_string(T.Lim.Min) +
                           " pages exceeds the limit of " +
                           std::to_string(Cap) + " pages");
    auto A = S.addMemory(T);
    if (!A)
      return A.takeError();
    MemAddrs.push_back(*A);
  }
  for (MemAddr A : MemAddrs)
    I.Memories.push_back(&S.memory(A));

  // Globals are allocated one by one so that an initialiser sees the
  // imported globals (all Wasm 2.0 allows) and, harmlessly, earlier ones.
  for (GlobalAddr A : GlobalAddrs)
    I.Globals.push_back(&S.global(A));
  for (const Global &G : M.Globals) {
    auto V = evalConst(G.Init, I);
    if (!V)
      return V.takeError();
    GlobalAddrs.push_back(S.addGlobalSlot(G.Type, *V));
    I.Globals.push_back(&S.global(GlobalAddrs.back()));
  }

  for (const Export &E : M.Exports)
    I.Exports.emplace(E.Name, Extern{E.Kind, Addrs[unsigned(E.Kind)][E.Index]});

  for (const ElemSegment &E : M.Elems) {
    std::vector<uint64_t> Slots;
    Slots.reserve(E.Inits.size());
    for (const ConstExpr &Init : E.Inits) {
      auto V = evalConst(Init, I);
      if (!V)
        return V.takeError();
      Slots.push_back(*V);
    }
    I.Elems.push_back(std::move(Slots));
  }
  for (const DataSegment &D : M.Datas)
    I.Datas.emplace_back(M.data(D.Init), D.Init.Size);

  // Segment offsets are evaluated up front: evaluation cannot trap, and
  // refusing an unsupported expression must happen before any effect.
  std::vector<uint32_t> ElemOffsets, DataOffsets;
  for (const ElemSegment &E : M.Elems) {
    uint32_t Offset = 0;
    if (E.Mode == SegmentMode::Active) {
      auto V = evalConst(E.Offset, I);
      if (!V)
        return V.takeError();
      Offset = uint32_t(*V);
    }
    ElemOffsets.push_back(Offset);
  }
  for (const DataSegment &D : M.Datas) {
    uint32_t Offset = 0;
    if (D.Mode == SegmentMode::Active) {
      auto V = evalConst(D.Offset, I);
      if (!V)
        return V.takeError();
      Offset = uint32_t(*V);
    }
    DataOffsets.push_back(Offset);
  }

  // From here on effects are visible and a trap aborts instantiation. An
  // active segment behaves as `table.init` / `memory.init` from 0 over its
  // whole length, followed by a drop.
  for (size_t K = 0; K < M.Elems.size(); ++K) {
    const ElemSegment &E = M.Elems[K];
    if (E.Mode == SegmentMode::Passive)
      continue;
    std::vector<uint64_t> &Seg = I.Elems[K];
    if (E.Mode == SegmentMode::Active) {
      TableInst &Table = *I.Tables[E.Table];
      if (uint64_t(ElemOffsets[K]) + Seg.size() > Table.size())
        return Instantiation{nullptr, Trap(RT_TRAP_TABLE_OOB)};
      std::copy(Seg.begin(), Seg.end(), Table.slots() + ElemOffsets[K]);
    }
    Seg = {};
  }
  for (size_t K = 0; K < M.Datas.size(); ++K) {
    if (M.Datas[K].Mode != SegmentMode::Active)
      continue;
    std::span<const uint8_t> &Seg = I.Datas[K];
    MemoryInst &Mem = *I.Memories[M.Datas[K].Memory];
    if (uint64_t(DataOffsets[K]) + Seg.size() > Mem.sizeBytes())
      return Instantiation{nullptr, Trap(RT_TRAP_MEMORY_OOB)};
    std::copy(Seg.begin(), Seg.end(), Mem.data() + DataOffsets[K]);
    Seg = {};
  }

  if (M.Start)
    if (Trap T = runStart(S, *I.Funcs[*M.Start]))
      return Instantiation{nullptr, std::move(T)};
  return Instantiation{&I, Trap()};
}

} // namespace wasmc::interp
