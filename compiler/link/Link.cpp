//===--- Link.cpp - lld's ELF driver as a library -------------------------===//
#include "link/Link.h"

#include "lld/Common/Driver.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>

LLD_HAS_DRIVER(elf)

namespace wasmc::link {

namespace {

std::vector<std::string> staticExecutableArgs(const LinkJob &Job) {
  std::vector<std::string> A = {"ld.lld", "-static", "--gc-sections", "-o", Job.Output,
                                WASMC_CRT1, WASMC_CRTI, WASMC_CRTBEGINT};
  A.insert(A.end(), Job.Objects.begin(), Job.Objects.end());
  A.insert(A.end(), Job.Archives.begin(), Job.Archives.end());
  A.insert(A.end(), {"-L" WASMC_GCC_LIB_DIR, "-L" WASMC_LIBC_DIR, "--start-group",
                     "-lgcc", "-lgcc_eh", "-lm", "-lc", "--end-group", WASMC_CRTEND,
                     WASMC_CRTN});
  return A;
}

std::vector<std::string> sharedObjectArgs(const LinkJob &Job) {
  std::vector<std::string> A = {"ld.lld", "-shared", "-o", Job.Output};
  A.insert(A.end(), Job.Objects.begin(), Job.Objects.end());
  A.insert(A.end(), Job.Archives.begin(), Job.Archives.end());
  return A;
}

} // namespace

llvm::Error linkWithLld(const LinkJob &Job) {
  // lld keeps global state while it runs; one link at a time per process.
  static std::mutex LinkMutex;
  std::lock_guard<std::mutex> Lock(LinkMutex);

  std::vector<std::string> Args = Job.Kind == OutputKind::StaticExecutable
                                      ? staticExecutableArgs(Job)
                                      : sharedObjectArgs(Job);
  std::vector<const char *> Argv;
  for (const std::string &S : Args)
    Argv.push_back(S.c_str());
  std::string Out, Err;
  llvm::raw_string_ostream OutS(Out), ErrS(Err);
  lld::Result R = lld::lldMain(Argv, OutS, ErrS, {{lld::Gnu, &lld::elf::link}});
  if (R.retCode != 0 || !R.canRunAgain) {
    ErrS.flush();
    std::string Msg = Err.empty() ? "lld failed" : Err;
    while (!Msg.empty() && Msg.back() == '\n')
      Msg.pop_back();
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "link failed: %s",
                                   Msg.c_str());
  }
  return llvm::Error::success();
}

} // namespace wasmc::link
