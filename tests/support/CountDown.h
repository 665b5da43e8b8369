//===--- CountDown.h - The metering tests' shared module ------------------===//
//
/// \file
/// down(n) counts n to 0 in a loop: one block, one loop with a conditional
/// exit and a backward branch. Its metering segments (wasm/Fuel.h), in
/// body order: block 1 | loop 1 | local.get i32.eqz br_if 3 | local.get
/// i32.const i32.sub local.set br 5 | end (loop) 1 | end (block) 1 | end
/// (function) 1; the code after the loop's end is dead (the loop only exits
/// by br_if 1). down(3) costs 30. The interpreter's, the lowering's and the
/// cross-engine tests all count on this one module.
//
//===----------------------------------------------------------------------===//
#pragma once

namespace wasmc::testing {

inline constexpr const char *CountDownWat = R"((module
  (func $down (export "down") (param i32)
    block
      loop
        local.get 0
        i32.eqz
        br_if 1
        local.get 0
        i32.const 1
        i32.sub
        local.set 0
        br 0
      end
    end)))";

} // namespace wasmc::testing
