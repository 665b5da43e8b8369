//===--- ValidatorTest.cpp - One test per class of validation error -------===//
//
/// \file
/// Tests of validateModule/loadModule (Validator.cpp, ValidateFunction.cpp):
/// each class of Invalid error the spec distinguishes, with the spec's
/// phrase, plus what must be accepted (stack polymorphism after
/// unreachable, declared function references, the 5-byte table index) and
/// the rule that a malformed body beats an invalid one.
//
//===----------------------------------------------------------------------===//
#include "AllocationTracker.h"
#include "ErrorMatchers.h"
#include "ModuleBuilder.h"
#include "wasm/Decoder.h"
#include "wasm/Validator.h"

#include <gtest/gtest.h>

using namespace wasmc;
using namespace wasmc::test;

namespace {

constexpr ErrorKind Invalid = ErrorKind::Invalid;
constexpr ErrorKind Malformed = ErrorKind::Malformed;
constexpr ValType I32 = ValType::I32, I64 = ValType::I64, F32 = ValType::F32,
                  F64 = ValType::F64, V128 = ValType::V128,
                  FuncRef = ValType::FuncRef, ExternRef = ValType::ExternRef;

Result<ValidatedModule> load(const ModuleBuilder &B) { return loadModule(B.build()); }

/// A module with one memory, one funcref table, one mutable i32 global and
/// one immutable i64 global, and a function of type Params -> Results with
/// Body.
ModuleBuilder withFunc(std::vector<ValType> Params, std::vector<ValType> Results,
                       const Bytes &Body, std::vector<Locals> Ls = {}) {
  ModuleBuilder B;
  uint32_t T = B.type(std::move(Params), std::move(Results));
  B.table(FuncRef, 1);
  B.memory(1);
  B.global(I32, true, Bytes().i32Const(0));
  B.global(I64, false, Bytes().i64Const(0));
  B.func(T, std::move(Ls), Body);
  return B;
}

Result<ValidatedModule> loadFunc(std::vector<ValType> Params, std::vector<ValType> Results,
                                 const Bytes &Body, std::vector<Locals> Ls = {}) {
  return load(withFunc(std::move(Params), std::move(Results), Body, std::move(Ls)));
}

Result<ValidatedModule> loadBody(const Bytes &Body) { return loadFunc({}, {}, Body); }

//===--- Accepted modules -------------------------------------------------===//

TEST(Validator, RealisticModuleIsValid) {
  ModuleBuilder B;
  uint32_t Sum = B.type({I32}, {I32});
  uint32_t Log = B.type({I32}, {});
  uint32_t Print = B.importFunc("env", "log", Log);
  B.memory(1, 2);
  uint32_t Counter = B.global(I32, true, Bytes().i32Const(0));
  // sum(n): s = 0; do { s += load(n*4); n -= 1 } while (n); log(s); s
  uint32_t F = B.func(Sum, {{1, I32}},
                      Bytes()
                          .block(Opcode::Loop)
                          .localGet(1)
                          .localGet(0).i32Const(4).op(Opcode::I32Mul)
                          .mem(Opcode::I32Load, 2)
                          .op(Opcode::I32Add).localSet(1)
                          .localGet(0).i32Const(1).op(Opcode::I32Sub)
                          .op(Opcode::LocalTee).u32(0)
                          .op(Opcode::BrIf).u32(0)
                          .end()
                          .localGet(1).call(Print)
                          .globalGet(Counter).i32Const(1).op(Opcode::I32Add)
                          .op(Opcode::GlobalSet).u32(Counter)
                          .localGet(1)
                          .end());
  B.exportAs("sum", ExternKind::Func, F);
  B.exportAs("memory", ExternKind::Memory, 0);
  B.activeData(0, "abcd");
  Result<ValidatedModule> V = load(B);
  ASSERT_TRUE(succeeds(V));
  EXPECT_EQ(V->module().numFuncs(), 2u);
  EXPECT_EQ((*V)->Exports.size(), 2u);
  EXPECT_NE(V->shared(), nullptr);
}

TEST(Validator, UnreachableCodeIsStackPolymorphic) {
  EXPECT_TRUE(succeeds(loadFunc({}, {I32}, Bytes().op(Opcode::Unreachable).end())));
  EXPECT_TRUE(succeeds(loadFunc({}, {I32}, Bytes().op(Opcode::Unreachable)
                                               .op(Opcode::I32Add).end())));
  EXPECT_TRUE(succeeds(loadFunc({}, {I64}, Bytes().op(Opcode::Unreachable)
                                               .i64Const(1).op(Opcode::I64Add).end())));
  EXPECT_TRUE(succeeds(loadBody(Bytes().op(Opcode::Unreachable).op(Opcode::Select)
                                    .op(Opcode::Drop).end())));
  // After br and return too, and for block results.
  EXPECT_TRUE(succeeds(loadFunc({}, {F32}, Bytes().block(Opcode::Block, F32)
                                               .f32Const(1).op(Opcode::Br).u32(0)
                                               .op(Opcode::F32Add)
                                               .end().end())));
  EXPECT_TRUE(succeeds(loadFunc({}, {F64}, Bytes().f64Const(1).op(Opcode::Return)
                                               .op(Opcode::F64Neg).end())));
  EXPECT_TRUE(succeeds(loadFunc({}, {F64}, Bytes().op(Opcode::Unreachable)
                                               .op(Opcode::Return).end())));
  EXPECT_TRUE(succeeds(loadFunc({}, {I32}, Bytes().op(Opcode::Unreachable)
                                               .op(Opcode::BrTable).u32(0).u32(0).end())));
}

TEST(Validator, UnreachableCodeStillChecksKnownTypes) {
  // The unknown operands are polymorphic; the ones pushed are not.
  EXPECT_TRUE(failsWith(loadBody(Bytes().block(Opcode::Block).op(Opcode::Br).u32(0)
                                     .i32Const(1).op(Opcode::F32Neg).op(Opcode::Drop)
                                     .end().end()),
                        Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().op(Opcode::Unreachable)
                                                .i64Const(0).end()),
                        Invalid, "type mismatch"));
}

