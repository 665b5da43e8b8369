//===--- LowerNumeric.cpp - Constants, comparisons and arithmetic ---------===//
//
/// \file
/// Integer and floating-point operators. Where LLVM's instruction differs
/// from Wasm's operator the handler says why: division traps, shift counts
/// are taken modulo the width (LLVM shifts by >= width are poison), counting
/// zeros of 0 is defined, and float min/max propagate NaN and order -0 < +0
/// (llvm.minimum/maximum, not minnum/maxnum). Float neg/abs/copysign are
/// pure sign-bit operations in LLVM too, so NaN payloads survive.
///
/// Wasm wants arithmetic on a signalling NaN to return a quiet NaN. The
/// hardware does that, but LLVM's IR lets a NaN pass through unquieted, so
/// it folds x - 0.0, x * 1.0, x / -1.0, -0.0 - x to x or -x, and
/// llvm.minimum returns a NaN operand as it is; floatArith and floatMinMax
/// keep the quieting (float_exprs.wast, f32.wast and f64.wast test it).
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

#include "wasm/CanonicalNaN.h"

namespace wasmc::lower {

using llvm::CmpInst;
using llvm::Instruction;
using llvm::Intrinsic::ID;
using llvm::Value;

//===--- Constants --------------------------------------------------------===//

void FunctionLowering::lowerI32Const(const Instr &I) { push(B.getInt32(uint32_t(I.Bits))); }
void FunctionLowering::lowerI64Const(const Instr &I) { push(B.getInt64(I.Bits)); }

// From the bit pattern, so NaN payloads are exact.
void FunctionLowering::lowerF32Const(const Instr &I) {
  push(llvm::ConstantFP::get(
      LC.Ctx, llvm::APFloat(llvm::APFloat::IEEEsingle(), llvm::APInt(32, I.Bits))));
}
void FunctionLowering::lowerF64Const(const Instr &I) {
  push(llvm::ConstantFP::get(
      LC.Ctx, llvm::APFloat(llvm::APFloat::IEEEdouble(), llvm::APInt(64, I.Bits))));
}

//===--- Quieting and canonical NaNs --------------------------------------===//

Value *FunctionLowering::opaque(Value *X) {
  return B.CreateUnaryIntrinsic(llvm::Intrinsic::arithmetic_fence, X);
}

/// Whether a constant operand could make Op an identity that LLVM folds
/// away: x + -0, x - +0, -0 - x, x * +-1, x / +-1.
static bool mayFoldToOperand(Value *C) {
  auto *F = llvm::dyn_cast<llvm::ConstantFP>(C);
  return F && (F->isZero() || F->isExactlyValue(1.0) || F->isExactlyValue(-1.0));
}

void FunctionLowering::floatArith(Instruction::BinaryOps Op) {
  binary([&](Value *L, Value *R) {
    // Hiding such a constant keeps the operation. Only a constant beside a
    // non-constant is hidden, so that constant expressions still fold;
    // constants that only appear after inlining or propagation are not
    // covered (the testsuite writes them next to the operation).
    bool LConst = llvm::isa<llvm::Constant>(L), RConst = llvm::isa<llvm::Constant>(R);
    if (LConst && !RConst && mayFoldToOperand(L))
      L = opaque(L);
    if (RConst && !LConst && mayFoldToOperand(R))
      R = opaque(R);
    return B.CreateBinOp(Op, L, R);
  });
}

void FunctionLowering::floatMinMax(ID Id) {
  binary([&](Value *L, Value *R) {
    // A NaN result is one of the operands unchanged; M + M quiets it (and
    // is never folded back to M).
    Value *M = B.CreateBinaryIntrinsic(Id, L, R);
    return B.CreateSelect(B.CreateFCmpUNO(M, M), B.CreateFAdd(M, M), M);
  });
}

// A select, unlike arithmetic, passes its operands' bits through exactly
// (LLVM's NaN rules), so no fold may give the NaN another payload; a NaN X
// that LLVM computes at compile time makes the compare fold to true.
Value *FunctionLowering::canonicalNaN(Value *X) {
  llvm::Type *Ty = X->getType();
  llvm::APFloat NaN =
      Ty->isFloatTy()
          ? llvm::APFloat(llvm::APFloat::IEEEsingle(), llvm::APInt(32, CanonicalNaN32))
          : llvm::APFloat(llvm::APFloat::IEEEdouble(), llvm::APInt(64, CanonicalNaN64));
  return B.CreateSelect(B.CreateFCmpUNO(X, X), llvm::ConstantFP::get(LC.Ctx, NaN), X);
}

//===--- Integer comparisons ----------------------------------------------===//

void FunctionLowering::lowerI32Eqz(const Instr &) {
  unary([&](Value *X) {
    return B.CreateZExt(B.CreateICmpEQ(X, B.getInt32(0)), LC.Abi.I32);
  });
}
void FunctionLowering::lowerI64Eqz(const Instr &) {
  unary([&](Value *X) {
    return B.CreateZExt(B.CreateICmpEQ(X, B.getInt64(0)), LC.Abi.I32);
  });
}
void FunctionLowering::lowerI32Eq(const Instr &) { compareInt(CmpInst::ICMP_EQ); }
void FunctionLowering::lowerI32Ne(const Instr &) { compareInt(CmpInst::ICMP_NE); }
void FunctionLowering::lowerI32LtS(const Instr &) { compareInt(CmpInst::ICMP_SLT); }
void FunctionLowering::lowerI32LtU(const Instr &) { compareInt(CmpInst::ICMP_ULT); }
void FunctionLowering::lowerI32GtS(const Instr &) { compareInt(CmpInst::ICMP_SGT); }
void FunctionLowering::lowerI32GtU(const Instr &) { compareInt(CmpInst::ICMP_UGT); }
void FunctionLowering::lowerI32LeS(const Instr &) { compareInt(CmpInst::ICMP_SLE); }
void FunctionLowering::lowerI32LeU(const Instr &) { compareInt(CmpInst::ICMP_ULE); }
void FunctionLowering::lowerI32GeS(const Instr &) { compareInt(CmpInst::ICMP_SGE); }
void FunctionLowering::lowerI32GeU(const Instr &) { compareInt(CmpInst::ICMP_UGE); }
void FunctionLowering::lowerI64Eq(const Instr &) { compareInt(CmpInst::ICMP_EQ); }
void FunctionLowering::lowerI64Ne(const Instr &) { compareInt(CmpInst::ICMP_NE); }
void FunctionLowering::lowerI64LtS(const Instr &) { compareInt(CmpInst::ICMP_SLT); }
void FunctionLowering::lowerI64LtU(const Instr &) { compareInt(CmpInst::ICMP_ULT); }
void FunctionLowering::lowerI64GtS(const Instr &) { compareInt(CmpInst::ICMP_SGT); }
void FunctionLowering::lowerI64GtU(const Instr &) { compareInt(CmpInst::ICMP_UGT); }
void FunctionLowering::lowerI64LeS(const Instr &) { compareInt(CmpInst::ICMP_SLE); }
void FunctionLowering::lowerI64LeU(const Instr &) { compareInt(CmpInst::ICMP_ULE); }
void FunctionLowering::lowerI64GeS(const Instr &) { compareInt(CmpInst::ICMP_SGE); }
void FunctionLowering::lowerI64GeU(const Instr &) { compareInt(CmpInst::ICMP_UGE); }

//===--- Float comparisons ------------------------------------------------===//

// Every comparison with a NaN is false except `ne`, which is true: ordered
// predicates, and the unordered UNE for `ne`.
void FunctionLowering::lowerF32Eq(const Instr &) { compareFloat(CmpInst::FCMP_OEQ); }
void FunctionLowering::lowerF32Ne(const Instr &) { compareFloat(CmpInst::FCMP_UNE); }
void FunctionLowering::lowerF32Lt(const Instr &) { compareFloat(CmpInst::FCMP_OLT); }
void FunctionLowering::lowerF32Gt(const Instr &) { compareFloat(CmpInst::FCMP_OGT); }
void FunctionLowering::lowerF32Le(const Instr &) { compareFloat(CmpInst::FCMP_OLE); }
void FunctionLowering::lowerF32Ge(const Instr &) { compareFloat(CmpInst::FCMP_OGE); }
void FunctionLowering::lowerF64Eq(const Instr &) { compareFloat(CmpInst::FCMP_OEQ); }
void FunctionLowering::lowerF64Ne(const Instr &) { compareFloat(CmpInst::FCMP_UNE); }
void FunctionLowering::lowerF64Lt(const Instr &) { compareFloat(CmpInst::FCMP_OLT); }
void FunctionLowering::lowerF64Gt(const Instr &) { compareFloat(CmpInst::FCMP_OGT); }
void FunctionLowering::lowerF64Le(const Instr &) { compareFloat(CmpInst::FCMP_OLE); }
void FunctionLowering::lowerF64Ge(const Instr &) { compareFloat(CmpInst::FCMP_OGE); }

//===--- Integer division -------------------------------------------------===//

void FunctionLowering::divide(bool Signed) {
  binary([&](Value *L, Value *R) {
    llvm::Type *Ty = L->getType();
    trapIf(B.CreateICmpEQ(R, llvm::ConstantInt::get(Ty, 0)), RT_TRAP_INT_DIV_ZERO);
    if (!Signed)
      return B.CreateUDiv(L, R);
    // INT_MIN / -1 = 2^(N-1) is not representable.
    unsigned Bits = Ty->getIntegerBitWidth();
    Value *IsMin = B.CreateICmpEQ(
        L, llvm::ConstantInt::get(Ty, llvm::APInt::getSignedMinValue(Bits)));
    Value *IsMinusOne = B.CreateICmpEQ(R, llvm::ConstantInt::getSigned(Ty, -1));
    trapIf(B.CreateAnd(IsMin, IsMinusOne), RT_TRAP_INT_OVERFLOW);
    return B.CreateSDiv(L, R);
  });
}

void FunctionLowering::remainder(bool Signed) {
  binary([&](Value *L, Value *R) {
    llvm::Type *Ty = L->getType();
    trapIf(B.CreateICmpEQ(R, llvm::ConstantInt::get(Ty, 0)), RT_TRAP_INT_DIV_ZERO);
    if (!Signed)
      return B.CreateURem(L, R);
    // x rem_s -1 is 0 for every x, but x86's idiv faults on INT_MIN % -1
    // (and LLVM's srem is undefined there). Dividing by 1 instead gives
    // the same 0 for every x without a branch.
    Value *IsMinusOne = B.CreateICmpEQ(R, llvm::ConstantInt::getSigned(Ty, -1));
    Value *Divisor = B.CreateSelect(IsMinusOne, llvm::ConstantInt::get(Ty, 1), R);
    return B.CreateSRem(L, Divisor);
  });
}

//===--- Integer bit operations -------------------------------------------===//

void FunctionLowering::shift(Instruction::BinaryOps Op) {
  binary([&](Value *L, Value *R) {
    unsigned Bits = L->getType()->getIntegerBitWidth();
    Value *Count = B.CreateAnd(R, llvm::ConstantInt::get(R->getType(), Bits - 1));
    return B.CreateBinOp(Op, L, Count);
  });
}

// Funnel shifts with both inputs equal are rotates; they take the count
// modulo the width themselves.
void FunctionLowering::rotate(ID Intr) {
  binary([&](Value *L, Value *R) {
    return B.CreateIntrinsic(Intr, {L->getType()}, {L, L, R});
  });
}

void FunctionLowering::countBits(ID Intr) {
  unary([&](Value *X) {
    if (Intr == llvm::Intrinsic::ctpop)
      return static_cast<Value *>(B.CreateUnaryIntrinsic(Intr, X));
    // is_zero_poison = false: clz(0) = ctz(0) = the width, as in Wasm.
    return static_cast<Value *>(
        B.CreateIntrinsic(Intr, {X->getType()}, {X, B.getFalse()}));
  });
}

//===--- i32 --------------------------------------------------------------===//

void FunctionLowering::lowerI32Clz(const Instr &) { countBits(llvm::Intrinsic::ctlz); }
void FunctionLowering::lowerI32Ctz(const Instr &) { countBits(llvm::Intrinsic::cttz); }
void FunctionLowering::lowerI32Popcnt(const Instr &) { countBits(llvm::Intrinsic::ctpop); }
void FunctionLowering::lowerI32Add(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateAdd(L, R); });
}
void FunctionLowering::lowerI32Sub(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateSub(L, R); });
}
void FunctionLowering::lowerI32Mul(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateMul(L, R); });
}
void FunctionLowering::lowerI32DivS(const Instr &) { divide(true); }
void FunctionLowering::lowerI32DivU(const Instr &) { divide(false); }
void FunctionLowering::lowerI32RemS(const Instr &) { remainder(true); }
void FunctionLowering::lowerI32RemU(const Instr &) { remainder(false); }
void FunctionLowering::lowerI32And(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateAnd(L, R); });
}
void FunctionLowering::lowerI32Or(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateOr(L, R); });
}
void FunctionLowering::lowerI32Xor(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateXor(L, R); });
}
void FunctionLowering::lowerI32Shl(const Instr &) { shift(Instruction::Shl); }
void FunctionLowering::lowerI32ShrS(const Instr &) { shift(Instruction::AShr); }
void FunctionLowering::lowerI32ShrU(const Instr &) { shift(Instruction::LShr); }
void FunctionLowering::lowerI32Rotl(const Instr &) { rotate(llvm::Intrinsic::fshl); }
void FunctionLowering::lowerI32Rotr(const Instr &) { rotate(llvm::Intrinsic::fshr); }

