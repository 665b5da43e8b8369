;; A load one byte past the end of a one-page memory.
(module
  (memory 1)
  (global $addr (mut i32) (i32.const 65533))
  (global $sink (export "sink") (mut i32) (i32.const 0))
  (func $peek (result i32) (i32.load (global.get $addr)))
  (func (export "_start") (global.set $sink (call $peek))))
