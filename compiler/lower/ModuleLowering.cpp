//===--- ModuleLowering.cpp - ValidatedModule to LLVM IR ------------------===//
//
/// \file
/// The lowering's top level: checks what the AOT backend does not support
/// (SIMD, hosts other than 64-bit little-endian), declares the part's
/// functions, lowers their bodies in index order, then, in the part that
/// has it, emits the invoke trampolines and the module description. Everything is emitted in a fixed order, so equal
/// inputs give byte-identical modules.
//
//===----------------------------------------------------------------------===//
#include "lower/ModuleLowering.h"

#include "lower/FunctionLowering.h"
#include "lower/LowerError.h"
#include "lower/LoweringContext.h"
#include "lower/ModuleInfo.h"
#include "lower/Trampolines.h"

#include <string>

namespace wasmc::lower {

static const char *const SimdMessage = "SIMD is not yet supported by the AOT backend";

static llvm::Error simdError(uint64_t Offset, const std::string &Where) {
  return makeLlvmError(ErrorKind::Unsupported, Offset,
                   std::string(SimdMessage) + " (v128 in " + Where + ")");
}

/// v128 outside code bodies: in a type, an imported or defined global, or a
/// local. Bodies are checked as they are lowered (SIMD opcodes, v128 block
/// results and typed selects).
static llvm::Error checkNoV128(const Module &WM) {
  auto HasV128 = [](const std::vector<ValType> &Ts) {
    for (ValType T : Ts)
      if (T == ValType::V128)
        return true;
    return false;
  };
  for (size_t I = 0; I < WM.Types.size(); ++I)
    if (HasV128(WM.Types[I].Params) || HasV128(WM.Types[I].Results))
      return simdError(UINT64_MAX, "type " + std::to_string(I));
  for (const Import &Imp : WM.Imports)
    if (Imp.Kind == ExternKind::Global && Imp.Global.Type == ValType::V128)
      return simdError(Imp.Offset, "imported global");
  for (size_t I = 0; I < WM.Globals.size(); ++I)
    if (WM.Globals[I].Type.Type == ValType::V128)
      return simdError(WM.Globals[I].Init.Bytes.Offset, "global");
  for (const Function &F : WM.Functions)
    for (const LocalGroup &G : F.Locals)
      if (G.Type == ValType::V128)
        return simdError(F.CodeOffset, "locals");
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::Module>>
lowerPart(const wasmc::ValidatedModule &VM, const PartPlan &Plan, size_t PartIndex,
          llvm::LLVMContext &Ctx, const llvm::TargetMachine &TM,
          const LowerOptions &Opts) {
  const Module &WM = VM.module();
  if (llvm::Error E = checkNoV128(WM))
    return E;

  auto LM = std::make_unique<llvm::Module>(
      WM.ModuleName.empty() ? "wasm" : WM.ModuleName, Ctx);
  LM->setTargetTriple(TM.getTargetTriple().str());
  LM->setDataLayout(TM.createDataLayout());
  // rt_value initializers assume little-endian word order, and guard mode's
  // 8 GiB reservation needs a 64-bit address space.
  const llvm::DataLayout &DL = LM->getDataLayout();
  if (!DL.isLittleEndian() || DL.getPointerSizeInBits() != 64)
    return makeLlvmError(ErrorKind::Unsupported, UINT64_MAX,
                     "the AOT backend supports 64-bit little-endian targets only");

  const Part &P = Plan.Parts[PartIndex];
  LoweringContext LC(WM, *LM, Opts, Plan);
  // The part's own functions first, in index order; callees outside the
  // part are declared after them as they come.
  for (uint32_t I = P.First; I < P.End; ++I)
    LC.func(I);
  for (uint32_t I = P.First; I < P.End; ++I)
    if (llvm::Error E = FunctionLowering(LC, I).lower())
      return E;
  if (P.ModuleInfo) {
    std::vector<llvm::Function *> Invokes = emitInvokeTrampolines(LC);
    if (llvm::Error E = emitModuleInfo(LC, Invokes))
      return E;
  }
  return LM;
}

llvm::Expected<std::unique_ptr<llvm::Module>>
lowerModule(const wasmc::ValidatedModule &VM, llvm::LLVMContext &Ctx,
            const llvm::TargetMachine &TM, const LowerOptions &Opts) {
  return lowerPart(VM, wholeModule(VM.module()), 0, Ctx, TM, Opts);
}

} // namespace wasmc::lower
