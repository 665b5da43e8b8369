//===--- BakedOptions.cpp - Run options compiled into an executable -------===//
#include "BakedOptions.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"

namespace wasmc::driver {

void bakeRunOptions(llvm::Module &M, const std::vector<std::string> &Args) {
  std::string Blob;
  for (const std::string &A : Args) {
    Blob += A;
    Blob += '\0';
  }
  llvm::LLVMContext &Ctx = M.getContext();
  // Without AddNull: the blob's own NULs end every option.
  llvm::Constant *Text = llvm::ConstantDataArray::getString(Ctx, Blob, /*AddNull=*/false);
  new llvm::GlobalVariable(M, Text->getType(), /*isConstant=*/true,
                           llvm::GlobalValue::ExternalLinkage, Text, "wasmc_baked_options");
  auto *I32 = llvm::Type::getInt32Ty(Ctx);
  new llvm::GlobalVariable(M, I32, /*isConstant=*/true, llvm::GlobalValue::ExternalLinkage,
                           llvm::ConstantInt::get(I32, Blob.size()),
                           "wasmc_baked_options_size");
}

} // namespace wasmc::driver
