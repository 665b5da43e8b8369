//===--- FsTestSupport.h - A preopened temporary directory for WASI tests -===//
//
/// \file
/// WasiFsTest: WasiTest plus a fresh temporary directory per test, granted
/// to the guest as preopen "/sandbox" at fd 3 (read-write), and helpers
/// that put guest paths into guest memory and call path_open. The
/// directory lies inside a parent with a file "secret" next to it, so that
/// escapes have something to find. Removed with everything in it after
/// the test.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "WasiTestSupport.h"

#include <cstdlib>
#include <fcntl.h>
#include <ftw.h>
#include <string>
#include <sys/stat.h>

namespace wasmc::wasitest {

/// Guest memory layout used by the helpers: paths at 1024 and 2048, the
/// result slot at 16, scratch above 4096.
class WasiFsTest : public WasiTest {
protected:
  static constexpr uint32_t PathA = 1024, PathB = 2048, Result = 16;
  static constexpr uint64_t AllRights = (uint64_t(1) << 30) - 1;

  explicit WasiFsTest(uint8_t Resolve = WASI_RESOLVE_AUTO) {
    char Tmpl[] = "/tmp/wasi-fs-XXXXXX";
    const char *Made = mkdtemp(Tmpl);
    EXPECT_NE(Made, nullptr);
    Parent = Made ? Made : "";
    Root = Parent + "/sandbox";
    EXPECT_EQ(mkdir(Root.c_str(), 0755), 0);
    writeHost(Parent + "/secret", "outside");
    Ctx.resolve = Resolve;
    EXPECT_EQ(grant(Root, "/sandbox", 0), 3u);
  }
  ~WasiFsTest() override {
    wasi_ctx_destroy(&Ctx);
    nftw(
        Parent.c_str(),
        [](const char *P, const struct stat *, int, struct FTW *) { return remove(P); }, 16,
        FTW_DEPTH | FTW_PHYS);
  }

  /// Grants host directory Dir as a preopen; returns its guest fd.
  uint32_t grant(const std::string &Dir, const char *Name, int ReadOnly) {
    uint32_t Fd = ~0u;
    int Host = open(Dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    EXPECT_EQ(wasi_ctx_add_preopen(&Ctx, Host, Name, ReadOnly, &Fd), WASI_ERRNO_SUCCESS);
    return Fd;
  }

  static void writeHost(const std::string &File, const std::string &Text) {
    int Fd = open(File.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ASSERT_GE(Fd, 0) << File;
    ASSERT_EQ(write(Fd, Text.data(), Text.size()), ssize_t(Text.size()));
    close(Fd);
  }
  static std::string readHost(const std::string &File) {
    std::string S;
    int Fd = open(File.c_str(), O_RDONLY);
    if (Fd < 0)
      return "<missing>";
    char Buf[256];
    ssize_t N;
    while ((N = read(Fd, Buf, sizeof Buf)) > 0)
      S.append(Buf, size_t(N));
    close(Fd);
    return S;
  }
  static bool exists(const std::string &P) {
    struct stat St;
    return lstat(P.c_str(), &St) == 0;
  }

  /// Puts S into guest memory at Addr; returns its length.
  uint32_t put(uint32_t Addr, const std::string &S) {
    std::memcpy(at(Addr), S.data(), S.size());
    return uint32_t(S.size());
  }

  /// path_open relative to Dir; *Fd receives the new descriptor.
  uint16_t openAt(uint32_t Dir, const std::string &Path, uint32_t OFlags, uint64_t Rights,
                  uint32_t *Fd = nullptr, uint32_t LookupFlags = 0, uint32_t FdFlags = 0,
                  uint64_t Inheriting = 0) {
    uint32_t Len = put(PathA, Path);
    uint16_t Err = wasi_path_open(&Ctx, mem(), Dir, LookupFlags, PathA, Len, OFlags, Rights,
                                  Inheriting, FdFlags, Result);
    if (Fd)
      *Fd = Err == WASI_ERRNO_SUCCESS ? load32(Result) : ~0u;
    return Err;
  }

  /// Writes Text through guest fd Fd at guest address 4096.
  uint16_t writeFd(uint32_t Fd, const std::string &Text) {
    put(4096, Text);
    iovec(32, 4096, uint32_t(Text.size()));
    return wasi_fd_write(&Ctx, mem(), Fd, 32, 1, 40);
  }

  std::string Parent, Root;
};

/// O flags of path_open.
enum : uint32_t { OCreat = 1, ODirectory = 2, OExcl = 4, OTrunc = 8 };

} // namespace wasmc::wasitest
