//===--- Numerics.h - Exact Wasm semantics of integer and float operators -===//
//
/// \file
/// The spec's numeric operators (section 4.3 of the core spec) as small
/// inline functions over host integers and floats, shared by the
/// interpreter loop and by constant evaluation, and unit-tested on their
/// edge cases. Operators that can trap return an rt_trap_code and write
/// their result through an out parameter.
///
/// Assumes an IEEE 754 host with SSE-style NaN propagation (x86-64, AArch64)
/// running in the default rounding mode; no -ffast-math.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "rt/abi.h"
#include "wasm/CanonicalNaN.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace wasmc::interp::num {

//===--- Integer arithmetic and comparisons -------------------------------===//

// Arithmetic wraps: operands are unsigned. Signed comparisons reinterpret.
template <typename U> U add(U A, U B) { return A + B; }
template <typename U> U sub(U A, U B) { return A - B; }
template <typename U> U mul(U A, U B) { return A * B; }
template <typename U> U bitAnd(U A, U B) { return A & B; }
template <typename U> U bitOr(U A, U B) { return A | B; }
template <typename U> U bitXor(U A, U B) { return A ^ B; }
template <typename U> bool eqz(U A) { return A == 0; }
template <typename U> bool eq(U A, U B) { return A == B; }
template <typename U> bool ne(U A, U B) { return A != B; }
template <typename U> bool ltU(U A, U B) { return A < B; }
template <typename U> bool gtU(U A, U B) { return A > B; }
template <typename U> bool leU(U A, U B) { return A <= B; }
template <typename U> bool geU(U A, U B) { return A >= B; }
template <typename U> bool ltS(U A, U B) {
  return std::make_signed_t<U>(A) < std::make_signed_t<U>(B);
}
template <typename U> bool gtS(U A, U B) {
  return std::make_signed_t<U>(A) > std::make_signed_t<U>(B);
}
template <typename U> bool leS(U A, U B) {
  return std::make_signed_t<U>(A) <= std::make_signed_t<U>(B);
}
template <typename U> bool geS(U A, U B) {
  return std::make_signed_t<U>(A) >= std::make_signed_t<U>(B);
}

//===--- Integer shifts and bit counts ------------------------------------===//

// Shift and rotate counts are taken modulo the width (spec: ishl, irotl).
template <typename U> U shl(U A, U B) { return A << (B & (sizeof(U) * 8 - 1)); }
template <typename U> U shrU(U A, U B) {
  return A >> (B & (sizeof(U) * 8 - 1));
}
template <typename U> U shrS(U A, U B) {
  using S = std::make_signed_t<U>;
  return U(S(A) >> (B & (sizeof(U) * 8 - 1)));
}
template <typename U> U rotl(U A, U B) {
  return std::rotl(A, int(B & (sizeof(U) * 8 - 1)));
}
template <typename U> U rotr(U A, U B) {
  return std::rotr(A, int(B & (sizeof(U) * 8 - 1)));
}
template <typename U> U clz(U A) { return U(std::countl_zero(A)); }
template <typename U> U ctz(U A) { return U(std::countr_zero(A)); }
template <typename U> U popcnt(U A) { return U(std::popcount(A)); }

/// iextendN_s: sign-extends the low N bits of A.
template <typename U, typename Narrow> U extendS(U A) {
  using S = std::make_signed_t<U>;
  return U(S(Narrow(A)));
}

//===--- Integer division -------------------------------------------------===//

template <typename U> rt_trap_code divU(U A, U B, U &Out) {
  if (B == 0)
    return RT_TRAP_INT_DIV_ZERO;
  Out = A / B;
  return RT_TRAP_NONE;
}
template <typename U> rt_trap_code remU(U A, U B, U &Out) {
  if (B == 0)
    return RT_TRAP_INT_DIV_ZERO;
  Out = A % B;
  return RT_TRAP_NONE;
}
/// idiv_s: INT_MIN / -1 is not representable, so it traps.
template <typename U> rt_trap_code divS(U A, U B, U &Out) {
  using S = std::make_signed_t<U>;
  if (B == 0)
    return RT_TRAP_INT_DIV_ZERO;
  if (S(A) == std::numeric_limits<S>::min() && S(B) == -1)
    return RT_TRAP_INT_OVERFLOW;
  Out = U(S(A) / S(B));
  return RT_TRAP_NONE;
}
/// irem_s: INT_MIN % -1 is 0 (and is undefined behaviour in C++, hence the
/// special case).
template <typename U> rt_trap_code remS(U A, U B, U &Out) {
  using S = std::make_signed_t<U>;
  if (B == 0)
    return RT_TRAP_INT_DIV_ZERO;
  Out = S(B) == -1 ? 0 : U(S(A) % S(B));
  return RT_TRAP_NONE;
}

//===--- Float sign operations (pure bit operations) ----------------------===//

// fabs, fneg and fcopysign never look at the value: they must keep NaN
// payloads and signalling bits, which host fabs() may not.
template <typename U> constexpr U signBit() {
  return U(1) << (sizeof(U) * 8 - 1);
}
template <typename U> U fabsBits(U A) { return A & ~signBit<U>(); }
template <typename U> U fnegBits(U A) { return A ^ signBit<U>(); }
template <typename U> U fcopysignBits(U A, U B) {
  return (A & ~signBit<U>()) | (B & signBit<U>());
}

