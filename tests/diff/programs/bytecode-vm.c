/* diff-test: wasm-O0 (also built at -O0, which keeps the name section) */
/* A stack-machine interpreter: an assembler turns a small text program
 * into bytecode, and the VM runs it with a dense switch over the opcodes
 * (a jump table: br_table in Wasm) and calls built-ins through a table of
 * function pointers (call_indirect). The programs compute primes, a
 * Collatz record, and a sort of an array in VM memory; the VM also sorts
 * with qsort through comparator pointers, ties broken so the order is
 * total. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum Op {
  PUSH, POP, DUP, SWAP, OVER, ADD, SUB, MUL, DIV, MOD, NEG, AND, OR, XOR,
  SHL, SHR, EQ, LT, GT, NOT, JMP, JZ, JNZ, LOAD, STORE, CALL, RET, BUILTIN,
  HALT, NUM_OPS
};
static const char *const OpNames[NUM_OPS] = {
    "push", "pop", "dup", "swap", "over", "add", "sub", "mul", "div", "mod",
    "neg", "and", "or", "xor", "shl", "shr", "eq", "lt", "gt", "not", "jmp",
    "jz", "jnz", "load", "store", "call", "ret", "builtin", "halt"};

typedef struct {
  int64_t Stack[256];
  int Sp;
  int64_t Mem[1024];
  int Calls[64];
  int Csp;
  char Out[4096];
  size_t OutLen;
  uint64_t Steps;
} Vm;

/* Built-ins, called through a table of pointers. */
typedef void (*Builtin)(Vm *);
static void emit(Vm *V, const char *S) {
  size_t N = strlen(S);
  if (V->OutLen + N < sizeof V->Out) {
    memcpy(V->Out + V->OutLen, S, N + 1);
    V->OutLen += N;
  }
}
static void biPrint(Vm *V) {
  char Buf[32];
  snprintf(Buf, sizeof Buf, "%" PRId64 " ", V->Stack[--V->Sp]);
  emit(V, Buf);
}
static void biNewline(Vm *V) { emit(V, "\n"); }
static void biSquare(Vm *V) { V->Stack[V->Sp - 1] *= V->Stack[V->Sp - 1]; }
static void biAbs(Vm *V) {
  if (V->Stack[V->Sp - 1] < 0)
    V->Stack[V->Sp - 1] = -V->Stack[V->Sp - 1];
}
static void biMax(Vm *V) {
  int64_t B = V->Stack[--V->Sp];
  if (B > V->Stack[V->Sp - 1])
    V->Stack[V->Sp - 1] = B;
}
static const struct {
  const char *Name;
  Builtin Fn;
} Builtins[] = {{"print", biPrint}, {"nl", biNewline}, {"square", biSquare},
                {"abs", biAbs},     {"max", biMax}};
enum { NUM_BUILTINS = sizeof Builtins / sizeof Builtins[0] };

typedef struct {
  int32_t Op;
  int64_t Arg;
} Instr;

/* Assembles "op [arg]" lines; labels are "name:" and can be args. */
static int assemble(const char *Text, Instr *Code, int Max) {
  char Labels[64][16];
  int LabelAt[64], NumLabels = 0;
  for (int Pass = 0; Pass < 2; ++Pass) {
    int N = 0;
    const char *P = Text;
    while (*P) {
      char Line[64];
      size_t Len = strcspn(P, "\n");
      if (Len > 63)
        Len = 63;
      memcpy(Line, P, Len);
      Line[Len] = '\0';
      P += strcspn(P, "\n");
      if (*P)
        ++P;
      char *Body = Line;
      char *Colon = strchr(Line, ':');
      if (Colon) { /* "label: op arg" */
        *Colon = '\0';
        if (Pass == 0 && NumLabels < 64) {
          snprintf(Labels[NumLabels], sizeof Labels[0], "%s", Line);
          LabelAt[NumLabels++] = N;
        }
        Body = Colon + 1;
      }
      char Word[16] = "", ArgText[16] = "";
      if (sscanf(Body, "%15s %15s", Word, ArgText) < 1)
        continue;
      int Op = 0;
      while (Op < NUM_OPS && strcmp(OpNames[Op], Word) != 0)
        ++Op;
      if (Op == NUM_OPS) {
        fprintf(stderr, "unknown op %s\n", Word);
        exit(3);
      }
      int64_t Arg = 0;
      if (ArgText[0]) {
        char *End;
        Arg = strtoll(ArgText, &End, 0);
        if (*End) {
          int L = 0;
          while (L < NumLabels && strcmp(Labels[L], ArgText) != 0)
            ++L;
          int B = 0;
          while (B < NUM_BUILTINS && strcmp(Builtins[B].Name, ArgText) != 0)
            ++B;
          Arg = L < NumLabels ? LabelAt[L] : B < NUM_BUILTINS ? B : -1;
          if (Pass == 1 && Arg < 0) {
            fprintf(stderr, "unknown label %s\n", ArgText);
            exit(3);
          }
        }
      }
      if (N == Max)
        exit(3);
      Code[N].Op = Op;
      Code[N].Arg = Arg;
      ++N;
      if (Pass == 1 && !*P)
        return N;
    }
    if (Pass == 1)
      return N;
  }
  return 0;
}