TEST(Validator, CallIndirectWithFiveByteTableIndex) {
  ModuleBuilder B = withFunc({}, {}, Bytes().i32Const(0).op(Opcode::CallIndirect)
                                         .u32(0).u32Padded(0, 5).end());
  EXPECT_TRUE(succeeds(load(B)));
}

//===--- Type mismatches --------------------------------------------------===//

TEST(Validator, TypeMismatchInBody) {
  ModuleBuilder B = withFunc({}, {I32}, Bytes().i32Const(1).f64Const(2)
                                            .op(Opcode::I32Add).end());
  Result<std::unique_ptr<Module>> M = decodeModule(B.build());
  ASSERT_TRUE(succeeds(M));
  uint64_t BodyOffset = (*M)->Functions[0].Body.Offset;
  Result<ValidatedModule> V = validateModule(M.take());
  ASSERT_TRUE(failsWith(V, Invalid, "type mismatch"));
  // At the i32.add: after i32.const 1 (2 bytes) and f64.const (9 bytes).
  EXPECT_EQ(V.error().Offset, BodyOffset + 11);
  EXPECT_EQ(V.error().Context, "function 0");
}

TEST(Validator, OperandsMissing) {
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().i32Const(1).op(Opcode::I32Add).end()),
                        Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().op(Opcode::Drop).end()), Invalid,
                        "type mismatch"));
}

TEST(Validator, FunctionResults) {
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().end()), Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(1).end()), Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().i64Const(1).end()), Invalid,
                        "type mismatch"));
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().i64Const(1).op(Opcode::Return).end()),
                        Invalid, "type mismatch"));
}

TEST(Validator, BlockTypes) {
  // A value cannot cross into a block without a parameter type.
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().i32Const(1).block(Opcode::Block)
                                                .op(Opcode::I32Eqz).end().end()),
                        Invalid, "type mismatch"));
  // `if` without `else` must have matching params and results.
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes().i32Const(1).block(Opcode::If, I32)
                                                .i32Const(2).end().end()),
                        Invalid, "type mismatch"));
  // Multi-value block from a type index: [i32 i32] -> [i64].
  ModuleBuilder B;
  uint32_t T = B.type({}, {I64});
  uint32_t BT = B.type({I32, I32}, {I64});
  B.func(T, {}, Bytes().i32Const(1).i32Const(2).op(Opcode::Block).s64(BT)
                    .op(Opcode::I32Add).op(Opcode::I64ExtendI32U).end().end());
  EXPECT_TRUE(succeeds(load(B)));
}

