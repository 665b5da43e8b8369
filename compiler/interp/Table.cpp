//===--- Table.cpp - Table instances --------------------------------------===//
//
/// \file
/// Tables are vectors of slots (Slots.h). Their size is capped at
/// limits::MaxTableSize elements, whatever the declared maximum, so that a
/// hostile table.grow fails with -1 instead of exhausting host memory; a
/// larger declared minimum is refused before a table is made
/// (Instantiate.cpp), as the runtime of compiled code refuses it.
//
//===----------------------------------------------------------------------===//
#include "interp/Slots.h"

#include "wasm/Module.h"

#include <algorithm>
#include <cassert>

namespace wasmc::interp {

TableInst::TableInst(TableType T, uint64_t InitSlot) : Type(T) {
  assert(T.Lim.Min <= limits::MaxTableSize && "checked at instantiation");
  Elems.assign(T.Lim.Min, InitSlot);
}

TableType TableInst::type() const {
  TableType T = Type;
  T.Lim.Min = size();
  return T;
}

uint64_t TableInst::maxSize() const {
  return std::min<uint64_t>(Type.Lim.Max.value_or(UINT32_MAX),
                            limits::MaxTableSize);
}

int64_t TableInst::grow(uint32_t Delta, uint64_t InitSlot) {
  uint64_t Old = size();
  if (Delta > maxSize() - Old)
    return -1;
  Elems.resize(Old + Delta, InitSlot);
  return int64_t(Old);
}

bool TableInst::get(uint32_t Index, Value &Out) const {
  if (Index >= size())
    return false;
  Out = slotToValue(Type.Elem, Elems[Index]);
  return true;
}

bool TableInst::set(Store &S, uint32_t Index, const Value &V) {
  if (Index >= size())
    return false;
  Elems[Index] = valueToSlot(S, V);
  return true;
}

} // namespace wasmc::interp
