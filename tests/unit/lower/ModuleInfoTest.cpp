//===--- ModuleInfoTest.cpp - The emitted rt_module_info ------------------===//
#include "LowerTestSupport.h"

#include "lower/AbiTypes.h"

#include "llvm/IR/GlobalVariable.h"

namespace wasmc::lower::test {
namespace {

using llvm::cast;
using llvm::Constant;

class ModuleInfoTest : public LowerTest {
protected:
  Constant *info() {
    llvm::GlobalVariable *GV = Owned->getGlobalVariable(ModuleInfoSymbol);
    EXPECT_NE(GV, nullptr);
    EXPECT_TRUE(GV->isConstant());
    EXPECT_EQ(GV->getLinkage(), llvm::GlobalValue::ExternalLinkage);
    return GV->getInitializer();
  }
  static uint64_t intField(Constant *S, unsigned Field) {
    return cast<llvm::ConstantInt>(S->getAggregateElement(Field))->getZExtValue();
  }
  static int64_t sintField(Constant *S, unsigned Field) {
    return cast<llvm::ConstantInt>(S->getAggregateElement(Field))->getSExtValue();
  }
  /// Element Index of the array a pointer field points to.
  static Constant *elem(Constant *S, unsigned Field, unsigned Index) {
    auto *GV = cast<llvm::GlobalVariable>(S->getAggregateElement(Field));
    return GV->getInitializer()->getAggregateElement(Index);
  }
  static std::string name(Constant *NameStruct) {
    auto *GV = cast<llvm::GlobalVariable>(NameStruct->getAggregateElement(0u));
    auto *Data = cast<llvm::ConstantDataArray>(GV->getInitializer());
    return Data->getAsString().substr(0, intField(NameStruct, 1)).str();
  }
};

constexpr const char *Sample = R"((module $sample
  (import "env" "g" (global $g i32))
  (import "env" "mem" (memory 1 2))
  (type $t (func (param i32) (result i32)))
  (table 3 10 funcref)
  (global $x (mut f32) (f32.const 1.5))
  (global $y i32 (global.get $g))
  (func $id (type $t) (local.get 0))
  (func $inc (type $t) (i32.add (local.get 0) (i32.const 1)))
  (func $start)
  (export "id" (func $id))
  (export "tab" (table 0))
  (elem (i32.const 1) func $id $inc)
  (data (i32.const 8) "hi\00there")
  (start $start)))";

TEST_F(ModuleInfoTest, DescribesTheModule) {
  lower(Sample, BoundsMode::Explicit);
  Constant *I = info();
  EXPECT_EQ(intField(I, AbiTypes::InfoAbiVersion), uint64_t(RT_ABI_VERSION));
  EXPECT_EQ(intField(I, AbiTypes::InfoBoundsMode), uint64_t(RT_BOUNDS_EXPLICIT));
  EXPECT_EQ(name(I->getAggregateElement(AbiTypes::InfoName)), "sample");
  EXPECT_EQ(intField(I, AbiTypes::InfoNumTypes), 2u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumImports), 2u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumFuncs), 3u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumTables), 1u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumMemories), 0u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumGlobals), 2u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumExports), 2u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumElems), 1u);
  EXPECT_EQ(intField(I, AbiTypes::InfoNumDatas), 1u);
  EXPECT_EQ(sintField(I, AbiTypes::InfoStartFunc), 2);
  EXPECT_TRUE(I->getAggregateElement(AbiTypes::InfoMemories)->isNullValue());
}

TEST_F(ModuleInfoTest, ImportsAndExports) {
  lower(Sample);
  Constant *I = info();
  Constant *Mem = elem(I, AbiTypes::InfoImports, 1);
  EXPECT_EQ(name(Mem->getAggregateElement(AbiTypes::ImportModule)), "env");
  EXPECT_EQ(name(Mem->getAggregateElement(AbiTypes::ImportName)), "mem");
  EXPECT_EQ(intField(Mem, AbiTypes::ImportKind), uint64_t(RT_EXTERN_MEMORY));
  Constant *Lim = Mem->getAggregateElement(AbiTypes::ImportLimits);
  EXPECT_EQ(intField(Lim, AbiTypes::LimitsMin), 1u);
  EXPECT_EQ(intField(Lim, AbiTypes::LimitsMax), 2u);
  EXPECT_EQ(intField(Lim, AbiTypes::LimitsHasMax), 1u);
  Constant *Tab = elem(I, AbiTypes::InfoExports, 1);
  EXPECT_EQ(name(Tab->getAggregateElement(AbiTypes::ExportName)), "tab");
  EXPECT_EQ(intField(Tab, AbiTypes::ExportKind), uint64_t(RT_EXTERN_TABLE));
}

