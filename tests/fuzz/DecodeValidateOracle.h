//===--- DecodeValidateOracle.h - Invariants of decode and validate -------===//
//
/// \file
/// The properties every input must satisfy, whatever its bytes: shared by
/// the libFuzzer target (which aborts when one breaks) and the unit test
/// that replays saved reproducers (which fails). Crashes, leaks and
/// undefined behaviour are the sanitizers' part; this adds the logical
/// invariants of the front end's error model.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace wasmc::fuzz {

/// Decodes and validates Data, then checks that: errors are only of the
/// kinds the front end may produce (Malformed/Limit from the decoder,
/// Invalid/Malformed from the validator) with offsets inside the input; a
/// valid module has well-formed code; an Invalid module has well-formed
/// code (malformed wins); and a Malformed validation error is exactly the
/// one checkCodeSyntax reports. Returns a description of the first broken
/// invariant, or an empty string.
std::string checkDecodeValidate(const uint8_t *Data, size_t Size);

} // namespace wasmc::fuzz
