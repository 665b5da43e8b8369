//===--- TextNestingTest.cpp - The nesting bound of the text format -------===//
#include "text/TextNesting.h"
#include "text/WatToBinary.h"

#include "ErrorMatchers.h"

#include <gtest/gtest.h>

#include <string>

namespace wasmc {
namespace {

using test::failsWith;

std::string repeat(const std::string &S, size_t N) {
  std::string Out;
  Out.reserve(S.size() * N);
  for (size_t I = 0; I < N; ++I)
    Out += S;
  return Out;
}

std::string flatBlocks(size_t N) {
  return "(module (func (export \"f\") " + repeat("block ", N) +
         repeat("end ", N) + "))";
}

std::string foldedBlocks(size_t N) {
  return "(module (func (export \"f\") " + repeat("(block ", N) +
         repeat(")", N) + "))";
}

TEST(TextNesting, CountsParenthesesAndFlatBlocks) {
  // (module (func (export "f"): 2 levels, 3 inside the export; each block
  // one more. The error points at the block that would go deeper.
  EXPECT_TRUE(checkTextNesting(flatBlocks(3), "t.wat", 5).ok());
  EXPECT_TRUE(failsWith(checkTextNesting(flatBlocks(4), "t.wat", 5),
                        ErrorKind::Limit, "t.wat:1:46: text nests deeper than 5 levels"));
  EXPECT_TRUE(checkTextNesting(foldedBlocks(3), "t.wat", 5).ok());
  EXPECT_TRUE(failsWith(checkTextNesting(foldedBlocks(4), "t.wat", 5),
                        ErrorKind::Limit, "t.wat:1:49: text nests deeper than 5 levels"));
}

TEST(TextNesting, FoldedKeywordsCountTheirParenthesisOnly) {
  // A folded if has no `end`: its keyword must not open a flat level too,
  // or the second if would be one level deeper than the first.
  std::string Wat = "(module (func (param i32)\n"
                    "  (if (local.get 0) (then (nop)) (else (nop)))\n"
                    "  (if (local.get 0) (then (nop)) (else (nop)))))";
  EXPECT_TRUE(checkTextNesting(Wat, "t.wat", 5).ok());
  EXPECT_TRUE(failsWith(checkTextNesting(Wat, "t.wat", 4), ErrorKind::Limit,
                        "t.wat:2:27: text nests deeper than 4 levels"));
}

TEST(TextNesting, SkipsCommentsAndStrings) {
  std::string Wat = "(module ;; ((((( block block\n"
                    "  (; (((( (; nested ;) (((( ;)\n"
                    "  (func (export \"((((block\\\"((((\")))";
  EXPECT_TRUE(checkTextNesting(Wat, "t.wat", 3).ok());
}

TEST(TextNesting, UnbalancedTextDoesNotUnderflow) {
  EXPECT_TRUE(checkTextNesting(")))) end end (module)", "t.wat", 1).ok());
}

// The text parser recurses per level: deep text must parse on its large
// stack (the main thread's 8 MiB held about 15,000 levels), and text over
// the bound gets an error, not a crash.
TEST(WatToBinary, DeepTextParses) {
  auto Flat = watToBinary(flatBlocks(100000), "flat.wat");
  ASSERT_TRUE(Flat.ok()) << Flat.error().str();
  auto Folded = watToBinary(foldedBlocks(100000), "folded.wat");
  ASSERT_TRUE(Folded.ok()) << Folded.error().str();
  EXPECT_EQ(*Flat, *Folded);
}

TEST(WatToBinary, TextOverTheBoundIsALimitError) {
  EXPECT_TRUE(failsWith(watToBinary(foldedBlocks(MaxTextNesting), "deep.wat"),
                        ErrorKind::Limit, "deep.wat:1:"));
}

} // namespace
} // namespace wasmc
