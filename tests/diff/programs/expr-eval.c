/* A calculator: reads one statement per line from stdin, parses it by
 * recursive descent into a tree and evaluates it in 64-bit integers.
 * Grammar: stmt := [name '='] expr ; expr := ternary ; ternary := or
 * ['?' expr ':' ternary] ; or/and/compare/additive/multiplicative levels ;
 * unary := ('-'|'!'|'~') unary | power ; power := primary ['**' unary] ;
 * primary := number | name | name '(' args ')' | '(' expr ')'. Functions
 * (fact, fib, gcd, min, max, ack) are recursive C functions. Errors (syntax,
 * unknown names, division by zero) go to stderr with the column; the exit
 * status, returned from main, is the number of failed lines. */
#include <ctype.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { NUM, VAR, UNARY, BINARY, COND, CALL } Kind;

typedef struct Expr {
  Kind K;
  int Op; /* operator character or token code */
  int64_t Value;
  char Name[16];
  struct Expr *Kids[3];
  int NumKids;
} Expr;

enum { TOK_EQ = 256, TOK_NE, TOK_LE, TOK_GE, TOK_AND, TOK_OR, TOK_POW,
       TOK_SHL, TOK_SHR };

static const char *Src, *Pos;
static char Error[128];

static void fail(const char *Msg) {
  if (!Error[0])
    snprintf(Error, sizeof Error, "column %d: %s", (int)(Pos - Src) + 1, Msg);
}

static void skip(void) {
  while (*Pos == ' ' || *Pos == '\t')
    ++Pos;
}

/* Consumes the operator Text if it is next; returns whether it was. */
static int accept(const char *Text) {
  skip();
  size_t N = strlen(Text);
  if (strncmp(Pos, Text, N) != 0)
    return 0;
  /* Do not take '*' from '**', '<' from '<<' or '<=', and so on. */
  if (N == 1 && Pos[1] && strchr("*<>=&|", Pos[0]) && Pos[1] == Pos[0])
    return 0;
  if (N == 1 && (Pos[0] == '<' || Pos[0] == '>' || Pos[0] == '!') && Pos[1] == '=')
    return 0;
  Pos += N;
  return 1;
}

static Expr *node(Kind K, int Op) {
  Expr *E = calloc(1, sizeof *E);
  E->K = K;
  E->Op = Op;
  return E;
}

static void freeExpr(Expr *E) {
  if (!E)
    return;
  for (int I = 0; I < E->NumKids; ++I)
    freeExpr(E->Kids[I]);
  free(E);
}

static Expr *binary(int Op, Expr *L, Expr *R) {
  Expr *E = node(BINARY, Op);
  E->Kids[0] = L;
  E->Kids[1] = R;
  E->NumKids = 2;
  return E;
}

static Expr *parseExpr(void);
static Expr *parseUnary(void);

static Expr *parsePrimary(void) {
  skip();
  if (isdigit((unsigned char)*Pos)) {
    char *End;
    Expr *E = node(NUM, 0);
    E->Value = (int64_t)strtoull(Pos, &End, 0);
    Pos = End;
    return E;
  }
  if (isalpha((unsigned char)*Pos)) {
    Expr *E = node(VAR, 0);
    int N = 0;
    while (isalnum((unsigned char)*Pos) || *Pos == '_') {
      if (N < 15)
        E->Name[N++] = *Pos;
      ++Pos;
    }
    if (accept("(")) {
      E->K = CALL;
      if (!accept(")")) {
        do {
          if (E->NumKids == 3) {
            fail("too many arguments");
            return E;
          }
          E->Kids[E->NumKids++] = parseExpr();
        } while (!Error[0] && accept(","));
        if (!accept(")"))
          fail("expected ')' after arguments");
      }
    }
    return E;
  }
  if (accept("(")) {
    Expr *E = parseExpr();
    if (!accept(")"))
      fail("expected ')'");
    return E;
  }
  fail(*Pos ? "unexpected character" : "unexpected end of line");
  return node(NUM, 0);
}

static Expr *parsePower(void) {
  Expr *Base = parsePrimary();
  if (accept("**"))
    return binary(TOK_POW, Base, parseUnary()); /* right associative */
  return Base;
}

static Expr *parseUnary(void) {
  static const char Ops[] = "-!~";
  skip();
  if (*Pos && strchr(Ops, *Pos) && Pos[1] != '=') {
    int Op = *Pos++;
    Expr *E = node(UNARY, Op);
    E->Kids[0] = parseUnary();
    E->NumKids = 1;
    return E;
  }
  return parsePower();
}

