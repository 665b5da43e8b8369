//===--- LowerConvert.cpp - Conversions between value types ---------------===//
//
/// \file
/// Wrap/extend, int<->float conversions, demote/promote, reinterpret and
/// sign extension. The trapping float-to-int truncations check their input
/// before fptosi/fptoui, whose result is poison out of range.
//
//===----------------------------------------------------------------------===//
#include "lower/FunctionLowering.h"

namespace wasmc::lower {

using llvm::Instruction;
using llvm::Value;

//===--- Trapping truncation ----------------------------------------------===//

/// NaN traps with "invalid conversion to integer"; any other x whose
/// truncation toward zero is not representable traps with "integer
/// overflow". trunc(x) is representable in [Min, Max] iff
/// LowExcl < x < HighExcl, where HighExcl = Max + 1 (a power of two, exact
/// in every float type) and LowExcl is the greatest float below Min whose
/// truncation is < Min: Min - 1 when the float type has that precision,
/// else the float just below Min. Both bounds are exact in the source type
/// (the table below lists them per operator), so one ordered compare each
/// is exact too.
void FunctionLowering::truncateChecked(bool Signed, llvm::Type *IntTy,
                                       double LowExcl, double HighExcl) {
  unary([&](Value *X) {
    llvm::Type *FloatTy = X->getType();
    trapIf(B.CreateFCmpUNO(X, X), RT_TRAP_INVALID_CONVERSION);
    Value *AboveLow = B.CreateFCmpOGT(X, llvm::ConstantFP::get(FloatTy, LowExcl));
    Value *BelowHigh = B.CreateFCmpOLT(X, llvm::ConstantFP::get(FloatTy, HighExcl));
    trapIf(B.CreateNot(B.CreateAnd(AboveLow, BelowHigh)), RT_TRAP_INT_OVERFLOW);
    return Signed ? B.CreateFPToSI(X, IntTy) : B.CreateFPToUI(X, IntTy);
  });
}

// Bounds: f32 has 24 significand bits, f64 53. -2^31 - 1 needs 32 bits, so
// below -2^31 the next f32 is -2^31 - 2^8; -2^63 - 1 needs 64 bits, so the
// next ones are -2^63 - 2^40 (f32) and -2^63 - 2^11 (f64).
void FunctionLowering::lowerI32TruncF32S(const Instr &) {
  truncateChecked(true, LC.Abi.I32, -2147483904.0, 2147483648.0);
}
void FunctionLowering::lowerI32TruncF64S(const Instr &) {
  truncateChecked(true, LC.Abi.I32, -2147483649.0, 2147483648.0);
}
void FunctionLowering::lowerI32TruncF32U(const Instr &) {
  truncateChecked(false, LC.Abi.I32, -1.0, 4294967296.0);
}
void FunctionLowering::lowerI32TruncF64U(const Instr &) {
  truncateChecked(false, LC.Abi.I32, -1.0, 4294967296.0);
}
void FunctionLowering::lowerI64TruncF32S(const Instr &) {
  truncateChecked(true, LC.Abi.I64, -9223373136366403584.0, 9223372036854775808.0);
}
void FunctionLowering::lowerI64TruncF64S(const Instr &) {
  truncateChecked(true, LC.Abi.I64, -9223372036854777856.0, 9223372036854775808.0);
}
void FunctionLowering::lowerI64TruncF32U(const Instr &) {
  truncateChecked(false, LC.Abi.I64, -1.0, 18446744073709551616.0);
}
void FunctionLowering::lowerI64TruncF64U(const Instr &) {
  truncateChecked(false, LC.Abi.I64, -1.0, 18446744073709551616.0);
}

//===--- Saturating truncation --------------------------------------------===//

// llvm.fpto[su]i.sat have exactly Wasm's semantics: NaN gives 0, out of
// range clamps to the nearest bound.
void FunctionLowering::truncateSaturating(bool Signed, llvm::Type *IntTy) {
  unary([&](Value *X) {
    auto Intr = Signed ? llvm::Intrinsic::fptosi_sat : llvm::Intrinsic::fptoui_sat;
    return B.CreateIntrinsic(Intr, {IntTy, X->getType()}, {X});
  });
}

void FunctionLowering::lowerI32TruncSatF32S(const Instr &) { truncateSaturating(true, LC.Abi.I32); }
void FunctionLowering::lowerI32TruncSatF32U(const Instr &) { truncateSaturating(false, LC.Abi.I32); }
void FunctionLowering::lowerI32TruncSatF64S(const Instr &) { truncateSaturating(true, LC.Abi.I32); }
void FunctionLowering::lowerI32TruncSatF64U(const Instr &) { truncateSaturating(false, LC.Abi.I32); }
void FunctionLowering::lowerI64TruncSatF32S(const Instr &) { truncateSaturating(true, LC.Abi.I64); }
void FunctionLowering::lowerI64TruncSatF32U(const Instr &) { truncateSaturating(false, LC.Abi.I64); }
void FunctionLowering::lowerI64TruncSatF64S(const Instr &) { truncateSaturating(true, LC.Abi.I64); }
void FunctionLowering::lowerI64TruncSatF64U(const Instr &) { truncateSaturating(false, LC.Abi.I64); }

//===--- Casts ------------------------------------------------------------===//

void FunctionLowering::cast(Instruction::CastOps Op, llvm::Type *To) {
  unary([&](Value *X) { return B.CreateCast(Op, X, To); });
}

void FunctionLowering::extendLow(unsigned Bits) {
  unary([&](Value *X) {
    return B.CreateSExt(B.CreateTrunc(X, B.getIntNTy(Bits)), X->getType());
  });
}

void FunctionLowering::lowerI32WrapI64(const Instr &) { cast(Instruction::Trunc, LC.Abi.I32); }
void FunctionLowering::lowerI64ExtendI32S(const Instr &) { cast(Instruction::SExt, LC.Abi.I64); }
void FunctionLowering::lowerI64ExtendI32U(const Instr &) { cast(Instruction::ZExt, LC.Abi.I64); }
void FunctionLowering::lowerF32ConvertI32S(const Instr &) { cast(Instruction::SIToFP, F32Ty); }
void FunctionLowering::lowerF32ConvertI32U(const Instr &) { cast(Instruction::UIToFP, F32Ty); }
void FunctionLowering::lowerF32ConvertI64S(const Instr &) { cast(Instruction::SIToFP, F32Ty); }
void FunctionLowering::lowerF32ConvertI64U(const Instr &) { cast(Instruction::UIToFP, F32Ty); }
void FunctionLowering::lowerF64ConvertI32S(const Instr &) { cast(Instruction::SIToFP, F64Ty); }
void FunctionLowering::lowerF64ConvertI32U(const Instr &) { cast(Instruction::UIToFP, F64Ty); }
void FunctionLowering::lowerF64ConvertI64S(const Instr &) { cast(Instruction::SIToFP, F64Ty); }
void FunctionLowering::lowerF64ConvertI64U(const Instr &) { cast(Instruction::UIToFP, F64Ty); }
void FunctionLowering::lowerF32DemoteF64(const Instr &) {
  unary([&](Value *X) {
    // LLVM folds demote(promote(x)) to x, which would leave a signalling
    // NaN x unquieted (see LowerNumeric.cpp); the fence keeps both.
    if (llvm::isa<llvm::FPExtInst>(X))
      X = opaque(X);
    return B.CreateFPTrunc(X, F32Ty);
  });
}
void FunctionLowering::lowerF64PromoteF32(const Instr &) { cast(Instruction::FPExt, F64Ty); }
void FunctionLowering::lowerI32ReinterpretF32(const Instr &) { cast(Instruction::BitCast, LC.Abi.I32); }
void FunctionLowering::lowerI64ReinterpretF64(const Instr &) { cast(Instruction::BitCast, LC.Abi.I64); }
void FunctionLowering::lowerF32ReinterpretI32(const Instr &) { cast(Instruction::BitCast, F32Ty); }
void FunctionLowering::lowerF64ReinterpretI64(const Instr &) { cast(Instruction::BitCast, F64Ty); }

//===--- Sign extension ---------------------------------------------------===//

void FunctionLowering::lowerI32Extend8S(const Instr &) { extendLow(8); }
void FunctionLowering::lowerI32Extend16S(const Instr &) { extendLow(16); }
void FunctionLowering::lowerI64Extend8S(const Instr &) { extendLow(8); }
void FunctionLowering::lowerI64Extend16S(const Instr &) { extendLow(16); }
void FunctionLowering::lowerI64Extend32S(const Instr &) { extendLow(32); }

} // namespace wasmc::lower
