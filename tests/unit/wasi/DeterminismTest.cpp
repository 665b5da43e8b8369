//===--- DeterminismTest.cpp - Deterministic mode's sources (determinism.c) ===//
#include "WasiTestSupport.h"

extern "C" {
#include "internal.h"
}
#include "sha256.h"

namespace wasmc::wasitest {
namespace {

/// 2000-01-01T00:00:00Z in ns: `date -u -d @946684800` prints that date.
constexpr uint64_t Epoch = 946684800ull * 1000000000ull;

class DeterminismTest : public WasiTest {
protected:
  ~DeterminismTest() override { wasi_determinism_free(&Ctx); }

  /// Clock Id read through the guest interface, as a program would.
  uint64_t now(uint32_t Id) {
    EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), Id, 0, 8), WASI_ERRNO_SUCCESS);
    return load64(8);
  }
  /// The next Len bytes of the random stream.
  std::vector<uint8_t> random(uint32_t Len) {
    EXPECT_LE(Len, MemSize);
    EXPECT_EQ(wasi_random_get(&Ctx, mem(), 0, Len), WASI_ERRNO_SUCCESS);
    return {Bytes.begin(), Bytes.begin() + Len};
  }
};

/// Block I of seed's stream, as host.h defines it.
std::vector<uint8_t> block(uint64_t Seed, uint64_t I) {
  uint8_t Message[16];
  for (int B = 0; B < 8; ++B) {
    Message[B] = uint8_t(Seed >> (8 * B));
    Message[8 + B] = uint8_t(I >> (8 * B));
  }
  std::vector<uint8_t> Out(WASI_SHA256_SIZE);
  wasi_sha256(Message, sizeof Message, Out.data());
  return Out;
}

TEST_F(DeterminismTest, ClocksStartAtTheEpochAndAtZero) {
  EXPECT_EQ(WASI_DETERMINISTIC_EPOCH, Epoch);
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 1), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Ctx.deterministic, 1);
  EXPECT_EQ(now(WASI_CLOCK_REALTIME), Epoch);
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 1), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(now(WASI_CLOCK_MONOTONIC), 0u);
}

TEST_F(DeterminismTest, EveryReadAdvancesAllClocksByOneStep) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 7), WASI_ERRNO_SUCCESS);
  uint64_t Elapsed = 0;
  for (int Round = 0; Round < 5; ++Round)
    for (uint32_t Id = 0; Id <= WASI_CLOCK_THREAD_CPUTIME_ID; ++Id) {
      EXPECT_EQ(now(Id), (Id == WASI_CLOCK_REALTIME ? Epoch : 0) + Elapsed) << "clock " << Id;
      Elapsed += 1000;
    }
  // Neither resolution queries nor rejected reads move time.
  for (uint32_t Id = 0; Id <= WASI_CLOCK_THREAD_CPUTIME_ID; ++Id) {
    EXPECT_EQ(wasi_clock_res_get(&Ctx, mem(), Id, 16), WASI_ERRNO_SUCCESS);
    EXPECT_EQ(load64(16), 1000u);
  }
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), 4, 0, 8), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), 1, 0, MemSize - 7), WASI_ERRNO_FAULT);
  EXPECT_EQ(now(WASI_CLOCK_MONOTONIC), Elapsed);
}

TEST_F(DeterminismTest, LoopsWaitingForTimeEnd) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 7), WASI_ERRNO_SUCCESS);
  const uint64_t Start = now(WASI_CLOCK_MONOTONIC);
  int Reads = 0;
  while (now(WASI_CLOCK_MONOTONIC) < Start + 1000000 && Reads < 1000000)
    ++Reads;
  EXPECT_EQ(Reads, 999); // the 1000th read after Start sees 1 ms
}

TEST_F(DeterminismTest, RandomStreamIsSha256InCounterMode) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 42), WASI_ERRNO_SUCCESS);
  // From `printf '\x2a\0\0\0\0\0\0\0\x0N\0\0\0\0\0\0\0' | sha256sum`, N = 0
  // and 1, when this test was written.
  const char *Expected = "aefdce03def94ffed42159e55677ec20e91200e1981f25b1f271b6fd99c3c263"
                         "c953b283023f000d3b5411c5967055f5dfecc6c0d0082ae2b3b926a389a4841b";
  std::vector<uint8_t> Got = random(64);
  std::string Hex;
  for (uint8_t B : Got) {
    Hex += "0123456789abcdef"[B >> 4];
    Hex += "0123456789abcdef"[B & 15];
  }
  EXPECT_EQ(Hex, Expected);
}

