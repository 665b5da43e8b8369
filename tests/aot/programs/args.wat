;; Prints its second argument and a newline; exits 0. Also asks for a
;; socket operation on stdin, which must answer NOTSOCK (57).
(module
  (import "wasi_snapshot_preview1" "args_sizes_get"
    (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get"
    (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "sock_shutdown"
    (func $sock_shutdown (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func $strlen (param $p i32) (result i32) (local $n i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (i32.load8_u (i32.add (local.get $p) (local.get $n)))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func (export "_start") (local $arg i32)
    (if (i32.ne (call $sock_shutdown (i32.const 0) (i32.const 0)) (i32.const 57))
      (then unreachable))
    (drop (call $args_sizes_get (i32.const 0) (i32.const 4)))
    (if (i32.lt_u (i32.load (i32.const 0)) (i32.const 2)) (then unreachable))
    (drop (call $args_get (i32.const 256) (i32.const 1024)))
    (local.set $arg (i32.load (i32.const 260)))
    ;; The terminating NUL becomes the newline.
    (i32.store8 (i32.add (local.get $arg) (call $strlen (local.get $arg))) (i32.const 10))
    (i32.store (i32.const 8) (local.get $arg))
    (i32.store (i32.const 12) (i32.add (call $strlen (local.get $arg)) (i32.const 1)))
    (drop (call $fd_write (i32.const 1) (i32.const 8) (i32.const 1) (i32.const 16)))))
