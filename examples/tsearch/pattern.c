/* pattern.c: finding a fixed string in a line (Boyer-Moore-Horspool).
 *
 * Case folding is ASCII only, done by hand rather than with tolower() so
 * that the result cannot depend on a locale or on which C library runs. */
#include "tsearch.h"

#include <stdlib.h>
#include <string.h>

static unsigned char fold(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

int ts_pattern_init(struct ts_pattern *p, const char *text, int ignore_case) {
  p->len = strlen(text);
  p->ignore_case = ignore_case;
  p->text = malloc(p->len + 1);
  if (!p->text)
    return -1;
  for (size_t i = 0; i < p->len; ++i)
    p->text[i] = ignore_case ? fold((unsigned char)text[i]) : (unsigned char)text[i];
  p->text[p->len] = 0;
  /* A byte absent from the pattern lets the window jump its whole length;
   * one that occurs lines up with its last occurrence (the last byte of
   * the pattern itself excluded, or the window would never move). */
  for (size_t c = 0; c < 256; ++c)
    p->shift[c] = p->len;
  for (size_t i = 0; i + 1 < p->len; ++i) {
    size_t d = p->len - 1 - i;
    p->shift[p->text[i]] = d;
    if (ignore_case && p->text[i] >= 'a' && p->text[i] <= 'z')
      p->shift[p->text[i] - 'a' + 'A'] = d;
  }
  return 0;
}

void ts_pattern_free(struct ts_pattern *p) {
  free(p->text);
  p->text = NULL;
}

/* Whether window w (p->len bytes) equals the pattern, last byte first
 * (the most likely to differ after the shift table's choice). */
static int window_matches(const struct ts_pattern *p, const unsigned char *w) {
  for (size_t i = p->len; i-- > 0;) {
    unsigned char c = p->ignore_case ? fold(w[i]) : w[i];
    if (c != p->text[i])
      return 0;
  }
  return 1;
}

int ts_pattern_find(const struct ts_pattern *p, const char *line, size_t len) {
  const unsigned char *s = (const unsigned char *)line;
  if (p->len == 0)
    return 1; /* the empty string is in every line, as in grep */
  if (len < p->len)
    return 0;
  for (size_t at = 0; at <= len - p->len; at += p->shift[s[at + p->len - 1]])
    if (window_matches(p, s + at))
      return 1;
  return 0;
}
