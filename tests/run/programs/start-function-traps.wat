;; No _start: the start function alone runs, and traps.
(module (func $init unreachable) (start $init))
