;; Exits through WASI's proc_exit with the code 7.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))
  (func (export "_start") (call 0 (i32.const 7))))
