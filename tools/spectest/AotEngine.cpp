//===--- AotEngine.cpp - The spec runner's engine over compiled code ------===//
//
/// \file
/// Adapts AotCompiler and runtime-lib to the runner's Engine. One script
/// file is one store: an rt_context, a fresh `spectest` host and every
/// instance made since the last reset(), which destroys them all before
/// unloading their code. Imports are resolved by module and field name
/// against the registered instances and `spectest`, as the interpreter
/// engine does. Instances whose initialization trapped stay alive until
/// the reset, since an imported table may already hold their functions.
///
/// Values cross as rt_value bit patterns. A funcref is the address of its
/// rt_funcref. An externref `ref.extern N` becomes the address of a box
/// holding N, one box per N and file, so that Wasm sees equal references
/// for equal N and null stays distinct from `ref.extern 0`.
//
//===----------------------------------------------------------------------===//
#include "AotEngine.h"

#include "AotCompiler.h"
#include "AotSpecTestHost.h"

#include "rt/runtime.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

namespace wasmc::spectest {

using aot::AotCompiler;
using aot::LoadedModule;

namespace {

WasmError unlinkable(std::string Message) {
  return makeError(ErrorKind::Unlinkable, UINT64_MAX, std::move(Message));
}

/// Detail is what rt_trap_detail named (the null element), or -1.
Outcome trapped(uint32_t Code, int64_t Detail) {
  Outcome O;
  O.K = Code == RT_TRAP_STACK_EXHAUSTED ? Outcome::Kind::Exhausted
                                        : Outcome::Kind::Trapped;
  O.Message = rt_trap_message(rt_trap_code(Code));
  if (Detail >= 0)
    O.Message += " " + std::to_string(Detail);
  return O;
}

std::string nameOf(const rt_name &N) { return std::string(N.data, N.len); }

lower::LowerOptions lowerOptions(uint8_t BoundsMode) {
  lower::LowerOptions LO;
  LO.Bounds = BoundsMode == RT_BOUNDS_EXPLICIT ? lower::BoundsMode::Explicit
                                               : lower::BoundsMode::Guard;
  return LO;
}

class AotEngine final : public Engine {
public:
  explicit AotEngine(const EngineOptions &Opts);
  ~AotEngine() override { clear(); }

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
  /// Destroys the instances, then the host, then unloads the code.
  void clear();
  Result<std::vector<rt_extern>> resolveImports(const rt_module_info &Info);
  Result<rt_instance *> lookup(const std::string &Name) const;
  Result<rt_extern> findExport(const std::string &Name,
                               const std::string &Export, uint8_t Kind) const;
  Result<rt_value> toRt(const Value &V, uint8_t Type);
  Value fromRt(const rt_value &V, uint8_t Type) const;

  uint8_t BoundsMode;
  Result<std::unique_ptr<AotCompiler>> Compiler;

