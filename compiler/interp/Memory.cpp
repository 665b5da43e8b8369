//===--- Memory.cpp - Linear memories in reserved address space -----------===//
//
/// \file
/// A memory reserves its maximum size of address space up front, without
/// backing (PROT_NONE, MAP_NORESERVE), and makes pages accessible as it
/// grows. Hence data() is stable for the memory's life, which lets the
/// interpreter cache it, and growth never copies. Bounds are still checked
/// explicitly by every access; the reservation is not a guard region.
//
//===----------------------------------------------------------------------===//
#include "interp/Instances.h"

#include <algorithm>
#include <sys/mman.h>

namespace wasmc::interp {
namespace {

uint64_t maxPagesOf(const MemoryType &T) {
  return std::min(T.Lim.Max.value_or(MaxMemoryPages), MaxMemoryPages);
}

} // namespace

Result<std::unique_ptr<MemoryInst>> MemoryInst::create(MemoryType T) {
  // At least one page is reserved so that data() is never null, even for a
  // memory limited to 0 pages.
  uint64_t Reserve = std::max<uint64_t>(maxPagesOf(T), 1) * WasmPageSize;
  void *P = mmap(nullptr, Reserve, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (P == MAP_FAILED)
    return makeError(ErrorKind::Limit, UINT64_MAX,
                     "cannot reserve address space for a linear memory");
  std::unique_ptr<MemoryInst> M(
      new MemoryInst(T, static_cast<uint8_t *>(P), Reserve));
  if (M->grow(T.Lim.Min) < 0)
    return makeError(ErrorKind::Limit, UINT64_MAX,
                     "cannot allocate " + std::to_string(T.Lim.Min) +
                         " pages of linear memory");
  return M;
}

MemoryInst::~MemoryInst() { munmap(Base, Reserved); }

MemoryType MemoryInst::type() const {
  MemoryType T = Type;
  T.Lim.Min = pages();
  return T;
}

int64_t MemoryInst::grow(uint64_t DeltaPages) {
  uint64_t Old = pages();
  if (DeltaPages > maxPagesOf(Type) - Old)
    return -1;
  uint64_t NewSize = (Old + DeltaPages) * WasmPageSize;
  if (NewSize > Size &&
      mprotect(Base + Size, NewSize - Size, PROT_READ | PROT_WRITE) != 0)
    return -1;
  Size = NewSize;
  return int64_t(Old);
}

} // namespace wasmc::interp
