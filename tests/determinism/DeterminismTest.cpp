//===--- DeterminismTest.cpp - Both engines, one observable behaviour -----===//
//
/// \file
/// Each test prepares a module for the interpreter and for compiled code
/// (-O0 and -O3, guard and explicit bounds checks) under the same Mode and
/// requires every run to leave the same Observation as the interpreter's
/// (trap, results, exported globals and memory, remaining fuel), plus
/// hand-checked values where a shared mistake would otherwise pass.
//
//===----------------------------------------------------------------------===//
#include "CountDown.h"
#include "Engines.h"

#include "text/WatToBinary.h"

#include <gtest/gtest.h>

namespace wasmc::determinism {
namespace {

class DeterminismTest : public ::testing::Test {
protected:
  static ValidatedModule compile(std::string_view Wat) {
    auto Bytes = watToBinary(Wat, "test.wat");
    EXPECT_TRUE(Bytes.ok()) << (Bytes.ok() ? "" : Bytes.error().str());
    auto VM = loadModule(Bytes.take());
    EXPECT_TRUE(VM.ok()) << (VM.ok() ? "" : VM.error().str());
    return VM.take();
  }

  /// VM prepared for every engine under M, in AllEngines order.
  static std::vector<std::unique_ptr<Prepared>> prepareAll(const ValidatedModule &VM,
                                                           const Mode &M) {
    std::vector<std::unique_ptr<Prepared>> Out;
    for (EngineKind K : AllEngines) {
      auto P = prepare(VM, K, M);
      EXPECT_TRUE(P.ok()) << engineName(K) << ": " << (P.ok() ? "" : P.error().str());
      Out.push_back(P.ok() ? P.take() : nullptr);
    }
    return Out;
  }

  /// Runs Func on every engine and checks that all agree with the
  /// interpreter; returns the interpreter's observation.
  static Observation agree(std::vector<std::unique_ptr<Prepared>> &Engines,
                           std::string_view Func, std::vector<uint64_t> Args,
                           int64_t Fuel = 0, unsigned Calls = 1) {
    Observation Reference;
    for (size_t K = 0; K < Engines.size(); ++K) {
      if (!Engines[K])
        continue;
      auto O = Engines[K]->run(Func, Args, Fuel, Calls);
      EXPECT_TRUE(O.ok()) << engineName(AllEngines[K]) << ": "
                          << (O.ok() ? "" : O.error().str());
      if (!O.ok())
        continue;
      if (K == 0)
        Reference = *O;
      else
        EXPECT_EQ(*O, Reference) << engineName(AllEngines[K]) << " differs from "
                                 << engineName(AllEngines[0]) << " on " << Func
                                 << " with fuel " << Fuel;
    }
    return Reference;
  }
};

//===--- Fuel -------------------------------------------------------------===//

constexpr const char *CountDown = wasmc::testing::CountDownWat; // see CountDown.h

TEST_F(DeterminismTest, FuelMatchesTheSegmentCount) {
  ValidatedModule VM = compile(CountDown);
  auto Engines = prepareAll(VM, {.Fuel = true});
  EXPECT_EQ(agree(Engines, "down", {3}, 40).FuelLeft, 10);
  Observation Short = agree(Engines, "down", {3}, 28);
  EXPECT_EQ(Short.Trap, uint32_t(RT_TRAP_OUT_OF_FUEL));
  EXPECT_EQ(Short.FuelLeft, 2);
}

// Loops, direct and indirect calls, br_table, if/else, stores and global
// updates, and a division that traps once the loop reaches `zero_at`.
constexpr const char *Workload = R"((module
  (memory (export "mem") 1)
  (global $sum (export "sum") (mut i64) (i64.const 0))
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (type $un (func (param i32) (result i32)))
  (table 2 funcref)
  (elem (i32.const 0) $sq $inc)
  (func $sq (type $un)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.mul (local.get 0) (local.get 0)))
  (func $inc (type $un) (i32.add (local.get 0) (i32.const 1)))
  (func (export "run") (param $n i32) (param $zero_at i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (i32.store (i32.shl (local.get $i) (i32.const 2))
          (call_indirect (type $un) (local.get $i)
            (i32.and (local.get $i) (i32.const 1))))
        (block $b2
          (block $b1
            (block $b0
              (br_table $b0 $b1 $b2 (i32.rem_u (local.get $i) (i32.const 3))))
            (local.set $acc (i32.add (local.get $acc) (call $sq (local.get $i))))
            (br $b2))
          (if (i32.and (local.get $i) (i32.const 2))
            (then (global.set $sum
              (i64.add (global.get $sum) (i64.extend_i32_u (local.get $i)))))
            (else (local.set $acc (i32.xor (local.get $acc) (i32.const 0x55))))))
        (i32.store8 offset=1000 (local.get $i)
          (i32.div_u (i32.const 1000) (i32.sub (local.get $i) (local.get $zero_at))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))))";

/// Runs "run" with every amount of fuel from 0 to what it needs, on every
/// engine: each amount is a different trap point.
void sweep(std::vector<std::unique_ptr<Prepared>> &Engines,
           std::vector<uint64_t> Args, int64_t Step,
           Observation (*Agree)(std::vector<std::unique_ptr<Prepared>> &,
                                std::string_view, std::vector<uint64_t>, int64_t,
                                unsigned)) {
  const int64_t Plenty = 1000000;
  Observation Full = Agree(Engines, "run", Args, Plenty, 1);
  int64_t Needed = Plenty - Full.FuelLeft;
  ASSERT_GT(Needed, 100);
  for (int64_t Fuel = 0; Fuel < Needed; Fuel += Step) {
    Observation O = Agree(Engines, "run", Args, Fuel, 1);
    ASSERT_EQ(O.Trap, uint32_t(RT_TRAP_OUT_OF_FUEL)) << "fuel " << Fuel;
    ASSERT_FALSE(::testing::Test::HasFailure()) << "fuel " << Fuel;
  }
  EXPECT_EQ(Agree(Engines, "run", Args, Needed, 1).FuelLeft, 0);
}

TEST_F(DeterminismTest, EveryFuelTrapPointLeavesTheSameState) {
  ValidatedModule VM = compile(Workload);
  auto Engines = prepareAll(VM, {.Fuel = true});
  sweep(Engines, {24, 100}, 1, agree);
}

TEST_F(DeterminismTest, TrapsInsideASegmentKeepTheCharge) {
  ValidatedModule VM = compile(Workload);
  auto Engines = prepareAll(VM, {.Fuel = true});
  Observation O = agree(Engines, "run", {24, 7}, 1000000);
  EXPECT_EQ(O.Trap, uint32_t(RT_TRAP_INT_DIV_ZERO));
  EXPECT_LT(O.FuelLeft, 1000000);
}

// Out-of-bounds accesses trap inside a segment too. Not compared for -O3
// guard mode: there a fault is invisible to LLVM, which keeps globals and
// the fuel counter in registers across a loop and stores them only on its
// exits (the same holds for globals without fuel), so a guard page fault
// observes older values. Explicit checks and -O0 agree exactly.
constexpr const char *OutOfBounds = R"((module
  (memory (export "mem") 1)
  (global $n (export "n") (mut i32) (i32.const 0))
  (func (export "run") (param $stride i32) (param $unused i32) (result i32)
    (local $p i32)
    (loop $next
      (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 7)))
      (global.set $n (i32.add (global.get $n) (i32.const 1)))
      (local.set $p (i32.add (local.get $p) (local.get $stride)))
      (br $next))
    (i32.const 0))))";