  // Per script file.
  std::vector<std::unique_ptr<LoadedModule>> Modules;
  rt_context Ctx = {};
  std::unique_ptr<AotSpecTestHost> SpecTest;
  /// Why there is no spectest module, if creating it failed.
  std::string SpecTestError;
  std::vector<rt_instance *> Instances;
  /// The most recently instantiated module: actions without a name use it.
  rt_instance *Current = nullptr;
  /// "$M" bindings of module commands.
  std::map<std::string, rt_instance *> Bound;
  /// Import names given by `register`.
  std::map<std::string, rt_instance *, std::less<>> Registered;
  std::map<uint64_t, std::unique_ptr<uint64_t>> ExternBoxes;
};

AotEngine::AotEngine(const EngineOptions &Opts)
    : BoundsMode(Opts.BoundsChecks == EngineOptions::Bounds::Explicit
                     ? RT_BOUNDS_EXPLICIT
                     : RT_BOUNDS_GUARD),
      Compiler(AotCompiler::create(lowerOptions(BoundsMode), Opts.OptLevel)) {
  reset();
}

void AotEngine::clear() {
  // Reverse order: a later instance may hold references into an earlier
  // one, never the other way round (not that destruction follows them).
  for (auto It = Instances.rbegin(); It != Instances.rend(); ++It)
    rt_instance_destroy(*It);
  Instances.clear();
  SpecTest.reset();
  Modules.clear();
  Current = nullptr;
  Bound.clear();
  Registered.clear();
  ExternBoxes.clear();
}

void AotEngine::reset() {
  clear();
  Ctx = rt_context{};
  if (Compiler)
    (*Compiler)->releaseContext();
  Result<std::unique_ptr<AotSpecTestHost>> Host =
      AotSpecTestHost::create(BoundsMode);
  SpecTestError = Host ? "" : Host.error().Message;
  if (Host)
    SpecTest = Host.take();
}

Result<std::vector<rt_extern>>
AotEngine::resolveImports(const rt_module_info &Info) {
  std::vector<rt_extern> Out(Info.num_imports);
  for (uint32_t I = 0; I < Info.num_imports; ++I) {
    const rt_import &Imp = Info.imports[I];
    std::string Module = nameOf(Imp.module), Field = nameOf(Imp.name);
    std::optional<rt_extern> X;
    if (auto It = Registered.find(Module); It != Registered.end()) {
      rt_extern Found;
      if (rt_instance_export(It->second, Field.data(), Field.size(), &Found))
        X = Found;
    } else if (Module == "spectest") {
      if (!SpecTest)
        return unlinkable("unknown import: spectest: " + SpecTestError);
      X = SpecTest->lookup(Field);
    }
    if (!X)
      return unlinkable("unknown import: " + Module + "." + Field);
    Out[I] = *X;
  }
  return Out;
}

Result<Outcome> AotEngine::instantiate(const ValidatedModule &M,
                                       const std::string &Name) {
  if (!Compiler)
    return Compiler.error();
  Result<std::unique_ptr<LoadedModule>> Loaded = (*Compiler)->load(M);
  if (!Loaded)
    return Loaded.takeError();
  Result<std::vector<rt_extern>> Imports = resolveImports((*Loaded)->info());
  if (!Imports)
    return Imports.takeError();

  rt_instance *Inst = nullptr;
  rt_error Err{};
  rt_status St = rt_instantiate(&(*Loaded)->info(), Imports->data(), &Ctx,
                                nullptr, &Inst, &Err);
  if (Inst) {
    Instances.push_back(Inst);
    Modules.push_back(Loaded.take());
  }
  switch (St) {
  case RT_OK:
    Current = Inst;
    if (!Name.empty())
      Bound[Name] = Inst;
    return Outcome();
  case RT_ERR_TRAP: return trapped(Err.trap, -1);
  case RT_ERR_LINK: return unlinkable(Err.message);
  case RT_ERR_RESOURCE:
    return makeError(ErrorKind::Limit, UINT64_MAX, Err.message);
  case RT_ERR_ABI: break;
  }
  return makeError(ErrorKind::Internal, UINT64_MAX, Err.message);
}

Status AotEngine::registerInstance(const std::string &Name,
                                   const std::string &As) {
  Result<rt_instance *> I = lookup(Name);
  if (!I)
    return I.takeError();
  Registered[As] = *I;
  return Status::success();
}

Result<rt_instance *> AotEngine::lookup(const std::string &Name) const {
  if (Name.empty()) {
    if (!Current)
      return unlinkable("no module instantiated yet");
    return Current;
  }
  auto It = Bound.find(Name);
  if (It == Bound.end())
    return unlinkable("unknown module " + Name);
  return It->second;
}

Result<rt_extern> AotEngine::findExport(const std::string &Name,
                                        const std::string &Export,
                                        uint8_t Kind) const {
  Result<rt_instance *> I = lookup(Name);
  if (!I)
    return I.takeError();
  rt_extern X;
  if (!rt_instance_export(*I, Export.data(), Export.size(), &X) ||
      X.kind != Kind)
    return unlinkable(std::string("unknown ") +
                      (Kind == RT_EXTERN_FUNC ? "function" : "global") +
                      " export \"" + Export + "\"");
  return X;
}

Result<rt_value> AotEngine::toRt(const Value &V, uint8_t Type) {
  if (uint8_t(V.Type) != Type)
    return makeError(ErrorKind::Invalid, UINT64_MAX,
                     "argument type does not match the function's");
  rt_value Out{};
  switch (V.Type) {
  case ValType::I32: Out.i32 = int32_t(uint32_t(V.Lo)); break;
  case ValType::I64: Out.i64 = int64_t(V.Lo); break;
  case ValType::F32: {
    uint32_t Bits = uint32_t(V.Lo);
    std::memcpy(&Out.f32, &Bits, 4);
    break;
  }
  case ValType::F64: std::memcpy(&Out.f64, &V.Lo, 8); break;
  case ValType::FuncRef:
    // Scripts can only write null funcrefs; others are results passed back.
    Out.ref = V.IsNull ? nullptr : reinterpret_cast<void *>(V.Lo);
    break;
  case ValType::ExternRef:
    if (!V.IsNull) {
      std::unique_ptr<uint64_t> &Box = ExternBoxes[V.Lo];
      if (!Box)
        Box = std::make_unique<uint64_t>(V.Lo);
      Out.ref = Box.get();
    }
    break;
  default:
    return makeError(ErrorKind::Unsupported, UINT64_MAX,
                     "aot: SIMD not supported yet");
  }
  return Out;
}

Value AotEngine::fromRt(const rt_value &V, uint8_t Type) const {
  Value Out;
  Out.Type = ValType(Type);
  switch (Out.Type) {
  case ValType::I32: Out.Lo = uint32_t(V.i32); break;
  case ValType::I64: Out.Lo = uint64_t(V.i64); break;
  case ValType::F32: {
    uint32_t Bits;
    std::memcpy(&Bits, &V.f32, 4);
    Out.Lo = Bits;
    break;
  }
  case ValType::F64: std::memcpy(&Out.Lo, &V.f64, 8); break;
  case ValType::FuncRef:
    Out.IsNull = !V.ref;
    Out.Lo = reinterpret_cast<uintptr_t>(V.ref);
    break;
  case ValType::ExternRef:
    // Every non-null externref Wasm can hold came from toRt's boxes.
    Out.IsNull = !V.ref;
    Out.Lo = V.ref ? *static_cast<const uint64_t *>(V.ref) : 0;
    break;
  default: break; // v128 modules are never compiled
  }
  return Out;
}

Result<Outcome> AotEngine::invoke(const std::string &Name,
                                  const std::string &Export,
                                  const std::vector<Value> &Args) {
  Result<rt_extern> X = findExport(Name, Export, RT_EXTERN_FUNC);
  if (!X)
    return X.takeError();
  const rt_funcref *F = X->of.func;
  const rt_func_type *T = rt_type_get(F->type_id);
  if (!T)
    return makeError(ErrorKind::Internal, UINT64_MAX,
                     "aot: exported function has an unknown type id");
  if (Args.size() != T->num_params)
    return makeError(ErrorKind::Invalid, UINT64_MAX,
                     "wrong number of arguments");
  std::vector<rt_value> Vals(std::max<size_t>(
      {size_t(T->num_params), size_t(T->num_results), size_t(1)}));
  for (uint32_t K = 0; K < T->num_params; ++K) {
    Result<rt_value> V = toRt(Args[K], T->types[K]);
    if (!V)
      return V.takeError();
    Vals[K] = *V;
  }
  rt_trap_info Trap;
  if (rt_call(F, Vals.data(), &Trap) != RT_TRAP_NONE)
    return trapped(Trap.code, Trap.detail);
  Outcome O;
  for (uint32_t K = 0; K < T->num_results; ++K)
    O.Results.push_back(fromRt(Vals[K], T->types[T->num_params + K]));
  return O;
}

Result<Outcome> AotEngine::get(const std::string &Name,
                               const std::string &Export) {
  Result<rt_extern> X = findExport(Name, Export, RT_EXTERN_GLOBAL);
  if (!X)
    return X.takeError();
  Outcome O;
  O.Results.push_back(fromRt(X->of.global->value, X->global_type));
  return O;
}

} // namespace

std::unique_ptr<Engine> createAotEngine(const EngineOptions &Opts) {
  return std::make_unique<AotEngine>(Opts);
}

} // namespace wasmc::spectest