TEST(Validator, UntypedSelectNeedsNumericOperands) {
  EXPECT_TRUE(failsWith(loadBody(Bytes().op(Opcode::RefNull).byte(0x70)
                                     .op(Opcode::RefNull).byte(0x70).i32Const(1)
                                     .op(Opcode::Select).op(Opcode::Drop).end()),
                        Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(1).i64Const(1).i32Const(1)
                                     .op(Opcode::Select).op(Opcode::Drop).end()),
                        Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(1).i32Const(1).i32Const(1)
                                     .op(Opcode::SelectT).u32(2).raw({0x7f, 0x7f})
                                     .op(Opcode::Drop).end()),
                        Invalid, "invalid result arity"));
  EXPECT_TRUE(succeeds(loadBody(Bytes().op(Opcode::RefNull).byte(0x6f)
                                    .op(Opcode::RefNull).byte(0x6f).i32Const(1)
                                    .op(Opcode::SelectT).u32(1).byte(0x6f)
                                    .op(Opcode::Drop).end())));
}

//===--- Unknown indices --------------------------------------------------===//

TEST(Validator, UnknownLocal) {
  // Parameters come first in the local index space, then declared locals.
  EXPECT_TRUE(succeeds(loadFunc({I32}, {}, Bytes().localGet(2).op(Opcode::Drop).end(),
                                {{2, F32}})));
  EXPECT_TRUE(failsWith(loadFunc({I32}, {}, Bytes().localGet(3).op(Opcode::Drop).end(),
                                 {{2, F32}}),
                        Invalid, "unknown local"));
  // Local 2 is the second f32, not the i32 parameter.
  EXPECT_TRUE(failsWith(loadFunc({I32}, {}, Bytes().localGet(2).localSet(0).end(),
                                 {{2, F32}}),
                        Invalid, "type mismatch"));
}

TEST(Validator, UnknownGlobal) {
  EXPECT_TRUE(failsWith(loadBody(Bytes().globalGet(2).op(Opcode::Drop).end()), Invalid,
                        "unknown global"));
}

TEST(Validator, UnknownFunction) {
  EXPECT_TRUE(failsWith(loadBody(Bytes().call(1).end()), Invalid, "unknown function"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().refFunc(7).op(Opcode::Drop).end()), Invalid,
                        "unknown function"));
}

TEST(Validator, UnknownTable) {
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).op(Opcode::TableGet).u32(1)
                                     .op(Opcode::Drop).end()),
                        Invalid, "unknown table"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).op(Opcode::CallIndirect).u32(0).u32(1)
                                     .end()),
                        Invalid, "unknown table"));
  EXPECT_TRUE(failsWith(
      loadBody(Bytes().op(Opcode::TableSize).u32(5).op(Opcode::Drop).end()), Invalid,
      "unknown table"));
}

TEST(Validator, UnknownMemory) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Bytes().i32Const(0).mem(Opcode::I32Load, 2).op(Opcode::Drop).end());
  EXPECT_TRUE(failsWith(load(B), Invalid, "unknown memory"));
  ModuleBuilder C;
  T = C.type({}, {});
  C.func(T, {}, Bytes().op(Opcode::MemorySize).byte(0).op(Opcode::Drop).end());
  EXPECT_TRUE(failsWith(load(C), Invalid, "unknown memory"));
  ModuleBuilder D;
  D.activeData(0, "x");
  EXPECT_TRUE(failsWith(load(D), Invalid, "unknown memory"));
}

TEST(Validator, UnknownType) {
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).op(Opcode::CallIndirect).u32(9).u32(0)
                                     .end()),
                        Invalid, "unknown type"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().op(Opcode::Block).s64(9).end().end()), Invalid,
                        "unknown type"));
  ModuleBuilder B;
  B.type({}, {});
  B.func(4, {}, Bytes().end());
  EXPECT_TRUE(failsWith(load(B), Invalid, "unknown type"));
  ModuleBuilder C;
  C.importFunc("env", "f", 0);
  EXPECT_TRUE(failsWith(load(C), Invalid, "unknown type"));
}

TEST(Validator, UnknownLabel) {
  EXPECT_TRUE(succeeds(loadBody(Bytes().op(Opcode::Br).u32(0).end())));
  EXPECT_TRUE(failsWith(loadBody(Bytes().op(Opcode::Br).u32(1).end()), Invalid,
                        "unknown label"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().block(Opcode::Block).i32Const(0)
                                     .op(Opcode::BrIf).u32(2).end().end()),
                        Invalid, "unknown label"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).op(Opcode::BrTable).u32(1).u32(0)
                                     .u32(5).end()),
                        Invalid, "unknown label"));
}

