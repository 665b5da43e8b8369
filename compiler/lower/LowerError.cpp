//===--- LowerError.cpp - WasmError as an llvm::Error ---------------------===//
//
/// \file
/// Formatting of WasmErrorInfo: the front end's one-line form.
//
//===----------------------------------------------------------------------===//
#include "lower/LowerError.h"

#include "llvm/Support/raw_ostream.h"

namespace wasmc::lower {

char WasmErrorInfo::ID = 0;

void WasmErrorInfo::log(llvm::raw_ostream &OS) const { OS << E.str(); }

std::error_code WasmErrorInfo::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

llvm::Error toLlvmError(WasmError E) {
  return llvm::make_error<WasmErrorInfo>(std::move(E));
}

llvm::Error makeLlvmError(ErrorKind K, uint64_t Offset, std::string Message) {
  return toLlvmError(wasmc::makeError(K, Offset, std::move(Message)));
}

} // namespace wasmc::lower
