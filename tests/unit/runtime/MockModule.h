//===--- MockModule.h - rt_module_info built in tests ---------------------===//
//
/// \file
/// Builds the constant module description the compiler would emit, with
/// owned storage for every array and name, so each test can describe the
/// module it needs in a few lines. standardModule() is the module most
/// tests instantiate (see MockCode.h for its functions).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "MockCode.h"
#include "rt/runtime.h"

#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace wasmc::rttest {

class MockModule {
public:
  uint32_t addType(std::vector<uint8_t> Params, std::vector<uint8_t> Results);
  void importFunc(const std::string &Module, const std::string &Name, uint32_t Type);
  void importTable(const std::string &Module, const std::string &Name, uint8_t ElemType,
                   rt_limits Limits);
  void importMemory(const std::string &Module, const std::string &Name, rt_limits Limits);
  void importGlobal(const std::string &Module, const std::string &Name, uint8_t Type,
                    bool Mutable);
  void addFunc(const void *Code, rt_invoke_fn Invoke, uint32_t Type, const std::string &Name);
  void addTable(uint8_t ElemType, rt_limits Limits);
  void addMemory(rt_limits Limits);
  void addGlobal(uint8_t Type, bool Mutable, rt_const_expr Init);
  void addExport(const std::string &Name, uint8_t Kind, uint32_t Index);
  void addElem(uint8_t Mode, uint32_t Table, uint32_t Offset, std::vector<rt_const_expr> Inits);
  void addData(uint8_t Mode, uint32_t Memory, uint32_t Offset, const std::string &Bytes);

  uint8_t BoundsMode = RT_BOUNDS_GUARD;
  int64_t Start = -1;

  /// The description, valid while this object lives and is not changed.
  const rt_module_info *info();

private:
  rt_name name(const std::string &S);

  std::deque<std::string> Strings;
  std::deque<std::vector<uint8_t>> TypeCodes;
  std::deque<std::vector<rt_const_expr>> ElemInits;
  std::vector<rt_func_type> Types;
  std::vector<rt_import> Imports;
  std::vector<rt_func_def> Funcs;
  std::vector<rt_table_def> Tables;
  std::vector<rt_limits> Memories;
  std::vector<rt_global_def> Globals;
  std::vector<rt_export> Exports;
  std::vector<rt_elem_segment> Elems;
  std::vector<rt_data_segment> Datas;
  rt_module_info Info = {};
};

inline rt_limits limits(uint64_t Min) { return {Min, 0, 0}; }
inline rt_limits limits(uint64_t Min, uint64_t Max) { return {Min, Max, 1}; }
rt_const_expr constI32(int32_t V);
rt_const_expr refFunc(uint32_t Index);

/// Imports host.f (i32)->(i32); defines the MOCK_* functions (exported
/// under their names without the prefix, lowercase), memory 0 of 1..2
/// pages with "\x2a\0\0\0" at 16, a funcref table of 2..4 elements with
/// [load32, unreachable] at 0, and a passive data segment "abcd".
std::unique_ptr<MockModule> standardModule(uint8_t BoundsMode = RT_BOUNDS_GUARD);

/// A host function template (inst NULL) with MockModule's type (i32)->(i32).
rt_funcref hostFunc(int32_t (*Code)(rt_instance *, int32_t));

} // namespace wasmc::rttest

namespace wasmc::rttest {

/// An instantiation of a MockModule that is destroyed with the test.
struct Instantiated {
  rt_context Ctx = {};
  rt_instance *Inst = nullptr;
  rt_error Err = {};
  rt_status Status = RT_OK;

  Instantiated(MockModule &M, const std::vector<rt_extern> &Imports, void *Host = nullptr) {
    Status = rt_instantiate(M.info(), Imports.data(), &Ctx, Host, &Inst, &Err);
  }
  ~Instantiated() { rt_instance_destroy(Inst); }
  Instantiated(const Instantiated &) = delete;
  Instantiated &operator=(const Instantiated &) = delete;

  const rt_funcref *func(const char *Name) const {
    rt_extern E;
    if (!rt_instance_export(Inst, Name, std::char_traits<char>::length(Name), &E) ||
        E.kind != RT_EXTERN_FUNC)
      return nullptr;
    return E.of.func;
  }
  /// Calls an (i32)->(i32) export; returns the trap code, result in *Out.
  uint32_t callI32(const char *Name, int32_t Arg, int32_t *Out = nullptr,
                   rt_trap_info *Info = nullptr) const {
    rt_value V[1];
    V[0].i32 = Arg;
    uint32_t Trap = rt_call(func(Name), V, Info);
    if (Out)
      *Out = V[0].i32;
    return Trap;
  }
};

inline rt_extern externFunc(const rt_funcref *F) {
  rt_extern E = {};
  E.kind = RT_EXTERN_FUNC;
  E.of.func = F;
  return E;
}

} // namespace wasmc::rttest
