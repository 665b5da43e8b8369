//===--- ModuleInfo.cpp - The rt_module_info constant ---------------------===//
//
/// \file
/// Builds rt_module_info and the tables it points to as private constants.
/// Every struct comes from AbiTypes, every field index from its enums, so
/// the layout is checked by AbiTypesTest. Strings are deduplicated by
/// content (a string-keyed map: deterministic), arrays are emitted in index
/// order.
//
//===----------------------------------------------------------------------===//
#include "lower/ModuleInfo.h"

#include "lower/LowerError.h"
#include "lower/LoweringContext.h"
#include "lower/ModuleLowering.h"

#include "rt/abi.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/IR/Constants.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"

#include <string>

namespace wasmc::lower {

using llvm::Constant;

namespace {

class InfoBuilder {
public:
  explicit InfoBuilder(LoweringContext &LC) : LC(LC), Abi(LC.Abi) {}

  llvm::Error emit(llvm::ArrayRef<llvm::Function *> Invokes);

private:
  Constant *u8(uint64_t V) { return llvm::ConstantInt::get(Abi.I8, V); }
  Constant *u32(uint64_t V) { return llvm::ConstantInt::get(Abi.I32, V); }
  Constant *u64(uint64_t V) { return llvm::ConstantInt::get(Abi.I64, V); }
  Constant *null() { return llvm::ConstantPointerNull::get(Abi.Ptr); }
  Constant *typeCode(ValType T) { return u8(uint8_t(T)); }

  Constant *name(llvm::StringRef S);
  Constant *bytes(llvm::ArrayRef<uint8_t> Data, const char *Symbol);
  /// A private constant array of ElemTy, or null when Elems is empty.
  Constant *array(llvm::StructType *ElemTy, llvm::ArrayRef<Constant *> Elems,
                  const char *Symbol);
  Constant *limits(const Limits &L);
  Constant *value(uint64_t Bits);
  llvm::Expected<Constant *> constExpr(const ConstExpr &CE);

  Constant *types();
  Constant *imports();
  Constant *funcs(llvm::ArrayRef<llvm::Function *> Invokes);
  Constant *tables();
  Constant *memories();
  llvm::Expected<Constant *> globals();
  Constant *exports();
  llvm::Expected<Constant *> elems();
  llvm::Expected<Constant *> datas();

  LoweringContext &LC;
  const AbiTypes &Abi;
  llvm::StringMap<llvm::GlobalVariable *> Strings;
};

} // namespace

//===--- Building blocks --------------------------------------------------===//

Constant *InfoBuilder::name(llvm::StringRef S) {
  llvm::GlobalVariable *&GV = Strings[S];
  if (!GV) {
    // NUL-terminated for debuggers; the ABI uses the length.
    Constant *Init = llvm::ConstantDataArray::getString(LC.Ctx, S, true);
    GV = new llvm::GlobalVariable(LC.LM, Init->getType(), true,
                                  llvm::GlobalValue::PrivateLinkage, Init,
                                  "wasmc.name");
    GV->setUnnamedAddr(llvm::GlobalValue::UnnamedAddr::Global);
    GV->setAlignment(llvm::Align(1));
  }
  return llvm::ConstantStruct::get(Abi.Name, {GV, u32(S.size())});
}

Constant *InfoBuilder::bytes(llvm::ArrayRef<uint8_t> Data, const char *Symbol) {
  if (Data.empty())
    return null();
  Constant *Init = llvm::ConstantDataArray::get(LC.Ctx, Data);
  auto *GV = new llvm::GlobalVariable(LC.LM, Init->getType(), true,
                                      llvm::GlobalValue::PrivateLinkage, Init,
                                      Symbol);
  GV->setAlignment(llvm::Align(1));
  return GV;
}

Constant *InfoBuilder::array(llvm::StructType *ElemTy,
                             llvm::ArrayRef<Constant *> Elems,
                             const char *Symbol) {
  if (Elems.empty())
    return null();
  auto *Ty = llvm::ArrayType::get(ElemTy, Elems.size());
  return new llvm::GlobalVariable(LC.LM, Ty, true,
                                  llvm::GlobalValue::PrivateLinkage,
                                  llvm::ConstantArray::get(Ty, Elems), Symbol);
}

Constant *InfoBuilder::limits(const Limits &L) {
  return llvm::ConstantStruct::get(
      Abi.Limits, {u64(L.Min), u64(L.Max.value_or(0)), u8(L.Max.has_value())});
}

/// An rt_value holding Bits at offset 0. The union is two i64 words in
/// LLVM (AbiTypes.cpp); on the little-endian hosts the lowering accepts,
/// a 32-bit member occupies the low half of the first word.
Constant *InfoBuilder::value(uint64_t Bits) {
  auto *Words = llvm::ArrayType::get(Abi.I64, 2);
  return llvm::ConstantStruct::get(
      Abi.Value, {llvm::ConstantArray::get(Words, {u64(Bits), u64(0)})});
}

llvm::Expected<Constant *> InfoBuilder::constExpr(const ConstExpr &CE) {
  const Instr &I = CE.First;
  auto Make = [&](rt_const_kind Kind, uint32_t Index, uint64_t Bits) {
    return llvm::ConstantStruct::get(Abi.ConstExpr,
                                     {u8(Kind), u32(Index), value(Bits)});
  };
  switch (I.Op) {
  case Opcode::I32Const:
  case Opcode::F32Const:
    return Make(RT_CONST_VALUE, 0, uint32_t(I.Bits));
  case Opcode::I64Const:
  case Opcode::F64Const:
    return Make(RT_CONST_VALUE, 0, I.Bits);
  case Opcode::GlobalGet:
    return Make(RT_CONST_GLOBAL_GET, I.Index, 0);
  case Opcode::RefFunc:
    return Make(RT_CONST_REF_FUNC, I.Index, 0);
  case Opcode::RefNull:
    return Make(RT_CONST_REF_NULL, 0, 0);
  default:
    return makeLlvmError(ErrorKind::Unsupported, I.Offset,
                     std::string("constant expression ") + opName(I.Op) +
                         " is not supported by the AOT backend");
  }
}

//===--- Sections ---------------------------------------------------------===//

Constant *InfoBuilder::types() {
  std::vector<Constant *> Elems;
  for (const FuncType &FT : LC.WM.Types) {
    std::vector<uint8_t> Codes;
    for (ValType T : FT.Params)
      Codes.push_back(uint8_t(T));
    for (ValType T : FT.Results)
      Codes.push_back(uint8_t(T));
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.FuncType, {u32(FT.Params.size()), u32(FT.Results.size()),
                       bytes(Codes, "wasmc.sig")}));
  }
  return array(Abi.FuncType, Elems, "wasmc.types");
}

