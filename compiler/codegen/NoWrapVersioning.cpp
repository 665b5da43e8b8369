//===--- NoWrapVersioning.cpp - 64-bit addresses for loops that do not wrap ===//
#include "codegen/NoWrapVersioning.h"

#include "llvm/Analysis/AssumptionCache.h"
#include "llvm/Analysis/LoopInfo.h"
#include "llvm/Analysis/ScalarEvolution.h"
#include "llvm/Analysis/ScalarEvolutionExpressions.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/MDBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#include "llvm/Transforms/Utils/Local.h"
#include "llvm/Transforms/Utils/LoopSimplify.h"
#include "llvm/Transforms/Utils/LoopUtils.h"
#include "llvm/Transforms/Utils/ScalarEvolutionExpander.h"

#include <optional>

namespace wasmc::codegen {

using namespace llvm;

namespace {

/// Loops are copied whole, so big ones are left alone: they are rarely
/// vectorizable, and the copy would cost compile time and code size.
constexpr unsigned MaxLoopInstructions = 200;
/// The check grows with the square of the number of distinct starts.
constexpr unsigned MaxStarts = 8;
/// Loops entered for fewer iterations take the original loop without the
/// check, which would cost more than it saves (fannkuch's flips of a few
/// elements were 35% slower with it); that is also less than one vector.
constexpr unsigned MinIterations = 16;

/// A load or store in the loop at `Base + Offset + zext(X)`, X the i32
/// recurrence {Start,+,Step} (Step 0: X is loop-invariant). Base is the
/// memory base, Offset the memarg offset.
struct Access {
  Instruction *Inst;
  const SCEV *Base;
  int64_t Offset;
  uint64_t Size;
  const SCEV *Start;
  int64_t Step;
};

/// Accesses whose starts differ by constants (a[i] and a[i+1], also when the
/// start is itself a recurrence of an outer loop), each at Start + K for the
/// range's Start. X stays within [0, 2^32) for all of them iff it does for
/// the smallest and the largest K; their bytes lie in
/// [Start + ByteLo, Start + ByteHi) plus the distance the loop travels.
struct StartRange {
  const SCEV *Start;
  int64_t Step;
  int64_t KMin = 0, KMax = 0;
  int64_t ByteLo, ByteHi;
  bool Stores = false;
};

std::optional<Access> decompose(Instruction &I, const Loop &L, ScalarEvolution &SE) {
  Value *Ptr = getLoadStorePointerOperand(&I);
  if (!Ptr)
    return std::nullopt;
  const SCEV *P = SE.getSCEV(Ptr);
  const SCEV *Base = SE.getPointerBase(P);
  if (!isa<SCEVUnknown>(Base) || !SE.isLoopInvariant(Base, &L))
    return std::nullopt;
  const SCEV *Index = SE.getMinusSCEV(P, Base);
  SmallVector<const SCEV *, 2> Terms;
  if (auto *Sum = dyn_cast<SCEVAddExpr>(Index))
    Terms.append(Sum->operands().begin(), Sum->operands().end());
  else
    Terms.push_back(Index);
  int64_t Offset = 0;
  const SCEV *X = nullptr;
  for (const SCEV *T : Terms) {
    auto *Z = dyn_cast<SCEVZeroExtendExpr>(T);
    if (auto *C = dyn_cast<SCEVConstant>(T))
      Offset = C->getAPInt().getSExtValue();
    else if (Z && !X && Z->getOperand()->getType()->isIntegerTy(32))
      X = Z->getOperand();
    else
      return std::nullopt;
  }
  if (!X)
    X = SE.getZero(Type::getInt32Ty(I.getContext()));
  uint64_t Size = I.getDataLayout().getTypeStoreSize(getLoadStoreType(&I));
  if (SE.isLoopInvariant(X, &L))
    return Access{&I, Base, Offset, Size, X, 0};
  auto *AR = dyn_cast<SCEVAddRecExpr>(X);
  if (!AR || AR->getLoop() != &L || !AR->isAffine())
    return std::nullopt;
  auto *Step = dyn_cast<SCEVConstant>(AR->getStepRecurrence(SE));
  if (!Step)
    return std::nullopt;
  return Access{&I, Base, Offset, Size, AR->getStart(), Step->getAPInt().getSExtValue()};
}

/// The range of A's start (its index in Ranges, added if none fits) and the
/// displacement K of A's start from the range's.
std::pair<unsigned, int64_t> placeInRange(const Access &A,
                                          SmallVectorImpl<StartRange> &Ranges,
                                          ScalarEvolution &SE) {
  unsigned Index = 0;
  int64_t K = 0;
  for (; Index < Ranges.size(); ++Index) {
    if (Ranges[Index].Step != A.Step)
      continue;
    auto *D = dyn_cast<SCEVConstant>(SE.getMinusSCEV(A.Start, Ranges[Index].Start));
    if (!D)
      continue;
    K = D->getAPInt().getSExtValue();
    break;
  }
  int64_t Lo = K + A.Offset, Hi = Lo + static_cast<int64_t>(A.Size);
  if (Index == Ranges.size())
    Ranges.push_back({A.Start, A.Step, 0, 0, Lo, Hi});
  StartRange &R = Ranges[Index];
  R.KMin = std::min(R.KMin, K);
  R.KMax = std::max(R.KMax, K);
  R.ByteLo = std::min(R.ByteLo, Lo);
  R.ByteHi = std::max(R.ByteHi, Hi);
  R.Stores |= isa<StoreInst>(A.Inst);
  return {Index, K};
}

/// Innermost, in simplify form with one exit, no calls (a loop with calls
/// neither vectorizes nor keeps its memory base in a register) and small.
bool isCandidate(const Loop &L) {
  if (!L.isInnermost() || !L.isLoopSimplifyForm() || !L.getExitingBlock() ||
      !L.getExitBlock() || !isa<BranchInst>(L.getExitingBlock()->getTerminator()))
    return false;
  unsigned Count = 0;
  for (BasicBlock *BB : L.blocks())
    for (Instruction &I : *BB) {
      if (++Count > MaxLoopInstructions)
        return false;
      if (isa<CallBase>(I) && !isa<IntrinsicInst>(I))
        return false;
      if (I.isAtomic() || I.isVolatile())
        return false;
    }
  return true;
}

/// Emits, before Before, the i1 that is true if, within BTC + 1 iterations,
/// some X leaves [0, 2^32) or two ranges of which one is stored to overlap.
/// i128 holds every intermediate exactly.
Value *emitCheck(ArrayRef<StartRange> Ranges, Value *BTC, SCEVExpander &Exp,
                 Instruction *Before) {
  IRBuilder<> B(Before);
  Type *Wide = B.getInt128Ty();
  auto Const = [&](int64_t V) { return ConstantInt::get(Wide, V, /*IsSigned=*/true); };
  Value *Trips = B.CreateZExt(BTC, Wide);
  Value *Fail = B.getFalse();
  // Per range, the lowest and highest value of X and the bytes touched.
  SmallVector<std::pair<Value *, Value *>, 4> Bytes;
  for (const StartRange &R : Ranges) {
    Value *Start = B.CreateZExt(Exp.expandCodeFor(R.Start, R.Start->getType(), Before), Wide);
    Value *Travel = B.CreateMul(Trips, Const(R.Step < 0 ? -R.Step : R.Step));
    auto Span = [&](int64_t Lo, int64_t Hi) -> std::pair<Value *, Value *> {
      Value *L = B.CreateAdd(Start, Const(Lo)), *H = B.CreateAdd(Start, Const(Hi));
      if (R.Step < 0)
        return {B.CreateSub(L, Travel), H};
      return {L, B.CreateAdd(H, Travel)};
    };
    auto [XLo, XHi] = Span(R.KMin, R.KMax);
    Fail = B.CreateOr(Fail, B.CreateICmpSLT(XLo, Const(0)));
    Fail = B.CreateOr(Fail, B.CreateICmpSGT(XHi, Const(UINT32_MAX)));
    Bytes.push_back(Span(R.ByteLo, R.ByteHi));
  }
  for (unsigned I = 0; I < Ranges.size(); ++I)
    for (unsigned J = I + 1; J < Ranges.size(); ++J)
      if (Ranges[I].Stores || Ranges[J].Stores) {
        Value *Apart = B.CreateOr(B.CreateICmpSLE(Bytes[I].second, Bytes[J].first),
                                  B.CreateICmpSLE(Bytes[J].second, Bytes[I].first));
        Fail = B.CreateOr(Fail, B.CreateNot(Apart));
      }
  return Fail;
}

/// Tells alias analysis what the check proved: accesses of two ranges of
/// which one is stored to do not alias. The loop vectorizer then needs no
/// overlap checks of its own, which could not tell a[i] and a[i+1] apart
/// and would always fail.
void addScopes(ArrayRef<std::tuple<Access, unsigned, int64_t>> Accesses,
               ArrayRef<StartRange> Ranges, LLVMContext &Ctx) {
  MDBuilder MDB(Ctx);
  MDNode *Domain = MDB.createAnonymousAliasScopeDomain("wasmc.nowrap");
  SmallVector<Metadata *, 4> Scopes;
  for (size_t I = 0; I < Ranges.size(); ++I)
    Scopes.push_back(MDB.createAnonymousAliasScope(Domain));
  for (const auto &[A, Range, K] : Accesses) {
    SmallVector<Metadata *, 4> Apart;
    for (size_t J = 0; J < Ranges.size(); ++J)
      if (J != Range && (Ranges[J].Stores || Ranges[Range].Stores))
        Apart.push_back(Scopes[J]);
    Instruction *I = A.Inst;
    I->setMetadata(LLVMContext::MD_alias_scope,
                   MDNode::concatenate(I->getMetadata(LLVMContext::MD_alias_scope),
                                       MDNode::get(Ctx, Scopes[Range])));
    I->setMetadata(LLVMContext::MD_noalias,
                   MDNode::concatenate(I->getMetadata(LLVMContext::MD_noalias),
                                       MDNode::get(Ctx, Apart)));
  }
}

/// Puts a copy of L, taken when Fail holds, next to L, and returns it.
/// L must be in LCSSA form: values used after the loop then reach the exit
/// only through its phis, which get one more incoming value from the copy.
Loop *cloneBehindCheck(Loop &L, Value *Fail, LoopInfo &LI, DominatorTree &DT) {
  BasicBlock *Check = L.getLoopPreheader();
  BasicBlock *Exiting = L.getExitingBlock();
  BasicBlock *Exit = L.getExitBlock();
  BasicBlock *FastPH = SplitBlock(Check, Check->getTerminator(), &DT, &LI, nullptr,
                                  L.getHeader()->getName() + ".nowrap.ph");
  ValueToValueMapTy VMap;
  SmallVector<BasicBlock *, 8> Blocks;
  Loop *Copy = cloneLoopWithPreheader(FastPH, Check, &L, VMap, ".wrap", &LI, &DT, Blocks);
  remapInstructionsInBlocks(Blocks, VMap);
  Check->getTerminator()->eraseFromParent();
  BranchInst::Create(Copy->getLoopPreheader(), FastPH, Fail, Check);
  DT.changeImmediateDominator(Exit, Check);
  auto *CopyExiting = cast<BasicBlock>(VMap[Exiting]);
  for (PHINode &Phi : Exit->phis()) {
    Value *V = Phi.getIncomingValueForBlock(Exiting);
    Value *Mapped = VMap.lookup(V);
    Phi.addIncoming(Mapped ? Mapped : V, CopyExiting);
  }
  formDedicatedExitBlocks(&L, &DT, &LI, nullptr, /*PreserveLCSSA=*/true);
  formDedicatedExitBlocks(Copy, &DT, &LI, nullptr, /*PreserveLCSSA=*/true);
  // The copy stays open to vectorization: it is also what short loops run.
  return Copy;
}

bool versionLoop(Loop &L, LoopInfo &LI, DominatorTree &DT, ScalarEvolution &SE) {
  const SCEV *BTC = SE.getBackedgeTakenCount(&L);
  unsigned MaxTrips = SE.getSmallConstantMaxTripCount(&L);
  if (isa<SCEVCouldNotCompute>(BTC) || (MaxTrips && MaxTrips < MinIterations))
    return false;
  SmallVector<Access, 8> Found;
  const SCEV *MemoryBase = nullptr;
  for (BasicBlock *BB : L.blocks())
    for (Instruction &I : *BB)
      if (std::optional<Access> A = decompose(I, L, SE)) {
        Found.push_back(*A);
        if (A->Step && !MemoryBase)
          MemoryBase = A->Base;
      }
  // Only a recurrence can wrap. Ranges are offsets from one base, the one
  // recurrences are added to: Wasm's memory.
  if (!MemoryBase)
    return false;
  SmallVector<std::tuple<Access, unsigned, int64_t>, 8> Accesses;
  SmallVector<StartRange, 4> Ranges;
  for (const Access &A : Found)
    if (A.Base == MemoryBase) {
      auto [Range, K] = placeInRange(A, Ranges, SE);
      Accesses.emplace_back(A, Range, K);
    }
  if (Ranges.size() > MaxStarts)
    return false;
  Instruction *PHEnd = L.getLoopPreheader()->getTerminator();
  SCEVExpander Exp(SE, PHEnd->getDataLayout(), "nowrap");
  if (!Exp.isSafeToExpandAt(BTC, PHEnd) ||
      llvm::any_of(Ranges, [&](const StartRange &R) {
        return !Exp.isSafeToExpandAt(R.Start, PHEnd);
      }))
    return false;

  formLCSSA(L, DT, &LI, &SE);
  SE.forgetLoop(&L);
  BasicBlock *Entry = L.getLoopPreheader();
  BasicBlock *Exit = L.getExitBlock();
  Value *Count = Exp.expandCodeFor(BTC, BTC->getType(), PHEnd);
  Value *Short = IRBuilder<>(PHEnd).CreateICmpULT(
      Count, ConstantInt::get(BTC->getType(), MinIterations - 1));
  BasicBlock *Check = SplitBlock(Entry, PHEnd, &DT, &LI, nullptr, "nowrap.check");
  Loop *Copy = cloneBehindCheck(L, emitCheck(Ranges, Count, Exp, Check->getTerminator()),
                                LI, DT);
  Entry->getTerminator()->eraseFromParent();
  BranchInst::Create(Copy->getLoopPreheader(), Check, Short, Entry);
  DT.changeImmediateDominator(Copy->getLoopPreheader(), Entry);
  DT.changeImmediateDominator(Exit, Entry);
  if (Ranges.size() > 1 && llvm::any_of(Ranges, [](const StartRange &R) { return R.Stores; }))
    addScopes(Accesses, Ranges, PHEnd->getContext());

  // In L, now taken only when nothing wraps, Base + Offset + zext({S + K,+,
  // Step}) is Base + {zext(S) + K + Offset,+,Step} in 64 bits.
  Type *I64 = Type::getInt64Ty(PHEnd->getContext());
  for (const auto &[A, Range, K] : Accesses) {
    const SCEV *First = SE.getAddExpr(SE.getZeroExtendExpr(Ranges[Range].Start, I64),
                                      SE.getConstant(I64, K + A.Offset, /*isSigned=*/true));
    const SCEV *Index = SE.getAddRecExpr(First, SE.getConstant(I64, A.Step, true), &L,
                                         SCEV::FlagAnyWrap);
    Value *Old = getLoadStorePointerOperand(A.Inst);
    Value *New = Exp.expandCodeFor(SE.getAddExpr(A.Base, Index), Old->getType(), A.Inst);
    A.Inst->setOperand(isa<LoadInst>(A.Inst) ? LoadInst::getPointerOperandIndex()
                                              : StoreInst::getPointerOperandIndex(),
                       New);
    RecursivelyDeleteTriviallyDeadInstructions(Old);
  }
  return true;
}

} // namespace

PreservedAnalyses NoWrapVersioningPass::run(Function &F, FunctionAnalysisManager &FAM) {
  auto &LI = FAM.getResult<LoopAnalysis>(F);
  auto &DT = FAM.getResult<DominatorTreeAnalysis>(F);
  auto &SE = FAM.getResult<ScalarEvolutionAnalysis>(F);
  auto &AC = FAM.getResult<AssumptionAnalysis>(F);
  // Simplify form (preheader, dedicated exits), as the loop vectorizer
  // establishes it itself right after this pass; SimplifyCFG undoes it.
  bool Changed = false;
  for (Loop *L : LI)
    Changed |= simplifyLoop(L, &DT, &LI, &SE, &AC, nullptr, /*PreserveLCSSA=*/false);
  SmallVector<Loop *, 8> Loops;
  for (Loop *L : LI.getLoopsInPreorder())
    if (isCandidate(*L))
      Loops.push_back(L);
  for (Loop *L : Loops)
    Changed |= versionLoop(*L, LI, DT, SE);
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace wasmc::codegen