static int run(Vm *V, const Instr *Code, int Len) {
  int Pc = 0;
  V->Sp = V->Csp = 0;
  V->OutLen = 0;
  V->Out[0] = '\0';
  for (;;) {
    if (Pc < 0 || Pc >= Len)
      return -1;
    const Instr *I = &Code[Pc++];
    ++V->Steps;
    int64_t *S = V->Stack;
    switch ((enum Op)I->Op) {
    case PUSH: S[V->Sp++] = I->Arg; break;
    case POP: --V->Sp; break;
    case DUP: S[V->Sp] = S[V->Sp - 1]; ++V->Sp; break;
    case SWAP: { int64_t T = S[V->Sp - 1]; S[V->Sp - 1] = S[V->Sp - 2]; S[V->Sp - 2] = T; break; }
    case OVER: S[V->Sp] = S[V->Sp - 2]; ++V->Sp; break;
    case ADD: --V->Sp; S[V->Sp - 1] = (int64_t)((uint64_t)S[V->Sp - 1] + (uint64_t)S[V->Sp]); break;
    case SUB: --V->Sp; S[V->Sp - 1] = (int64_t)((uint64_t)S[V->Sp - 1] - (uint64_t)S[V->Sp]); break;
    case MUL: --V->Sp; S[V->Sp - 1] = (int64_t)((uint64_t)S[V->Sp - 1] * (uint64_t)S[V->Sp]); break;
    case DIV: --V->Sp; if (!S[V->Sp]) return -2; S[V->Sp - 1] /= S[V->Sp]; break;
    case MOD: --V->Sp; if (!S[V->Sp]) return -2; S[V->Sp - 1] %= S[V->Sp]; break;
    case NEG: S[V->Sp - 1] = -S[V->Sp - 1]; break;
    case AND: --V->Sp; S[V->Sp - 1] &= S[V->Sp]; break;
    case OR: --V->Sp; S[V->Sp - 1] |= S[V->Sp]; break;
    case XOR: --V->Sp; S[V->Sp - 1] ^= S[V->Sp]; break;
    case SHL: --V->Sp; S[V->Sp - 1] = (int64_t)((uint64_t)S[V->Sp - 1] << (S[V->Sp] & 63)); break;
    case SHR: --V->Sp; S[V->Sp - 1] >>= (S[V->Sp] & 63); break;
    case EQ: --V->Sp; S[V->Sp - 1] = S[V->Sp - 1] == S[V->Sp]; break;
    case LT: --V->Sp; S[V->Sp - 1] = S[V->Sp - 1] < S[V->Sp]; break;
    case GT: --V->Sp; S[V->Sp - 1] = S[V->Sp - 1] > S[V->Sp]; break;
    case NOT: S[V->Sp - 1] = !S[V->Sp - 1]; break;
    case JMP: Pc = (int)I->Arg; break;
    case JZ: if (!S[--V->Sp]) Pc = (int)I->Arg; break;
    case JNZ: if (S[--V->Sp]) Pc = (int)I->Arg; break;
    case LOAD: S[V->Sp - 1] = V->Mem[S[V->Sp - 1] & 1023]; break;
    case STORE: V->Sp -= 2; V->Mem[S[V->Sp + 1] & 1023] = S[V->Sp]; break;
    case CALL: V->Calls[V->Csp++] = Pc; Pc = (int)I->Arg; break;
    case RET: if (!V->Csp) return -3; Pc = V->Calls[--V->Csp]; break;
    case BUILTIN: Builtins[I->Arg].Fn(V); break;
    case HALT: return V->Sp ? (int)S[V->Sp - 1] : 0;
    case NUM_OPS: return -4;
    }
  }
}

/* Prints the primes below 200 (trial division in the VM). */
static const char Primes[] =
    "push 2\n"
    "outer: dup\n push 200\n lt\n jz done\n"
    " push 2\n store 0\n"
    " dup\n store 1\n"
    "inner: push 0\n load\n call sq\n push 1\n load\n gt\n jnz prime\n"
    " push 1\n load\n push 0\n load\n mod\n jz next\n"
    " push 0\n load\n push 1\n add\n push 0\n store\n jmp inner\n"
    "prime: dup\n builtin print\n"
    "next: push 1\n add\n jmp outer\n"
    "sq: builtin square\n ret\n"
    "done: builtin nl\n push 0\n halt\n";

