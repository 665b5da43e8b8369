//===--- FunctionLowering.h - Lowering of one Wasm function body ----------===//
//
/// \file
/// FunctionLowering holds the state of lowering one defined function: the
/// IRBuilder, the operand stack (resolved at compile time into SSA values),
/// the control stack, the locals (allocas in the entry block) and the trap
/// blocks. One handler per opcode, declared here from Opcodes.def, is
/// defined in the Lower*.cpp file of its group; a missing handler is a link
/// error. SIMD opcodes have no handler: dispatch reports them Unsupported.
/// Shared helpers (push/pop, unary/binary, instance field access) live here
/// so that handlers are one or two lines.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "lower/LoweringContext.h"
#include "lower/Traps.h"

#include "wasm/Instr.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <vector>

namespace wasmc::lower {

class FunctionLowering {
public:
  /// Lowers defined function DefIndex (not counting imports) into
  /// LC.func(DefIndex).
  FunctionLowering(LoweringContext &LC, uint32_t DefIndex);

  /// Emits the body. Errors: Unsupported for SIMD; Malformed only if the
  /// bytes changed since validation (they cannot).
  llvm::Error lower();

  //===--- Handlers, one per non-SIMD row of Opcodes.def ----------------===//
#define WASMC_HANDLER(Name) void lower##Name(const Instr &I);
#define WASMC_FEATURE_Mvp(Name) WASMC_HANDLER(Name)
#define WASMC_FEATURE_SignExt(Name) WASMC_HANDLER(Name)
#define WASMC_FEATURE_SatConv(Name) WASMC_HANDLER(Name)
#define WASMC_FEATURE_BulkMemory(Name) WASMC_HANDLER(Name)
#define WASMC_FEATURE_RefTypes(Name) WASMC_HANDLER(Name)
#define WASMC_FEATURE_Simd(Name)
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature)                   \
  WASMC_FEATURE_##Feature(Name)
#include "wasm/Opcodes.def"
#undef WASMC_FEATURE_Mvp
#undef WASMC_FEATURE_SignExt
#undef WASMC_FEATURE_SatConv
#undef WASMC_FEATURE_BulkMemory
#undef WASMC_FEATURE_RefTypes
#undef WASMC_FEATURE_Simd
#undef WASMC_HANDLER

  //===--- Shared by the handlers and BoundsCheck.cpp -------------------===//
  LoweringContext &LC;
  llvm::IRBuilder<> B;
  llvm::Type *F32Ty, *F64Ty;

  llvm::Value *inst() const { return Fn->getArg(0); }
  BoundsMode boundsMode() const { return LC.Opts.Bounds; }
  void trapIf(llvm::Value *Cond, rt_trap_code Code) { Traps.trapIf(B, Cond, Code); }
  void trapIfNonZero(llvm::Value *Code) { Traps.trapIfNonZero(B, Code); }
  void trapIfWithDetail(llvm::Value *Cond, rt_trap_code Code, llvm::Value *Detail) {
    Traps.trapIfWithDetail(B, Cond, Code, Detail);
  }

  /// Loads pointer field Field of the instance (fixed after instantiation).
  llvm::Value *instanceField(AbiTypes::InstanceField Field);
  /// Loads element Index of the pointer array that instance field Field
  /// points to (memories, tables, globals, funcs): fixed after
  /// instantiation.
  llvm::Value *instanceArrayElem(AbiTypes::InstanceField Field, uint32_t Index);
  /// Loads field Field, of LLVM type Ty, of the ST struct at Ptr, tagged
  /// with the TBAA access tag Tbaa.
  llvm::LoadInst *loadField(llvm::Value *Ptr, llvm::StructType *ST,
                            unsigned Field, llvm::Type *Ty, llvm::MDNode *Tbaa);
  /// Marks L `!invariant.load`: its location never changes while Wasm code
  /// of this instance runs.
  void markInvariant(llvm::LoadInst *L);

private:
  //===--- Operand stack and operator helpers ---------------------------===//
  void push(llvm::Value *V) { Stack.push_back(V); }
  llvm::Value *pop() {
    llvm::Value *V = Stack.back();
    Stack.pop_back();
    return V;
  }
  llvm::Value *top() const { return Stack.back(); }

  template <typename OpFn> void unary(OpFn Op) { push(Op(pop())); }
  template <typename OpFn> void binary(OpFn Op) {
    llvm::Value *R = pop();
    llvm::Value *L = pop();
    push(Op(L, R));
  }
  /// Integer compare pushing an i32 0/1.
  void compareInt(llvm::CmpInst::Predicate P);
  /// Float compare pushing an i32 0/1.
  void compareFloat(llvm::CmpInst::Predicate P);
  void unaryIntrinsic(llvm::Intrinsic::ID ID);
  void binaryIntrinsic(llvm::Intrinsic::ID ID);

  // Float operators that must quiet a signalling NaN operand, which LLVM's
  // IR semantics do not promise (see LowerNumeric.cpp).
  void floatArith(llvm::Instruction::BinaryOps Op);
  void floatMinMax(llvm::Intrinsic::ID ID);
  /// X through llvm.arithmetic.fence: the same value, which no fold sees
  /// through, at no cost in machine code.
  llvm::Value *opaque(llvm::Value *X);
  /// X, or the canonical quiet NaN if X is a NaN (LowerOptions::CanonicalNaN).
  llvm::Value *canonicalNaN(llvm::Value *X);

