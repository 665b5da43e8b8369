//===--- PartsTest.cpp - Modules lowered in separately compiled parts -----===//
#include "LowerTestSupport.h"

namespace wasmc::lower::test {
namespace {

class PartsTest : public LowerTest {
protected:
  /// Lowers part I of Plan, which must succeed and verify.
  std::unique_ptr<llvm::Module> part(const ValidatedModule &VM, const PartPlan &Plan,
                                     size_t I) {
    auto M = lowerPart(VM, Plan, I, Ctx, targetMachine(), {});
    if (!M) {
      ADD_FAILURE() << llvm::toString(M.takeError());
      return nullptr;
    }
    std::string Msg;
    llvm::raw_string_ostream OS(Msg);
    EXPECT_FALSE(llvm::verifyModule(**M, &OS)) << Msg;
    return std::move(*M);
  }
};

// Four functions of growing size; $big is larger than a part.
constexpr const char *Chain = R"((module
  (func $a (result i32) (call $b))
  (func $b (result i32) (i32.add (call $c) (i32.const 1)))
  (func $c (result i32)
    (i32.add (i32.add (i32.add (call $big) (i32.const 1)) (i32.const 2))
             (i32.const 3)))
  (func $big (export "big") (result i32)
    (i32.add (i32.add (i32.add (i32.add (i32.add (i32.add (i32.const 1)
      (i32.const 2)) (i32.const 3)) (i32.const 4)) (i32.const 5)) (i32.const 6))
      (i32.const 7))))
)";

TEST_F(PartsTest, PlanCoversEveryFunctionOnceInOrder) {
  ValidatedModule VM = validate(Chain);
  const Module &WM = VM.module();
  size_t Limit = WM.Functions[2].Body.Size; // $c's size
  ASSERT_LT(WM.Functions[0].Body.Size + WM.Functions[1].Body.Size, Limit);
  ASSERT_GT(WM.Functions[3].Body.Size, Limit);
  PartPlan Plan = planParts(WM, Limit);
  ASSERT_EQ(Plan.Parts.size(), 4u);
  EXPECT_TRUE(Plan.Parts[0].ModuleInfo);
  EXPECT_EQ(Plan.Parts[0].First, Plan.Parts[0].End);
  // $a and $b fit together; $c fills a part; $big is over the limit alone.
  EXPECT_EQ(Plan.Parts[1].First, 0u);
  EXPECT_EQ(Plan.Parts[1].End, 2u);
  EXPECT_EQ(Plan.Parts[2].First, 2u);
  EXPECT_EQ(Plan.Parts[2].End, 3u);
  EXPECT_EQ(Plan.Parts[3].First, 3u);
  EXPECT_EQ(Plan.Parts[3].End, 4u);
  for (size_t I = 1; I < Plan.Parts.size(); ++I)
    EXPECT_FALSE(Plan.Parts[I].ModuleInfo);
  EXPECT_EQ(Plan.Symbols, (std::vector<std::string>{"wasm_a", "wasm_b", "wasm_c", "wasm_big"}));
}

TEST_F(PartsTest, PartsDefineTheirFunctionsAndDeclareTheirCallees) {
  ValidatedModule VM = validate(Chain);
  PartPlan Plan = planParts(VM.module(), VM.module().Functions[2].Body.Size);
  auto P1 = part(VM, Plan, 1);
  ASSERT_TRUE(P1);
  for (const char *Name : {"wasm_a", "wasm_b"}) {
    llvm::Function *F = P1->getFunction(Name);
    ASSERT_NE(F, nullptr) << Name;
    EXPECT_FALSE(F->isDeclaration()) << Name;
    EXPECT_TRUE(F->hasExternalLinkage()) << Name;
    EXPECT_TRUE(F->hasHiddenVisibility()) << Name;
  }
  llvm::Function *C = P1->getFunction("wasm_c");
  ASSERT_NE(C, nullptr);
  EXPECT_TRUE(C->isDeclaration());
  EXPECT_TRUE(C->hasHiddenVisibility());
  // Functions the part neither defines nor calls are not in it at all.
  EXPECT_EQ(P1->getFunction("wasm_big"), nullptr);
  EXPECT_EQ(P1->getGlobalVariable(ModuleInfoSymbol), nullptr);

  auto Info = part(VM, Plan, 0);
  ASSERT_TRUE(Info);
  EXPECT_NE(Info->getGlobalVariable(ModuleInfoSymbol), nullptr);
  for (const char *Name : {"wasm_a", "wasm_b", "wasm_c", "wasm_big"}) {
    llvm::Function *F = Info->getFunction(Name);
    ASSERT_NE(F, nullptr) << Name;
    EXPECT_TRUE(F->isDeclaration()) << Name;
  }
}

TEST_F(PartsTest, WholeModuleKeepsFunctionsInternal) {
  lower(Chain);
  for (const char *Name : {"a", "b", "c", "big"})
    EXPECT_TRUE(func(Name).hasInternalLinkage()) << Name;
}

TEST_F(PartsTest, SymbolsAreUniqueWhenNamesCollide) {
  // $f1 is function 0; the unnamed function 1 would also be wasm_f1.
  ValidatedModule VM = validate(R"((module
    (func $f1 (call 1))
    (func)
    (func $f1.1))
  )");
  PartPlan Plan = planParts(VM.module(), 0);
  EXPECT_EQ(Plan.Symbols,
            (std::vector<std::string>{"wasm_f1", "wasm_f1.1", "wasm_f1.1.2"}));
  auto P1 = part(VM, Plan, 1);
  ASSERT_TRUE(P1);
  llvm::Function *Callee = P1->getFunction("wasm_f1.1");
  ASSERT_NE(Callee, nullptr);
  EXPECT_TRUE(Callee->isDeclaration());
}

} // namespace
} // namespace wasmc::lower::test
