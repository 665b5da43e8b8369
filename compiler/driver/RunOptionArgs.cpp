//===--- RunOptionArgs.cpp - Picking the run options out of a command line ===//
#include "RunOptionArgs.h"

#include <algorithm>
#include <cstring>

namespace wasmc::driver {

void RunOptionArgs::take(std::vector<const char *> &Argv,
                         const std::vector<std::string> &ValueOptions) {
  if (Argv.size() < 2)
    return;
  bool Run = std::strcmp(Argv[1], "run") == 0;
  if (!Run && std::strcmp(Argv[1], "compile") != 0)
    return;
  std::vector<const char *> Kept(Argv.begin(), Argv.begin() + 2);
  size_t I = 2;
  for (; I < Argv.size(); ++I) {
    std::string Arg = Argv[I];
    if (Arg == "--")
      break;
    int TakesValue = 0;
    if (rt_run_option_known(Arg.c_str(), &TakesValue)) {
      Args.push_back(Arg);
      if (TakesValue && I + 1 < Argv.size())
        Args.push_back(Argv[++I]);
      continue;
    }
    Kept.push_back(Argv[I]);
    bool HasValue = std::find(ValueOptions.begin(), ValueOptions.end(), Arg) !=
                    ValueOptions.end();
    if (HasValue && I + 1 < Argv.size())
      Kept.push_back(Argv[++I]);
    else if (Run && Arg[0] != '-') {
      ++I; // FILE: what follows is the module's
      break;
    }
  }
  Kept.insert(Kept.end(), Argv.begin() + std::min(I, Argv.size()), Argv.end());
  Argv = std::move(Kept);
}

bool RunOptionArgs::parse(rt_run_options &Out, std::string &Why) const {
  std::vector<const char *> Ptrs;
  for (const std::string &A : Args)
    Ptrs.push_back(A.c_str());
  Out = rt_run_options{};
  int Next = 0;
  char Err[512];
  if (rt_run_options_parse(&Out, int(Ptrs.size()), Ptrs.data(), &Next, Err, sizeof Err) != 0) {
    Why = Err;
    return false;
  }
  return true;
}

} // namespace wasmc::driver
