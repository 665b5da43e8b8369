//===--- Exec.cpp - The interpreter loop ----------------------------------===//
//
/// \file
/// Runs internal code (Code.h) on a Thread. One C++ activation of runWasm
/// executes any number of Wasm calls: a call pushes a Frame and switches the
/// loop's registers (PC, SP, FP, the instance and its memory) to the
/// callee, a return pops it. Only host functions run on the C++ stack.
///
/// The operand stack grows upwards from the frame's locals; SP points at
/// the first free slot. Arguments are the top slots of the caller, which
/// become the callee's first locals without a copy; results are moved down
/// to the callee's frame base, where the caller finds them on its stack.
/// Stack space is checked once per call against the callee's FrameSlots,
/// never per push.
//
//===----------------------------------------------------------------------===//
#include "interp/Exec.h"

#include "interp/Code.h"
#include "interp/Numerics.h"
#include "interp/Slots.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <tuple>

namespace wasmc::interp {

static_assert(std::endian::native == std::endian::little,
              "linear memory is accessed with host loads and stores");

Thread::Thread(const ExecLimits &L)
    // Not value-initialised: pages the stack never reaches stay uncommitted.
    : Stack(new uint64_t[L.StackSlots]), StackEnd(Stack.get() + L.StackSlots),
      Top(Stack.get()), Frames(new Frame[L.MaxCallDepth]) {}

namespace {

//===--- Operand helpers --------------------------------------------------===//

template <typename Fn> inline void unaryI32(uint64_t *SP, Fn F) {
  SP[-1] = uint32_t(F(uint32_t(SP[-1])));
}
template <typename Fn> inline void unaryI64(uint64_t *SP, Fn F) {
  SP[-1] = uint64_t(F(SP[-1]));
}
template <typename Fn> inline void unaryF32(uint64_t *SP, Fn F) {
  SP[-1] = f32Slot(F(slotF32(SP[-1])));
}
template <typename Fn> inline void unaryF64(uint64_t *SP, Fn F) {
  SP[-1] = f64Slot(F(slotF64(SP[-1])));
}
/// Binary operators and comparisons on i32 (a bool result becomes 0 or 1).
template <typename Fn> inline void binaryI32(uint64_t *&SP, Fn F) {
  SP[-2] = uint32_t(F(uint32_t(SP[-2]), uint32_t(SP[-1])));
  --SP;
}
template <typename Fn> inline void binaryI64(uint64_t *&SP, Fn F) {
  SP[-2] = uint64_t(F(SP[-2], SP[-1]));
  --SP;
}
template <typename Fn> inline void binaryF32(uint64_t *&SP, Fn F) {
  SP[-2] = f32Slot(F(slotF32(SP[-2]), slotF32(SP[-1])));
  --SP;
}
template <typename Fn> inline void binaryF64(uint64_t *&SP, Fn F) {
  SP[-2] = f64Slot(F(slotF64(SP[-2]), slotF64(SP[-1])));
  --SP;
}
template <typename Fn> inline void compareF32(uint64_t *&SP, Fn F) {
  SP[-2] = F(slotF32(SP[-2]), slotF32(SP[-1])) ? 1 : 0;
  --SP;
}
template <typename Fn> inline void compareF64(uint64_t *&SP, Fn F) {
  SP[-2] = F(slotF64(SP[-2]), slotF64(SP[-1])) ? 1 : 0;
  --SP;
}

/// A binary i32 operator whose right operand is the immediate Imm.
template <typename Fn>
inline void immediateI32(uint64_t *SP, uint32_t Imm, Fn F) {
  SP[-1] = uint32_t(F(uint32_t(SP[-1]), Imm));
}

/// Pops two i32 and returns where to continue: the jump target (whose
/// offset is at PC) if Cond holds for them, else past the offset.
template <typename Fn>
inline const uint32_t *branchOn(uint64_t *&SP, const uint32_t *PC, Fn Cond) {
  uint32_t B = uint32_t(SP[-1]), A = uint32_t(SP[-2]);
  SP -= 2;
  return Cond(A, B) ? PC + int32_t(*PC) : PC + 1;
}

/// A trapping binary operator: Op(A, B, Out) returns a trap code.
template <typename U, typename Fn>
inline rt_trap_code trappingBinary(uint64_t *&SP, Fn Op) {
  U Out;
  if (rt_trap_code C = Op(U(SP[-2]), U(SP[-1]), Out))
    return C;
  SP[-2] = Out;
  --SP;
  return RT_TRAP_NONE;
}

/// A trapping float-to-integer truncation; U is the slot's unsigned view.
template <typename I, typename F, typename U>
inline rt_trap_code truncate(uint64_t *SP) {
  F In;
  if constexpr (sizeof(F) == 4)
    In = slotF32(SP[-1]);
  else
    In = slotF64(SP[-1]);
  I Out;
  if (rt_trap_code C = num::trunc<I, F>(In, Out))
    return C;
  SP[-1] = U(Out);
  return RT_TRAP_NONE;
}

template <typename I, typename F, typename U>
inline void truncateSat(uint64_t *SP) {
  if constexpr (sizeof(F) == 4)
    SP[-1] = U(num::truncSat<I, F>(slotF32(SP[-1])));
  else
    SP[-1] = U(num::truncSat<I, F>(slotF64(SP[-1])));
}

//===--- Memory access ----------------------------------------------------===//

// The effective address is the zero-extended i32 operand plus the u32
// offset, computed in 64 bits so that it cannot wrap; it is in bounds iff
// Ea + N <= size, which cannot overflow either.

/// Replaces the address on top of the stack with the T it points to,
/// extended to the slot type W (sign-extended if T is signed); false if out
/// of bounds.
template <typename T, typename W>
inline bool load(uint64_t *SP, uint32_t Offset, const uint8_t *Mem,
                 uint64_t Size) {
  uint64_t Ea = uint64_t(uint32_t(SP[-1])) + Offset;
  if (Ea + sizeof(T) > Size)
    return false;
  T V;
  std::memcpy(&V, Mem + Ea, sizeof(T));
  SP[-1] = W(V);
  return true;
}

/// Stores the low bytes of the top slot as a T at the address beneath it.
template <typename T>
inline bool store(const uint64_t *SP, uint32_t Offset, uint8_t *Mem,
                  uint64_t Size) {
  uint64_t Ea = uint64_t(uint32_t(SP[-2])) + Offset;
  if (Ea + sizeof(T) > Size)
    return false;
  T V = T(SP[-1]);
  std::memcpy(Mem + Ea, &V, sizeof(T));
  return true;
}

/// True if [Start, Start + Len) lies within Size: the bulk operations'
/// bounds check, done before any byte is touched.
inline bool inBounds(uint64_t Start, uint64_t Len, uint64_t Size) {
  return Start + Len <= Size;
}

/// memory.grow under ExecOptions::MemoryPageCap (0: only the memory's own
/// maximum): the old size in pages, or -1.
inline int64_t growMemory(MemoryInst &Mem, uint32_t Delta, uint32_t Cap) {
  if (Cap && Mem.pages() + Delta > Cap)
    return -1;
  return Mem.grow(Delta);
}

/// Moves the top Keep slots down over the Drop slots beneath them.
inline uint64_t *dropBelow(uint64_t *SP, uint32_t Drop, uint32_t Keep) {
  uint64_t *Dst = SP - Keep - Drop;
  for (uint32_t K = 0; K < Keep; ++K)
    Dst[K] = SP[-int64_t(Keep) + K];
  return SP - Drop;
}

//===--- Host calls -------------------------------------------------------===//

/// Calls host function F with the arguments in Slots, writing its results
/// there. Values cross as Value objects; small signatures use no heap.
Trap callHost(Store &S, FuncInst &F, uint64_t *Slots, ModuleInstance *Caller) {
  Thread &T = S.thread();
  if (T.HostNesting >= S.limits().MaxHostNesting)
    return Trap(RT_TRAP_STACK_EXHAUSTED);
  const FuncType &FT = *F.Type;
  size_t NP = FT.Params.size(), NR = FT.Results.size();
  Value Small[8];
  std::vector<Value> Large;
  Value *Buf = Small;
  if (NP + NR > std::size(Small)) {
    Large.resize(NP + NR);
    Buf = Large.data();
  }
  for (size_t I = 0; I < NP; ++I)
    Buf[I] = slotToValue(FT.Params[I], Slots[I]);
  for (size_t I = 0; I < NR; ++I)
    Buf[NP + I] = Value::zero(FT.Results[I]);

  uint64_t *SavedTop = T.Top;
  T.Top = Slots + NP;
  ++T.HostNesting;
  HostCall Call{S, Caller};
  Trap R = F.Host(Call, {Buf, NP}, {Buf + NP, NR});
  --T.HostNesting;
  T.Top = SavedTop;
  if (R)
    return R;
  for (size_t I = 0; I < NR; ++I)
    Slots[I] = valueToSlot(S, Buf[NP + I]);
  return Trap();
}

//===--- The loop ---------------------------------------------------------===//

/// What the loop caches of an instance: itself and its memory 0 (or nulls).
std::tuple<ModuleInstance *, MemoryInst *, uint8_t *, uint64_t>
viewOf(ModuleInstance *I) {
  MemoryInst *M = I->Memories.empty() ? nullptr : I->Memories[0];
  return {I, M, M ? M->data() : nullptr, M ? M->sizeBytes() : 0};
}

// Direct threading: every handler ends by jumping through the table to the
// next one (NEXT), so each has its own indirect branch for the predictor to
// learn, instead of one shared switch dispatch. The table is generated from
// the opcode lists, so an opcode without a handler label fails to compile.
#define WASMC_SIMD_ONLY_Mvp(X)
#define WASMC_SIMD_ONLY_SignExt(X)
#define WASMC_SIMD_ONLY_SatConv(X)
#define WASMC_SIMD_ONLY_BulkMemory(X)
#define WASMC_SIMD_ONLY_RefTypes(X)
#define WASMC_SIMD_ONLY_Simd(X) X
#define NEXT() goto *Dispatch[*PC++]

Trap runWasm(Store &S, FuncInst &Entry, uint64_t *Args) {
  static void *const Dispatch[] = {
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature) &&Op_##Name,
#include "wasm/Opcodes.def"
#define INTERP_OP(Name) &&Op_##Name,
#include "interp/InternalOps.def"
  };

