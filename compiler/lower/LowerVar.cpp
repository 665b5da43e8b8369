//===--- LowerVar.cpp - Locals, globals and parametric instructions -------===//
//
/// \file
/// Locals are the entry block's allocas (FunctionLowering::emitEntry);
/// globals live in the runtime's rt_global cells that inst->globals points
/// to, imported ones in their provider's instance.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

namespace wasmc::lower {

using llvm::Value;

//===--- Locals -----------------------------------------------------------===//

void FunctionLowering::lowerLocalGet(const Instr &I) {
  llvm::AllocaInst *Slot = Locals[I.Index];
  push(B.CreateLoad(Slot->getAllocatedType(), Slot));
}

void FunctionLowering::lowerLocalSet(const Instr &I) {
  B.CreateStore(pop(), Locals[I.Index]);
}

void FunctionLowering::lowerLocalTee(const Instr &I) {
  B.CreateStore(top(), Locals[I.Index]);
}

//===--- Globals ----------------------------------------------------------===//

void FunctionLowering::lowerGlobalGet(const Instr &I) {
  const GlobalType &GT = LC.WM.globalType(I.Index);
  // The value is the rt_global's first (and only) field, a union read with
  // the global's own type at offset 0.
  Value *Cell = instanceArrayElem(AbiTypes::InstanceGlobals, I.Index);
  llvm::LoadInst *L = B.CreateLoad(LC.valueType(GT.Type), Cell);
  L->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.GlobalValue);
  // An immutable global keeps its value from instantiation on.
  if (!GT.Mutable)
    markInvariant(L);
  push(L);
}

void FunctionLowering::lowerGlobalSet(const Instr &I) {
  Value *Cell = instanceArrayElem(AbiTypes::InstanceGlobals, I.Index);
  llvm::StoreInst *S = B.CreateStore(pop(), Cell);
  S->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.GlobalValue);
}

//===--- Parametric -------------------------------------------------------===//

void FunctionLowering::lowerDrop(const Instr &) { pop(); }

void FunctionLowering::lowerSelect(const Instr &) {
  Value *Cond = B.CreateICmpNE(pop(), B.getInt32(0));
  Value *IfFalse = pop();
  Value *IfTrue = pop();
  push(B.CreateSelect(Cond, IfTrue, IfFalse));
}

void FunctionLowering::lowerSelectT(const Instr &I) {
  if (I.Type == ValType::V128)
    return fail(wasmc::makeError(ErrorKind::Unsupported, I.Offset,
                                 "SIMD is not yet supported by the AOT backend "
                                 "(select of v128)"));
  lowerSelect(I);
}

} // namespace wasmc::lower
