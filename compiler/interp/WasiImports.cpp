//===--- WasiImports.cpp - WASI preview1 imports for the interpreter ------===//
//
/// \file
/// Wraps each entry of wasi-host's table in a HostFunc: Values become the
/// table's uniform argument array (i32 zero-extended), the result becomes
/// an i32 Value, and WASI_CALL_EXIT becomes the proc_exit trap. Types come
/// from the table's signature strings, so both engines check imports
/// against the same types.
//
//===----------------------------------------------------------------------===//
#include "interp/WasiImports.h"

#include "wasm/Module.h"

#include <string>
#include <string_view>

namespace wasmc::interp {
namespace {

/// The Wasm type of a table signature such as "iIii:i".
FuncType typeOf(const wasi_function &F) {
  FuncType T;
  bool Results = false;
  for (const char *C = F.sig; *C; ++C) {
    if (*C == ':') {
      Results = true;
      continue;
    }
    (Results ? T.Results : T.Params).push_back(*C == 'I' ? ValType::I64 : ValType::I32);
  }
  return T;
}

/// Memory 0 of the calling instance; none (every pointer faults) when the
/// function was invoked directly or the caller has no memory.
wasi_mem memoryOf(const HostCall &Call) {
  if (!Call.Caller || Call.Caller->Memories.empty())
    return {nullptr, 0};
  MemoryInst *M = Call.Caller->Memories[0];
  return {M->data(), M->sizeBytes()};
}

std::string exitMessage(uint32_t Code) {
  return "proc_exit(" + std::to_string(Code) + ")";
}

HostFunc hostFuncFor(const wasi_function &F, wasi_ctx *Ctx) {
  return [&F, Ctx](HostCall &Call, std::span<const Value> Args,
                   std::span<Value> Results) -> Trap {
    // The table's signatures have at most 9 parameters (path_open).
    uint64_t A[16];
    for (size_t K = 0; K < Args.size(); ++K)
      A[K] = Args[K].type() == ValType::I64 ? Args[K].i64() : Args[K].i32();
    uint32_t R = F.call(Ctx, memoryOf(Call), A);
    if (R == WASI_CALL_EXIT)
      return Trap(RT_TRAP_HOST, exitMessage(Ctx->exit_code));
    if (!Results.empty())
      Results[0] = Value::i32(R);
    return Trap();
  };
}

} // namespace

Result<std::vector<Extern>> resolveWasiImports(Store &S, const Module &M, wasi_ctx *Ctx) {
  std::vector<Extern> Externs;
  Externs.reserve(M.Imports.size());
  for (const Import &Imp : M.Imports) {
    std::string Name = Imp.Module + "." + Imp.Name;
    const wasi_function *F =
        Imp.Kind == ExternKind::Func && Imp.Module == WASI_MODULE_NAME
            ? wasi_function_find(Imp.Name.data(), Imp.Name.size())
            : nullptr;
    if (!F)
      return makeError(ErrorKind::Unlinkable, Imp.Offset, "unknown import: " + Name);
    FuncType Want = typeOf(*F);
    const FuncType &Got = M.Types[Imp.FuncTypeIndex];
    if (Got != Want)
      return makeError(ErrorKind::Unlinkable, Imp.Offset,
                       "incompatible import type: " + Name + ": expects " + Want.str() +
                           ", got " + Got.str());
    Externs.push_back(Extern{ExternKind::Func, S.addHostFunc(Want, hostFuncFor(*F, Ctx))});
  }
  return Externs;
}

std::optional<uint32_t> wasiExitCode(const Trap &T, const wasi_ctx &Ctx) {
  if (T.Code != RT_TRAP_HOST || !Ctx.exited || T.Message != exitMessage(Ctx.exit_code))
    return std::nullopt;
  return Ctx.exit_code;
}

} // namespace wasmc::interp
