//===--- FdTest.cpp - Descriptor functions over streams (wasi-host/fd.c) --===//
#include "WasiTestSupport.h"

#include <csignal>
#include <fcntl.h>

namespace wasmc::wasitest {
namespace {

/// Guest fd 1 writes to a pipe, fd 0 reads from another.
class FdTest : public WasiTest {
protected:
  FdTest() {
    EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 1, Out.Write, WASI_RIGHTS_STDOUT), 0);
    EXPECT_EQ(wasi_ctx_set_stream(&Ctx, 0, In.Read, WASI_RIGHTS_STDIN), 0);
  }
  Pipe Out, In;
};

//===--- fd_write, fd_read ------------------------------------------------===//

TEST_F(FdTest, WriteGathersIovecsIntoThePipe) {
  std::memcpy(at(64), "hello, world", 12);
  iovec(0, 64, 7);
  iovec(8, 0, 0); // empty buffers are skipped
  iovec(16, 71, 5);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 3, 32), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(32), 12u);
  Out.closeWrite();
  EXPECT_EQ(Out.drain(), "hello, world");
}

TEST_F(FdTest, WriteChecksEveryPointerBeforeWriting) {
  std::memcpy(at(64), "data", 4);
  iovec(0, 64, 4);
  iovec(8, MemSize - 2, 3); // runs off the end
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 2, 32), WASI_ERRNO_FAULT);
  iovec(8, 0xffffffff, 1); // wraps in 32 bits
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 2, 32), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, MemSize - 12, 2, 32), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 1, MemSize - 2), WASI_ERRNO_FAULT);
  // A huge count is rejected before its array is looked at.
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 1u << 29, 32), WASI_ERRNO_INVAL);
  EXPECT_EQ(load32(32), 0u);
  Out.closeWrite();
  EXPECT_EQ(Out.drain(), "");
}

TEST_F(FdTest, IovecCountIsBounded) {
  // WASI_IOV_MAX empty iovecs (8 KiB of array) are fine; one more is not.
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 1024, WASI_IOV_MAX, 0), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(0), 0u);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 1024, WASI_IOV_MAX + 1, 0), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_read(&Ctx, mem(), 0, 1024, WASI_IOV_MAX + 1, 0), WASI_ERRNO_INVAL);
}

TEST_F(FdTest, OverlappingBuffersNeverOverflowTheCount) {
  // 1024 iovecs over the same 4 MiB are 2^32 bytes: more than the u32
  // count can report. The host transfers at most UINT32_MAX (Linux caps
  // one writev lower still).
  std::vector<uint8_t> Big(4u << 20);
  wasi_mem M = {Big.data(), Big.size()};
  for (uint32_t I = 0; I < WASI_IOV_MAX; ++I) {
    uint8_t *P = Big.data() + 8 * I;
    uint32_t Len = 4u << 20;
    std::memset(P, 0, 4);
    std::memcpy(P + 4, &Len, 4); // little-endian host
  }
  int Null = open("/dev/null", O_WRONLY);
  ASSERT_GE(Null, 0);
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 7, Null, WASI_RIGHTS_STDOUT), 0);
  uint32_t CountAt = 65536;
  EXPECT_EQ(wasi_fd_write(&Ctx, M, 7, 0, WASI_IOV_MAX, CountAt), WASI_ERRNO_SUCCESS);
  uint32_t Count;
  std::memcpy(&Count, Big.data() + CountAt, 4);
  EXPECT_GT(Count, 0u);
  close(Null);
}

TEST_F(FdTest, ReadScattersFromThePipe) {
  ASSERT_EQ(write(In.Write, "abcdef", 6), 6);
  iovec(0, 100, 2);
  iovec(8, 200, 10);
  EXPECT_EQ(wasi_fd_read(&Ctx, mem(), 0, 0, 2, 16), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(16), 6u);
  EXPECT_EQ(std::memcmp(at(100), "ab", 2), 0);
  EXPECT_EQ(std::memcmp(at(200), "cdef", 4), 0);
  In.closeWrite();
  EXPECT_EQ(wasi_fd_read(&Ctx, mem(), 0, 0, 2, 16), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(16), 0u); // end of file
}

TEST_F(FdTest, RightsAreCheckedFirst) {
  iovec(0, 100, 1);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 0, 0, 1, 16), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_read(&Ctx, mem(), 1, 0, 1, 16), WASI_ERRNO_NOTCAPABLE);
  // Even with bad pointers: the descriptor is judged before its arguments.
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 0, 0xfffffff0, 1, 16), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 9, 0xfffffff0, 1, 16), WASI_ERRNO_BADF);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), WASI_MAX_FDS, 0, 1, 16), WASI_ERRNO_BADF);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 0xffffffff, 0, 1, 16), WASI_ERRNO_BADF);
}