TEST(Validator, UnknownSegments) {
  EXPECT_TRUE(failsWith(loadBody(Bytes().op(Opcode::ElemDrop).u32(0).end()), Invalid,
                        "unknown elem segment"));
  ModuleBuilder B = withFunc({}, {}, Bytes().op(Opcode::DataDrop).u32(0).end());
  B.dataCount(0);
  EXPECT_TRUE(failsWith(load(B), Invalid, "unknown data segment"));
  ModuleBuilder C = withFunc({}, {}, Bytes().i32Const(0).i32Const(0).i32Const(0)
                                         .op(Opcode::MemoryInit).u32(1).byte(0).end());
  C.dataCount(1);
  C.data(Bytes{0x01}.name("p"));
  EXPECT_TRUE(failsWith(load(C), Invalid, "unknown data segment"));
  ModuleBuilder D = withFunc({}, {}, Bytes().op(Opcode::DataDrop).u32(0).end());
  D.dataCount(1);
  D.data(Bytes{0x01}.name("p"));
  EXPECT_TRUE(succeeds(load(D)));
}

//===--- Globals ----------------------------------------------------------===//

TEST(Validator, ImmutableGlobalSet) {
  // withFunc's global 1 is an immutable i64.
  EXPECT_TRUE(failsWith(loadBody(Bytes().i64Const(1).op(Opcode::GlobalSet).u32(1).end()),
                        Invalid, "global is immutable"));
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.importGlobal("env", "g", I32, false);
  B.func(T, {}, Bytes().i32Const(1).op(Opcode::GlobalSet).u32(0).end());
  EXPECT_TRUE(failsWith(load(B), Invalid, "global is immutable"));
  EXPECT_TRUE(succeeds(loadBody(Bytes().i32Const(1).op(Opcode::GlobalSet).u32(0).end())));
}

//===--- Memory immediates ------------------------------------------------===//

TEST(Validator, Alignment) {
  auto Access = [](Opcode Op, uint32_t Align) {
    Bytes Body = Bytes().i32Const(0);
    const SigInfo &S = sigInfo(opInfo(Op).Signature);
    if (S.NumParams == 2) // a store: push the value of the right type
      Body.raw(S.Params[1] == I64 ? Bytes().i64Const(0)
               : S.Params[1] == F32 ? Bytes().f32Const(0)
               : S.Params[1] == F64 ? Bytes().f64Const(0)
                                    : Bytes().i32Const(0));
    Body.mem(Op, Align);
    if (S.HasResult)
      Body.op(Opcode::Drop);
    return loadBody(Body.end());
  };
  EXPECT_TRUE(succeeds(Access(Opcode::I32Load, 2)));
  EXPECT_TRUE(succeeds(Access(Opcode::I32Load, 0)));
  EXPECT_TRUE(failsWith(Access(Opcode::I32Load, 3), Invalid,
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(failsWith(Access(Opcode::I64Load8S, 1), Invalid,
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(succeeds(Access(Opcode::I64Store, 3)));
  EXPECT_TRUE(failsWith(Access(Opcode::F64Store, 4), Invalid,
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(failsWith(Access(Opcode::I32Store16, 2), Invalid,
                        "alignment must not be larger than natural"));
  // Exponents that overflow a shift, and multi-memory's flag bit 6.
  EXPECT_TRUE(failsWith(Access(Opcode::I32Load, 32), Invalid,
                        "alignment must not be larger than natural"));
  EXPECT_TRUE(failsWith(Access(Opcode::I32Load, 0x40), Invalid, ""));
  EXPECT_TRUE(failsWith(Access(Opcode::I32Load, UINT32_MAX), Invalid, ""));
}

TEST(Validator, SimdAlignment) {
  EXPECT_TRUE(succeeds(loadBody(Bytes().i32Const(0).mem(Opcode::V128Load, 4)
                                    .op(Opcode::Drop).end())));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).mem(Opcode::V128Load, 5)
                                     .op(Opcode::Drop).end()),
                        Invalid, "alignment must not be larger than natural"));
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).mem(Opcode::V128Load32Splat, 3)
                                     .op(Opcode::Drop).end()),
                        Invalid, "alignment must not be larger than natural"));
}

