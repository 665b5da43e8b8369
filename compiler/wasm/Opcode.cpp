//===--- Opcode.cpp - Tables generated from Opcodes.def and Sigs.def ------===//
#include "wasm/Opcode.h"

#include <array>

namespace wasmc {

namespace {

constexpr OpInfo OpTable[] = {
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig_, Feat)                     \
  {Text, Prefix, Code, ImmKind::Imm, Sig::Sig_, Feature::Feat},
#include "wasm/Opcodes.def"
};
static_assert(sizeof(OpTable) / sizeof(OpTable[0]) == NumOpcodes);

constexpr ValType Void = ValType::Bottom;
constexpr ValType I32 = ValType::I32, I64 = ValType::I64, F32 = ValType::F32,
                  F64 = ValType::F64, V128 = ValType::V128;

constexpr SigInfo SigTable[] = {
#define WASM_SIG(Name, N, P0, P1, P2, R) {N, {P0, P1, P2}, R != Void, R},
#include "wasm/Sigs.def"
    {0, {Void, Void, Void}, false, Void},
};

constexpr uint16_t NoOp = 0xffff;

/// Dense code -> opcode maps, one per prefix (codes are below 256 for all
/// Wasm 2.0 instructions).
struct LookupTables {
  std::array<uint16_t, 256> Plain, Fc, Fd;
  constexpr LookupTables() : Plain(), Fc(), Fd() {
    Plain.fill(NoOp);
    Fc.fill(NoOp);
    Fd.fill(NoOp);
    for (unsigned I = 0; I < NumOpcodes; ++I) {
      const OpInfo &Info = OpTable[I];
      auto &Table = Info.Prefix == 0xfc ? Fc : Info.Prefix == 0xfd ? Fd : Plain;
      Table[Info.Code] = static_cast<uint16_t>(I);
    }
  }
};
constexpr LookupTables Lookup;

} // namespace

const OpInfo &opInfo(Opcode Op) { return OpTable[static_cast<unsigned>(Op)]; }

const SigInfo &sigInfo(Sig S) { return SigTable[static_cast<unsigned>(S)]; }

bool lookupOpcode(uint8_t Prefix, uint32_t Code, Opcode &Out) {
  if (Code >= 256 || (Prefix != 0 && Prefix != 0xfc && Prefix != 0xfd))
    return false;
  const auto &Table = Prefix == 0xfc   ? Lookup.Fc
                      : Prefix == 0xfd ? Lookup.Fd
                                       : Lookup.Plain;
  uint16_t Index = Table[Code];
  if (Index == NoOp || (Prefix == 0 && OpTable[Index].Prefix != 0))
    return false;
  Out = static_cast<Opcode>(Index);
  return true;
}

unsigned memAccessBytes(ImmKind K) {
  switch (K) {
  case ImmKind::MemArg1: case ImmKind::MemLane1: return 1;
  case ImmKind::MemArg2: case ImmKind::MemLane2: return 2;
  case ImmKind::MemArg4: case ImmKind::MemLane4: return 4;
  case ImmKind::MemArg8: case ImmKind::MemLane8: return 8;
  case ImmKind::MemArg16: return 16;
  default: return 0;
  }
}

unsigned laneCount(ImmKind K) {
  switch (K) {
  case ImmKind::Lane16: case ImmKind::MemLane1: return 16;
  case ImmKind::Lane8: case ImmKind::MemLane2: return 8;
  case ImmKind::Lane4: case ImmKind::MemLane4: return 4;
  case ImmKind::Lane2: case ImmKind::MemLane8: return 2;
  default: return 0;
  }
}

} // namespace wasmc
