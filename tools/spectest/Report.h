//===--- Report.h - Counting and printing spec assertion results ----------===//
//
/// \file
/// Every script command counts as one assertion: passed, failed or skipped.
/// Failures are printed as they happen (with --verbose) and only their kind
/// is remembered, so memory stays bounded however many files run.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace wasmc::spectest {

struct Counts {
  uint64_t Passed = 0, Failed = 0, Skipped = 0;
};

class Report {
public:
  explicit Report(bool Verbose) : Verbose(Verbose) {}

  void beginFile(std::string Name);
  void pass() { ++File.Passed; }
  /// Kind groups failures in the summary ("expected invalid, got valid");
  /// Detail is the message that goes with this one.
  void fail(int Line, std::string_view Command, const std::string &Kind,
            std::string_view Detail);
  void skip(const std::string &Reason);
  /// A passing assertion whose error message lacks the spec's phrase;
  /// informational, not a failure.
  void messageMismatch(int Line, std::string_view Command,
                       std::string_view Expected, std::string_view Actual);
  /// Prints "NAME.wast: P passed, F failed, S skipped".
  void endFile();

  /// Failure kinds, skip reasons and the closing "N passed, M failed, K
  /// skipped" line.
  void printSummary() const;
  bool anyFailed() const { return Total.Failed != 0; }

private:
  bool Verbose;
  std::string FileName;
  Counts File, Total;
  uint64_t MessageMismatches = 0;
  std::map<std::string, uint64_t> FailureKinds, SkipReasons;
};

} // namespace wasmc::spectest