//===--- i64 --------------------------------------------------------------===//

void FunctionLowering::lowerI64Clz(const Instr &) { countBits(llvm::Intrinsic::ctlz); }
void FunctionLowering::lowerI64Ctz(const Instr &) { countBits(llvm::Intrinsic::cttz); }
void FunctionLowering::lowerI64Popcnt(const Instr &) { countBits(llvm::Intrinsic::ctpop); }
void FunctionLowering::lowerI64Add(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateAdd(L, R); });
}
void FunctionLowering::lowerI64Sub(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateSub(L, R); });
}
void FunctionLowering::lowerI64Mul(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateMul(L, R); });
}
void FunctionLowering::lowerI64DivS(const Instr &) { divide(true); }
void FunctionLowering::lowerI64DivU(const Instr &) { divide(false); }
void FunctionLowering::lowerI64RemS(const Instr &) { remainder(true); }
void FunctionLowering::lowerI64RemU(const Instr &) { remainder(false); }
void FunctionLowering::lowerI64And(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateAnd(L, R); });
}
void FunctionLowering::lowerI64Or(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateOr(L, R); });
}
void FunctionLowering::lowerI64Xor(const Instr &) {
  binary([&](Value *L, Value *R) { return B.CreateXor(L, R); });
}
void FunctionLowering::lowerI64Shl(const Instr &) { shift(Instruction::Shl); }
void FunctionLowering::lowerI64ShrS(const Instr &) { shift(Instruction::AShr); }
void FunctionLowering::lowerI64ShrU(const Instr &) { shift(Instruction::LShr); }
void FunctionLowering::lowerI64Rotl(const Instr &) { rotate(llvm::Intrinsic::fshl); }
void FunctionLowering::lowerI64Rotr(const Instr &) { rotate(llvm::Intrinsic::fshr); }

