//===--- ScriptRunner.h - Walking the commands of one .wast script --------===//
//
/// \file
/// runScriptFile parses one script with wabt and runs each command through
/// our decoder and validator and, for commands that execute code, through
/// the engine. Without an engine those commands are counted as skipped.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "Engine.h"
#include "Report.h"

#include <string>

namespace wasmc::spectest {

/// Runs every command of the script at Path, counting into R under the
/// file's base name. E may be null (validation only). A script wabt cannot
/// parse counts as one failure.
void runScriptFile(const std::string &Path, Engine *E, Report &R);

} // namespace wasmc::spectest
