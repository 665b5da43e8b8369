//===--- DecoderTest.cpp - Sections of the binary format ------------------===//
//
/// \file
/// Tests of decodeModule (Decoder.cpp): the header, section framing and
/// order, the contents of every known section, the cross-section counts,
/// implementation limits, hostile counts that must fail before allocating,
/// and custom sections. Where the spec's testsuite expects "unexpected end
/// of section or function", the tests accept any message starting with
/// "unexpected end", which is the phrase both spellings share.
//
//===----------------------------------------------------------------------===//
#include "wasm/Decoder.h"
#include "AllocationTracker.h"
#include "ErrorMatchers.h"
#include "ModuleBuilder.h"

#include <gtest/gtest.h>

using namespace wasmc;
using namespace wasmc::test;

namespace {

using ModuleResult = Result<std::unique_ptr<Module>>;

constexpr ErrorKind Malformed = ErrorKind::Malformed;
constexpr ErrorKind Limit = ErrorKind::Limit;

ModuleResult decode(std::vector<uint8_t> B) { return decodeModule(std::move(B)); }

/// Decodes the header followed by Part (one or more sections, raw).
ModuleResult decodeRaw(const Bytes &Part) { return decode(moduleBytes({Part})); }

/// Decodes the header followed by one section of the given contents.
ModuleResult decodeSection(uint8_t Id, const Bytes &Contents) {
  return decodeRaw(section(Id, Contents));
}

std::unique_ptr<Module> decodeOk(std::vector<uint8_t> B) {
  ModuleResult R = decodeModule(std::move(B));
  EXPECT_TRUE(succeeds(R));
  return R.ok() ? R.take() : nullptr;
}

/// A type section holding the one type [] -> [].
Bytes voidType() { return section(sec::Type, Bytes{0x01, 0x60, 0x00, 0x00}); }

/// A function section declaring N functions of type 0.
Bytes funcSection(uint32_t N) {
  Bytes B;
  B.u32(N);
  for (uint32_t I = 0; I < N; ++I)
    B.u32(0);
  return section(sec::Function, B);
}

/// A code section of N bodies that do nothing.
Bytes codeSection(uint32_t N) {
  Bytes B;
  B.u32(N);
  for (uint32_t I = 0; I < N; ++I)
    B.sized(Bytes().u32(0).end());
  return section(sec::Code, B);
}

//===--- Header -----------------------------------------------------------===//

TEST(DecoderHeader, EmptyModule) {
  auto M = decodeOk(moduleBytes({}));
  ASSERT_TRUE(M);
  EXPECT_TRUE(M->Types.empty());
  EXPECT_EQ(M->numFuncs(), 0u);
  EXPECT_EQ(M->Bytes.size(), 8u);
}

TEST(DecoderHeader, MagicNumber) {
  // binary.wast: input too short to hold the magic is "unexpected end",
  // four bytes that are not the magic are "magic header not detected".
  EXPECT_TRUE(failsWith(decode({}), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(decode({0x01}), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(decode({0x00, 0x61, 0x73}), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(decode({0x61, 0x73, 0x6d, 0x00}), Malformed,
                        "magic header not detected"));
  EXPECT_TRUE(failsWith(decode({0x00, 0x61, 0x73, 0x6e, 1, 0, 0, 0}), Malformed,
                        "magic header not detected"));
  EXPECT_TRUE(failsWith(decode({0xef, 0xbb, 0xbf, 0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0}),
                        Malformed, "magic header not detected")); // UTF-8 BOM
  // The text format is not a binary.
  EXPECT_TRUE(failsWith(decode({'(', 'm', 'o', 'd', 'u', 'l', 'e', ')'}), Malformed,
                        "magic header not detected"));
}

TEST(DecoderHeader, Version) {
  EXPECT_TRUE(failsWith(decode({0x00, 0x61, 0x73, 0x6d, 2, 0, 0, 0}), Malformed,
                        "unknown binary version"));
  EXPECT_TRUE(failsWith(decode({0x00, 0x61, 0x73, 0x6d, 0, 0, 0, 1}), Malformed,
                        "unknown binary version"));
  ModuleResult R = decode({0x00, 0x61, 0x73, 0x6d, 0x0d, 0, 0, 0});
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().Offset, 4u);
}

TEST(DecoderHeader, TruncatedVersion) {
  // binary.wast: a version cut short is "unexpected end", not an unknown
  // version.
  EXPECT_TRUE(failsWith(decode({0x00, 0x61, 0x73, 0x6d}), Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(decode({0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00}), Malformed,
                        "unexpected end"));
}

//===--- Section framing --------------------------------------------------===//

TEST(DecoderSections, UnknownSectionId) {
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x0d, 0x00}), Malformed, "malformed section id"));
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x7f, 0x00}), Malformed, "malformed section id"));
  // A section id is a byte, not a LEB128.
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x80, 0x00, 0x01, 0x00}), Malformed,
                        "malformed section id"));
}

TEST(DecoderSections, SizeBeyondTheModule) {
  EXPECT_TRUE(
      failsWith(decodeRaw(Bytes{0x01, 0x05, 0x00}), Malformed, "length out of bounds"));
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x01, 0x80}), Malformed, "unexpected end"));
}

