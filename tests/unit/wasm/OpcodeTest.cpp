//===--- OpcodeTest.cpp - Invariants of the opcode table ------------------===//
//
/// \file
/// Checks Opcodes.def against itself (lookup round trip, unique encodings
/// and names, immediates consistent with signatures) and against an
/// independent source: wabt's own opcode table, which the packaged wabt was
/// released with and which agrees with the spec on every Wasm 2.0 encoding,
/// name and memory access width.
//
//===----------------------------------------------------------------------===//
#include "wasm/Opcode.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <string_view>

using namespace wasmc;

namespace {

Opcode opcodeAt(unsigned I) { return static_cast<Opcode>(I); }

struct WabtOp {
  unsigned Prefix;
  unsigned Code;
  const char *Text;
  unsigned MemSize;
};

// Only the encoding, text and access width of wabt's rows are used; the
// operand-type columns are dropped unexpanded.
constexpr WabtOp WabtOps[] = {
#define WABT_OPCODE(RType, T1, T2, T3, MemSize, Prefix, Code, Name, Text, Decomp)        \
  {Prefix, Code, Text, MemSize},
#include <wabt/opcode.def>
#undef WABT_OPCODE
};

//===--- The table against itself -----------------------------------------===//

TEST(OpcodeTable, EveryOpcodeRoundTripsThroughLookup) {
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    Opcode Found;
    ASSERT_TRUE(lookupOpcode(Info.Prefix, Info.Code, Found)) << Info.Text;
    EXPECT_EQ(Found, opcodeAt(I)) << Info.Text;
  }
}

TEST(OpcodeTable, EncodingsAreUniqueAndPrefixesKnown) {
  std::set<std::pair<unsigned, uint32_t>> Seen;
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    EXPECT_TRUE(Info.Prefix == 0 || Info.Prefix == 0xfc || Info.Prefix == 0xfd)
        << Info.Text;
    if (Info.Prefix == 0) {
      EXPECT_LT(Info.Code, 0xfcu) << Info.Text << " collides with a prefix";
    }
    EXPECT_TRUE(Seen.insert({Info.Prefix, Info.Code}).second) << Info.Text;
  }
}

TEST(OpcodeTable, NamesAreUniqueExceptTypedSelect) {
  // `select` and `select t` share their text name; the binary tells them
  // apart (0x1b, 0x1c). Every other instruction has a name of its own.
  std::map<std::string_view, unsigned> Count;
  for (unsigned I = 0; I < NumOpcodes; ++I)
    ++Count[opName(opcodeAt(I))];
  for (const auto &[Name, N] : Count)
    EXPECT_EQ(N, Name == "select" ? 2u : 1u) << Name;
  EXPECT_STREQ(opName(Opcode::Select), "select");
  EXPECT_STREQ(opName(Opcode::SelectT), "select");
}

TEST(OpcodeTable, UnassignedCodesAreNotFound) {
  Opcode Op;
  EXPECT_FALSE(lookupOpcode(0, 0x06, Op)); // try (exceptions)
  EXPECT_FALSE(lookupOpcode(0, 0x12, Op)); // return_call (tail calls)
  EXPECT_FALSE(lookupOpcode(0, 0xc5, Op));
  EXPECT_FALSE(lookupOpcode(0, 0xfc, Op)); // a prefix is not an opcode
  EXPECT_FALSE(lookupOpcode(0, 0xfd, Op));
  EXPECT_FALSE(lookupOpcode(0xfc, 0x12, Op));
  EXPECT_FALSE(lookupOpcode(0xfd, 0x100, Op)); // relaxed SIMD
  EXPECT_FALSE(lookupOpcode(0xfd, UINT32_MAX, Op));
  EXPECT_FALSE(lookupOpcode(0xfe, 0x00, Op)); // threads prefix
}

TEST(OpcodeTable, KnownEncodings) {
  auto Encoding = [](Opcode Op) {
    return std::pair<unsigned, uint32_t>(opInfo(Op).Prefix, opInfo(Op).Code);
  };
  using P = std::pair<unsigned, uint32_t>;
  EXPECT_EQ(Encoding(Opcode::Unreachable), P(0x00, 0x00));
  EXPECT_EQ(Encoding(Opcode::End), P(0x00, 0x0b));
  EXPECT_EQ(Encoding(Opcode::I32Add), P(0x00, 0x6a));
  EXPECT_EQ(Encoding(Opcode::MemoryGrow), P(0x00, 0x40));
  EXPECT_EQ(Encoding(Opcode::RefFunc), P(0x00, 0xd2));
  EXPECT_EQ(Encoding(Opcode::I64Extend32S), P(0x00, 0xc4));
  EXPECT_EQ(Encoding(Opcode::I32TruncSatF32S), P(0xfc, 0x00));
  EXPECT_EQ(Encoding(Opcode::TableFill), P(0xfc, 0x11));
  EXPECT_EQ(Encoding(Opcode::V128Const), P(0xfd, 0x0c));
  EXPECT_EQ(Encoding(Opcode::I8x16Shuffle), P(0xfd, 0x0d));
}

TEST(OpcodeTable, SizeOfWasm20) {
  unsigned PerPrefix[3] = {};
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    unsigned P = opInfo(opcodeAt(I)).Prefix;
    ++PerPrefix[P == 0 ? 0 : P == 0xfc ? 1 : 2];
  }
  EXPECT_EQ(PerPrefix[1], 18u);  // saturating truncation, bulk memory, tables
  EXPECT_EQ(PerPrefix[2], 236u); // fixed-width SIMD
}

//===--- Immediates and signatures ----------------------------------------===//