TEST_F(DeterminismTest, OutOfBoundsTrapsUnderFuel) {
  ValidatedModule VM = compile(OutOfBounds);
  auto Engines = prepareAll(VM, {.Fuel = true});
  Engines[size_t(EngineKind::AotO3Guard)].reset();
  Observation O = agree(Engines, "run", {4096, 0}, 1000000);
  EXPECT_EQ(O.Trap, uint32_t(RT_TRAP_MEMORY_OOB));
  EXPECT_EQ(O.Globals, std::vector<uint64_t>{16});
  for (int64_t Fuel = 0; Fuel < 400; Fuel += 3)
    agree(Engines, "run", {4096, 0}, Fuel);
}

TEST_F(DeterminismTest, AllOptionsTogether) {
  ValidatedModule VM = compile(Workload);
  auto Engines = prepareAll(VM, {.Fuel = true, .CanonicalNaN = true, .Deterministic = true});
  sweep(Engines, {12, 100}, 7, agree);
}

//===--- Canonical NaNs ---------------------------------------------------===//

// Every operator of wasm/CanonicalNaN.h on NaN-producing inputs, from
// parameters (computed at run time) and from constants (folded at -O3).
constexpr const char *NaNs = R"((module
  (func (export "f32") (param $a f32) (param $b f32) (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32)
    (i32.reinterpret_f32 (f32.add (local.get $a) (local.get $b)))
    (i32.reinterpret_f32 (f32.sub (local.get $a) (local.get $b)))
    (i32.reinterpret_f32 (f32.mul (local.get $a) (local.get $b)))
    (i32.reinterpret_f32 (f32.div (local.get $a) (local.get $b)))
    (i32.reinterpret_f32 (f32.sqrt (local.get $a)))
    (i32.reinterpret_f32 (f32.min (local.get $a) (local.get $b)))
    (i32.reinterpret_f32 (f32.max (local.get $a) (local.get $b)))
    (i32.reinterpret_f32 (f32.ceil (local.get $a)))
    (i32.reinterpret_f32 (f32.floor (local.get $a)))
    (i32.reinterpret_f32 (f32.trunc (local.get $a)))
    (i32.reinterpret_f32 (f32.nearest (local.get $a))))
  (func (export "f64") (param $a f64) (param $b f64) (result i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (i64.reinterpret_f64 (f64.add (local.get $a) (local.get $b)))
    (i64.reinterpret_f64 (f64.sub (local.get $a) (local.get $b)))
    (i64.reinterpret_f64 (f64.mul (local.get $a) (local.get $b)))
    (i64.reinterpret_f64 (f64.div (local.get $a) (local.get $b)))
    (i64.reinterpret_f64 (f64.sqrt (local.get $a)))
    (i64.reinterpret_f64 (f64.min (local.get $a) (local.get $b)))
    (i64.reinterpret_f64 (f64.max (local.get $a) (local.get $b)))
    (i64.reinterpret_f64 (f64.ceil (local.get $a)))
    (i64.reinterpret_f64 (f64.floor (local.get $a)))
    (i64.reinterpret_f64 (f64.trunc (local.get $a)))
    (i64.reinterpret_f64 (f64.nearest (local.get $a))))
  (func (export "convert") (param $a f32) (param $b f64) (result i64 i32)
    (i64.reinterpret_f64 (f64.promote_f32 (local.get $a)))
    (i32.reinterpret_f32 (f32.demote_f64 (local.get $b))))
  (func (export "constants") (result i32 i32 i32 i64 i64 i32)
    (i32.reinterpret_f32 (f32.div (f32.const 0) (f32.const 0)))
    (i32.reinterpret_f32 (f32.add (f32.const nan:0x200001) (f32.const 1)))
    (i32.reinterpret_f32 (f32.sub (f32.const inf) (f32.const inf)))
    (i64.reinterpret_f64 (f64.mul (f64.const -nan:0x4) (f64.const 2)))
    (i64.reinterpret_f64 (f64.promote_f32 (f32.const -nan:0x1)))
    (i32.reinterpret_f32 (f32.demote_f64 (f64.const nan:0x8000000000001))))
  (func (export "exact") (param $a f32) (result i32 i32 i32)
    (i32.reinterpret_f32 (f32.neg (local.get $a)))
    (i32.reinterpret_f32 (f32.abs (local.get $a)))
    (i32.reinterpret_f32 (f32.copysign (local.get $a) (f32.const -1))))))";

