//===--- FunctionLowering.cpp - Driver and helpers of function lowering ---===//
//
/// \file
/// The per-function driver: the entry block (locals, stack-overflow check),
/// the loop that reads each instruction once and dispatches it or skips it
/// when unreachable, then canonicalizes its NaN result and charges the
/// next metering segment if those options are on, and the helpers shared
/// by the handlers. Control flow
/// proper (frames, phis, branches) is in LowerControl.cpp.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

#include "lower/LowerError.h"

#include "wasm/CanonicalNaN.h"
#include "wasm/Fuel.h"

namespace wasmc::lower {

using llvm::Value;

FunctionLowering::FunctionLowering(LoweringContext &LC, uint32_t DefIndex)
    : LC(LC), B(LC.Ctx), F32Ty(B.getFloatTy()), F64Ty(B.getDoubleTy()),
      Fn(LC.func(DefIndex)), FuncIndex(LC.WM.NumImportedFuncs + DefIndex),
      Def(LC.WM.Functions[DefIndex]), Sig(LC.WM.Types[Def.TypeIndex]),
      Traps(LC, *Fn, FuncIndex) {}

//===--- Entry block ------------------------------------------------------===//

void FunctionLowering::emitEntry() {
  llvm::BasicBlock *Entry = llvm::BasicBlock::Create(LC.Ctx, "entry", Fn);
  B.SetInsertPoint(Entry);

  // One alloca per local, all in the entry block so that mem2reg/SROA turn
  // them into SSA values at -O1 and above. Operand stack values never get
  // allocas: they are SSA values from the start.
  std::vector<llvm::Type *> Types;
  Types.reserve(Sig.Params.size() + Def.NumLocals);
  for (ValType T : Sig.Params)
    Types.push_back(LC.valueType(T));
  for (const LocalGroup &G : Def.Locals)
    Types.insert(Types.end(), G.Count, LC.valueType(G.Type));
  Locals.reserve(Types.size());
  for (llvm::Type *T : Types)
    Locals.push_back(B.CreateAlloca(T));

  // Stack exhaustion: the runtime sets ctx->stack_limit some margin above
  // the real end of the stack. The stack pointer is read after the
  // prologue has allocated this frame, so a large frame (many locals at
  // -O0) is covered too, which the frame address would not be; the check
  // runs before anything is written to the frame. Calls between Wasm
  // functions are `notail` (LowerCall.cpp): a tail call or tail-recursion
  // elimination would turn infinite recursion into an infinite loop.
  if (LC.Opts.LimitCallDepth)
    enterFrame();
  Value *Ctx = instanceField(AbiTypes::InstanceCtx);
  Value *Limit = loadField(Ctx, LC.Abi.Context, AbiTypes::ContextStackLimit,
                           LC.Abi.IntPtr, LC.Tbaa.RuntimeState);
  Value *Sp = B.CreatePtrToInt(B.CreateStackSave("sp"), LC.Abi.IntPtr);
  trapIf(B.CreateICmpULT(Sp, Limit), RT_TRAP_STACK_EXHAUSTED);

  unsigned NumParams = unsigned(Sig.Params.size());
  for (unsigned I = 0; I < Locals.size(); ++I) {
    Value *Init = I < NumParams ? static_cast<Value *>(Fn->getArg(I + 1))
                                : llvm::Constant::getNullValue(Types[I]);
    B.CreateStore(Init, Locals[I]);
  }
}

//===--- The instruction loop ---------------------------------------------===//

llvm::Error FunctionLowering::lower() {
  if (LC.Opts.Fuel) {
    auto Costs = segmentCosts(LC.WM, FuncIndex - LC.WM.NumImportedFuncs);
    if (!Costs)
      return toLlvmError(Costs.takeError());
    SegmentCosts = Costs.take();
  }
  emitEntry();
  if (LC.Opts.Fuel)
    chargeFuel(SegmentCosts[0]);
  pushFrame(Opcode::Block, 0, uint32_t(Sig.Results.size()));

  const Module &WM = LC.WM;
  Reader R(WM.data(Def.Body), WM.data(Def.Body) + Def.Body.Size,
           Def.Body.Offset);
  InstrReader IR(R);
  Instr I;
  while (!Ctrl.empty()) {
    Status S = IR.read(I);
    if (!S.ok()) {
      detachCleanup();
      return toLlvmError(S.takeError());
    }
    if (!Reachable) {
      skipUnreachable(I);
      meterAfter(I.Op);
      continue;
    }
    if (llvm::Error E = dispatch(I)) {
      WasmError WE;
      llvm::handleAllErrors(std::move(E), [&](const WasmErrorInfo &Info) {
        WE = Info.error();
      });
      WE.Context = WM.describeFunc(FuncIndex);
      detachCleanup();
      return toLlvmError(std::move(WE));
    }
    if (LC.Opts.CanonicalNaN && mayYieldUnspecifiedNaN(I.Op))
      push(canonicalNaN(pop()));
    meterAfter(I.Op);
  }
  Traps.finish();
  return llvm::Error::success();
}

/// In unreachable code the validator has proven every instruction
/// well-typed against a polymorphic stack; nothing of it can execute, so it
/// is read but not emitted. Only nesting is tracked, to find the `else` or
/// `end` of the frame that became unreachable.
void FunctionLowering::skipUnreachable(const Instr &I) {
  switch (I.Op) {
  case Opcode::Block:
  case Opcode::Loop:
  case Opcode::If:
    ++SkipDepth;
    return;
  case Opcode::Else:
    if (SkipDepth == 0)
      lowerElse(I);
    return;
  case Opcode::End:
    if (SkipDepth == 0)
      lowerEnd(I);
    else
      --SkipDepth;
    return;
  default:
    return;
  }
}

llvm::Error FunctionLowering::takeFailure() {
  if (!Failure)
    return llvm::Error::success();
  WasmError E = std::move(*Failure);
  Failure.reset();
  return toLlvmError(std::move(E));
}

/// After an error the function is abandoned with the module, but detached
/// blocks (trap blocks, merges not reached yet) must still belong to it so
/// that the module's destruction frees them.
void FunctionLowering::detachCleanup() {
  for (ControlFrame &F : Ctrl) {
    if (F.Target && !F.Target->getParent())
      F.Target->insertInto(Fn);
    if (F.Else && !F.Else->getParent())
      F.Else->insertInto(Fn);
  }
  Traps.finish();
}

//===--- Instance access --------------------------------------------------===//

void FunctionLowering::markInvariant(llvm::LoadInst *L) {
  L->setMetadata(llvm::LLVMContext::MD_invariant_load, LC.InvariantLoad);
}

llvm::LoadInst *FunctionLowering::loadField(Value *Ptr, llvm::StructType *ST,
                                            unsigned Field, llvm::Type *Ty,
                                            llvm::MDNode *Tbaa) {
  llvm::LoadInst *L = B.CreateLoad(Ty, B.CreateStructGEP(ST, Ptr, Field));
  L->setMetadata(llvm::LLVMContext::MD_tbaa, Tbaa);
  return L;
}

Value *FunctionLowering::instanceField(AbiTypes::InstanceField Field) {
  llvm::LoadInst *L = loadField(inst(), LC.Abi.Instance, Field, LC.Abi.Ptr,
                                LC.Tbaa.InstanceField);
  markInvariant(L);
  return L;
}

Value *FunctionLowering::instanceArrayElem(AbiTypes::InstanceField Field,
                                           uint32_t Index) {
  Value *Array = instanceField(Field);
  Value *Addr = B.CreateConstInBoundsGEP1_64(LC.Abi.Ptr, Array, Index);
  llvm::LoadInst *L = B.CreateLoad(LC.Abi.Ptr, Addr);
  L->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.InstanceField);
  markInvariant(L);
  return L;
}

//===--- Operator helpers -------------------------------------------------===//

void FunctionLowering::compareInt(llvm::CmpInst::Predicate P) {
  binary([&](Value *L, Value *R) {
    return B.CreateZExt(B.CreateICmp(P, L, R), LC.Abi.I32);
  });
}

void FunctionLowering::compareFloat(llvm::CmpInst::Predicate P) {
  binary([&](Value *L, Value *R) {
    return B.CreateZExt(B.CreateFCmp(P, L, R), LC.Abi.I32);
  });
}

void FunctionLowering::unaryIntrinsic(llvm::Intrinsic::ID ID) {
  unary([&](Value *X) { return B.CreateUnaryIntrinsic(ID, X); });
}

void FunctionLowering::binaryIntrinsic(llvm::Intrinsic::ID ID) {
  binary([&](Value *L, Value *R) { return B.CreateBinaryIntrinsic(ID, L, R); });
}

} // namespace wasmc::lower
