//===--- ModuleChecks.h - Decoding and validation assertions --------------===//
//
/// \file
/// Turns a script module into a binary (text through wabt's writer, binary
/// as written, quoted text through wabt's parser), runs our decoder and
/// validator on it, and judges the result against what the script expects.
/// Failures caused by wabt (a text module it cannot convert) are kept apart
/// from failures of our pipeline.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Validator.h"

#include <optional>
#include <string>

namespace wabt {
class ScriptModule;
struct Module;
} // namespace wabt

namespace wasmc::spectest {

/// A module's binary, or wabt's reason for not producing one.
struct ModuleBinary {
  std::vector<uint8_t> Bytes;
  bool FromText = false;
  std::string WabtError; ///< non-empty if wabt could not convert the text
};

ModuleBinary binaryOf(const wabt::Module &Parsed);
ModuleBinary binaryOf(const wabt::ScriptModule &SM);

enum class Expectation { Valid, Malformed, Invalid };

struct Verdict {
  bool Passed = false;
  /// On failure: the kind that groups it ("expected invalid, got valid").
  std::string Kind;
  /// The error message that goes with Kind, or our message on success.
  std::string Detail;
  /// On success our error's Message, to compare with the spec's phrase;
  /// empty when the module was valid or wabt rejected it.
  std::string OurMessage;
  std::optional<ValidatedModule> Module; ///< Expectation::Valid, passed
};

Verdict checkModule(ModuleBinary Binary, Expectation Expect);

/// E.str() without its leading kind, for failure lines whose kind already
/// says it ("expected invalid, got malformed: 0x4: unknown binary version").
std::string withoutKind(const WasmError &E);

} // namespace wasmc::spectest
