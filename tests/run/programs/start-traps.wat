;; _start writes past the end of memory.
(module
  (memory 1)
  (func (export "_start") (i32.store (i32.const 65536) (i32.const 1))))
