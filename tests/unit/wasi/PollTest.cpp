//===--- PollTest.cpp - poll_oneoff (wasi-host/poll.c) --------------------===//
#include "FsTestSupport.h"

#include <chrono>

namespace wasmc::wasitest {
namespace {

class PollTest : public WasiFsTest {
protected:
  static constexpr uint32_t In = 8192, Out = 32768;
  PollTest() {
    EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 0, Input.Read, WASI_RIGHTS_STDIN), 0);
    EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 1, Output.Write, WASI_RIGHTS_STDOUT), 0);
  }
  void store64(uint32_t A, uint64_t V) {
    store32(A, uint32_t(V));
    store32(A + 4, uint32_t(V >> 32));
  }
  /// Subscription I: a clock.
  void clock(uint32_t I, uint64_t User, uint32_t Id, uint64_t Timeout, bool Abs = false) {
    uint32_t S = In + 48 * I;
    std::memset(at(S), 0, 48);
    store64(S, User);
    *at(S + 8) = 0;
    store32(S + 16, Id);
    store64(S + 24, Timeout);
    *at(S + 40) = Abs ? 1 : 0;
  }
  /// Subscription I: fd_read (Type 1) or fd_write (Type 2).
  void fdSub(uint32_t I, uint64_t User, uint8_t Type, uint32_t Fd) {
    uint32_t S = In + 48 * I;
    std::memset(at(S), 0, 48);
    store64(S, User);
    *at(S + 8) = Type;
    store32(S + 16, Fd);
  }
  uint32_t poll(uint32_t N) {
    EXPECT_EQ(wasi_poll_oneoff(&Ctx, mem(), In, Out, N, 8), WASI_ERRNO_SUCCESS);
    return load32(8);
  }
  uint64_t user(uint32_t E) { return load64(Out + 32 * E); }
  uint16_t error(uint32_t E) { return uint16_t(load32(Out + 32 * E + 8)); }
  uint8_t type(uint32_t E) { return *at(Out + 32 * E + 10); }
  Pipe Input, Output;
};

TEST_F(PollTest, RelativeClockWaits) {
  clock(0, 42, WASI_CLOCK_MONOTONIC, 20000000); // 20 ms
  auto T0 = std::chrono::steady_clock::now();
  ASSERT_EQ(poll(1), 1u);
  EXPECT_GE(std::chrono::steady_clock::now() - T0, std::chrono::milliseconds(19));
  EXPECT_EQ(user(0), 42u);
  EXPECT_EQ(error(0), 0);
  EXPECT_EQ(type(0), 0);
}

TEST_F(PollTest, AbsoluteClockInThePastFiresAtOnce) {
  clock(0, 1, WASI_CLOCK_REALTIME, 1, true);
  clock(1, 2, WASI_CLOCK_MONOTONIC, uint64_t(3600) * 1000000000); // an hour
  ASSERT_EQ(poll(2), 1u);
  EXPECT_EQ(user(0), 1u);
}

TEST_F(PollTest, ReadyDescriptorsWinOverClocks) {
  ASSERT_EQ(write(Input.Write, "abc", 3), 3);
  fdSub(0, 7, 1, 0);
  fdSub(1, 8, 2, 1);
  clock(2, 9, WASI_CLOCK_MONOTONIC, uint64_t(3600) * 1000000000);
  ASSERT_EQ(poll(3), 2u);
  EXPECT_EQ(user(0), 7u);
  EXPECT_EQ(type(0), 1);
  EXPECT_EQ(load64(Out + 16), 3u); // bytes available
  EXPECT_EQ(user(1), 8u);
  EXPECT_EQ(type(1), 2);
}

TEST_F(PollTest, HangupIsReported) {
  Input.closeWrite();
  fdSub(0, 1, 1, 0);
  ASSERT_EQ(poll(1), 1u);
  EXPECT_EQ(load32(Out + 24) & 0xffff, 1u); // fd_readwrite.flags: hangup
}

