//===--- Engine.cpp - Choosing the spec runner's engine -------------------===//
//
/// \file
/// Maps --engine names to Engine instances; the one place an engine is
/// plugged into the runner.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"

namespace wasmc::spectest {

bool parseEngineKind(std::string_view Name, EngineKind &Out) {
  if (Name == "validate")
    Out = EngineKind::Validate;
  else if (Name == "interp")
    Out = EngineKind::Interp;
  else if (Name == "aot")
    Out = EngineKind::Aot;
  else
    return false;
  return true;
}

std::unique_ptr<Engine> createEngine(EngineKind Kind) {
  switch (Kind) {
  case EngineKind::Validate:
    return nullptr;
  // The interpreter and the AOT backend plug in here once they exist; until
  // then both run the decoding and validation assertions only.
  case EngineKind::Interp:
  case EngineKind::Aot:
    return nullptr;
  }
  return nullptr;
}

} // namespace wasmc::spectest
