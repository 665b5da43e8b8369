;; call_indirect through an element segment; a null slot traps.
(module
  (type $ii (func (param i32) (result i32)))
  (table 3 funcref)
  (elem (i32.const 0) $double $square)
  (func $double (type $ii) (i32.add (local.get 0) (local.get 0)))
  (func $square (type $ii) (i32.mul (local.get 0) (local.get 0)))
  (func (export "compute") (param i32 i32) (result i32)
    ;; 2*5 + 5*5 = 35; then slot 2 is null
    (if (i32.ne (i32.add (call_indirect (type $ii) (i32.const 5) (i32.const 0))
                         (call_indirect (type $ii) (i32.const 5) (i32.const 1)))
                (i32.const 35))
      (then (return (i32.const 1))))
    (drop (call_indirect (type $ii) (i32.const 5) (i32.const 2)))
    (i32.const 0)))
