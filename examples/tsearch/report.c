/* report.c: what tsearch prints, to the report (stdout or -o's file) and,
 * for problems, to stderr.
 *
 * Error lines use a fixed "tsearch:" prefix rather than argv[0], which is
 * a different path natively, in a compiled executable and under
 * `wasmc run`. */
#include "tsearch.h"

#include <string.h>

void ts_report_line(struct ts_search *s, const char *path, long lineno, const char *text,
                    size_t len) {
  if (s->opt.line_numbers)
    fprintf(s->out, "%s:%ld:", path, lineno);
  else
    fprintf(s->out, "%s:", path);
  /* fwrite, not %s: a line may hold NUL bytes. */
  fwrite(text, 1, len, s->out);
  fputc('\n', s->out);
  s->selected++;
}

void ts_report_count(struct ts_search *s, const char *path, long count) {
  fprintf(s->out, "%s:%ld\n", path, count);
  if (count > 0)
    s->selected++;
}

void ts_report_name(struct ts_search *s, const char *path) {
  fprintf(s->out, "%s\n", path);
  s->selected++;
}

void ts_error_msg(struct ts_search *s, const char *path, const char *what) {
  /* The report may be stdout too: flush it first so that an error shows
   * after the lines found before it when both go to a terminal. */
  fflush(s->out);
  fprintf(stderr, "tsearch: %s: %s\n", path, what);
  s->errors++;
}

void ts_error(struct ts_search *s, const char *path, int err) {
  ts_error_msg(s, path, strerror(err));
}
