/* A small register-machine bytecode interpreter (switch dispatch) running
 * a Collatz program: for n in 1..N, count the steps down to 1, and sum
 * and xor-fold the step counts. Indirect branches, unpredictable control.
 * Size argument: N in thousands. */
#include "common.h"

enum { OP_LI, OP_MOV, OP_ADD, OP_ADDI, OP_AND_I, OP_SHRI, OP_MUL_I, OP_XOR, OP_SHLI,
       OP_JEQ, OP_JNE, OP_JGT, OP_JMP, OP_HALT };

typedef struct { uint8_t op, a, b, c; int32_t imm; } insn_t;

static void run(const insn_t *code, int64_t *reg) {
  const insn_t *pc = code;
  for (;;) {
    const insn_t *i = pc++;
    switch (i->op) {
    case OP_LI: reg[i->a] = i->imm; break;
    case OP_MOV: reg[i->a] = reg[i->b]; break;
    case OP_ADD: reg[i->a] = reg[i->b] + reg[i->c]; break;
    case OP_ADDI: reg[i->a] = reg[i->b] + i->imm; break;
    case OP_AND_I: reg[i->a] = reg[i->b] & i->imm; break;
    case OP_SHRI: reg[i->a] = (int64_t)((uint64_t)reg[i->b] >> i->imm); break;
    case OP_MUL_I: reg[i->a] = reg[i->b] * i->imm; break;
    case OP_XOR: reg[i->a] = reg[i->b] ^ reg[i->c]; break;
    case OP_SHLI: reg[i->a] = (int64_t)((uint64_t)reg[i->b] << i->imm); break;
    case OP_JEQ: if (reg[i->a] == reg[i->b]) pc = code + i->imm; break;
    case OP_JNE: if (reg[i->a] != reg[i->b]) pc = code + i->imm; break;
    case OP_JGT: if (reg[i->a] > reg[i->b]) pc = code + i->imm; break;
    case OP_JMP: pc = code + i->imm; break;
    case OP_HALT: return;
    default: BENCH_FAIL("bad opcode %d\n", i->op);
    }
  }
}

static uint64_t bench(long size) {
  long n = size * 1000;
  /* registers: r0 = n (loop var), r1 = limit, r2 = x, r3 = steps, r4 = sum,
     r5 = fold, r6 = 1, r7 = scratch, r8 = zero */
  insn_t code[32];
  int k = 0;
#define EMIT(o, A, B, C, I) (code[k].op = (o), code[k].a = (A), code[k].b = (B), code[k].c = (C), code[k].imm = (I), k++)
  EMIT(OP_LI, 0, 0, 0, 1);
  EMIT(OP_LI, 4, 0, 0, 0);
  EMIT(OP_LI, 5, 0, 0, 0);
  EMIT(OP_LI, 6, 0, 0, 1);
  EMIT(OP_LI, 8, 0, 0, 0);
  int outer = k;
  int j_exit = k; EMIT(OP_JGT, 0, 1, 0, -1);
  EMIT(OP_MOV, 2, 0, 0, 0);
  EMIT(OP_LI, 3, 0, 0, 0);
  int inner = k;
  int j_done = k; EMIT(OP_JEQ, 2, 6, 0, -1);
  EMIT(OP_AND_I, 7, 2, 0, 1);
  int j_odd = k; EMIT(OP_JNE, 7, 8, 0, -1);
  EMIT(OP_SHRI, 2, 2, 0, 1);
  int j_cnt = k; EMIT(OP_JMP, 0, 0, 0, -1);
  code[j_odd].imm = k;
  EMIT(OP_MUL_I, 2, 2, 0, 3);
  EMIT(OP_ADDI, 2, 2, 0, 1);
  code[j_cnt].imm = k;
  EMIT(OP_ADDI, 3, 3, 0, 1);
  EMIT(OP_JMP, 0, 0, 0, inner);
  code[j_done].imm = k;
  EMIT(OP_ADD, 4, 4, 3, 0);
  EMIT(OP_SHLI, 7, 5, 0, 5);
  EMIT(OP_XOR, 5, 7, 3, 0);
  EMIT(OP_ADDI, 0, 0, 0, 1);
  EMIT(OP_JMP, 0, 0, 0, outer);
  code[j_exit].imm = k;
  EMIT(OP_HALT, 0, 0, 0, 0);
#undef EMIT
  int64_t reg[16] = {0};
  reg[1] = n;
  run(code, reg);
  return mix64(mix64(0, (uint64_t)reg[4]), (uint64_t)reg[5]);
}

BENCH_MAIN("vm", 200)