TEST(DecoderSections, SizeLargerThanTheContents) {
  // Type section: count 0, then a byte nobody reads.
  EXPECT_TRUE(failsWith(decodeSection(sec::Type, Bytes{0x00, 0x60}), Malformed,
                        "section size mismatch"));
  // binary.wast: one type declared, two given.
  EXPECT_TRUE(failsWith(decodeSection(sec::Type, Bytes{0x01, 0x60, 0, 0, 0x60, 0, 0}),
                        Malformed, "section size mismatch"));
}

TEST(DecoderSections, SizeSmallerThanTheContents) {
  // The section ends inside its only type: its reader stops at the section
  // end even though the module has more bytes.
  EXPECT_TRUE(
      failsWith(decode(moduleBytes({Bytes{0x01, 0x02, 0x01, 0x60}, Bytes{0x00, 0x00}})),
                Malformed, ""));
  EXPECT_TRUE(failsWith(
      decode(moduleBytes({Bytes{0x01, 0x04, 0x01, 0x60, 0x01, 0x7f}, Bytes{0x00}})),
      Malformed, "unexpected end"));
}

TEST(DecoderSections, ErrorNamesTheSection) {
  ModuleResult R = decodeSection(sec::Type, Bytes{0x01, 0x60, 0x01, 0x40, 0x00});
  ASSERT_FALSE(R.ok());
  EXPECT_EQ(R.error().Context, "type section");
  // The offset points at the bad value type: 8 (header) + 2 (id, size) + 3.
  EXPECT_EQ(R.error().Offset, 13u);
}

TEST(DecoderSections, OrderIsEnforced) {
  EXPECT_TRUE(failsWith(decode(moduleBytes({funcSection(0), voidType()})), Malformed,
                        "unexpected content after last section"));
  EXPECT_TRUE(failsWith(decode(moduleBytes({voidType(), voidType()})), Malformed,
                        "unexpected content after last section"));
  // binary.wast: two start sections.
  EXPECT_TRUE(failsWith(
      decode(moduleBytes({voidType(), funcSection(1), section(sec::Start, Bytes{0x00}),
                          section(sec::Start, Bytes{0x00}), codeSection(1)})),
      Malformed, "unexpected content after last section"));
  // The data count section goes between element and code, not after code.
  EXPECT_TRUE(failsWith(decode(moduleBytes({voidType(), funcSection(1), codeSection(1),
                                            section(sec::DataCount, Bytes{0x00})})),
                        Malformed, "unexpected content after last section"));
  EXPECT_TRUE(failsWith(decode(moduleBytes({section(sec::Data, Bytes{0x00}),
                                            section(sec::Code, Bytes{0x00})})),
                        Malformed, "unexpected content after last section"));
}

TEST(DecoderSections, DataCountBetweenElementAndCode) {
  auto M = decodeOk(
      moduleBytes({voidType(), funcSection(1), section(sec::Element, Bytes{0x00}),
                   section(sec::DataCount, Bytes{0x00}), codeSection(1),
                   section(sec::Data, Bytes{0x00})}));
  ASSERT_TRUE(M);
  ASSERT_TRUE(M->DataCount.has_value());
  EXPECT_EQ(*M->DataCount, 0u);
}

TEST(DecoderSections, EmptyVectorsAreAllowed) {
  // binary.wast: every vector section may have a count of zero.
  for (uint8_t Id : {sec::Type, sec::Import, sec::Function, sec::Table, sec::Memory,
                     sec::Global, sec::Export, sec::Element, sec::Code, sec::Data})
    EXPECT_TRUE(succeeds(decodeRaw(section(Id, Bytes{0x00})))) << "section " << int(Id);
}

TEST(DecoderSections, SectionCountTooLong) {
  EXPECT_TRUE(failsWith(decodeSection(sec::Type, Bytes().u32Padded(0, 6)), Malformed,
                        "integer representation too long"));
}

//===--- Hostile counts ---------------------------------------------------===//

TEST(DecoderHostile, HugeCountsFailWithoutAllocating) {
  // Each section claims 0xFFFFFFFF entries in a module of about 20 bytes.
  for (uint8_t Id : {sec::Type, sec::Import, sec::Function, sec::Table, sec::Memory,
                     sec::Global, sec::Export, sec::Element, sec::Code, sec::Data}) {
    std::vector<uint8_t> B =
        moduleBytes({section(Id, Bytes().u32(0xffffffff).raw({0x60, 0x00, 0x00}))});
    ASSERT_LT(B.size(), 24u);
    AllocationScope Allocs;
    ModuleResult R = decode(B);
    EXPECT_TRUE(failsWith(R, Malformed, "")) << "section " << int(Id);
    EXPECT_LT(Allocs.largest(), 4096u) << "section " << int(Id);
  }
}

