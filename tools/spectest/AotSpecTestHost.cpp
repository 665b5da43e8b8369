//===--- AotSpecTestHost.cpp - The `spectest` module for compiled code ----===//
//
/// \file
/// The exports the reference interpreter's spectest module has (the spec
/// repository's test/core/README). The print functions are host code with
/// the native signature compiled code calls imports with,
/// `void f(rt_instance *, params...)`, and they print nothing: the scripts
/// only check that calls to them link and return. Each comes with an
/// invoke trampoline so that it can also be called through rt_call (for
/// instance when a module re-exports it and the script invokes that).
//
//===----------------------------------------------------------------------===//
#include "AotSpecTestHost.h"

#include <utility>

namespace wasmc::spectest {

namespace {

template <typename T> T valueAs(const rt_value &V);
template <> int32_t valueAs<int32_t>(const rt_value &V) { return V.i32; }
template <> int64_t valueAs<int64_t>(const rt_value &V) { return V.i64; }
template <> float valueAs<float>(const rt_value &V) { return V.f32; }
template <> double valueAs<double>(const rt_value &V) { return V.f64; }

template <typename... Ts> void printHost(rt_instance *, Ts...) {}

template <typename... Ts, size_t... Is>
void callHost(const void *Code, rt_instance *Inst, const rt_value *Vals,
              std::index_sequence<Is...>) {
  using Fn = void (*)(rt_instance *, Ts...);
  reinterpret_cast<Fn>(const_cast<void *>(Code))(Inst,
                                                 valueAs<Ts>(Vals[Is])...);
}

/// The rt_invoke_fn of a host function taking Ts.
template <typename... Ts>
void invokeHost(const void *Code, rt_instance *Inst, rt_value *Vals) {
  callHost<Ts...>(Code, Inst, Vals, std::index_sequence_for<Ts...>{});
}

template <typename T> constexpr uint8_t typeCode();
template <> constexpr uint8_t typeCode<int32_t>() { return RT_TYPE_I32; }
template <> constexpr uint8_t typeCode<int64_t>() { return RT_TYPE_I64; }
template <> constexpr uint8_t typeCode<float>() { return RT_TYPE_F32; }
template <> constexpr uint8_t typeCode<double>() { return RT_TYPE_F64; }

/// A host funcref template (no instance: rt_instantiate binds a copy to
/// each importer) for a print function taking Ts.
template <typename... Ts> rt_funcref printTemplate() {
  // rt_type_intern copies the codes, so a local array suffices; one byte
  // more than needed keeps the array non-empty for `print`.
  const uint8_t Codes[] = {typeCode<Ts>()..., 0};
  rt_func_type Type{uint32_t(sizeof...(Ts)), 0, Codes};
  rt_funcref F{};
  F.code = reinterpret_cast<const void *>(&printHost<Ts...>);
  F.invoke = &invokeHost<Ts...>;
  F.type_id = rt_type_intern(&Type);
  F.func_index = UINT32_MAX;
  return F;
}

rt_extern globalExtern(rt_global &G, uint8_t Type) {
  rt_extern X{};
  X.kind = RT_EXTERN_GLOBAL;
  X.global_type = Type;
  X.global_mutable = 0;
  X.of.global = &G;
  return X;
}

} // namespace

Result<std::unique_ptr<AotSpecTestHost>>
AotSpecTestHost::create(uint8_t BoundsMode) {
  std::unique_ptr<AotSpecTestHost> H(new AotSpecTestHost());
  rt_error Err{};
  rt_limits TableLimits{10, 20, 1};
  H->Table = rt_table_create(RT_TYPE_FUNCREF, &TableLimits, nullptr, &Err);
  if (!H->Table)
    return makeError(ErrorKind::Limit, UINT64_MAX,
                     std::string("spectest.table: ") + Err.message);
  rt_limits MemoryLimits{1, 2, 1};
  H->Memory = rt_memory_create(&MemoryLimits, BoundsMode, &Err);
  if (!H->Memory)
    return makeError(ErrorKind::Limit, UINT64_MAX,
                     std::string("spectest.memory: ") + Err.message);

  const std::pair<const char *, rt_funcref> Prints[NumPrints] = {
      {"print", printTemplate<>()},
      {"print_i32", printTemplate<int32_t>()},
      {"print_i64", printTemplate<int64_t>()},
      {"print_f32", printTemplate<float>()},
      {"print_f64", printTemplate<double>()},
      {"print_i32_f32", printTemplate<int32_t, float>()},
      {"print_f64_f64", printTemplate<double, double>()},
  };
  for (int K = 0; K < NumPrints; ++K) {
    H->Prints[K] = Prints[K].second;
    rt_extern X{};
    X.kind = RT_EXTERN_FUNC;
    X.of.func = &H->Prints[K];
    H->Exports.emplace(Prints[K].first, X);
  }

  H->GlobalI32.value.i32 = 666;
  H->GlobalI64.value.i64 = 666;
  H->GlobalF32.value.f32 = 666.6f;
  H->GlobalF64.value.f64 = 666.6;
  H->Exports.emplace("global_i32", globalExtern(H->GlobalI32, RT_TYPE_I32));
  H->Exports.emplace("global_i64", globalExtern(H->GlobalI64, RT_TYPE_I64));
  H->Exports.emplace("global_f32", globalExtern(H->GlobalF32, RT_TYPE_F32));
  H->Exports.emplace("global_f64", globalExtern(H->GlobalF64, RT_TYPE_F64));

  rt_extern Table{};
  Table.kind = RT_EXTERN_TABLE;
  Table.of.table = H->Table;
  H->Exports.emplace("table", Table);
  rt_extern Memory{};
  Memory.kind = RT_EXTERN_MEMORY;
  Memory.of.memory = H->Memory;
  H->Exports.emplace("memory", Memory);
  return H;
}

AotSpecTestHost::~AotSpecTestHost() {
  if (Table)
    rt_table_destroy(Table);
  if (Memory)
    rt_memory_destroy(Memory);
}

std::optional<rt_extern> AotSpecTestHost::lookup(std::string_view Field) const {
  auto It = Exports.find(Field);
  if (It == Exports.end())
    return std::nullopt;
  return It->second;
}

} // namespace wasmc::spectest
