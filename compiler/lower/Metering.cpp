//===--- Metering.cpp - Fuel and call depth accounting --------------------===//
//
/// \file
/// The code LowerOptions::Fuel and LimitCallDepth add, on rt_context
/// (instance->ctx): a fuel charge at the start of every metering segment
/// (wasm/Fuel.h) and a frame count at every function entry and return.
/// Both compare before they write, so a trap leaves the counter as it was,
/// and both trap through rt_trap, a call LLVM cannot move memory effects
/// across: the Wasm stores before a fuel trap are exactly those of the
/// interpreter.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

#include "wasm/Fuel.h"

namespace wasmc::lower {

using llvm::Value;

Value *FunctionLowering::contextCounter(AbiTypes::ContextField Field) {
  return B.CreateStructGEP(LC.Abi.Context, instanceField(AbiTypes::InstanceCtx),
                           Field);
}

llvm::LoadInst *FunctionLowering::loadCounter(Value *Addr, llvm::Type *Ty) {
  llvm::LoadInst *L = B.CreateLoad(Ty, Addr);
  L->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.Counters);
  return L;
}

void FunctionLowering::storeCounter(Value *V, Value *Addr) {
  B.CreateStore(V, Addr)->setMetadata(llvm::LLVMContext::MD_tbaa,
                                      LC.Tbaa.Counters);
}

void FunctionLowering::chargeFuel(uint32_t Cost) {
  Value *Addr = contextCounter(AbiTypes::ContextFuel);
  Value *Fuel = loadCounter(Addr, LC.Abi.I64);
  Value *C = B.getInt64(Cost);
  trapIf(B.CreateICmpSLT(Fuel, C), RT_TRAP_OUT_OF_FUEL);
  storeCounter(B.CreateSub(Fuel, C), Addr);
}

void FunctionLowering::meterAfter(Opcode Op) {
  if (!LC.Opts.Fuel || !endsSegment(Op))
    return;
  ++Segment;
  // Dead code gets no charge; the end of the body starts no segment.
  if (Reachable && !Ctrl.empty())
    chargeFuel(SegmentCosts[Segment]);
}

void FunctionLowering::enterFrame() {
  Value *Addr = contextCounter(AbiTypes::ContextCallDepth);
  Value *Depth = loadCounter(Addr, LC.Abi.I32);
  trapIf(B.CreateICmpUGE(Depth, B.getInt32(RT_DETERMINISTIC_CALL_DEPTH)),
         RT_TRAP_STACK_EXHAUSTED);
  storeCounter(B.CreateAdd(Depth, B.getInt32(1)), Addr);
}

void FunctionLowering::leaveFrame() {
  Value *Addr = contextCounter(AbiTypes::ContextCallDepth);
  storeCounter(B.CreateSub(loadCounter(Addr, LC.Abi.I32), B.getInt32(1)), Addr);
}

} // namespace wasmc::lower
