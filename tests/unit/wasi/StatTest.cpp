//===--- StatTest.cpp - Status, flags, rights and times (wasi-host/stat.c) ===//
#include "FsTestSupport.h"

namespace wasmc::wasitest {
namespace {

class StatTest : public WasiFsTest {
protected:
  StatTest() {
    writeHost(Root + "/f", "12345");
    EXPECT_EQ(openAt(3, "f", 0, WASI_RIGHTS_REGULAR_FILE, &File), WASI_ERRNO_SUCCESS);
  }
  uint32_t File = 0;
};

TEST_F(StatTest, FilestatOfAFile) {
  std::memset(at(200), 0xee, 64);
  ASSERT_EQ(wasi_fd_filestat_get(&Ctx, mem(), File, 200), WASI_ERRNO_SUCCESS);
  struct stat St;
  ASSERT_EQ(::stat((Root + "/f").c_str(), &St), 0);
  EXPECT_EQ(load64(200), uint64_t(St.st_dev));
  EXPECT_EQ(load64(208), uint64_t(St.st_ino));
  EXPECT_EQ(*at(216), WASI_FILETYPE_REGULAR_FILE);
  EXPECT_EQ(*at(217), 0); // padding cleared
  EXPECT_EQ(load64(224), 1u);
  EXPECT_EQ(load64(232), 5u);
  EXPECT_EQ(load64(248), uint64_t(St.st_mtim.tv_sec) * 1000000000 + St.st_mtim.tv_nsec);
  ASSERT_EQ(wasi_fd_filestat_get(&Ctx, mem(), 3, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(216), WASI_FILETYPE_DIRECTORY);
  EXPECT_EQ(wasi_fd_filestat_get(&Ctx, mem(), File, MemSize - 63), WASI_ERRNO_FAULT);
}

TEST_F(StatTest, DeterministicFilestatHasNoMachineData) {
  Ctx.deterministic = 1;
  ASSERT_EQ(wasi_fd_filestat_get(&Ctx, mem(), File, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load64(200), 0u);
  EXPECT_EQ(load64(208), 0u);
  EXPECT_EQ(load64(232), 5u); // the size is the program's business
  for (uint32_t T = 240; T < 264; T += 8)
    EXPECT_EQ(load64(T), 0u) << T;
  ASSERT_EQ(wasi_path_filestat_get(&Ctx, mem(), 3, 0, PathA, put(PathA, "f"), 200),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load64(208), 0u);
  EXPECT_EQ(load64(248), 0u);
}

TEST_F(StatTest, FdstatOfAFileAndADirectory) {
  ASSERT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), File, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(200), WASI_FILETYPE_REGULAR_FILE);
  EXPECT_EQ(load64(208), WASI_RIGHTS_REGULAR_FILE);
  EXPECT_EQ(load64(216), 0u);
  ASSERT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), 3, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(200), WASI_FILETYPE_DIRECTORY);
  EXPECT_EQ(load64(208), WASI_RIGHTS_DIRECTORY);
  EXPECT_EQ(load64(216), WASI_RIGHTS_DIRECTORY | WASI_RIGHTS_REGULAR_FILE);
}

TEST_F(StatTest, SetFlagsTogglesAppend) {
  ASSERT_EQ(wasi_fd_fdstat_set_flags(&Ctx, mem(), File, WASI_FDFLAG_APPEND), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(wasi_fd_fdstat_get(&Ctx, mem(), File, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(load32(202) & 0xffff, WASI_FDFLAG_APPEND);
  EXPECT_EQ(writeFd(File, "6"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readHost(Root + "/f"), "123456");
  ASSERT_EQ(wasi_fd_fdstat_set_flags(&Ctx, mem(), File, 0), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(wasi_fd_seek(&Ctx, mem(), File, 0, WASI_WHENCE_SET, 200), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(writeFd(File, "x"), WASI_ERRNO_SUCCESS); // at the position again
  EXPECT_EQ(readHost(Root + "/f"), "x23456");
  EXPECT_EQ(wasi_fd_fdstat_set_flags(&Ctx, mem(), File, WASI_FDFLAG_SYNC), WASI_ERRNO_NOTSUP);
  EXPECT_EQ(wasi_fd_fdstat_set_flags(&Ctx, mem(), File, 1u << 5), WASI_ERRNO_INVAL);
  uint32_t Ro;
  ASSERT_EQ(openAt(3, "f", 0, WASI_RIGHT_FD_WRITE, &Ro), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_fdstat_set_flags(&Ctx, mem(), Ro, 0), WASI_ERRNO_NOTCAPABLE);
}

TEST_F(StatTest, RightsOnlyShrink) {
  uint64_t Less = WASI_RIGHT_FD_READ | WASI_RIGHT_FD_SEEK;
  EXPECT_EQ(wasi_fd_fdstat_set_rights(&Ctx, mem(), File, Less, 0), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(writeFd(File, "x"), WASI_ERRNO_NOTCAPABLE);
  // Widening again is NOTCAPABLE and changes nothing.
  EXPECT_EQ(wasi_fd_fdstat_set_rights(&Ctx, mem(), File, Less | WASI_RIGHT_FD_WRITE, 0),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_fdstat_set_rights(&Ctx, mem(), File, Less, WASI_RIGHT_FD_READ),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(Ctx.fds[File].rights_base, Less);
  EXPECT_EQ(wasi_fd_fdstat_set_rights(&Ctx, mem(), 40, 0, 0), WASI_ERRNO_BADF);
  // Dropping an inheriting right of a directory narrows what it opens.
  uint64_t Inh = Ctx.fds[3].rights_inheriting & ~WASI_RIGHT_FD_WRITE;
  ASSERT_EQ(wasi_fd_fdstat_set_rights(&Ctx, mem(), 3, Ctx.fds[3].rights_base, Inh),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(openAt(3, "f", 0, WASI_RIGHT_FD_WRITE), WASI_ERRNO_NOTCAPABLE);
}

TEST_F(StatTest, SetSizeAndTimes) {
  EXPECT_EQ(wasi_fd_filestat_set_size(&Ctx, mem(), File, 2), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readHost(Root + "/f"), "12");
  EXPECT_EQ(wasi_fd_filestat_set_size(&Ctx, mem(), 3, 2), WASI_ERRNO_NOTCAPABLE);
  // atim = 1 s (ATIM), mtim = 2.5 s (MTIM).
  ASSERT_EQ(wasi_fd_filestat_set_times(&Ctx, mem(), File, 1000000000, 2500000000, 1 | 4),
            WASI_ERRNO_SUCCESS);
  struct stat St;
  ASSERT_EQ(::stat((Root + "/f").c_str(), &St), 0);
  EXPECT_EQ(St.st_atim.tv_sec, 1);
  EXPECT_EQ(St.st_mtim.tv_sec, 2);
  EXPECT_EQ(St.st_mtim.tv_nsec, 500000000);
  // Only mtim, now: atim stays.
  ASSERT_EQ(wasi_fd_filestat_set_times(&Ctx, mem(), File, 0, 0, 8), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(::stat((Root + "/f").c_str(), &St), 0);
  EXPECT_EQ(St.st_atim.tv_sec, 1);
  EXPECT_GT(St.st_mtim.tv_sec, 1000);
  EXPECT_EQ(wasi_fd_filestat_set_times(&Ctx, mem(), File, 0, 0, 1 | 2), WASI_ERRNO_INVAL);
  EXPECT_EQ(wasi_fd_filestat_set_times(&Ctx, mem(), File, 0, 0, 16), WASI_ERRNO_INVAL);
}

} // namespace
} // namespace wasmc::wasitest
