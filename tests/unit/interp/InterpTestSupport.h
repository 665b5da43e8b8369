//===--- InterpTestSupport.h - Fixture for interpreter tests --------------===//
//
/// \file
/// Tests state modules in the text format; the fixture converts them with
/// wabt (wasm-text), validates, instantiates them in its Store and calls
/// their exports, failing the test on any unexpected error.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Interp.h"
#include "text/WatToBinary.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string_view>
#include <vector>

namespace wasmc::interp {

/// Lets GoogleTest print values in failure messages.
inline void PrintTo(const Value &V, std::ostream *OS) { *OS << V.str(); }

} // namespace wasmc::interp

namespace wasmc::interp::test {

class InterpTest : public ::testing::Test {
protected:
  /// Validates the module in Wat (its binary form).
  static ValidatedModule compile(std::string_view Wat) {
    auto Bytes = watToBinary(Wat, "test.wat");
    EXPECT_TRUE(Bytes.ok()) << (Bytes.ok() ? "" : Bytes.error().str());
    auto VM = loadModule(Bytes.take());
    EXPECT_TRUE(VM.ok()) << (VM.ok() ? "" : VM.error().str());
    return VM.take();
  }

  /// Instantiates Wat with Imports, whatever the result.
  Result<Instantiation> tryInstantiate(std::string_view Wat,
                                       std::vector<Extern> Imports = {}) {
    return instantiate(S, compile(Wat), Imports);
  }

  /// Instantiates Wat, which must succeed without trapping.
  ModuleInstance *load(std::string_view Wat, std::vector<Extern> Imports = {}) {
    auto I = tryInstantiate(Wat, std::move(Imports));
    EXPECT_TRUE(I.ok()) << (I.ok() ? "" : I.error().str());
    EXPECT_FALSE(I->Trapped) << I->Trapped.Message;
    return I->Instance;
  }

  Extern exportOf(ModuleInstance *I, std::string_view Name) {
    auto E = I->findExport(Name);
    EXPECT_TRUE(E.has_value()) << "no export " << Name;
    return *E;
  }

  /// Calls export Name of I, which must accept Args.
  Outcome call(ModuleInstance *I, std::string_view Name,
               std::vector<Value> Args = {}) {
    auto R = invoke(S, exportOf(I, Name).Addr, Args);
    EXPECT_TRUE(R.ok()) << (R.ok() ? "" : R.error().str());
    return R.take();
  }

  /// The single result of a call that must return.
  Value result(ModuleInstance *I, std::string_view Name,
               std::vector<Value> Args = {}) {
    Outcome O = call(I, Name, std::move(Args));
    EXPECT_FALSE(O.Trapped) << O.Trapped.Message;
    EXPECT_EQ(O.Results.size(), 1u);
    return O.Results.empty() ? Value() : O.Results[0];
  }

  /// The trap code of a call that must trap.
  rt_trap_code trapOf(ModuleInstance *I, std::string_view Name,
                      std::vector<Value> Args = {}) {
    Outcome O = call(I, Name, std::move(Args));
    EXPECT_TRUE(O.Trapped);
    return O.Trapped.Code;
  }

  Store S;
};

} // namespace wasmc::interp::test
