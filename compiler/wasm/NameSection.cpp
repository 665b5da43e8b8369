//===--- NameSection.cpp - Best-effort decoding of the `name` section -----===//
#include "wasm/NameSection.h"

namespace wasmc {

namespace {

enum NameSubsection : uint8_t { ModuleNameId = 0, FunctionNamesId = 1, LocalNamesId = 2 };

bool readNameMap(Reader &R, std::map<uint32_t, std::string> &Out) {
  uint32_t N;
  if (!R.readCount(N, 2).ok())
    return false;
  for (uint32_t I = 0; I < N; ++I) {
    uint32_t Index;
    std::string Name;
    if (!R.readU32(Index).ok() || !R.readName(Name).ok())
      return false;
    Out[Index] = std::move(Name);
  }
  return true;
}

bool decodeSubsection(Module &M, uint8_t Id, Reader &R) {
  switch (Id) {
  case ModuleNameId:
    return R.readName(M.ModuleName).ok();
  case FunctionNamesId:
    return readNameMap(R, M.FuncNames);
  case LocalNamesId: {
    uint32_t N;
    if (!R.readCount(N, 2).ok())
      return false;
    for (uint32_t I = 0; I < N; ++I) {
      uint32_t Func;
      if (!R.readU32(Func).ok() || !readNameMap(R, M.LocalNames[Func]))
        return false;
    }
    return true;
  }
  default:
    return true; // other subsections (labels, types, ...) are not used
  }
}

} // namespace

void decodeNameSection(Module &M, Reader R) {
  while (!R.atEnd()) {
    uint8_t Id;
    uint32_t Size;
    const uint8_t *Bytes;
    if (!R.readByte(Id).ok() || !R.readU32(Size).ok() ||
        !R.readBytes(Size, Bytes).ok())
      return;
    Reader Sub(Bytes, Bytes + Size, R.offset() - Size);
    if (!decodeSubsection(M, Id, Sub))
      return;
  }
}

} // namespace wasmc
