//===--- Decoder.h - Binary format to module IR ---------------------------===//
//
/// \file
/// decodeModule reads a .wasm binary in one pass over its sections into a
/// Module. Errors are Malformed (the binary does not follow the format) or
/// Limit (an implementation limit is exceeded). Code bodies are delimited
/// and their locals decoded, but their instructions are read later by the
/// validator through InstrReader; checkCodeSyntax lets the validator decide
/// whether a module that fails validation is in fact malformed, since the
/// spec decodes everything before it validates.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Module.h"

#include <memory>

namespace wasmc {

Result<std::unique_ptr<Module>> decodeModule(std::vector<uint8_t> Bytes);

/// Checks the binary syntax of every code body: opcodes and immediates
/// decode, blocks nest, each body ends with its final `end`, and
/// memory.init/data.drop only appear with a data count section. Returns the
/// first Malformed error, in module order.
Status checkCodeSyntax(const Module &M);

} // namespace wasmc