//===--- SIMD lanes -------------------------------------------------------===//

Bytes v128Zero() {
  Bytes B;
  B.op(Opcode::V128Const);
  for (int I = 0; I < 16; ++I)
    B.byte(0);
  return B;
}

TEST(Validator, LaneIndex) {
  auto Extract = [](Opcode Op, uint8_t Lane) {
    return loadBody(v128Zero().op(Op).byte(Lane).op(Opcode::Drop).end());
  };
  EXPECT_TRUE(succeeds(Extract(Opcode::I8x16ExtractLaneS, 15)));
  EXPECT_TRUE(failsWith(Extract(Opcode::I8x16ExtractLaneS, 16), Invalid,
                        "invalid lane index"));
  EXPECT_TRUE(succeeds(Extract(Opcode::I16x8ExtractLaneU, 7)));
  EXPECT_TRUE(failsWith(Extract(Opcode::I16x8ExtractLaneU, 8), Invalid,
                        "invalid lane index"));
  EXPECT_TRUE(failsWith(Extract(Opcode::F64x2ExtractLane, 2), Invalid,
                        "invalid lane index"));
  EXPECT_TRUE(failsWith(Extract(Opcode::I32x4ExtractLane, 255), Invalid,
                        "invalid lane index"));
  // Lane of a memory lane access.
  EXPECT_TRUE(failsWith(loadBody(Bytes().i32Const(0).raw(v128Zero())
                                     .mem(Opcode::V128Load64Lane, 3).byte(2)
                                     .op(Opcode::Drop).end()),
                        Invalid, "invalid lane index"));
  // Shuffle lanes index both operands: 0..31.
  auto Shuffle = [](uint8_t Lane) {
    Bytes B = v128Zero().raw(v128Zero()).op(Opcode::I8x16Shuffle);
    for (int I = 0; I < 16; ++I)
      B.byte(I == 15 ? Lane : 0);
    return loadBody(B.op(Opcode::Drop).end());
  };
  EXPECT_TRUE(succeeds(Shuffle(31)));
  EXPECT_TRUE(failsWith(Shuffle(32), Invalid, "invalid lane index"));
}

//===--- Branches ---------------------------------------------------------===//

TEST(Validator, BrTableArityMismatch) {
  // Target 0 is the inner block (no results), the default the outer one
  // (one i32).
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes()
                                                .block(Opcode::Block, I32)
                                                .block(Opcode::Block)
                                                .i32Const(1).i32Const(0)
                                                .op(Opcode::BrTable).u32(1).u32(0).u32(1)
                                                .end()
                                                .i32Const(2)
                                                .end()
                                                .end()),
                        Invalid, "type mismatch"));
  // Same arity, different types.
  EXPECT_TRUE(failsWith(loadFunc({}, {I32}, Bytes()
                                                .block(Opcode::Block, I32)
                                                .block(Opcode::Block, F32)
                                                .i32Const(1).i32Const(0)
                                                .op(Opcode::BrTable).u32(1).u32(0).u32(1)
                                                .end()
                                                .op(Opcode::Drop).i32Const(2)
                                                .end()
                                                .end()),
                        Invalid, "type mismatch"));
  EXPECT_TRUE(succeeds(loadFunc({}, {I32}, Bytes()
                                               .block(Opcode::Block, I32)
                                               .block(Opcode::Block, I32)
                                               .i32Const(1).i32Const(0)
                                               .op(Opcode::BrTable).u32(1).u32(0).u32(1)
                                               .end()
                                               .end()
                                               .end())));
}

TEST(Validator, LoopLabelTakesParameters) {
  // A branch to a loop carries the loop's parameters, not its results.
  ModuleBuilder B;
  uint32_t T = B.type({}, {I32});
  uint32_t LoopT = B.type({I32}, {I32});
  B.func(T, {}, Bytes().i32Const(0).op(Opcode::Loop).s64(LoopT)
                    .i32Const(1).op(Opcode::BrIf).u32(0)
                    .end().end());
  EXPECT_TRUE(succeeds(load(B)));
  // The loop's parameter was dropped, so the branch lacks it.
  ModuleBuilder C;
  T = C.type({}, {I32});
  LoopT = C.type({I32}, {I32});
  C.func(T, {}, Bytes().i32Const(0).op(Opcode::Loop).s64(LoopT)
                    .op(Opcode::Drop).op(Opcode::Br).u32(0)
                    .end().end());
  EXPECT_TRUE(failsWith(load(C), Invalid, "type mismatch"));
  // A loop with results but no parameters is branched to with nothing.
  ModuleBuilder D;
  T = D.type({}, {I32});
  D.func(T, {}, Bytes().block(Opcode::Loop, I32).op(Opcode::Br).u32(0).end().end());
  EXPECT_TRUE(succeeds(load(D)));
}

