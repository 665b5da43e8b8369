//===--- WatToBinary.cpp - Text format to binary through wabt -------------===//
//
/// \file
/// Owns every use of wabt's text parser and binary writer in the compiler.
/// wabt's validator is never run: validity is our validator's business.
//
//===----------------------------------------------------------------------===//
#include "text/WatToBinary.h"

#include "text/TextNesting.h"

#include "wabt/binary-writer.h"
#include "wabt/error.h"
#include "wabt/feature.h"
#include "wabt/ir.h"
#include "wabt/resolve-names.h"
#include "wabt/stream.h"
#include "wabt/wast-lexer.h"
#include "wabt/wast-parser.h"

#include <pthread.h>

namespace wasmc {

namespace {

// wabt's defaults are exactly the proposals merged into Wasm 2.0
// (multi-value, sign extension, saturating conversions, bulk memory,
// reference types, SIMD, mutable globals); enabling "all" would also turn
// on post-2.0 syntax such as exceptions and memory64.
wabt::Features wasm2Features() { return wabt::Features(); }

std::string firstMessage(const wabt::Errors &Errors) {
  for (const wabt::Error &E : Errors) {
    if (E.error_level != wabt::ErrorLevel::Error)
      continue;
    std::string S(E.loc.filename);
    S += ":" + std::to_string(E.loc.line) + ":" +
         std::to_string(E.loc.first_column) + ": " + E.message;
    return S;
  }
  return "text format parse failed";
}

bool readSectionHeader(const std::vector<uint8_t> &B, size_t &Pos, uint8_t &Id,
                       uint64_t &Size) {
  if (Pos >= B.size())
    return false;
  Id = B[Pos++];
  Size = 0;
  for (unsigned Shift = 0; Pos < B.size() && Shift < 35; Shift += 7) {
    uint8_t Byte = B[Pos++];
    Size |= uint64_t(Byte & 0x7f) << Shift;
    if (!(Byte & 0x80))
      return Size <= B.size() - Pos;
  }
  return false;
}

// wabt writes a data count section only when the module has data segments,
// but memory.init and data.drop are malformed without one. A text module
// that uses them with no segments is invalid (unknown data segment) by the
// spec, not malformed, so the binary must say "0 segments" explicitly. The
// section goes before the code section, where the binary format puts it; an
// explicit count of 0 with no data segments changes nothing else.
void addEmptyDataCount(std::vector<uint8_t> &B) {
  constexpr uint8_t CodeSection = 10, DataCountSection = 12;
  size_t Pos = 8;
  uint8_t Id;
  uint64_t Size;
  while (true) {
    size_t Start = Pos;
    if (!readSectionHeader(B, Pos, Id, Size))
      return;
    if (Id == DataCountSection)
      return;
    if (Id == CodeSection) {
      const uint8_t DataCount[] = {DataCountSection, 1, 0};
      B.insert(B.begin() + Start, std::begin(DataCount), std::end(DataCount));
      return;
    }
    Pos += Size;
  }
}

// wabt recurses once per nesting level in the parser, the name resolver,
// the writer and the IR's destructors, a few hundred bytes each (measured:
// MaxTextNesting levels fit in half of this). The pages are committed
// only as deep text touches them.
constexpr size_t TextStackBytes = size_t(1) << 30;

// Runs Fn on a thread with a stack of Bytes; false if no such thread could
// be made.
template <class F> bool runOnStack(size_t Bytes, F &Fn) {
  pthread_attr_t Attr;
  if (pthread_attr_init(&Attr) != 0)
    return false;
  pthread_t Thread;
  bool Made = pthread_attr_setstacksize(&Attr, Bytes) == 0 &&
              pthread_create(
                  &Thread, &Attr,
                  +[](void *P) -> void * {
                    (*static_cast<F *>(P))();
                    return nullptr;
                  },
                  &Fn) == 0;
  pthread_attr_destroy(&Attr);
  return Made && pthread_join(Thread, nullptr) == 0;
}

} // namespace

Result<std::vector<uint8_t>> wabtModuleToBinary(const wabt::Module &M) {
  wabt::MemoryStream Stream;
  wabt::WriteBinaryOptions Options(wasm2Features(), /*canonicalize_lebs=*/true,
                                   /*relocatable=*/false,
                                   /*write_debug_names=*/true);
  if (wabt::Failed(wabt::WriteBinaryModule(&Stream, &M, Options)))
    return makeError(ErrorKind::Malformed, UINT64_MAX,
                     "wabt could not write the binary of a text module");
  std::vector<uint8_t> Bytes = std::move(Stream.output_buffer().data);
  if (M.data_segments.empty())
    addEmptyDataCount(Bytes);
  return Bytes;
}

Result<std::vector<uint8_t>> watToBinary(std::string_view Source,
                                         const std::string &Filename) {
  WASMC_TRY(checkTextNesting(Source, Filename));
  Result<std::vector<uint8_t>> Out =
      makeError(ErrorKind::Internal, UINT64_MAX, "text parser did not run");
  // Everything wabt allocates is made and freed on the large stack.
  auto Parse = [&] {
    wabt::Errors Errors;
    std::unique_ptr<wabt::WastLexer> Lexer = wabt::WastLexer::CreateBufferLexer(
        Filename, Source.data(), Source.size(), &Errors);
    wabt::WastParseOptions ParseOptions(wasm2Features());
    std::unique_ptr<wabt::Module> M;
    if (wabt::Failed(wabt::ParseWatModule(Lexer.get(), &M, &Errors,
                                          &ParseOptions)) ||
        wabt::Failed(wabt::ResolveNamesModule(M.get(), &Errors)))
      Out = makeError(ErrorKind::Malformed, UINT64_MAX, firstMessage(Errors));
    else
      Out = wabtModuleToBinary(*M);
  };
  if (!runOnStack(TextStackBytes, Parse))
    return makeError(ErrorKind::Limit, UINT64_MAX,
                     Filename + ": cannot make a thread with a stack for the "
                                "text parser");
  return Out;
}

} // namespace wasmc
