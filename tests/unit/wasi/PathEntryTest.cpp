//===--- PathEntryTest.cpp - path_* on entries (wasi-host/path_entry.c) ---===//
#include "FsTestSupport.h"

namespace wasmc::wasitest {
namespace {

class PathEntryTest : public WasiFsTest {
protected:
  PathEntryTest() { writeHost(Root + "/f", "data"); }
  uint16_t mkdirG(const std::string &P) {
    return wasi_path_create_directory(&Ctx, mem(), 3, PathA, put(PathA, P));
  }
  uint16_t rmdirG(const std::string &P) {
    return wasi_path_remove_directory(&Ctx, mem(), 3, PathA, put(PathA, P));
  }
  uint16_t unlinkG(const std::string &P) {
    return wasi_path_unlink_file(&Ctx, mem(), 3, PathA, put(PathA, P));
  }
  uint16_t renameG(const std::string &A, const std::string &B) {
    return wasi_path_rename(&Ctx, mem(), 3, PathA, put(PathA, A), 3, PathB, put(PathB, B));
  }
  uint16_t linkG(const std::string &A, const std::string &B, uint32_t Flags = 0) {
    return wasi_path_link(&Ctx, mem(), 3, Flags, PathA, put(PathA, A), 3, PathB, put(PathB, B));
  }
  uint16_t symlinkG(const std::string &Target, const std::string &P) {
    return wasi_path_symlink(&Ctx, mem(), PathA, put(PathA, Target), 3, PathB, put(PathB, P));
  }
  std::string readlinkG(const std::string &P, uint32_t Len = 64) {
    std::memset(at(4096), 0, 128);
    uint16_t Err = wasi_path_readlink(&Ctx, mem(), 3, PathA, put(PathA, P), 4096, Len, 8);
    if (Err != WASI_ERRNO_SUCCESS)
      return "errno " + std::to_string(Err);
    return std::string(reinterpret_cast<char *>(at(4096)), load32(8));
  }
};

TEST_F(PathEntryTest, DirectoriesComeAndGo) {
  EXPECT_EQ(mkdirG("d"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(mkdirG("d/e/"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(mkdirG("d"), WASI_ERRNO_EXIST);
  EXPECT_EQ(rmdirG("d"), WASI_ERRNO_NOTEMPTY);
  EXPECT_EQ(rmdirG("f"), WASI_ERRNO_NOTDIR);
  EXPECT_EQ(rmdirG("d/e/"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(rmdirG("d"), WASI_ERRNO_SUCCESS);
  EXPECT_FALSE(exists(Root + "/d"));
  EXPECT_EQ(mkdirG("missing/d"), WASI_ERRNO_NOENT);
}

TEST_F(PathEntryTest, UnlinkFiles) {
  EXPECT_EQ(unlinkG("f/"), WASI_ERRNO_NOTDIR);
  EXPECT_TRUE(exists(Root + "/f"));
  EXPECT_EQ(unlinkG("f"), WASI_ERRNO_SUCCESS);
  EXPECT_FALSE(exists(Root + "/f"));
  EXPECT_EQ(unlinkG("f"), WASI_ERRNO_NOENT);
  ASSERT_EQ(mkdirG("d"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(unlinkG("d"), WASI_ERRNO_ISDIR);
}

TEST_F(PathEntryTest, RenameAndLink) {
  EXPECT_EQ(renameG("f", "g"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readHost(Root + "/g"), "data");
  EXPECT_FALSE(exists(Root + "/f"));
  EXPECT_EQ(renameG("g/", "h"), WASI_ERRNO_NOTDIR);
  EXPECT_EQ(linkG("g", "h"), WASI_ERRNO_SUCCESS);
  struct stat St;
  ASSERT_EQ(::stat((Root + "/h").c_str(), &St), 0);
  EXPECT_EQ(St.st_nlink, 2u);
  EXPECT_EQ(linkG("g", "h"), WASI_ERRNO_EXIST);
  // Linking a symlink: itself, or (symlink_follow) its target.
  ASSERT_EQ(symlinkG("g", "s"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(linkG("s", "s2"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readlinkG("s2"), "g");
  EXPECT_EQ(linkG("s", "g2", 1), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(lstat((Root + "/g2").c_str(), &St), 0);
  EXPECT_TRUE(S_ISREG(St.st_mode));
  EXPECT_EQ(wasi_path_link(&Ctx, mem(), 3, 2, PathA, put(PathA, "g"), 3, PathB, put(PathB, "z")),
            WASI_ERRNO_INVAL);
}

TEST_F(PathEntryTest, SymlinkAndReadlink) {
  EXPECT_EQ(symlinkG("f", "s"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readlinkG("s"), "f");
  EXPECT_EQ(symlinkG("f", "s"), WASI_ERRNO_EXIST);
  // Relative targets are stored as given, even ones that lead nowhere or
  // out; absolute ones are refused.
  EXPECT_EQ(symlinkG("../../x/y", "out"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(readlinkG("out"), "../../x/y");
  EXPECT_EQ(readlinkG("out", 5), "../..");  // cut to the buffer
  EXPECT_EQ(symlinkG("/etc/passwd", "abs"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(symlinkG("/", "abs"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_FALSE(exists(Root + "/abs"));
  EXPECT_EQ(readlinkG("f"), "errno " + std::to_string(WASI_ERRNO_INVAL));
  EXPECT_EQ(readlinkG("missing"), "errno " + std::to_string(WASI_ERRNO_NOENT));
  EXPECT_EQ(wasi_path_readlink(&Ctx, mem(), 3, PathA, put(PathA, "s"), MemSize - 2, 64, 8),
            WASI_ERRNO_FAULT);
  EXPECT_EQ(symlinkG("f", "newdir/"), WASI_ERRNO_NOENT);
}

TEST_F(PathEntryTest, FilestatFollowsOnlyWhenAsked) {
  ASSERT_EQ(symlinkG("f", "s"), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(wasi_path_filestat_get(&Ctx, mem(), 3, 0, PathA, put(PathA, "s"), 200),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(216), WASI_FILETYPE_SYMBOLIC_LINK);
  ASSERT_EQ(wasi_path_filestat_get(&Ctx, mem(), 3, 1, PathA, put(PathA, "s"), 200),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(216), WASI_FILETYPE_REGULAR_FILE);
  EXPECT_EQ(load64(232), 4u);
  EXPECT_EQ(wasi_path_filestat_get(&Ctx, mem(), 3, 0, PathA, put(PathA, "."), 200),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(216), WASI_FILETYPE_DIRECTORY);
  EXPECT_EQ(wasi_path_filestat_get(&Ctx, mem(), 3, 0, PathA, put(PathA, "f"), MemSize - 8),
            WASI_ERRNO_FAULT);
}

TEST_F(PathEntryTest, SetTimesOnThePathOrItsTarget) {
  ASSERT_EQ(symlinkG("f", "s"), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(wasi_path_filestat_set_times(&Ctx, mem(), 3, 1, PathA, put(PathA, "s"), 0,
                                         7000000000, 4),
            WASI_ERRNO_SUCCESS);
  struct stat St;
  ASSERT_EQ(::stat((Root + "/f").c_str(), &St), 0);
  EXPECT_EQ(St.st_mtim.tv_sec, 7);
  ASSERT_EQ(wasi_path_filestat_set_times(&Ctx, mem(), 3, 0, PathA, put(PathA, "s"), 0,
                                         9000000000, 4),
            WASI_ERRNO_SUCCESS);
  ASSERT_EQ(::stat((Root + "/f").c_str(), &St), 0);
  EXPECT_EQ(St.st_mtim.tv_sec, 7); // the symlink changed, not the file
  ASSERT_EQ(lstat((Root + "/s").c_str(), &St), 0);
  EXPECT_EQ(St.st_mtim.tv_sec, 9);
  EXPECT_EQ(wasi_path_filestat_set_times(&Ctx, mem(), 3, 0, PathA, put(PathA, "f"), 0, 0, 3),
            WASI_ERRNO_INVAL);
}

} // namespace
} // namespace wasmc::wasitest
