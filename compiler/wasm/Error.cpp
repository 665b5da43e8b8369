//===--- Error.cpp - Formatting of front-end errors -----------------------===//
#include "wasm/Error.h"

#include <cstdio>

namespace wasmc {

const char *errorKindName(ErrorKind K) {
  switch (K) {
  case ErrorKind::Malformed: return "malformed";
  case ErrorKind::Invalid: return "invalid";
  case ErrorKind::Unlinkable: return "unlinkable";
  case ErrorKind::Unsupported: return "unsupported";
  case ErrorKind::Limit: return "implementation limit";
  case ErrorKind::Io: return "i/o error";
  case ErrorKind::Internal: return "internal error";
  }
  return "error";
}

std::string WasmError::str() const {
  std::string S = errorKindName(Kind);
  S += ": ";
  if (Offset != UINT64_MAX) {
    char Buf[32];
    std::snprintf(Buf, sizeof(Buf), "0x%llx: ", (unsigned long long)Offset);
    S += Buf;
  }
  if (!Context.empty()) {
    S += "in ";
    S += Context;
    S += ": ";
  }
  S += Message;
  return S;
}

WasmError makeError(ErrorKind K, uint64_t Offset, std::string Message) {
  WasmError E;
  E.Kind = K;
  E.Offset = Offset;
  E.Message = std::move(Message);
  return E;
}

} // namespace wasmc
