//===--- LoweringContext.cpp - Module-wide state of one lowering ----------===//
//
/// \file
/// Creates the declarations shared by all function lowerings: runtime entry
/// points with their attributes, the LLVM functions of the Wasm functions
/// in use, and the TBAA tags.
//
//===----------------------------------------------------------------------===//
#include "lower/LoweringContext.h"

#include "llvm/IR/MDBuilder.h"

namespace wasmc::lower {

using llvm::Attribute;
using llvm::FunctionType;

LoweringContext::LoweringContext(const Module &WM, llvm::Module &LM,
                                 const LowerOptions &Opts, const PartPlan &Plan)
    : WM(WM), LM(LM), Ctx(LM.getContext()), DL(LM.getDataLayout()),
      Opts(Opts), Abi(Ctx, DL), InvariantLoad(llvm::MDNode::get(Ctx, {})),
      Plan(Plan), Funcs(WM.Functions.size()) {
  createTbaa();
  declareRuntime();
  FuncTypes.reserve(WM.Types.size());
  for (const FuncType &FT : WM.Types) {
    std::vector<llvm::Type *> Params{Abi.Ptr};
    for (ValType T : FT.Params)
      Params.push_back(valueType(T));
    FuncTypes.push_back(FunctionType::get(resultType(FT), Params, false));
  }
}

llvm::Type *LoweringContext::valueType(ValType T) const {
  switch (T) {
  case ValType::I32: return Abi.I32;
  case ValType::I64: return Abi.I64;
  case ValType::F32: return llvm::Type::getFloatTy(Ctx);
  case ValType::F64: return llvm::Type::getDoubleTy(Ctx);
  case ValType::FuncRef:
  case ValType::ExternRef: return Abi.Ptr;
  case ValType::V128:
  case ValType::Bottom: break;
  }
  llvm_unreachable("v128 and bottom have no LLVM type in the lowering");
}

llvm::Type *LoweringContext::resultType(const FuncType &FT) const {
  if (FT.Results.empty())
    return llvm::Type::getVoidTy(Ctx);
  if (FT.Results.size() == 1)
    return valueType(FT.Results[0]);
  std::vector<llvm::Type *> Elems;
  for (ValType T : FT.Results)
    Elems.push_back(valueType(T));
  return llvm::StructType::get(Ctx, Elems);
}

void LoweringContext::createTbaa() {
  llvm::MDBuilder MDB(Ctx);
  llvm::MDNode *Root = MDB.createTBAARoot("wasmc");
  auto Tag = [&](const char *Name) {
    llvm::MDNode *Type = MDB.createTBAAScalarTypeNode(Name, Root);
    return MDB.createTBAAStructTagNode(Type, Type, 0);
  };
  Tbaa.LinearMemory = Tag("wasm memory");
  Tbaa.GlobalValue = Tag("wasm global");
  Tbaa.TableElems = Tag("wasm table");
  Tbaa.Funcref = Tag("rt funcref");
  Tbaa.RuntimeState = Tag("rt state");
  Tbaa.Counters = Tag("rt counters");
  Tbaa.InstanceField = Tag("rt instance");
}

void LoweringContext::declareRuntime() {
  llvm::Type *Void = llvm::Type::getVoidTy(Ctx);
  llvm::Type *I32 = Abi.I32, *P = Abi.Ptr;
  auto Declare = [&](const char *Name, llvm::Type *Ret,
                     std::initializer_list<llvm::Type *> Params) {
    llvm::FunctionCallee C =
        LM.getOrInsertFunction(Name, FunctionType::get(Ret, Params, false));
    auto *F = llvm::cast<llvm::Function>(C.getCallee());
    F->addFnAttr(Attribute::NoUnwind);
    return C;
  };
  Rt.Trap = Declare("rt_trap", Void, {P, I32, I32});
  Rt.TrapDetail = Declare("rt_trap_detail", Void, {P, I32, I32, I32});
  for (llvm::FunctionCallee T : {Rt.Trap, Rt.TrapDetail}) {
    auto *TrapFn = llvm::cast<llvm::Function>(T.getCallee());
    TrapFn->addFnAttr(Attribute::NoReturn);
    TrapFn->addFnAttr(Attribute::Cold);
  }
  Rt.MemoryGrow = Declare("rt_memory_grow", I32, {P, I32, I32});
  Rt.MemoryFill = Declare("rt_memory_fill", I32, {P, I32, I32, I32, I32});
  Rt.MemoryCopy = Declare("rt_memory_copy", I32, {P, I32, I32, I32, I32, I32});
  Rt.MemoryInit = Declare("rt_memory_init", I32, {P, I32, I32, I32, I32, I32});
  Rt.DataDrop = Declare("rt_data_drop", Void, {P, I32});
  Rt.TableGrow = Declare("rt_table_grow", I32, {P, I32, P, I32});
  Rt.TableFill = Declare("rt_table_fill", I32, {P, I32, I32, P, I32});
  Rt.TableCopy = Declare("rt_table_copy", I32, {P, I32, I32, I32, I32, I32});
  Rt.TableInit = Declare("rt_table_init", I32, {P, I32, I32, I32, I32, I32});
  Rt.ElemDrop = Declare("rt_elem_drop", Void, {P, I32});
}

llvm::Function *LoweringContext::func(uint32_t DefIndex) {
  llvm::Function *&F = Funcs[DefIndex];
  if (F)
    return F;
  bool Whole = Plan.Parts.size() == 1;
  F = llvm::Function::Create(FuncTypes[WM.Functions[DefIndex].TypeIndex],
                             Whole ? llvm::GlobalValue::InternalLinkage
                                   : llvm::GlobalValue::ExternalLinkage,
                             Plan.Symbols[DefIndex], LM);
  if (!Whole)
    F->setVisibility(llvm::GlobalValue::HiddenVisibility);
  F->addFnAttr(Attribute::NoUnwind);
  F->getArg(0)->setName("inst");
  return F;
}

} // namespace wasmc::lower