TEST_F(PollTest, RegularFilesAreAlwaysReady) {
  writeHost(Root + "/f", "12345");
  uint32_t Fd;
  ASSERT_EQ(openAt(3, "f", 0, WASI_RIGHT_FD_READ | WASI_RIGHT_POLL_FD_READWRITE, &Fd),
            WASI_ERRNO_SUCCESS);
  fdSub(0, 5, 1, Fd);
  ASSERT_EQ(poll(1), 1u);
  EXPECT_EQ(error(0), 0);
  EXPECT_EQ(load64(Out + 16), 5u);
}

TEST_F(PollTest, BadSubscriptionsAreEventsWithErrors) {
  fdSub(0, 1, 1, 30);                  // not open
  fdSub(1, 2, 1, 1);                   // stdout cannot be read
  clock(2, 3, 9, 0);                   // no such clock
  fdSub(3, 4, 7, 0);                   // no such type
  ASSERT_EQ(poll(4), 4u);
  EXPECT_EQ(error(0), WASI_ERRNO_BADF);
  EXPECT_EQ(error(1), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(error(2), WASI_ERRNO_INVAL);
  EXPECT_EQ(error(3), WASI_ERRNO_INVAL);
  EXPECT_EQ(user(3), 4u);
}

TEST_F(PollTest, CallErrors) {
  EXPECT_EQ(wasi_poll_oneoff(&Ctx, mem(), In, Out, 0, 8), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_poll_oneoff(&Ctx, mem(), In, Out, 0xffffffff, 8), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_poll_oneoff(&Ctx, mem(), MemSize - 40, Out, 1, 8), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_poll_oneoff(&Ctx, mem(), In, MemSize - 16, 1, 8), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_poll_oneoff(&Ctx, mem(), In, Out, 1, MemSize - 2), WASI_ERRNO_FAULT);
}

TEST_F(PollTest, ManySubscriptionsNeedNoAllocation) {
  // 300 subscriptions on the same descriptor: one pollfd, 300 events.
  ASSERT_EQ(write(Input.Write, "x", 1), 1);
  for (uint32_t I = 0; I < 300; ++I)
    fdSub(I, I, 1, 0);
  ASSERT_EQ(poll(300), 300u);
  EXPECT_EQ(user(299), 299u);
}

/// A virtual clock: starts at 1000 and never moves.
uint16_t fixedClock(void *, uint32_t, uint64_t, uint64_t *Out) {
  *Out = 1000;
  return WASI_ERRNO_SUCCESS;
}

TEST_F(PollTest, DeterministicClocksNeverWait) {
  Ctx.deterministic = 1;
  Ctx.sources.clock_time = fixedClock;
  clock(0, 1, WASI_CLOCK_MONOTONIC, uint64_t(3600) * 1000000000); // an hour
  clock(1, 2, WASI_CLOCK_REALTIME, 500, false);                    // due first
  clock(2, 3, WASI_CLOCK_REALTIME, 1500, true);                    // same deadline
  auto T0 = std::chrono::steady_clock::now();
  ASSERT_EQ(poll(3), 2u);
  EXPECT_LT(std::chrono::steady_clock::now() - T0, std::chrono::seconds(1));
  EXPECT_EQ(user(0), 2u);
  EXPECT_EQ(user(1), 3u);
}

TEST_F(PollTest, DeterministicSleepLetsVirtualTimePass) {
  ASSERT_EQ(wasi_ctx_set_deterministic(&Ctx, 1), WASI_ERRNO_SUCCESS);
  uint64_t Before = 0, After = 0;
  ASSERT_EQ(Ctx.sources.clock_time(Ctx.sources.data, WASI_CLOCK_MONOTONIC, 1, &Before), 0);
  clock(0, 7, WASI_CLOCK_MONOTONIC, 5000000); // 5 ms from now
  auto T0 = std::chrono::steady_clock::now();
  ASSERT_EQ(poll(1), 1u);
  EXPECT_LT(std::chrono::steady_clock::now() - T0, std::chrono::seconds(1));
  ASSERT_EQ(Ctx.sources.clock_time(Ctx.sources.data, WASI_CLOCK_MONOTONIC, 1, &After), 0);
  EXPECT_GE(After - Before, 5000000u);
  EXPECT_EQ(user(0), 7u);
  wasi_ctx_destroy(&Ctx);
}

} // namespace
} // namespace wasmc::wasitest