TEST(DecoderHostile, HugeNestedCountsFailWithoutAllocating) {
  const std::vector<std::vector<uint8_t>> Cases = {
      // A type with 0xFFFFFFFF parameters.
      moduleBytes({section(sec::Type, Bytes{0x01, 0x60}.u32(0xffffffff).byte(0x7f))}),
      // An element segment with 0xFFFFFFFF function indices.
      moduleBytes(
          {section(sec::Element, Bytes{0x01, 0x01, 0x00}.u32(0xffffffff).byte(0x00))}),
      // An element segment with 0xFFFFFFFF expressions.
      moduleBytes(
          {section(sec::Element, Bytes{0x01, 0x05, 0x70}.u32(0xffffffff).byte(0x0b))}),
      // A data segment of 0xFFFFFFFF bytes.
      moduleBytes({section(sec::Data, Bytes{0x01, 0x01}.u32(0xffffffff).byte(0x00))}),
      // A body with 0xFFFFFFFF local groups.
      moduleBytes({voidType(), funcSection(1),
                   section(sec::Code, Bytes{0x01}.sized(
                                          Bytes().u32(0xffffffff).raw({0x01, 0x7f})))}),
  };
  for (size_t I = 0; I < Cases.size(); ++I) {
    AllocationScope Allocs;
    EXPECT_TRUE(failsWith(decode(Cases[I]), Malformed, "")) << "case " << I;
    EXPECT_LT(Allocs.largest(), 4096u) << "case " << I;
  }
}

TEST(DecoderHostile, HugeLocalCountCostsNoMemory) {
  // One group of 0xFFFFFFFF locals: run-length form, so the decoder can
  // refuse it by arithmetic alone.
  std::vector<uint8_t> B = moduleBytes(
      {voidType(), funcSection(1),
       section(sec::Code,
               Bytes{0x01}.sized(Bytes{0x01}.u32(0xffffffff).byte(0x7f).end()))});
  AllocationScope Allocs;
  EXPECT_TRUE(failsWith(decode(B), Limit, "too many locals"));
  EXPECT_LT(Allocs.largest(), 4096u);
}

//===--- Type section -----------------------------------------------------===//

TEST(DecoderTypes, ParamsAndResults) {
  ModuleBuilder B;
  B.type({ValType::I32, ValType::I64}, {ValType::F32});
  B.type({}, {ValType::V128, ValType::FuncRef, ValType::ExternRef});
  B.type({}, {});
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Types.size(), 3u);
  EXPECT_EQ(M->Types[0], (FuncType{{ValType::I32, ValType::I64}, {ValType::F32}}));
  EXPECT_EQ(M->Types[1],
            (FuncType{{}, {ValType::V128, ValType::FuncRef, ValType::ExternRef}}));
  EXPECT_EQ(M->Types[2], FuncType{});
}

TEST(DecoderTypes, MalformedForm) {
  // binary.wast: -0x20 as a signed LEB128 where the form byte 0x60 belongs.
  EXPECT_TRUE(failsWith(decodeSection(sec::Type, Bytes{0x01, 0xe0, 0x7f, 0x00, 0x00}),
                        Malformed, "integer representation too long"));
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Type, Bytes{0x01, 0x5f, 0x00, 0x00}), Malformed, ""));
}

TEST(DecoderTypes, MalformedValueType) {
  for (uint8_t Bad : {0x40, 0x7a, 0x71, 0x00, 0x80}) {
    EXPECT_TRUE(failsWith(decodeSection(sec::Type, Bytes{0x01, 0x60, 0x01, Bad, 0x00}),
                          Malformed, ""))
        << int(Bad);
  }
}

TEST(DecoderTypes, CountLargerThanGiven) {
  // binary.wast: two types declared, one given (the section size counts
  // the missing one too).
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x01, 0x07, 0x02, 0x60, 0x00, 0x00}), Malformed,
                        "length out of bounds"));
  // Within a correctly sized section.
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Type, Bytes{0x02, 0x60, 0x00, 0x00}), Malformed, ""));
}

TEST(DecoderTypes, ParameterLimit) {
  Bytes Params;
  Params.byte(0x01).byte(0x60).u32(1001);
  for (int I = 0; I < 1001; ++I)
    Params.byte(0x7f);
  Params.byte(0x00);
  EXPECT_TRUE(failsWith(decodeSection(sec::Type, Params), Limit, ""));
}

//===--- Imports ----------------------------------------------------------===//

TEST(DecoderImports, EveryKindAndTheIndexSpaces) {
  ModuleBuilder B;
  uint32_t T = B.type({ValType::I32}, {});
  EXPECT_EQ(B.importGlobal("env", "g", ValType::F64, true), 0u);
  EXPECT_EQ(B.importFunc("env", "f", T), 0u);
  EXPECT_EQ(B.importTable("env", "t", ValType::ExternRef, 1, 10), 0u);
  EXPECT_EQ(B.importMemory("env", "m", 2), 0u);
  EXPECT_EQ(B.importFunc("env", "f2", T), 1u);
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Imports.size(), 5u);
  EXPECT_EQ(M->Imports[0].Module, "env");
  EXPECT_EQ(M->Imports[0].Name, "g");
  EXPECT_EQ(M->Imports[0].Kind, ExternKind::Global);
  EXPECT_EQ(M->Imports[0].Global.Type, ValType::F64);
  EXPECT_TRUE(M->Imports[0].Global.Mutable);
  EXPECT_EQ(M->Imports[2].Table.Elem, ValType::ExternRef);
  EXPECT_EQ(M->Imports[2].Table.Lim.Min, 1u);
  EXPECT_EQ(M->Imports[2].Table.Lim.Max, 10u);
  EXPECT_EQ(M->Imports[3].Memory.Lim.Min, 2u);
  EXPECT_FALSE(M->Imports[3].Memory.Lim.Max.has_value());

  EXPECT_EQ(M->NumImportedFuncs, 2u);
  EXPECT_EQ(M->NumImportedTables, 1u);
  EXPECT_EQ(M->NumImportedMemories, 1u);
  EXPECT_EQ(M->NumImportedGlobals, 1u);
  EXPECT_EQ(M->ImportedFuncs, (std::vector<uint32_t>{1, 4}));
  EXPECT_EQ(M->importOf(ExternKind::Func, 1)->Name, "f2");
  EXPECT_EQ(M->importOf(ExternKind::Func, 2), nullptr);
  EXPECT_EQ(M->funcTypeIndex(1), T);
  EXPECT_TRUE(M->globalType(0).Mutable);
}

