//===--- ValidateCommand.cpp - wasmc validate FILE ------------------------===//
//
/// \file
/// Decodes and validates one module; silent on success, like a compiler.
//
//===----------------------------------------------------------------------===//
#include "Diagnostics.h"
#include "Subcommand.h"

#include "text/ModuleFile.h"
#include "wasm/Validator.h"

#include <CLI/CLI.hpp>

#include <memory>

namespace wasmc::driver {

namespace {

int runValidate(const std::string &File) {
  Result<std::vector<uint8_t>> Bytes = readModuleFile(File);
  if (!Bytes) {
    reportError(File, Bytes.error());
    return ExitFailure;
  }
  Result<ValidatedModule> M = loadModule(Bytes.take());
  if (!M) {
    reportError(File, M.error());
    return ExitFailure;
  }
  return 0;
}

} // namespace

Subcommand addValidateCommand(CLI::App &App) {
  auto File = std::make_shared<std::string>();
  CLI::App *Cmd = App.add_subcommand(
      "validate", "Decode and validate a module (.wasm or .wat)");
  Cmd->add_option("FILE", *File, "Module file")->required();
  return {Cmd, [File] { return runValidate(*File); }};
}

} // namespace wasmc::driver
