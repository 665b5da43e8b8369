//===--- FuzzDecodeValidate.cpp - libFuzzer entry for the front end -------===//
//
/// \file
/// Feeds arbitrary bytes to decodeModule and validateModule. The sanitizers
/// catch memory errors, leaks and undefined behaviour; a broken logical
/// invariant (DecodeValidateOracle.h) aborts, so libFuzzer saves the input.
//
//===----------------------------------------------------------------------===//
#include "DecodeValidateOracle.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Broken = wasmc::fuzz::checkDecodeValidate(Data, Size);
  if (!Broken.empty()) {
    std::fprintf(stderr, "fuzz-decode-validate: invariant broken: %s\n", Broken.c_str());
    std::abort();
  }
  return 0;
}
