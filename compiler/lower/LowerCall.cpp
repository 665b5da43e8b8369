//===--- LowerCall.cpp - Direct, imported and indirect calls --------------===//
//
/// \file
/// Every Wasm function's native entry is `results f(rt_instance *, params)`.
/// A call to a defined function is a direct LLVM call with the caller's
/// instance; an imported function is reached through its rt_funcref
/// (inst->funcs[i]), with the instance the funcref names (its provider's);
/// call_indirect checks the table element's bounds, nullness and canonical
/// type id before calling it the same way.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

namespace wasmc::lower {

using llvm::Value;

void FunctionLowering::call(llvm::FunctionType *FTy, Value *Callee,
                            Value *CalleeInst, const FuncType &CalleeSig) {
  size_t NumParams = CalleeSig.Params.size();
  std::vector<Value *> Args;
  Args.reserve(NumParams + 1);
  Args.push_back(CalleeInst);
  Args.insert(Args.end(), Stack.end() - NumParams, Stack.end());
  Stack.resize(Stack.size() - NumParams);
  llvm::CallInst *Call = B.CreateCall(FTy, Callee, Args);
  // Never a tail call, and never tail-recursion-eliminated: each Wasm call
  // must take stack so that unbounded recursion reaches the stack limit
  // check and traps, instead of looping forever in constant stack.
  Call->setTailCallKind(llvm::CallInst::TCK_NoTail);
  size_t NumResults = CalleeSig.Results.size();
  if (NumResults == 1)
    push(Call);
  else
    for (unsigned K = 0; K < NumResults; ++K)
      push(B.CreateExtractValue(Call, K));
}

void FunctionLowering::lowerCall(const Instr &I) {
  const Module &WM = LC.WM;
  uint32_t TypeIndex = WM.funcTypeIndex(I.Index);
  llvm::FunctionType *FTy = LC.FuncTypes[TypeIndex];
  if (I.Index >= WM.NumImportedFuncs) {
    call(FTy, LC.func(I.Index - WM.NumImportedFuncs), inst(), WM.Types[TypeIndex]);
    return;
  }
  Value *Ref = instanceArrayElem(AbiTypes::InstanceFuncs, I.Index);
  // An import's funcref is fixed at instantiation.
  llvm::LoadInst *Code = loadField(Ref, LC.Abi.Funcref, AbiTypes::FuncrefCode,
                                   LC.Abi.Ptr, LC.Tbaa.Funcref);
  llvm::LoadInst *CalleeInst = loadField(Ref, LC.Abi.Funcref, AbiTypes::FuncrefInst,
                                         LC.Abi.Ptr, LC.Tbaa.Funcref);
  markInvariant(Code);
  markInvariant(CalleeInst);
  call(FTy, Code, CalleeInst, WM.Types[TypeIndex]);
}

void FunctionLowering::lowerCallIndirect(const Instr &I) {
  uint32_t TypeIndex = I.Index;
  Value *Index = pop();
  Value *Addr = tableElemAddress(table(I.Index2), Index, RT_TRAP_UNDEFINED_ELEMENT);
  llvm::LoadInst *Ref = B.CreateLoad(LC.Abi.Ptr, Addr);
  Ref->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.TableElems);
  // The spec's message names the element: "uninitialized element 2".
  trapIfWithDetail(B.CreateIsNull(Ref), RT_TRAP_UNINITIALIZED_ELEMENT, Index);
  // Type ids are canonical across instances: equal ids mean structurally
  // equal function types, which is the spec's call_indirect check.
  Value *Actual = loadField(Ref, LC.Abi.Funcref, AbiTypes::FuncrefTypeId,
                            LC.Abi.I32, LC.Tbaa.Funcref);
  Value *Ids = instanceField(AbiTypes::InstanceTypeIds);
  llvm::LoadInst *Expected = B.CreateLoad(
      LC.Abi.I32, B.CreateConstInBoundsGEP1_64(LC.Abi.I32, Ids, TypeIndex));
  Expected->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.InstanceField);
  markInvariant(Expected);
  trapIf(B.CreateICmpNE(Actual, Expected), RT_TRAP_INDIRECT_CALL_TYPE);
  Value *Code = loadField(Ref, LC.Abi.Funcref, AbiTypes::FuncrefCode, LC.Abi.Ptr,
                          LC.Tbaa.Funcref);
  Value *CalleeInst = loadField(Ref, LC.Abi.Funcref, AbiTypes::FuncrefInst,
                                LC.Abi.Ptr, LC.Tbaa.Funcref);
  call(LC.FuncTypes[TypeIndex], Code, CalleeInst, LC.WM.Types[TypeIndex]);
}

} // namespace wasmc::lower
