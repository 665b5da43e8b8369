;; The farthest address Wasm can form: index 0xffffffff + offset 0xffffffff.
(module
  (memory 1)
  (global $addr (mut i32) (i32.const -1))
  (global $sink (export "sink") (mut i64) (i64.const 0))
  (func $far (result i64) (i64.load offset=4294967295 (global.get $addr)))
  (func (export "_start") (global.set $sink (call $far))))
