;; An out-of-bounds load traps even when its value is unused: the optimizer
;; must not delete it (after inlining $peek, the load is dead code).
(module
  (memory 1)
  (global $addr (mut i32) (i32.const 65533))
  (func $peek (result i32) (i32.load (global.get $addr)))
  (func (export "_start") (drop (call $peek))))
