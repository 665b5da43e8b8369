//===--- InspectCommand.cpp - wasmc inspect FILE --------------------------===//
//
/// \file
/// A short human summary of a module: section counts, exports, custom
/// sections, start function, and whether it validates. Inspection only
/// needs the module to decode, so invalid modules are summarised too.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "Subcommand.h"

#include "text/ModuleFile.h"
#include "wasm/Decoder.h"
#include "wasm/Validator.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace wasmc::driver {

namespace {

void printCount(const char *What, size_t Total, uint32_t Imported) {
  if (Imported)
    std::printf("%-16s %zu (%u imported)\n", What, Total, Imported);
  else
    std::printf("%-16s %zu\n", What, Total);
}

std::string describeEntity(const Module &M, ExternKind Kind, uint32_t Index) {
  if (Kind == ExternKind::Func && Index < M.numFuncs())
    return M.describeFunc(Index);
  return std::string(externKindName(Kind)) + " " + std::to_string(Index);
}

void printSummary(const std::string &File, const Module &M) {
  std::printf("module:          %s\n", File.c_str());
  printCount("types:", M.Types.size(), 0);
  printCount("imports:", M.Imports.size(), 0);
  printCount("functions:", M.numFuncs(), M.NumImportedFuncs);
  printCount("tables:", M.numTables(), M.NumImportedTables);
  printCount("memories:", M.numMemories(), M.NumImportedMemories);
  printCount("globals:", M.numGlobals(), M.NumImportedGlobals);
  printCount("exports:", M.Exports.size(), 0);
  for (const Export &E : M.Exports)
    std::printf("  %-7s \"%s\": %s\n", externKindName(E.Kind), E.Name.c_str(),
                describeEntity(M, E.Kind, E.Index).c_str());
  printCount("elem segments:", M.Elems.size(), 0);
  printCount("data segments:", M.Datas.size(), 0);
  std::printf("start:           %s\n",
              M.Start ? describeEntity(M, ExternKind::Func, *M.Start).c_str()
                      : "none");
  printCount("custom sections:", M.Customs.size(), 0);
  for (const CustomSection &C : M.Customs)
    std::printf("  \"%s\" (%llu bytes)\n", C.Name.c_str(),
                (unsigned long long)C.Contents.Size);
}

int runInspect(const std::string &File) {
  Result<std::vector<uint8_t>> Bytes = readModuleFile(File);
  if (!Bytes) {
    reportError(File, Bytes.error());
    return ExitFailure;
  }
  Result<std::unique_ptr<Module>> M = decodeModule(Bytes.take());
  if (!M) {
    reportError(File, M.error());
    return ExitFailure;
  }
  printSummary(File, **M);
  Result<ValidatedModule> V = validateModule(M.take());
  if (!V) {
    std::printf("valid:           no (%s)\n", V.error().str().c_str());
    return ExitFailure;
  }
  std::printf("valid:           yes\n");
  return 0;
}

} // namespace

Subcommand addInspectCommand(CLI::App &App) {
  auto File = std::make_shared<std::string>();
  CLI::App *Cmd = App.add_subcommand(
      "inspect", "Print a summary of a module's sections and exports");
  Cmd->add_option("FILE", *File, "Module file")->required();
  return {Cmd, [File] { return runInspect(*File); }};
}

} // namespace wasmc::driver
