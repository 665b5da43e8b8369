//===--- Validator.cpp - Module-level validation rules --------------------===//
//
/// \file
/// The module half of Wasm 2.0 validation: index spaces, limits, constant
/// expressions, segments, exports and the start function, plus the set C.refs
/// of function indices a body may name with `ref.func`. Code bodies are
/// handed to FunctionValidator (ValidateFunction.cpp). This file also decides
/// between Invalid and Malformed: the spec decodes the whole module before
/// validating it, so a malformed code body anywhere beats a validation error.
//
//===----------------------------------------------------------------------===//
#include "wasm/Validator.h"

#include "wasm/Decoder.h"
#include "wasm/ValidateFunction.h"

#include <string_view>
#include <unordered_set>

namespace wasmc {

namespace {

/// The entity an error is about, spelled out only when an error is made.
struct Where {
  const char *What;
  uint32_t Index = UINT32_MAX;

  std::string str() const {
    return Index == UINT32_MAX
               ? std::string(What)
               : std::string(What) + " " + std::to_string(Index);
  }
};

WasmError invalidAt(uint64_t Offset, const Where &W, std::string Message) {
  WasmError E = makeError(ErrorKind::Invalid, Offset, std::move(Message));
  E.Context = W.str();
  return E;
}

std::string unknown(const char *What, uint32_t Index) {
  return std::string("unknown ") + What + " " + std::to_string(Index);
}

class ModuleValidator {
public:
  explicit ModuleValidator(const Module &M)
      : M(M), DeclaredFuncs(M.numFuncs(), false) {}

  Status run();

private:
  Status checkLimits(const Limits &L, uint64_t Offset, const Where &W);
  Status checkTableType(const TableType &T, uint64_t Offset, const Where &W);
  Status checkMemoryType(const MemoryType &T, uint64_t Offset, const Where &W);
  Status checkImports();
  Status checkFunctionTypes();
  Status checkTablesAndMemories();
  Status checkGlobals();
  Status checkElems();
  Status checkDatas();
  Status checkStart();
  Status checkExports();
  Status checkBodies();

  Status constInstrType(const Instr &I, ValType &Out, const Where &W);
  Status checkConstExpr(const ConstExpr &E, ValType Expected, const Where &W);

