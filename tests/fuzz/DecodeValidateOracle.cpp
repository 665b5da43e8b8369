//===--- DecodeValidateOracle.cpp - Invariants of decode and validate -----===//
//
/// \file
/// checkCodeSyntax runs on the decoded module before validation takes it,
/// so the two answers to "is this body well-formed?" can be compared.
//
//===----------------------------------------------------------------------===//
#include "DecodeValidateOracle.h"

#include "wasm/Decoder.h"
#include "wasm/Validator.h"

namespace wasmc::fuzz {

namespace {

std::string describe(const char *Stage, const WasmError &E) {
  return std::string(Stage) + " returned \"" + E.str() + "\"";
}

bool offsetInside(const WasmError &E, size_t Size) {
  return E.Offset == UINT64_MAX || E.Offset <= Size;
}

} // namespace

std::string checkDecodeValidate(const uint8_t *Data, size_t Size) {
  Result<std::unique_ptr<Module>> Decoded =
      decodeModule(std::vector<uint8_t>(Data, Data + Size));
  if (!Decoded.ok()) {
    const WasmError &E = Decoded.error();
    if (E.Kind != ErrorKind::Malformed && E.Kind != ErrorKind::Limit)
      return describe("decodeModule", E) + ": unexpected error kind";
    if (!offsetInside(E, Size))
      return describe("decodeModule", E) + ": offset beyond the input";
    return {};
  }

  Status Syntax = checkCodeSyntax(**Decoded);
  if (!Syntax.ok() && Syntax.error().Kind != ErrorKind::Malformed)
    return describe("checkCodeSyntax", Syntax.error()) + ": unexpected error kind";

  Result<ValidatedModule> Valid = validateModule(Decoded.take());
  if (Valid.ok()) {
    if (!Syntax.ok())
      return describe("checkCodeSyntax", Syntax.error()) +
             " but validateModule accepted the module";
    // A valid module's bodies must still read back cleanly.
    Status Again = checkCodeSyntax(Valid->module());
    if (!Again.ok())
      return describe("checkCodeSyntax after validation", Again.error());
    return {};
  }

  const WasmError &E = Valid.error();
  if (!offsetInside(E, Size))
    return describe("validateModule", E) + ": offset beyond the input";
  switch (E.Kind) {
  case ErrorKind::Invalid:
    if (!Syntax.ok())
      return describe("validateModule", E) + " although checkCodeSyntax returned \"" +
             Syntax.error().str() + "\" (malformed must win)";
    return {};
  case ErrorKind::Malformed:
    if (Syntax.ok())
      return describe("validateModule", E) + " but checkCodeSyntax found no error";
    if (Syntax.error().Message != E.Message || Syntax.error().Offset != E.Offset)
      return describe("validateModule", E) + " but checkCodeSyntax returned \"" +
             Syntax.error().str() + "\"";
    return {};
  default:
    return describe("validateModule", E) + ": unexpected error kind";
  }
}

} // namespace wasmc::fuzz
