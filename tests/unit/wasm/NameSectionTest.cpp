//===--- NameSectionTest.cpp - The `name` custom section ------------------===//
//
/// \file
/// Tests of NameSection.cpp through decodeModule: module, function and local
/// names are read, unknown subsections are skipped, and a broken name
/// section never makes the module malformed but keeps what was read first.
//
//===----------------------------------------------------------------------===//
#include "AllocationTracker.h"
#include "ErrorMatchers.h"
#include "ModuleBuilder.h"
#include "wasm/Decoder.h"

#include <gtest/gtest.h>

using namespace wasmc;
using namespace wasmc::test;

namespace {

std::unique_ptr<Module> decodeOk(std::vector<uint8_t> B) {
  Result<std::unique_ptr<Module>> R = decodeModule(std::move(B));
  EXPECT_TRUE(succeeds(R));
  return R.ok() ? R.take() : nullptr;
}

Bytes subsection(uint8_t Id, const Bytes &Contents) {
  return Bytes().byte(Id).sized(Contents);
}

/// A module of two functions whose `name` section is Subsections.
std::vector<uint8_t> namedModule(const Bytes &Subsections) {
  ModuleBuilder B;
  uint32_t T = B.type({ValType::I32}, {});
  B.func(T, {{1, ValType::I64}}, Bytes().end());
  B.func(T, {}, Bytes().end());
  B.custom("name", Subsections);
  return B.build();
}

TEST(NameSection, FunctionNamesFromTheBuilder) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.importFunc("env", "imp", T);
  uint32_t F = B.func(T, {}, Bytes().end());
  B.funcName(F, "fac");
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->FuncNames.size(), 1u);
  EXPECT_EQ(M->FuncNames.at(1), "fac");
  EXPECT_EQ(M->describeFunc(1), "function 1 ($fac)");
  EXPECT_EQ(M->describeFunc(0), "function 0");
}

TEST(NameSection, ModuleFunctionAndLocalNames) {
  Bytes Locals;
  Locals.u32(1).u32(0).u32(2).u32(0).name("x").u32(1).name("y");
  auto M = decodeOk(namedModule(
      Bytes()
          .raw(subsection(0, Bytes().name("mod")))
          .raw(subsection(1, Bytes().u32(2).u32(0).name("f").u32(1).name("g")))
          .raw(subsection(2, Locals))));
  ASSERT_TRUE(M);
  EXPECT_EQ(M->ModuleName, "mod");
  EXPECT_EQ(M->FuncNames.at(0), "f");
  EXPECT_EQ(M->FuncNames.at(1), "g");
  EXPECT_EQ(M->LocalNames.at(0).at(0), "x");
  EXPECT_EQ(M->LocalNames.at(0).at(1), "y");
}

TEST(NameSection, UnknownSubsectionsAreSkipped) {
  // Subsection 3 (labels, an extension) comes before the function names.
  auto M =
      decodeOk(namedModule(Bytes()
                               .raw(subsection(3, Bytes{0xff, 0xff, 0xff}))
                               .raw(subsection(1, Bytes().u32(1).u32(1).name("g")))));
  ASSERT_TRUE(M);
  EXPECT_EQ(M->FuncNames.at(1), "g");
}

TEST(NameSection, BrokenSubsectionKeepsWhatCameBefore) {
  auto M = decodeOk(namedModule(Bytes()
                                    .raw(subsection(1, Bytes().u32(1).u32(0).name("f")))
                                    .raw(subsection(2, Bytes{0x01, 0x00, 0x05}))));
  ASSERT_TRUE(M);
  EXPECT_EQ(M->FuncNames.at(0), "f");
}

TEST(NameSection, InvalidUtf8NameIsDroppedNotMalformed) {
  auto M = decodeOk(namedModule(subsection(1, Bytes().u32(1).u32(0).name("\xc0\xaf"))));
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->FuncNames.empty());
  EXPECT_EQ(M->describeFunc(0), "function 0");
}

TEST(NameSection, SubsectionSizeBeyondTheSection) {
  auto M = decodeOk(namedModule(Bytes{0x01, 0x7f, 0x01}));
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->FuncNames.empty());
}

TEST(NameSection, HostileCountDoesNotAllocate) {
  std::vector<uint8_t> B =
      namedModule(subsection(1, Bytes().u32(0xffffffff).u32(0).name("f")));
  AllocationScope Allocs;
  auto M = decodeOk(B);
  ASSERT_TRUE(M);
  EXPECT_LT(Allocs.largest(), 4096u);
}

TEST(NameSection, OnlyTheSectionCalledName) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Bytes().end());
  B.custom("names", subsection(1, Bytes().u32(1).u32(0).name("f")));
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->FuncNames.empty());
  ASSERT_EQ(M->Customs.size(), 1u);
  EXPECT_EQ(M->Customs[0].Name, "names");
}

} // namespace
