//===--- Trampolines.cpp - Generic callers, one per function type ---------===//
//
/// \file
/// Emits the invoke trampolines. They are keyed by a signature string
/// (`wasm_invoke_<params>_<results>`, one letter per type), which is also
/// their symbol, so equal types share one and the output is deterministic.
//
//===----------------------------------------------------------------------===//
#include "lower/Trampolines.h"

#include "lower/LoweringContext.h"

#include "llvm/IR/IRBuilder.h"

#include <map>
#include <string>

namespace wasmc::lower {

using llvm::Value;

static char typeLetter(ValType T) {
  switch (T) {
  case ValType::I32: return 'i';
  case ValType::I64: return 'l';
  case ValType::F32: return 'f';
  case ValType::F64: return 'd';
  case ValType::FuncRef: return 'r';
  case ValType::ExternRef: return 'e';
  case ValType::V128:
  case ValType::Bottom: break;
  }
  return '?';
}

static std::string trampolineName(const FuncType &FT) {
  std::string S = "wasm_invoke_";
  for (ValType T : FT.Params)
    S += typeLetter(T);
  S += '_';
  for (ValType T : FT.Results)
    S += typeLetter(T);
  return S;
}

static llvm::Function *emitTrampoline(LoweringContext &LC, uint32_t TypeIndex,
                                      const std::string &Name) {
  const AbiTypes &Abi = LC.Abi;
  const FuncType &FT = LC.WM.Types[TypeIndex];
  auto *InvokeTy = llvm::FunctionType::get(llvm::Type::getVoidTy(LC.Ctx),
                                           {Abi.Ptr, Abi.Ptr, Abi.Ptr}, false);
  llvm::Function *F = llvm::Function::Create(
      InvokeTy, llvm::GlobalValue::InternalLinkage, Name, LC.LM);
  F->addFnAttr(llvm::Attribute::NoUnwind);
  Value *Code = F->getArg(0), *Inst = F->getArg(1), *Vals = F->getArg(2);
  Code->setName("code");
  Inst->setName("inst");
  Vals->setName("vals");

  llvm::IRBuilder<> B(llvm::BasicBlock::Create(LC.Ctx, "entry", F));
  auto Slot = [&](size_t K) {
    return B.CreateConstInBoundsGEP1_64(Abi.Value, Vals, K);
  };
  std::vector<Value *> Args{Inst};
  for (size_t K = 0; K < FT.Params.size(); ++K)
    Args.push_back(B.CreateLoad(LC.valueType(FT.Params[K]), Slot(K)));
  llvm::CallInst *Call = B.CreateCall(LC.FuncTypes[TypeIndex], Code, Args);
  if (FT.Results.size() == 1) {
    B.CreateStore(Call, Slot(0));
  } else {
    for (unsigned K = 0; K < FT.Results.size(); ++K)
      B.CreateStore(B.CreateExtractValue(Call, K), Slot(K));
  }
  B.CreateRetVoid();
  return F;
}

std::vector<llvm::Function *> emitInvokeTrampolines(LoweringContext &LC) {
  std::map<std::string, llvm::Function *> ByName;
  std::vector<llvm::Function *> Result;
  Result.reserve(LC.WM.Functions.size());
  for (const Function &Def : LC.WM.Functions) {
    std::string Name = trampolineName(LC.WM.Types[Def.TypeIndex]);
    llvm::Function *&T = ByName[Name];
    if (!T)
      T = emitTrampoline(LC, Def.TypeIndex, Name);
    Result.push_back(T);
  }
  return Result;
}

} // namespace wasmc::lower
