//===--- Translate.h - Validated Wasm bodies to internal code -------------===//
//
/// \file
/// translateModule turns every function body of a validated module into the
/// internal code of Code.h, once, so that execution never decodes LEB128
/// nor searches for the end of a block. The input must have passed
/// validation: type errors are not diagnosed here.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "interp/Code.h"
#include "interp/Store.h"
#include "wasm/Error.h"

#include <memory>

namespace wasmc::interp {

/// Translates all defined functions of M. Fails with ErrorKind::Unsupported
/// if the module uses SIMD (v128 types or instructions), which the
/// interpreter does not implement yet. With Opts.Fuel each metering segment
/// starts with a Fuel op, with Opts.CanonicalNaN each operator that may
/// yield an unspecified NaN is followed by F32Canon or F64Canon.
Result<std::shared_ptr<ModuleCode>>
translateModule(std::shared_ptr<const Module> M, const ExecOptions &Opts = {});

} // namespace wasmc::interp
