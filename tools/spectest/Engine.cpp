//===--- Engine.cpp - Choosing the spec runner's engine -------------------===//
//
/// \file
/// Maps --engine names to Engine instances; the one place an engine is
/// plugged into the runner.
//
//===----------------------------------------------------------------------===//
#include "Engine.h"

#include "AotEngine.h"
#include "InterpEngine.h"

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

std::unique_ptr<Engine> createEngine(EngineKind Kind,
                                     const EngineOptions &Opts) {
  switch (Kind) {
  case EngineKind::Validate:
    return nullptr;
  case EngineKind::Interp:
    return createInterpEngine();
  case EngineKind::Aot:
    return createAotEngine(Opts);
  }
  return nullptr;
}

} // namespace wasmc::spectest
