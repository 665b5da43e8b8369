//===--- DigestTest.cpp - The output digest (digest.c) ---------------------===//
#include "WasiTestSupport.h"

extern "C" {
#include "internal.h"
}

#include <utility>

namespace wasmc::wasitest {
namespace {

using Writes = std::vector<std::pair<uint32_t, std::string>>;

std::string hex(const uint8_t Digest[32]) {
  char Out[65];
  wasi_digest_hex(Digest, Out);
  return Out;
}

/// The digest of a run that made Ws (fd, bytes) in order and ended with
/// Status.
std::string digest(const Writes &Ws, uint32_t Status) {
  wasi_ctx C;
  wasi_ctx_init(&C);
  EXPECT_EQ(wasi_ctx_enable_digest(&C), WASI_ERRNO_SUCCESS);
  for (const auto &[Fd, Data] : Ws)
    wasi_digest_note(&C, Fd, reinterpret_cast<const uint8_t *>(Data.data()), Data.size());
  uint8_t Out[32];
  wasi_ctx_digest_final(&C, Status, Out);
  wasi_digest_free(&C);
  return hex(Out);
}

// Pinned with sha256sum over the byte format host.h documents, e.g.
//   { printf '\x01\0\0\0hello\n\x06\0\0\0\0\0\0\0\x02\0\0\0oops\x04\0\0\0\0\0\0\0'
//     printf '\x01\0\0\0bye\n\x04\0\0\0\0\0\0\0\x03\0\0\0'; } | sha256sum
// when this test was written.
TEST(DigestTest, KnownValues) {
  EXPECT_EQ(digest({{1, "hello\n"}, {2, "oops"}, {1, "bye\n"}}, 3),
            "741576b4f91817cf54dfc28795dbdd8c68a8e4231488dcb39e756ab32413fd8e");
  // host.h's example: "hi" to fd 1, exit status 0.
  EXPECT_EQ(digest({{1, "hi"}}, 0),
            "45ebb717e9cd9d4016ac21442448fb81c6d90a6c8966afce8e4d99aefb76bde7");
  // Nothing written: SHA-256 of LE32(0) alone.
  EXPECT_EQ(digest({}, 0), "df3f619804a92fdb4057192dc43dd748ea778adc52bc498ce80524c014b81119");
}

TEST(DigestTest, HowWritesAreSplitDoesNotMatter) {
  const std::string Whole = digest({{1, "hello\n"}, {2, "oops"}, {1, "bye\n"}}, 3);
  EXPECT_EQ(digest({{1, "h"}, {1, "ello"}, {1, "\n"}, {2, "oo"}, {2, "ps"}, {1, "bye\n"}}, 3),
            Whole);
  // Empty writes, even to another descriptor, are nothing.
  EXPECT_EQ(digest({{1, "hel"}, {2, ""}, {1, "lo\n"}, {7, ""}, {2, "oops"}, {1, "bye\n"}}, 3),
            Whole);
  EXPECT_EQ(digest({{1, "ab"}}, 0), digest({{1, "a"}, {1, "b"}}, 0));
}

TEST(DigestTest, DescriptorsAndInterleavingMatter) {
  const std::string Base = digest({{1, "ab"}, {2, "c"}}, 0);
  EXPECT_NE(digest({{2, "ab"}, {2, "c"}}, 0), Base); // all on one fd
  EXPECT_NE(digest({{2, "c"}, {1, "ab"}}, 0), Base); // other order
  EXPECT_NE(digest({{1, "a"}, {2, "c"}, {1, "b"}}, 0), Base);
  EXPECT_NE(digest({{1, "a"}, {2, "bc"}}, 0), Base); // a byte changed fd
  EXPECT_NE(digest({{1, "abc"}}, 0), Base);
  EXPECT_NE(digest({{1, "ab"}, {2, "d"}}, 0), Base); // a byte changed
  EXPECT_NE(digest({{1, "ab"}, {2, "c"}, {1, ""}, {2, std::string(1, '\0')}}, 0), Base);
}

TEST(DigestTest, ExitStatusMatters) {
  const Writes Ws = {{1, "out"}};
  EXPECT_NE(digest(Ws, 0), digest(Ws, 1));
  EXPECT_NE(digest({}, 0), digest({}, 0x100));
}

TEST(DigestTest, FinalLeavesTheDigestRunning) {
  wasi_ctx C;
  wasi_ctx_init(&C);
  ASSERT_EQ(wasi_ctx_enable_digest(&C), WASI_ERRNO_SUCCESS);
  wasi_digest_note(&C, 1, reinterpret_cast<const uint8_t *>("a"), 1);
  uint8_t First[32], Again[32];
  wasi_ctx_digest_final(&C, 0, First);
  wasi_ctx_digest_final(&C, 0, Again);
  EXPECT_EQ(hex(First), hex(Again));
  EXPECT_EQ(hex(First), digest({{1, "a"}}, 0));
  // The open run continues after final.
  wasi_digest_note(&C, 1, reinterpret_cast<const uint8_t *>("b"), 1);
  wasi_ctx_digest_final(&C, 0, Again);
  EXPECT_EQ(hex(Again), digest({{1, "ab"}}, 0));
  // Enabling again starts over.
  ASSERT_EQ(wasi_ctx_enable_digest(&C), WASI_ERRNO_SUCCESS);
  wasi_ctx_digest_final(&C, 0, Again);
  EXPECT_EQ(hex(Again), digest({}, 0));
  wasi_digest_free(&C);
  EXPECT_EQ(C.digest, nullptr);
  wasi_digest_free(&C);
}

TEST(DigestTest, WithoutDigestNothingIsRecorded) {
  wasi_ctx C;
  wasi_ctx_init(&C);
  wasi_digest_note(&C, 1, reinterpret_cast<const uint8_t *>("x"), 1);
  EXPECT_EQ(C.digest, nullptr);
}

using DigestWriteTest = WasiTest;

// The write path notes exactly the bytes it wrote: a gather write of three
// buffers and a later one digest like the same bytes written at once.
TEST_F(DigestWriteTest, FdWriteFeedsTheDigest) {
  Pipe Out, Err;
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 1, Out.Write, WASI_RIGHTS_STDOUT), 0);
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 2, Err.Write, WASI_RIGHTS_STDOUT), 0);
  ASSERT_EQ(wasi_ctx_enable_digest(&Ctx), WASI_ERRNO_SUCCESS);
  std::memcpy(at(100), "hello\noops", 10);
  iovec(0, 100, 3); // "hel"
  iovec(8, 200, 0); // empty
  iovec(16, 103, 3); // "lo\n"
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 3, 64), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(64), 6u);
  iovec(0, 106, 4); // "oops"
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 2, 0, 1, 64), WASI_ERRNO_SUCCESS);
  uint8_t Got[32];
  wasi_ctx_digest_final(&Ctx, 0, Got);
  wasi_digest_free(&Ctx);
  EXPECT_EQ(hex(Got), digest({{1, "hello\n"}, {2, "oops"}}, 0));
}

TEST(DigestTest, Hex) {
  uint8_t D[32];
  for (int I = 0; I < 32; ++I)
    D[I] = uint8_t(I * 8 + 0x0f);
  EXPECT_EQ(hex(D), "0f171f272f373f474f575f676f777f878f979fa7afb7bfc7cfd7dfe7eff7ff07");
}

} // namespace
} // namespace wasmc::wasitest
