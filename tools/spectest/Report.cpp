//===--- Report.cpp - Counting and printing spec assertion results --------===//
//
/// \file
/// All of the runner's standard output: failure lines, per-file lines and
/// the closing summary.
//
//===----------------------------------------------------------------------===//
#include "Report.h"

#include <cinttypes>
#include <cstdio>

namespace wasmc::spectest {

void Report::beginFile(std::string Name) {
  FileName = std::move(Name);
  File = Counts();
}

void Report::fail(int Line, std::string_view Command, const std::string &Kind,
                  std::string_view Detail) {
  ++File.Failed;
  ++FailureKinds[Kind];
  if (!Verbose)
    return;
  std::printf("  %s:%d: %.*s: %s%s%.*s\n", FileName.c_str(), Line,
              int(Command.size()), Command.data(), Kind.c_str(),
              Detail.empty() ? "" : ": ", int(Detail.size()), Detail.data());
}

void Report::skip(const std::string &Reason) {
  ++File.Skipped;
  ++SkipReasons[Reason];
}

void Report::messageMismatch(int Line, std::string_view Command,
                             std::string_view Expected,
                             std::string_view Actual) {
  ++MessageMismatches;
  if (!Verbose)
    return;
  std::printf("  %s:%d: %.*s: note: spec says \"%.*s\", we say: %.*s\n",
              FileName.c_str(), Line, int(Command.size()), Command.data(),
              int(Expected.size()), Expected.data(), int(Actual.size()),
              Actual.data());
}

void Report::endFile() {
  std::printf("%s: %" PRIu64 " passed, %" PRIu64 " failed, %" PRIu64
              " skipped\n",
              FileName.c_str(), File.Passed, File.Failed, File.Skipped);
  std::fflush(stdout);
  Total.Passed += File.Passed;
  Total.Failed += File.Failed;
  Total.Skipped += File.Skipped;
}

void Report::printSummary() const {
  if (!FailureKinds.empty()) {
    std::printf("failures by kind:\n");
    for (const auto &[Kind, N] : FailureKinds)
      std::printf("  %6" PRIu64 "  %s\n", N, Kind.c_str());
  }
  if (!SkipReasons.empty()) {
    std::printf("skipped by reason:\n");
    for (const auto &[Reason, N] : SkipReasons)
      std::printf("  %6" PRIu64 "  %s\n", N, Reason.c_str());
  }
  if (MessageMismatches)
    std::printf("passed with a message other than the spec's: %" PRIu64 "\n",
                MessageMismatches);
  std::printf("%" PRIu64 " passed, %" PRIu64 " failed, %" PRIu64 " skipped\n",
              Total.Passed, Total.Failed, Total.Skipped);
}

} // namespace wasmc::spectest