  // Integer operators whose Wasm semantics differ from LLVM's instruction.
  void divide(bool Signed);
  void remainder(bool Signed);
  void shift(llvm::Instruction::BinaryOps Op);
  void rotate(llvm::Intrinsic::ID ID);
  void countBits(llvm::Intrinsic::ID ID);

  // Conversions.
  /// Trapping float-to-int truncation to IntTy; x is in range iff
  /// LowExcl < x < HighExcl (see LowerConvert.cpp for the bounds).
  void truncateChecked(bool Signed, llvm::Type *IntTy, double LowExcl,
                       double HighExcl);
  void truncateSaturating(bool Signed, llvm::Type *IntTy);
  void cast(llvm::Instruction::CastOps Op, llvm::Type *To);
  /// Sign-extends the low Bits of the operand to its own width.
  void extendLow(unsigned Bits);

  // Memory and tables.
  enum class Extend { None, Sign, Zero };
  void load(const Instr &I, llvm::Type *MemTy, Extend Ext, llvm::Type *ResultTy);
  void store(const Instr &I, llvm::Type *MemTy);
  /// The rt_table * of table Index.
  llvm::Value *table(uint32_t Index) {
    return instanceArrayElem(AbiTypes::InstanceTables, Index);
  }
  /// Address of element Index (an i32) of Table, trapping with Code when
  /// Index >= the table's size.
  llvm::Value *tableElemAddress(llvm::Value *Table, llvm::Value *Index,
                                rt_trap_code Code);

  /// Pops CalleeSig's params, calls Callee (of type FTy) with CalleeInst
  /// first, pushes the results.
  void call(llvm::FunctionType *FTy, llvm::Value *Callee,
            llvm::Value *CalleeInst, const FuncType &CalleeSig);

  //===--- Metering (Metering.cpp) --------------------------------------===//
  /// The address of counter Field of the instance's rt_context.
  llvm::Value *contextCounter(AbiTypes::ContextField Field);
  llvm::LoadInst *loadCounter(llvm::Value *Addr, llvm::Type *Ty);
  void storeCounter(llvm::Value *V, llvm::Value *Addr);
  /// Charges Cost fuel, trapping "all fuel consumed" if there is less.
  void chargeFuel(uint32_t Cost);
  /// Counts this frame in, trapping "call stack exhausted" at the limit.
  void enterFrame();
  void leaveFrame();
  /// Charges the metering segment that starts after control instruction Op,
  /// if it is reachable.
  void meterAfter(Opcode Op);

  //===--- Control ------------------------------------------------------===//
  struct ControlFrame {
    Opcode Kind; ///< Block, Loop or If; the function body is a Block
    uint32_t NumParams = 0, NumResults = 0;
    size_t Height = 0; ///< operand stack height below the params
    /// The label's block: a loop's header (with its param phis), otherwise
    /// the merge block after `end`, created with its result phis by the
    /// first branch to it. Null means no branch targets the merge, so the
    /// fallthrough needs neither a new block nor phis.
    llvm::BasicBlock *Target = nullptr;
    llvm::BasicBlock *Else = nullptr; ///< If: the else arm's entry
    llvm::SmallVector<llvm::PHINode *, 2> Phis;
    llvm::SmallVector<llvm::Value *, 2> IfParams; ///< If: params for else
    bool SeenElse = false;

    uint32_t arity() const { return Kind == Opcode::Loop ? NumParams : NumResults; }
  };

  llvm::Error dispatch(const Instr &I);
  void skipUnreachable(const Instr &I);
  void emitEntry();
  void emitReturn();
  /// Param and result counts of a block type; false (with a failure
  /// recorded) for v128.
  bool blockArity(const Instr &I, uint32_t &NumParams, uint32_t &NumResults);
  ControlFrame &pushFrame(Opcode Kind, uint32_t NumParams, uint32_t NumResults);
  ControlFrame &frameAt(uint32_t Depth) { return Ctrl[Ctrl.size() - 1 - Depth]; }
  /// The block a branch to F jumps to, creating F's merge on first use.
  llvm::BasicBlock *labelBlock(ControlFrame &F);
  /// Adds the label values on top of the stack as F's phi inputs from From.
  void addIncoming(ControlFrame &F, llvm::BasicBlock *From);
  void branchTo(ControlFrame &F);
  void enterBlock(llvm::BasicBlock *BB);
  void markUnreachable();

  //===--- Errors -------------------------------------------------------===//
  /// Handlers return nothing; the rare one that cannot lower its operator
  /// records why here and dispatch stops.
  void fail(WasmError E) { Failure = std::move(E); }
  llvm::Error takeFailure();
  void detachCleanup();

  llvm::Function *Fn;
  uint32_t FuncIndex;
  const Function &Def;
  const FuncType &Sig;
  TrapEmitter Traps;

  /// With fuel: the cost of each metering segment, and the one code is in.
  std::vector<uint32_t> SegmentCosts;
  size_t Segment = 0;

  std::vector<llvm::AllocaInst *> Locals;
  std::vector<llvm::Value *> Stack;
  std::vector<ControlFrame> Ctrl;
  /// False after br, br_table, return and unreachable, until the `else` or
  /// `end` that makes code reachable again.
  bool Reachable = true;
  /// Nesting of blocks entered while skipping unreachable code.
  uint32_t SkipDepth = 0;
  std::optional<WasmError> Failure;
};

} // namespace wasmc::lower
