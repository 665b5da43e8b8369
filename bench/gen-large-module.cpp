//===--- gen-large-module.cpp - A large, valid, compiled-looking module ---===//
//
/// \file
/// wasmc-gen-module writes a valid Wasm module of many functions whose
/// bodies resemble compiler output: locals of every numeric type, counted
/// loops, blocks left with br_if, br_table, if/else, arithmetic,
/// conversions, loads and stores, globals, direct and indirect calls. It is
/// the input of the validation benchmark (docs/benchmarks.md), so it must
/// be deterministic: the same seed gives the same bytes on every host (a
/// self-contained splitmix64, no <random> distributions, whose results are
/// implementation-defined). Bodies are well-typed by construction: every
/// expression is generated for the type its context needs.
//
//===----------------------------------------------------------------------===//
#include "ModuleBuilder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace wasmc;
using namespace wasmc::test;

namespace {

struct Rng {
  uint64_t State;
  uint64_t next() {
    uint64_t Z = (State += 0x9e3779b97f4a7c15ull);
    Z = (Z ^ (Z >> 30)) * 0xbf58476d1ce4e5b9ull;
    Z = (Z ^ (Z >> 27)) * 0x94d049bb133111ebull;
    return Z ^ (Z >> 31);
  }
  uint32_t below(uint32_t N) { return uint32_t(next() % N); }
  bool chance(unsigned Percent) { return below(100) < Percent; }
  template <typename T, size_t N> T pick(const T (&Items)[N]) { return Items[below(N)]; }
};

constexpr ValType NumTypes[] = {ValType::I32, ValType::I64, ValType::F32, ValType::F64};

struct Signature {
  std::vector<ValType> Params;
  std::vector<ValType> Results;
};

// Signatures of defined functions; type index = position. The last one is
// the imported logger's.
const std::vector<Signature> Signatures = {
    {{}, {}},
    {{ValType::I32}, {ValType::I32}},
    {{ValType::I32, ValType::I32}, {ValType::I32}},
    {{ValType::I64, ValType::I32}, {ValType::I64}},
    {{ValType::F64, ValType::F64}, {ValType::F64}},
    {{ValType::I32, ValType::F32}, {ValType::F32}},
    {{ValType::I32, ValType::I32, ValType::I32}, {}},
    {{ValType::I64}, {ValType::I32}},
};
const Signature LogSignature = {{ValType::I32}, {}};

/// The module-wide facts a body may refer to.
struct ModuleShape {
  uint32_t NumImports = 1; // env.log, function 0
  std::vector<uint32_t> FuncTypes; // by function index, imports included
  /// Mutable globals of each numeric type (index = position in NumTypes).
  uint32_t MutableGlobal[4] = {0, 1, 2, 3};
  uint32_t TableSize = 0;
};

unsigned typeSlot(ValType T) {
  for (unsigned I = 0; I < 4; ++I)
    if (NumTypes[I] == T)
      return I;
  return 0;
}

/// Generates one body. Every method leaves exactly what its name says on
/// the operand stack: expr(T) one T, stmt() nothing.
class BodyGen {
public:
  BodyGen(const ModuleShape &Shape, Rng &R, uint32_t Self, std::vector<ValType> LocalTypes)
      : Shape(Shape), R(R), Self(Self), LocalTypes(std::move(LocalTypes)) {}

  Bytes run(const Signature &Sig, size_t TargetBytes) {
    while (B.size() < TargetBytes)
      stmt(3);
    for (ValType T : Sig.Results)
      expr(T, 3);
    B.end();
    return B;
  }

private:
  //===--- Expressions ----------------------------------------------------===//

  void expr(ValType T, unsigned Depth) {
    if (Depth == 0 || R.chance(25))
      return leaf(T);
    switch (R.below(10)) {
    case 0: case 1: case 2: return binary(T, Depth);
    case 3: return unary(T, Depth);
    case 4: return load(T);
    case 5: return T == ValType::I32 ? compare(Depth) : binary(T, Depth);
    case 6: return convert(T, Depth);
    case 7: return call(T, Depth);
    case 8:
      expr(T, Depth - 1);
      expr(T, Depth - 1);
      expr(ValType::I32, Depth - 1);
      B.op(Opcode::Select);
      return;
    default:
      // A value computed in a block, as compilers emit for ?: and loops.
      B.block(Opcode::Block, T);
      stmt(1);
      expr(T, Depth - 1);
      B.end();
      return;
    }
  }