TEST_F(FdTest, BrokenPipeIsAnErrno) {
  void (*Old)(int) = std::signal(SIGPIPE, SIG_IGN);
  close(Out.Read);
  Out.Read = -1;
  iovec(0, 100, 1);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 1, 16), WASI_ERRNO_PIPE);
  std::signal(SIGPIPE, Old);
}

//===--- fd_close and queries ---------------------------------------------===//

TEST_F(FdTest, CloseForgetsTheStreamButKeepsTheHostDescriptor) {
  EXPECT_EQ(wasi_fd_close(&Ctx, mem(), 1), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_close(&Ctx, mem(), 1), WASI_ERRNO_BADF);
  iovec(0, 100, 1);
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), 1, 0, 1, 16), WASI_ERRNO_BADF);
  EXPECT_EQ(write(Out.Write, "x", 1), 1); // still open on the host
  EXPECT_EQ(wasi_fd_close(&Ctx, mem(), 42), WASI_ERRNO_BADF);
}

TEST_F(FdTest, FdstatReportsTypeFlagsAndRights) {
  std::memset(at(0), 0xee, 64);
  EXPECT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), 1, 8), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(8), WASI_FILETYPE_UNKNOWN); // a pipe
  EXPECT_EQ(*at(9), 0);                     // padding cleared
  EXPECT_EQ(load32(10) & 0xffff, 0u);       // no fdflags
  EXPECT_EQ(load64(16), WASI_RIGHTS_STDOUT);
  EXPECT_EQ(load64(24), 0u); // streams open nothing
  EXPECT_EQ(*at(32), 0xee); // nothing past the 24 bytes

  int Null = open("/dev/null", O_WRONLY | O_APPEND);
  ASSERT_GE(Null, 0);
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 5, Null, WASI_RIGHT_FD_WRITE), 0);
  EXPECT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), 5, 8), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(8), WASI_FILETYPE_CHARACTER_DEVICE);
  EXPECT_EQ(load32(10) & 0xffff, WASI_FDFLAG_APPEND);
  close(Null);

  EXPECT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), 1, MemSize - 23), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), 3, 8), WASI_ERRNO_BADF);
}

TEST_F(FdTest, FilestatOfAStreamIsItsTypeOnly) {
  std::memset(at(0), 0xee, 128);
  EXPECT_EQ(wasi_fd_filestat_get(&Ctx, mem(), 1, 0), WASI_ERRNO_SUCCESS);
  for (uint32_t I = 0; I < WASI_FILESTAT_SIZE; ++I)
    EXPECT_EQ(*at(I), I == 16 ? WASI_FILETYPE_UNKNOWN : 0) << I;
  EXPECT_EQ(*at(64), 0xee);
  EXPECT_EQ(wasi_fd_filestat_get(&Ctx, mem(), 1, MemSize - 63), WASI_ERRNO_FAULT);
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 6, Out.Write, WASI_RIGHT_FD_WRITE), 0);
  EXPECT_EQ(wasi_fd_filestat_get(&Ctx, mem(), 6, 0), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_filestat_get(&Ctx, mem(), 8, 0), WASI_ERRNO_BADF);
}

TEST_F(FdTest, StreamsAreNotSeekable) {
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), 1, 0, WASI_WHENCE_CUR, 0), WASI_ERRNO_SPIPE);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), 1, 0, 3, 0), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), 4, 0, WASI_WHENCE_SET, 0), WASI_ERRNO_BADF);
  EXPECT_EQ(wasi_fd_tell(&Ctx, mem(), 0, 0), WASI_ERRNO_SPIPE);
  EXPECT_EQ(wasi_fd_tell(&Ctx, mem(), 4, 0), WASI_ERRNO_BADF);
  EXPECT_TRUE(untouched());
}

TEST_F(FdTest, NoPreopens) {
  for (uint32_t Fd : {0u, 1u, 3u, 100u}) {
    EXPECT_EQ(wasi_fd_prestat_get(&Ctx, mem(), Fd, 0), WASI_ERRNO_BADF);
    EXPECT_EQ(wasi_fd_prestat_dir_name(&Ctx, mem(), Fd, 0, 10), WASI_ERRNO_BADF);
  }
  EXPECT_TRUE(untouched());
}

} // namespace
} // namespace wasmc::wasitest