TEST(DecoderImports, MalformedKind) {
  for (uint8_t Kind : {0x04, 0x05, 0x80})
    EXPECT_TRUE(failsWith(decodeSection(sec::Import, Bytes{0x01, 0x00, 0x00, Kind, 0x00}),
                          Malformed, "malformed import kind"))
        << int(Kind);
}

TEST(DecoderImports, MalformedDescriptions) {
  // global.wast: mutability must be 0 or 1.
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Import, Bytes{0x01, 0x00, 0x00, 0x03, 0x7f, 0x02}),
                Malformed, "malformed mutability"));
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Import, Bytes{0x01, 0x00, 0x00, 0x03, 0x7f, 0xff}),
                Malformed, "malformed mutability"));
  // A table of i32 is no table.
  EXPECT_TRUE(failsWith(
      decodeSection(sec::Import, Bytes{0x01, 0x00, 0x00, 0x01, 0x7f, 0x00, 0x00}),
      Malformed, "malformed reference type"));
}

TEST(DecoderImports, NamesMustBeUtf8) {
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Import,
                              Bytes{0x01}.name("\xc0\x80").name("f").raw({0x00, 0x00})),
                Malformed, "malformed UTF-8 encoding"));
  EXPECT_TRUE(failsWith(
      decodeSection(sec::Import,
                    Bytes{0x01}.name("m").name("\xed\xa0\x80").raw({0x00, 0x00})),
      Malformed, "malformed UTF-8 encoding"));
}

//===--- Functions and code -----------------------------------------------===//

TEST(DecoderFunctions, CountsMustAgree) {
  EXPECT_TRUE(failsWith(decode(moduleBytes({voidType(), funcSection(2), codeSection(1)})),
                        Malformed,
                        "function and code section have inconsistent lengths"));
  EXPECT_TRUE(failsWith(decode(moduleBytes({voidType(), funcSection(1)})), Malformed,
                        "function and code section have inconsistent lengths"));
  EXPECT_TRUE(failsWith(decode(moduleBytes({voidType(), codeSection(1)})), Malformed,
                        "function and code section have inconsistent lengths"));
  // Empty sections on either side agree with the absent other.
  EXPECT_TRUE(succeeds(decode(moduleBytes({voidType(), funcSection(0)}))));
  EXPECT_TRUE(succeeds(decode(moduleBytes({voidType(), codeSection(0)}))));
}

TEST(DecoderCode, LocalsAndBodyRange) {
  ModuleBuilder B;
  uint32_t T = B.type({ValType::I32}, {});
  Bytes Body = Bytes().localGet(2).op(Opcode::Drop).end();
  B.func(T, {{2, ValType::I64}, {1, ValType::F64}}, Body);
  std::vector<uint8_t> Bin = B.build();
  auto M = decodeOk(Bin);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Functions.size(), 1u);
  const Function &F = M->Functions[0];
  EXPECT_EQ(F.TypeIndex, T);
  ASSERT_EQ(F.Locals.size(), 2u);
  EXPECT_EQ(F.Locals[0].Count, 2u);
  EXPECT_EQ(F.Locals[0].Type, ValType::I64);
  EXPECT_EQ(F.Locals[1].Type, ValType::F64);
  EXPECT_EQ(F.NumLocals, 3u);
  ASSERT_EQ(F.Body.Size, Body.size());
  EXPECT_TRUE(std::equal(Body.vec().begin(), Body.vec().end(), M->data(F.Body)));
  // The code section is last: its body sits at the end of the module, and
  // the entry starts with the size byte, one count byte and two groups.
  EXPECT_EQ(F.Body.Offset + F.Body.Size, Bin.size());
  EXPECT_EQ(F.CodeOffset, F.Body.Offset - 6);
}

TEST(DecoderCode, MalformedLocalType) {
  EXPECT_TRUE(
      failsWith(decode(moduleBytes(
                    {voidType(), funcSection(1),
                     section(sec::Code, Bytes{0x01, 0x04, 0x01, 0x01, 0x40, 0x0b})})),
                Malformed, ""));
}

