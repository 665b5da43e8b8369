//===--- InterpEngine.cpp - The spec runner's engine over wasm-interp -----===//
//
/// \file
/// Adapts compiler/interp to the runner's Engine: a fresh Store per script
/// file (so that one file's instances and memories never leak into the
/// next), imports resolved by module name from the registered instances,
/// `spectest` included, and values converted between the runner's plain
/// Value and the interpreter's typed one. Traps become Trapped outcomes
/// carrying the spec's message; "call stack exhausted" becomes Exhausted,
/// which is what assert_exhaustion expects.
//
//===----------------------------------------------------------------------===//
#include "InterpEngine.h"

#include "interp/Interp.h"

#include <map>
#include <optional>

namespace wasmc::spectest {

namespace {

namespace in = wasmc::interp;

/// The skip reason the runner shows for a module we cannot run: every
/// Unsupported error of the interpreter on Wasm 2.0 input is SIMD.
WasmError unsupported(const WasmError &E) {
  bool Simd = E.Message.find("SIMD") != std::string::npos;
  return makeError(ErrorKind::Unsupported, E.Offset,
                   Simd ? "interp: SIMD not supported yet"
                        : "interp: " + E.Message);
}

Outcome trapped(const in::Trap &T) {
  Outcome O;
  O.K = T.Code == RT_TRAP_STACK_EXHAUSTED ? Outcome::Kind::Exhausted
                                          : Outcome::Kind::Trapped;
  O.Message = T.Message;
  return O;
}

Value fromInterp(const in::Value &V) {
  Value Out;
  Out.Type = V.type();
  Out.IsNull = V.isNull();
  switch (V.type()) {
  case ValType::I32: Out.Lo = V.i32(); break;
  case ValType::I64: Out.Lo = V.i64(); break;
  case ValType::F32: Out.Lo = V.f32Bits(); break;
  case ValType::F64: Out.Lo = V.f64Bits(); break;
  case ValType::FuncRef: Out.Lo = V.isNull() ? 0 : V.funcAddr(); break;
  case ValType::ExternRef: Out.Lo = V.isNull() ? 0 : V.externValue(); break;
  default: break; // v128 never leaves the interpreter (it refuses SIMD)
  }
  return Out;
}

class InterpEngine final : public Engine {
public:
  InterpEngine() { reset(); }

  void reset() override;
  Result<Outcome> instantiate(const ValidatedModule &M,
                              const std::string &Name) override;
  Status registerInstance(const std::string &Name,
                          const std::string &As) override;
  Result<Outcome> invoke(const std::string &Name, const std::string &Export,
                         const std::vector<Value> &Args) override;
  Result<Outcome> get(const std::string &Name,
                      const std::string &Export) override;

private:
  Result<in::ModuleInstance *> lookup(const std::string &Name) const;
  Result<in::Extern> findExport(const std::string &Name,
                                const std::string &Export,
                                ExternKind Kind) const;
  Result<in::Value> toInterp(const Value &V) const;

