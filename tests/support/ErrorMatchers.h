//===--- ErrorMatchers.h - GoogleTest assertions on Result and Status -----===//
//
/// \file
/// failsWith checks the three things a front-end error promises: that the
/// operation failed, its ErrorKind, and that its message starts with the
/// spec's phrase (the spec runner matches on that prefix). On failure it
/// prints the whole error, which is what one needs to fix a test.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include <gtest/gtest.h>

#include <string_view>

namespace wasmc::test {

template <typename ResultT>
::testing::AssertionResult failsWith(const ResultT &R, ErrorKind Kind,
                                     std::string_view Phrase) {
  if (R.ok())
    return ::testing::AssertionFailure()
           << "succeeded; expected " << errorKindName(Kind) << " \"" << Phrase << "\"";
  const WasmError &E = R.error();
  if (E.Kind != Kind || !std::string_view(E.Message).starts_with(Phrase))
    return ::testing::AssertionFailure()
           << "got \"" << E.str() << "\"; expected " << errorKindName(Kind) << " \""
           << Phrase << "...\"";
  return ::testing::AssertionSuccess();
}

/// Succeeds when R holds a value; otherwise prints the error.
template <typename ResultT>::testing::AssertionResult succeeds(const ResultT &R) {
  if (R.ok())
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << R.error().str();
}

} // namespace wasmc::test