TEST(DecoderCode, TooManyLocals) {
  // binary.wast: the sum of the counts overflows 32 bits.
  auto Overflow = [](std::initializer_list<std::pair<uint32_t, ValType>> Groups) {
    Bytes Entry;
    Entry.u32(Groups.size());
    for (auto [N, T] : Groups)
      Entry.u32(N).valType(T);
    Entry.end();
    return moduleBytes(
        {voidType(), funcSection(1), section(sec::Code, Bytes{0x01}.sized(Entry))});
  };
  EXPECT_TRUE(failsWith(decode(Overflow({{0xffffffff, ValType::I32}, {2, ValType::I64}})),
                        Malformed, "too many locals"));
  EXPECT_TRUE(failsWith(decode(Overflow({{0x40000000, ValType::I32},
                                         {0x40000000, ValType::I64},
                                         {0x40000000, ValType::F32},
                                         {0x40000000, ValType::F64}})),
                        Malformed, "too many locals"));
  // Within 32 bits but beyond the implementation limit of 50,000.
  EXPECT_TRUE(failsWith(decode(Overflow({{50000, ValType::I32}, {1, ValType::I64}})),
                        Limit, "too many locals"));
  auto M = decodeOk(Overflow({{49999, ValType::I32}, {1, ValType::I64}}));
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Functions[0].NumLocals, 50000u);
}

TEST(DecoderCode, BodySizeLimitIsCheckedBeforeReading) {
  // A body claims 8,000,000 bytes; the limit error comes first, without
  // the bytes being present.
  EXPECT_TRUE(
      failsWith(decode(moduleBytes({voidType(), funcSection(1),
                                    section(sec::Code, Bytes{0x01}.u32(8000000))})),
                Limit, ""));
}

TEST(DecoderCode, BodyBeyondTheSection) {
  EXPECT_TRUE(
      failsWith(decode(moduleBytes({voidType(), funcSection(1),
                                    section(sec::Code, Bytes{0x01, 0x05, 0x00, 0x0b})})),
                Malformed, "unexpected end"));
}

//===--- Tables, memories, globals, exports, start ------------------------===//

TEST(DecoderTables, TypesAndLimits) {
  ModuleBuilder B;
  B.table(ValType::FuncRef, 1, 5);
  B.table(ValType::ExternRef, 0);
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Tables.size(), 2u);
  EXPECT_EQ(M->Tables[0].Elem, ValType::FuncRef);
  EXPECT_EQ(M->Tables[0].Lim.Max, 5u);
  EXPECT_EQ(M->Tables[1].Elem, ValType::ExternRef);
  EXPECT_FALSE(M->Tables[1].Lim.Max.has_value());
  EXPECT_EQ(M->numTables(), 2u);
}

TEST(DecoderTables, MalformedLimitsFlags) {
  // The three cases of binary.wast, byte for byte.
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x04, 0x03, 0x01, 0x70, 0x02}), Malformed,
                        "integer too large"));
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x04, 0x04, 0x01, 0x70, 0x02, 0x00}), Malformed,
                        "integer too large"));
  // The flags are a one-byte LEB128, so a continuation bit makes them too
  // long rather than too large.
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x04, 0x06, 0x01, 0x70, 0x81, 0x00, 0x00, 0x00}),
                        Malformed, "integer representation too long"));
  EXPECT_TRUE(failsWith(decodeSection(sec::Table, Bytes{0x01, 0x7f, 0x00, 0x00}),
                        Malformed, "malformed reference type"));
  // binary.wast: one table declared, none given.
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Table, Bytes{0x01}), Malformed, "unexpected end"));
}

TEST(DecoderMemories, Limits) {
  ModuleBuilder B;
  B.memory(1, 65536);
  B.memory(0);
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Memories.size(), 2u); // the validator rejects two memories
  EXPECT_EQ(M->Memories[0].Lim.Min, 1u);
  EXPECT_EQ(M->Memories[0].Lim.Max, 65536u);
  EXPECT_FALSE(M->Memories[1].Lim.Max.has_value());
}

TEST(DecoderMemories, MalformedLimits) {
  // The flag cases of binary.wast, byte for byte.
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x05, 0x02, 0x01, 0x02}), Malformed,
                        "integer too large"));
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x05, 0x03, 0x01, 0x02, 0x00}), Malformed,
                        "integer too large"));
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x05, 0x05, 0x01, 0x81, 0x00, 0x00, 0x00}),
                        Malformed, "integer representation too long"));
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x05, 0x05, 0x01, 0x81, 0x01, 0x00, 0x00}),
                        Malformed, "integer representation too long"));
  // binary.wast: an overlong minimum and a minimum over 32 bits.
  EXPECT_TRUE(failsWith(
      decodeSection(sec::Memory, Bytes{0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x00}),
      Malformed, "integer representation too long"));
  EXPECT_TRUE(failsWith(
      decodeSection(sec::Memory, Bytes{0x01, 0x00, 0x82, 0x80, 0x80, 0x80, 0x10}),
      Malformed, "integer too large"));
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Memory, Bytes{0x01}), Malformed, "unexpected end"));
}