constexpr uint64_t C32 = 0x7fc00000, C64 = 0x7ff8000000000000;
constexpr uint64_t SNaN32 = 0x7fa00001, NegNaN32 = 0xffc00123;
constexpr uint64_t SNaN64 = 0x7ff4000000000001, NegNaN64 = 0xfff8000000000123;
constexpr uint64_t One32 = 0x3f800000, MinusOne64 = 0xbff0000000000000;

TEST_F(DeterminismTest, CanonicalNaNBitsOnEveryEngine) {
  ValidatedModule VM = compile(NaNs);
  auto Engines = prepareAll(VM, {.CanonicalNaN = true});
  for (uint64_t A : {SNaN32, NegNaN32})
    EXPECT_EQ(agree(Engines, "f32", {A, One32}).Results, std::vector<uint64_t>(11, C32));
  for (uint64_t A : {SNaN64, NegNaN64})
    EXPECT_EQ(agree(Engines, "f64", {A, MinusOne64}).Results,
              std::vector<uint64_t>(11, C64));
  // Operands that are not NaNs: 0/0, sqrt(-1) and NaN-free results.
  std::vector<uint64_t> F32 = agree(Engines, "f32", {0, 0}).Results;
  EXPECT_EQ(F32[3], C32);                       // 0 / 0
  EXPECT_EQ(F32[0], 0u);                        // 0 + 0
  EXPECT_EQ(agree(Engines, "f64", {MinusOne64, 0}).Results[4], C64); // sqrt(-1)
  EXPECT_EQ(agree(Engines, "convert", {SNaN32, NegNaN64}).Results,
            (std::vector<uint64_t>{C64, C32}));
  EXPECT_EQ(agree(Engines, "constants", {}).Results,
            (std::vector<uint64_t>{C32, C32, C32, C64, C64, C32}));
  // Sign operations are bit-exact and keep the payload.
  EXPECT_EQ(agree(Engines, "exact", {SNaN32}).Results,
            (std::vector<uint64_t>{0xffa00001, 0x7fa00001, 0xffa00001}));
}

