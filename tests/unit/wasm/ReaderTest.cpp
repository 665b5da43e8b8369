//===--- ReaderTest.cpp - LEB128, fixed-width and name decoding -----------===//
//
/// \file
/// Tests of wasm/Reader.h against the spec's rules for integers: every
/// width's extreme values, padded encodings within the byte limit (valid),
/// encodings past it ("integer representation too long"), unused bits that
/// are not zero or sign copies ("integer too large"), and truncation
/// ("unexpected end"); then floats, names (UTF-8) and counts.
//
//===----------------------------------------------------------------------===//
#include "wasm/Reader.h"
#include "ErrorMatchers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace wasmc;
using namespace wasmc::test;

namespace {

/// Reads one value with Read from B and checks that it consumed all of B.
template <typename T>
Result<T> readAll(const std::vector<uint8_t> &B, Status (Reader::*Read)(T &)) {
  Reader R(B.data(), B.data() + B.size());
  T V{};
  Status S = (R.*Read)(V);
  if (!S.ok())
    return S.takeError();
  if (!R.atEnd())
    return makeError(ErrorKind::Internal, R.offset(), "bytes left after the value");
  return V;
}

Result<uint32_t> u32(std::vector<uint8_t> B) { return readAll(B, &Reader::readU32); }
Result<uint64_t> u64(std::vector<uint8_t> B) { return readAll(B, &Reader::readU64); }
Result<int32_t> s32(std::vector<uint8_t> B) { return readAll(B, &Reader::readS32); }
Result<int64_t> s64(std::vector<uint8_t> B) { return readAll(B, &Reader::readS64); }
Result<int64_t> s33(std::vector<uint8_t> B) { return readAll(B, &Reader::readS33); }
Result<std::string> name(std::vector<uint8_t> B) { return readAll(B, &Reader::readName); }

template <typename T> T valueOf(Result<T> R) {
  EXPECT_TRUE(succeeds(R));
  return R.ok() ? *R : T{};
}

constexpr ErrorKind Malformed = ErrorKind::Malformed;

//===--- u32 --------------------------------------------------------------===//

TEST(ReaderU32, SmallAndMultiByteValues) {
  EXPECT_EQ(valueOf(u32({0x00})), 0u);
  EXPECT_EQ(valueOf(u32({0x7f})), 127u);
  EXPECT_EQ(valueOf(u32({0x80, 0x01})), 128u);
  EXPECT_EQ(valueOf(u32({0xe5, 0x8e, 0x26})), 624485u);
}

TEST(ReaderU32, Maximum) {
  EXPECT_EQ(valueOf(u32({0xff, 0xff, 0xff, 0xff, 0x0f})), UINT32_MAX);
}

TEST(ReaderU32, PaddingWithinFiveBytesIsAllowed) {
  EXPECT_EQ(valueOf(u32({0x80, 0x80, 0x80, 0x80, 0x00})), 0u);
  EXPECT_EQ(valueOf(u32({0x83, 0x80, 0x80, 0x80, 0x00})), 3u);
  EXPECT_EQ(valueOf(u32({0x80, 0x00})), 0u);
}

TEST(ReaderU32, SixBytesAreTooLong) {
  EXPECT_TRUE(failsWith(u32({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}), Malformed,
                        "integer representation too long"));
  EXPECT_TRUE(failsWith(u32({0xff, 0xff, 0xff, 0xff, 0xff, 0x0f}), Malformed,
                        "integer representation too long"));
}

TEST(ReaderU32, UnusedBitsOfTheLastByteMustBeZero) {
  EXPECT_TRUE(
      failsWith(u32({0xff, 0xff, 0xff, 0xff, 0x1f}), Malformed, "integer too large"));
  EXPECT_TRUE(
      failsWith(u32({0x80, 0x80, 0x80, 0x80, 0x10}), Malformed, "integer too large"));
  EXPECT_TRUE(
      failsWith(u32({0x80, 0x80, 0x80, 0x80, 0x70}), Malformed, "integer too large"));
}

TEST(ReaderU32, Truncated) {
  EXPECT_TRUE(failsWith(u32({}), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(u32({0x80}), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(u32({0xff, 0xff, 0xff, 0xff}), Malformed, "unexpected end"));
}

TEST(ReaderU32, ErrorOffsetIncludesTheBaseOffset) {
  std::vector<uint8_t> B{0x80, 0x80, 0x80, 0x80, 0x80, 0x00};
  Reader R(B.data(), B.data() + B.size(), 0x100);
  uint32_t V;
  Status S = R.readU32(V);
  ASSERT_FALSE(S.ok());
  // Reported inside the integer, in module offsets.
  EXPECT_GT(S.error().Offset, 0x100u);
  EXPECT_LE(S.error().Offset, 0x106u);
}

//===--- s32 --------------------------------------------------------------===//

TEST(ReaderS32, SmallValuesAroundTheSignBit) {
  EXPECT_EQ(valueOf(s32({0x00})), 0);
  EXPECT_EQ(valueOf(s32({0x3f})), 63);
  EXPECT_EQ(valueOf(s32({0xc0, 0x00})), 64);
  EXPECT_EQ(valueOf(s32({0x7f})), -1);
  EXPECT_EQ(valueOf(s32({0x40})), -64);
  EXPECT_EQ(valueOf(s32({0xbf, 0x7f})), -65);
}

TEST(ReaderS32, MinimumAndMaximum) {
  EXPECT_EQ(valueOf(s32({0x80, 0x80, 0x80, 0x80, 0x78})), INT32_MIN);
  EXPECT_EQ(valueOf(s32({0xff, 0xff, 0xff, 0xff, 0x07})), INT32_MAX);
}

TEST(ReaderS32, SignExtendedPaddingIsAllowed) {
  EXPECT_EQ(valueOf(s32({0xff, 0xff, 0xff, 0xff, 0x7f})), -1);
  EXPECT_EQ(valueOf(s32({0x80, 0x80, 0x80, 0x80, 0x00})), 0);
  EXPECT_EQ(valueOf(s32({0xff, 0x7f})), -1);
}

TEST(ReaderS32, SixBytesAreTooLong) {
  EXPECT_TRUE(failsWith(s32({0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}), Malformed,
                        "integer representation too long"));
  EXPECT_TRUE(failsWith(s32({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}), Malformed,
                        "integer representation too long"));
}

TEST(ReaderS32, UnusedBitsMustCopyTheSignBit) {
  // Sign bit (bit 3 of the fifth byte) set, bits above it clear.
  EXPECT_TRUE(
      failsWith(s32({0xff, 0xff, 0xff, 0xff, 0x0f}), Malformed, "integer too large"));
  // Sign bit clear, bits above it set.
  EXPECT_TRUE(
      failsWith(s32({0x80, 0x80, 0x80, 0x80, 0x70}), Malformed, "integer too large"));
  EXPECT_TRUE(
      failsWith(s32({0xff, 0xff, 0xff, 0xff, 0x4f}), Malformed, "integer too large"));
}

TEST(ReaderS32, Truncated) {
  EXPECT_TRUE(failsWith(s32({0xff}), Malformed, "unexpected end"));
}

//===--- u64 and s64 ------------------------------------------------------===//

TEST(ReaderU64, MaximumAndPadding) {
  EXPECT_EQ(valueOf(u64({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})),
            UINT64_MAX);
  EXPECT_EQ(valueOf(u64({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00})),
            0u);
  // Values above 32 bits are kept whole.
  EXPECT_EQ(valueOf(u64({0x80, 0x80, 0x80, 0x80, 0x10})), uint64_t(1) << 32);
}

TEST(ReaderU64, TooLongAndTooLarge) {
  EXPECT_TRUE(
      failsWith(u64({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00}),
                Malformed, "integer representation too long"));
  EXPECT_TRUE(failsWith(u64({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02}),
                        Malformed, "integer too large"));
}

TEST(ReaderS64, MinimumAndMaximum) {
  EXPECT_EQ(valueOf(s64({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f})),
            INT64_MIN);
  EXPECT_EQ(valueOf(s64({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00})),
            INT64_MAX);
  EXPECT_EQ(valueOf(s64({0x7f})), -1);
  // A five-byte value that does not fit in 32 bits keeps its high bits.
  EXPECT_EQ(valueOf(s64({0x80, 0x80, 0x80, 0x80, 0x70})), -(int64_t(1) << 32));
}

TEST(ReaderS64, TooLongAndTooLarge) {
  EXPECT_TRUE(
      failsWith(s64({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f}),
                Malformed, "integer representation too long"));
  // Payload bit 63 clear, the six unused bits set.
  EXPECT_TRUE(failsWith(s64({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7e}),
                        Malformed, "integer too large"));
  // Payload bit 63 set, the unused bits clear.
  EXPECT_TRUE(failsWith(s64({0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01}),
                        Malformed, "integer too large"));
}

//===--- s33 (block type indices) -----------------------------------------===//

TEST(ReaderS33, Range) {
  EXPECT_EQ(valueOf(s33({0xff, 0xff, 0xff, 0xff, 0x0f})), int64_t(UINT32_MAX));
  EXPECT_EQ(valueOf(s33({0x80, 0x80, 0x80, 0x80, 0x70})), -(int64_t(1) << 32));
  EXPECT_EQ(valueOf(s33({0x40})), -64);
  EXPECT_EQ(valueOf(s33({0x80, 0x80, 0x80, 0x80, 0x00})), 0);
}

TEST(ReaderS33, UnusedBitsAndLength) {
  // Bit 4 of the fifth byte is the sign; bits 5 and 6 must copy it.
  EXPECT_TRUE(
      failsWith(s33({0xff, 0xff, 0xff, 0xff, 0x1f}), Malformed, "integer too large"));
  EXPECT_TRUE(
      failsWith(s33({0xff, 0xff, 0xff, 0xff, 0x4f}), Malformed, "integer too large"));
  EXPECT_TRUE(failsWith(s33({0x80, 0x80, 0x80, 0x80, 0x80, 0x00}), Malformed,
                        "integer representation too long"));
}

//===--- Fixed-width values -----------------------------------------------===//

TEST(ReaderFixed, LittleEndianFloats) {
  std::vector<uint8_t> B{0x00, 0x00, 0x80, 0x3f,                          // 1.0f
                         0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xf8, 0x7f}; // NaN
  Reader R(B.data(), B.data() + B.size());
  uint32_t F;
  uint64_t D;
  ASSERT_TRUE(R.readFixed32(F).ok());
  ASSERT_TRUE(R.readFixed64(D).ok());
  EXPECT_EQ(F, 0x3f800000u);
  EXPECT_EQ(D, 0x7ff8000000000000ull);
  EXPECT_TRUE(R.atEnd());
}

TEST(ReaderFixed, Truncated) {
  std::vector<uint8_t> B{0x00, 0x00, 0x80};
  Reader R(B.data(), B.data() + B.size());
  uint32_t F;
  EXPECT_TRUE(failsWith(R.readFixed32(F), Malformed, "unexpected end"));
  uint64_t D;
  std::vector<uint8_t> B7(7, 0);
  Reader R7(B7.data(), B7.data() + B7.size());
  EXPECT_TRUE(failsWith(R7.readFixed64(D), Malformed, "unexpected end"));
}

TEST(ReaderBytes, LengthBeyondTheEnd) {
  std::vector<uint8_t> B{1, 2, 3};
  Reader R(B.data(), B.data() + B.size());
  const uint8_t *P;
  EXPECT_TRUE(failsWith(R.readBytes(4, P), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(R.readBytes(UINT64_MAX, P), Malformed, "unexpected end"));
  ASSERT_TRUE(R.readBytes(3, P).ok());
  EXPECT_EQ(P, B.data());
}

//===--- Names ------------------------------------------------------------===//

std::vector<uint8_t> lengthPrefixed(std::vector<uint8_t> Bytes) {
  Bytes.insert(Bytes.begin(), uint8_t(Bytes.size()));
  return Bytes;
}

TEST(ReaderName, ValidUtf8OfEveryLength) {
  EXPECT_EQ(valueOf(name(lengthPrefixed({'a', 'b'}))), "ab");
  EXPECT_EQ(valueOf(name(lengthPrefixed({}))), "");
  EXPECT_EQ(valueOf(name(lengthPrefixed({0xc3, 0xa9}))), "\xc3\xa9"); // U+00E9
  EXPECT_EQ(valueOf(name(lengthPrefixed({0xe2, 0x82, 0xac}))), "\xe2\x82\xac");
  EXPECT_EQ(valueOf(name(lengthPrefixed({0xf0, 0x90, 0x8d, 0x88}))),
            "\xf0\x90\x8d\x88"); // U+10348
  // The last code point, and the ones right around the surrogates.
  EXPECT_TRUE(succeeds(name(lengthPrefixed({0xf4, 0x8f, 0xbf, 0xbf}))));
  EXPECT_TRUE(succeeds(name(lengthPrefixed({0xed, 0x9f, 0xbf})))); // U+D7FF
  EXPECT_TRUE(succeeds(name(lengthPrefixed({0xee, 0x80, 0x80})))); // U+E000
  // NUL is an ordinary character in names.
  EXPECT_EQ(valueOf(name(lengthPrefixed({0x00}))).size(), 1u);
}

TEST(ReaderName, OverlongEncodings) {
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xc0, 0x80})), Malformed,
                        "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xc1, 0xbf})), Malformed,
                        "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xe0, 0x9f, 0xbf})), Malformed,
                        "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xf0, 0x8f, 0xbf, 0xbf})), Malformed,
                        "malformed UTF-8 encoding"));
}

