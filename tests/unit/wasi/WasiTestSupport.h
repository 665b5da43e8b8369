//===--- WasiTestSupport.h - Guest memory and context for WASI tests ------===//
//
/// \file
/// A fixture with a configured wasi_ctx and one 64 KiB page of "guest
/// memory" (a host buffer), plus little-endian accessors, so that core
/// tests call wasi_* functions directly, as an adapter would.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasi/host.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

namespace wasmc::wasitest {

class WasiTest : public ::testing::Test {
protected:
  static constexpr uint32_t MemSize = 65536;

  WasiTest() : Bytes(MemSize, 0) { wasi_ctx_init(&Ctx); }

  wasi_mem mem() { return {Bytes.data(), Bytes.size()}; }
  uint8_t *at(uint32_t Addr) { return Bytes.data() + Addr; }
  uint32_t load32(uint32_t Addr) {
    uint32_t V = 0;
    for (int I = 3; I >= 0; --I)
      V = V << 8 | Bytes[Addr + I];
    return V;
  }
  uint64_t load64(uint32_t Addr) {
    return uint64_t(load32(Addr)) | uint64_t(load32(Addr + 4)) << 32;
  }
  void store32(uint32_t Addr, uint32_t V) {
    for (int I = 0; I < 4; ++I)
      Bytes[Addr + I] = uint8_t(V >> (8 * I));
  }
  /// An iovec {Buf, Len} at Addr.
  void iovec(uint32_t Addr, uint32_t Buf, uint32_t Len) {
    store32(Addr, Buf);
    store32(Addr + 4, Len);
  }
  /// Whether the whole memory still holds Fill (nothing was written).
  bool untouched(uint8_t Fill = 0) {
    for (uint8_t B : Bytes)
      if (B != Fill)
        return false;
    return true;
  }

  wasi_ctx Ctx;
  std::vector<uint8_t> Bytes;
};

/// A pipe closed on destruction.
struct Pipe {
  int Read = -1, Write = -1;
  Pipe() {
    int Fds[2];
    if (pipe(Fds) == 0) {
      Read = Fds[0];
      Write = Fds[1];
    }
  }
  ~Pipe() {
    closeWrite();
    if (Read >= 0)
      close(Read);
  }
  void closeWrite() {
    if (Write >= 0)
      close(Write);
    Write = -1;
  }
  /// What is in the pipe now (the write end must be closed first).
  std::string drain() {
    std::string S;
    char Buf[4096];
    ssize_t N;
    while ((N = read(Read, Buf, sizeof Buf)) > 0)
      S.append(Buf, size_t(N));
    return S;
  }
};

} // namespace wasmc::wasitest
