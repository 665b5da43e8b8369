//===--- RunCache.cpp - wasmc run's compile cache -------------------------===//
#include "RunCache.h"

#include "Diagnostics.h"

#include "text/ModuleFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA256.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace wasmc::driver {

namespace {

std::string cacheKey(const CompileOptions &C, const std::vector<uint8_t> &Bytes) {
  llvm::SHA256 Hash;
  std::string Options = std::string("wasmc " WASMC_VERSION) + '\0' + std::to_string(C.OptLevel) +
                        '\0' + C.Bounds + '\0' + (C.Fuel ? "fuel" : "") + '\0' +
                        (C.Deterministic ? "deterministic" : "") + '\0';
  Hash.update(Options);
  // A rebuilt wasmc (same version, new code) must not reuse old entries.
  std::string Self = llvm::sys::fs::getMainExecutable(nullptr, nullptr);
  llvm::sys::fs::file_status St;
  if (!llvm::sys::fs::status(Self, St))
    Hash.update(std::to_string(St.getSize()) + '\0' +
                std::to_string(St.getLastModificationTime().time_since_epoch().count()));
  Hash.update(llvm::ArrayRef<uint8_t>(Bytes));
  std::array<uint8_t, 32> Digest = Hash.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(Digest), /*LowerCase=*/true);
}

} // namespace

std::string cacheDirectory(const std::string &CacheDir) {
  if (!CacheDir.empty())
    return CacheDir;
  if (const char *Dir = std::getenv("WASMC_CACHE_DIR"); Dir && *Dir)
    return Dir;
  llvm::SmallString<256> Path;
  if (const char *Xdg = std::getenv("XDG_CACHE_HOME"); Xdg && *Xdg)
    Path = Xdg;
  else if (const char *Home = std::getenv("HOME"); Home && *Home)
    llvm::sys::path::append(Path, Home, ".cache");
  else
    Path = "/tmp";
  llvm::sys::path::append(Path, "wasmc");
  return std::string(Path);
}

int runCached(CompileOptions C, const std::string &CacheDir,
              const std::vector<std::string> &RunArgs, const std::vector<std::string> &Args) {
  Result<std::vector<uint8_t>> Bytes = readModuleFile(C.Input);
  if (!Bytes) {
    reportError(C.Input, Bytes.error());
    return ExitFailure;
  }
  std::string Dir = cacheDirectory(CacheDir);
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir)) {
    std::fprintf(stderr, "wasmc: cache directory %s: %s\n", Dir.c_str(), EC.message().c_str());
    return ExitFailure;
  }
  llvm::SmallString<256> Exe(Dir);
  llvm::sys::path::append(Exe, cacheKey(C, *Bytes));
  // Compiling writes a temporary file and renames it, so a concurrent run
  // sees either no entry or a complete one.
  if (!llvm::sys::fs::exists(Exe)) {
    C.Output = std::string(Exe);
    C.Emit = "exe";
    C.Baked = {"--allow-runtime-grants"};
    if (int Status = compileModule(C))
      return Status;
  }
  std::vector<const char *> Argv{C.Input.c_str()};
  for (const std::string &A : RunArgs)
    Argv.push_back(A.c_str());
  Argv.push_back("--");
  for (const std::string &A : Args)
    Argv.push_back(A.c_str());
  Argv.push_back(nullptr);
  std::fflush(nullptr);
  execv(Exe.c_str(), const_cast<char *const *>(Argv.data()));
  std::fprintf(stderr, "wasmc: cannot run %s: %s\n", Exe.c_str(), std::strerror(errno));
  return ExitFailure;
}

} // namespace wasmc::driver