  Thread &T = S.thread();
  Frame *const Frames = T.Frames.get();
  const size_t EntryDepth = T.Depth;
  const size_t MaxDepth = S.limits().MaxCallDepth;
  const uint32_t PageCap = S.options().MemoryPageCap;
  uint64_t *const StackEnd = T.StackEnd;

  // The loop's registers. Depth is T.Depth, kept local while Wasm runs and
  // written back before anything that may re-enter the thread.
  const uint32_t *PC = nullptr;
  uint64_t *SP = Args + Entry.Code->ParamSlots;
  uint64_t *FP = nullptr;
  size_t Depth = EntryDepth;
  FuncInst *Cur = nullptr;
  ModuleInstance *Inst = nullptr;
  // The current instance's memory 0. MemBase never changes for a given
  // memory (see MemoryInst); MemSize is reloaded after anything that may
  // grow it: memory.grow, calls into other instances, host calls.
  MemoryInst *Mem = nullptr;
  uint8_t *MemBase = nullptr;
  uint64_t MemSize = 0;

  FuncInst *Callee = &Entry;
  rt_trap_code TrapCode = RT_TRAP_NONE;
  Trap HostTrap; // a trap with its own message (host calls, element index)

  goto Call;

  //===--- Control --------------------------------------------------------===//
  Op_Unreachable:
    TrapCode = RT_TRAP_UNREACHABLE;
    goto Trapped;
  Op_Br:
    PC += int32_t(PC[0]);
    NEXT();
  Op_BrIf:
    if (uint32_t(*--SP))
      PC += int32_t(PC[0]);
    else
      ++PC;
    NEXT();
  Op_BrUnless:
    if (!uint32_t(*--SP))
      PC += int32_t(PC[0]);
    else
      ++PC;
    NEXT();
  Op_BrDrop:
    SP = dropBelow(SP, PC[1], PC[2]);
    PC += int32_t(PC[0]);
    NEXT();
  Op_BrIfDrop:
    if (uint32_t(*--SP)) {
      SP = dropBelow(SP, PC[1], PC[2]);
      PC += int32_t(PC[0]);
    } else {
      PC += 3;
    }
    NEXT();
  Op_BrTable: {
    uint32_t N = PC[0];
    uint32_t Index = std::min(uint32_t(*--SP), N);
    const uint32_t *E = PC + 1 + 3 * size_t(Index);
    SP = dropBelow(SP, E[1], E[2]);
    PC = E + int32_t(E[0]);
    NEXT();
  }
  Op_Fuel:
    // A segment runs only if all of it is paid for (wasm/Fuel.h).
    if (T.Fuel < int64_t(*PC)) {
      TrapCode = RT_TRAP_OUT_OF_FUEL;
      goto Trapped;
    }
    T.Fuel -= *PC++;
    NEXT();
  Op_BrIfI32Eq: PC = branchOn(SP, PC, num::eq<uint32_t>); NEXT();
  Op_BrIfI32Ne: PC = branchOn(SP, PC, num::ne<uint32_t>); NEXT();
  Op_BrIfI32LtS: PC = branchOn(SP, PC, num::ltS<uint32_t>); NEXT();
  Op_BrIfI32LtU: PC = branchOn(SP, PC, num::ltU<uint32_t>); NEXT();
  Op_BrIfI32GtS: PC = branchOn(SP, PC, num::gtS<uint32_t>); NEXT();
  Op_BrIfI32GtU: PC = branchOn(SP, PC, num::gtU<uint32_t>); NEXT();
  Op_BrIfI32LeS: PC = branchOn(SP, PC, num::leS<uint32_t>); NEXT();
  Op_BrIfI32LeU: PC = branchOn(SP, PC, num::leU<uint32_t>); NEXT();
  Op_BrIfI32GeS: PC = branchOn(SP, PC, num::geS<uint32_t>); NEXT();
  Op_BrIfI32GeU: PC = branchOn(SP, PC, num::geU<uint32_t>); NEXT();
  Op_Return: {
    uint32_t Keep = PC[0];
    uint64_t *Src = SP - Keep;
    for (uint32_t K = 0; K < Keep; ++K)
      FP[K] = Src[K];
    SP = FP + Keep;
    const Frame &F = Frames[--Depth];
    if (Depth == EntryDepth) {
      T.Depth = EntryDepth;
      return Trap();
    }
    PC = F.RetPC;
    FP = F.FP;
    Cur = F.Func;
    if (Cur->Instance != Inst)
      std::tie(Inst, Mem, MemBase, MemSize) = viewOf(Cur->Instance);
    NEXT();
  }
  Op_Call:
    Callee = Inst->Funcs[PC[0]];
    ++PC;
    goto Call;
  Op_CallIndirect: {
    uint32_t TypeId = Inst->TypeIds[PC[0]];
    TableInst *Table = Inst->Tables[PC[1]];
    PC += 2;
    uint32_t Index = uint32_t(*--SP);
    if (Index >= Table->size()) {
      TrapCode = RT_TRAP_UNDEFINED_ELEMENT;
      goto Trapped;
    }
    Callee = slotFunc(Table->slots()[Index]);
    if (!Callee) {
      // The spec interpreter names the element ("uninitialized element 2")
      // and bulk.wast asserts that wording, so this trap carries its index.
      HostTrap = Trap(RT_TRAP_UNINITIALIZED_ELEMENT,
                      "uninitialized element " + std::to_string(Index));
      goto Trapped;
    }
    if (Callee->TypeId != TypeId) {
      TrapCode = RT_TRAP_INDIRECT_CALL_TYPE;
      goto Trapped;
    }
    goto Call;
  }

