/*===--- value_text.h - Wasm values as command-line text --------------------===*
 *
 * \file
 * How `--invoke NAME ARGS` reads its arguments and prints its results, in
 * compiled executables (start.c) and in `wasmc run --interp`
 * (compiler/driver/ValueText.cpp adapts it), so that a script sees the
 * same text from either engine: integers in
 * decimal or 0x hexadecimal, signed or unsigned range; floats in C syntax,
 * "nan", "inf", "-inf"; results as signed decimal integers and floats as
 * the shortest decimal that reads back, without an exponent.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_VALUE_TEXT_H
#define WASMC_RT_VALUE_TEXT_H

#include "rt/abi.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Parses text as a value of type `type` (an RT_TYPE_* code) into *out.
 * Returns 0, or -1 if the text is not such a value or the type cannot be
 * written on a command line (references, v128). */
int rt_parse_value(const char *text, uint8_t type, rt_value *out);

/* Writes value v of type `type` to buf; RT_VALUE_TEXT_MAX bytes always
 * suffice (an f64 of 1e308 or 5e-324 is written out in full). */
#define RT_VALUE_TEXT_MAX 400
void rt_format_value(const rt_value *v, uint8_t type, char *buf, size_t len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_VALUE_TEXT_H */
