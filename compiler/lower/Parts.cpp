//===--- Parts.cpp - Cutting a module into separately compiled parts ------===//
//
/// \file
/// The plan shared by every part of one module: consecutive runs of
/// functions by size of code, and one symbol per function. The symbols are
/// made unique here, once, rather than by LLVM as functions are created:
/// each part creates only the functions it uses, in its own order, and the
/// parts must still agree on every name.
//
//===----------------------------------------------------------------------===//
#include "lower/ModuleLowering.h"

#include <string>
#include <unordered_set>

namespace wasmc::lower {

/// "wasm_" plus the name-section name with characters outside
/// [A-Za-z0-9_.] replaced, or "wasm_f<index>" for unnamed functions. The
/// prefix keeps Wasm names from colliding with rt_* or wasmc_* symbols.
static std::string baseSymbol(const Module &WM, uint32_t FuncIndex) {
  auto It = WM.FuncNames.find(FuncIndex);
  if (It == WM.FuncNames.end() || It->second.empty())
    return "wasm_f" + std::to_string(FuncIndex);
  constexpr size_t MaxLen = 80;
  std::string S = "wasm_";
  for (char C : It->second) {
    if (S.size() >= MaxLen)
      break;
    bool Keep = (C >= 'a' && C <= 'z') || (C >= 'A' && C <= 'Z') ||
                (C >= '0' && C <= '9') || C == '_' || C == '.';
    S += Keep ? C : '_';
  }
  return S;
}

/// Later duplicates get ".<index>" appended (again, should that be taken
/// too), in index order, so equal modules give equal symbols.
static std::vector<std::string> functionSymbols(const Module &WM) {
  std::vector<std::string> Symbols;
  Symbols.reserve(WM.Functions.size());
  std::unordered_set<std::string> Taken;
  for (size_t I = 0; I < WM.Functions.size(); ++I) {
    uint32_t FuncIndex = WM.NumImportedFuncs + uint32_t(I);
    std::string S = baseSymbol(WM, FuncIndex);
    while (!Taken.insert(S).second)
      S += "." + std::to_string(FuncIndex);
    Symbols.push_back(std::move(S));
  }
  return Symbols;
}

PartPlan wholeModule(const Module &WM) {
  PartPlan Plan;
  Plan.Parts.push_back({0, uint32_t(WM.Functions.size()), /*ModuleInfo=*/true});
  Plan.Symbols = functionSymbols(WM);
  return Plan;
}

PartPlan planParts(const Module &WM, size_t PartCodeBytes) {
  PartPlan Plan;
  Plan.Parts.push_back({0, 0, /*ModuleInfo=*/true});
  uint32_t N = uint32_t(WM.Functions.size());
  for (uint32_t First = 0; First < N;) {
    uint32_t End = First;
    size_t Bytes = 0;
    while (End < N && (End == First || Bytes + WM.Functions[End].Body.Size <= PartCodeBytes))
      Bytes += WM.Functions[End++].Body.Size;
    Plan.Parts.push_back({First, End, /*ModuleInfo=*/false});
    First = End;
  }
  Plan.Symbols = functionSymbols(WM);
  return Plan;
}

} // namespace wasmc::lower