  void leaf(ValType T) {
    if (R.chance(60)) {
      std::vector<uint32_t> Candidates;
      for (uint32_t I = 0; I < LocalTypes.size(); ++I)
        if (LocalTypes[I] == T)
          Candidates.push_back(I);
      if (!Candidates.empty()) {
        B.localGet(Candidates[R.below(uint32_t(Candidates.size()))]);
        return;
      }
    }
    if (R.chance(10)) {
      B.globalGet(Shape.MutableGlobal[typeSlot(T)]);
      return;
    }
    switch (T) {
    case ValType::I32: B.i32Const(int32_t(R.below(2000)) - 1000); return;
    case ValType::I64: B.i64Const(int64_t(R.next() >> 20)); return;
    case ValType::F32: B.f32Const(float(R.below(1000)) / 8); return;
    default: B.f64Const(double(R.below(100000)) / 16); return;
    }
  }

  void binary(ValType T, unsigned Depth) {
    static const Opcode I32Ops[] = {Opcode::I32Add, Opcode::I32Sub, Opcode::I32Mul,
                                    Opcode::I32And, Opcode::I32Or,  Opcode::I32Xor,
                                    Opcode::I32Shl, Opcode::I32ShrU, Opcode::I32DivU};
    static const Opcode I64Ops[] = {Opcode::I64Add, Opcode::I64Sub, Opcode::I64Mul,
                                    Opcode::I64And, Opcode::I64Or,  Opcode::I64Xor,
                                    Opcode::I64ShrS};
    static const Opcode F32Ops[] = {Opcode::F32Add, Opcode::F32Sub, Opcode::F32Mul,
                                    Opcode::F32Div, Opcode::F32Min};
    static const Opcode F64Ops[] = {Opcode::F64Add, Opcode::F64Sub, Opcode::F64Mul,
                                    Opcode::F64Div, Opcode::F64Max};
    expr(T, Depth - 1);
    expr(T, Depth - 1);
    switch (T) {
    case ValType::I32: B.op(R.pick(I32Ops)); return;
    case ValType::I64: B.op(R.pick(I64Ops)); return;
    case ValType::F32: B.op(R.pick(F32Ops)); return;
    default: B.op(R.pick(F64Ops)); return;
    }
  }

  void unary(ValType T, unsigned Depth) {
    static const Opcode I32Ops[] = {Opcode::I32Clz, Opcode::I32Ctz, Opcode::I32Popcnt,
                                    Opcode::I32Eqz, Opcode::I32Extend8S};
    static const Opcode I64Ops[] = {Opcode::I64Clz, Opcode::I64Ctz, Opcode::I64Popcnt};
    static const Opcode F32Ops[] = {Opcode::F32Neg, Opcode::F32Abs, Opcode::F32Ceil};
    static const Opcode F64Ops[] = {Opcode::F64Neg, Opcode::F64Sqrt, Opcode::F64Floor};
    expr(T, Depth - 1);
    switch (T) {
    case ValType::I32: B.op(R.pick(I32Ops)); return;
    case ValType::I64: B.op(R.pick(I64Ops)); return;
    case ValType::F32: B.op(R.pick(F32Ops)); return;
    default: B.op(R.pick(F64Ops)); return;
    }
  }

  void address() {
    if (R.chance(50))
      B.i32Const(int32_t(R.below(1 << 16) & ~7u));
    else
      B.localGet(firstLocal(ValType::I32)).i32Const(0xfff8).op(Opcode::I32And);
  }

  void load(ValType T) {
    address();
    uint32_t Offset = R.below(64) * 8;
    switch (T) {
    case ValType::I32:
      if (R.chance(30))
        B.mem(Opcode::I32Load8U, 0, Offset);
      else
        B.mem(Opcode::I32Load, 2, Offset);
      return;
    case ValType::I64: B.mem(Opcode::I64Load, 3, Offset); return;
    case ValType::F32: B.mem(Opcode::F32Load, 2, Offset); return;
    default: B.mem(Opcode::F64Load, 3, Offset); return;
    }
  }

  void compare(unsigned Depth) {
    ValType U = R.pick(NumTypes);
    expr(U, Depth - 1);
    expr(U, Depth - 1);
    switch (U) {
    case ValType::I32: B.op(R.chance(50) ? Opcode::I32LtS : Opcode::I32Eq); return;
    case ValType::I64: B.op(R.chance(50) ? Opcode::I64LtU : Opcode::I64Ne); return;
    case ValType::F32: B.op(Opcode::F32Gt); return;
    default: B.op(Opcode::F64Ge); return;
    }
  }

  void convert(ValType T, unsigned Depth) {
    switch (T) {
    case ValType::I32: expr(ValType::I64, Depth - 1); B.op(Opcode::I32WrapI64); return;
    case ValType::I64: expr(ValType::I32, Depth - 1); B.op(Opcode::I64ExtendI32S); return;
    case ValType::F32: expr(ValType::I32, Depth - 1); B.op(Opcode::F32ConvertI32S); return;
    default:
      if (R.chance(50)) {
        expr(ValType::F32, Depth - 1);
        B.op(Opcode::F64PromoteF32);
      } else {
        expr(ValType::I64, Depth - 1);
        B.op(Opcode::F64ConvertI64S);
      }
      return;
    }
  }