//===--- Constant expressions ---------------------------------------------===//

TEST(Validator, ConstantExpressions) {
  auto Global = [](ValType T, const Bytes &Init) {
    ModuleBuilder B;
    B.importGlobal("env", "imm", I32, false);
    B.importGlobal("env", "mut", I32, true);
    B.global(T, false, Init);
    return load(B);
  };
  EXPECT_TRUE(succeeds(Global(I32, Bytes().i32Const(5))));
  EXPECT_TRUE(succeeds(Global(I32, Bytes().globalGet(0))));
  EXPECT_TRUE(succeeds(Global(FuncRef, Bytes().op(Opcode::RefNull).byte(0x70))));
  EXPECT_TRUE(succeeds(Global(V128, v128Zero())));
  EXPECT_TRUE(failsWith(Global(I32, Bytes().i32Const(1).i32Const(2).op(Opcode::I32Add)),
                        Invalid, "constant expression required"));
  EXPECT_TRUE(failsWith(Global(I32, Bytes().op(Opcode::Nop).i32Const(1)), Invalid,
                        "constant expression required"));
  EXPECT_TRUE(failsWith(Global(I32, Bytes().globalGet(1)), Invalid,
                        "constant expression required"));
  // Only imported globals are visible, so a defined one is unknown.
  EXPECT_TRUE(failsWith(Global(I32, Bytes().globalGet(2)), Invalid, "unknown global"));
  EXPECT_TRUE(failsWith(Global(I32, Bytes().i64Const(0)), Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(Global(I32, Bytes()), Invalid, "type mismatch"));
  EXPECT_TRUE(failsWith(Global(I32, Bytes().i32Const(1).i32Const(2)), Invalid,
                        "type mismatch"));
  EXPECT_TRUE(failsWith(Global(FuncRef, Bytes().refFunc(3)), Invalid, "unknown function"));
}

TEST(Validator, SegmentOffsets) {
  ModuleBuilder B;
  B.memory(1);
  B.data(Bytes{0x00}.i64Const(0).end().name("x"));
  EXPECT_TRUE(failsWith(load(B), Invalid, "type mismatch"));
  ModuleBuilder C;
  C.table(FuncRef, 1);
  C.elem(Bytes{0x00}.i32Const(0).i32Const(0).op(Opcode::I32Add).end().byte(0x00));
  EXPECT_TRUE(failsWith(load(C), Invalid, "constant expression required"));
}

//===--- Element segments and tables --------------------------------------===//

TEST(Validator, ElementSegments) {
  auto Module = [](const Bytes &Seg, ValType TableElem = FuncRef) {
    ModuleBuilder B;
    uint32_t T = B.type({}, {});
    B.func(T, {}, Bytes().end());
    B.table(TableElem, 1);
    B.elem(Seg);
    return load(B);
  };
  EXPECT_TRUE(succeeds(Module(Bytes{0x00}.i32Const(0).end().raw({0x01, 0x00}))));
  EXPECT_TRUE(failsWith(Module(Bytes{0x00}.i32Const(0).end().raw({0x01, 0x01})), Invalid,
                        "unknown function"));
  EXPECT_TRUE(failsWith(Module(Bytes{0x02, 0x01}.i32Const(0).end().raw({0x00, 0x00})),
                        Invalid, "unknown table"));
  // A funcref segment into an externref table.
  EXPECT_TRUE(failsWith(Module(Bytes{0x00}.i32Const(0).end().raw({0x00}), ExternRef),
                        Invalid, "type mismatch"));
  // An externref null in a funcref segment.
  EXPECT_TRUE(failsWith(
      Module(Bytes{0x05, 0x70, 0x01}.op(Opcode::RefNull).byte(0x6f).end()), Invalid,
      "type mismatch"));
}

TEST(Validator, TableInstructionTypes) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.table(FuncRef, 1);
  B.table(ExternRef, 1);
  B.elem(Bytes{0x05, 0x70, 0x00}); // passive, funcref, empty
  B.func(T, {}, Bytes().i32Const(0).i32Const(0).i32Const(0)
                    .op(Opcode::TableInit).u32(0).u32(1).end());
  EXPECT_TRUE(failsWith(load(B), Invalid, "type mismatch"));

  ModuleBuilder C;
  T = C.type({}, {});
  C.table(FuncRef, 1);
  C.table(ExternRef, 1);
  C.func(T, {}, Bytes().i32Const(0).i32Const(0).i32Const(0)
                    .op(Opcode::TableCopy).u32(0).u32(1).end());
  EXPECT_TRUE(failsWith(load(C), Invalid, "type mismatch"));

  ModuleBuilder D;
  T = D.type({}, {});
  D.table(ExternRef, 1);
  D.func(T, {}, Bytes().i32Const(0).op(Opcode::CallIndirect).u32(0).u32(0).end());
  EXPECT_TRUE(failsWith(load(D), Invalid, "type mismatch"));
}

