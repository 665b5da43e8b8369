//===--- Store.cpp - Allocation and access of runtime instances -----------===//
#include "interp/Store.h"

#include "interp/Exec.h"
#include "interp/Slots.h"
#include "interp/Translate.h"
#include "wasm/Validator.h"

namespace wasmc::interp {

Store::Store(ExecLimits L, ExecOptions O)
    : Limits(L), Options(O), Exec(std::make_unique<Thread>(Limits)) {}

Store::~Store() = default;

int64_t Store::fuel() const { return Exec->Fuel; }
void Store::setFuel(int64_t Fuel) { Exec->Fuel = Fuel; }

uint64_t valueToSlot(Store &S, const Value &V) {
  switch (V.type()) {
  case ValType::FuncRef:
    return V.isNull() ? 0 : funcSlot(&S.func(V.funcAddr()));
  case ValType::ExternRef: return V.isNull() ? 0 : externSlot(V.externValue());
  default: return V.i64();
  }
}

uint32_t Store::internType(const FuncType &T) {
  // The key spells the signature in binary type codes: params, a byte no
  // type uses, results.
  std::string Key;
  for (ValType P : T.Params)
    Key.push_back(char(P));
  Key.push_back('\xff');
  for (ValType R : T.Results)
    Key.push_back(char(R));
  auto [It, Inserted] = TypeIds.try_emplace(Key, uint32_t(TypeList.size()));
  if (Inserted)
    TypeList.push_back(T);
  return It->second;
}

Result<std::shared_ptr<const ModuleCode>>
Store::codeFor(const ValidatedModule &M) {
  auto It = Codes.find(&M.module());
  if (It != Codes.end())
    return It->second;
  auto Code = translateModule(M.shared(), Options);
  if (!Code)
    return Code.takeError();
  std::shared_ptr<const ModuleCode> Shared = Code.take();
  Codes.emplace(&M.module(), Shared);
  return Shared;
}

ModuleInstance &Store::newInstance() {
  Instances.push_back(std::make_unique<ModuleInstance>());
  return *Instances.back();
}

ModuleInstance &
Store::addHostInstance(std::map<std::string, Extern, std::less<>> Exports) {
  ModuleInstance &I = newInstance();
  I.Exports = std::move(Exports);
  return I;
}

FuncAddr Store::addHostFunc(const FuncType &Type, HostFunc Fn) {
  auto F = std::make_unique<FuncInst>();
  F->Addr = FuncAddr(Funcs.size());
  F->TypeId = internType(Type);
  F->Type = &TypeList[F->TypeId];
  F->Host = std::move(Fn);
  Funcs.push_back(std::move(F));
  return Funcs.back()->Addr;
}

FuncAddr Store::addWasmFunc(ModuleInstance &Inst, uint32_t TypeId,
                            const CompiledFunc &Code) {
  auto F = std::make_unique<FuncInst>();
  F->Addr = FuncAddr(Funcs.size());
  F->TypeId = TypeId;
  F->Type = &TypeList[TypeId];
  F->Instance = &Inst;
  F->Code = &Code;
  Funcs.push_back(std::move(F));
  return Funcs.back()->Addr;
}

TableAddr Store::addTableSlots(const TableType &T, uint64_t InitSlot) {
  Tables.push_back(std::make_unique<TableInst>(T, InitSlot));
  return TableAddr(Tables.size() - 1);
}

TableAddr Store::addTable(const TableType &T, const Value &Init) {
  return addTableSlots(T, valueToSlot(*this, Init));
}

Result<MemAddr> Store::addMemory(const MemoryType &T) {
  auto M = MemoryInst::create(T);
  if (!M)
    return M.takeError();
  Memories.push_back(M.take());
  return MemAddr(Memories.size() - 1);
}

GlobalAddr Store::addGlobalSlot(const GlobalType &T, uint64_t Slot) {
  auto G = std::make_unique<GlobalInst>();
  G->Type = T;
  G->Slot = Slot;
  Globals.push_back(std::move(G));
  return GlobalAddr(Globals.size() - 1);
}

GlobalAddr Store::addGlobal(const GlobalType &T, const Value &Init) {
  return addGlobalSlot(T, valueToSlot(*this, Init));
}

Value Store::globalValue(GlobalAddr A) const {
  const GlobalInst &G = *Globals[A];
  return slotToValue(G.Type.Type, G.Slot);
}

void Store::setGlobalValue(GlobalAddr A, const Value &V) {
  Globals[A]->Slot = valueToSlot(*this, V);
}

} // namespace wasmc::interp