  /// A call to a function returning T, or a plain computation when none of
  /// the sampled functions does.
  void call(ValType T, unsigned Depth) {
    uint32_t NumFuncs = uint32_t(Shape.FuncTypes.size());
    for (int Try = 0; Try < 4; ++Try) {
      uint32_t F = Shape.NumImports + R.below(NumFuncs - Shape.NumImports);
      const Signature &S = Signatures[Shape.FuncTypes[F]];
      if (F == Self || S.Results.size() != 1 || S.Results[0] != T)
        continue;
      for (ValType P : S.Params)
        expr(P, Depth - 1);
      B.call(F);
      return;
    }
    binary(T, Depth);
  }

  //===--- Statements -----------------------------------------------------===//

  void condition(unsigned Depth) { expr(ValType::I32, Depth); }

  void stmts(unsigned Depth, unsigned Count) {
    for (unsigned I = 0; I < Count; ++I)
      stmt(Depth);
  }

  void stmt(unsigned Depth) {
    unsigned Kind = Depth == 0 ? R.below(5) : R.below(11);
    switch (Kind) {
    case 0: case 1: {
      uint32_t L = R.below(uint32_t(LocalTypes.size()));
      expr(LocalTypes[L], 3);
      B.localSet(L);
      return;
    }
    case 2: {
      ValType T = R.pick(NumTypes);
      address();
      expr(T, 2);
      uint32_t Offset = R.below(64) * 8;
      switch (T) {
      case ValType::I32:
        B.mem(R.chance(30) ? Opcode::I32Store8 : Opcode::I32Store, 0, Offset);
        return;
      case ValType::I64: B.mem(Opcode::I64Store, 3, Offset); return;
      case ValType::F32: B.mem(Opcode::F32Store, 2, Offset); return;
      default: B.mem(Opcode::F64Store, 3, Offset); return;
      }
    }
    case 3: {
      ValType T = R.pick(NumTypes);
      expr(T, 2);
      B.op(Opcode::GlobalSet).u32(Shape.MutableGlobal[typeSlot(T)]);
      return;
    }
    case 4:
      expr(ValType::I32, 2);
      B.call(0); // env.log
      return;
    case 5:
      // A block left early, as from a `break`.
      B.block(Opcode::Block);
      stmts(Depth - 1, 1 + R.below(3));
      condition(2);
      B.op(Opcode::BrIf).u32(0);
      stmts(Depth - 1, 1 + R.below(3));
      B.end();
      return;
    case 6: {
      // A counted loop over an i32 local.
      uint32_t Counter = firstLocal(ValType::I32);
      B.i32Const(int32_t(1 + R.below(100))).localSet(Counter);
      B.block(Opcode::Loop);
      stmts(Depth - 1, 1 + R.below(4));
      B.localGet(Counter).i32Const(1).op(Opcode::I32Sub).op(Opcode::LocalTee).u32(Counter);
      B.op(Opcode::BrIf).u32(0);
      B.end();
      return;
    }
    case 7:
      condition(2);
      B.block(Opcode::If);
      stmts(Depth - 1, 1 + R.below(3));
      if (R.chance(60)) {
        B.op(Opcode::Else);
        stmts(Depth - 1, 1 + R.below(3));
      }
      B.end();
      return;
    case 8: {
      // A switch: three nested blocks and a br_table into them.
      B.block(Opcode::Block).block(Opcode::Block).block(Opcode::Block);
      expr(ValType::I32, 2);
      B.op(Opcode::BrTable).u32(3).u32(0).u32(1).u32(2).u32(R.below(3));
      B.end();
      stmt(Depth - 1);
      B.end();
      stmt(Depth - 1);
      B.end();
      return;
    }
    case 9: {
      // An indirect call through the table.
      uint32_t T = R.below(uint32_t(Signatures.size()));
      for (ValType P : Signatures[T].Params)
        expr(P, 2);
      B.i32Const(int32_t(R.below(Shape.TableSize)));
      B.op(Opcode::CallIndirect).u32(T).u32(0);
      for (size_t I = 0; I < Signatures[T].Results.size(); ++I)
        B.op(Opcode::Drop);
      return;
    }
    default: {
      ValType T = R.pick(NumTypes);
      expr(T, 3);
      B.op(Opcode::Drop);
      return;
    }
    }
  }

  uint32_t firstLocal(ValType T) const {
    for (uint32_t I = 0; I < LocalTypes.size(); ++I)
      if (LocalTypes[I] == T)
        return I;
    return 0; // every function declares i32 locals, see generateModule
  }