  //===--- Parametric and variables ---------------------------------------===//
  Op_Drop:
    --SP;
    NEXT();
  Op_Select:
    SP -= 2;
    if (!uint32_t(SP[1]))
      SP[-1] = SP[0];
    NEXT();
  Op_LocalGet:
    *SP++ = FP[*PC++];
    NEXT();
  Op_LocalSet:
    FP[*PC++] = *--SP;
    NEXT();
  Op_LocalTee:
    FP[*PC++] = SP[-1];
    NEXT();
  Op_LocalGet2:
    SP[0] = FP[PC[0]];
    SP[1] = FP[PC[1]];
    SP += 2;
    PC += 2;
    NEXT();
  Op_LocalSetGet:
    FP[PC[0]] = SP[-1];
    SP[-1] = FP[PC[1]];
    PC += 2;
    NEXT();
  Op_GlobalGet:
    *SP++ = Inst->Globals[*PC++]->Slot;
    NEXT();
  Op_GlobalSet:
    Inst->Globals[*PC++]->Slot = *--SP;
    NEXT();

  //===--- References and tables ------------------------------------------===//
  Op_RefNull:
    *SP++ = 0;
    NEXT();
  Op_RefIsNull:
    SP[-1] = SP[-1] == 0;
    NEXT();
  Op_RefFunc:
    *SP++ = funcSlot(Inst->Funcs[*PC++]);
    NEXT();
  Op_TableGet: {
    TableInst *Table = Inst->Tables[*PC++];
    uint32_t Index = uint32_t(SP[-1]);
    if (Index >= Table->size()) {
      TrapCode = RT_TRAP_TABLE_OOB;
      goto Trapped;
    }
    SP[-1] = Table->slots()[Index];
    NEXT();
  }
  Op_TableSet: {
    TableInst *Table = Inst->Tables[*PC++];
    uint32_t Index = uint32_t(SP[-2]);
    if (Index >= Table->size()) {
      TrapCode = RT_TRAP_TABLE_OOB;
      goto Trapped;
    }
    Table->slots()[Index] = SP[-1];
    SP -= 2;
    NEXT();
  }
  Op_TableSize:
    *SP++ = Inst->Tables[*PC++]->size();
    NEXT();
  Op_TableGrow: {
    TableInst *Table = Inst->Tables[*PC++];
    SP[-2] = uint32_t(Table->grow(uint32_t(SP[-1]), SP[-2]));
    --SP;
    NEXT();
  }
  Op_TableFill: {
    TableInst *Table = Inst->Tables[*PC++];
    uint32_t Start = uint32_t(SP[-3]), Len = uint32_t(SP[-1]);
    uint64_t Ref = SP[-2];
    SP -= 3;
    if (!inBounds(Start, Len, Table->size())) {
      TrapCode = RT_TRAP_TABLE_OOB;
      goto Trapped;
    }
    std::fill_n(Table->slots() + Start, Len, Ref);
    NEXT();
  }
  Op_TableInit: {
    const std::vector<uint64_t> &Seg = Inst->Elems[PC[0]];
    TableInst *Table = Inst->Tables[PC[1]];
    PC += 2;
    uint32_t Dst = uint32_t(SP[-3]), Src = uint32_t(SP[-2]),
             Len = uint32_t(SP[-1]);
    SP -= 3;
    if (!inBounds(Src, Len, Seg.size()) ||
        !inBounds(Dst, Len, Table->size())) {
      TrapCode = RT_TRAP_TABLE_OOB;
      goto Trapped;
    }
    std::copy_n(Seg.data() + Src, Len, Table->slots() + Dst);
    NEXT();
  }
  Op_TableCopy: {
    TableInst *DstTable = Inst->Tables[PC[0]];
    TableInst *SrcTable = Inst->Tables[PC[1]];
    PC += 2;
    uint32_t Dst = uint32_t(SP[-3]), Src = uint32_t(SP[-2]),
             Len = uint32_t(SP[-1]);
    SP -= 3;
    if (!inBounds(Src, Len, SrcTable->size()) ||
        !inBounds(Dst, Len, DstTable->size())) {
      TrapCode = RT_TRAP_TABLE_OOB;
      goto Trapped;
    }
    if (Len)
      std::memmove(DstTable->slots() + Dst, SrcTable->slots() + Src,
                   Len * sizeof(uint64_t));
    NEXT();
  }
  Op_ElemDrop:
    Inst->Elems[*PC++] = {};
    NEXT();

