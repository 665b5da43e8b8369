//===--- InstrReader.cpp - Decoding of opcodes and immediates -------------===//
#include "wasm/Instr.h"

namespace wasmc {

Status InstrReader::readZeroByte() {
  uint8_t B;
  WASMC_TRY(R.readByte(B));
  if (B != 0)
    return R.error("zero byte expected");
  return Status::success();
}

Status InstrReader::readMemArg(Instr &Out) {
  // With multi-memory, bit 6 of the flags announces a memory index; Wasm 2.0
  // has no such encoding, so such a flag is simply an over-large alignment,
  // which the validator rejects.
  WASMC_TRY(R.readU32(Out.AlignLog2));
  uint32_t Offset;
  WASMC_TRY(R.readU32(Offset));
  Out.MemOffset = Offset;
  return Status::success();
}

Status InstrReader::read(Instr &Out) {
  Out.Offset = R.offset();
  uint8_t Byte;
  WASMC_TRY(R.readByte(Byte));
  uint8_t Prefix = 0;
  uint32_t Code = Byte;
  if (Byte == 0xfc || Byte == 0xfd) {
    Prefix = Byte;
    WASMC_TRY(R.readU32(Code));
  }
  if (!lookupOpcode(Prefix, Code, Out.Op))
    return makeError(ErrorKind::Malformed, Out.Offset, "illegal opcode");

  switch (opInfo(Out.Op).Imm) {
  case ImmKind::None:
    return Status::success();
  case ImmKind::Block: {
    uint8_t Peek;
    if (R.atEnd())
      return R.endError();
    Peek = *R.position();
    if (Peek == 0x40) {
      WASMC_TRY(R.readByte(Peek));
      Out.Block.K = BlockType::Empty;
      return Status::success();
    }
    if (decodeValType(Peek, Out.Block.Type)) {
      WASMC_TRY(R.readByte(Peek));
      Out.Block.K = BlockType::Value;
      return Status::success();
    }
    int64_t Idx;
    WASMC_TRY(R.readS33(Idx));
    if (Idx < 0)
      return makeError(ErrorKind::Malformed, Out.Offset + 1, "malformed block type");
    Out.Block.K = BlockType::TypeIndex;
    Out.Block.Index = uint32_t(Idx);
    return Status::success();
  }
  case ImmKind::Label:
  case ImmKind::Func:
  case ImmKind::Local:
  case ImmKind::Global:
  case ImmKind::Table:
  case ImmKind::Data:
  case ImmKind::Elem:
    return R.readU32(Out.Index);
  case ImmKind::BrTable: {
    uint32_t N;
    WASMC_TRY(R.readCount(N));
    TargetScratch.resize(N);
    for (uint32_t I = 0; I < N; ++I)
      WASMC_TRY(R.readU32(TargetScratch[I]));
    WASMC_TRY(R.readU32(Out.Index));
    Out.Targets = TargetScratch.data();
    Out.NumTargets = N;
    return Status::success();
  }
  case ImmKind::CallIndirect:
    WASMC_TRY(R.readU32(Out.Index));
    return R.readU32(Out.Index2);
  case ImmKind::Memory:
    Out.Index = 0;
    return readZeroByte();
  case ImmKind::I32: {
    int32_t V;
    WASMC_TRY(R.readS32(V));
    Out.Bits = uint32_t(V);
    return Status::success();
  }
  case ImmKind::I64: {
    int64_t V;
    WASMC_TRY(R.readS64(V));
    Out.Bits = uint64_t(V);
    return Status::success();
  }
  case ImmKind::F32: {
    uint32_t V;
    WASMC_TRY(R.readFixed32(V));
    Out.Bits = V;
    return Status::success();
  }
  case ImmKind::F64:
    return R.readFixed64(Out.Bits);
  case ImmKind::V128:
  case ImmKind::Shuffle: {
    const uint8_t *P;
    WASMC_TRY(R.readBytes(16, P));
    std::memcpy(Out.V128, P, 16);
    return Status::success();
  }
  case ImmKind::RefType: {
    uint8_t B;
    WASMC_TRY(R.readByte(B));
    if (!decodeValType(B, Out.Type) || !isRefType(Out.Type))
      return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed reference type");
    return Status::success();
  }
  case ImmKind::SelectT: {
    WASMC_TRY(R.readCount(Out.SelectArity));
    for (uint32_t I = 0; I < Out.SelectArity; ++I) {
      uint8_t B;
      ValType T;
      WASMC_TRY(R.readByte(B));
      if (!decodeValType(B, T))
        return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed value type");
      if (I == 0)
        Out.Type = T;
    }
    return Status::success();
  }
  case ImmKind::MemoryInit:
    WASMC_TRY(R.readU32(Out.Index));
    return readZeroByte();
  case ImmKind::MemoryCopy:
    WASMC_TRY(readZeroByte());
    return readZeroByte();
  case ImmKind::TableInit:
    WASMC_TRY(R.readU32(Out.Index));
    return R.readU32(Out.Index2);
  case ImmKind::TableCopy:
    WASMC_TRY(R.readU32(Out.Index));
    return R.readU32(Out.Index2);
  case ImmKind::Lane16:
  case ImmKind::Lane8:
  case ImmKind::Lane4:
  case ImmKind::Lane2: {
    uint8_t Lane;
    WASMC_TRY(R.readByte(Lane));
    Out.Index = Lane;
    return Status::success();
  }
  case ImmKind::MemArg1:
  case ImmKind::MemArg2:
  case ImmKind::MemArg4:
  case ImmKind::MemArg8:
  case ImmKind::MemArg16:
    return readMemArg(Out);
  case ImmKind::MemLane1:
  case ImmKind::MemLane2:
  case ImmKind::MemLane4:
  case ImmKind::MemLane8: {
    WASMC_TRY(readMemArg(Out));
    uint8_t Lane;
    WASMC_TRY(R.readByte(Lane));
    Out.Index = Lane;
    return Status::success();
  }
  }
  return makeError(ErrorKind::Internal, Out.Offset, "unhandled immediate kind");
}

} // namespace wasmc
