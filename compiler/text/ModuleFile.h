//===--- ModuleFile.h - Reading a module from a .wasm or .wat file --------===//
//
/// \file
/// The one way tools load a module from disk: binary files are returned as
/// they are, text files are converted with watToBinary. Nothing is decoded
/// or validated here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wasmc {

/// Reads the whole file at Path, refusing more than limits::MaxModuleSize
/// bytes. Errors are Io and name the path.
Result<std::vector<uint8_t>> readFileBytes(const std::string &Path);

/// Reads Path (at most limits::MaxModuleSize bytes) and returns a module
/// binary. A file that does not start with "\0asm" is taken as text if its
/// name ends in .wat or .wast or its first non-blank character is '(' or
/// ';'; any other file is returned unchanged for the decoder to reject.
/// Errors: Io naming the path (missing, unreadable, directory, too large),
/// or Malformed from watToBinary.
Result<std::vector<uint8_t>> readModuleFile(const std::string &Path);

} // namespace wasmc
