//===--- ResolveTest.cpp - The sandbox (wasi-host/resolve.c) --------------===//
//
// Every escape is tried with both resolvers: openat2 and the fallback walk
// (forced through wasi_ctx.resolve). Each asserts the exact errno.
//
//===----------------------------------------------------------------------===//
#include "FsTestSupport.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <thread>

namespace wasmc::wasitest {
namespace {

class ResolveTest : public WasiFsTest, public ::testing::WithParamInterface<uint8_t> {
protected:
  void SetUp() override {
    open_how How = {};
    How.flags = O_PATH;
    if (GetParam() != WASI_RESOLVE_OPENAT2)
      return;
    long Fd = syscall(SYS_openat2, AT_FDCWD, ".", &How, sizeof How);
    if (Fd >= 0)
      close(int(Fd));
    else if (errno == ENOSYS)
      GTEST_SKIP() << "the kernel has no openat2";
  }
  ResolveTest() : WasiFsTest(GetParam()) {
    EXPECT_EQ(mkdir((Root + "/dir").c_str(), 0755), 0);
    writeHost(Root + "/dir/file", "inside");
  }
  void link(const std::string &Target, const std::string &Name) {
    ASSERT_EQ(symlink(Target.c_str(), (Root + "/" + Name).c_str()), 0);
  }
  /// path_filestat_get of Path (following symlinks if Follow).
  uint16_t stat(const std::string &Path, uint32_t Follow = 1) {
    return wasi_path_filestat_get(&Ctx, mem(), 3, Follow, PathA, put(PathA, Path), 256);
  }
  uint16_t openRead(const std::string &Path, uint32_t Follow = 1) {
    return openAt(3, Path, 0, WASI_RIGHT_FD_READ, nullptr, Follow);
  }
};

TEST_P(ResolveTest, TheForcedResolverIsKept) {
  EXPECT_EQ(openRead("dir/file"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(Ctx.resolve, GetParam());
}

using ResolveProbeTest = WasiFsTest;

TEST_F(ResolveProbeTest, TheFirstResolutionProbesTheKernelOnce) {
  EXPECT_EQ(Ctx.resolve, WASI_RESOLVE_AUTO);
  writeHost(Root + "/f", "x");
  EXPECT_EQ(openAt(3, "f", 0, WASI_RIGHT_FD_READ), WASI_ERRNO_SUCCESS);
  open_how How = {};
  How.flags = O_PATH;
  How.resolve = RESOLVE_BENEATH;
  long Fd = syscall(SYS_openat2, AT_FDCWD, ".", &How, sizeof How);
  if (Fd >= 0)
    close(int(Fd));
  EXPECT_EQ(Ctx.resolve, Fd >= 0 ? WASI_RESOLVE_OPENAT2 : WASI_RESOLVE_WALK);
}

TEST_P(ResolveTest, DotDotStaysBeneathThePreopen) {
  EXPECT_EQ(openRead("../secret"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(openRead("dir/../../secret"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(openRead(".."), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(stat("dir/../.."), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(openRead("dir/./../dir//file"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(openRead("dir/.."), WASI_ERRNO_SUCCESS); // the preopen itself
}

TEST_P(ResolveTest, AbsolutePathsAreRefused) {
  EXPECT_EQ(openRead("/"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(openRead(Parent + "/secret"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(openRead("//dir/file"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(stat("/dir"), WASI_ERRNO_NOTCAPABLE);
}

TEST_P(ResolveTest, SymlinksOutAreRefused) {
  link(Parent + "/secret", "abs");
  link("../secret", "rel");
  link("..", "up");
  link("../../secret", "dir/deep");
  for (const char *P : {"abs", "rel", "up/secret", "dir/deep", "up/sandbox/dir/file"}) {
    EXPECT_EQ(openRead(P), WASI_ERRNO_NOTCAPABLE) << P;
    EXPECT_EQ(stat(P), WASI_ERRNO_NOTCAPABLE) << P;
  }
  // Not following the last component: the symlink itself, not its target.
  EXPECT_EQ(openRead("abs", 0), WASI_ERRNO_LOOP);
  EXPECT_EQ(stat("abs", 0), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(256 + 16), WASI_FILETYPE_SYMBOLIC_LINK);
}

TEST_P(ResolveTest, TrailingSlashFollowsButStaysInside) {
  link("..", "up");
  link("dir", "in");
  // A trailing '/' resolves the symlink even without symlink_follow.
  EXPECT_EQ(openRead("up/", 0), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(stat("up/", 0), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_path_filestat_set_times(&Ctx, mem(), 3, 0, PathA, put(PathA, "up/"), 0, 0, 2),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_path_readlink(&Ctx, mem(), 3, PathA, put(PathA, "up/"), 4096, 64, 8),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(stat("in/", 0), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(*at(256 + 16), WASI_FILETYPE_DIRECTORY);
  // Removing "up/" acts on the symlink (a non-directory), never on "..".
  EXPECT_EQ(wasi_path_remove_directory(&Ctx, mem(), 3, PathA, put(PathA, "up/")),
            WASI_ERRNO_NOTDIR);
  EXPECT_TRUE(exists(Root));
  EXPECT_EQ(stat("dir/file/", 0), WASI_ERRNO_NOTDIR);
}

TEST_P(ResolveTest, SymlinkChains) {
  link("l2", "l1");
  link("dir/l3", "l2");
  link("../../secret", "dir/l3");
  EXPECT_EQ(openRead("l1"), WASI_ERRNO_NOTCAPABLE);
  link("file", "dir/ok3");
  link("dir/ok3", "ok2");
  link("ok2", "ok1");
  uint32_t Fd;
  ASSERT_EQ(openAt(3, "ok1", 0, WASI_RIGHT_FD_READ, &Fd, 1), WASI_ERRNO_SUCCESS);
  iovec(32, 4096, 64);
  ASSERT_EQ(wasi_fd_read(&Ctx, mem(), Fd, 32, 1, 40), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(std::string(reinterpret_cast<char *>(at(4096)), load32(40)), "inside");
  link("loop2", "loop1");
  link("loop1", "loop2");
  EXPECT_EQ(openRead("loop1"), WASI_ERRNO_LOOP);
  EXPECT_EQ(openRead("loop1/x"), WASI_ERRNO_LOOP);
}

TEST_P(ResolveTest, SymlinkSwappedDuringResolutionNeverLeaks) {
  // "d" flips between a directory without "secret" and a symlink to the
  // parent, which has one, while the guest keeps opening "d/secret".
  // Whatever the interleaving, nothing outside is ever opened.
  ASSERT_EQ(mkdir((Root + "/d").c_str(), 0755), 0);
  link("..", "alt");
  std::atomic<bool> Stop{false};
  std::atomic<int> Swaps{0};
  std::thread Flipper([&] {
    std::string D = Root + "/d", Alt = Root + "/alt";
    while (!Stop)
      if (renameat2(AT_FDCWD, D.c_str(), AT_FDCWD, Alt.c_str(), RENAME_EXCHANGE) == 0)
        ++Swaps;
  });
  while (Swaps < 100)
    std::this_thread::yield();
  // At least 3000 tries, and on until both shapes of "d" were met (the
  // machine may be busy), within a bound.
  int Opened = 0, Refused = 0, Missing = 0;
  for (int I = 0; I < 3000 || ((!Refused || !Missing) && I < 1000000); ++I) {
    uint16_t Err = openRead("d/secret");
    Opened += Err == WASI_ERRNO_SUCCESS;
    Refused += Err == WASI_ERRNO_NOTCAPABLE;
    Missing += Err == WASI_ERRNO_NOENT;
    if (Err != WASI_ERRNO_NOENT && Err != WASI_ERRNO_NOTCAPABLE) {
      ADD_FAILURE() << "errno " << Err; // stop, but join the flipper first
      break;
    }
  }
  Stop = true;
  Flipper.join();
  EXPECT_EQ(Opened, 0);
  EXPECT_GT(Refused, 0); // the symlink was met
  EXPECT_GT(Missing, 0); // and the directory
}

TEST_P(ResolveTest, LongPathsAreBounded) {
  // Longer than WASI_PATH_MAX: refused before a byte is copied, even when
  // the length is absurd.
  EXPECT_EQ(wasi_path_open(&Ctx, mem(), 3, 0, 0, WASI_PATH_MAX + 1, 0, 0, 0, 0, Result),
            WASI_ERRNO_NAMETOOLONG);
  EXPECT_EQ(wasi_path_open(&Ctx, mem(), 3, 0, 0, 0xffffffff, 0, 0, 0, 0, Result),
            WASI_ERRNO_NAMETOOLONG);
  EXPECT_EQ(wasi_path_open(&Ctx, mem(), 3, 0, MemSize - 4, 8, 0, 0, 0, 0, Result),
            WASI_ERRNO_FAULT);
  // As long as allowed: many components, resolved without trouble.
  std::string Deep;
  while (Deep.size() + 2 <= WASI_PATH_MAX)
    Deep += "./";
  EXPECT_EQ(openRead(Deep + "dir"), WASI_ERRNO_NAMETOOLONG);
  Deep.resize(WASI_PATH_MAX - 3);
  EXPECT_EQ(openRead(Deep + "dir"), WASI_ERRNO_SUCCESS);
  // One component longer than NAME_MAX.
  EXPECT_EQ(openRead(std::string(300, 'x')), WASI_ERRNO_NAMETOOLONG);
  // A symlink whose expansion outgrows WASI_PATH_MAX.
  link("dir" + std::string(4000, '/') + "file", "fat");
  std::string Prefix;
  for (int I = 0; I < 60; ++I)
    Prefix += "dir/../";
  EXPECT_EQ(openRead(Prefix + "fat"), WASI_ERRNO_NAMETOOLONG);
  EXPECT_EQ(openRead("fat"), WASI_ERRNO_SUCCESS);
  // A NUL inside the path cannot be a host path.
  EXPECT_EQ(openRead(std::string("dir/file\0", 9)), WASI_ERRNO_INVAL);
  EXPECT_EQ(openRead(""), WASI_ERRNO_NOENT);
}

TEST_P(ResolveTest, DestinationsOutsideAreRefused) {
  EXPECT_EQ(wasi_path_rename(&Ctx, mem(), 3, PathA, put(PathA, "dir/file"), 3, PathB,
                             put(PathB, "../moved")),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_path_link(&Ctx, mem(), 3, 0, PathA, put(PathA, "dir/file"), 3, PathB,
                           put(PathB, "dir/../../linked")),
            WASI_ERRNO_NOTCAPABLE);
  link("..", "up");
  EXPECT_EQ(wasi_path_symlink(&Ctx, mem(), PathA, put(PathA, "x"), 3, PathB, put(PathB, "up/x")),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_path_create_directory(&Ctx, mem(), 3, PathA, put(PathA, "up/newdir")),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_path_unlink_file(&Ctx, mem(), 3, PathA, put(PathA, "up/secret")),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_path_rename(&Ctx, mem(), 3, PathA, put(PathA, "up/secret"), 3, PathB,
                             put(PathB, "stolen")),
            WASI_ERRNO_NOTCAPABLE);
  EXPECT_TRUE(exists(Root + "/dir/file"));
  EXPECT_TRUE(exists(Parent + "/secret"));
  for (const char *P : {"/moved", "/linked", "/x", "/newdir"})
    EXPECT_FALSE(exists(Parent + P)) << P;
}

TEST_P(ResolveTest, DotDotInDeepPathsStaysBeneathThePreopen) {
  // Deeper than the walk keeps descriptors for: going back up past them
  // re-opens the way from the preopen.
  std::string Down;
  for (int I = 0; I < 40; ++I) {
    Down += "a/";
    ASSERT_EQ(mkdir((Root + "/" + Down).c_str(), 0755), 0);
  }
  auto Up = [](int N) {
    std::string S;
    for (int I = 0; I < N; ++I)
      S += "../";
    return S;
  };
  EXPECT_EQ(openRead(Down + Up(40) + "dir/file"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(openRead(Down + Up(41) + "secret"), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(openRead(Down + Up(25) + Up(15) + "dir/file"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(openRead(Down + Up(30) + Down.substr(0, 20) + Up(10) + "a/../" + Up(10) + "dir/file"),
            WASI_ERRNO_SUCCESS);
  EXPECT_EQ(openRead(Down + Up(30) + Down.substr(0, 20) + Up(21) + "secret"),
            WASI_ERRNO_NOTCAPABLE);
  // ".." after a symlink met mid-path is the symlink's directory's parent.
  link("../../../a", Down.substr(0, 40) + "back"); // at depth 20, to 18
  EXPECT_EQ(openRead(Down.substr(0, 40) + "back/" + Up(18) + "dir/file"), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(openRead(Down.substr(0, 40) + "back/" + Up(19) + "secret"), WASI_ERRNO_NOTCAPABLE);
}

TEST_P(ResolveTest, DotDotRacingWithRenamesStaysBeneathThePreopen) {
  // One thread moves a directory the walk may be in one level up and back
  // (as a second guest with the same grant could); "..", counted from where
  // the walk entered, must not then leave the preopen for "secret" next to
  // it. Shallow, and deeper than the descriptors the walk keeps.
  std::string Deep;
  for (int I = 0; I < 20; ++I)
    Deep += "x/";
  for (std::string Dir = Root; Dir.size() < Root.size() + Deep.size(); Dir += "/x")
    ASSERT_EQ(mkdir((Dir + "/x").c_str(), 0755), 0);
  for (const std::string &Base : {std::string(), Deep}) {
    SCOPED_TRACE(Base.empty() ? "shallow" : "deep");
    ASSERT_EQ(mkdir((Root + "/" + Base + "d1").c_str(), 0755), 0);
    ASSERT_EQ(mkdir((Root + "/" + Base + "d1/d2").c_str(), 0755), 0);
    std::string Path = Base + "d1/d2/../../";
    for (size_t I = 0; I < Base.size() / 2; ++I)
      Path += "../";
    Path += "secret"; // "<box>/secret" without renames: there is none
    std::string From = Root + "/" + Base + "d1/d2", To = Root + "/" + Base + "d2";
    std::atomic<bool> Stop{false};
    std::atomic<long> Moves{0};
    std::thread Mover([&] {
      while (!Stop)
        if (rename(From.c_str(), To.c_str()) == 0 && rename(To.c_str(), From.c_str()) == 0)
          ++Moves;
    });
    while (Moves < 10)
      std::this_thread::yield();
    int Opened = 0, Missing = 0, Other = 0;
    for (int I = 0; I < 20000 && !Opened; ++I) {
      uint32_t Fd;
      uint16_t Err = openAt(3, Path, 0, WASI_RIGHT_FD_READ, &Fd);
      if (Err == WASI_ERRNO_SUCCESS) {
        ++Opened;
        EXPECT_EQ(wasi_fd_close(&Ctx, mem(), Fd), WASI_ERRNO_SUCCESS);
      }
      Missing += Err == WASI_ERRNO_NOENT;
      Other += Err != WASI_ERRNO_SUCCESS && Err != WASI_ERRNO_NOENT;
    }
    Stop = true;
    Mover.join();
    EXPECT_EQ(Opened, 0) << "read the secret outside the preopen";
    EXPECT_EQ(Other, 0);
    EXPECT_GT(Missing, 0);
    EXPECT_GT(Moves, 10);
  }
}

INSTANTIATE_TEST_SUITE_P(Resolvers, ResolveTest,
                         ::testing::Values(uint8_t(WASI_RESOLVE_OPENAT2),
                                           uint8_t(WASI_RESOLVE_WALK)),
                         [](const ::testing::TestParamInfo<uint8_t> &I) {
                           return I.param == WASI_RESOLVE_WALK ? std::string("Walk")
                                                               : std::string("Openat2");
                         });

} // namespace
} // namespace wasmc::wasitest
