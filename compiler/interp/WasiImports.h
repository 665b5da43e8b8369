//===--- WasiImports.h - WASI preview1 imports for the interpreter --------===//
//
/// \file
/// The interpreter's adapter of wasi-host (wasi/host.h): the same WASI
/// functions compiled executables call, as interpreter host functions.
/// Each call passes the calling instance's memory 0 and the embedder's
/// wasi_ctx to the engine-neutral core; proc_exit unwinds the whole Wasm
/// computation with a trap that wasiExitCode() recognises.
///
/// How `wasmc run --interp` uses it:
/// \code
///   wasi_ctx Ctx;
///   wasi_ctx_init(&Ctx);                       // grants nothing
///   wasi_ctx_inherit_stdio(&Ctx);              // fds 0, 1, 2
///   wasi_ctx_set_args(&Ctx, N, Argv);          // Argv[0]: the module file
///   std::signal(SIGPIPE, SIG_IGN);             // EPIPE reaches the guest
///   Store S;
///   auto Imports = resolveWasiImports(S, VM.module(), &Ctx); // Unlinkable
///   auto I = instantiate(S, VM, *Imports);
///   auto R = invoke(S, Start, {});              // `_start`
///   if (R->Trapped)
///     if (auto Code = wasiExitCode(R->Trapped, Ctx))
///       return int(*Code & 255);               // proc_exit(Code)
///     // else: a real trap, exit status 100 + R->Trapped.Code
/// \endcode
/// Ctx (and the strings it borrows) must outlive every call into the
/// instance. The same check applies to a trap during instantiate() (a
/// start function may call proc_exit).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Store.h"
#include "wasi/host.h"

#include <optional>
#include <vector>

namespace wasmc::interp {

/// Host functions in S for M's imports, returned as externs in M.Imports
/// order, ready for instantiate(). Every import must be a function of
/// `wasi_snapshot_preview1` that preview1 defines (wasi-host's table);
/// the host implements every one of them.
/// Errors (ErrorKind::Unlinkable, at the import's offset):
///  - "unknown import: MODULE.NAME" for any other import (other modules,
///    non-function imports, names preview1 does not have);
///  - "incompatible import type: MODULE.NAME: expects T, got U" when the
///    import's type is not the function's preview1 type.
/// Ctx is borrowed by the host functions created.
Result<std::vector<Extern>> resolveWasiImports(Store &S, const Module &M, wasi_ctx *Ctx);

/// The exit code if T is the trap with which proc_exit (of a host function
/// from resolveWasiImports with Ctx) ended the computation, else nullopt.
std::optional<uint32_t> wasiExitCode(const Trap &T, const wasi_ctx &Ctx);

} // namespace wasmc::interp
