;; hello-compute: the smallest useful compute module.
;;
;; compute(in, out) reads everything from fd `in`, upper-cases ASCII letters
;; and writes the result to fd `out`. It needs only fd_read on `in` and
;; fd_write on `out`: the host opens the files, the module just computes.
;; Returns 0 on success, or the WASI errno of the failing call.
(module
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)

  ;; Memory layout: iovec {buf, len} at 0, result count at 16, buffer at 64.
  (global $buf i32 (i32.const 64))
  (global $bufsize i32 (i32.const 4096))

  (func $upcase (param $len i32)
    (local $i i32) (local $c i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $c (i32.load8_u offset=64 (local.get $i)))
        (if (i32.lt_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 26))
          (then (i32.store8 offset=64 (local.get $i)
                  (i32.sub (local.get $c) (i32.const 32)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each))))

  ;; Writes buf[0..len) to fd, looping over short writes.
  (func $write_all (param $fd i32) (param $len i32) (result i32)
    (local $pos i32) (local $err i32)
    (block $done
      (loop $more
        (br_if $done (i32.ge_u (local.get $pos) (local.get $len)))
        (i32.store (i32.const 0) (i32.add (global.get $buf) (local.get $pos)))
        (i32.store (i32.const 4) (i32.sub (local.get $len) (local.get $pos)))
        (local.set $err (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 16)))
        (if (local.get $err) (then (return (local.get $err))))
        (local.set $pos (i32.add (local.get $pos) (i32.load (i32.const 16))))
        (br $more)))
    (i32.const 0))

  (func (export "compute") (param $in i32) (param $out i32) (result i32)
    (local $n i32) (local $err i32)
    (loop $again
      (i32.store (i32.const 0) (global.get $buf))
      (i32.store (i32.const 4) (global.get $bufsize))
      (local.set $err (call $fd_read (local.get $in) (i32.const 0) (i32.const 1) (i32.const 16)))
      (if (local.get $err) (then (return (local.get $err))))
      (local.set $n (i32.load (i32.const 16)))
      (if (i32.eqz (local.get $n)) (then (return (i32.const 0))))
      (call $upcase (local.get $n))
      (local.set $err (call $write_all (local.get $out) (local.get $n)))
      (if (local.get $err) (then (return (local.get $err))))
      (br $again))
    (unreachable)))
