//===--- Engines.h - One module, run the same way on every engine ---------===//
//
/// \file
/// The determinism tests run each module on the interpreter and on compiled
/// code (-O0 and -O3, guard and explicit bounds checks) under the same
/// Mode, and compare what each run leaves observable: the trap, the
/// results, the exported globals and memory, the remaining fuel. Every run
/// starts from a fresh instance. Compiled code is loaded by AotCompiler,
/// as in the spec runner: the real pipeline into a dlopened shared object
/// whose rt_* references resolve to the runtime-lib linked into the test.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "rt/abi.h"
#include "wasm/Error.h"
#include "wasm/Validator.h"

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace wasmc::determinism {

/// The options under test, set the same way on both engines.
struct Mode {
  bool Fuel = false;
  bool CanonicalNaN = false;
  /// The call depth limit and the memory page cap of deterministic mode
  /// (compiled code runs on a stack of RT_DETERMINISTIC_STACK).
  bool Deterministic = false;
};

/// Everything a run leaves that its host can observe. Values are bits.
struct Observation {
  uint32_t Trap = RT_TRAP_NONE;
  std::vector<uint64_t> Results;
  std::vector<uint64_t> Globals; ///< exported globals, in export order
  std::vector<uint8_t> Memory;   ///< the export "mem", if any
  int64_t FuelLeft = 0;

  bool operator==(const Observation &) const = default;
};
void PrintTo(const Observation &O, std::ostream *OS);

enum class EngineKind { Interp, AotO0Guard, AotO0Explicit, AotO3Guard, AotO3Explicit };
inline constexpr EngineKind AllEngines[] = {
    EngineKind::Interp, EngineKind::AotO0Guard, EngineKind::AotO0Explicit,
    EngineKind::AotO3Guard, EngineKind::AotO3Explicit};
std::string engineName(EngineKind K);

/// A module prepared (translated or compiled) for one engine and mode.
class Prepared {
public:
  virtual ~Prepared() = default;
  /// Instantiates the module afresh with Fuel fuel and calls export Func
  /// with Args (bits, one per parameter) Calls times; the trap and results
  /// are the last call's. Errors: instantiation failed.
  virtual Result<Observation> run(std::string_view Func,
                                  const std::vector<uint64_t> &Args,
                                  int64_t Fuel, unsigned Calls = 1) = 0;
};

/// Errors: compilation failed (Internal, or as the lowering reports).
Result<std::unique_ptr<Prepared>> prepare(const ValidatedModule &VM,
                                          EngineKind K, const Mode &M);

} // namespace wasmc::determinism