TEST_F(ModuleInfoTest, FunctionsShareTrampolinesByType) {
  lower(Sample);
  Constant *I = info();
  Constant *Id = elem(I, AbiTypes::InfoFuncs, 0);
  Constant *Inc = elem(I, AbiTypes::InfoFuncs, 1);
  Constant *Start = elem(I, AbiTypes::InfoFuncs, 2);
  EXPECT_EQ(Id->getAggregateElement(AbiTypes::FuncDefCode), &func("id"));
  EXPECT_EQ(Id->getAggregateElement(AbiTypes::FuncDefInvoke),
            Inc->getAggregateElement(AbiTypes::FuncDefInvoke));
  EXPECT_NE(Id->getAggregateElement(AbiTypes::FuncDefInvoke),
            Start->getAggregateElement(AbiTypes::FuncDefInvoke));
  EXPECT_EQ(name(Inc->getAggregateElement(AbiTypes::FuncDefName)), "inc");
  EXPECT_NE(Owned->getFunction("wasm_invoke_i_i"), nullptr);
  EXPECT_NE(Owned->getFunction("wasm_invoke__"), nullptr);
}

TEST_F(ModuleInfoTest, ConstantExpressions) {
  lower(Sample);
  Constant *I = info();
  Constant *X = elem(I, AbiTypes::InfoGlobals, 0);
  EXPECT_EQ(intField(X, AbiTypes::GlobalDefMutable), 1u);
  Constant *Init = X->getAggregateElement(AbiTypes::GlobalDefInit);
  EXPECT_EQ(intField(Init, AbiTypes::ConstExprKind), uint64_t(RT_CONST_VALUE));
  Constant *Words = Init->getAggregateElement(AbiTypes::ConstExprValue)->getAggregateElement(0u);
  EXPECT_EQ(cast<llvm::ConstantInt>(Words->getAggregateElement(0u))->getZExtValue(),
            0x3fc00000u);
  Constant *Y = elem(I, AbiTypes::InfoGlobals, 1)->getAggregateElement(AbiTypes::GlobalDefInit);
  EXPECT_EQ(intField(Y, AbiTypes::ConstExprKind), uint64_t(RT_CONST_GLOBAL_GET));
  EXPECT_EQ(intField(Y, AbiTypes::ConstExprIndex), 0u);

  Constant *Seg = elem(I, AbiTypes::InfoElems, 0);
  EXPECT_EQ(intField(Seg, AbiTypes::ElemMode), uint64_t(RT_SEGMENT_ACTIVE));
  EXPECT_EQ(intField(Seg, AbiTypes::ElemCount), 2u);
  Constant *Second = elem(Seg, AbiTypes::ElemInits, 1);
  EXPECT_EQ(intField(Second, AbiTypes::ConstExprKind), uint64_t(RT_CONST_REF_FUNC));
  EXPECT_EQ(intField(Second, AbiTypes::ConstExprIndex), 1u);
}

TEST_F(ModuleInfoTest, DataSegmentBytes) {
  lower(Sample);
  Constant *Seg = elem(info(), AbiTypes::InfoDatas, 0);
  EXPECT_EQ(intField(Seg, AbiTypes::DataSize), 8u);
  auto *GV = cast<llvm::GlobalVariable>(Seg->getAggregateElement(AbiTypes::DataBytes));
  auto *Data = cast<llvm::ConstantDataArray>(GV->getInitializer());
  EXPECT_EQ(Data->getRawDataValues().str(), std::string("hi\0there", 8));
  Constant *Offset = Seg->getAggregateElement(AbiTypes::DataOffset);
  Constant *Words = Offset->getAggregateElement(AbiTypes::ConstExprValue)->getAggregateElement(0u);
  EXPECT_EQ(cast<llvm::ConstantInt>(Words->getAggregateElement(0u))->getZExtValue(), 8u);
}

TEST_F(ModuleInfoTest, ReferencesTheAbiVersionSymbol) {
  lower("(module)");
  EXPECT_EQ(intField(info(), AbiTypes::InfoStartFunc), uint64_t(-1));
  llvm::GlobalVariable *Used = Owned->getGlobalVariable("llvm.used");
  ASSERT_NE(Used, nullptr);
  std::string Symbol = "rt_abi_v" + std::to_string(RT_ABI_VERSION);
  llvm::GlobalVariable *Abi = Owned->getGlobalVariable(Symbol);
  ASSERT_NE(Abi, nullptr);
  EXPECT_TRUE(Abi->isDeclaration());
  EXPECT_FALSE(Abi->use_empty());
}

TEST_F(ModuleInfoTest, OutputIsDeterministic) {
  // Each in its own context: struct type names are unique per context.
  auto Print = [&] {
    llvm::LLVMContext C;
    auto M = lowerModule(validate(Sample), C, targetMachine(), {});
    EXPECT_TRUE(bool(M));
    std::string S;
    llvm::raw_string_ostream OS(S);
    if (M)
      (*M)->print(OS, nullptr);
    else
      llvm::consumeError(M.takeError());
    return S;
  };
  std::string First = Print();
  EXPECT_FALSE(First.empty());
  EXPECT_EQ(First, Print());
}

} // namespace
} // namespace wasmc::lower::test
