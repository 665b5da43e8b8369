//===--- Decoder.cpp - One pass over the sections of a .wasm binary -------===//
//
/// \file
/// Section framing, ordering and the contents of every known section. Each
/// section is read through its own Reader bounded by the section size, so
/// nothing reads past a section and a short section is caught at its end.
/// Vector counts are checked against the bytes left (Reader::readCount)
/// before anything is reserved: a hostile count cannot make us allocate.
/// Instruction sequences are not interpreted here; code bodies are only
/// delimited (see CodeSyntax.cpp and the validator).
//
//===----------------------------------------------------------------------===//
#include "wasm/Decoder.h"
#include "wasm/NameSection.h"

namespace wasmc {

namespace {

enum SectionId : uint8_t {
  CustomId = 0, TypeId, ImportId, FunctionId, TableId, MemoryId, GlobalId,
  ExportId, StartId, ElementId, CodeId, DataId, DataCountId,
};

/// Position of each section id in the required order (data count sits
/// between element and code); custom sections may appear anywhere.
unsigned sectionRank(uint8_t Id) {
  static const unsigned Rank[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
  return Rank[Id];
}

const char *sectionName(uint8_t Id) {
  static const char *Names[] = {"custom", "type",   "import", "function",
                                "table",  "memory", "global", "export",
                                "start",  "element", "code",  "data",
                                "data count"};
  return Id < 13 ? Names[Id] : "unknown";
}

Status limitError(const Reader &R, const char *What, uint64_t Limit) {
  return makeError(ErrorKind::Limit, R.offset(),
                   std::string("too many ") + What + " (implementation limit " +
                       std::to_string(Limit) + ")");
}

class Decoder {
public:
  explicit Decoder(Module &M) : M(M) {}
  Status decode();

private:
  Status decodeSection(uint8_t Id, Reader &R);
  Status readValType(Reader &R, ValType &Out);
  Status readRefType(Reader &R, ValType &Out);
  Status readLimits(Reader &R, Limits &Out);
  Status readTableType(Reader &R, TableType &Out);
  Status readGlobalType(Reader &R, GlobalType &Out);
  Status readConstExpr(Reader &R, ConstExpr &Out);
  Status readFuncIndexInits(Reader &R, ElemSegment &Seg);
  Status readExprInits(Reader &R, ElemSegment &Seg);

  Status decodeTypes(Reader &R);
  Status decodeImports(Reader &R);
  Status decodeFunctions(Reader &R);
  Status decodeTables(Reader &R);
  Status decodeMemories(Reader &R);
  Status decodeGlobals(Reader &R);
  Status decodeExports(Reader &R);
  Status decodeStart(Reader &R);
  Status decodeElements(Reader &R);
  Status decodeDataCount(Reader &R);
  Status decodeCode(Reader &R);
  Status decodeData(Reader &R);
  Status decodeCustom(Reader &R, uint64_t SectionOffset);

  Module &M;
  bool SawFunctionSection = false, SawCodeSection = false,
       SawDataSection = false;
};

Status Decoder::decode() {
  const std::vector<uint8_t> &B = M.Bytes;
  if (B.size() > limits::MaxModuleSize)
    return makeError(ErrorKind::Limit, 0, "module larger than 1 GiB");
  Reader R(B.data(), B.data() + B.size());
  static const uint8_t Magic[4] = {0x00, 0x61, 0x73, 0x6d};
  const uint8_t *MagicBytes;
  WASMC_TRY(R.readBytes(4, MagicBytes));
  if (std::memcmp(MagicBytes, Magic, 4) != 0)
    return makeError(ErrorKind::Malformed, 0, "magic header not detected");
  uint32_t Version;
  WASMC_TRY(R.readFixed32(Version));
  if (Version != 1)
    return makeError(ErrorKind::Malformed, 4, "unknown binary version");

  unsigned LastRank = 0;
  while (!R.atEnd()) {
    uint64_t SectionOffset = R.offset();
    uint8_t Id;
    WASMC_TRY(R.readByte(Id));
    if (Id > DataCountId)
      return makeError(ErrorKind::Malformed, SectionOffset, "malformed section id");
    uint32_t Size;
    WASMC_TRY(R.readU32(Size));
    if (Size > R.remaining())
      return R.error("length out of bounds: section size exceeds the module");
    if (Id != CustomId) {
      unsigned Rank = sectionRank(Id);
      if (Rank <= LastRank)
        return makeError(ErrorKind::Malformed, SectionOffset,
                         std::string("unexpected content after last section: ") +
                             sectionName(Id) + " section out of order or repeated");
      LastRank = Rank;
    }
    const uint8_t *Contents;
    WASMC_TRY(R.readBytes(Size, Contents));
    Reader S = Reader::forPart(Contents, Contents + Size, R.offset() - Size);
    Status St = Id == CustomId ? decodeCustom(S, SectionOffset) : decodeSection(Id, S);
    if (!St.ok()) {
      WasmError E = St.takeError();
      if (E.Context.empty())
        E.Context = std::string(sectionName(Id)) + " section";
      return E;
    }
    if (!S.atEnd())
      return makeError(ErrorKind::Malformed, S.offset(),
                       std::string("section size mismatch: ") + sectionName(Id) +
                           " section has unread bytes");
  }

  if (SawFunctionSection != SawCodeSection && !M.Functions.empty())
    return makeError(ErrorKind::Malformed, B.size(),
                     "function and code section have inconsistent lengths");
  if (M.DataCount && !SawDataSection && *M.DataCount != 0)
    return makeError(ErrorKind::Malformed, B.size(),
                     "data count and data section have inconsistent lengths");
  return Status::success();
}

Status Decoder::decodeSection(uint8_t Id, Reader &R) {
  switch (Id) {
  case TypeId: return decodeTypes(R);
  case ImportId: return decodeImports(R);
  case FunctionId: return decodeFunctions(R);
  case TableId: return decodeTables(R);
  case MemoryId: return decodeMemories(R);
  case GlobalId: return decodeGlobals(R);
  case ExportId: return decodeExports(R);
  case StartId: return decodeStart(R);
  case ElementId: return decodeElements(R);
  case CodeId: return decodeCode(R);
  case DataId: return decodeData(R);
  case DataCountId: return decodeDataCount(R);
  }
  return R.error("malformed section id");
}

//===--- Types ------------------------------------------------------------===//

Status Decoder::readValType(Reader &R, ValType &Out) {
  uint8_t B;
  WASMC_TRY(R.readByte(B));
  if (!decodeValType(B, Out))
    return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed value type");
  return Status::success();
}

Status Decoder::readRefType(Reader &R, ValType &Out) {
  uint8_t B;
  WASMC_TRY(R.readByte(B));
  if (!decodeValType(B, Out) || !isRefType(Out))
    return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed reference type");
  return Status::success();
}

Status Decoder::readLimits(Reader &R, Limits &Out) {
  // The flags are a one-bit LEB128 number: 0x80 continues it ("too long"),
  // any bit above bit 0 makes it too large.
  uint64_t Flags;
  WASMC_TRY(R.readVarU1(Flags));
  uint32_t Min;
  WASMC_TRY(R.readU32(Min));
  Out.Min = Min;
  Out.Max.reset();
  if (Flags & 1) {
    uint32_t Max;
    WASMC_TRY(R.readU32(Max));
    Out.Max = Max;
  }
  return Status::success();
}

Status Decoder::readTableType(Reader &R, TableType &Out) {
  WASMC_TRY(readRefType(R, Out.Elem));
  return readLimits(R, Out.Lim);
}

Status Decoder::readGlobalType(Reader &R, GlobalType &Out) {
  WASMC_TRY(readValType(R, Out.Type));
  uint8_t Mut;
  WASMC_TRY(R.readByte(Mut));
  if (Mut > 1)
    return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed mutability");
  Out.Mutable = Mut == 1;
  return Status::success();
}

Status Decoder::decodeTypes(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (N > limits::MaxTypes)
    return limitError(R, "types", limits::MaxTypes);
  M.Types.resize(N);
  for (FuncType &T : M.Types) {
    uint8_t Form;
    WASMC_TRY(R.readByte(Form));
    if (Form != 0x60)
      return makeError(ErrorKind::Malformed, R.offset() - 1,
                       "integer representation too long: malformed function type form");
    uint32_t NP;
    WASMC_TRY(R.readCount(NP));
    if (NP > limits::MaxParams)
      return limitError(R, "function parameters", limits::MaxParams);
    T.Params.resize(NP);
    for (ValType &V : T.Params)
      WASMC_TRY(readValType(R, V));
    uint32_t NR;
    WASMC_TRY(R.readCount(NR));
    if (NR > limits::MaxResults)
      return limitError(R, "function results", limits::MaxResults);
    T.Results.resize(NR);
    for (ValType &V : T.Results)
      WASMC_TRY(readValType(R, V));
  }
  return Status::success();
}

//===--- Imports and exports ----------------------------------------------===//

Status Decoder::decodeImports(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (N > limits::MaxImports)
    return limitError(R, "imports", limits::MaxImports);
  M.Imports.resize(N);
  for (uint32_t I = 0; I < N; ++I) {
    Import &Imp = M.Imports[I];
    Imp.Offset = R.offset();
    WASMC_TRY(R.readName(Imp.Module));
    WASMC_TRY(R.readName(Imp.Name));
    uint8_t Kind;
    WASMC_TRY(R.readByte(Kind));
    switch (Kind) {
    case 0:
      Imp.Kind = ExternKind::Func;
      WASMC_TRY(R.readU32(Imp.FuncTypeIndex));
      M.ImportedFuncs.push_back(I);
      break;
    case 1:
      Imp.Kind = ExternKind::Table;
      WASMC_TRY(readTableType(R, Imp.Table));
      M.ImportedTables.push_back(I);
      break;
    case 2:
      Imp.Kind = ExternKind::Memory;
      WASMC_TRY(readLimits(R, Imp.Memory.Lim));
      M.ImportedMemories.push_back(I);
      break;
    case 3:
      Imp.Kind = ExternKind::Global;
      WASMC_TRY(readGlobalType(R, Imp.Global));
      M.ImportedGlobals.push_back(I);
      break;
    default:
      return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed import kind");
    }
  }
  M.NumImportedFuncs = uint32_t(M.ImportedFuncs.size());
  M.NumImportedTables = uint32_t(M.ImportedTables.size());
  M.NumImportedMemories = uint32_t(M.ImportedMemories.size());
  M.NumImportedGlobals = uint32_t(M.ImportedGlobals.size());
  if (M.NumImportedFuncs > limits::MaxFunctions)
    return limitError(R, "functions", limits::MaxFunctions);
  return Status::success();
}

Status Decoder::decodeExports(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (N > limits::MaxExports)
    return limitError(R, "exports", limits::MaxExports);
  M.Exports.resize(N);
  for (Export &E : M.Exports) {
    E.Offset = R.offset();
    WASMC_TRY(R.readName(E.Name));
    uint8_t Kind;
    WASMC_TRY(R.readByte(Kind));
    if (Kind > 3)
      return makeError(ErrorKind::Malformed, R.offset() - 1, "malformed export kind");
    E.Kind = static_cast<ExternKind>(Kind);
    WASMC_TRY(R.readU32(E.Index));
  }
  return Status::success();
}

//===--- Functions, tables, memories, globals, start ----------------------===//

Status Decoder::decodeFunctions(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (uint64_t(N) + M.NumImportedFuncs > limits::MaxFunctions)
    return limitError(R, "functions", limits::MaxFunctions);
  SawFunctionSection = true;
  M.Functions.resize(N);
  for (Function &F : M.Functions)
    WASMC_TRY(R.readU32(F.TypeIndex));
  return Status::success();
}

Status Decoder::decodeTables(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (uint64_t(N) + M.NumImportedTables > limits::MaxTables)
    return limitError(R, "tables", limits::MaxTables);
  M.Tables.resize(N);
  for (TableType &T : M.Tables)
    WASMC_TRY(readTableType(R, T));
  return Status::success();
}

Status Decoder::decodeMemories(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  M.Memories.resize(N);
  for (MemoryType &T : M.Memories)
    WASMC_TRY(readLimits(R, T.Lim));
  return Status::success();
}

Status Decoder::decodeGlobals(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (uint64_t(N) + M.NumImportedGlobals > limits::MaxGlobals)
    return limitError(R, "globals", limits::MaxGlobals);
  M.Globals.resize(N);
  for (Global &G : M.Globals) {
    WASMC_TRY(readGlobalType(R, G.Type));
    WASMC_TRY(readConstExpr(R, G.Init));
  }
  return Status::success();
}

Status Decoder::decodeStart(Reader &R) {
  uint32_t Index;
  WASMC_TRY(R.readU32(Index));
  M.Start = Index;
  return Status::success();
}

//===--- Constant expressions ---------------------------------------------===//

// Reads instructions up to the `end` that closes the expression. Nested
// blocks are tracked only so that an inner `end` does not stop the scan;
// whether the instructions are constant is the validator's question.
Status Decoder::readConstExpr(Reader &R, ConstExpr &Out) {
  Out.Bytes.Offset = R.offset();
  Out.NumInstrs = 0;
  InstrReader IR(R);
  Instr I;
  unsigned Depth = 0;
  for (;;) {
    WASMC_TRY(IR.read(I));
    if (I.Op == Opcode::End) {
      if (Depth == 0)
        break;
      --Depth;
    } else if (I.Op == Opcode::Block || I.Op == Opcode::Loop || I.Op == Opcode::If) {
      ++Depth;
    }
    if (Out.NumInstrs++ == 0)
      Out.First = I;
  }
  Out.Bytes.Size = R.offset() - Out.Bytes.Offset;
  return Status::success();
}

//===--- Element segments -------------------------------------------------===//

Status Decoder::readFuncIndexInits(Reader &R, ElemSegment &Seg) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  Seg.Inits.resize(N);
  for (ConstExpr &E : Seg.Inits) {
    E.Bytes.Offset = R.offset();
    E.First.Offset = R.offset();
    E.First.Op = Opcode::RefFunc;
    WASMC_TRY(R.readU32(E.First.Index));
    E.Bytes.Size = 0; // no expression bytes: a bare function index
    E.NumInstrs = 1;
  }
  return Status::success();
}

Status Decoder::readExprInits(Reader &R, ElemSegment &Seg) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  Seg.Inits.resize(N);
  for (ConstExpr &E : Seg.Inits)
    WASMC_TRY(readConstExpr(R, E));
  return Status::success();
}

// The eight encodings of an element segment: bit 0 passive/declarative,
// bit 1 explicit table index (active) or declarative (not active), bit 2
// expressions instead of function indices.
Status Decoder::decodeElements(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  if (N > limits::MaxElemSegments)
    return limitError(R, "element segments", limits::MaxElemSegments);
  M.Elems.resize(N);
  for (ElemSegment &Seg : M.Elems) {
    Seg.SegOffset = R.offset();
    uint32_t Flags;
    WASMC_TRY(R.readU32(Flags));
    if (Flags > 7)
      return makeError(ErrorKind::Malformed, Seg.SegOffset,
                       "malformed elements segment kind");
    bool NotActive = Flags & 1, ExplicitOrDeclared = Flags & 2,
         Exprs = Flags & 4;
    Seg.Mode = !NotActive ? SegmentMode::Active
               : ExplicitOrDeclared ? SegmentMode::Declarative
                                    : SegmentMode::Passive;
    Seg.Table = 0;
    if (Seg.Mode == SegmentMode::Active) {
      if (ExplicitOrDeclared)
        WASMC_TRY(R.readU32(Seg.Table));
      WASMC_TRY(readConstExpr(R, Seg.Offset));
    }
    Seg.Type = ValType::FuncRef;
    // Flags 0 and 4 imply funcref; the others spell out an element kind
    // (0x00 = funcref) or a reference type.
    if (Flags != 0 && Flags != 4) {
      if (Exprs) {
        WASMC_TRY(readRefType(R, Seg.Type));
      } else {
        uint8_t Kind;
        WASMC_TRY(R.readByte(Kind));
        if (Kind != 0)
          return makeError(ErrorKind::Malformed, R.offset() - 1,
                           "malformed element kind");
      }
    }
    WASMC_TRY(Exprs ? readExprInits(R, Seg) : readFuncIndexInits(R, Seg));
  }
  return Status::success();
}

//===--- Code -------------------------------------------------------------===//

Status Decoder::decodeCode(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  SawCodeSection = true;
  if (N != M.Functions.size())
    return R.error("function and code section have inconsistent lengths");
  for (Function &F : M.Functions) {
    F.CodeOffset = R.offset();
    uint32_t Size;
    WASMC_TRY(R.readU32(Size));
    if (Size > limits::MaxFunctionBodySize)
      return makeError(ErrorKind::Limit, F.CodeOffset,
                       "function body larger than the implementation limit of " +
                           std::to_string(limits::MaxFunctionBodySize) + " bytes");
    const uint8_t *BodyBytes;
    WASMC_TRY(R.readBytes(Size, BodyBytes));
    Reader B = Reader::forPart(BodyBytes, BodyBytes + Size, R.offset() - Size);
    uint32_t NumGroups;
    WASMC_TRY(B.readCount(NumGroups));
    F.Locals.resize(NumGroups);
    uint64_t Total = 0;
    for (LocalGroup &G : F.Locals) {
      WASMC_TRY(B.readU32(G.Count));
      WASMC_TRY(readValType(B, G.Type));
      Total += G.Count;
      if (Total > UINT32_MAX)
        return B.error("too many locals");
    }
    if (Total > limits::MaxLocals)
      return makeError(ErrorKind::Limit, F.CodeOffset,
                       "too many locals (implementation limit " +
                           std::to_string(limits::MaxLocals) + ")");
    F.NumLocals = uint32_t(Total);
    F.Body.Offset = B.offset();
    F.Body.Size = B.remaining();
  }
  return Status::success();
}

//===--- Data -------------------------------------------------------------===//

Status Decoder::decodeDataCount(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readU32(N));
  M.DataCount = N;
  return Status::success();
}