//===--- NaN-producing arithmetic -----------------------------------------===//

// Every operator whose result may be a NaN the host chose lives in this
// section. The spec allows any canonical NaN for NaN-free inputs and any
// arithmetic (quiet) NaN otherwise; SSE and AArch64 both comply. With
// ExecOptions::CanonicalNaN, translation follows each of them with
// canonicalNaN (the list is wasm/CanonicalNaN.h, shared with the lowering).

/// The canonical positive quiet NaN if A is a NaN, else A.
template <typename F> F canonicalNaN(F A) {
  if (A == A)
    return A;
  if constexpr (sizeof(F) == 4)
    return std::bit_cast<F>(CanonicalNaN32);
  else
    return std::bit_cast<F>(CanonicalNaN64);
}

template <typename F> F fadd(F A, F B) { return A + B; }
template <typename F> F fsub(F A, F B) { return A - B; }
template <typename F> F fmul(F A, F B) { return A * B; }
template <typename F> F fdiv(F A, F B) { return A / B; }
template <typename F> F fsqrt(F A) { return std::sqrt(A); }

// libm's rounding functions may return a signalling NaN operand unchanged,
// but the spec wants an arithmetic (quiet) NaN: A + A quiets it.
template <typename F> F fceil(F A) { return A != A ? A + A : std::ceil(A); }
template <typename F> F ffloor(F A) { return A != A ? A + A : std::floor(A); }
template <typename F> F ftrunc(F A) { return A != A ? A + A : std::trunc(A); }
/// fnearest: ties to even, in the default rounding mode; keeps -0.
template <typename F> F fnearest(F A) {
  return A != A ? A + A : std::nearbyint(A);
}

/// fmin: a NaN operand gives a NaN (A + B quiets and propagates it), and
/// -0 is less than +0, unlike std::fmin.
template <typename F> F fmin(F A, F B) {
  if (A != A || B != B)
    return A + B;
  if (A == B) // equal zeros of either sign: -0 wins
    return std::signbit(A) ? A : B;
  return A < B ? A : B;
}
template <typename F> F fmax(F A, F B) {
  if (A != A || B != B)
    return A + B;
  if (A == B) // equal zeros of either sign: +0 wins
    return std::signbit(A) ? B : A;
  return A > B ? A : B;
}

// Comparisons are false when either operand is a NaN, except ne.
template <typename F> bool feq(F A, F B) { return A == B; }
template <typename F> bool fne(F A, F B) { return A != B; }
template <typename F> bool flt(F A, F B) { return A < B; }
template <typename F> bool fgt(F A, F B) { return A > B; }
template <typename F> bool fle(F A, F B) { return A <= B; }
template <typename F> bool fge(F A, F B) { return A >= B; }

inline float demote(double A) { return float(A); }
inline double promote(float A) { return double(A); }

//===--- Float to integer truncation --------------------------------------===//

/// The open interval (Lo, Hi) of floats F whose truncation fits in I. Both
/// bounds are exact in F. Hi is 2^N (unsigned) or 2^(N-1) (signed). For
/// unsigned targets Lo is -1: anything above truncates to 0 or more. For
/// signed targets Lo is INT_MIN - 1 when F can hold it (f64 and i32);
/// otherwise the spacing of F near INT_MIN exceeds 1, and Lo is the
/// largest float below INT_MIN.
template <typename I, typename F> struct TruncBounds;
template <> struct TruncBounds<int32_t, float> {
  static constexpr float Lo = -2147483904.0f, Hi = 2147483648.0f;
};
template <> struct TruncBounds<int32_t, double> {
  static constexpr double Lo = -2147483649.0, Hi = 2147483648.0;
};
template <> struct TruncBounds<uint32_t, float> {
  static constexpr float Lo = -1.0f, Hi = 4294967296.0f;
};
template <> struct TruncBounds<uint32_t, double> {
  static constexpr double Lo = -1.0, Hi = 4294967296.0;
};
template <> struct TruncBounds<int64_t, float> {
  static constexpr float Lo = -9223373136366403584.0f,
                         Hi = 9223372036854775808.0f;
};
template <> struct TruncBounds<int64_t, double> {
  static constexpr double Lo = -9223372036854777856.0,
                          Hi = 9223372036854775808.0;
};
template <> struct TruncBounds<uint64_t, float> {
  static constexpr float Lo = -1.0f, Hi = 18446744073709551616.0f;
};
template <> struct TruncBounds<uint64_t, double> {
  static constexpr double Lo = -1.0, Hi = 18446744073709551616.0;
};

/// itrunc: traps on NaN (invalid conversion) and out of range (overflow).
template <typename I, typename F> rt_trap_code trunc(F A, I &Out) {
  if (A != A)
    return RT_TRAP_INVALID_CONVERSION;
  if (!(A > TruncBounds<I, F>::Lo && A < TruncBounds<I, F>::Hi))
    return RT_TRAP_INT_OVERFLOW;
  Out = I(A);
  return RT_TRAP_NONE;
}

/// itrunc_sat: NaN gives 0, out of range clamps to the nearest bound.
template <typename I, typename F> I truncSat(F A) {
  if (A != A)
    return 0;
  if (A <= TruncBounds<I, F>::Lo)
    return std::numeric_limits<I>::min();
  if (A >= TruncBounds<I, F>::Hi)
    return std::numeric_limits<I>::max();
  return I(A);
}

} // namespace wasmc::interp::num
