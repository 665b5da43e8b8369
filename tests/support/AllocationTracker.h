//===--- AllocationTracker.h - Measure heap use of a code region ----------===//
//
/// \file
/// Lets a test assert that hostile input (a count of 0xFFFFFFFF in a tiny
/// module) is rejected without a large allocation. Linking
/// AllocationTracker.cpp replaces the global operator new of the test
/// executable, so use it only in test executables, never in a sanitizer
/// build that intercepts allocation itself.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>

namespace wasmc::test {

/// Records the heap allocations made through operator new while it is
/// alive. Scopes do not nest; the counters are process-wide.
class AllocationScope {
public:
  AllocationScope();
  ~AllocationScope();
  AllocationScope(const AllocationScope &) = delete;
  AllocationScope &operator=(const AllocationScope &) = delete;

  /// The largest single request seen so far, in bytes.
  size_t largest() const;
  /// The sum of all requests seen so far, in bytes.
  size_t total() const;
};

} // namespace wasmc::test