TEST_F(DeterminismTest, RandomSplitDoesNotMatter) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 3), WASI_ERRNO_SUCCESS);
  std::vector<uint8_t> Whole = random(1000);
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 3), WASI_ERRNO_SUCCESS);
  std::vector<uint8_t> Pieces;
  for (uint32_t Len : {1u, 31u, 32u, 33u, 0u, 64u, 100u, 739u}) {
    std::vector<uint8_t> Piece = random(Len);
    Pieces.insert(Pieces.end(), Piece.begin(), Piece.end());
  }
  EXPECT_EQ(Pieces, Whole);
}

TEST_F(DeterminismTest, RequestsAcrossChunksFollowTheStream) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 0x0123456789abcdefull), WASI_ERRNO_SUCCESS);
  random(5); // start the big request inside a block
  std::vector<uint8_t> Big(2 * WASI_RANDOM_CHUNK + 100);
  ASSERT_EQ(wasi_random_get(&Ctx, {Big.data(), Big.size()}, 0, uint32_t(Big.size())), 0);
  std::vector<uint8_t> Expected;
  for (uint64_t I = 0; Expected.size() < 5 + Big.size(); ++I) {
    std::vector<uint8_t> B = block(0x0123456789abcdefull, I);
    Expected.insert(Expected.end(), B.begin(), B.end());
  }
  EXPECT_TRUE(std::equal(Big.begin(), Big.end(), Expected.begin() + 5));
}

TEST_F(DeterminismTest, SameSeedSameRunDifferentSeedDifferentBytes) {
  // Clocks and random interleaved, as a program would use them.
  auto run = [](uint64_t Seed) {
    wasi_ctx C;
    wasi_ctx_init(&C);
    std::vector<uint8_t> M(256);
    wasi_mem Mem = {M.data(), M.size()};
    EXPECT_EQ(wasi_ctx_set_deterministic(&C, Seed), WASI_ERRNO_SUCCESS);
    EXPECT_EQ(wasi_clock_time_get(&C, Mem, WASI_CLOCK_REALTIME, 0, 0), 0);
    EXPECT_EQ(wasi_random_get(&C, Mem, 8, 40), 0);
    EXPECT_EQ(wasi_clock_time_get(&C, Mem, WASI_CLOCK_MONOTONIC, 0, 48), 0);
    EXPECT_EQ(wasi_random_get(&C, Mem, 56, 200), 0);
    wasi_determinism_free(&C);
    return M;
  };
  EXPECT_EQ(run(99), run(99));
  std::vector<uint8_t> A = run(99), B = run(100);
  // The clock readings agree; the random bytes do not.
  EXPECT_TRUE(std::equal(A.begin(), A.begin() + 8, B.begin()));
  EXPECT_TRUE(std::equal(A.begin() + 48, A.begin() + 56, B.begin() + 48));
  EXPECT_FALSE(std::equal(A.begin() + 8, A.begin() + 48, B.begin() + 8));
  EXPECT_FALSE(std::equal(A.begin() + 56, A.end(), B.begin() + 56));
}

TEST_F(DeterminismTest, SettingAgainRestartsClocksAndStream) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 5), WASI_ERRNO_SUCCESS);
  std::vector<uint8_t> First = random(50);
  now(WASI_CLOCK_MONOTONIC);
  void *State = Ctx.sources.data;
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 5), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Ctx.sources.data, State); // reused, not leaked
  EXPECT_EQ(random(50), First);
  EXPECT_EQ(now(WASI_CLOCK_MONOTONIC), 0u);
}

TEST_F(DeterminismTest, FreeingIsIdempotentAndLeavesHostSourcesAlone) {
  wasi_determinism_free(&Ctx); // host sources: nothing to free
  EXPECT_GT(now(WASI_CLOCK_REALTIME), Epoch + 20 * 365 * 86400ull * 1000000000ull);
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 5), WASI_ERRNO_SUCCESS);
  wasi_determinism_free(&Ctx);
  EXPECT_EQ(Ctx.sources.data, nullptr);
  wasi_determinism_free(&Ctx);
  // Deterministic again after a free: a new state.
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 5), WASI_ERRNO_SUCCESS);
  EXPECT_NE(Ctx.sources.data, nullptr);
  EXPECT_EQ(now(WASI_CLOCK_MONOTONIC), 0u);
}

} // namespace
} // namespace wasmc::wasitest