  //===--- Memory ---------------------------------------------------------===//
  Op_I32Load:
    if (!load<uint32_t, uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load:
    if (!load<uint64_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_F32Load:
    if (!load<uint32_t, uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_F64Load:
    if (!load<uint64_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I32Load8S:
    if (!load<int8_t, uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I32Load8U:
    if (!load<uint8_t, uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I32Load16S:
    if (!load<int16_t, uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I32Load16U:
    if (!load<uint16_t, uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load8S:
    if (!load<int8_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load8U:
    if (!load<uint8_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load16S:
    if (!load<int16_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load16U:
    if (!load<uint16_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load32S:
    if (!load<int32_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I64Load32U:
    if (!load<uint32_t, uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    NEXT();
  Op_I32Store:
    if (!store<uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_I64Store:
    if (!store<uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_F32Store:
    if (!store<uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_F64Store:
    if (!store<uint64_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_I32Store8:
    if (!store<uint8_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_I32Store16:
    if (!store<uint16_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_I64Store8:
    if (!store<uint8_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_I64Store16:
    if (!store<uint16_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_I64Store32:
    if (!store<uint32_t>(SP, *PC++, MemBase, MemSize))
      goto OutOfBounds;
    SP -= 2;
    NEXT();
  Op_MemorySize:
    *SP++ = uint32_t(Mem->pages());
    NEXT();
  Op_MemoryGrow:
    SP[-1] = uint32_t(growMemory(*Mem, uint32_t(SP[-1]), PageCap));
    MemSize = Mem->sizeBytes();
    NEXT();
  Op_MemoryInit: {
    std::span<const uint8_t> Seg = Inst->Datas[*PC++];
    uint32_t Dst = uint32_t(SP[-3]), Src = uint32_t(SP[-2]),
             Len = uint32_t(SP[-1]);
    SP -= 3;
    if (!inBounds(Src, Len, Seg.size()) || !inBounds(Dst, Len, MemSize))
      goto OutOfBounds;
    if (Len)
      std::memcpy(MemBase + Dst, Seg.data() + Src, Len);
    NEXT();
  }
  Op_DataDrop:
    Inst->Datas[*PC++] = {};
    NEXT();
  Op_MemoryCopy: {
    uint32_t Dst = uint32_t(SP[-3]), Src = uint32_t(SP[-2]),
             Len = uint32_t(SP[-1]);
    SP -= 3;
    if (!inBounds(Src, Len, MemSize) || !inBounds(Dst, Len, MemSize))
      goto OutOfBounds;
    std::memmove(MemBase + Dst, MemBase + Src, Len);
    NEXT();
  }
  Op_MemoryFill: {
    uint32_t Dst = uint32_t(SP[-3]), Len = uint32_t(SP[-1]);
    uint8_t Byte = uint8_t(SP[-2]);
    SP -= 3;
    if (!inBounds(Dst, Len, MemSize))
      goto OutOfBounds;
    std::memset(MemBase + Dst, Byte, Len);
    NEXT();
  }

  //===--- Constants ------------------------------------------------------===//
  Op_I32Const:
  Op_F32Const:
    *SP++ = *PC++;
    NEXT();
  Op_I64Const:
  Op_F64Const:
    *SP++ = uint64_t(PC[0]) | uint64_t(PC[1]) << 32;
    PC += 2;
    NEXT();

  //===--- i32 ------------------------------------------------------------===//
  Op_I32Eqz:
    SP[-1] = uint32_t(SP[-1]) == 0;
    NEXT();
  Op_I32Eq: binaryI32(SP, num::eq<uint32_t>); NEXT();
  Op_I32Ne: binaryI32(SP, num::ne<uint32_t>); NEXT();
  Op_I32LtS: binaryI32(SP, num::ltS<uint32_t>); NEXT();
  Op_I32LtU: binaryI32(SP, num::ltU<uint32_t>); NEXT();
  Op_I32GtS: binaryI32(SP, num::gtS<uint32_t>); NEXT();
  Op_I32GtU: binaryI32(SP, num::gtU<uint32_t>); NEXT();
  Op_I32LeS: binaryI32(SP, num::leS<uint32_t>); NEXT();
  Op_I32LeU: binaryI32(SP, num::leU<uint32_t>); NEXT();
  Op_I32GeS: binaryI32(SP, num::geS<uint32_t>); NEXT();
  Op_I32GeU: binaryI32(SP, num::geU<uint32_t>); NEXT();
  Op_I32Clz: unaryI32(SP, num::clz<uint32_t>); NEXT();
  Op_I32Ctz: unaryI32(SP, num::ctz<uint32_t>); NEXT();
  Op_I32Popcnt: unaryI32(SP, num::popcnt<uint32_t>); NEXT();
  Op_I32Add: binaryI32(SP, num::add<uint32_t>); NEXT();
  Op_I32Sub: binaryI32(SP, num::sub<uint32_t>); NEXT();
  Op_I32Mul: binaryI32(SP, num::mul<uint32_t>); NEXT();
  Op_I32DivS:
    if ((TrapCode = trappingBinary<uint32_t>(SP, num::divS<uint32_t>)))
      goto Trapped;
    NEXT();
  Op_I32DivU:
    if ((TrapCode = trappingBinary<uint32_t>(SP, num::divU<uint32_t>)))
      goto Trapped;
    NEXT();
  Op_I32RemS:
    if ((TrapCode = trappingBinary<uint32_t>(SP, num::remS<uint32_t>)))
      goto Trapped;
    NEXT();
  Op_I32RemU:
    if ((TrapCode = trappingBinary<uint32_t>(SP, num::remU<uint32_t>)))
      goto Trapped;
    NEXT();
  Op_I32And: binaryI32(SP, num::bitAnd<uint32_t>); NEXT();
  Op_I32Or: binaryI32(SP, num::bitOr<uint32_t>); NEXT();
  Op_I32Xor: binaryI32(SP, num::bitXor<uint32_t>); NEXT();
  Op_I32Shl: binaryI32(SP, num::shl<uint32_t>); NEXT();
  Op_I32ShrS: binaryI32(SP, num::shrS<uint32_t>); NEXT();
  Op_I32ShrU: binaryI32(SP, num::shrU<uint32_t>); NEXT();
  Op_I32Rotl: binaryI32(SP, num::rotl<uint32_t>); NEXT();
  Op_I32Rotr: binaryI32(SP, num::rotr<uint32_t>); NEXT();

  Op_I32AddImm: immediateI32(SP, *PC++, num::add<uint32_t>); NEXT();
  Op_I32MulImm: immediateI32(SP, *PC++, num::mul<uint32_t>); NEXT();
  Op_I32AndImm: immediateI32(SP, *PC++, num::bitAnd<uint32_t>); NEXT();
  Op_I32OrImm: immediateI32(SP, *PC++, num::bitOr<uint32_t>); NEXT();
  Op_I32XorImm: immediateI32(SP, *PC++, num::bitXor<uint32_t>); NEXT();
  Op_I32ShlImm: immediateI32(SP, *PC++, num::shl<uint32_t>); NEXT();
  Op_I32ShrSImm: immediateI32(SP, *PC++, num::shrS<uint32_t>); NEXT();
  Op_I32ShrUImm: immediateI32(SP, *PC++, num::shrU<uint32_t>); NEXT();
  Op_I32AddLocalImm:
    *SP++ = uint32_t(uint32_t(FP[PC[0]]) + PC[1]);
    PC += 2;
    NEXT();

  //===--- i64 ------------------------------------------------------------===//
  Op_I64Eqz:
    SP[-1] = SP[-1] == 0;
    NEXT();
  Op_I64Eq: binaryI64(SP, num::eq<uint64_t>); NEXT();
  Op_I64Ne: binaryI64(SP, num::ne<uint64_t>); NEXT();
  Op_I64LtS: binaryI64(SP, num::ltS<uint64_t>); NEXT();
  Op_I64LtU: binaryI64(SP, num::ltU<uint64_t>); NEXT();
  Op_I64GtS: binaryI64(SP, num::gtS<uint64_t>); NEXT();
  Op_I64GtU: binaryI64(SP, num::gtU<uint64_t>); NEXT();
  Op_I64LeS: binaryI64(SP, num::leS<uint64_t>); NEXT();
  Op_I64LeU: binaryI64(SP, num::leU<uint64_t>); NEXT();
  Op_I64GeS: binaryI64(SP, num::geS<uint64_t>); NEXT();
  Op_I64GeU: binaryI64(SP, num::geU<uint64_t>); NEXT();
  Op_I64Clz: unaryI64(SP, num::clz<uint64_t>); NEXT();
  Op_I64Ctz: unaryI64(SP, num::ctz<uint64_t>); NEXT();
  Op_I64Popcnt: unaryI64(SP, num::popcnt<uint64_t>); NEXT();
  Op_I64Add: binaryI64(SP, num::add<uint64_t>); NEXT();
  Op_I64Sub: binaryI64(SP, num::sub<uint64_t>); NEXT();
  Op_I64Mul: binaryI64(SP, num::mul<uint64_t>); NEXT();
  Op_I64DivS:
    if ((TrapCode = trappingBinary<uint64_t>(SP, num::divS<uint64_t>)))
      goto Trapped;
    NEXT();
  Op_I64DivU:
    if ((TrapCode = trappingBinary<uint64_t>(SP, num::divU<uint64_t>)))
      goto Trapped;
    NEXT();
  Op_I64RemS:
    if ((TrapCode = trappingBinary<uint64_t>(SP, num::remS<uint64_t>)))
      goto Trapped;
    NEXT();
  Op_I64RemU:
    if ((TrapCode = trappingBinary<uint64_t>(SP, num::remU<uint64_t>)))
      goto Trapped;
    NEXT();
  Op_I64And: binaryI64(SP, num::bitAnd<uint64_t>); NEXT();
  Op_I64Or: binaryI64(SP, num::bitOr<uint64_t>); NEXT();
  Op_I64Xor: binaryI64(SP, num::bitXor<uint64_t>); NEXT();
  Op_I64Shl: binaryI64(SP, num::shl<uint64_t>); NEXT();
  Op_I64ShrS: binaryI64(SP, num::shrS<uint64_t>); NEXT();
  Op_I64ShrU: binaryI64(SP, num::shrU<uint64_t>); NEXT();
  Op_I64Rotl: binaryI64(SP, num::rotl<uint64_t>); NEXT();
  Op_I64Rotr: binaryI64(SP, num::rotr<uint64_t>); NEXT();

  //===--- f32 ------------------------------------------------------------===//
  Op_F32Eq: compareF32(SP, num::feq<float>); NEXT();
  Op_F32Ne: compareF32(SP, num::fne<float>); NEXT();
  Op_F32Lt: compareF32(SP, num::flt<float>); NEXT();
  Op_F32Gt: compareF32(SP, num::fgt<float>); NEXT();
  Op_F32Le: compareF32(SP, num::fle<float>); NEXT();
  Op_F32Ge: compareF32(SP, num::fge<float>); NEXT();
  Op_F32Abs: unaryI32(SP, num::fabsBits<uint32_t>); NEXT();
  Op_F32Neg: unaryI32(SP, num::fnegBits<uint32_t>); NEXT();
  Op_F32Copysign: binaryI32(SP, num::fcopysignBits<uint32_t>); NEXT();
  Op_F32Ceil: unaryF32(SP, num::fceil<float>); NEXT();
  Op_F32Floor: unaryF32(SP, num::ffloor<float>); NEXT();
  Op_F32Trunc: unaryF32(SP, num::ftrunc<float>); NEXT();
  Op_F32Nearest: unaryF32(SP, num::fnearest<float>); NEXT();
  Op_F32Sqrt: unaryF32(SP, num::fsqrt<float>); NEXT();
  Op_F32Add: binaryF32(SP, num::fadd<float>); NEXT();
  Op_F32Sub: binaryF32(SP, num::fsub<float>); NEXT();
  Op_F32Mul: binaryF32(SP, num::fmul<float>); NEXT();
  Op_F32Div: binaryF32(SP, num::fdiv<float>); NEXT();
  Op_F32Min: binaryF32(SP, num::fmin<float>); NEXT();
  Op_F32Max: binaryF32(SP, num::fmax<float>); NEXT();
  Op_F32Canon: unaryF32(SP, num::canonicalNaN<float>); NEXT();

  //===--- f64 ------------------------------------------------------------===//
  Op_F64Eq: compareF64(SP, num::feq<double>); NEXT();
  Op_F64Ne: compareF64(SP, num::fne<double>); NEXT();
  Op_F64Lt: compareF64(SP, num::flt<double>); NEXT();
  Op_F64Gt: compareF64(SP, num::fgt<double>); NEXT();
  Op_F64Le: compareF64(SP, num::fle<double>); NEXT();
  Op_F64Ge: compareF64(SP, num::fge<double>); NEXT();
  Op_F64Abs: unaryI64(SP, num::fabsBits<uint64_t>); NEXT();
  Op_F64Neg: unaryI64(SP, num::fnegBits<uint64_t>); NEXT();
  Op_F64Copysign: binaryI64(SP, num::fcopysignBits<uint64_t>); NEXT();
  Op_F64Ceil: unaryF64(SP, num::fceil<double>); NEXT();
  Op_F64Floor: unaryF64(SP, num::ffloor<double>); NEXT();
  Op_F64Trunc: unaryF64(SP, num::ftrunc<double>); NEXT();
  Op_F64Nearest: unaryF64(SP, num::fnearest<double>); NEXT();
  Op_F64Sqrt: unaryF64(SP, num::fsqrt<double>); NEXT();
  Op_F64Add: binaryF64(SP, num::fadd<double>); NEXT();
  Op_F64Sub: binaryF64(SP, num::fsub<double>); NEXT();
  Op_F64Mul: binaryF64(SP, num::fmul<double>); NEXT();
  Op_F64Div: binaryF64(SP, num::fdiv<double>); NEXT();
  Op_F64Min: binaryF64(SP, num::fmin<double>); NEXT();
  Op_F64Max: binaryF64(SP, num::fmax<double>); NEXT();
  Op_F64Canon: unaryF64(SP, num::canonicalNaN<double>); NEXT();

  //===--- Conversions ----------------------------------------------------===//
  Op_I32WrapI64:
    SP[-1] = uint32_t(SP[-1]);
    NEXT();
  Op_I64ExtendI32S:
    SP[-1] = uint64_t(int64_t(int32_t(SP[-1])));
    NEXT();
  Op_I64ExtendI32U:
    SP[-1] = uint32_t(SP[-1]);
    NEXT();
  Op_I32TruncF32S:
    if ((TrapCode = truncate<int32_t, float, uint32_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I32TruncF32U:
    if ((TrapCode = truncate<uint32_t, float, uint32_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I32TruncF64S:
    if ((TrapCode = truncate<int32_t, double, uint32_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I32TruncF64U:
    if ((TrapCode = truncate<uint32_t, double, uint32_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I64TruncF32S:
    if ((TrapCode = truncate<int64_t, float, uint64_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I64TruncF32U:
    if ((TrapCode = truncate<uint64_t, float, uint64_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I64TruncF64S:
    if ((TrapCode = truncate<int64_t, double, uint64_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I64TruncF64U:
    if ((TrapCode = truncate<uint64_t, double, uint64_t>(SP)))
      goto Trapped;
    NEXT();
  Op_I32TruncSatF32S: truncateSat<int32_t, float, uint32_t>(SP); NEXT();
  Op_I32TruncSatF32U: truncateSat<uint32_t, float, uint32_t>(SP); NEXT();
  Op_I32TruncSatF64S: truncateSat<int32_t, double, uint32_t>(SP); NEXT();
  Op_I32TruncSatF64U: truncateSat<uint32_t, double, uint32_t>(SP); NEXT();
  Op_I64TruncSatF32S: truncateSat<int64_t, float, uint64_t>(SP); NEXT();
  Op_I64TruncSatF32U: truncateSat<uint64_t, float, uint64_t>(SP); NEXT();
  Op_I64TruncSatF64S: truncateSat<int64_t, double, uint64_t>(SP); NEXT();
  Op_I64TruncSatF64U: truncateSat<uint64_t, double, uint64_t>(SP); NEXT();
  Op_F32ConvertI32S: SP[-1] = f32Slot(float(int32_t(SP[-1]))); NEXT();
  Op_F32ConvertI32U: SP[-1] = f32Slot(float(uint32_t(SP[-1]))); NEXT();
  Op_F32ConvertI64S: SP[-1] = f32Slot(float(int64_t(SP[-1]))); NEXT();
  Op_F32ConvertI64U: SP[-1] = f32Slot(float(SP[-1])); NEXT();
  Op_F32DemoteF64: SP[-1] = f32Slot(num::demote(slotF64(SP[-1]))); NEXT();
  Op_F64ConvertI32S: SP[-1] = f64Slot(double(int32_t(SP[-1]))); NEXT();
  Op_F64ConvertI32U: SP[-1] = f64Slot(double(uint32_t(SP[-1]))); NEXT();
  Op_F64ConvertI64S: SP[-1] = f64Slot(double(int64_t(SP[-1]))); NEXT();
  Op_F64ConvertI64U: SP[-1] = f64Slot(double(SP[-1])); NEXT();
  Op_F64PromoteF32: SP[-1] = f64Slot(num::promote(slotF32(SP[-1]))); NEXT();
  // Slots hold bits, so reinterpretation changes nothing.
  Op_I32ReinterpretF32:
  Op_I64ReinterpretF64:
  Op_F32ReinterpretI32:
  Op_F64ReinterpretI64:
    NEXT();
  Op_I32Extend8S: unaryI32(SP, num::extendS<uint32_t, int8_t>); NEXT();
  Op_I32Extend16S: unaryI32(SP, num::extendS<uint32_t, int16_t>); NEXT();
  Op_I64Extend8S: unaryI64(SP, num::extendS<uint64_t, int8_t>); NEXT();
  Op_I64Extend16S: unaryI64(SP, num::extendS<uint64_t, int16_t>); NEXT();
  Op_I64Extend32S: unaryI64(SP, num::extendS<uint64_t, int32_t>); NEXT();

  // Never emitted: translation resolves structured control into jumps,
  // folds these into other handlers, or refuses the module (SIMD).
  Op_Block:
  Op_Loop:
  Op_If:
  Op_Else:
  Op_End:
  Op_Nop:
  Op_SelectT:
#define WASM_OP(Name, Text, Prefix, Code, Imm, Sig, Feature)                   \
  WASMC_SIMD_ONLY_##Feature(Op_##Name:)
#include "wasm/Opcodes.def"
  __builtin_unreachable();

Call:
  // Callee's arguments are the top slots of the stack.
  if (Callee->isHost()) {
    uint64_t *CallArgs = SP - Callee->Type->Params.size();
    T.Depth = Depth;
    // No object with a destructor may live in a handler's scope (an
    // indirect goto leaves it), hence the function-scope HostTrap.
    HostTrap = callHost(S, *Callee, CallArgs, Inst);
    if (HostTrap)
      goto Trapped;
    SP = CallArgs + Callee->Type->Results.size();
    std::tie(Inst, Mem, MemBase, MemSize) = viewOf(Inst);
    NEXT();
  }
  {
    const CompiledFunc &C = *Callee->Code;
    uint64_t *NewFP = SP - C.ParamSlots;
    if (Depth >= MaxDepth || NewFP + C.FrameSlots > StackEnd) {
      TrapCode = RT_TRAP_STACK_EXHAUSTED;
      goto Trapped;
    }
    // The entry's frame has no caller to return to (RetPC null).
    Frames[Depth++] = {PC, FP, Cur};
    std::fill_n(SP, C.LocalSlots, uint64_t(0));
    SP += C.LocalSlots;
    FP = NewFP;
    PC = C.Code.data();
    Cur = Callee;
    if (Cur->Instance != Inst)
      std::tie(Inst, Mem, MemBase, MemSize) = viewOf(Cur->Instance);
    NEXT();
  }

OutOfBounds:
  TrapCode = RT_TRAP_MEMORY_OOB;
Trapped:
  T.Depth = EntryDepth;
  if (HostTrap)
    return HostTrap;
  return Trap(TrapCode);
}

#undef NEXT

} // namespace

Trap callFunction(Store &S, FuncInst &F, uint64_t *Args) {
  if (F.isHost())
    return callHost(S, F, Args, nullptr);
  return runWasm(S, F, Args);
}

} // namespace wasmc::interp