TEST(ReaderName, Surrogates) {
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xed, 0xa0, 0x80})), Malformed,
                        "malformed UTF-8 encoding")); // U+D800
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xed, 0xbf, 0xbf})), Malformed,
                        "malformed UTF-8 encoding")); // U+DFFF
}

TEST(ReaderName, AboveU10FFFF) {
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xf4, 0x90, 0x80, 0x80})), Malformed,
                        "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xf5, 0x80, 0x80, 0x80})), Malformed,
                        "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xf8, 0x88, 0x80, 0x80, 0x80})), Malformed,
                        "malformed UTF-8 encoding"));
}

TEST(ReaderName, TruncatedAndStraySequences) {
  // A sequence cut by the end of the name, even if bytes follow the name.
  std::vector<uint8_t> Cut{0x02, 0xe2, 0x82, 0xac};
  Reader R(Cut.data(), Cut.data() + Cut.size());
  std::string S;
  EXPECT_TRUE(failsWith(R.readName(S), Malformed, "malformed UTF-8 encoding"));
  EXPECT_TRUE(
      failsWith(name(lengthPrefixed({0xc3})), Malformed, "malformed UTF-8 encoding"));
  // A continuation byte with no lead byte; a lead byte followed by ASCII.
  EXPECT_TRUE(
      failsWith(name(lengthPrefixed({0x80})), Malformed, "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(name(lengthPrefixed({0xe2, 0x41, 0x41})), Malformed,
                        "malformed UTF-8 encoding"));
  EXPECT_TRUE(
      failsWith(name(lengthPrefixed({0xff})), Malformed, "malformed UTF-8 encoding"));
}

