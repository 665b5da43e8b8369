/* scan.c: searching one file line by line. */
#include "tsearch.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Whether f is -o's own file: searching it while writing it would feed
 * the report back into itself (grep refuses the same way). An inode of 0
 * means the system does not tell, and then nothing is taken for it. */
static int is_output(const struct ts_search *s, FILE *f) {
  struct stat st;
  if (!s->out_is_file || s->out_ino == 0 || fstat(fileno(f), &st) != 0)
    return 0;
  return st.st_dev == s->out_dev && st.st_ino == s->out_ino;
}

void ts_scan_file(struct ts_search *s, const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) {
    ts_error(s, path, errno);
    return;
  }
  if (is_output(s, f)) {
    ts_error_msg(s, path, "input file is also the output");
    fclose(f);
    return;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  long lineno = 0, count = 0;
  errno = 0;
  while ((got = getline(&line, &cap, f)) >= 0) {
    size_t len = (size_t)got;
    ++lineno;
    if (len > 0 && line[len - 1] == '\n')
      --len;
    if (!ts_pattern_find(&s->pat, line, len))
      continue;
    ++count;
    if (s->opt.names_only) {
      ts_report_name(s, path);
      break; /* one match is enough to name the file */
    }
    if (!s->opt.count_only)
      ts_report_line(s, path, lineno, line, len);
  }
  if (ferror(f))
    ts_error(s, path, errno ? errno : EIO);
  if (s->opt.count_only && !s->opt.names_only)
    ts_report_count(s, path, count);
  free(line);
  fclose(f);
}