  const Module &M;
  /// C.refs: functions named by ref.func outside code bodies or exported.
  std::vector<bool> DeclaredFuncs;
};

//===--- Types and limits -------------------------------------------------===//

Status ModuleValidator::checkLimits(const Limits &L, uint64_t Offset,
                                    const Where &W) {
  if (L.Max && L.Min > *L.Max)
    return invalidAt(Offset, W,
                     "size minimum must not be greater than maximum: " +
                         std::to_string(L.Min) + " > " +
                         std::to_string(*L.Max));
  return Status::success();
}

// Table sizes are u32 in the binary, so their range (2^32-1) always holds.
Status ModuleValidator::checkTableType(const TableType &T, uint64_t Offset,
                                       const Where &W) {
  return checkLimits(T.Lim, Offset, W);
}

Status ModuleValidator::checkMemoryType(const MemoryType &T, uint64_t Offset,
                                        const Where &W) {
  const Limits &L = T.Lim;
  if (L.Min > MaxMemoryPages || (L.Max && *L.Max > MaxMemoryPages))
    return invalidAt(Offset, W,
                     "memory size must be at most 65536 pages (4GiB)");
  return checkLimits(L, Offset, W);
}

Status ModuleValidator::checkImports() {
  for (uint32_t I = 0; I < M.Imports.size(); ++I) {
    const Import &Imp = M.Imports[I];
    Where W{"import", I};
    switch (Imp.Kind) {
    case ExternKind::Func:
      if (Imp.FuncTypeIndex >= M.Types.size())
        return invalidAt(Imp.Offset, W, unknown("type", Imp.FuncTypeIndex));
      break;
    case ExternKind::Table:
      WASMC_TRY(checkTableType(Imp.Table, Imp.Offset, W));
      break;
    case ExternKind::Memory:
      WASMC_TRY(checkMemoryType(Imp.Memory, Imp.Offset, W));
      break;
    case ExternKind::Global:
      break;
    }
  }
  return Status::success();
}

Status ModuleValidator::checkFunctionTypes() {
  for (uint32_t I = 0; I < M.Functions.size(); ++I) {
    const Function &F = M.Functions[I];
    if (F.TypeIndex >= M.Types.size())
      return invalidAt(F.CodeOffset, Where{"function", M.NumImportedFuncs + I},
                       unknown("type", F.TypeIndex));
  }
  return Status::success();
}

Status ModuleValidator::checkTablesAndMemories() {
  for (uint32_t I = 0; I < M.Tables.size(); ++I)
    WASMC_TRY(checkTableType(M.Tables[I], UINT64_MAX,
                             Where{"table", M.NumImportedTables + I}));
  for (uint32_t I = 0; I < M.Memories.size(); ++I)
    WASMC_TRY(checkMemoryType(M.Memories[I], UINT64_MAX,
                              Where{"memory", M.NumImportedMemories + I}));
  if (M.numMemories() > 1)
    return invalidAt(UINT64_MAX, Where{"module"},
                     "multiple memories: the module has " +
                         std::to_string(M.numMemories()) +
                         ", Wasm 2.0 allows one");
  return Status::success();
}

//===--- Constant expressions ---------------------------------------------===//

// Constant expressions see C': only imported globals, and only immutable
// ones, since defined globals are not initialized yet when they run.
Status ModuleValidator::constInstrType(const Instr &I, ValType &Out,
                                       const Where &W) {
  switch (I.Op) {
  case Opcode::I32Const:
    Out = ValType::I32;
    return Status::success();
  case Opcode::I64Const:
    Out = ValType::I64;
    return Status::success();
  case Opcode::F32Const:
    Out = ValType::F32;
    return Status::success();
  case Opcode::F64Const:
    Out = ValType::F64;
    return Status::success();
  case Opcode::V128Const:
    Out = ValType::V128;
    return Status::success();
  case Opcode::RefNull:
    Out = I.Type;
    return Status::success();
  case Opcode::RefFunc:
    if (I.Index >= M.numFuncs())
      return invalidAt(I.Offset, W, unknown("function", I.Index));
    DeclaredFuncs[I.Index] = true;
    Out = ValType::FuncRef;
    return Status::success();
  case Opcode::GlobalGet:
    if (I.Index >= M.NumImportedGlobals)
      return invalidAt(I.Offset, W,
                       unknown("global", I.Index) +
                           ": constant expressions see imported globals only");
    if (M.globalType(I.Index).Mutable)
      return invalidAt(I.Offset, W,
                       "constant expression required: global " +
                           std::to_string(I.Index) + " is mutable");
    Out = M.globalType(I.Index).Type;
    return Status::success();
  default:
    return invalidAt(I.Offset, W,
                     std::string("constant expression required: ") +
                         opName(I.Op) + " is not constant");
  }
}

Status ModuleValidator::checkConstExpr(const ConstExpr &E, ValType Expected,
                                       const Where &W) {
  uint32_t NumValues = 0;
  ValType Last = ValType::Bottom;
  uint64_t EndOffset = E.First.Offset;
  if (E.Bytes.Size == 0) {
    // An element given as a bare function index: the decoder stored it as
    // its ref.func without expression bytes.
    WASMC_TRY(constInstrType(E.First, Last, W));
    NumValues = 1;
  } else {
    Reader R(M.data(E.Bytes), M.data(E.Bytes) + E.Bytes.Size, E.Bytes.Offset);
    InstrReader IR(R);
    Instr I;
    for (;;) {
      WASMC_TRY(IR.read(I));
      if (I.Op == Opcode::End)
        break;
      WASMC_TRY(constInstrType(I, Last, W));
      ++NumValues;
    }
    EndOffset = I.Offset;
  }
  if (NumValues != 1 || Last != Expected)
    return invalidAt(EndOffset, W,
                     "type mismatch: constant expression must yield one " +
                         std::string(valTypeName(Expected)) + ", got " +
                         (NumValues == 1
                              ? valTypeName(Last)
                              : std::to_string(NumValues) + " values"));
  return Status::success();
}

//===--- Globals and segments ---------------------------------------------===//

Status ModuleValidator::checkGlobals() {
  for (uint32_t I = 0; I < M.Globals.size(); ++I) {
    const Global &G = M.Globals[I];
    WASMC_TRY(checkConstExpr(G.Init, G.Type.Type,
                             Where{"global", M.NumImportedGlobals + I}));
  }
  return Status::success();
}

Status ModuleValidator::checkElems() {
  for (uint32_t I = 0; I < M.Elems.size(); ++I) {
    const ElemSegment &Seg = M.Elems[I];
    Where W{"elem segment", I};
    for (const ConstExpr &Init : Seg.Inits)
      WASMC_TRY(checkConstExpr(Init, Seg.Type, W));
    if (Seg.Mode != SegmentMode::Active)
      continue;
    if (Seg.Table >= M.numTables())
      return invalidAt(Seg.SegOffset, W, unknown("table", Seg.Table));
    ValType TableElem = M.tableType(Seg.Table).Elem;
    if (TableElem != Seg.Type)
      return invalidAt(Seg.SegOffset, W,
                       std::string("type mismatch: ") + valTypeName(Seg.Type) +
                           " segment for a " + valTypeName(TableElem) +
                           " table");
    WASMC_TRY(checkConstExpr(Seg.Offset, ValType::I32, W));
  }
  return Status::success();
}

Status ModuleValidator::checkDatas() {
  for (uint32_t I = 0; I < M.Datas.size(); ++I) {
    const DataSegment &Seg = M.Datas[I];
    if (Seg.Mode != SegmentMode::Active)
      continue;
    Where W{"data segment", I};
    if (Seg.Memory >= M.numMemories())
      return invalidAt(Seg.SegOffset, W, unknown("memory", Seg.Memory));
    WASMC_TRY(checkConstExpr(Seg.Offset, ValType::I32, W));
  }
  return Status::success();
}

//===--- Start and exports ------------------------------------------------===//

Status ModuleValidator::checkStart() {
  if (!M.Start)
    return Status::success();
  Where W{"start section"};
  if (*M.Start >= M.numFuncs())
    return invalidAt(UINT64_MAX, W, unknown("function", *M.Start));
  const FuncType &T = M.Types[M.funcTypeIndex(*M.Start)];
  if (!T.Params.empty() || !T.Results.empty())
    return invalidAt(UINT64_MAX, W,
                     "start function must have type [] -> [], function " +
                         std::to_string(*M.Start) + " has " + T.str());
  return Status::success();
}

Status ModuleValidator::checkExports() {
  std::unordered_set<std::string_view> Names;
  Names.reserve(M.Exports.size());
  for (const Export &E : M.Exports) {
    Where W{"export"};
    uint32_t Count = 0;
    const char *What = externKindName(E.Kind);
    switch (E.Kind) {
    case ExternKind::Func:
      Count = M.numFuncs();
      What = "function";
      break;
    case ExternKind::Table:
      Count = M.numTables();
      break;
    case ExternKind::Memory:
      Count = M.numMemories();
      break;
    case ExternKind::Global:
      Count = M.numGlobals();
      break;
    }
    if (E.Index >= Count)
      return invalidAt(E.Offset, W,
                       unknown(What, E.Index) + " in export \"" + E.Name +
                           "\"");
    if (E.Kind == ExternKind::Func)
      DeclaredFuncs[E.Index] = true;
    if (!Names.insert(E.Name).second)
      return invalidAt(E.Offset, W, "duplicate export name \"" + E.Name + "\"");
  }
  return Status::success();
}

//===--- Module -----------------------------------------------------------===//

Status ModuleValidator::checkBodies() {
  FunctionValidator FV(M, DeclaredFuncs);
  for (uint32_t I = 0; I < M.Functions.size(); ++I)
    WASMC_TRY(FV.validate(I));
  return Status::success();
}

// Cheap module-level rules first; bodies last, once C.refs is complete.
Status ModuleValidator::run() {
  WASMC_TRY(checkImports());
  WASMC_TRY(checkFunctionTypes());
  WASMC_TRY(checkTablesAndMemories());
  WASMC_TRY(checkGlobals());
  WASMC_TRY(checkElems());
  WASMC_TRY(checkDatas());
  WASMC_TRY(checkStart());
  WASMC_TRY(checkExports());
  return checkBodies();
}

} // namespace

Result<ValidatedModule> validateModule(std::unique_ptr<Module> M) {
  Status S = ModuleValidator(*M).run();
  if (!S.ok()) {
    if (S.error().Kind == ErrorKind::Invalid) {
      Status Syntax = checkCodeSyntax(*M);
      if (!Syntax.ok())
        return Syntax.takeError();
    }
    return S.takeError();
  }
  return ValidatedModule(std::shared_ptr<const Module>(std::move(M)));
}

Result<ValidatedModule> loadModule(std::vector<uint8_t> Bytes) {
  Result<std::unique_ptr<Module>> M = decodeModule(std::move(Bytes));
  if (!M.ok())
    return M.takeError();
  return validateModule(M.take());
}

} // namespace wasmc
