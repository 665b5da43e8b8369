//===--- BakedOptions.cpp - Run options compiled into an executable -------===//
#include "BakedOptions.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"

#include <string_view>

namespace wasmc::driver {

namespace {

/// The options whose value holds a host path, and where in the value it is.
enum class GrantValue { None, Dir, File };

GrantValue grantValue(std::string_view Name) {
  if (Name == "--dir" || Name == "--dir-ro")
    return GrantValue::Dir;
  if (Name == "--preopen-read" || Name == "--preopen-write")
    return GrantValue::File;
  return GrantValue::None;
}

llvm::Expected<std::string> absolute(std::string_view Path) {
  llvm::SmallString<256> P(Path);
  if (std::error_code EC = llvm::sys::fs::make_absolute(P))
    return llvm::createStringError(EC, "cannot make the grant path '%s' absolute",
                                   std::string(Path).c_str());
  return std::string(P);
}

/// HOST[::GUEST] -> ABSOLUTE-HOST::GUEST, GUEST defaulting to HOST's text;
/// FD:PATH -> FD:ABSOLUTE-PATH.
llvm::Expected<std::string> absoluteValue(GrantValue Kind, std::string_view V) {
  if (Kind == GrantValue::Dir) {
    size_t Sep = V.find("::");
    std::string_view Host = V.substr(0, Sep);
    std::string_view Guest = Sep == std::string_view::npos ? V : V.substr(Sep + 2);
    auto Abs = absolute(Host);
    if (!Abs)
      return Abs.takeError();
    return *Abs + "::" + std::string(Guest);
  }
  size_t Colon = V.find(':');
  auto Abs = absolute(V.substr(Colon + 1));
  if (!Abs)
    return Abs.takeError();
  return std::string(V.substr(0, Colon + 1)) + *Abs;
}

} // namespace

llvm::Expected<std::vector<std::string>>
absoluteGrantPaths(const std::vector<std::string> &Args) {
  std::vector<std::string> Out;
  Out.reserve(Args.size());
  for (size_t I = 0; I < Args.size(); ++I) {
    std::string_view A = Args[I];
    size_t Eq = A.find('=');
    GrantValue Kind = grantValue(A.substr(0, Eq));
    if (Kind == GrantValue::None || (Eq == std::string_view::npos && I + 1 == Args.size())) {
      Out.push_back(Args[I]);
      continue;
    }
    // "--dir=VALUE", or "--dir" followed by its value.
    std::string Prefix = Eq == std::string_view::npos ? "" : std::string(A.substr(0, Eq + 1));
    if (Eq == std::string_view::npos)
      Out.push_back(Args[I++]);
    auto V = absoluteValue(Kind, std::string_view(Args[I]).substr(Prefix.size()));
    if (!V)
      return V.takeError();
    Out.push_back(Prefix + *V);
  }
  return Out;
}

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