Constant *InfoBuilder::imports() {
  std::vector<Constant *> Elems;
  for (const Import &Imp : LC.WM.Imports) {
    uint32_t TypeIndex = 0;
    uint8_t Type = 0, Mutable = 0;
    Limits Lim;
    switch (Imp.Kind) {
    case ExternKind::Func:
      TypeIndex = Imp.FuncTypeIndex;
      break;
    case ExternKind::Table:
      Type = uint8_t(Imp.Table.Elem);
      Lim = Imp.Table.Lim;
      break;
    case ExternKind::Memory:
      Lim = Imp.Memory.Lim;
      break;
    case ExternKind::Global:
      Type = uint8_t(Imp.Global.Type);
      Mutable = Imp.Global.Mutable;
      break;
    }
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.Import, {name(Imp.Module), name(Imp.Name), u8(uint8_t(Imp.Kind)),
                     u32(TypeIndex), u8(Type), u8(Mutable), limits(Lim)}));
  }
  return array(Abi.Import, Elems, "wasmc.imports");
}

Constant *InfoBuilder::funcs(llvm::ArrayRef<llvm::Function *> Invokes) {
  const Module &WM = LC.WM;
  std::vector<Constant *> Elems;
  for (size_t I = 0; I < WM.Functions.size(); ++I) {
    auto It = WM.FuncNames.find(WM.NumImportedFuncs + uint32_t(I));
    llvm::StringRef Name =
        It == WM.FuncNames.end() ? llvm::StringRef() : llvm::StringRef(It->second);
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.FuncDef, {LC.func(uint32_t(I)), Invokes[I], u32(WM.Functions[I].TypeIndex),
                      name(Name)}));
  }
  return array(Abi.FuncDef, Elems, "wasmc.funcs");
}

Constant *InfoBuilder::tables() {
  std::vector<Constant *> Elems;
  for (const TableType &T : LC.WM.Tables)
    Elems.push_back(
        llvm::ConstantStruct::get(Abi.TableDef, {typeCode(T.Elem), limits(T.Lim)}));
  return array(Abi.TableDef, Elems, "wasmc.tables");
}

Constant *InfoBuilder::memories() {
  std::vector<Constant *> Elems;
  for (const MemoryType &M : LC.WM.Memories)
    Elems.push_back(limits(M.Lim));
  return array(Abi.Limits, Elems, "wasmc.memories");
}

llvm::Expected<Constant *> InfoBuilder::globals() {
  std::vector<Constant *> Elems;
  for (const Global &G : LC.WM.Globals) {
    llvm::Expected<Constant *> Init = constExpr(G.Init);
    if (!Init)
      return Init.takeError();
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.GlobalDef, {typeCode(G.Type.Type), u8(G.Type.Mutable), *Init}));
  }
  return array(Abi.GlobalDef, Elems, "wasmc.globals");
}

Constant *InfoBuilder::exports() {
  std::vector<Constant *> Elems;
  for (const Export &E : LC.WM.Exports)
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.Export, {name(E.Name), u8(uint8_t(E.Kind)), u32(E.Index)}));
  return array(Abi.Export, Elems, "wasmc.exports");
}

static uint8_t segmentMode(SegmentMode M) {
  switch (M) {
  case SegmentMode::Active: return RT_SEGMENT_ACTIVE;
  case SegmentMode::Passive: return RT_SEGMENT_PASSIVE;
  case SegmentMode::Declarative: return RT_SEGMENT_DECLARATIVE;
  }
  return RT_SEGMENT_PASSIVE;
}

