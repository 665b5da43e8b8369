/*===--- value_text.c - Wasm values as command-line text --------------------===*
 *
 * \file
 * See value_text.h. The shortest round-trip digits come from trying each
 * precision of %e until strtod/strtof reads the same value back: printf
 * rounds correctly, so the first precision that round-trips gives the
 * digits closest to the value among the shortest, as the driver's
 * std::to_chars does.
 *
 *===----------------------------------------------------------------------===*/
#include "rt/value_text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decimal or 0x hexadecimal with an optional '-', within the signed or
 * unsigned range of `bits`; the result is the two's complement bits. */
static int parse_integer(const char *s, unsigned bits, uint64_t *out) {
  int neg = *s == '-';
  if (neg)
    ++s;
  if (!isdigit((unsigned char)*s))
    return -1;
  int base = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') ? 16 : 10;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, base);
  if (errno || *end || (base == 16 && end == s + 2))
    return -1;
  uint64_t umax = bits == 64 ? UINT64_MAX : (UINT64_C(1) << bits) - 1;
  uint64_t neg_max = UINT64_C(1) << (bits - 1); /* |INT_MIN| */
  if (neg ? v > neg_max : v > umax)
    return -1;
  *out = (neg ? (uint64_t)0 - v : v) & umax;
  return 0;
}

static int parse_float(const char *s, int is_f32, rt_value *out) {
  if (!*s || isspace((unsigned char)*s))
    return -1;
  char *end;
  if (is_f32) {
    out->f32 = strtof(s, &end);
  } else {
    out->f64 = strtod(s, &end);
  }
  return *end ? -1 : 0;
}

int rt_parse_value(const char *text, uint8_t type, rt_value *out) {
  uint64_t bits;
  switch (type) {
  case RT_TYPE_I32:
    if (parse_integer(text, 32, &bits))
      return -1;
    out->i32 = (int32_t)(uint32_t)bits;
    return 0;
  case RT_TYPE_I64:
    if (parse_integer(text, 64, &bits))
      return -1;
    out->i64 = (int64_t)bits;
    return 0;
  case RT_TYPE_F32: return parse_float(text, 1, out);
  case RT_TYPE_F64: return parse_float(text, 0, out);
  default: return -1;
  }
}

/* The shortest "d.ddde±X" form that reads back as x. */
static void shortest_scientific(double x, int is_f32, char *buf, size_t len) {
  for (int precision = 0; precision < 17; ++precision) {
    snprintf(buf, len, "%.*e", precision, x);
    if (is_f32 ? strtof(buf, NULL) == (float)x : strtod(buf, NULL) == x)
      return;
  }
  snprintf(buf, len, "%.16e", x);
}

static void format_float(double x, int is_f32, char *out, size_t len) {
  if (isnan(x)) {
    snprintf(out, len, "NaN");
    return;
  }
  if (isinf(x)) {
    snprintf(out, len, x < 0 ? "-inf" : "inf");
    return;
  }
  char sci[64];
  shortest_scientific(x, is_f32, sci, sizeof sci);
  const char *p = sci;
  char sign[2] = {0};
  if (*p == '-') {
    sign[0] = '-';
    ++p;
  }
  char digits[32];
  size_t n = 0;
  for (; *p && *p != 'e'; ++p)
    if (*p != '.')
      digits[n++] = *p;
  digits[n] = 0;
  int point = atoi(p + 1) + 1; /* where the decimal point goes */
  /* At most 17 digits and a few hundred zeros (|exponent| < 330). */
  char text[400];
  size_t k = 0;
  if (point <= 0) {
    text[k++] = '0';
    text[k++] = '.';
    for (int i = 0; i < -point; ++i)
      text[k++] = '0';
    memcpy(text + k, digits, n);
    k += n;
  } else if ((size_t)point >= n) {
    memcpy(text, digits, n);
    k = n;
    for (size_t i = n; i < (size_t)point; ++i)
      text[k++] = '0';
  } else {
    memcpy(text, digits, (size_t)point);
    k = (size_t)point;
    text[k++] = '.';
    memcpy(text + k, digits + point, n - (size_t)point);
    k += n - (size_t)point;
  }
  text[k] = 0;
  snprintf(out, len, "%s%s", sign, text);
}

void rt_format_value(const rt_value *v, uint8_t type, char *buf, size_t len) {
  switch (type) {
  case RT_TYPE_I32: snprintf(buf, len, "%d", v->i32); return;
  case RT_TYPE_I64: snprintf(buf, len, "%lld", (long long)v->i64); return;
  case RT_TYPE_F32: format_float(v->f32, 1, buf, len); return;
  case RT_TYPE_F64: format_float(v->f64, 0, buf, len); return;
  case RT_TYPE_FUNCREF: snprintf(buf, len, v->ref ? "<funcref>" : "<null funcref>"); return;
  case RT_TYPE_EXTERNREF: snprintf(buf, len, v->ref ? "<externref>" : "<null externref>"); return;
  default: snprintf(buf, len, "?"); return;
  }
}
