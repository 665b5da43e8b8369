//===--- ModuleLowering.h - ValidatedModule to LLVM IR --------------------===//
//
/// \file
/// The lowering's public interface. lowerModule turns a validated Wasm
/// module into an llvm::Module that defines
///   - one internal function per defined Wasm function, with the native
///     signature `results f(rt_instance *inst, params...)` of abi.h,
///   - one internal invoke trampoline per function type of a defined
///     function (`void invoke(const void *code, rt_instance *, rt_value *)`),
///   - the external constant `wasmc_module_info` (an rt_module_info) that
///     describes the module to the runtime, which instantiates from it,
/// and references `rt_abi_v<RT_ABI_VERSION>` so that linking against a
/// runtime of another ABI version fails. SIMD (v128) is not supported yet.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Validator.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Target/TargetMachine.h"

#include <memory>
#include <string>
#include <vector>

namespace wasmc::lower {

/// How memory accesses are kept inside linear memory (see BoundsCheck.cpp).
enum class BoundsMode {
  /// No checks: the runtime reserves 8 GiB plus a guard region behind each
  /// memory's base, so any i32 index + u32 offset faults in the reservation.
  Guard,
  /// An explicit compare against the memory's current size before each
  /// access; exact Wasm semantics on any host.
  Explicit,
};

/// Each option off emits exactly the code it would without it; each on sets
/// its rt_module_flags bit in the module info.
struct LowerOptions {
  BoundsMode Bounds = BoundsMode::Guard;
  /// Instruction metering (wasm/Fuel.h) on rt_context.fuel: RT_FLAG_FUEL.
  bool Fuel = false;
  /// NaN results of the operators of wasm/CanonicalNaN.h are the canonical
  /// positive quiet NaN, as in the interpreter with ExecOptions::CanonicalNaN:
  /// RT_FLAG_CANONICAL_NAN.
  bool CanonicalNaN = false;
  /// Counts Wasm frames in rt_context.call_depth and traps "call stack
  /// exhausted" on entering frame RT_DETERMINISTIC_CALL_DEPTH + 1, as the
  /// interpreter does with that MaxCallDepth: RT_FLAG_CALL_DEPTH. Run such
  /// code on a stack of RT_DETERMINISTIC_STACK (rt_run_on_stack).
  bool LimitCallDepth = false;
};

/// The symbol of the rt_module_info constant in the produced module.
inline constexpr const char *ModuleInfoSymbol = "wasmc_module_info";

/// Lowers VM into a new llvm::Module in Ctx, with TM's triple and data
/// layout. Errors are WasmErrorInfo (LowerError.h): Unsupported for SIMD,
/// Internal for bugs. The produced module passes llvm::verifyModule.
llvm::Expected<std::unique_ptr<llvm::Module>>
lowerModule(const wasmc::ValidatedModule &VM, llvm::LLVMContext &Ctx,
            const llvm::TargetMachine &TM, const LowerOptions &Opts);

/// One piece of a module that is lowered, optimized and emitted on its own
/// (in its own LLVMContext), so that compiling a large module needs memory
/// for a part at a time rather than for the whole.
struct Part {
  /// The defined functions [First, End) (indices without the imports).
  uint32_t First = 0, End = 0;
  /// The part with the module description and the invoke trampolines.
  bool ModuleInfo = false;
};

/// How a module is cut into parts: the module-info part first, then runs
/// of consecutive functions of about a given size of code each, so that
/// calls between neighbours (often from one source file) stay inlinable.
/// Wasm functions become hidden global symbols, named alike in every part.
struct PartPlan {
  std::vector<Part> Parts;
  /// The symbol of each defined function, unique within the module.
  std::vector<std::string> Symbols;
};

/// The plan of one part that is the whole module; its functions stay
/// internal. lowerModule lowers by it.
PartPlan wholeModule(const Module &WM);

/// The plan for WM with parts of about PartCodeBytes of function bodies
/// each (a function larger than that is a part of its own).
PartPlan planParts(const Module &WM, size_t PartCodeBytes);

/// Lowers Plan.Parts[PartIndex] of VM into a new llvm::Module in Ctx: the
/// part's functions are defined, the functions they call are declared.
/// Errors as lowerModule's. The parts of one plan link together.
llvm::Expected<std::unique_ptr<llvm::Module>>
lowerPart(const wasmc::ValidatedModule &VM, const PartPlan &Plan, size_t PartIndex,
          llvm::LLVMContext &Ctx, const llvm::TargetMachine &TM,
          const LowerOptions &Opts);

} // namespace wasmc::lower