  std::unique_ptr<in::Store> S;
  /// The most recently instantiated module: actions without a name use it.
  in::ModuleInstance *Current = nullptr;
  /// "$M" bindings of module commands.
  std::map<std::string, in::ModuleInstance *> Bound;
  /// Import names: `spectest` and every `register`ed instance.
  std::map<std::string, in::ModuleInstance *, std::less<>> Registered;
};

void InterpEngine::reset() {
  Current = nullptr;
  Bound.clear();
  Registered.clear();
  S = std::make_unique<in::Store>();
  // Creating spectest only fails if one page of memory cannot be had; the
  // imports of spectest then fail as unknown, which the run will show.
  if (Result<in::ModuleInstance *> Host = in::createSpecTestInstance(*S))
    Registered["spectest"] = *Host;
}

Result<Outcome> InterpEngine::instantiate(const ValidatedModule &M,
                                          const std::string &Name) {
  Result<std::vector<in::Extern>> Imports = in::resolveImports(
      M.module(),
      [&](std::string_view Mod,
          std::string_view Field) -> std::optional<in::Extern> {
        auto It = Registered.find(Mod);
        if (It == Registered.end())
          return std::nullopt;
        return It->second->findExport(Field);
      });
  if (!Imports)
    return Imports.takeError();
  Result<in::Instantiation> I = in::instantiate(*S, M, *Imports);
  if (!I) {
    if (I.error().Kind == ErrorKind::Unsupported)
      return unsupported(I.error());
    return I.takeError();
  }
  if (I->Trapped)
    return trapped(I->Trapped);
  Current = I->Instance;
  if (!Name.empty())
    Bound[Name] = Current;
  return Outcome();
}

Status InterpEngine::registerInstance(const std::string &Name,
                                      const std::string &As) {
  Result<in::ModuleInstance *> I = lookup(Name);
  if (!I)
    return I.takeError();
  Registered[As] = *I;
  return Status::success();
}

Result<in::ModuleInstance *>
InterpEngine::lookup(const std::string &Name) const {
  if (Name.empty()) {
    if (!Current)
      return makeError(ErrorKind::Unlinkable, UINT64_MAX,
                       "no module instantiated yet");
    return Current;
  }
  auto It = Bound.find(Name);
  if (It == Bound.end())
    return makeError(ErrorKind::Unlinkable, UINT64_MAX,
                     "unknown module " + Name);
  return It->second;
}

Result<in::Extern> InterpEngine::findExport(const std::string &Name,
                                            const std::string &Export,
                                            ExternKind Kind) const {
  Result<in::ModuleInstance *> I = lookup(Name);
  if (!I)
    return I.takeError();
  std::optional<in::Extern> X = (*I)->findExport(Export);
  if (!X || X->Kind != Kind)
    return makeError(
        ErrorKind::Unlinkable, UINT64_MAX,
        "unknown " +
            std::string(Kind == ExternKind::Func ? "function" : "global") +
            " export \"" + Export + "\"");
  return *X;
}

Result<in::Value> InterpEngine::toInterp(const Value &V) const {
  switch (V.Type) {
  case ValType::I32: return in::Value::i32(uint32_t(V.Lo));
  case ValType::I64: return in::Value::i64(V.Lo);
  case ValType::F32: return in::Value::f32Bits(uint32_t(V.Lo));
  case ValType::F64: return in::Value::f64Bits(V.Lo);
  case ValType::FuncRef:
    if (V.IsNull)
      return in::Value::nullRef(ValType::FuncRef);
    if (V.Lo >= S->numFuncs())
      return makeError(ErrorKind::Invalid, UINT64_MAX,
                       "funcref argument names no function");
    return in::Value::funcRef(in::FuncAddr(V.Lo));
  case ValType::ExternRef:
    if (V.IsNull)
      return in::Value::nullRef(ValType::ExternRef);
    // The slot encoding reserves one host value (see Value::externRef).
    if (V.Lo == UINT64_MAX)
      return makeError(ErrorKind::Unsupported, UINT64_MAX,
                       "interp: ref.extern 0xffffffffffffffff");
    return in::Value::externRef(V.Lo);
  default:
    return makeError(ErrorKind::Unsupported, UINT64_MAX,
                     "interp: SIMD not supported yet");
  }
}

Result<Outcome> InterpEngine::invoke(const std::string &Name,
                                     const std::string &Export,
                                     const std::vector<Value> &Args) {
  Result<in::Extern> F = findExport(Name, Export, ExternKind::Func);
  if (!F)
    return F.takeError();
  std::vector<in::Value> InArgs;
  InArgs.reserve(Args.size());
  for (const Value &A : Args) {
    Result<in::Value> V = toInterp(A);
    if (!V)
      return V.takeError();
    InArgs.push_back(*V);
  }
  Result<in::Outcome> R = in::invoke(*S, F->Addr, InArgs);
  if (!R)
    return R.takeError();
  if (R->Trapped)
    return trapped(R->Trapped);
  Outcome O;
  for (const in::Value &V : R->Results)
    O.Results.push_back(fromInterp(V));
  return O;
}

Result<Outcome> InterpEngine::get(const std::string &Name,
                                  const std::string &Export) {
  Result<in::Extern> G = findExport(Name, Export, ExternKind::Global);
  if (!G)
    return G.takeError();
  Outcome O;
  O.Results.push_back(fromInterp(S->globalValue(G->Addr)));
  return O;
}

} // namespace

std::unique_ptr<Engine> createInterpEngine() {
  return std::make_unique<InterpEngine>();
}

} // namespace wasmc::spectest