//===--- Function references ----------------------------------------------===//

TEST(Validator, UndeclaredFunctionReference) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Bytes().refFunc(0).op(Opcode::Drop).end());
  EXPECT_TRUE(failsWith(load(B), Invalid, "undeclared function reference"));
}

TEST(Validator, DeclaredFunctionReferences) {
  auto WithDeclaration = [](auto Declare) {
    ModuleBuilder B;
    uint32_t T = B.type({}, {});
    B.func(T, {}, Bytes().refFunc(1).op(Opcode::Drop).end());
    B.func(T, {}, Bytes().end());
    Declare(B);
    return load(B);
  };
  EXPECT_TRUE(succeeds(WithDeclaration([](ModuleBuilder &B) {
    B.exportAs("f", ExternKind::Func, 1);
  })));
  EXPECT_TRUE(succeeds(WithDeclaration([](ModuleBuilder &B) {
    B.elem(Bytes{0x03, 0x00, 0x01, 0x01}); // declarative, function 1
  })));
  EXPECT_TRUE(succeeds(WithDeclaration([](ModuleBuilder &B) {
    B.elem(Bytes{0x07, 0x70, 0x01}.refFunc(1).end());
  })));
  EXPECT_TRUE(succeeds(WithDeclaration([](ModuleBuilder &B) {
    B.global(FuncRef, false, Bytes().refFunc(1));
  })));
  // Declaring another function does not help.
  EXPECT_TRUE(failsWith(WithDeclaration([](ModuleBuilder &B) {
                          B.exportAs("f", ExternKind::Func, 0);
                        }),
                        Invalid, "undeclared function reference"));
}

//===--- Module-level rules -----------------------------------------------===//

TEST(Validator, DuplicateExport) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Bytes().end());
  B.memory(1);
  B.exportAs("a", ExternKind::Func, 0);
  B.exportAs("b", ExternKind::Func, 0);
  EXPECT_TRUE(succeeds(load(B)));
  B.exportAs("a", ExternKind::Memory, 0);
  EXPECT_TRUE(failsWith(load(B), Invalid, "duplicate export name"));
}

TEST(Validator, ExportOfUnknownEntity) {
  auto Export = [](ExternKind K) {
    ModuleBuilder B;
    B.exportAs("x", K, 0);
    return load(B);
  };
  EXPECT_TRUE(failsWith(Export(ExternKind::Func), Invalid, "unknown function"));
  EXPECT_TRUE(failsWith(Export(ExternKind::Table), Invalid, "unknown table"));
  EXPECT_TRUE(failsWith(Export(ExternKind::Memory), Invalid, "unknown memory"));
  EXPECT_TRUE(failsWith(Export(ExternKind::Global), Invalid, "unknown global"));
}

TEST(Validator, StartFunction) {
  auto Start = [](std::vector<ValType> Params, std::vector<ValType> Results,
                  uint32_t Index) {
    ModuleBuilder B;
    uint32_t T = B.type(Params, Results);
    Bytes Body;
    for (ValType R : Results)
      Body.raw(R == I32 ? Bytes().i32Const(0) : Bytes().f64Const(0));
    B.func(T, {}, Body.end());
    B.start(Index);
    return load(B);
  };
  EXPECT_TRUE(succeeds(Start({}, {}, 0)));
  EXPECT_TRUE(failsWith(Start({I32}, {}, 0), Invalid, "start function"));
  EXPECT_TRUE(failsWith(Start({}, {F64}, 0), Invalid, "start function"));
  EXPECT_TRUE(failsWith(Start({}, {}, 1), Invalid, "unknown function"));
}

