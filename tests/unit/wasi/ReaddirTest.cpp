//===--- ReaddirTest.cpp - fd_readdir (wasi-host/readdir.c) ---------------===//
#include "FsTestSupport.h"

#include <algorithm>
#include <map>

namespace wasmc::wasitest {
namespace {

struct Dirent {
  uint64_t Next, Ino;
  uint8_t Type;
  std::string Name;
};

class ReaddirTest : public WasiFsTest {
protected:
  ReaddirTest() {
    for (const char *N : {"b", "c", "a"})
      writeHost(Root + "/" + N, N);
    EXPECT_EQ(mkdir((Root + "/sub").c_str(), 0755), 0);
  }
  /// One fd_readdir into a buffer of Len bytes at 8192: the whole entries
  /// and the bytes used.
  std::vector<Dirent> read(uint64_t Cookie, uint32_t Len, uint32_t *Used = nullptr,
                           uint32_t Fd = 3) {
    std::memset(at(8192), 0xcc, Len + 16);
    EXPECT_EQ(wasi_fd_readdir(&Ctx, mem(), Fd, 8192, Len, Cookie, 8), WASI_ERRNO_SUCCESS);
    uint32_t N = load32(8);
    EXPECT_LE(N, Len);
    EXPECT_EQ(*at(8192 + N), 0xcc); // nothing beyond bufused
    if (Used)
      *Used = N;
    std::vector<Dirent> Out;
    for (uint32_t P = 8192; P + 24 <= 8192 + N;) {
      Dirent D{load64(P), load64(P + 8), *at(P + 20), ""};
      uint32_t NameLen = load32(P + 16);
      if (P + 24 + NameLen > 8192 + N)
        break; // the cut last entry
      D.Name.assign(reinterpret_cast<char *>(at(P + 24)), NameLen);
      Out.push_back(D);
      P += 24 + NameLen;
    }
    return Out;
  }
};

TEST_F(ReaddirTest, ListsEverythingWithTypesAndInodes) {
  uint32_t Used;
  auto All = read(0, 1024, &Used);
  EXPECT_LT(Used, 1024u); // the end was reached
  std::map<std::string, Dirent> ByName;
  for (auto &D : All)
    ByName[D.Name] = D;
  ASSERT_EQ(ByName.size(), 6u);
  EXPECT_EQ(ByName["."].Type, WASI_FILETYPE_DIRECTORY);
  EXPECT_EQ(ByName[".."].Type, WASI_FILETYPE_DIRECTORY);
  EXPECT_EQ(ByName["a"].Type, WASI_FILETYPE_REGULAR_FILE);
  EXPECT_EQ(ByName["sub"].Type, WASI_FILETYPE_DIRECTORY);
  struct stat St;
  ASSERT_EQ(::stat((Root + "/a").c_str(), &St), 0);
  EXPECT_EQ(ByName["a"].Ino, uint64_t(St.st_ino));
  for (size_t I = 0; I < All.size(); ++I)
    EXPECT_EQ(All[I].Next, I + 1);
}

TEST_F(ReaddirTest, CookiesResumeAndTheLastEntryIsCut) {
  auto All = read(0, 1024);
  ASSERT_EQ(All.size(), 6u);
  // 24 + 1 bytes hold one entry with a one-letter name ("." or a file),
  // at most; a small buffer returns a cut entry and bufused == buf_len.
  std::vector<std::string> Seen;
  uint64_t Cookie = 0;
  for (int Guard = 0; Guard < 20; ++Guard) {
    uint32_t Used;
    auto Part = read(Cookie, 40, &Used);
    for (auto &D : Part)
      Seen.push_back(D.Name);
    if (Used < 40)
      break;
    ASSERT_FALSE(Part.empty());
    Cookie = Part.back().Next;
  }
  std::vector<std::string> Expected;
  for (auto &D : All)
    Expected.push_back(D.Name);
  EXPECT_EQ(Seen, Expected);
  // A buffer smaller than one header: cut at the buffer, no entry whole.
  uint32_t Used;
  EXPECT_TRUE(read(0, 10, &Used).empty());
  EXPECT_EQ(Used, 10u);
  EXPECT_EQ(load64(8192), 1u); // d_next of the first entry, cut
  // Past the end: nothing.
  EXPECT_TRUE(read(All.size(), 100, &Used).empty());
  EXPECT_EQ(Used, 0u);
  EXPECT_TRUE(read(1000, 100, &Used).empty());
}

TEST_F(ReaddirTest, DeterministicModeSortsAndHidesInodes) {
  Ctx.deterministic = 1;
  auto All = read(0, 1024);
  std::vector<std::string> Names;
  for (auto &D : All) {
    Names.push_back(D.Name);
    EXPECT_EQ(D.Ino, 0u) << D.Name;
  }
  EXPECT_EQ(Names, (std::vector<std::string>{".", "..", "a", "b", "c", "sub"}));
  // Cookies index the sorted order.
  auto Rest = read(All[2].Next, 1024);
  ASSERT_EQ(Rest.size(), 3u);
  EXPECT_EQ(Rest[0].Name, "b");
}

TEST_F(ReaddirTest, RewindSeesChanges) {
  EXPECT_EQ(read(0, 1024).size(), 6u);
  writeHost(Root + "/d", "d");
  EXPECT_EQ(read(0, 1024).size(), 7u);
}

TEST_F(ReaddirTest, RightsKindAndPointers) {
  writeHost(Root + "/f", "x");
  uint32_t File, Dir;
  ASSERT_EQ(openAt(3, "f", 0, WASI_RIGHT_FD_READ, &File), WASI_ERRNO_SUCCESS);
  ASSERT_EQ(openAt(3, "sub", ODirectory, WASI_RIGHT_PATH_OPEN, &Dir), WASI_ERRNO_SUCCESS);
  EXPECT_EQ(wasi_fd_readdir(&Ctx, mem(), File, 8192, 100, 0, 8), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_readdir(&Ctx, mem(), Dir, 8192, 100, 0, 8), WASI_ERRNO_NOTCAPABLE);
  EXPECT_EQ(wasi_fd_readdir(&Ctx, mem(), 3, MemSize - 50, 100, 0, 8), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_fd_readdir(&Ctx, mem(), 3, 8192, 100, 0, MemSize - 2), WASI_ERRNO_FAULT);
  EXPECT_EQ(wasi_fd_readdir(&Ctx, mem(), 50, 8192, 100, 0, 8), WASI_ERRNO_BADF);
}

} // namespace
} // namespace wasmc::wasitest
