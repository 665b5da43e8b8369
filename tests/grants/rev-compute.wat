;; rev-compute: `(func (export "compute") (param $in i32) (param $out i32))`,
;; the compute model's own signature, with no result. Reads up to 64 KiB
;; minus the buffer's offset from `in` and writes it reversed to `out`.
(module
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 2)
  ;; iovec at 0, count at 16; input at 1024, its reverse at 65536.
  (func (export "compute") (param $in i32) (param $out i32)
    (local $len i32) (local $i i32)
    (loop $read
      (i32.store (i32.const 0) (i32.add (i32.const 1024) (local.get $len)))
      (i32.store (i32.const 4) (i32.sub (i32.const 64512) (local.get $len)))
      (br_if 1 (call $fd_read (local.get $in) (i32.const 0) (i32.const 1) (i32.const 16)))
      (local.set $len (i32.add (local.get $len) (i32.load (i32.const 16))))
      (br_if $read (i32.load (i32.const 16))))
    (loop $rev
      (if (i32.lt_u (local.get $i) (local.get $len))
        (then
          (i32.store8 (i32.add (i32.const 65536) (local.get $i))
            (i32.load8_u (i32.add (i32.const 1023)
              (i32.sub (local.get $len) (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $rev))))
    (i32.store (i32.const 0) (i32.const 65536))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $out) (i32.const 0) (i32.const 1) (i32.const 16)))))
