//===--- WatToBinary.h - Text format to binary through wabt ---------------===//
//
/// \file
/// The text format is parsed by wabt, not by us: these functions turn text
/// into the binary our decoder reads, and do no validation of their own, so
/// that invalid modules reach our validator and are judged there. No wabt
/// header is included here; wabt::Module is only named.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wabt {
struct Module;
} // namespace wabt

namespace wasmc {

/// Parses one module in the text format, resolves its names and writes its
/// binary with a name section. All Wasm 2.0 features are enabled. A text
/// that does not parse, or names that do not resolve, give one Malformed
/// error carrying wabt's first message as "FILE:LINE:COL: message".
Result<std::vector<uint8_t>> watToBinary(std::string_view Source,
                                         const std::string &Filename);

/// Writes the binary of a module wabt already parsed (for the spec runner,
/// whose scripts wabt parses whole). Does not validate. Fails with Malformed
/// only if wabt's writer refuses the module.
Result<std::vector<uint8_t>> wabtModuleToBinary(const wabt::Module &M);

} // namespace wasmc
