;; Grows memory, uses the new page, and checks the maximum is honoured;
;; the exit status (through compute) reports the first failed check.
(module
  (memory 1 3)
  (func (export "compute") (param i32 i32) (result i32)
    (if (i32.ne (memory.grow (i32.const 1)) (i32.const 1)) (then (return (i32.const 10))))
    (i32.store (i32.const 131068) (i32.const 77))
    (if (i32.ne (i32.load (i32.const 131068)) (i32.const 77)) (then (return (i32.const 11))))
    (if (i32.ne (memory.grow (i32.const 2)) (i32.const -1)) (then (return (i32.const 12))))
    (if (i32.ne (memory.size) (i32.const 2)) (then (return (i32.const 13))))
    (memory.fill (i32.const 65536) (i32.const 1) (i32.const 65536))
    (if (i32.ne (i32.load8_u (i32.const 131071)) (i32.const 1)) (then (return (i32.const 14))))
    (i32.const 0)))