TEST_F(DeterminismTest, WithoutCanonicalNaNsPayloadsSurvive) {
  // The interpreter computes on the host's floats: a NaN operand's payload
  // propagates (quieted), which is what the canonical mode removes.
  ValidatedModule VM = compile(NaNs);
  auto Interp = prepare(VM, EngineKind::Interp, {});
  ASSERT_TRUE(Interp.ok());
  auto O = (*Interp)->run("f32", {SNaN32, One32}, 0);
  ASSERT_TRUE(O.ok());
  EXPECT_EQ(O->Results[0], 0x7fe00001u) << "f32.add of sNaN 0x7fa00001";
  EXPECT_NE(O->Results[0], C32);
  auto N = (*Interp)->run("f64", {NegNaN64, MinusOne64}, 0);
  ASSERT_TRUE(N.ok());
  EXPECT_EQ(N->Results[2], NegNaN64) << "f64.mul keeps the negative payload";
}

//===--- Deterministic resource limits ------------------------------------===//

// Each frame counts itself in $depth before it recurses: at the trap, $depth
// is the number of frames the engine allowed. `wide` has a large frame
// (many locals, all live across the call), `ping`/`pong` recurse through
// call_indirect.
constexpr const char *Recursion = R"((module
  (global $depth (export "depth") (mut i32) (i32.const 0))
  (type $v (func))
  (table 2 funcref)
  (elem (i32.const 0) $ping $pong)
  (func $down (export "down")
    (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
    (call $down))
  (func $wide (export "wide")
    (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
    (local.set 0 (i64.extend_i32_u (global.get $depth)))
    (local.set 5 (i64.mul (local.get 0) (local.get 0)))
    (local.set 9 (i64.add (local.get 5) (local.get 0)))
    (local.set 15 (i64.xor (local.get 9) (local.get 5)))
    (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
    (call $wide)
    (global.set $depth (i32.wrap_i64
      (i64.add (i64.add (local.get 0) (local.get 5)) (i64.add (local.get 9) (local.get 15))))))
  (func $ping (export "ping")
    (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
    (call_indirect (type $v) (i32.const 1)))
  (func $pong
    (global.set $depth (i32.add (global.get $depth) (i32.const 1)))
    (call_indirect (type $v) (i32.const 0)))))";

TEST_F(DeterminismTest, CallStackExhaustsAtTheSameDepth) {
  ValidatedModule VM = compile(Recursion);
  auto Engines = prepareAll(VM, {.Deterministic = true});
  for (const char *F : {"down", "wide", "ping"}) {
    Observation O = agree(Engines, F, {});
    EXPECT_EQ(O.Trap, uint32_t(RT_TRAP_STACK_EXHAUSTED)) << F;
    EXPECT_EQ(O.Globals, std::vector<uint64_t>{RT_DETERMINISTIC_CALL_DEPTH}) << F;
  }
  // A trap unwinds the count: a second call gets the full depth again.
  EXPECT_EQ(agree(Engines, "down", {}, 0, 2).Globals,
            std::vector<uint64_t>{2 * RT_DETERMINISTIC_CALL_DEPTH});
}

constexpr const char *Growth = R"((module
  (memory 1)
  (global $grown (export "grown") (mut i32) (i32.const 0))
  (func (export "fill") (result i32)
    (loop $big
      (if (i32.ne (memory.grow (i32.const 1000)) (i32.const -1))
        (then (global.set $grown (i32.add (global.get $grown) (i32.const 1)))
              (br $big))))
    (loop $small
      (if (i32.ne (memory.grow (i32.const 1)) (i32.const -1))
        (then (global.set $grown (i32.add (global.get $grown) (i32.const 1)))
              (br $small))))
    (memory.size))))";

TEST_F(DeterminismTest, MemoryGrowthFailsAtTheSamePageCount) {
  ValidatedModule VM = compile(Growth);
  auto Engines = prepareAll(VM, {.Deterministic = true});
  Observation O = agree(Engines, "fill", {});
  EXPECT_EQ(O.Results, std::vector<uint64_t>{RT_DETERMINISTIC_MEMORY_PAGES});
  // 16 grows of 1000 pages, then 383 of one page.
  EXPECT_EQ(O.Globals, std::vector<uint64_t>{16 + 383});
}

TEST_F(DeterminismTest, MemoriesAboveTheCapDoNotInstantiate) {
  ValidatedModule VM = compile(R"((module (memory 16385) (func (export "f"))))");
  for (EngineKind K : AllEngines) {
    auto P = prepare(VM, K, {.Deterministic = true});
    ASSERT_TRUE(P.ok()) << engineName(K);
    auto O = (*P)->run("f", {}, 0);
    ASSERT_FALSE(O.ok()) << engineName(K);
    EXPECT_EQ(O.error().Kind, ErrorKind::Limit) << engineName(K);
  }
}

} // namespace
} // namespace wasmc::determinism