TEST(DecoderGlobals, TypeAndInitializer) {
  ModuleBuilder B;
  B.importGlobal("env", "base", ValType::I32, false);
  B.global(ValType::I64, true, Bytes().i64Const(-5));
  B.global(ValType::I32, false, Bytes().globalGet(0));
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Globals.size(), 2u);
  EXPECT_EQ(M->numGlobals(), 3u);
  const Global &G = M->Globals[0];
  EXPECT_EQ(G.Type.Type, ValType::I64);
  EXPECT_TRUE(G.Type.Mutable);
  EXPECT_EQ(G.Init.NumInstrs, 1u);
  EXPECT_EQ(G.Init.First.Op, Opcode::I64Const);
  EXPECT_EQ(G.Init.First.i64(), -5);
  // The bytes run up to and including the `end`.
  EXPECT_EQ(G.Init.Bytes.Size, 3u);
  EXPECT_EQ(M->data(G.Init.Bytes)[2], 0x0b);
  EXPECT_EQ(M->Globals[1].Init.First.Op, Opcode::GlobalGet);
  EXPECT_EQ(M->Globals[1].Init.First.Index, 0u);
}

TEST(DecoderGlobals, MalformedGlobals) {
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Global, Bytes{0x01, 0x7f, 0x02, 0x41, 0x00, 0x0b}),
                Malformed, "malformed mutability"));
  // The initializer runs into the end of the section without its `end`.
  EXPECT_TRUE(failsWith(decodeSection(sec::Global, Bytes{0x01, 0x7f, 0x00, 0x41, 0x00}),
                        Malformed, "unexpected end"));
  // binary.wast: two globals declared, one given ("unexpected end of
  // section or function").
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x06, 0x06, 0x02, 0x7f, 0x00, 0x41, 0x00, 0x0b}),
                        Malformed, "unexpected end"));
  EXPECT_TRUE(failsWith(decodeSection(sec::Global, Bytes{0x01, 0x7f, 0x00, 0xff, 0x0b}),
                        Malformed, "illegal opcode"));
}

TEST(DecoderExports, KindsAndIndices) {
  ModuleBuilder B;
  uint32_t T = B.type({}, {});
  uint32_t F = B.func(T, {}, Bytes().end());
  B.memory(1);
  B.exportAs("run", ExternKind::Func, F);
  B.exportAs("mem", ExternKind::Memory, 0);
  B.exportAs("", ExternKind::Global, 7);
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Exports.size(), 3u);
  EXPECT_EQ(M->Exports[0].Name, "run");
  EXPECT_EQ(M->Exports[0].Kind, ExternKind::Func);
  EXPECT_EQ(M->Exports[1].Kind, ExternKind::Memory);
  EXPECT_EQ(M->Exports[2].Name, "");
  EXPECT_EQ(M->Exports[2].Index, 7u); // index ranges are the validator's
}

TEST(DecoderExports, Malformed) {
  EXPECT_TRUE(failsWith(decodeSection(sec::Export, Bytes{0x01, 0x00, 0x04, 0x00}),
                        Malformed, ""));
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Export, Bytes{0x01}.name("\xff").raw({0x00, 0x00})),
                Malformed, "malformed UTF-8 encoding"));
  // binary.wast: two exports declared, one given. The spec expects "length
  // out of bounds" because the reference interpreter reads past the export
  // section and takes the code section's id (10) as the second name's
  // length; a reader bounded by the section stops at its end instead.
  ModuleResult R =
      decode(moduleBytes({voidType(), Bytes{0x03, 0x03, 0x02, 0x00, 0x00},
                          Bytes{0x07, 0x06, 0x02, 0x02, 0x66, 0x31, 0x00, 0x00},
                          Bytes{0x0a, 0x07, 0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b}}));
  EXPECT_TRUE(failsWith(R, Malformed, "length out of bounds") ||
              failsWith(R, Malformed, "unexpected end of section or function"))
      << (R.ok() ? "decoded" : R.error().str());
}

TEST(DecoderStart, Index) {
  auto M = decodeOk(moduleBytes({section(sec::Start, Bytes().u32(300))}));
  ASSERT_TRUE(M);
  ASSERT_TRUE(M->Start.has_value());
  EXPECT_EQ(*M->Start, 300u);
  EXPECT_TRUE(failsWith(decodeSection(sec::Start, Bytes{0x00, 0x00}), Malformed,
                        "section size mismatch"));
}

//===--- Element segments -------------------------------------------------===//

/// Decodes a module whose element section holds the one segment Seg.
std::unique_ptr<Module> decodeElem(const Bytes &Seg) {
  return decodeOk(moduleBytes({section(sec::Element, Bytes{0x01}.raw(Seg))}));
}

void expectRefFuncIndices(const ElemSegment &S, std::vector<uint32_t> Indices) {
  ASSERT_EQ(S.Inits.size(), Indices.size());
  for (size_t I = 0; I < Indices.size(); ++I) {
    EXPECT_EQ(S.Inits[I].First.Op, Opcode::RefFunc);
    EXPECT_EQ(S.Inits[I].First.Index, Indices[I]);
    EXPECT_EQ(S.Inits[I].Bytes.Size, 0u); // bare index, no expression
  }
}

TEST(DecoderElems, Flags0ActiveTable0FuncIndices) {
  auto M = decodeElem(Bytes{0x00}.i32Const(7).end().raw({0x02, 0x03, 0x04}));
  ASSERT_TRUE(M);
  const ElemSegment &S = M->Elems[0];
  EXPECT_EQ(S.Mode, SegmentMode::Active);
  EXPECT_EQ(S.Table, 0u);
  EXPECT_EQ(S.Type, ValType::FuncRef);
  EXPECT_EQ(S.Offset.First.Op, Opcode::I32Const);
  EXPECT_EQ(S.Offset.First.i32(), 7);
  expectRefFuncIndices(S, {3, 4});
}

