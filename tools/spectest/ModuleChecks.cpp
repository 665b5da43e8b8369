//===--- ModuleChecks.cpp - Decoding and validation assertions ------------===//
//
/// \file
/// wabt's validator is never run: a text module in assert_invalid must
/// reach our validator, so text is converted with the binary writer alone.
//
//===----------------------------------------------------------------------===//
#include "ModuleChecks.h"

#include "text/WatToBinary.h"

#include "wabt/cast.h"
#include "wabt/ir.h"

namespace wasmc::spectest {

namespace {

ModuleBinary fromConversion(Result<std::vector<uint8_t>> R) {
  ModuleBinary B;
  B.FromText = true;
  if (R)
    B.Bytes = R.take();
  else
    B.WabtError = R.error().Message;
  return B;
}

std::string gotWhat(const Result<ValidatedModule> &R) {
  return R ? "valid" : errorKindName(R.error().Kind);
}

Verdict failure(std::string Kind, std::string Detail) {
  Verdict V;
  V.Kind = std::move(Kind);
  V.Detail = std::move(Detail);
  return V;
}

} // namespace

std::string withoutKind(const WasmError &E) {
  std::string S = E.str();
  std::string Prefix = std::string(errorKindName(E.Kind)) + ": ";
  return S.compare(0, Prefix.size(), Prefix) == 0 ? S.substr(Prefix.size())
                                                   : S;
}

ModuleBinary binaryOf(const wabt::Module &Parsed) {
  return fromConversion(wabtModuleToBinary(Parsed));
}

ModuleBinary binaryOf(const wabt::ScriptModule &SM) {
  if (auto *Text = wabt::dyn_cast<wabt::TextScriptModule>(&SM))
    return binaryOf(Text->module);
  if (auto *Binary = wabt::dyn_cast<wabt::BinaryScriptModule>(&SM)) {
    ModuleBinary B;
    B.Bytes = Binary->data;
    return B;
  }
  auto &Quoted = *wabt::cast<wabt::QuotedScriptModule>(&SM);
  std::string_view Source(reinterpret_cast<const char *>(Quoted.data.data()),
                          Quoted.data.size());
  return fromConversion(watToBinary(Source, "<quote>"));
}

Verdict checkModule(ModuleBinary Binary, Expectation Expect) {
  if (!Binary.WabtError.empty()) {
    // wabt's parser implements the text format's malformedness rules, so its
    // rejection is the expected outcome; anything else is wabt's failure,
    // not ours.
    if (Expect == Expectation::Malformed) {
      Verdict V;
      V.Passed = true;
      V.Detail = Binary.WabtError;
      return V;
    }
    return failure("wabt: cannot convert text module", Binary.WabtError);
  }

  bool FromText = Binary.FromText;
  Result<ValidatedModule> R = loadModule(std::move(Binary.Bytes));
  std::string Message = R ? "" : withoutKind(R.error());
  switch (Expect) {
  case Expectation::Valid:
    if (!R)
      return failure("module should be valid, got " + gotWhat(R), Message);
    break;
  case Expectation::Malformed:
    if (R || R.error().Kind != ErrorKind::Malformed)
      return failure(std::string("expected malformed") +
                         (FromText ? " (text accepted by wabt)" : "") +
                         ", got " + gotWhat(R),
                     Message);
    break;
  case Expectation::Invalid:
    if (R || R.error().Kind != ErrorKind::Invalid)
      return failure("expected invalid, got " + gotWhat(R), Message);
    break;
  }

  Verdict V;
  V.Passed = true;
  V.Detail = Message;
  if (R)
    V.Module = R.take();
  else
    V.OurMessage = R.error().Message;
  return V;
}

} // namespace wasmc::spectest
