//===--- FdFileTest.cpp - Descriptor functions on files (wasi-host/fd.c) --===//
#include "FsTestSupport.h"

namespace wasmc::wasitest {
namespace {

class FdFileTest : public WasiFsTest {
protected:
  FdFileTest() {
    writeHost(Root + "/data", "0123456789");
    EXPECT_EQ(openAt(3, "data", 0, WASI_RIGHTS_REGULAR_FILE, &File), WASI_ERRNO_SUCCESS);
  }
  std::string readAt(uint32_t Fd, uint32_t Len, int64_t Offset = -1) {
    iovec(32, 4096, Len);
    uint16_t Err = Offset < 0 ? wasi_fd_read(&Ctx, mem(), Fd, 32, 1, 40)
                              : wasi_fd_pread(&Ctx, mem(), Fd, 32, 1, uint64_t(Offset), 40);
    if (Err != WASI_ERRNO_SUCCESS)
      return "errno " + std::to_string(Err);
    return std::string(reinterpret_cast<char *>(at(4096)), load32(40));
  }
  uint32_t File = 0;
};

TEST_F(FdFileTest, SeekTellAndRead) {
  EXPECT_EQ(readAt(File, 3), "012");
  EXPECT_EQ(wasi_fd_tell(&Ctx, mem(), File, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load64(200), 3u);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), File, -2, WASI_WHENCE_END, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load64(200), 8u);
  EXPECT_EQ(readAt(File, 5), "89");
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), File, 1, WASI_WHENCE_SET, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), File, 2, WASI_WHENCE_CUR, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load64(200), 3u);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), File, -100, WASI_WHENCE_CUR, 200), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), File, 0, 3, 200), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), File, 0, WASI_WHENCE_SET, MemSize - 4), WASI_ERRNO_FAULT);
}

TEST_F(FdFileTest, PreadPwriteLeaveThePositionAlone) {
  EXPECT_EQ(readAt(File, 4, 5), "5678");
  put(4096, "AB");
  iovec(32, 4096, 2);
  EXPECT_EQ(wasi_fd_pwrite(&Ctx, mem(), File, 32, 1, 2, 40), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(40), 2u);
  EXPECT_EQ(readHost(Root + "/data"), "01AB456789");
  EXPECT_EQ(wasi_fd_tell(&Ctx, mem(), File, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load64(200), 0u);
  EXPECT_EQ(wasi_fd_pread(&Ctx, mem(), File, 32, 1, uint64_t(1) << 63, 40), WASI_ERRNO_INVAL);
}

TEST_F(FdFileTest, RightsComeFirst) {
  uint32_t Ro;
  ASSERT_EQ(openAt(3, "data", 0, WASI_RIGHT_FD_READ, &Ro), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(writeFd(Ro, "x"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), Ro, 1, WASI_WHENCE_SET, 200), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_tell(&Ctx, mem(), Ro, 200), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(readAt(Ro, 2, 0), "errno " + std::to_string(WASI_ERRNO_NOTCAPABLE));
  EXPECT_EQ(wasi_fd_sync(&Ctx, mem(), Ro), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_allocate(&Ctx, mem(), Ro, 0, 100), WASI_ERRNO_NOTCAPABLE);
  // Rights before pointers: nothing is looked at in guest memory.
  EXPECT_EQ(wasi_fd_write(&Ctx, mem(), Ro, 0xfffffff0, 1, 0xfffffff0), WASI_ERRNO_NOTCAPABLE);
  // Directories cannot be read, written or seeked.
  EXPECT_EQ(readAt(3, 2), "errno " + std::to_string(WASI_ERRNO_NOTCAPABLE));
  EXPECT_EQ(wasi_fd_seek(&Ctx, mem(), 3, 0, WASI_WHENCE_CUR, 200), WASI_ERRNO_NOTCAPABLE);
}

TEST_F(FdFileTest, HugeIovecCountsAreInval) {
  EXPECT_EQ(wasi_fd_read(&Ctx, mem(), File, 0, WASI_IOV_MAX + 1, 40), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_pwrite(&Ctx, mem(), File, 0, 0x80000000u, 0, 40), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_pread(&Ctx, mem(), File, 0, 0xffffffffu, 0, 40), WASI_ERRNO_INVAL);
  EXPECT_EQ(readHost(Root + "/data"), "0123456789");
}

TEST_F(FdFileTest, GuessingDescriptorsFindsOnlyBadf) {
  for (uint32_t Fd : {0u, 1u, 2u, 5u, 63u, 64u, 65u, 1000u, 0x7fffffffu, 0xffffffffu}) {
    if (Fd == File)
      continue;
    EXPECT_EQ(readAt(Fd, 1), "errno " + std::to_string(WASI_ERRNO_BADF)) << Fd;
    EXPECT_EQ(openAt(Fd, "data", 0, WASI_RIGHT_FD_READ), WASI_ERRNO_BADF) << Fd;
    EXPECT_EQ(wasi_fd_close(&Ctx, mem(), Fd), WASI_ERRNO_BADF) << Fd;
    EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), Fd, File), WASI_ERRNO_BADF) << Fd;
    EXPECT_EQ(wasi_fd_prestat_get(&Ctx, mem(), Fd, 200), WASI_ERRNO_BADF) << Fd;
  }
}

