//===--- Invoke.cpp - Calling a function from the embedder ----------------===//
//
/// \file
/// The boundary between typed Values and the engine's slots for calls made
/// by the embedder (or by a host function re-entering the store).
//
//===----------------------------------------------------------------------===//
#include "interp/Interp.h"

#include "interp/Exec.h"
#include "interp/Slots.h"

#include <algorithm>

namespace wasmc::interp {
namespace {

Status checkArgs(Store &S, const FuncType &FT, std::span<const Value> Args) {
  if (Args.size() != FT.Params.size())
    return makeError(ErrorKind::Invalid, UINT64_MAX,
                     "type mismatch: function " + FT.str() + " expects " +
                         std::to_string(FT.Params.size()) + " arguments, got " +
                         std::to_string(Args.size()));
  for (size_t K = 0; K < Args.size(); ++K) {
    const Value &A = Args[K];
    if (A.type() != FT.Params[K])
      return makeError(ErrorKind::Invalid, UINT64_MAX,
                       "type mismatch: argument " + std::to_string(K) +
                           " expects " + valTypeName(FT.Params[K]) + ", got " +
                           valTypeName(A.type()));
    if (A.type() == ValType::FuncRef && !A.isNull() &&
        A.funcAddr() >= S.numFuncs())
      return makeError(ErrorKind::Invalid, UINT64_MAX,
                       "argument " + std::to_string(K) +
                           " refers to no function of the store");
  }
  return Status::success();
}

} // namespace

Result<Outcome> invoke(Store &S, FuncAddr F, std::span<const Value> Args) {
  if (F >= S.numFuncs())
    return makeError(ErrorKind::Invalid, UINT64_MAX,
                     "unknown function address " + std::to_string(F));
  FuncInst &Fn = S.func(F);
  const FuncType &FT = *Fn.Type;
  WASMC_TRY(checkArgs(S, FT, Args));

  Outcome Out;
  Thread &T = S.thread();
  uint64_t *Base = T.Top;
  size_t Need = std::max(FT.Params.size(), FT.Results.size());
  if (size_t(T.StackEnd - Base) < Need) {
    Out.Trapped = Trap(RT_TRAP_STACK_EXHAUSTED);
    return Out;
  }
  for (size_t K = 0; K < Args.size(); ++K)
    Base[K] = valueToSlot(S, Args[K]);
  if ((Out.Trapped = callFunction(S, Fn, Base)))
    return Out;
  Out.Results.reserve(FT.Results.size());
  for (size_t K = 0; K < FT.Results.size(); ++K)
    Out.Results.push_back(slotToValue(FT.Results[K], Base[K]));
  return Out;
}

} // namespace wasmc::interp
