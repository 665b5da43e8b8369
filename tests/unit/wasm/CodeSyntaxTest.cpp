//===--- CodeSyntaxTest.cpp - Binary syntax of code bodies ----------------===//
//
/// \file
/// Tests of checkCodeSyntax (CodeSyntax.cpp) and, through it, of
/// InstrReader: opcodes and immediates decode, blocks nest, bodies end with
/// their `end` and nothing after it, and memory.init/data.drop require the
/// data count section. Errors come in module order and name the function.
//
//===----------------------------------------------------------------------===//
#include "AllocationTracker.h"
#include "ErrorMatchers.h"
#include "ModuleBuilder.h"
#include "wasm/Decoder.h"

#include <gtest/gtest.h>

using namespace wasmc;
using namespace wasmc::test;

namespace {

constexpr ErrorKind Malformed = ErrorKind::Malformed;

/// Decodes a module with one memory, one funcref table and functions of
/// type [] -> [] with the given bodies, then checks their syntax.
Status checkBodies(std::initializer_list<Bytes> Bodies, bool WithDataCount = false) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.table(ValType::FuncRef, 1);
  B.memory(1);
  for (const Bytes &Body : Bodies)
    B.func(T, {}, Body);
  if (WithDataCount)
    B.dataCount(0);
  Result<std::unique_ptr<Module>> M = decodeModule(B.build());
  if (!M.ok())
    return M.takeError();
  return checkCodeSyntax(**M);
}

TEST(CodeSyntax, WellFormedBodies) {
  EXPECT_TRUE(succeeds(checkBodies({Bytes().end()})));
  EXPECT_TRUE(succeeds(checkBodies(
      {Bytes()
           .block(Opcode::Block)
           .block(Opcode::Loop, ValType::I32)
           .i32Const(1)
           .block(Opcode::If)
           .op(Opcode::Else)
           .end()
           .end()
           .op(Opcode::Drop)
           .end()
           .end()})));
  // Syntax only: this body is ill-typed but well-formed.
  EXPECT_TRUE(succeeds(checkBodies({Bytes().op(Opcode::I32Add).end()})));
}

TEST(CodeSyntax, IllegalOpcode) {
  Status S = checkBodies({Bytes().byte(0xff).end()});
  EXPECT_TRUE(failsWith(S, Malformed, "illegal opcode"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().byte(0x06).end()}), Malformed,
                        "illegal opcode")); // `try` is not Wasm 2.0
  EXPECT_TRUE(failsWith(checkBodies({Bytes().byte(0xfc).u32(0x12).end()}), Malformed,
                        "illegal opcode"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().byte(0xfd).u32(0x100).end()}), Malformed,
                        "illegal opcode"));
}

TEST(CodeSyntax, PrefixedOpcodesAreLeb128) {
  // A padded sub-opcode within 5 bytes is the same opcode...
  EXPECT_TRUE(succeeds(checkBodies(
      {Bytes().f32Const(1).byte(0xfc).u32Padded(0, 5).op(Opcode::Drop).end()})));
  // ...and a sixth byte is too long.
  EXPECT_TRUE(failsWith(checkBodies({Bytes().f32Const(1).byte(0xfc).u32Padded(0, 6)
                                         .op(Opcode::Drop).end()}),
                        Malformed, "integer representation too long"));
}

TEST(CodeSyntax, MissingEnd) {
  // binary.wast: "unexpected end of section or function".
  EXPECT_TRUE(failsWith(checkBodies({Bytes().i32Const(1).op(Opcode::Drop)}), Malformed,
                        "unexpected end"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().block(Opcode::Block).end()}), Malformed,
                        "unexpected end"));
}

TEST(CodeSyntax, BytesAfterTheFinalEnd) {
  EXPECT_TRUE(failsWith(checkBodies({Bytes().end().op(Opcode::Nop)}), Malformed,
                        "section size mismatch"));
}

TEST(CodeSyntax, ElseWithoutIf) {
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::Else).end()}), Malformed, ""));
  EXPECT_TRUE(failsWith(
      checkBodies({Bytes().block(Opcode::Block).op(Opcode::Else).end().end()}),
      Malformed, ""));
  EXPECT_TRUE(failsWith(checkBodies({Bytes()
                                         .i32Const(0)
                                         .block(Opcode::If)
                                         .op(Opcode::Else)
                                         .op(Opcode::Else)
                                         .end()
                                         .end()}),
                        Malformed, ""));
}