TEST_F(FdFileTest, CloseReleasesTheSlot) {
  EXPECT_EQ(wasi_fd_close(&Ctx, mem(), File), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_close(&Ctx, mem(), File), WASI_ERRNO_BADF);
  uint32_t Again;
  ASSERT_EQ(openAt(3, "data", 0, WASI_RIGHT_FD_READ, &Again), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Again, File); // the lowest free descriptor
}

TEST_F(FdFileTest, Renumber) {
  uint32_t Other;
  writeHost(Root + "/other", "other");
  ASSERT_EQ(openAt(3, "other", 0, WASI_RIGHT_FD_READ, &Other), WASI_ERRNO_SUCCESS);
  // Onto itself: refused, and the descriptor stays open and usable.
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), File, File), WASI_ERRNO_INVAL);
  EXPECT_EQ(readAt(File, 2), "01");
  // Onto another open descriptor: that one is closed and replaced.
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), File, Other), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readAt(Other, 2), "23");
  EXPECT_EQ(wasi_fd_close(&Ctx, mem(), File), WASI_ERRNO_BADF);
  // Onto a closed descriptor: BADF.
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), Other, File), WASI_ERRNO_BADF);
  // Onto stdio: refused, stdio stays.
  Pipe Out;
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 1, Out.Write, WASI_RIGHTS_STDOUT), 0);
  ASSERT_EQ(wasi_ctx_set_stream(&Ctx, 2, Out.Write, WASI_RIGHTS_STDOUT), 0);
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), Other, 1), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), 2, 1), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(Ctx.fds[1].kind, WASI_FD_STREAM);
  EXPECT_EQ(readAt(Other, 2), "45");
  // From stdio: the stream moves, its slot is closed and stays so.
  uint32_t Spare;
  ASSERT_EQ(openAt(3, "other", 0, WASI_RIGHT_FD_READ, &Spare), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), 2, Spare), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Ctx.fds[Spare].kind, WASI_FD_STREAM);
  EXPECT_EQ(Ctx.fds[2].kind, WASI_FD_FREE);
  EXPECT_EQ(writeFd(Spare, "moved"), WASI_ERRNO_SUCCESS);
  Out.closeWrite();
  EXPECT_EQ(Out.drain(), "moved");
  // Onto a preopen: refused, the preopen stays what was granted.
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), Other, 3), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_prestat_get(&Ctx, mem(), 3, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readAt(Other, 2), "67");
  // From a preopen onto another descriptor: allowed, the grant moves.
  EXPECT_EQ(wasi_fd_renumber(&Ctx, mem(), 3, Other), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_prestat_get(&Ctx, mem(), Other, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_prestat_get(&Ctx, mem(), 3, 200), WASI_ERRNO_BADF);
}

TEST_F(FdFileTest, HintsAndSync) {
  EXPECT_EQ(wasi_fd_advise(&Ctx, mem(), File, 0, 10, 2), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_advise(&Ctx, mem(), File, 0, 10, 6), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_allocate(&Ctx, mem(), File, 0, 100), WASI_ERRNO_SUCCESS);
  struct stat St;
  ASSERT_EQ(::stat((Root + "/data").c_str(), &St), 0);
  EXPECT_EQ(St.st_size, 100);
  EXPECT_EQ(wasi_fd_allocate(&Ctx, mem(), File, 0, 5), WASI_ERRNO_SUCCESS); // never shrinks
  ASSERT_EQ(::stat((Root + "/data").c_str(), &St), 0);
  EXPECT_EQ(St.st_size, 100);
  EXPECT_EQ(wasi_fd_sync(&Ctx, mem(), File), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_datasync(&Ctx, mem(), File), WASI_ERRNO_SUCCESS);
}

TEST_F(FdFileTest, WritesGoToTheFile) {
  uint32_t Log;
  ASSERT_EQ(openAt(3, "log", OCreat, WASI_RIGHT_FD_WRITE, &Log, 0, WASI_FDFLAG_APPEND),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(writeFd(Log, "one "), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(writeFd(Log, "two"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(40), 3u);
  EXPECT_EQ(readHost(Root + "/log"), "one two");
}

} // namespace
} // namespace wasmc::wasitest