typedef struct {
  const char *Text;
  int Op;
} OpSpelling;

/* One precedence level: Next (Ops Next)* with the operators in Ops. */
static Expr *parseLevel(Expr *(*Next)(void), const OpSpelling *Ops) {
  Expr *L = Next();
  for (;;) {
    const OpSpelling *O = Ops;
    while (O->Text && !accept(O->Text))
      ++O;
    if (!O->Text || Error[0])
      return L;
    L = binary(O->Op, L, Next());
  }
}

static const OpSpelling MulOps[] = {{"*", '*'}, {"/", '/'}, {"%", '%'}, {0, 0}};
static const OpSpelling AddOps[] = {{"+", '+'}, {"-", '-'}, {0, 0}};
static const OpSpelling ShiftOps[] = {{"<<", TOK_SHL}, {">>", TOK_SHR}, {0, 0}};
static const OpSpelling CmpOps[] = {{"==", TOK_EQ}, {"!=", TOK_NE}, {"<=", TOK_LE},
                                    {">=", TOK_GE}, {"<", '<'}, {">", '>'}, {0, 0}};
static const OpSpelling BitOps[] = {{"&", '&'}, {"^", '^'}, {"|", '|'}, {0, 0}};
static const OpSpelling AndOps[] = {{"&&", TOK_AND}, {0, 0}};
static const OpSpelling OrOps[] = {{"||", TOK_OR}, {0, 0}};

static Expr *parseMul(void) { return parseLevel(parseUnary, MulOps); }
static Expr *parseAdd(void) { return parseLevel(parseMul, AddOps); }
static Expr *parseShift(void) { return parseLevel(parseAdd, ShiftOps); }
static Expr *parseCmp(void) { return parseLevel(parseShift, CmpOps); }
static Expr *parseBits(void) { return parseLevel(parseCmp, BitOps); }
static Expr *parseAnd(void) { return parseLevel(parseBits, AndOps); }
static Expr *parseOr(void) { return parseLevel(parseAnd, OrOps); }

static Expr *parseExpr(void) {
  Expr *C = parseOr();
  if (!accept("?"))
    return C;
  Expr *E = node(COND, '?');
  E->Kids[0] = C;
  E->Kids[1] = parseExpr();
  E->NumKids = 2;
  if (!accept(":")) {
    fail("expected ':'");
    return E;
  }
  E->Kids[2] = parseExpr();
  E->NumKids = 3;
  return E;
}

/* --- evaluation ------------------------------------------------------ */
typedef struct {
  char Name[16];
  int64_t Value;
} Var;
static Var Vars[64];
static int NumVars;

static int64_t fact(int64_t N) { return N <= 1 ? 1 : (int64_t)((uint64_t)N * (uint64_t)fact(N - 1)); }
static int64_t fib(int64_t N) { return N < 2 ? N : fib(N - 1) + fib(N - 2); }
static int64_t gcd(int64_t A, int64_t B) { return B == 0 ? (A < 0 ? -A : A) : gcd(B, A % B); }
static int64_t ack(int64_t M, int64_t N) {
  if (M == 0)
    return N + 1;
  if (N == 0)
    return ack(M - 1, 1);
  return ack(M - 1, ack(M, N - 1));
}

static int64_t eval(const Expr *E);

static int64_t call(const Expr *E) {
  int64_t A[3] = {0, 0, 0};
  for (int I = 0; I < E->NumKids; ++I)
    A[I] = eval(E->Kids[I]);
  if (Error[0])
    return 0;
  int N = E->NumKids;
  if (strcmp(E->Name, "fact") == 0 && N == 1)
    return fact(A[0]);
  if (strcmp(E->Name, "fib") == 0 && N == 1 && A[0] <= 30)
    return fib(A[0]);
  if (strcmp(E->Name, "gcd") == 0 && N == 2)
    return gcd(A[0], A[1]);
  if (strcmp(E->Name, "min") == 0 && N >= 1) {
    int64_t M = A[0];
    for (int I = 1; I < N; ++I)
      M = A[I] < M ? A[I] : M;
    return M;
  }
  if (strcmp(E->Name, "max") == 0 && N >= 1) {
    int64_t M = A[0];
    for (int I = 1; I < N; ++I)
      M = A[I] > M ? A[I] : M;
    return M;
  }
  if (strcmp(E->Name, "ack") == 0 && N == 2 && A[0] <= 2 && A[1] <= 200)
    return ack(A[0], A[1]);
  snprintf(Error, sizeof Error, "bad call of %s with %d arguments", E->Name, N);
  return 0;
}

