;; Exports for `wasmc run --interp --invoke` tests (tests/run/CMakeLists.txt).
(module
  (func (export "add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "div_s") (param i32 i32) (result i32)
    (i32.div_s (local.get 0) (local.get 1)))
  ;; Returns its arguments: checks parsing and printing of every number type.
  (func (export "echo") (param i64 f32 f64) (result i64 f32 f64)
    (local.get 0) (local.get 1) (local.get 2))
  (func (export "sub") (param f64 f64) (result f64)
    (f64.sub (local.get 0) (local.get 1)))
  (func $runaway (export "runaway") (param i32) (result i32)
    (i32.add (call $runaway (local.get 0)) (i32.const 1)))
  (func (export "_start"))
)