TEST(DecoderElems, Flags1PassiveFuncIndices) {
  auto M = decodeElem(Bytes{0x01, 0x00, 0x01, 0x09});
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Elems[0].Mode, SegmentMode::Passive);
  EXPECT_EQ(M->Elems[0].Type, ValType::FuncRef);
  expectRefFuncIndices(M->Elems[0], {9});
}

TEST(DecoderElems, Flags2ActiveExplicitTableFuncIndices) {
  auto M = decodeElem(Bytes{0x02, 0x03}.i32Const(1).end().raw({0x00, 0x01, 0x05}));
  ASSERT_TRUE(M);
  const ElemSegment &S = M->Elems[0];
  EXPECT_EQ(S.Mode, SegmentMode::Active);
  EXPECT_EQ(S.Table, 3u);
  EXPECT_EQ(S.Offset.First.i32(), 1);
  expectRefFuncIndices(S, {5});
}

TEST(DecoderElems, Flags3DeclarativeFuncIndices) {
  auto M = decodeElem(Bytes{0x03, 0x00, 0x02, 0x00, 0x01});
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Elems[0].Mode, SegmentMode::Declarative);
  expectRefFuncIndices(M->Elems[0], {0, 1});
}

TEST(DecoderElems, Flags4ActiveTable0Expressions) {
  Bytes Seg = Bytes{0x04}.i32Const(2).end(); // flags, offset
  Seg.byte(0x02).refFunc(6).end();           // two expressions
  Seg.op(Opcode::RefNull).byte(0x70).end();
  auto M = decodeElem(Seg);
  ASSERT_TRUE(M);
  const ElemSegment &S = M->Elems[0];
  EXPECT_EQ(S.Mode, SegmentMode::Active);
  EXPECT_EQ(S.Table, 0u);
  EXPECT_EQ(S.Type, ValType::FuncRef);
  ASSERT_EQ(S.Inits.size(), 2u);
  EXPECT_EQ(S.Inits[0].First.Op, Opcode::RefFunc);
  EXPECT_EQ(S.Inits[0].First.Index, 6u);
  EXPECT_EQ(S.Inits[0].Bytes.Size, 3u);
  EXPECT_EQ(S.Inits[1].First.Op, Opcode::RefNull);
  EXPECT_EQ(S.Inits[1].First.Type, ValType::FuncRef);
}

TEST(DecoderElems, Flags5PassiveExpressions) {
  auto M = decodeElem(Bytes{0x05, 0x6f, 0x01}.op(Opcode::RefNull).byte(0x6f).end());
  ASSERT_TRUE(M);
  const ElemSegment &S = M->Elems[0];
  EXPECT_EQ(S.Mode, SegmentMode::Passive);
  EXPECT_EQ(S.Type, ValType::ExternRef);
  ASSERT_EQ(S.Inits.size(), 1u);
  EXPECT_EQ(S.Inits[0].First.Type, ValType::ExternRef);
}

TEST(DecoderElems, Flags6ActiveExplicitTableExpressions) {
  auto M = decodeElem(
      Bytes{0x06, 0x02}.i32Const(0).end().byte(0x70).byte(0x01).refFunc(1).end());
  ASSERT_TRUE(M);
  const ElemSegment &S = M->Elems[0];
  EXPECT_EQ(S.Mode, SegmentMode::Active);
  EXPECT_EQ(S.Table, 2u);
  EXPECT_EQ(S.Type, ValType::FuncRef);
  ASSERT_EQ(S.Inits.size(), 1u);
  EXPECT_EQ(S.Inits[0].First.Index, 1u);
}

TEST(DecoderElems, Flags7DeclarativeExpressions) {
  auto M = decodeElem(Bytes{0x07, 0x70, 0x01}.refFunc(0).end());
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Elems[0].Mode, SegmentMode::Declarative);
  ASSERT_EQ(M->Elems[0].Inits.size(), 1u);
  EXPECT_EQ(M->Elems[0].Inits[0].First.Op, Opcode::RefFunc);
}

TEST(DecoderElems, MalformedSegments) {
  auto Elem = [](const Bytes &Seg) {
    return decodeSection(sec::Element, Bytes{0x01}.raw(Seg));
  };
  // Flags 8 followed by bytes that would be well-formed if the flags were
  // read as bits (active, offset, element kind, no elements).
  EXPECT_TRUE(failsWith(Elem(Bytes{0x08}.i32Const(0).end().raw({0x00, 0x00})), Malformed,
                        ""));
  // Element kind other than 0x00 (funcref).
  EXPECT_TRUE(failsWith(Elem(Bytes{0x01, 0x01, 0x00}), Malformed, ""));
  // binary.wast: a value type where a reference type belongs.
  EXPECT_TRUE(failsWith(Elem(Bytes{0x05, 0x7f, 0x01}.refFunc(0).end()), Malformed,
                        "malformed reference type"));
  EXPECT_TRUE(failsWith(Elem(Bytes{0x00}.i32Const(0)), Malformed, "unexpected end"));
}

//===--- Data segments and the data count ---------------------------------===//