TEST(Validator, MultipleMemories) {
  ModuleBuilder B;
  B.memory(1);
  B.memory(1);
  EXPECT_TRUE(failsWith(load(B), Invalid, "multiple memories"));
  ModuleBuilder C;
  C.importMemory("env", "m", 1);
  C.memory(1);
  EXPECT_TRUE(failsWith(load(C), Invalid, "multiple memories"));
}

TEST(Validator, Limits) {
  auto Memory = [](uint32_t Min, std::optional<uint32_t> Max) {
    ModuleBuilder B;
    B.memory(Min, Max);
    return load(B);
  };
  EXPECT_TRUE(succeeds(Memory(65536, 65536)));
  EXPECT_TRUE(failsWith(Memory(65537, {}), Invalid,
                        "memory size must be at most 65536 pages (4GiB)"));
  EXPECT_TRUE(failsWith(Memory(0, 65537), Invalid,
                        "memory size must be at most 65536 pages (4GiB)"));
  EXPECT_TRUE(failsWith(Memory(2, 1), Invalid,
                        "size minimum must not be greater than maximum"));
  ModuleBuilder T;
  T.table(FuncRef, 2, 1);
  EXPECT_TRUE(failsWith(load(T), Invalid, "size minimum must not be greater than maximum"));
  ModuleBuilder I;
  I.importMemory("env", "m", 3, 2);
  EXPECT_TRUE(failsWith(load(I), Invalid, "size minimum must not be greater than maximum"));
  // Tables may be as large as 2^32-1 elements.
  ModuleBuilder Big;
  Big.table(ExternRef, UINT32_MAX, UINT32_MAX);
  EXPECT_TRUE(succeeds(load(Big)));
}

//===--- Malformed beats invalid ------------------------------------------===//

TEST(Validator, MalformedBodyBeatsEarlierInvalidBody) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Bytes().op(Opcode::I32Add).end());   // invalid
  B.func(T, {}, Bytes().byte(0xff).end());           // malformed
  EXPECT_TRUE(failsWith(load(B), Malformed, "illegal opcode"));
}

TEST(Validator, MalformedBodyBeatsModuleLevelError) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Bytes().i32Const(0)); // no end
  B.exportAs("x", ExternKind::Func, 0);
  B.exportAs("x", ExternKind::Func, 0);
  EXPECT_TRUE(failsWith(load(B), Malformed, "unexpected end"));
}

TEST(Validator, MissingDataCountIsMalformedNotInvalid) {
  ModuleBuilder B = withFunc({}, {}, Bytes().op(Opcode::DataDrop).u32(0).end());
  B.data(Bytes{0x01}.name("p"));
  EXPECT_TRUE(failsWith(load(B), Malformed, "data count section required"));
}

//===--- Diagnostics and robustness ---------------------------------------===//

TEST(Validator, ErrorNamesTheFunction) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.importFunc("env", "i", T);
  B.func(T, {}, Bytes().end());
  B.func(T, {}, Bytes().op(Opcode::Drop).end());
  B.funcName(2, "broken");
  Result<ValidatedModule> V = load(B);
  ASSERT_TRUE(failsWith(V, Invalid, "type mismatch"));
  EXPECT_EQ(V.error().Context, "function 2 ($broken)");
  EXPECT_NE(V.error().str().find("$broken"), std::string::npos);
}

TEST(Validator, DeepNestingIsFine) {
  // 10,000 nested blocks: the validator's stacks are vectors, not recursion.
  Bytes Body;
  for (int I = 0; I < 10000; ++I)
    Body.block(Opcode::Block);
  for (int I = 0; I < 10000; ++I)
    Body.end();
  EXPECT_TRUE(succeeds(loadBody(Body.end())));
}

TEST(Validator, HostileBrTableFailsWithoutAllocating) {
  ModuleBuilder B = withFunc({}, {}, Bytes().i32Const(0).op(Opcode::BrTable)
                                         .u32(0xffffffff).u32(0).end());
  std::vector<uint8_t> Bin = B.build();
  AllocationScope Allocs;
  EXPECT_TRUE(failsWith(loadModule(Bin), Malformed, ""));
  EXPECT_LT(Allocs.largest(), 4096u + Bin.size());
}

} // namespace
