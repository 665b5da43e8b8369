//===--- ClockRandomTest.cpp - Clocks and random_get (clock_random.c) -----===//
#include "WasiTestSupport.h"

#include <algorithm>

namespace wasmc::wasitest {
namespace {

/// Injected sources that record what they were asked.
struct Recorder {
  uint32_t Calls = 0;
  size_t Largest = 0;
  uint64_t Total = 0;
  uint32_t LastClock = 99;

  static uint16_t time(void *D, uint32_t Id, uint64_t, uint64_t *Out) {
    static_cast<Recorder *>(D)->LastClock = Id;
    *Out = 0x0102030405060708ull;
    return WASI_ERRNO_SUCCESS;
  }
  static uint16_t res(void *, uint32_t, uint64_t *Out) {
    *Out = 1000;
    return WASI_ERRNO_SUCCESS;
  }
  static uint16_t random(void *D, uint8_t *Buf, size_t Len) {
    auto *R = static_cast<Recorder *>(D);
    ++R->Calls;
    R->Largest = std::max(R->Largest, Len);
    R->Total += Len;
    std::memset(Buf, 0xab, Len);
    return WASI_ERRNO_SUCCESS;
  }
};

using ClockRandomTest = WasiTest;

TEST_F(ClockRandomTest, HostClocksTick) {
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), WASI_CLOCK_MONOTONIC, 1, 8), WASI_ERRNO_SUCCESS);
  uint64_t T0 = load64(8);
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), WASI_CLOCK_MONOTONIC, 1, 8), WASI_ERRNO_SUCCESS);
  EXPECT_GE(load64(8), T0);
  EXPECT_GT(T0, 0u);
  for (uint32_t Id = 0; Id <= WASI_CLOCK_THREAD_CPUTIME_ID; ++Id) {
    EXPECT_EQ(wasi_clock_res_get(&Ctx, mem(), Id, 16), WASI_ERRNO_SUCCESS);
    EXPECT_GT(load64(16), 0u);
  }
  // Realtime is after 2020 (in ns).
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), WASI_CLOCK_REALTIME, 0, 8), WASI_ERRNO_SUCCESS);
  EXPECT_GT(load64(8), 1577836800ull * 1000000000ull);
}

TEST_F(ClockRandomTest, BadIdsAndPointers) {
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), 4, 0, 8), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_clock_res_get(&Ctx, mem(), 0xffffffff, 8), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), 0, 0, MemSize - 7), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_clock_res_get(&Ctx, mem(), 0, MemSize - 4), WASI_ERRNO_FAULT);
  EXPECT_TRUE(untouched());
}

TEST_F(ClockRandomTest, SourcesAreInjected) {
  Recorder R;
  Ctx.sources = {Recorder::time, Recorder::res, Recorder::random, nullptr, &R};
  EXPECT_EQ(wasi_clock_time_get(&Ctx, mem(), WASI_CLOCK_PROCESS_CPUTIME_ID, 0, 8), 0);
  EXPECT_EQ(R.LastClock, uint32_t(WASI_CLOCK_PROCESS_CPUTIME_ID));
  EXPECT_EQ(std::memcmp(at(8), "\x08\x07\x06\x05\x04\x03\x02\x01", 8), 0);
  EXPECT_EQ(wasi_clock_res_get(&Ctx, mem(), 0, 16), 0);
  EXPECT_EQ(load64(16), 1000u);
}

TEST_F(ClockRandomTest, HostRandomFillsTheBuffer) {
  EXPECT_EQ(wasi_random_get(&Ctx, mem(), 1000, 64), WASI_ERRNO_SUCCESS);
  int NonZero = 0;
  for (int I = 0; I < 64; ++I)
    NonZero += *at(1000 + I) != 0;
  EXPECT_GT(NonZero, 0);
  EXPECT_EQ(*at(1064), 0);
  EXPECT_EQ(wasi_random_get(&Ctx, mem(), MemSize, 0), WASI_ERRNO_SUCCESS);
}

TEST_F(ClockRandomTest, HugeRequestsAreServedInBoundedChunks) {
  Recorder R;
  Ctx.sources = {Recorder::time, Recorder::res, Recorder::random, nullptr, &R};
  // The largest request that fits: the whole memory.
  EXPECT_EQ(wasi_random_get(&Ctx, mem(), 0, MemSize), WASI_ERRNO_SUCCESS);
  EXPECT_LE(R.Largest, size_t(WASI_RANDOM_CHUNK));
  EXPECT_EQ(R.Total, MemSize);
  EXPECT_TRUE(untouched(0xab));

  std::vector<uint8_t> Big(3 * WASI_RANDOM_CHUNK + 5);
  R = Recorder();
  EXPECT_EQ(wasi_random_get(&Ctx, {Big.data(), Big.size()}, 0, uint32_t(Big.size())), 0);
  EXPECT_EQ(R.Calls, 4u);
  EXPECT_EQ(R.Largest, size_t(WASI_RANDOM_CHUNK));
  EXPECT_EQ(R.Total, Big.size());

  // A length beyond memory faults before the source is asked for anything.
  R = Recorder();
  EXPECT_EQ(wasi_random_get(&Ctx, mem(), 0, 0xffffffff), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_random_get(&Ctx, mem(), 0xffffffff, 2), WASI_ERRNO_FAULT);
  EXPECT_EQ(R.Calls, 0u);
}

} // namespace
} // namespace wasmc::wasitest