/* Finds the start below 3000 with the longest Collatz chain; exits with
 * the chain length. */
static const char Collatz[] =
    "push 1\n store 10\n push 0\n store 11\n push 0\n store 12\n"
    "loop: push 10\n load\n push 3000\n lt\n jz end\n"
    " push 10\n load\n push 0\n"
    "step: over\n push 1\n eq\n jnz counted\n"
    " swap\n dup\n push 1\n and\n jz even\n"
    " push 3\n mul\n push 1\n add\n jmp bump\n"
    "even: push 1\n shr\n"
    "bump: swap\n push 1\n add\n jmp step\n"
    "counted: dup\n push 11\n load\n gt\n jz skip\n"
    " dup\n push 11\n store\n push 10\n load\n push 12\n store\n"
    "skip: pop\n pop\n push 10\n load\n push 1\n add\n push 10\n store\n jmp loop\n"
    "end: push 12\n load\n builtin print\n push 11\n load\n dup\n builtin print\n"
    " builtin nl\n halt\n";

/* Bubble sort of 40 pseudo-random numbers in VM memory, then prints them. */
static const char Bubble[] =
    "push 0\n store 100\n push 12345\n store 101\n"
    "fill: push 100\n load\n push 40\n lt\n jz sort\n"
    " push 101\n load\n push 1103515245\n mul\n push 12345\n add\n push 2147483647\n and\n"
    " dup\n push 101\n store\n push 1000\n mod\n push 100\n load\n store\n"
    " push 100\n load\n push 1\n add\n push 100\n store\n jmp fill\n"
    "sort: push 0\n store 102\n push 0\n store 100\n"
    "pass: push 100\n load\n push 39\n lt\n jz check\n"
    " push 100\n load\n load\n push 100\n load\n push 1\n add\n load\n gt\n jz noswap\n"
    " push 100\n load\n load\n push 100\n load\n push 1\n add\n load\n"
    " push 100\n load\n store\n push 100\n load\n push 1\n add\n store\n"
    " push 1\n push 102\n store\n"
    "noswap: push 100\n load\n push 1\n add\n push 100\n store\n jmp pass\n"
    "check: push 102\n load\n jnz sort\n push 0\n store 100\n"
    "show: push 100\n load\n push 40\n lt\n jz fin\n"
    " push 100\n load\n load\n builtin print\n"
    " push 100\n load\n push 1\n add\n push 100\n store\n jmp show\n"
    "fin: builtin nl\n push 0\n halt\n";

typedef struct {
  const char *Name;
  int Score;
} Entry;
static int byScore(const void *A, const void *B) {
  const Entry *X = A, *Y = B;
  if (X->Score != Y->Score)
    return X->Score < Y->Score ? -1 : 1;
  return strcmp(X->Name, Y->Name);
}
static int byNameDesc(const void *A, const void *B) { return -strcmp(((const Entry *)A)->Name, ((const Entry *)B)->Name); }

int main(void) {
  static Vm V;
  Instr Code[512];
  const char *Programs[] = {Primes, Collatz, Bubble};
  const char *Names[] = {"primes", "collatz", "bubble"};
  int Last = 0;
  for (int P = 0; P < 3; ++P) {
    /* "store N" with an immediate is sugar for "push N; store". */
    char Expanded[8192];
    size_t O = 0;
    for (const char *S = Programs[P]; *S;) {
      size_t Len = strcspn(S, "\n");
      char Line[64];
      memcpy(Line, S, Len);
      Line[Len] = '\0';
      S += Len + (S[Len] == '\n');
      int Addr;
      if (sscanf(Line, " store %d", &Addr) == 1)
        O += snprintf(Expanded + O, sizeof Expanded - O, "push %d\nstore\n", Addr);
      else
        O += snprintf(Expanded + O, sizeof Expanded - O, "%s\n", Line);
    }
    int Len = assemble(Expanded, Code, 512);
    V.Steps = 0;
    int Result = run(&V, Code, Len);
    printf("%s: %d instructions, result %d, %" PRIu64 " steps\n%s", Names[P], Len,
           Result, V.Steps, V.Out);
    Last = Result;
  }
  Entry Table[] = {{"delta", 3}, {"alpha", 7}, {"echo", 3}, {"bravo", 1},
                   {"charlie", 7}, {"foxtrot", 3}, {"golf", 0}, {"hotel", 7}};
  int (*Orders[])(const void *, const void *) = {byScore, byNameDesc};
  for (int O = 0; O < 2; ++O) {
    qsort(Table, sizeof Table / sizeof Table[0], sizeof Table[0], Orders[O]);
    for (size_t I = 0; I < sizeof Table / sizeof Table[0]; ++I)
      printf("%s:%d ", Table[I].Name, Table[I].Score);
    printf("\n");
  }
  return Last == 0 ? 0 : 1;
}
