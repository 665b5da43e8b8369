//===--- ValueText.cpp - Wasm values as command-line text -----------------===//
//
/// \file
/// Floats are parsed with strtof/strtod (the driver never changes the C
/// locale), which read "nan", "inf" and hexadecimal floats, and f32 is read
/// as a float directly so that no value is rounded twice. They are printed
/// with the shortest digits that read back to the same value, as Rust's
/// Display (and so wasmtime) prints them.
//
//===----------------------------------------------------------------------===//
#include "ValueText.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace wasmc::driver {

namespace {

/// Reads an integer of Bits bits; both its signed and unsigned ranges are
/// accepted, and the result is the two's-complement bit pattern.
bool parseInteger(std::string_view Text, unsigned Bits, uint64_t &Out) {
  bool Negative = !Text.empty() && Text[0] == '-';
  if (Negative)
    Text.remove_prefix(1);
  int Base = 10;
  if (Text.size() > 2 && Text[0] == '0' && (Text[1] == 'x' || Text[1] == 'X')) {
    Base = 16;
    Text.remove_prefix(2);
  }
  // from_chars would accept a second sign; the text must be digits only.
  if (Text.empty() || Text[0] == '-' || Text[0] == '+')
    return false;
  uint64_t Magnitude = 0;
  auto [End, Ec] =
      std::from_chars(Text.data(), Text.data() + Text.size(), Magnitude, Base);
  if (Ec != std::errc() || End != Text.data() + Text.size())
    return false;
  uint64_t UnsignedMax = Bits == 64 ? UINT64_MAX : (uint64_t(1) << Bits) - 1;
  uint64_t NegativeMax = uint64_t(1) << (Bits - 1);
  if (Negative ? Magnitude > NegativeMax : Magnitude > UnsignedMax)
    return false;
  Out = (Negative ? 0 - Magnitude : Magnitude) & UnsignedMax;
  return true;
}

/// Reads a float of type F with strtof/strtod; rejects leading blanks
/// (which strto* would skip) and trailing text. Overflow gives infinity.
template <typename F>
bool parseFloat(std::string_view Text, F (*Strto)(const char *, char **),
                F &Out) {
  if (Text.empty() || std::isspace(static_cast<unsigned char>(Text[0])))
    return false;
  std::string Copy(Text); // strto* need a terminated string
  char *End = nullptr;
  Out = Strto(Copy.c_str(), &End);
  return End == Copy.c_str() + Copy.size();
}

/// Shortest round-trip digits (as to_chars gives them in scientific
/// notation), written out without an exponent: 1e20 is
/// "100000000000000000000", not the exact but longer binary value.
template <typename F> std::string formatFloat(F X) {
  if (std::isnan(X))
    return "NaN";
  if (std::isinf(X))
    return X < 0 ? "-inf" : "inf";
  char Buf[64];
  auto [End, Ec] =
      std::to_chars(Buf, Buf + sizeof(Buf), X, std::chars_format::scientific);
  if (Ec != std::errc())
    return "?";
  std::string_view Sci(Buf, End - Buf); // "-d.ddde+XX" or "de-XX"
  std::string Out;
  if (Sci[0] == '-') {
    Out = "-";
    Sci.remove_prefix(1);
  }
  size_t E = Sci.find('e');
  std::string Digits;
  for (char C : Sci.substr(0, E))
    if (C != '.')
      Digits += C;
  // Exponent of the first digit, hence where the decimal point goes.
  int Point = std::atoi(std::string(Sci.substr(E + 1)).c_str()) + 1;
  if (Point <= 0)
    return Out + "0." + std::string(-Point, '0') + Digits;
  if (size_t(Point) >= Digits.size())
    return Out + Digits + std::string(Point - Digits.size(), '0');
  return Out + Digits.substr(0, Point) + "." + Digits.substr(Point);
}

} // namespace

bool parseValue(std::string_view Text, ValType T, interp::Value &Out,
                std::string &Why) {
  bool Ok = false;
  switch (T) {
  case ValType::I32: {
    uint64_t Bits = 0;
    Ok = parseInteger(Text, 32, Bits);
    Out = interp::Value::i32(uint32_t(Bits));
    break;
  }
  case ValType::I64: {
    uint64_t Bits = 0;
    Ok = parseInteger(Text, 64, Bits);
    Out = interp::Value::i64(Bits);
    break;
  }
  case ValType::F32: {
    float X = 0;
    Ok = parseFloat<float>(Text, std::strtof, X);
    Out = interp::Value::f32(X);
    break;
  }
  case ValType::F64: {
    double X = 0;
    Ok = parseFloat<double>(Text, std::strtod, X);
    Out = interp::Value::f64(X);
    break;
  }
  default:
    Why = std::string("a ") + valTypeName(T) +
          " argument cannot be given on the command line";
    return false;
  }
  if (!Ok)
    Why = "'" + std::string(Text) + "' is not an " + valTypeName(T);
  return Ok;
}

std::string formatValue(const interp::Value &V) {
  switch (V.type()) {
  case ValType::I32: return std::to_string(int32_t(V.i32()));
  case ValType::I64: return std::to_string(int64_t(V.i64()));
  case ValType::F32: return formatFloat(V.f32());
  case ValType::F64: return formatFloat(V.f64());
  case ValType::FuncRef: return V.isNull() ? "<null funcref>" : "<funcref>";
  case ValType::ExternRef:
    return V.isNull() ? "<null externref>" : "<externref>";
  default: return V.str();
  }
}

} // namespace wasmc::driver