static int64_t eval(const Expr *E) {
  if (Error[0])
    return 0;
  switch (E->K) {
  case NUM:
    return E->Value;
  case VAR:
    for (int I = 0; I < NumVars; ++I)
      if (strcmp(Vars[I].Name, E->Name) == 0)
        return Vars[I].Value;
    snprintf(Error, sizeof Error, "unknown variable %s", E->Name);
    return 0;
  case CALL:
    return call(E);
  case COND:
    return eval(E->Kids[0]) ? eval(E->Kids[1]) : eval(E->Kids[2]);
  case UNARY: {
    int64_t V = eval(E->Kids[0]);
    switch (E->Op) {
    case '-': return (int64_t)(0 - (uint64_t)V);
    case '!': return !V;
    default: return ~V;
    }
  }
  case BINARY:
    break;
  }
  if (E->Op == TOK_AND)
    return eval(E->Kids[0]) && eval(E->Kids[1]);
  if (E->Op == TOK_OR)
    return eval(E->Kids[0]) || eval(E->Kids[1]);
  int64_t L = eval(E->Kids[0]), R = eval(E->Kids[1]);
  uint64_t UL = (uint64_t)L, UR = (uint64_t)R;
  switch (E->Op) {
  case '+': return (int64_t)(UL + UR); /* wraps, as the machine does */
  case '-': return (int64_t)(UL - UR);
  case '*': return (int64_t)(UL * UR);
  case '/':
  case '%':
    if (R == 0) {
      snprintf(Error, sizeof Error, "division by zero");
      return 0;
    }
    if (L == INT64_MIN && R == -1)
      return E->Op == '/' ? L : 0;
    return E->Op == '/' ? L / R : L % R;
  case TOK_SHL: return (int64_t)(UL << (R & 63));
  case TOK_SHR: return L >> (R & 63);
  case '&': return L & R;
  case '|': return L | R;
  case '^': return L ^ R;
  case '<': return L < R;
  case '>': return L > R;
  case TOK_LE: return L <= R;
  case TOK_GE: return L >= R;
  case TOK_EQ: return L == R;
  case TOK_NE: return L != R;
  case TOK_POW: {
    if (R < 0) {
      snprintf(Error, sizeof Error, "negative exponent");
      return 0;
    }
    uint64_t Result = 1, Base = UL;
    for (uint64_t N = UR; N; N >>= 1, Base *= Base)
      if (N & 1)
        Result *= Base;
    return (int64_t)Result;
  }
  }
  return 0;
}

int main(void) {
  char Line[512];
  int LineNo = 0, Failed = 0;
  while (fgets(Line, sizeof Line, stdin)) {
    ++LineNo;
    Line[strcspn(Line, "\r\n")] = '\0';
    char *Hash = strchr(Line, '#');
    if (Hash)
      *Hash = '\0';
    Src = Pos = Line;
    skip();
    if (!*Pos)
      continue;
    Error[0] = '\0';
    char Target[16] = "";
    const char *Eq = strchr(Pos, '=');
    if (Eq && Eq[1] != '=' && Eq > Pos && !strchr("!<>=", Eq[-1])) {
      const char *P = Pos;
      int N = 0;
      while (P < Eq && (isalnum((unsigned char)*P) || *P == '_') && N < 15)
        Target[N++] = *P++;
      Target[N] = '\0';
      while (*P == ' ')
        ++P;
      if (N > 0 && P == Eq)
        Pos = Eq + 1;
      else
        Target[0] = '\0';
    }
    Expr *E = parseExpr();
    skip();
    if (!Error[0] && *Pos)
      fail("trailing input");
    int64_t V = Error[0] ? 0 : eval(E);
    freeExpr(E);
    if (Error[0]) {
      fprintf(stderr, "line %d: %s\n", LineNo, Error);
      ++Failed;
      continue;
    }
    if (Target[0]) {
      int I = 0;
      while (I < NumVars && strcmp(Vars[I].Name, Target) != 0)
        ++I;
      if (I == NumVars && NumVars < 64)
        strcpy(Vars[NumVars++].Name, Target);
      if (I < 64)
        Vars[I].Value = V;
      printf("%s = %" PRId64 "\n", Target, V);
    } else {
      printf("%" PRId64 "\n", V);
    }
  }
  fflush(stdout);
  fprintf(stderr, "%d of %d lines failed\n", Failed, LineNo);
  return Failed;
}
