//===--- Reader.h - Bounds-checked byte reader with LEB128 ----------------===//
//
/// \file
/// Reads the primitive encodings of the binary format from a byte range
/// without copying it. Every read checks the remaining length first, so a
/// truncated or hostile input yields a Malformed error, never an overread.
/// LEB128 rules follow the spec: at most ceil(N/7) bytes ("integer
/// representation too long"), and the unused bits of the last byte must be
/// zero, or the sign extension for signed numbers ("integer too large").
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include <cstdint>
#include <cstring>
#include <string>

namespace wasmc {

class Reader {
public:
  /// Reads [Begin, End); BaseOffset is Begin's offset in the module, so that
  /// errors name module offsets.
  Reader(const uint8_t *Begin, const uint8_t *End, uint64_t BaseOffset = 0)
      : Begin(Begin), Pos(Begin), End(End), BaseOffset(BaseOffset) {}

  /// A reader of a section or function body: running out of bytes there is
  /// "unexpected end of section or function" in the spec's words, while
  /// running out of the module itself is "unexpected end".
  static Reader forPart(const uint8_t *Begin, const uint8_t *End,
                        uint64_t BaseOffset) {
    Reader R(Begin, End, BaseOffset);
    R.EndMessage = "unexpected end of section or function";
    return R;
  }

  /// The error for reading past the end.
  WasmError endError() const { return error(EndMessage); }

  uint64_t offset() const { return BaseOffset + uint64_t(Pos - Begin); }
  size_t remaining() const { return size_t(End - Pos); }
  bool atEnd() const { return Pos == End; }
  const uint8_t *position() const { return Pos; }

  Status readByte(uint8_t &Out) {
    if (Pos == End)
      return endError();
    Out = *Pos++;
    return Status::success();
  }
  /// One-byte encodings (the common case) are decoded inline.
  Status readU32(uint32_t &Out) {
    if (Pos != End && *Pos < 0x80) {
      Out = *Pos++;
      return Status::success();
    }
    return readU32Slow(Out);
  }
  Status readU64(uint64_t &Out);
  Status readS32(int32_t &Out);
  Status readS64(int64_t &Out);
  /// The signed 33-bit integer of block types.
  Status readS33(int64_t &Out);
  /// A one-bit unsigned LEB128 number (the flags of limits).
  Status readVarU1(uint64_t &Out) { return readLeb(1, false, Out); }
  Status readFixed32(uint32_t &Out);
  Status readFixed64(uint64_t &Out);
  /// Returns a pointer to the next N bytes and skips them.
  Status readBytes(uint64_t N, const uint8_t *&Out);
  /// A length-prefixed UTF-8 name.
  Status readName(std::string &Out);
  /// A vector length, checked against the bytes left assuming each element
  /// takes at least MinElemBytes, so hostile counts never drive allocation
  /// beyond a constant factor of the input size.
  Status readCount(uint32_t &Out, uint64_t MinElemBytes = 1);

  /// A Malformed error at the current offset.
  WasmError error(std::string Message) const {
    return makeError(ErrorKind::Malformed, offset(), std::move(Message));
  }

private:
  Status readU32Slow(uint32_t &Out);
  Status readLeb(unsigned Bits, bool Signed, uint64_t &Out);

  const uint8_t *Begin;
  const uint8_t *Pos;
  const uint8_t *End;
  uint64_t BaseOffset;
  const char *EndMessage = "unexpected end";
};

/// True if [Data, Data+Size) is well-formed UTF-8 (no overlongs, no
/// surrogates, nothing above U+10FFFF).
bool isValidUtf8(const uint8_t *Data, size_t Size);

} // namespace wasmc
