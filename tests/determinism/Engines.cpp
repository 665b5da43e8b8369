//===--- Engines.cpp - One module, run the same way on every engine -------===//
#include "Engines.h"

#include "AotCompiler.h"
#include "interp/Interp.h"
#include "rt/runtime.h"

#include <cstring>
#include <map>
#include <tuple>

namespace wasmc::determinism {

void PrintTo(const Observation &O, std::ostream *OS) {
  *OS << "{trap " << O.Trap << ", fuel left " << O.FuelLeft << ", results";
  for (uint64_t R : O.Results)
    *OS << " 0x" << std::hex << R << std::dec;
  *OS << ", globals";
  for (uint64_t G : O.Globals)
    *OS << " 0x" << std::hex << G << std::dec;
  uint64_t Sum = 0;
  for (uint8_t B : O.Memory)
    Sum = Sum * 31 + B;
  *OS << ", memory " << O.Memory.size() << " bytes, hash " << Sum << "}";
}

std::string engineName(EngineKind K) {
  switch (K) {
  case EngineKind::Interp: return "interp";
  case EngineKind::AotO0Guard: return "aot -O0 guard";
  case EngineKind::AotO0Explicit: return "aot -O0 explicit";
  case EngineKind::AotO3Guard: return "aot -O3 guard";
  case EngineKind::AotO3Explicit: return "aot -O3 explicit";
  }
  return "?";
}

namespace {

WasmError internal(std::string Message) {
  return makeError(ErrorKind::Internal, UINT64_MAX, std::move(Message));
}

//===--- The interpreter --------------------------------------------------===//

/// A value of numeric type T with the given bits.
interp::Value numeric(ValType T, uint64_t Bits) {
  using interp::Value;
  switch (T) {
  case ValType::I32: return Value::i32(uint32_t(Bits));
  case ValType::F32: return Value::f32Bits(uint32_t(Bits));
  case ValType::F64: return Value::f64Bits(Bits);
  default: return Value::i64(Bits);
  }
}

class InterpPrepared : public Prepared {
public:
  InterpPrepared(const ValidatedModule &VM, const Mode &M) : VM(VM), M(M) {}

  Result<Observation> run(std::string_view Func, const std::vector<uint64_t> &Args,
                          int64_t Fuel, unsigned Calls) override {
    using namespace interp;
    ExecOptions Opts;
    Opts.Fuel = M.Fuel;
    Opts.CanonicalNaN = M.CanonicalNaN;
    Opts.MemoryPageCap = M.Deterministic ? RT_DETERMINISTIC_MEMORY_PAGES : 0;
    Store S(M.Deterministic ? ExecLimits::deterministic() : ExecLimits{}, Opts);
    S.setFuel(Fuel);
    auto Inst = instantiate(S, VM, {});
    if (!Inst)
      return Inst.takeError();
    if (Inst->Trapped)
      return internal("instantiation trapped: " + Inst->Trapped.Message);
    ModuleInstance *I = Inst->Instance;
    auto F = I->findExport(Func);
    if (!F)
      return internal("no export " + std::string(Func));
    const FuncType &FT = S.funcType(F->Addr);
    std::vector<Value> Vals;
    for (size_t K = 0; K < FT.Params.size(); ++K)
      Vals.push_back(numeric(FT.Params[K], Args[K]));
    Observation O;
    for (unsigned K = 0; K < Calls; ++K) {
      auto R = invoke(S, F->Addr, Vals);
      if (!R)
        return R.takeError();
      O.Trap = R->Trapped.Code;
      O.Results.clear();
      for (const Value &V : R->Results)
        O.Results.push_back(V.i64());
    }
    for (const Export &E : VM->Exports) {
      Extern X = *I->findExport(E.Name);
      if (E.Kind == ExternKind::Global)
        O.Globals.push_back(S.globalValue(X.Addr).i64());
      else if (E.Kind == ExternKind::Memory && E.Name == "mem")
        O.Memory.assign(S.memory(X.Addr).data(),
                        S.memory(X.Addr).data() + S.memory(X.Addr).sizeBytes());
    }
    O.FuelLeft = S.fuel();
    return O;
  }

private:
  const ValidatedModule &VM;
  Mode M;
};

//===--- Compiled code ----------------------------------------------------===//

/// One run of compiled code; on a big stack in deterministic mode.
struct AotRun {
  const rt_module_info *Info;
  const Module *WM;
  const Mode *M;
  std::string_view Func;
  const std::vector<uint64_t> *Args;
  int64_t Fuel;
  unsigned Calls;
  Result<Observation> Out = internal("not run");

  void operator()() {
    rt_context Ctx = {};
    Ctx.fuel = Fuel;
    Ctx.memory_page_cap = M->Deterministic ? RT_DETERMINISTIC_MEMORY_PAGES : 0;
    rt_instance *Inst;
    rt_error Err;
    if (rt_instantiate(Info, nullptr, &Ctx, nullptr, &Inst, &Err) != RT_OK) {
      Out = makeError(ErrorKind::Limit, UINT64_MAX, Err.message);
      return;
    }
    Out = call(Inst, Ctx);
    rt_instance_destroy(Inst);
  }

