//===--- LowerMemory.cpp - Loads, stores and memory instructions ----------===//
//
/// \file
/// Accesses take their address from BoundsCheck.cpp and are `align 1`: the
/// memarg alignment is only a hint, and a misaligned access must work.
/// They carry the linear-memory TBAA tag, so LLVM knows they never modify
/// the runtime's bookkeeping (memory base and size, globals, tables).
/// memory.size reads rt_memory::size; growing, filling, copying and
/// initializing memory are runtime calls (they check bounds before
/// writing anything, as the spec requires).
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

#include "lower/BoundsCheck.h"

namespace wasmc::lower {

using llvm::Value;

//===--- Loads and stores -------------------------------------------------===//

void FunctionLowering::load(const Instr &I, llvm::Type *MemTy, Extend Ext,
                            llvm::Type *ResultTy) {
  unsigned Size = unsigned(LC.DL.getTypeStoreSize(MemTy));
  Value *Addr = memoryAddress(*this, pop(), I.MemOffset, Size);
  llvm::LoadInst *L = B.CreateAlignedLoad(MemTy, Addr, llvm::Align(1));
  L->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.LinearMemory);
  keepAccessAlive(*this, L);
  Value *V = L;
  if (Ext == Extend::Sign)
    V = B.CreateSExt(L, ResultTy);
  else if (Ext == Extend::Zero)
    V = B.CreateZExt(L, ResultTy);
  push(V);
}

void FunctionLowering::store(const Instr &I, llvm::Type *MemTy) {
  Value *V = pop();
  if (V->getType() != MemTy)
    V = B.CreateTrunc(V, MemTy);
  unsigned Size = unsigned(LC.DL.getTypeStoreSize(MemTy));
  Value *Addr = memoryAddress(*this, pop(), I.MemOffset, Size);
  llvm::StoreInst *S = B.CreateAlignedStore(V, Addr, llvm::Align(1));
  S->setMetadata(llvm::LLVMContext::MD_tbaa, LC.Tbaa.LinearMemory);
}

void FunctionLowering::lowerI32Load(const Instr &I) { load(I, LC.Abi.I32, Extend::None, LC.Abi.I32); }
void FunctionLowering::lowerI64Load(const Instr &I) { load(I, LC.Abi.I64, Extend::None, LC.Abi.I64); }
void FunctionLowering::lowerF32Load(const Instr &I) { load(I, F32Ty, Extend::None, F32Ty); }
void FunctionLowering::lowerF64Load(const Instr &I) { load(I, F64Ty, Extend::None, F64Ty); }
void FunctionLowering::lowerI32Load8S(const Instr &I) { load(I, LC.Abi.I8, Extend::Sign, LC.Abi.I32); }
void FunctionLowering::lowerI32Load8U(const Instr &I) { load(I, LC.Abi.I8, Extend::Zero, LC.Abi.I32); }
void FunctionLowering::lowerI32Load16S(const Instr &I) { load(I, B.getInt16Ty(), Extend::Sign, LC.Abi.I32); }
void FunctionLowering::lowerI32Load16U(const Instr &I) { load(I, B.getInt16Ty(), Extend::Zero, LC.Abi.I32); }
void FunctionLowering::lowerI64Load8S(const Instr &I) { load(I, LC.Abi.I8, Extend::Sign, LC.Abi.I64); }
void FunctionLowering::lowerI64Load8U(const Instr &I) { load(I, LC.Abi.I8, Extend::Zero, LC.Abi.I64); }
void FunctionLowering::lowerI64Load16S(const Instr &I) { load(I, B.getInt16Ty(), Extend::Sign, LC.Abi.I64); }
void FunctionLowering::lowerI64Load16U(const Instr &I) { load(I, B.getInt16Ty(), Extend::Zero, LC.Abi.I64); }
void FunctionLowering::lowerI64Load32S(const Instr &I) { load(I, LC.Abi.I32, Extend::Sign, LC.Abi.I64); }
void FunctionLowering::lowerI64Load32U(const Instr &I) { load(I, LC.Abi.I32, Extend::Zero, LC.Abi.I64); }

void FunctionLowering::lowerI32Store(const Instr &I) { store(I, LC.Abi.I32); }
void FunctionLowering::lowerI64Store(const Instr &I) { store(I, LC.Abi.I64); }
void FunctionLowering::lowerF32Store(const Instr &I) { store(I, F32Ty); }
void FunctionLowering::lowerF64Store(const Instr &I) { store(I, F64Ty); }
void FunctionLowering::lowerI32Store8(const Instr &I) { store(I, LC.Abi.I8); }
void FunctionLowering::lowerI32Store16(const Instr &I) { store(I, B.getInt16Ty()); }
void FunctionLowering::lowerI64Store8(const Instr &I) { store(I, LC.Abi.I8); }
void FunctionLowering::lowerI64Store16(const Instr &I) { store(I, B.getInt16Ty()); }
void FunctionLowering::lowerI64Store32(const Instr &I) { store(I, LC.Abi.I32); }

//===--- Memory instructions ----------------------------------------------===//

void FunctionLowering::lowerMemorySize(const Instr &) {
  Value *Mem = instanceField(AbiTypes::InstanceMemory0);
  Value *Bytes = loadField(Mem, LC.Abi.Memory, AbiTypes::MemorySize, LC.Abi.I64,
                           LC.Tbaa.RuntimeState);
  push(B.CreateTrunc(B.CreateLShr(Bytes, 16), LC.Abi.I32));
}

void FunctionLowering::lowerMemoryGrow(const Instr &I) {
  Value *Delta = pop();
  push(B.CreateCall(LC.Rt.MemoryGrow, {inst(), B.getInt32(I.Index), Delta}));
}

void FunctionLowering::lowerMemoryFill(const Instr &I) {
  Value *N = pop();
  Value *Byte = pop();
  Value *Dst = pop();
  trapIfNonZero(B.CreateCall(LC.Rt.MemoryFill,
                             {inst(), B.getInt32(I.Index), Dst, Byte, N}));
}

void FunctionLowering::lowerMemoryCopy(const Instr &) {
  Value *N = pop();
  Value *Src = pop();
  Value *Dst = pop();
  trapIfNonZero(B.CreateCall(LC.Rt.MemoryCopy, {inst(), B.getInt32(0),
                                                B.getInt32(0), Dst, Src, N}));
}

void FunctionLowering::lowerMemoryInit(const Instr &I) {
  Value *N = pop();
  Value *Src = pop();
  Value *Dst = pop();
  trapIfNonZero(B.CreateCall(LC.Rt.MemoryInit, {inst(), B.getInt32(0),
                                                B.getInt32(I.Index), Dst, Src, N}));
}

void FunctionLowering::lowerDataDrop(const Instr &I) {
  B.CreateCall(LC.Rt.DataDrop, {inst(), B.getInt32(I.Index)});
}

} // namespace wasmc::lower
