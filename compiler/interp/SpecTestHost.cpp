//===--- SpecTestHost.cpp - The spec testsuite's `spectest` module --------===//
//
/// \file
/// The host module every spec test script may import from, with the
/// exports the reference interpreter provides (test/core/README of the
/// spec repository). Printing functions only log; they return nothing.
//
//===----------------------------------------------------------------------===//
#include "interp/Interp.h"

#include <cstdio>

namespace wasmc::interp {

Result<ModuleInstance *> createSpecTestInstance(Store &S, std::FILE *Log) {
  std::map<std::string, Extern, std::less<>> Exports;
  auto addPrint = [&](const char *Name, std::vector<ValType> Params) {
    FuncType T{std::move(Params), {}};
    std::string FuncName = Name;
    FuncAddr A = S.addHostFunc(T, [Log, FuncName](HostCall &,
                                                  std::span<const Value> Args,
                                                  std::span<Value>) {
      if (Log) {
        std::fprintf(Log, "spectest.%s(", FuncName.c_str());
        for (size_t K = 0; K < Args.size(); ++K)
          std::fprintf(Log, "%s%s", K ? ", " : "", Args[K].str().c_str());
        std::fprintf(Log, ")\n");
      }
      return Trap();
    });
    Exports.emplace(Name, Extern{ExternKind::Func, A});
  };
  addPrint("print", {});
  addPrint("print_i32", {ValType::I32});
  addPrint("print_i64", {ValType::I64});
  addPrint("print_f32", {ValType::F32});
  addPrint("print_f64", {ValType::F64});
  addPrint("print_i32_f32", {ValType::I32, ValType::F32});
  addPrint("print_f64_f64", {ValType::F64, ValType::F64});

  auto addGlobal = [&](const char *Name, ValType T, Value V) {
    Exports.emplace(Name,
                    Extern{ExternKind::Global, S.addGlobal({T, false}, V)});
  };
  addGlobal("global_i32", ValType::I32, Value::i32(666));
  addGlobal("global_i64", ValType::I64, Value::i64(666));
  addGlobal("global_f32", ValType::F32, Value::f32(666.6f));
  addGlobal("global_f64", ValType::F64, Value::f64(666.6));

  TableType Table{ValType::FuncRef, {10, 20}};
  Exports.emplace("table",
                  Extern{ExternKind::Table,
                         S.addTable(Table, Value::nullRef(ValType::FuncRef))});
  auto Mem = S.addMemory(MemoryType{{1, 2}});
  if (!Mem)
    return Mem.takeError();
  Exports.emplace("memory", Extern{ExternKind::Memory, *Mem});
  return &S.addHostInstance(std::move(Exports));
}

} // namespace wasmc::interp