  Result<Observation> call(rt_instance *Inst, rt_context &Ctx) {
    rt_extern F;
    if (!rt_instance_export(Inst, Func.data(), Func.size(), &F))
      return internal("no export " + std::string(Func));
    const rt_func_type *FT = rt_type_get(F.of.func->type_id);
    std::vector<rt_value> Vals(std::max<size_t>(
        1, std::max(FT->num_params, FT->num_results)));
    Observation O;
    for (unsigned Call = 0; Call < Calls; ++Call) {
      for (uint32_t K = 0; K < FT->num_params; ++K)
        std::memcpy(&Vals[K], &(*Args)[K],
                    FT->types[K] == RT_TYPE_I32 || FT->types[K] == RT_TYPE_F32 ? 4 : 8);
      O.Trap = rt_call(F.of.func, Vals.data(), nullptr);
    }
    if (O.Trap == RT_TRAP_NONE)
      for (uint32_t K = 0; K < FT->num_results; ++K) {
        uint8_t T = FT->types[FT->num_params + K];
        uint64_t Bits = 0;
        std::memcpy(&Bits, &Vals[K], T == RT_TYPE_I32 || T == RT_TYPE_F32 ? 4 : 8);
        O.Results.push_back(Bits);
      }
    for (const Export &E : WM->Exports) {
      rt_extern X;
      rt_instance_export(Inst, E.Name.data(), E.Name.size(), &X);
      if (E.Kind == ExternKind::Global) {
        uint64_t Bits = 0;
        bool Narrow = X.global_type == RT_TYPE_I32 || X.global_type == RT_TYPE_F32;
        std::memcpy(&Bits, &X.of.global->value, Narrow ? 4 : 8);
        O.Globals.push_back(Bits);
      } else if (E.Kind == ExternKind::Memory && E.Name == "mem") {
        O.Memory.assign(X.of.memory->base, X.of.memory->base + X.of.memory->size);
      }
    }
    O.FuelLeft = Ctx.fuel;
    return O;
  }
};

class AotPrepared : public Prepared {
public:
  AotPrepared(std::unique_ptr<aot::LoadedModule> Loaded, const ValidatedModule &VM,
              const Mode &M)
      : Loaded(std::move(Loaded)), VM(VM), M(M) {}

  Result<Observation> run(std::string_view Func, const std::vector<uint64_t> &Args,
                          int64_t Fuel, unsigned Calls) override {
    AotRun R{&Loaded->info(), &VM.module(), &M, Func, &Args, Fuel, Calls};
    if (!M.Deterministic) {
      R();
      return std::move(R.Out);
    }
    auto Run = [](void *P) { (*static_cast<AotRun *>(P))(); };
    if (int E = rt_run_on_stack(RT_DETERMINISTIC_STACK, Run, &R))
      return internal("rt_run_on_stack: " + std::string(std::strerror(E)));
    return std::move(R.Out);
  }

private:
  std::unique_ptr<aot::LoadedModule> Loaded;
  const ValidatedModule &VM;
  Mode M;
};

/// The compiler for one engine and mode, made on first use and kept until
/// exit rather than made per module: a new compiler's random temporary
/// directory could take the name of a removed one, and dlopen returns the
/// already loaded object for a path it has seen.
Result<aot::AotCompiler *> compiler(unsigned Opt, lower::BoundsMode Bounds,
                                    const Mode &M) {
  static std::map<std::tuple<unsigned, lower::BoundsMode, bool, bool, bool>,
                  std::unique_ptr<aot::AotCompiler>>
      Compilers;
  std::unique_ptr<aot::AotCompiler> &C =
      Compilers[{Opt, Bounds, M.Fuel, M.CanonicalNaN, M.Deterministic}];
  if (!C) {
    lower::LowerOptions LO;
    LO.Bounds = Bounds;
    LO.Fuel = M.Fuel;
    LO.CanonicalNaN = M.CanonicalNaN;
    LO.LimitCallDepth = M.Deterministic;
    auto Made = aot::AotCompiler::create(LO, Opt);
    if (!Made)
      return Made.takeError();
    C = Made.take();
  }
  return C.get();
}

Result<std::unique_ptr<Prepared>> compile(const ValidatedModule &VM, unsigned Opt,
                                          lower::BoundsMode Bounds, const Mode &M) {
  auto C = compiler(Opt, Bounds, M);
  if (!C)
    return C.takeError();
  auto Loaded = (*C)->load(VM);
  if (!Loaded)
    return Loaded.takeError();
  return std::unique_ptr<Prepared>(new AotPrepared(Loaded.take(), VM, M));
}

} // namespace

Result<std::unique_ptr<Prepared>> prepare(const ValidatedModule &VM, EngineKind K,
                                          const Mode &M) {
  using lower::BoundsMode;
  switch (K) {
  case EngineKind::Interp:
    return std::unique_ptr<Prepared>(new InterpPrepared(VM, M));
  case EngineKind::AotO0Guard: return compile(VM, 0, BoundsMode::Guard, M);
  case EngineKind::AotO0Explicit: return compile(VM, 0, BoundsMode::Explicit, M);
  case EngineKind::AotO3Guard: return compile(VM, 3, BoundsMode::Guard, M);
  case EngineKind::AotO3Explicit: return compile(VM, 3, BoundsMode::Explicit, M);
  }
  return internal("unknown engine");
}

} // namespace wasmc::determinism
