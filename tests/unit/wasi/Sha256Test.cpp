//===--- Sha256Test.cpp - SHA-256 (sha256.c) ------------------------------===//
//
/// Expected values: the FIPS 180-4 examples (NIST's "Example Algorithm"
/// pages), and for the padding boundaries `head -c N /dev/zero | tr '\0' a
/// | sha256sum` (GNU coreutils), run when these tests were written.
//
//===----------------------------------------------------------------------===//
#include "sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace {

std::string hex(const uint8_t *Bytes) {
  static const char Digits[] = "0123456789abcdef";
  std::string S;
  for (unsigned I = 0; I < WASI_SHA256_SIZE; ++I) {
    S += Digits[Bytes[I] >> 4];
    S += Digits[Bytes[I] & 15];
  }
  return S;
}

std::string sha256(const std::string &Data) {
  uint8_t Out[WASI_SHA256_SIZE];
  wasi_sha256(Data.data(), Data.size(), Out);
  return hex(Out);
}

TEST(Sha256Test, FipsExamples) {
  EXPECT_EQ(sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(sha256("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                   "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(sha256(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256Test, OneMillionAsInPieces) {
  // 1000 updates of 1000 bytes: most start and end inside a block.
  std::string Piece(1000, 'a');
  wasi_sha256_ctx H;
  wasi_sha256_init(&H);
  for (int I = 0; I < 1000; ++I)
    wasi_sha256_update(&H, Piece.data(), Piece.size());
  uint8_t Out[WASI_SHA256_SIZE];
  wasi_sha256_final(&H, Out);
  EXPECT_EQ(hex(Out), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// 55 bytes leave room for the 1 bit and the length in the last block; 56
// to 63 push the length into one more block; 64 fills one exactly.
TEST(Sha256Test, PaddingBoundaries) {
  EXPECT_EQ(sha256(std::string(55, 'a')),
            "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  EXPECT_EQ(sha256(std::string(56, 'a')),
            "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  EXPECT_EQ(sha256(std::string(63, 'a')),
            "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34");
  EXPECT_EQ(sha256(std::string(64, 'a')),
            "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
  EXPECT_EQ(sha256(std::string(119, 'a')),
            "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb");
  EXPECT_EQ(sha256(std::string(120, 'a')),
            "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c");
}

TEST(Sha256Test, SplitDoesNotMatter) {
  std::string Data;
  for (int I = 0; I < 200; ++I)
    Data += char(I * 7 + 3);
  const std::string Whole = sha256(Data);
  for (size_t Cut = 0; Cut <= Data.size(); ++Cut) {
    wasi_sha256_ctx H;
    wasi_sha256_init(&H);
    wasi_sha256_update(&H, Data.data(), Cut);
    wasi_sha256_update(&H, Data.data() + Cut, Data.size() - Cut);
    uint8_t Out[WASI_SHA256_SIZE];
    wasi_sha256_final(&H, Out);
    EXPECT_EQ(hex(Out), Whole) << "cut at " << Cut;
  }
  // Empty updates, with no buffer at all, add nothing.
  wasi_sha256_ctx H;
  wasi_sha256_init(&H);
  wasi_sha256_update(&H, nullptr, 0);
  wasi_sha256_update(&H, "abc", 3);
  wasi_sha256_update(&H, nullptr, 0);
  uint8_t Out[WASI_SHA256_SIZE];
  wasi_sha256_final(&H, Out);
  EXPECT_EQ(hex(Out), sha256("abc"));
}

} // namespace
