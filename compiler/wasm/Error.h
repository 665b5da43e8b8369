//===--- Error.h - Errors as values for the LLVM-free front end -----------===//
//
/// \file
/// WasmError carries what went wrong (the ErrorKind the spec testsuite
/// distinguishes), where (byte offset and context such as section or
/// function), and the spec's phrase for the rule broken. Result<T> is the
/// small Expected of compiler/wasm, which must stay free of LLVM so that the
/// interpreter, tools and fuzzer link without it. Nothing here throws.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace wasmc {

enum class ErrorKind {
  Malformed,    ///< decoding failed (spec: assert_malformed)
  Invalid,      ///< validation failed (spec: assert_invalid)
  Unlinkable,   ///< imports could not be resolved (assert_unlinkable)
  Unsupported,  ///< valid Wasm that wasmc does not implement
  Limit,        ///< an implementation limit was exceeded
  Io,           ///< a file could not be read or written
  Internal,     ///< a bug in wasmc
};

const char *errorKindName(ErrorKind K);

struct WasmError {
  ErrorKind Kind = ErrorKind::Internal;
  /// Byte offset in the module binary, or UINT64_MAX when not applicable.
  uint64_t Offset = UINT64_MAX;
  /// Spec phrase first, e.g. "type mismatch: i32.add expects i32, got f64".
  std::string Message;
  /// Where: "section code", "function 3 ($fac)", ... Empty if unknown.
  std::string Context;

  /// One line: "malformed: 0x1a3: in function 3 ($fac): type mismatch: ...".
  std::string str() const;
};

WasmError makeError(ErrorKind K, uint64_t Offset, std::string Message);

/// Either a T or a WasmError. [[nodiscard]] so that errors are not dropped.
template <typename T> class [[nodiscard]] Result {
public:
  Result(T Value) : V(std::move(Value)) {}
  Result(WasmError E) : V(std::move(E)) {}

  explicit operator bool() const { return V.index() == 0; }
  bool ok() const { return V.index() == 0; }

  T &operator*() { assert(ok()); return std::get<0>(V); }
  const T &operator*() const { assert(ok()); return std::get<0>(V); }
  T *operator->() { assert(ok()); return &std::get<0>(V); }
  const T *operator->() const { assert(ok()); return &std::get<0>(V); }
  T take() { assert(ok()); return std::move(std::get<0>(V)); }

  const WasmError &error() const { assert(!ok()); return std::get<1>(V); }
  WasmError takeError() { assert(!ok()); return std::move(std::get<1>(V)); }

private:
  std::variant<T, WasmError> V;
};

/// Result of an operation with no value.
class [[nodiscard]] Status {
public:
  // Not `= default`: value-initialization would zero the whole optional
  // WasmError on every success, which shows in decoder profiles.
  Status() {}
  Status(WasmError E) : E(std::move(E)) {}
  static Status success() { return Status(); }

  explicit operator bool() const { return !E; }
  bool ok() const { return !E; }
  const WasmError &error() const { assert(E); return *E; }
  WasmError takeError() { assert(E); return std::move(*E); }

private:
  std::optional<WasmError> E;
};

} // namespace wasmc

/// Propagates a failed Status or Result out of the enclosing function.
#define WASMC_TRY(Expr)                                                        \
  do {                                                                         \
    auto &&WasmcTryTmp_ = (Expr);                                              \
    if (!WasmcTryTmp_.ok())                                                    \
      return WasmcTryTmp_.takeError();                                         \
  } while (0)
