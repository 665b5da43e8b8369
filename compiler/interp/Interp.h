//===--- Interp.h - Public API of the reference interpreter ---------------===//
//
/// \file
/// The interpreter is wasmc's second engine: the oracle the AOT backend is
/// differentially tested against, the engine of `wasmc run --interp` and of
/// the spec test runner. This header is all an embedder needs:
///
/// \code
///   Store S;                                        // owns everything
///   ModuleInstance *Host = *createSpecTestInstance(S);
///   auto Imports = resolveImports(VM.module(), [&](auto Mod, auto Name) {
///     return Mod == "spectest" ? Host->findExport(Name) : std::nullopt;
///   });                                             // Unlinkable on a miss
///   auto I = instantiate(S, VM, *Imports);          // Unlinkable/Unsupported
///   if (I->Trapped) ...                             // assert_uninstantiable
///   auto F = I->Instance->findExport("fac");
///   auto R = invoke(S, F->Addr, {Value::i64(20)});
///   if (R->Trapped) puts(R->Trapped.Message.c_str());
///   else R->Results[0].i64();
/// \endcode
///
/// Semantics are Wasm 2.0 without SIMD (modules using v128 fail to
/// instantiate with ErrorKind::Unsupported). Traps carry an rt_trap_code
/// and the spec's message, the same codes compiled code reports.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Instances.h"
#include "interp/Store.h"
#include "interp/Value.h"
#include "wasm/Validator.h"

#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace wasmc::interp {

//===--- Linking and instantiation ----------------------------------------===//

/// Finds the extern a module expects as import (Module, Name).
using ImportResolver = std::function<std::optional<Extern>(
    std::string_view Module, std::string_view Name)>;

/// The externs for M's imports, in M.Imports order, from Lookup. Fails with
/// ErrorKind::Unlinkable "unknown import: \"mod\" \"name\"" for the first
/// import Lookup does not find. Types are checked later, by instantiate().
Result<std::vector<Extern>> resolveImports(const Module &M,
                                           const ImportResolver &Lookup);

/// A successful link: the new instance, or the trap that aborted it.
struct Instantiation {
  /// Null iff Trapped.
  ModuleInstance *Instance = nullptr;
  /// Set when initialising an element or data segment, or the start
  /// function, trapped (the spec's assert_uninstantiable). Per Wasm 2.0,
  /// the writes to imported tables and memories made before the trap stay.
  Trap Trapped;
};

/// Instantiates M in S with Imports given in M.Imports order (see
/// resolveImports), following the spec's order: imports are checked, then
/// functions, tables, memories and globals are allocated, exports
/// recorded, active element then data segments applied in module order
/// (and dropped, like declarative element segments), and finally the start
/// function runs.
///
/// Errors (nothing was run):
///  - Unlinkable "incompatible import type: ..." when an extern's kind or
///    type does not match its import (function types must be equal; table
///    and memory limits must be subtypes: at least the required minimum,
///    and a maximum no larger than the required one if that has one; table
///    element types and global types, mutability included, must be equal),
///    or Unlinkable when Imports has the wrong length;
///  - Unsupported when M uses SIMD;
///  - Limit when memory cannot be allocated, or a defined memory's minimum
///    exceeds ExecOptions::MemoryPageCap.
Result<Instantiation> instantiate(Store &S, const ValidatedModule &M,
                                  std::span<const Extern> Imports);

//===--- Invocation -------------------------------------------------------===//

/// The results of a call, or the trap that ended it.
struct Outcome {
  std::vector<Value> Results;
  Trap Trapped;
};

/// Calls function F of S with Args. Fails (with ErrorKind::Invalid, nothing
/// run) if Args do not match F's parameter types in number and type; a
/// trap is not an error but an Outcome. Host functions may call invoke()
/// on the same Store while a computation runs.
Result<Outcome> invoke(Store &S, FuncAddr F, std::span<const Value> Args);
inline Result<Outcome> invoke(Store &S, FuncAddr F,
                              std::initializer_list<Value> Args) {
  return invoke(S, F, std::span<const Value>(Args.begin(), Args.size()));
}

//===--- The spectest host module -----------------------------------------===//

/// Creates the externs of the spec testsuite's `spectest` module in S and
/// returns a host instance exporting them: functions print, print_i32,
/// print_i64, print_f32, print_f64, print_i32_f32, print_f64_f64 (which
/// print their arguments to Log, if not null, like the reference
/// interpreter), globals global_i32 = 666, global_i64 = 666, global_f32 =
/// 666.6 and global_f64 = 666.6 (immutable), `table` (10 to 20 funcref) and
/// `memory` (1 to 2 pages). Fails (ErrorKind::Limit) only if the memory
/// cannot be allocated.
Result<ModuleInstance *> createSpecTestInstance(Store &S,
                                                std::FILE *Log = nullptr);

} // namespace wasmc::interp
