;; rot13: a compute module, `void compute(in, out)`: copies `in` to `out`
;; with ASCII letters rotated by 13.
(module
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; iovec at 0, count at 16, buffer of 4096 bytes at 64.
  (func $rot (param $c i32) (result i32)
    (local $base i32)
    (local.set $base (i32.const 0))
    (if (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26))
      (then (local.set $base (i32.const 97))))
    (if (i32.lt_u (i32.sub (local.get $c) (i32.const 65)) (i32.const 26))
      (then (local.set $base (i32.const 65))))
    (if (result i32) (local.get $base)
      (then (i32.add (local.get $base)
              (i32.rem_u (i32.add (i32.sub (local.get $c) (local.get $base)) (i32.const 13))
                         (i32.const 26))))
      (else (local.get $c))))
  (func (export "compute") (param $in i32) (param $out i32)
    (local $n i32) (local $i i32)
    (loop $chunk
      (i32.store (i32.const 0) (i32.const 64))
      (i32.store (i32.const 4) (i32.const 4096))
      (br_if 1 (call $fd_read (local.get $in) (i32.const 0) (i32.const 1) (i32.const 16)))
      (local.set $n (i32.load (i32.const 16)))
      (br_if 1 (i32.eqz (local.get $n)))
      (local.set $i (i32.const 0))
      (loop $each
        (i32.store8 offset=64 (local.get $i)
          (call $rot (i32.load8_u offset=64 (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $each (i32.lt_u (local.get $i) (local.get $n))))
      (i32.store (i32.const 4) (local.get $n))
      (br_if 1 (call $fd_write (local.get $out) (i32.const 0) (i32.const 1) (i32.const 16)))
      (br $chunk))))