//===--- f32 --------------------------------------------------------------===//

void FunctionLowering::lowerF32Abs(const Instr &) { unaryIntrinsic(llvm::Intrinsic::fabs); }
void FunctionLowering::lowerF32Neg(const Instr &) {
  unary([&](Value *X) { return B.CreateFNeg(X); });
}
void FunctionLowering::lowerF32Ceil(const Instr &) { unaryIntrinsic(llvm::Intrinsic::ceil); }
void FunctionLowering::lowerF32Floor(const Instr &) { unaryIntrinsic(llvm::Intrinsic::floor); }
void FunctionLowering::lowerF32Trunc(const Instr &) { unaryIntrinsic(llvm::Intrinsic::trunc); }
void FunctionLowering::lowerF32Nearest(const Instr &) { unaryIntrinsic(llvm::Intrinsic::roundeven); }
void FunctionLowering::lowerF32Sqrt(const Instr &) { unaryIntrinsic(llvm::Intrinsic::sqrt); }
void FunctionLowering::lowerF32Add(const Instr &) { floatArith(Instruction::FAdd); }
void FunctionLowering::lowerF32Sub(const Instr &) { floatArith(Instruction::FSub); }
void FunctionLowering::lowerF32Mul(const Instr &) { floatArith(Instruction::FMul); }
void FunctionLowering::lowerF32Div(const Instr &) { floatArith(Instruction::FDiv); }
void FunctionLowering::lowerF32Min(const Instr &) { floatMinMax(llvm::Intrinsic::minimum); }
void FunctionLowering::lowerF32Max(const Instr &) { floatMinMax(llvm::Intrinsic::maximum); }
void FunctionLowering::lowerF32Copysign(const Instr &) { binaryIntrinsic(llvm::Intrinsic::copysign); }

