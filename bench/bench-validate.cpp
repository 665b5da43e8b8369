//===--- bench-validate.cpp - Decode and validation times, in process -----===//
//
/// \file
/// wasmc-bench-validate FILE [--runs N] times decodeModule and
/// validateModule separately on one module, N times each (default 10), and
/// prints the median and minimum of each with the throughput in MB/s
/// (10^6 bytes). The copy of the input that decodeModule takes ownership of
/// is made before the clock starts, and the module is freed after it stops,
/// so the numbers are the front end's own work. Besides wall-clock time
/// (steady_clock) it reports the thread's CPU time, which stays meaningful
/// on a machine shared with other jobs.
//
//===----------------------------------------------------------------------===//
#include "wasm/Decoder.h"
#include "wasm/Validator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace wasmc;

namespace {

using Clock = std::chrono::steady_clock;

double millisSince(Clock::time_point Start, Clock::time_point End) {
  return std::chrono::duration<double, std::milli>(End - Start).count();
}

/// CPU time of the calling thread, in milliseconds.
double threadCpuMillis() {
  timespec T;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T);
  return double(T.tv_sec) * 1e3 + double(T.tv_nsec) / 1e6;
}

struct Stats {
  double Median, Min;
};

Stats summarize(std::vector<double> Samples) {
  std::sort(Samples.begin(), Samples.end());
  size_t N = Samples.size();
  double Median = N % 2 ? Samples[N / 2] : (Samples[N / 2 - 1] + Samples[N / 2]) / 2;
  return {Median, Samples.front()};
}

void report(const char *What, Stats S, size_t Bytes) {
  std::printf("%-21s median %9.2f ms  min %9.2f ms  %8.1f MB/s (median)\n", What,
              S.Median, S.Min, double(Bytes) / 1e3 / S.Median);
}

} // namespace

int main(int Argc, char **Argv) {
  if (Argc != 2 && !(Argc == 4 && std::string(Argv[2]) == "--runs")) {
    std::fprintf(stderr, "usage: %s FILE [--runs N]\n", Argv[0]);
    return 2;
  }
  unsigned Runs = Argc == 4 ? unsigned(std::strtoul(Argv[3], nullptr, 10)) : 10;
  if (Runs == 0)
    Runs = 1;
  std::ifstream In(Argv[1], std::ios::binary);
  if (!In) {
    std::fprintf(stderr, "%s: cannot read %s\n", Argv[0], Argv[1]);
    return 1;
  }
  const std::vector<uint8_t> Input(std::istreambuf_iterator<char>(In), {});

  std::vector<double> Decode, Validate, Total, Cpu;
  size_t NumFuncs = 0, CodeBytes = 0;
  for (unsigned Run = 0; Run < Runs; ++Run) {
    std::vector<uint8_t> Copy = Input;
    double Cpu0 = threadCpuMillis();
    Clock::time_point T0 = Clock::now();
    Result<std::unique_ptr<Module>> M = decodeModule(std::move(Copy));
    Clock::time_point T1 = Clock::now();
    double Cpu1 = threadCpuMillis();
    if (!M.ok()) {
      std::fprintf(stderr, "%s: %s\n", Argv[1], M.error().str().c_str());
      return 1;
    }
    NumFuncs = (*M)->Functions.size();
    CodeBytes = 0;
    for (const Function &F : (*M)->Functions)
      CodeBytes += F.Body.Size;
    double Cpu2 = threadCpuMillis();
    Clock::time_point T2 = Clock::now();
    Result<ValidatedModule> V = validateModule(M.take());
    Clock::time_point T3 = Clock::now();
    double Cpu3 = threadCpuMillis();
    if (!V.ok()) {
      std::fprintf(stderr, "%s: %s\n", Argv[1], V.error().str().c_str());
      return 1;
    }
    Decode.push_back(millisSince(T0, T1));
    Validate.push_back(millisSince(T2, T3));
    Total.push_back(millisSince(T0, T1) + millisSince(T2, T3));
    Cpu.push_back((Cpu1 - Cpu0) + (Cpu3 - Cpu2));
  }

  std::printf("%s: %zu bytes (%.1f MB), %zu functions, %zu bytes of code, %u runs\n",
              Argv[1], Input.size(), double(Input.size()) / 1e6, NumFuncs, CodeBytes,
              Runs);
  report("decode", summarize(Decode), Input.size());
  report("validate", summarize(Validate), Input.size());
  report("decode+validate", summarize(Total), Input.size());
  report("decode+validate (CPU)", summarize(Cpu), Input.size());
  return 0;
}
