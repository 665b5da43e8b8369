//===--- ModuleBuilder.cpp - Encoders and section assembly for tests ------===//
//
/// \file
/// The encoders write the canonical (shortest) forms unless a test asks for
/// padding, so a test that needs an unusual encoding says so explicitly.
//
//===----------------------------------------------------------------------===//
#include "ModuleBuilder.h"

#include <cstring>

namespace wasmc::test {

//===--- Bytes ------------------------------------------------------------===//

Bytes &Bytes::byte(uint8_t B) {
  Data.push_back(B);
  return *this;
}

Bytes &Bytes::raw(std::initializer_list<uint8_t> Bs) {
  Data.insert(Data.end(), Bs.begin(), Bs.end());
  return *this;
}

Bytes &Bytes::raw(const Bytes &Other) {
  Data.insert(Data.end(), Other.Data.begin(), Other.Data.end());
  return *this;
}

Bytes &Bytes::raw(std::string_view S) {
  Data.insert(Data.end(), S.begin(), S.end());
  return *this;
}

Bytes &Bytes::u32(uint64_t V) {
  do {
    uint8_t B = V & 0x7f;
    V >>= 7;
    Data.push_back(V ? B | 0x80 : B);
  } while (V);
  return *this;
}

Bytes &Bytes::u32Padded(uint64_t V, unsigned NumBytes) {
  for (unsigned I = 0; I < NumBytes; ++I) {
    uint8_t B = V & 0x7f;
    V >>= 7;
    Data.push_back(I + 1 < NumBytes ? B | 0x80 : B);
  }
  return *this;
}

// Stops once the remaining value is all sign bits and the sign bit of the
// byte just written agrees with it.
Bytes &Bytes::s64(int64_t V) {
  for (;;) {
    uint8_t B = V & 0x7f;
    V >>= 7; // arithmetic shift: C++20 defines it for negative values
    bool Done = (V == 0 && !(B & 0x40)) || (V == -1 && (B & 0x40));
    Data.push_back(Done ? B : B | 0x80);
    if (Done)
      return *this;
  }
}

Bytes &Bytes::f32(float V) {
  uint8_t Raw[4];
  std::memcpy(Raw, &V, 4);
  Data.insert(Data.end(), Raw, Raw + 4);
  return *this;
}

Bytes &Bytes::f64(double V) {
  uint8_t Raw[8];
  std::memcpy(Raw, &V, 8);
  Data.insert(Data.end(), Raw, Raw + 8);
  return *this;
}

Bytes &Bytes::name(std::string_view S) { return u32(S.size()).raw(S); }

Bytes &Bytes::sized(const Bytes &Contents) { return u32(Contents.size()).raw(Contents); }

Bytes &Bytes::op(Opcode Op) {
  const OpInfo &Info = opInfo(Op);
  if (Info.Prefix == 0)
    return byte(uint8_t(Info.Code));
  return byte(Info.Prefix).u32(Info.Code);
}

Bytes section(uint8_t Id, const Bytes &Contents) {
  return Bytes().byte(Id).sized(Contents);
}

std::vector<uint8_t> moduleBytes(std::initializer_list<Bytes> Parts) {
  Bytes M{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  for (const Bytes &P : Parts)
    M.raw(P);
  return M.vec();
}

//===--- ModuleBuilder ----------------------------------------------------===//

namespace {

Bytes limits(uint32_t Min, std::optional<uint32_t> Max) {
  Bytes B;
  if (Max)
    B.byte(0x01).u32(Min).u32(*Max);
  else
    B.byte(0x00).u32(Min);
  return B;
}

/// A vector section: the element count, then the elements' bytes.
void appendVecSection(Bytes &Out, uint8_t Id, uint32_t Count, const Bytes &Elems) {
  if (Count == 0)
    return;
  Out.raw(section(Id, Bytes().u32(Count).raw(Elems)));
}

} // namespace

uint32_t ModuleBuilder::type(std::vector<ValType> Params, std::vector<ValType> Results) {
  Types.byte(0x60).u32(Params.size());
  for (ValType T : Params)
    Types.valType(T);
  Types.u32(Results.size());
  for (ValType T : Results)
    Types.valType(T);
  return NumTypes++;
}

uint32_t ModuleBuilder::import(std::string_view Mod, std::string_view Name, ExternKind K,
                               const Bytes &Desc) {
  Imports.name(Mod).name(Name).byte(uint8_t(K)).raw(Desc);
  ++NumImports;
  switch (K) {
  case ExternKind::Func:
    return NumImportedFuncs++;
  case ExternKind::Table:
    return NumImportedTables++;
  case ExternKind::Memory:
    return NumImportedMemories++;
  case ExternKind::Global:
    return NumImportedGlobals++;
  }
  return 0;
}

uint32_t ModuleBuilder::importFunc(std::string_view Mod, std::string_view Name,
                                   uint32_t Type) {
  return import(Mod, Name, ExternKind::Func, Bytes().u32(Type));
}

uint32_t ModuleBuilder::importTable(std::string_view Mod, std::string_view Name,
                                    ValType Elem, uint32_t Min,
                                    std::optional<uint32_t> Max) {
  return import(Mod, Name, ExternKind::Table,
                Bytes().valType(Elem).raw(limits(Min, Max)));
}

uint32_t ModuleBuilder::importMemory(std::string_view Mod, std::string_view Name,
                                     uint32_t Min, std::optional<uint32_t> Max) {
  return import(Mod, Name, ExternKind::Memory, limits(Min, Max));
}

uint32_t ModuleBuilder::importGlobal(std::string_view Mod, std::string_view Name,
                                     ValType T, bool Mutable) {
  return import(Mod, Name, ExternKind::Global, Bytes().valType(T).byte(Mutable ? 1 : 0));
}

uint32_t ModuleBuilder::func(uint32_t Type, std::vector<Locals> Ls, const Bytes &Body) {
  Funcs.u32(Type);
  Bytes Entry;
  Entry.u32(Ls.size());
  for (const Locals &L : Ls)
    Entry.u32(L.Count).valType(L.Type);
  Entry.raw(Body);
  Codes.sized(Entry);
  return NumImportedFuncs + NumFuncs++;
}

uint32_t ModuleBuilder::table(ValType Elem, uint32_t Min, std::optional<uint32_t> Max) {
  Tables.valType(Elem).raw(limits(Min, Max));
  return NumImportedTables + NumTables++;
}

uint32_t ModuleBuilder::memory(uint32_t Min, std::optional<uint32_t> Max) {
  Memories.raw(limits(Min, Max));
  return NumImportedMemories + NumMemories++;
}

uint32_t ModuleBuilder::global(ValType T, bool Mutable, const Bytes &Init) {
  Globals.valType(T).byte(Mutable ? 1 : 0).raw(Init).end();
  return NumImportedGlobals + NumGlobals++;
}

void ModuleBuilder::exportAs(std::string_view Name, ExternKind Kind, uint32_t Index) {
  Exports.name(Name).byte(uint8_t(Kind)).u32(Index);
  ++NumExports;
}

void ModuleBuilder::elem(const Bytes &Segment) {
  Elems.raw(Segment);
  ++NumElems;
}

void ModuleBuilder::elemFuncs(uint32_t Offset, std::vector<uint32_t> Funcs) {
  Bytes Seg;
  Seg.byte(0x00).i32Const(int32_t(Offset)).end().u32(Funcs.size());
  for (uint32_t F : Funcs)
    Seg.u32(F);
  elem(Seg);
}

void ModuleBuilder::data(const Bytes &Segment) {
  Datas.raw(Segment);
  ++NumDatas;
}

void ModuleBuilder::activeData(uint32_t Offset, std::string_view Contents) {
  data(Bytes().byte(0x00).i32Const(int32_t(Offset)).end().name(Contents));
}

void ModuleBuilder::custom(std::string_view Name, const Bytes &Contents) {
  Customs.raw(section(sec::Custom, Bytes().name(Name).raw(Contents)));
}

std::vector<uint8_t> ModuleBuilder::build() const {
  Bytes M{0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  appendVecSection(M, sec::Type, NumTypes, Types);
  appendVecSection(M, sec::Import, NumImports, Imports);
  appendVecSection(M, sec::Function, NumFuncs, Funcs);
  appendVecSection(M, sec::Table, NumTables, Tables);
  appendVecSection(M, sec::Memory, NumMemories, Memories);
  appendVecSection(M, sec::Global, NumGlobals, Globals);
  appendVecSection(M, sec::Export, NumExports, Exports);
  if (Start)
    M.raw(section(sec::Start, Bytes().u32(*Start)));
  appendVecSection(M, sec::Element, NumElems, Elems);
  if (DataCount)
    M.raw(section(sec::DataCount, Bytes().u32(*DataCount)));
  appendVecSection(M, sec::Code, NumFuncs, Codes);
  appendVecSection(M, sec::Data, NumDatas, Datas);
  if (!FuncNames.empty()) {
    Bytes Map;
    Map.u32(FuncNames.size());
    for (const auto &[Index, Name] : FuncNames)
      Map.u32(Index).name(Name);
    Bytes Sub;
    Sub.byte(1).sized(Map); // subsection 1: function names
    M.raw(section(sec::Custom, Bytes().name("name").raw(Sub)));
  }
  M.raw(Customs);
  return M.vec();
}

} // namespace wasmc::test