  const ModuleShape &Shape;
  Rng &R;
  uint32_t Self;
  std::vector<ValType> LocalTypes; ///< parameters, then declared locals
  Bytes B;
};

struct Options {
  uint32_t Functions = 32000;
  size_t BodyBytes = 750;
  uint64_t Seed = 1;
  const char *Out = nullptr;
};

std::vector<uint8_t> generateModule(const Options &Opt) {
  Rng R{Opt.Seed};
  ModuleBuilder B;
  for (const Signature &S : Signatures)
    B.type(S.Params, S.Results);
  uint32_t LogType = B.type(LogSignature.Params, LogSignature.Results);
  B.importFunc("env", "log", LogType);

  ModuleShape Shape;
  Shape.FuncTypes.push_back(LogType);
  for (uint32_t I = 0; I < Opt.Functions; ++I)
    Shape.FuncTypes.push_back(R.below(uint32_t(Signatures.size())));
  Shape.TableSize = std::min<uint32_t>(Opt.Functions, 4096);

  B.table(ValType::FuncRef, Shape.TableSize, Shape.TableSize);
  B.memory(2, 256);
  B.global(ValType::I32, true, Bytes().i32Const(0));
  B.global(ValType::I64, true, Bytes().i64Const(0));
  B.global(ValType::F32, true, Bytes().f32Const(0));
  B.global(ValType::F64, true, Bytes().f64Const(0));

  for (uint32_t F = Shape.NumImports; F < Shape.FuncTypes.size(); ++F) {
    const Signature &Sig = Signatures[Shape.FuncTypes[F]];
    std::vector<Locals> Groups = {{2 + R.below(6), ValType::I32},
                                  {R.below(3), ValType::I64},
                                  {R.below(2), ValType::F32},
                                  {R.below(3), ValType::F64}};
    std::vector<ValType> All = Sig.Params;
    for (const Locals &G : Groups)
      All.insert(All.end(), G.Count, G.Type);
    size_t Target = Opt.BodyBytes / 2 + R.below(uint32_t(Opt.BodyBytes));
    BodyGen Gen(Shape, R, F, All);
    B.func(Shape.FuncTypes[F], Groups, Gen.run(Sig, Target));
    if (F % 64 == 0)
      B.exportAs("f" + std::to_string(F), ExternKind::Func, F);
  }
  B.exportAs("memory", ExternKind::Memory, 0);

  std::vector<uint32_t> TableFuncs;
  for (uint32_t I = 0; I < Shape.TableSize; ++I)
    TableFuncs.push_back(Shape.NumImports + I);
  B.elemFuncs(0, TableFuncs);
  for (uint32_t I = 0; I < 64; ++I) {
    std::string Contents(1024, '\0');
    for (char &C : Contents)
      C = char(R.below(256));
    B.activeData(I * 1024, Contents);
  }
  return B.build();
}

bool parseArgs(int Argc, char **Argv, Options &Opt) {
  for (int I = 1; I < Argc; ++I) {
    std::string A = Argv[I];
    bool HasValue = I + 1 < Argc;
    if (A == "-o" && HasValue)
      Opt.Out = Argv[++I];
    else if (A == "--functions" && HasValue)
      Opt.Functions = uint32_t(std::strtoul(Argv[++I], nullptr, 10));
    else if (A == "--body-bytes" && HasValue)
      Opt.BodyBytes = std::strtoul(Argv[++I], nullptr, 10);
    else if (A == "--seed" && HasValue)
      Opt.Seed = std::strtoull(Argv[++I], nullptr, 10);
    else
      return false;
  }
  return Opt.Out && Opt.Functions > 0 && Opt.BodyBytes > 0;
}

} // namespace

int main(int Argc, char **Argv) {
  Options Opt;
  if (!parseArgs(Argc, Argv, Opt)) {
    std::fprintf(stderr,
                 "usage: %s [--functions N] [--body-bytes B] [--seed S] -o FILE\n"
                 "  defaults: 32000 functions, seed 1; each body grows to a random\n"
                 "  size in [B/2, 3B/2) plus its last statement (B = 750)\n",
                 Argv[0]);
    return 2;
  }
  std::vector<uint8_t> Bin = generateModule(Opt);
  FILE *F = std::fopen(Opt.Out, "wb");
  if (!F || std::fwrite(Bin.data(), 1, Bin.size(), F) != Bin.size() ||
      std::fclose(F) != 0) {
    std::fprintf(stderr, "%s: cannot write %s: %s\n", Argv[0], Opt.Out,
                 std::strerror(errno));
    return 1;
  }
  std::fprintf(stderr, "%s: %zu bytes, %u functions\n", Opt.Out, Bin.size(), Opt.Functions);
  return 0;
}
