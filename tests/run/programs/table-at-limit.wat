;; A table of exactly the implementation limit (10^7) instantiates; its
;; size is what was declared, its last element is null and one more
;; element can never be added.
(module
  (table $t 10000000 funcref)
  (func (export "size") (result i32) (table.size $t))
  (func (export "last_is_null") (result i32)
    (ref.is_null (table.get $t (i32.const 9999999))))
  (func (export "grow") (result i32)
    (table.grow $t (ref.null func) (i32.const 1))))