//===--- f64 --------------------------------------------------------------===//

void FunctionLowering::lowerF64Abs(const Instr &) { unaryIntrinsic(llvm::Intrinsic::fabs); }
void FunctionLowering::lowerF64Neg(const Instr &) {
  unary([&](Value *X) { return B.CreateFNeg(X); });
}
void FunctionLowering::lowerF64Ceil(const Instr &) { unaryIntrinsic(llvm::Intrinsic::ceil); }
void FunctionLowering::lowerF64Floor(const Instr &) { unaryIntrinsic(llvm::Intrinsic::floor); }
void FunctionLowering::lowerF64Trunc(const Instr &) { unaryIntrinsic(llvm::Intrinsic::trunc); }
void FunctionLowering::lowerF64Nearest(const Instr &) { unaryIntrinsic(llvm::Intrinsic::roundeven); }
void FunctionLowering::lowerF64Sqrt(const Instr &) { unaryIntrinsic(llvm::Intrinsic::sqrt); }
void FunctionLowering::lowerF64Add(const Instr &) { floatArith(Instruction::FAdd); }
void FunctionLowering::lowerF64Sub(const Instr &) { floatArith(Instruction::FSub); }
void FunctionLowering::lowerF64Mul(const Instr &) { floatArith(Instruction::FMul); }
void FunctionLowering::lowerF64Div(const Instr &) { floatArith(Instruction::FDiv); }
void FunctionLowering::lowerF64Min(const Instr &) { floatMinMax(llvm::Intrinsic::minimum); }
void FunctionLowering::lowerF64Max(const Instr &) { floatMinMax(llvm::Intrinsic::maximum); }
void FunctionLowering::lowerF64Copysign(const Instr &) { binaryIntrinsic(llvm::Intrinsic::copysign); }

} // namespace wasmc::lower
