//===--- MockModule.cpp - rt_module_info built in tests -------------------===//
//
/// \file
/// See MockModule.h.
//
//===----------------------------------------------------------------------===//
#include "MockModule.h"

namespace wasmc::rttest {

rt_name MockModule::name(const std::string &S) {
  Strings.push_back(S);
  return {Strings.back().data(), static_cast<uint32_t>(Strings.back().size())};
}

uint32_t MockModule::addType(std::vector<uint8_t> Params, std::vector<uint8_t> Results) {
  uint32_t NumParams = Params.size(), NumResults = Results.size();
  Params.insert(Params.end(), Results.begin(), Results.end());
  TypeCodes.push_back(std::move(Params));
  Types.push_back({NumParams, NumResults, TypeCodes.back().data()});
  return Types.size() - 1;
}

void MockModule::importFunc(const std::string &Module, const std::string &Name, uint32_t Type) {
  rt_import I = {};
  I.module = name(Module);
  I.name = name(Name);
  I.kind = RT_EXTERN_FUNC;
  I.type_index = Type;
  Imports.push_back(I);
}

void MockModule::importTable(const std::string &Module, const std::string &Name,
                             uint8_t ElemType, rt_limits Limits) {
  rt_import I = {};
  I.module = name(Module);
  I.name = name(Name);
  I.kind = RT_EXTERN_TABLE;
  I.type = ElemType;
  I.limits = Limits;
  Imports.push_back(I);
}

void MockModule::importMemory(const std::string &Module, const std::string &Name,
                              rt_limits Limits) {
  rt_import I = {};
  I.module = name(Module);
  I.name = name(Name);
  I.kind = RT_EXTERN_MEMORY;
  I.limits = Limits;
  Imports.push_back(I);
}

void MockModule::importGlobal(const std::string &Module, const std::string &Name, uint8_t Type,
                              bool Mutable) {
  rt_import I = {};
  I.module = name(Module);
  I.name = name(Name);
  I.kind = RT_EXTERN_GLOBAL;
  I.type = Type;
  I.mutable_ = Mutable;
  Imports.push_back(I);
}

void MockModule::addFunc(const void *Code, rt_invoke_fn Invoke, uint32_t Type,
                         const std::string &Name) {
  Funcs.push_back({Code, Invoke, Type, name(Name)});
}

void MockModule::addTable(uint8_t ElemType, rt_limits Limits) {
  Tables.push_back({ElemType, Limits});
}

void MockModule::addMemory(rt_limits Limits) { Memories.push_back(Limits); }

void MockModule::addGlobal(uint8_t Type, bool Mutable, rt_const_expr Init) {
  Globals.push_back({Type, static_cast<uint8_t>(Mutable), Init});
}

void MockModule::addExport(const std::string &Name, uint8_t Kind, uint32_t Index) {
  Exports.push_back({name(Name), Kind, Index});
}

void MockModule::addElem(uint8_t Mode, uint32_t Table, uint32_t Offset,
                         std::vector<rt_const_expr> Inits) {
  ElemInits.push_back(std::move(Inits));
  rt_elem_segment S = {};
  S.mode = Mode;
  S.elem_type = RT_TYPE_FUNCREF;
  S.table = Table;
  S.offset = constI32(static_cast<int32_t>(Offset));
  S.count = ElemInits.back().size();
  S.inits = ElemInits.back().data();
  Elems.push_back(S);
}

void MockModule::addData(uint8_t Mode, uint32_t Memory, uint32_t Offset,
                         const std::string &Bytes) {
  Strings.push_back(Bytes);
  rt_data_segment S = {};
  S.mode = Mode;
  S.memory = Memory;
  S.offset = constI32(static_cast<int32_t>(Offset));
  S.size = Bytes.size();
  S.bytes = reinterpret_cast<const uint8_t *>(Strings.back().data());
  Datas.push_back(S);
}

const rt_module_info *MockModule::info() {
  Info = {};
  Info.abi_version = RT_ABI_VERSION;
  Info.bounds_mode = BoundsMode;
  Info.num_types = Types.size();
  Info.types = Types.data();
  Info.num_imports = Imports.size();
  Info.imports = Imports.data();
  Info.num_funcs = Funcs.size();
  Info.funcs = Funcs.data();
  Info.num_tables = Tables.size();
  Info.tables = Tables.data();
  Info.num_memories = Memories.size();
  Info.memories = Memories.data();
  Info.num_globals = Globals.size();
  Info.globals = Globals.data();
  Info.num_exports = Exports.size();
  Info.exports = Exports.data();
  Info.num_elems = Elems.size();
  Info.elems = Elems.data();
  Info.num_datas = Datas.size();
  Info.datas = Datas.data();
  Info.start_func = Start;
  return &Info;
}

rt_const_expr constI32(int32_t V) {
  rt_const_expr E = {};
  E.kind = RT_CONST_VALUE;
  E.value.i32 = V;
  return E;
}

rt_const_expr refFunc(uint32_t Index) {
  rt_const_expr E = {};
  E.kind = RT_CONST_REF_FUNC;
  E.index = Index;
  return E;
}

std::unique_ptr<MockModule> standardModule(uint8_t BoundsMode) {
  auto M = std::make_unique<MockModule>();
  M->BoundsMode = BoundsMode;
  uint32_t I32ToI32 = M->addType({RT_TYPE_I32}, {RT_TYPE_I32});
  uint32_t Void = M->addType({}, {});
  M->importFunc("host", "f", I32ToI32);
  M->addFunc(reinterpret_cast<const void *>(mock_load32), mock_invoke_i32_i32, I32ToI32,
             "load32");
  M->addFunc(reinterpret_cast<const void *>(mock_unreachable), mock_invoke_void, Void,
             "unreachable");
  M->addFunc(reinterpret_cast<const void *>(mock_recurse), mock_invoke_i32_i32, I32ToI32,
             "recurse");
  M->addFunc(reinterpret_cast<const void *>(mock_call_f), mock_invoke_i32_i32, I32ToI32,
             "call_f");
  M->addFunc(reinterpret_cast<const void *>(mock_store_one), mock_invoke_void, Void,
             "store_one");
  for (auto [Name, Index] : {std::pair<const char *, uint32_t>{"load32", MOCK_LOAD32},
                             {"unreachable", MOCK_UNREACHABLE},
                             {"recurse", MOCK_RECURSE},
                             {"call_f", MOCK_CALL_F},
                             {"store_one", MOCK_STORE_ONE}})
    M->addExport(Name, RT_EXTERN_FUNC, Index);
  M->addMemory(limits(1, 2));
  M->addExport("memory", RT_EXTERN_MEMORY, 0);
  M->addTable(RT_TYPE_FUNCREF, limits(2, 4));
  M->addExport("table", RT_EXTERN_TABLE, 0);
  M->addElem(RT_SEGMENT_ACTIVE, 0, 0, {refFunc(MOCK_LOAD32), refFunc(MOCK_UNREACHABLE)});
  M->addData(RT_SEGMENT_ACTIVE, 0, 16, std::string("\x2a\0\0\0", 4));
  M->addData(RT_SEGMENT_PASSIVE, 0, 0, "abcd");
  return M;
}

rt_funcref hostFunc(int32_t (*Code)(rt_instance *, int32_t)) {
  static const uint8_t Codes[] = {RT_TYPE_I32, RT_TYPE_I32};
  rt_func_type T = {1, 1, Codes};
  rt_funcref F = {};
  F.code = reinterpret_cast<const void *>(Code);
  F.invoke = mock_invoke_i32_i32;
  F.type_id = rt_type_intern(&T);
  F.func_index = UINT32_MAX;
  return F;
}

} // namespace wasmc::rttest
