//===--- FuzzRegressTest.cpp - Replay of saved fuzzer inputs --------------===//
//
/// \file
/// Every file in tests/fuzz/regress is an input that once broke the
/// front end. Replaying them through the fuzzer's own oracle in the normal
/// (unsanitized) build keeps the fixes fixed; the sanitizer build replays
/// them too with `fuzz-decode-validate tests/fuzz/regress/*`.
//
//===----------------------------------------------------------------------===//
#include "DecodeValidateOracle.h"
#include "ModuleBuilder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

using namespace wasmc;
using namespace wasmc::test;

namespace {

std::vector<uint8_t> readFile(const std::filesystem::path &P) {
  std::ifstream In(P, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(In), {});
}

std::string check(const std::vector<uint8_t> &B) {
  return fuzz::checkDecodeValidate(B.data(), B.size());
}

TEST(FuzzRegress, SavedInputsKeepTheInvariants) {
  std::filesystem::path Dir = WASMC_FUZZ_REGRESS_DIR;
  unsigned N = 0;
  if (std::filesystem::is_directory(Dir)) {
    for (const auto &Entry : std::filesystem::directory_iterator(Dir)) {
      if (!Entry.is_regular_file() || Entry.path().extension() == ".md")
        continue;
      ++N;
      EXPECT_EQ(check(readFile(Entry.path())), "") << Entry.path();
    }
  }
  if (N == 0)
    GTEST_SKIP() << "no saved inputs in " << Dir;
}

TEST(FuzzRegress, OracleAcceptsEachOutcome) {
  // A valid module, an invalid one, a malformed one and a malformed body in
  // an otherwise invalid module all satisfy the invariants.
  ModuleBuilder Valid;
  uint32_t T = Valid.type({}, {});
  Valid.func(T, {}, Bytes().end());
  EXPECT_EQ(check(Valid.build()), "");

  ModuleBuilder Invalid;
  T = Invalid.type({}, {});
  Invalid.func(T, {}, Bytes().op(Opcode::Drop).end());
  EXPECT_EQ(check(Invalid.build()), "");

  EXPECT_EQ(check({0x00, 0x61, 0x73, 0x6d, 0x02}), "");

  ModuleBuilder Both;
  T = Both.type({}, {});
  Both.func(T, {}, Bytes().op(Opcode::Drop).end());
  Both.func(T, {}, Bytes().byte(0xff).end());
  EXPECT_EQ(check(Both.build()), "");
}

} // namespace
