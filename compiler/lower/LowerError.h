//===--- LowerError.h - WasmError as an llvm::Error -----------------------===//
//
/// \file
/// The lowering reports errors as llvm::Error (it is LLVM-using code) but
/// keeps the front end's WasmError inside, so that callers can still tell
/// an Unsupported module from an Internal bug and print the byte offset.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include "llvm/Support/Error.h"

namespace wasmc::lower {

class WasmErrorInfo : public llvm::ErrorInfo<WasmErrorInfo> {
public:
  static char ID;
  explicit WasmErrorInfo(WasmError E) : E(std::move(E)) {}

  const WasmError &error() const { return E; }
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

private:
  WasmError E;
};

/// An llvm::Error carrying E.
llvm::Error toLlvmError(WasmError E);
/// An llvm::Error of kind K at byte Offset of the module.
llvm::Error makeLlvmError(ErrorKind K, uint64_t Offset, std::string Message);

} // namespace wasmc::lower