Status Decoder::decodeData(Reader &R) {
  uint32_t N;
  WASMC_TRY(R.readCount(N));
  SawDataSection = true;
  if (N > limits::MaxDataSegments)
    return limitError(R, "data segments", limits::MaxDataSegments);
  if (M.DataCount && *M.DataCount != N)
    return R.error("data count and data section have inconsistent lengths");
  M.Datas.resize(N);
  for (DataSegment &Seg : M.Datas) {
    Seg.SegOffset = R.offset();
    uint32_t Flags;
    WASMC_TRY(R.readU32(Flags));
    if (Flags > 2)
      return makeError(ErrorKind::Malformed, Seg.SegOffset,
                       "malformed data segment kind");
    Seg.Mode = Flags == 1 ? SegmentMode::Passive : SegmentMode::Active;
    Seg.Memory = 0;
    if (Flags == 2)
      WASMC_TRY(R.readU32(Seg.Memory));
    if (Seg.Mode == SegmentMode::Active)
      WASMC_TRY(readConstExpr(R, Seg.Offset));
    uint32_t Len;
    WASMC_TRY(R.readU32(Len));
    if (Len > R.remaining())
      return R.error("unexpected end of section or function: data segment too long");
    Seg.Init.Offset = R.offset();
    Seg.Init.Size = Len;
    const uint8_t *Skip;
    WASMC_TRY(R.readBytes(Len, Skip));
  }
  return Status::success();
}

//===--- Custom sections --------------------------------------------------===//

Status Decoder::decodeCustom(Reader &R, uint64_t SectionOffset) {
  CustomSection C;
  WASMC_TRY(R.readName(C.Name));
  C.Contents.Offset = R.offset();
  C.Contents.Size = R.remaining();
  const uint8_t *Contents;
  WASMC_TRY(R.readBytes(R.remaining(), Contents));
  if (C.Name == "name")
    decodeNameSection(M, Reader(Contents, Contents + C.Contents.Size,
                                C.Contents.Offset));
  M.Customs.push_back(std::move(C));
  return Status::success();
}

} // namespace

Result<std::unique_ptr<Module>> decodeModule(std::vector<uint8_t> Bytes) {
  auto M = std::make_unique<Module>();
  M->Bytes = std::move(Bytes);
  Decoder D(*M);
  WASMC_TRY(D.decode());
  return M;
}

} // namespace wasmc
