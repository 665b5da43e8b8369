//===--- ModuleFile.cpp - Reading a module from a .wasm or .wat file ------===//
//
/// \file
/// File I/O and the binary-or-text decision for readModuleFile.
//
//===----------------------------------------------------------------------===//
#include "text/ModuleFile.h"

#include "text/WatToBinary.h"
#include "wasm/Module.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string_view>
#include <sys/stat.h>

namespace wasmc {

namespace {

WasmError ioError(const std::string &Path, const std::string &What) {
  return makeError(ErrorKind::Io, UINT64_MAX, Path + ": " + What);
}

struct FileCloser {
  void operator()(std::FILE *F) const { std::fclose(F); }
};

bool hasBinaryMagic(const std::vector<uint8_t> &Bytes) {
  return Bytes.size() >= 4 && Bytes[0] == 0 && Bytes[1] == 'a' &&
         Bytes[2] == 's' && Bytes[3] == 'm';
}

bool endsWith(std::string_view S, std::string_view Suffix) {
  return S.size() >= Suffix.size() &&
         S.substr(S.size() - Suffix.size()) == Suffix;
}

// A text module starts with "(module", a comment, or a bare module field.
bool looksLikeText(const std::vector<uint8_t> &Bytes) {
  for (uint8_t C : Bytes) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r')
      continue;
    return C == '(' || C == ';';
  }
  return false;
}

} // namespace

Result<std::vector<uint8_t>> readFileBytes(const std::string &Path) {
  std::unique_ptr<std::FILE, FileCloser> F(std::fopen(Path.c_str(), "rb"));
  if (!F)
    return ioError(Path, std::strerror(errno));
  struct stat St;
  if (fstat(fileno(F.get()), &St) != 0)
    return ioError(Path, std::strerror(errno));
  if (S_ISDIR(St.st_mode))
    return ioError(Path, "is a directory");
  const char *TooLarge = "file is larger than the 1 GiB module size limit";
  if (S_ISREG(St.st_mode) && uint64_t(St.st_size) > limits::MaxModuleSize)
    return ioError(Path, TooLarge);
  // fstat's size is only a hint (pipes report 0, files may grow), so the
  // limit is enforced again on the bytes actually read.
  std::vector<uint8_t> Bytes;
  if (S_ISREG(St.st_mode))
    Bytes.reserve(size_t(St.st_size));
  uint8_t Buf[65536];
  size_t N;
  while ((N = std::fread(Buf, 1, sizeof(Buf), F.get())) > 0) {
    if (Bytes.size() + N > limits::MaxModuleSize)
      return ioError(Path, TooLarge);
    Bytes.insert(Bytes.end(), Buf, Buf + N);
  }
  if (std::ferror(F.get()))
    return ioError(Path, std::strerror(errno));
  return Bytes;
}

Result<std::vector<uint8_t>> readModuleFile(const std::string &Path) {
  Result<std::vector<uint8_t>> Bytes = readFileBytes(Path);
  if (!Bytes || hasBinaryMagic(*Bytes))
    return Bytes;
  if (!endsWith(Path, ".wat") && !endsWith(Path, ".wast") &&
      !looksLikeText(*Bytes))
    return Bytes;
  std::string_view Text(reinterpret_cast<const char *>(Bytes->data()),
                        Bytes->size());
  return watToBinary(Text, Path);
}

} // namespace wasmc
