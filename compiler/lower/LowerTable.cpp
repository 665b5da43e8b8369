//===--- LowerTable.cpp - Tables and references ---------------------------===//
//
/// \file
/// A reference is a pointer: a funcref is the function's `const rt_funcref *`
/// (inst->funcs[i] for ref.func), an externref the host's value, null is
/// null. table.get/set are inline with a bounds check against
/// rt_table::size; the instructions that resize or bulk-write a table are
/// runtime calls.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

namespace wasmc::lower {

using llvm::Value;

//===--- References -------------------------------------------------------===//

void FunctionLowering::lowerRefNull(const Instr &) {
  push(llvm::ConstantPointerNull::get(LC.Abi.Ptr));
}

void FunctionLowering::lowerRefIsNull(const Instr &) {
  unary([&](Value *X) {
    return B.CreateZExt(B.CreateIsNull(X), LC.Abi.I32);
  });
}

void FunctionLowering::lowerRefFunc(const Instr &I) {
  push(instanceArrayElem(AbiTypes::InstanceFuncs, I.Index));
}

//===--- Element access ---------------------------------------------------===//

Value *FunctionLowering::tableElemAddress(Value *Table, Value *Index,
                                          rt_trap_code Code) {
  Value *Size = loadField(Table, LC.Abi.Table, AbiTypes::TableSize, LC.Abi.I32,
                          LC.Tbaa.RuntimeState);
  trapIf(B.CreateICmpUGE(Index, Size), Code);
  Value *Elems = loadField(Table, LC.Abi.Table, AbiTypes::TableElems, LC.Abi.Ptr,
                           LC.Tbaa.RuntimeState);
  return B.CreateInBoundsGEP(LC.Abi.Ptr, Elems, B.CreateZExt(Index, LC.Abi.I64));
}

void FunctionLowering::lowerTableGet(const Instr &I) {
  Value *Index = pop();
  Value *Addr = tableElemAddress(table(I.Index), Index, RT_TRAP_TABLE_OOB);
  llvm::LoadInst *L = B.CreateLoad(LC.Abi.Ptr, Addr);
  L->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.TableElems);
  push(L);
}

void FunctionLowering::lowerTableSet(const Instr &I) {
  Value *Ref = pop();
  Value *Index = pop();
  Value *Addr = tableElemAddress(table(I.Index), Index, RT_TRAP_TABLE_OOB);
  llvm::StoreInst *S = B.CreateStore(Ref, Addr);
  S->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.TableElems);
}

//===--- Table instructions -----------------------------------------------===//

void FunctionLowering::lowerTableSize(const Instr &I) {
  push(loadField(table(I.Index), LC.Abi.Table, AbiTypes::TableSize, LC.Abi.I32,
                 LC.Tbaa.RuntimeState));
}

void FunctionLowering::lowerTableGrow(const Instr &I) {
  Value *Delta = pop();
  Value *Init = pop();
  push(B.CreateCall(LC.Rt.TableGrow, {inst(), B.getInt32(I.Index), Init, Delta}));
}

void FunctionLowering::lowerTableFill(const Instr &I) {
  Value *N = pop();
  Value *Ref = pop();
  Value *Dst = pop();
  trapIfNonZero(B.CreateCall(LC.Rt.TableFill,
                             {inst(), B.getInt32(I.Index), Dst, Ref, N}));
}

void FunctionLowering::lowerTableCopy(const Instr &I) {
  Value *N = pop();
  Value *Src = pop();
  Value *Dst = pop();
  trapIfNonZero(B.CreateCall(LC.Rt.TableCopy, {inst(), B.getInt32(I.Index),
                                               B.getInt32(I.Index2), Dst, Src, N}));
}

// table.init's immediates are the element segment (Index) and the table
// (Index2); rt_table_init takes the table first.
void FunctionLowering::lowerTableInit(const Instr &I) {
  Value *N = pop();
  Value *Src = pop();
  Value *Dst = pop();
  trapIfNonZero(B.CreateCall(LC.Rt.TableInit, {inst(), B.getInt32(I.Index2),
                                               B.getInt32(I.Index), Dst, Src, N}));
}

void FunctionLowering::lowerElemDrop(const Instr &I) {
  B.CreateCall(LC.Rt.ElemDrop, {inst(), B.getInt32(I.Index)});
}

} // namespace wasmc::lower