TEST(ReaderName, LengthBeyondTheEnd) {
  EXPECT_TRUE(failsWith(name({0x05, 'a', 'b'}), Malformed, "length out of bounds"));
  EXPECT_TRUE(
      failsWith(name({0xff, 0xff, 0xff, 0xff, 0x0f}), Malformed, "length out of bounds"));
}

TEST(IsValidUtf8, AgreesWithReadName) {
  const uint8_t Ok[] = {'x', 0xc2, 0x80, 0xef, 0xbf, 0xbf};
  EXPECT_TRUE(isValidUtf8(Ok, sizeof(Ok)));
  EXPECT_TRUE(isValidUtf8(Ok, 0));
  // Cutting inside the last sequence makes it invalid.
  EXPECT_FALSE(isValidUtf8(Ok, sizeof(Ok) - 1));
}

//===--- Counts -----------------------------------------------------------===//

TEST(ReaderCount, CheckedAgainstTheBytesLeft) {
  std::vector<uint8_t> B{0x03, 1, 2, 3, 4, 5, 6};
  Reader R(B.data(), B.data() + B.size());
  uint32_t N;
  ASSERT_TRUE(R.readCount(N, 2).ok());
  EXPECT_EQ(N, 3u);

  Reader R3(B.data(), B.data() + B.size());
  EXPECT_TRUE(failsWith(R3.readCount(N, 3), Malformed, "length out of bounds"));
}

TEST(ReaderCount, HostileCountDoesNotOverflow) {
  // 0xFFFFFFFF elements of 0xFFFFFFFF bytes each: the product needs 64 bits.
  std::vector<uint8_t> B{0xff, 0xff, 0xff, 0xff, 0x0f, 0x00};
  Reader R(B.data(), B.data() + B.size());
  uint32_t N;
  EXPECT_TRUE(failsWith(R.readCount(N, UINT32_MAX), Malformed, "length out of bounds"));
}

TEST(ReaderCount, NonEmptyCountAtTheEnd) {
  std::vector<uint8_t> B{0x01};
  Reader R(B.data(), B.data() + B.size());
  uint32_t N;
  EXPECT_TRUE(failsWith(R.readCount(N), Malformed, "unexpected end"));
}

} // namespace
