;; A table one element over the implementation limit (10^7): both engines
;; refuse to instantiate it rather than make a smaller table.
(module
  (table 10000001 funcref)
  (func (export "_start")))
