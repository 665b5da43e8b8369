//===--- TextNesting.h - How deeply a text module nests -------------------===//
//
/// \file
/// wabt's text parser, name resolver, writer and its IR's destructors all
/// recurse once per nesting level, so the depth a text module may have is
/// bounded by the stack they run on (WatToBinary.cpp gives them a large
/// one). This scan bounds the depth before wabt sees the text, so that a
/// hostile module gets a Limit error instead of overflowing that stack.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "wasm/Error.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace wasmc {

/// Deepest nesting accepted in the text format: parentheses plus open flat
/// `block`/`loop`/`if`/`try` instructions. The binary format has no such
/// limit below the decoder's own.
constexpr uint32_t MaxTextNesting = 500000;

/// Checks that no point of Source nests deeper than Max levels (an upper
/// bound of wabt's recursion depth: comments and strings are skipped, a
/// folded instruction counts its parenthesis only). On failure, one Limit
/// error "FILE:LINE:COL: text nests deeper than Max levels".
Status checkTextNesting(std::string_view Source, const std::string &Filename,
                        uint32_t Max = MaxTextNesting);

} // namespace wasmc