TEST(OpcodeTable, MemArgWidthsArePowersOfTwoUpTo16) {
  unsigned NumMemOps = 0;
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    unsigned Bytes = memAccessBytes(Info.Imm);
    std::string_view Text = Info.Text;
    bool IsAccess = Text.find(".load") != Text.npos || Text.find(".store") != Text.npos;
    EXPECT_EQ(Bytes != 0, IsAccess) << Text;
    if (!Bytes)
      continue;
    ++NumMemOps;
    EXPECT_TRUE(Bytes == 1 || Bytes == 2 || Bytes == 4 || Bytes == 8 || Bytes == 16)
        << Text;
  }
  EXPECT_EQ(NumMemOps, 23u + 22u); // MVP loads/stores + SIMD memory ops
}

TEST(OpcodeTable, LaneImmediatesMatchTheShape) {
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    unsigned Lanes = laneCount(Info.Imm);
    std::string_view Text = Info.Text;
    if (Text.find("_lane") == Text.npos) {
      EXPECT_EQ(Lanes, 0u) << Text;
      continue;
    }
    // "i16x8.extract_lane_s" has 8 lanes; "v128.load32_lane" has 128/32.
    unsigned Expected;
    if (Text.starts_with("v128.")) {
      std::string_view Op = Text.substr(5);
      size_t Digits = Op.find_first_of("0123456789");
      Expected = 128 / std::stoul(std::string(Op.substr(Digits)));
    } else {
      size_t X = Text.find('x');
      Expected = std::stoul(std::string(Text.substr(X + 1)));
    }
    EXPECT_EQ(Lanes, Expected) << Text;
  }
}

TEST(OpcodeTable, LoadsAndStoresTakeAnI32Address) {
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    if (!memAccessBytes(Info.Imm))
      continue;
    const SigInfo &S = sigInfo(Info.Signature);
    ASSERT_GE(S.NumParams, 1u) << Info.Text;
    EXPECT_EQ(S.Params[0], ValType::I32) << Info.Text;
    std::string_view Text = Info.Text;
    bool IsStore = Text.find(".store") != Text.npos;
    bool IsLane = laneCount(Info.Imm) != 0;
    // Stores return nothing; loads (and lane loads) return their value.
    EXPECT_EQ(S.HasResult, !IsStore) << Text;
    if (S.HasResult && !IsLane) {
      EXPECT_TRUE(Text.starts_with(valTypeName(S.Result))) << Text;
    }
  }
}

TEST(OpcodeTable, GenericSignaturesNameTheirTypes) {
  // For a typed non-special instruction "t.op" whose operands are all of
  // type t, the signature's types must be t: catches a row that names the
  // wrong Sig (an i64 op with an i32 signature, say).
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    if (Info.Signature == Sig::Special || memAccessBytes(Info.Imm))
      continue;
    std::string_view Text = Info.Text;
    const SigInfo &S = sigInfo(Info.Signature);
    static const std::pair<std::string_view, ValType> Prefixes[] = {
        {"i32.", ValType::I32},
        {"i64.", ValType::I64},
        {"f32.", ValType::F32},
        {"f64.", ValType::F64}};
    for (const auto &[Prefix, T] : Prefixes) {
      if (!Text.starts_with(Prefix) || Text.find('_') != Text.npos ||
          Text.find("const") != Text.npos)
        continue;
      // add, sub, eq, ... (no conversion suffixes): operands are all T.
      for (unsigned J = 0; J < S.NumParams; ++J)
        EXPECT_EQ(S.Params[J], T) << Text;
    }
  }
}

TEST(OpcodeTable, FeatureColumn) {
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    if (Info.Prefix == 0xfd) {
      EXPECT_EQ(Info.Feat, Feature::Simd) << Info.Text;
    }
  }
  EXPECT_EQ(opInfo(Opcode::I32Extend8S).Feat, Feature::SignExt);
  EXPECT_EQ(opInfo(Opcode::I64TruncSatF64U).Feat, Feature::SatConv);
  EXPECT_EQ(opInfo(Opcode::MemoryCopy).Feat, Feature::BulkMemory);
  EXPECT_EQ(opInfo(Opcode::I32Add).Feat, Feature::Mvp);
}

//===--- The table against wabt's -----------------------------------------===//

TEST(OpcodeTable, AgreesWithWabtOnTextAndAccessWidth) {
  std::map<std::pair<unsigned, unsigned>, const WabtOp *> ByEncoding;
  for (const WabtOp &W : WabtOps)
    ByEncoding[{W.Prefix, W.Code}] = &W;
  for (unsigned I = 0; I < NumOpcodes; ++I) {
    const OpInfo &Info = opInfo(opcodeAt(I));
    auto It = ByEncoding.find({Info.Prefix, Info.Code});
    ASSERT_NE(It, ByEncoding.end()) << Info.Text << " is unknown to wabt";
    EXPECT_STREQ(Info.Text, It->second->Text);
    EXPECT_EQ(memAccessBytes(Info.Imm), It->second->MemSize) << Info.Text;
  }
}

TEST(OpcodeTable, HasEverySimdAndMiscOpcodeWabtKnows) {
  // Within these ranges wabt's table holds exactly Wasm 2.0; beyond them
  // (0xfd codes >= 0x100, other prefixes) it holds later proposals.
  for (const WabtOp &W : WabtOps) {
    if (!((W.Prefix == 0xfd && W.Code < 0x100) || W.Prefix == 0xfc))
      continue;
    Opcode Op;
    EXPECT_TRUE(lookupOpcode(uint8_t(W.Prefix), W.Code, Op)) << W.Text;
  }
}

} // namespace