TEST(CodeSyntax, DataCountRequired) {
  // binary.wast: memory.init and data.drop need the data count section.
  Bytes Init = Bytes().i32Const(0).i32Const(0).i32Const(0);
  Init.op(Opcode::MemoryInit).u32(0).byte(0).end();
  Bytes Drop = Bytes().op(Opcode::DataDrop).u32(0).end();
  EXPECT_TRUE(failsWith(checkBodies({Init}), Malformed, "data count section required"));
  EXPECT_TRUE(failsWith(checkBodies({Drop}), Malformed, "data count section required"));
  // With the section present the syntax is fine (the index is the
  // validator's concern).
  EXPECT_TRUE(succeeds(checkBodies({Init, Drop}, /*WithDataCount=*/true)));
}

TEST(CodeSyntax, ZeroBytes) {
  // binary.wast: the reserved memory index of memory.size/grow is a byte 0.
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::MemorySize).byte(0x01)
                                         .op(Opcode::Drop).end()}),
                        Malformed, "zero byte expected"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().i32Const(0).op(Opcode::MemoryGrow).byte(0x80)
                                         .byte(0x00).op(Opcode::Drop).end()}),
                        Malformed, "zero byte expected"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().i32Const(0).i32Const(0).i32Const(0)
                                         .op(Opcode::MemoryCopy).byte(0).byte(1).end()}),
                        Malformed, "zero byte expected"));
}

TEST(CodeSyntax, CallIndirectTableIndexIsLeb128) {
  // Reference types made the reserved byte a table index: the 5-byte
  // encoding that C toolchains emit must decode.
  EXPECT_TRUE(succeeds(checkBodies(
      {Bytes().i32Const(0).op(Opcode::CallIndirect).u32(0).u32Padded(0, 5).end()})));
}

TEST(CodeSyntax, TruncatedImmediates) {
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::I32Const).byte(0x80)}), Malformed,
                        "unexpected end"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::F64Const).raw({0, 0, 0})}),
                        Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::V128Const).raw({1, 2, 3, 4})}),
                        Malformed, "unexpected end"));
  // binary.wast: an overlong memarg offset.
  EXPECT_TRUE(failsWith(checkBodies({Bytes().i32Const(0).op(Opcode::I32Load).byte(2)
                                         .u32Padded(2, 6).op(Opcode::Drop).end()}),
                        Malformed, "integer representation too long"));
}

TEST(CodeSyntax, MalformedTypeImmediates) {
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::RefNull).byte(0x7f)
                                         .op(Opcode::Drop).end()}),
                        Malformed, "malformed reference type"));
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::SelectT).u32(1).byte(0x40).end()}),
                        Malformed, ""));
  // A negative s33 that is not one of the value type bytes.
  EXPECT_TRUE(failsWith(checkBodies({Bytes().op(Opcode::Block).byte(0x41).end().end()}),
                        Malformed, ""));
}

TEST(CodeSyntax, HostileBrTableCountDoesNotAllocate) {
  Bytes Body = Bytes().i32Const(0).op(Opcode::BrTable).u32(0xffffffff).u32(0).end();
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.func(T, {}, Body);
  Result<std::unique_ptr<Module>> M = decodeModule(B.build());
  ASSERT_TRUE(succeeds(M));
  AllocationScope Allocs;
  EXPECT_TRUE(failsWith(checkCodeSyntax(**M), Malformed, ""));
  EXPECT_LT(Allocs.largest(), 4096u);
}

TEST(CodeSyntax, FirstErrorInModuleOrderNamesTheFunction) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  B.importFunc("env", "f", T);
  B.func(T, {}, Bytes().end());
  B.func(T, {}, Bytes().byte(0xff).end());          // function 2: illegal opcode
  B.func(T, {}, Bytes().op(Opcode::Else).end());    // function 3: stray else
  B.funcName(2, "bad");
  Result<std::unique_ptr<Module>> M = decodeModule(B.build());
  ASSERT_TRUE(succeeds(M));
  Status S = checkCodeSyntax(**M);
  ASSERT_TRUE(failsWith(S, Malformed, "illegal opcode"));
  EXPECT_EQ(S.error().Context, "function 2 ($bad)");
  EXPECT_EQ(S.error().Offset, (*M)->Functions[1].Body.Offset);
}

} // namespace
