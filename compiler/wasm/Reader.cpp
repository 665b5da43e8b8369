//===--- Reader.cpp - LEB128 and primitive decoding -----------------------===//
#include "wasm/Reader.h"

namespace wasmc {

// Shared LEB128 decoder for widths up to 64 bits. The last permitted byte
// holds Bits % 7 payload bits (7 if it divides); the bits above them must be
// zero (unsigned) or copies of the payload's top bit (signed).
Status Reader::readLeb(unsigned Bits, bool Signed, uint64_t &Out) {
  const unsigned MaxBytes = (Bits + 6) / 7;
  uint64_t Result = 0;
  unsigned Shift = 0;
  for (unsigned I = 0;; ++I) {
    if (Pos == End)
      return endError();
    uint8_t Byte = *Pos++;
    if (I == MaxBytes - 1) {
      if (Byte & 0x80)
        return error("integer representation too long");
      unsigned UsedBits = Bits - 7 * I;
      uint8_t Extra = uint8_t(Byte & 0x7f) >> UsedBits;
      if (Signed) {
        bool Negative = (Byte >> (UsedBits - 1)) & 1;
        uint8_t Expected = Negative ? uint8_t(0x7f >> UsedBits) : 0;
        if (Extra != Expected)
          return error("integer too large");
      } else if (Extra != 0) {
        return error("integer too large");
      }
    }
    Result |= uint64_t(Byte & 0x7f) << Shift;
    Shift += 7;
    if (!(Byte & 0x80)) {
      if (Signed && Shift < 64 && (Byte & 0x40))
        Result |= ~uint64_t(0) << Shift;
      break;
    }
  }
  Out = Result;
  return Status::success();
}

Status Reader::readU32Slow(uint32_t &Out) {
  uint64_t V;
  WASMC_TRY(readLeb(32, false, V));
  Out = uint32_t(V);
  return Status::success();
}

Status Reader::readU64(uint64_t &Out) { return readLeb(64, false, Out); }

Status Reader::readS32(int32_t &Out) {
  uint64_t V;
  WASMC_TRY(readLeb(32, true, V));
  Out = int32_t(uint32_t(V));
  return Status::success();
}

Status Reader::readS64(int64_t &Out) {
  uint64_t V;
  WASMC_TRY(readLeb(64, true, V));
  Out = int64_t(V);
  return Status::success();
}

Status Reader::readS33(int64_t &Out) {
  uint64_t V;
  WASMC_TRY(readLeb(33, true, V));
  Out = int64_t(V);
  return Status::success();
}

Status Reader::readFixed32(uint32_t &Out) {
  if (remaining() < 4)
    return endError();
  std::memcpy(&Out, Pos, 4); // Wasm is little-endian, as are our hosts.
  Pos += 4;
  return Status::success();
}

Status Reader::readFixed64(uint64_t &Out) {
  if (remaining() < 8)
    return endError();
  std::memcpy(&Out, Pos, 8);
  Pos += 8;
  return Status::success();
}

Status Reader::readBytes(uint64_t N, const uint8_t *&Out) {
  if (N > remaining())
    return endError();
  Out = Pos;
  Pos += N;
  return Status::success();
}

Status Reader::readName(std::string &Out) {
  uint32_t Len;
  WASMC_TRY(readU32(Len));
  if (Len > remaining())
    return error("length out of bounds");
  if (!isValidUtf8(Pos, Len))
    return error("malformed UTF-8 encoding");
  Out.assign(reinterpret_cast<const char *>(Pos), Len);
  Pos += Len;
  return Status::success();
}

Status Reader::readCount(uint32_t &Out, uint64_t MinElemBytes) {
  WASMC_TRY(readU32(Out));
  if (uint64_t(Out) * MinElemBytes > remaining())
    return Pos == End ? endError() : error("length out of bounds");
  return Status::success();
}

bool isValidUtf8(const uint8_t *Data, size_t Size) {
  size_t I = 0;
  while (I < Size) {
    uint8_t C = Data[I];
    if (C < 0x80) {
      ++I;
      continue;
    }
    unsigned Len;
    uint32_t Cp;
    if ((C & 0xe0) == 0xc0) {
      Len = 2;
      Cp = C & 0x1f;
    } else if ((C & 0xf0) == 0xe0) {
      Len = 3;
      Cp = C & 0x0f;
    } else if ((C & 0xf8) == 0xf0) {
      Len = 4;
      Cp = C & 0x07;
    } else {
      return false;
    }
    if (Size - I < Len)
      return false;
    for (unsigned K = 1; K < Len; ++K) {
      uint8_t Cc = Data[I + K];
      if ((Cc & 0xc0) != 0x80)
        return false;
      Cp = (Cp << 6) | (Cc & 0x3f);
    }
    static const uint32_t MinForLen[] = {0, 0, 0x80, 0x800, 0x10000};
    if (Cp < MinForLen[Len] || Cp > 0x10ffff || (Cp >= 0xd800 && Cp <= 0xdfff))
      return false;
    I += Len;
  }
  return true;
}

} // namespace wasmc