TEST(DecoderData, ThreeEncodings) {
  ModuleBuilder B;
  B.memory(1);
  B.data(Bytes{0x00}.i32Const(16).end().name("hi"));
  B.data(Bytes{0x01}.name("passive"));
  B.data(Bytes{0x02, 0x01}.i32Const(32).end().name(""));
  auto M = decodeOk(B.build());
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Datas.size(), 3u);

  const DataSegment &A = M->Datas[0];
  EXPECT_EQ(A.Mode, SegmentMode::Active);
  EXPECT_EQ(A.Memory, 0u);
  EXPECT_EQ(A.Offset.First.i32(), 16);
  ASSERT_EQ(A.Init.Size, 2u);
  EXPECT_EQ(std::string(reinterpret_cast<const char *>(M->data(A.Init)), 2), "hi");

  const DataSegment &P = M->Datas[1];
  EXPECT_EQ(P.Mode, SegmentMode::Passive);
  EXPECT_EQ(std::string(reinterpret_cast<const char *>(M->data(P.Init)), P.Init.Size),
            "passive");

  const DataSegment &X = M->Datas[2];
  EXPECT_EQ(X.Mode, SegmentMode::Active);
  EXPECT_EQ(X.Memory, 1u);
  EXPECT_EQ(X.Offset.First.i32(), 32);
  EXPECT_EQ(X.Init.Size, 0u);
}

TEST(DecoderData, MalformedSegments) {
  auto Data = [](const Bytes &Seg) {
    return decodeSection(sec::Data, Bytes{0x01}.raw(Seg));
  };
  // Flags 3 followed by what would be a well-formed flags-0 segment.
  EXPECT_TRUE(failsWith(Data(Bytes{0x03}.i32Const(0).end().byte(0x00)), Malformed, ""));
  EXPECT_TRUE(failsWith(Data(Bytes{0x01, 0x05, 'a', 'b'}), Malformed, "unexpected end"));
  // A passive segment followed by a byte that belongs to nothing.
  EXPECT_TRUE(failsWith(decodeSection(sec::Data, Bytes{0x01, 0x01, 0x00, 0x00}),
                        Malformed, "section size mismatch"));
}

TEST(DecoderDataCount, MustMatchTheDataSection) {
  Bytes OneSegment = section(sec::Data, Bytes{0x01, 0x01, 0x00});
  EXPECT_TRUE(
      succeeds(decode(moduleBytes({section(sec::DataCount, Bytes{0x01}), OneSegment}))));
  EXPECT_TRUE(
      failsWith(decode(moduleBytes({section(sec::DataCount, Bytes{0x02}), OneSegment})),
                Malformed, "data count and data section have inconsistent lengths"));
  EXPECT_TRUE(failsWith(decodeSection(sec::DataCount, Bytes{0x01}), Malformed,
                        "data count and data section have inconsistent lengths"));
  // A count of zero needs no data section.
  EXPECT_TRUE(succeeds(decodeSection(sec::DataCount, Bytes{0x00})));
}

//===--- Custom sections --------------------------------------------------===//

TEST(DecoderCustom, RecordedWhereverTheyAppear) {
  std::vector<uint8_t> Bin = moduleBytes(
      {section(sec::Custom, Bytes().name("first").raw({1, 2, 3})), voidType(),
       section(sec::Custom, Bytes().name("middle")), funcSection(1), codeSection(1),
       section(sec::Custom, Bytes().name("last").raw("payload"))});
  auto M = decodeOk(Bin);
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Customs.size(), 3u);
  EXPECT_EQ(M->Customs[0].Name, "first");
  EXPECT_EQ(M->Customs[0].Contents.Size, 3u);
  EXPECT_EQ(M->data(M->Customs[0].Contents)[2], 3);
  EXPECT_EQ(M->Customs[1].Name, "middle");
  EXPECT_EQ(M->Customs[1].Contents.Size, 0u);
  EXPECT_EQ(M->Customs[2].Name, "last");
  EXPECT_EQ(M->Customs[2].Contents.Offset + 7, Bin.size());
}

TEST(DecoderCustom, MalformedFraming) {
  // custom.wast: a custom section too short for its name.
  EXPECT_TRUE(failsWith(decodeRaw(Bytes{0x00, 0x00}), Malformed, "unexpected end"));
  EXPECT_TRUE(
      failsWith(decodeSection(sec::Custom, Bytes{0x05, 'a', 'b'}), Malformed, ""));
  EXPECT_TRUE(failsWith(decodeSection(sec::Custom, Bytes().name("\xe0\x80\x80")),
                        Malformed, "malformed UTF-8 encoding"));
  // custom.wast: a module appended to a module.
  std::vector<uint8_t> Twice =
      moduleBytes({Bytes{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00}});
  EXPECT_TRUE(failsWith(decode(Twice), Malformed, "length out of bounds"));
}

TEST(DecoderCustom, ContentsAreNotInterpreted) {
  // Anything may follow the name, except in the `name` section, and even a
  // broken `name` section leaves the module well-formed.
  EXPECT_TRUE(
      succeeds(decodeSection(sec::Custom, Bytes().name("x").raw({0xff, 0xff, 0x80}))));
  EXPECT_TRUE(
      succeeds(decodeSection(sec::Custom, Bytes().name("name").raw({0x01, 0xff, 0x80}))));
}

} // namespace