llvm::Expected<Constant *> InfoBuilder::elems() {
  std::vector<Constant *> Elems;
  for (const ElemSegment &S : LC.WM.Elems) {
    std::vector<Constant *> Inits;
    Inits.reserve(S.Inits.size());
    for (const ConstExpr &CE : S.Inits) {
      llvm::Expected<Constant *> C = constExpr(CE);
      if (!C)
        return C.takeError();
      Inits.push_back(*C);
    }
    Constant *Offset = llvm::Constant::getNullValue(Abi.ConstExpr);
    if (S.Mode == SegmentMode::Active) {
      llvm::Expected<Constant *> C = constExpr(S.Offset);
      if (!C)
        return C.takeError();
      Offset = *C;
    }
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.ElemSegment,
        {u8(segmentMode(S.Mode)), typeCode(S.Type), u32(S.Table), Offset,
         u32(Inits.size()), array(Abi.ConstExpr, Inits, "wasmc.elem")}));
  }
  return array(Abi.ElemSegment, Elems, "wasmc.elems");
}

llvm::Expected<Constant *> InfoBuilder::datas() {
  const Module &WM = LC.WM;
  std::vector<Constant *> Elems;
  for (const DataSegment &S : WM.Datas) {
    Constant *Offset = llvm::Constant::getNullValue(Abi.ConstExpr);
    if (S.Mode == SegmentMode::Active) {
      llvm::Expected<Constant *> C = constExpr(S.Offset);
      if (!C)
        return C.takeError();
      Offset = *C;
    }
    llvm::ArrayRef<uint8_t> Data(WM.data(S.Init), S.Init.Size);
    Elems.push_back(llvm::ConstantStruct::get(
        Abi.DataSegment, {u8(segmentMode(S.Mode)), u32(S.Memory), Offset,
                          u32(S.Init.Size), bytes(Data, "wasmc.data")}));
  }
  return array(Abi.DataSegment, Elems, "wasmc.datas");
}

//===--- The root ---------------------------------------------------------===//

llvm::Error InfoBuilder::emit(llvm::ArrayRef<llvm::Function *> Invokes) {
  const Module &WM = LC.WM;
  llvm::Expected<Constant *> Globals = globals();
  if (!Globals)
    return Globals.takeError();
  llvm::Expected<Constant *> Elems = elems();
  if (!Elems)
    return Elems.takeError();
  llvm::Expected<Constant *> Datas = datas();
  if (!Datas)
    return Datas.takeError();

  uint8_t Bounds = LC.Opts.Bounds == BoundsMode::Guard ? RT_BOUNDS_GUARD
                                                       : RT_BOUNDS_EXPLICIT;
  uint32_t Flags = (LC.Opts.Fuel ? RT_FLAG_FUEL : 0) |
                   (LC.Opts.CanonicalNaN ? RT_FLAG_CANONICAL_NAN : 0) |
                   (LC.Opts.LimitCallDepth ? RT_FLAG_CALL_DEPTH : 0);
  int64_t Start = WM.Start ? int64_t(*WM.Start) : -1;
  Constant *Info = llvm::ConstantStruct::get(
      Abi.ModuleInfo,
      {u32(RT_ABI_VERSION), u8(Bounds), u32(Flags), name(WM.ModuleName),
       u32(WM.Types.size()), types(),
       u32(WM.Imports.size()), imports(),
       u32(WM.Functions.size()), funcs(Invokes),
       u32(WM.Tables.size()), tables(),
       u32(WM.Memories.size()), memories(),
       u32(WM.Globals.size()), *Globals,
       u32(WM.Exports.size()), exports(),
       u32(WM.Elems.size()), *Elems,
       u32(WM.Datas.size()), *Datas,
       llvm::ConstantInt::getSigned(Abi.I64, Start)});
  new llvm::GlobalVariable(LC.LM, Abi.ModuleInfo, true,
                           llvm::GlobalValue::ExternalLinkage, Info,
                           ModuleInfoSymbol);

  // The version handshake: a retained pointer to rt_abi_v<N>, which only a
  // runtime of ABI version N defines, so a mismatch is an undefined symbol
  // at link (or dlopen) time rather than silent memory corruption.
  auto *AbiSymbol = new llvm::GlobalVariable(
      LC.LM, Abi.I32, true, llvm::GlobalValue::ExternalLinkage, nullptr,
      "rt_abi_v" + std::to_string(RT_ABI_VERSION));
  auto *Ref = new llvm::GlobalVariable(LC.LM, Abi.Ptr, true,
                                       llvm::GlobalValue::PrivateLinkage,
                                       AbiSymbol, "wasmc.abi_ref");
  llvm::appendToUsed(LC.LM, {Ref});
  return llvm::Error::success();
}

llvm::Error emitModuleInfo(LoweringContext &LC,
                           llvm::ArrayRef<llvm::Function *> Invokes) {
  return InfoBuilder(LC).emit(Invokes);
}

} // namespace wasmc::lower
