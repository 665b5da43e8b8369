/* tsearch: a small recursive fixed-string search, shared declarations.
 *
 *   tsearch [-i] [-c] [-l] [-n] [-L] [-o OUTFILE] PATTERN PATH...
 *
 * The program is plain POSIX (opendir/readdir/stat/getline) so that the
 * same sources build natively and for wasm32-wasi, and its output depends
 * only on the files it reads: directory entries are visited in strcmp
 * order and nothing locale-dependent is used.
 */
#ifndef TSEARCH_H
#define TSEARCH_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

/* Exit statuses, as grep's: an error wins over "found". */
enum { TS_FOUND = 0, TS_NOT_FOUND = 1, TS_ERROR = 2 };

/* What the command line asked for. */
struct ts_options {
  int ignore_case;    /* -i: ASCII letters match either case */
  int count_only;     /* -c: one "path:count" line per file */
  int names_only;     /* -l: the names of files with a match */
  int line_numbers;   /* -n: "path:line:text" instead of "path:text" */
  int follow_links;   /* -L: follow symbolic links met inside directories */
  const char *output; /* -o: the report's file; NULL for stdout */
};

/* A fixed string prepared for Horspool's search. */
struct ts_pattern {
  unsigned char *text; /* folded to lower case when ignore_case */
  size_t len;
  int ignore_case;
  size_t shift[256]; /* how far to slide on each last-window byte */
};

/* The state of one run. */
struct ts_search {
  struct ts_options opt;
  struct ts_pattern pat;
  FILE *out;
  int out_is_file; /* out_dev/out_ino identify -o's file */
  dev_t out_dev;
  ino_t out_ino;
  long selected; /* lines (or files, with -l) reported so far */
  int errors;    /* problems reported on stderr */
};

/* pattern.c */
int ts_pattern_init(struct ts_pattern *p, const char *text, int ignore_case);
void ts_pattern_free(struct ts_pattern *p);
/* Whether the pattern occurs in line[0..len). */
int ts_pattern_find(const struct ts_pattern *p, const char *line, size_t len);

/* walk.c: searches path, a file or a directory tree. top says whether path
 * came from the command line (then a symlink is always followed). */
void ts_visit(struct ts_search *s, const char *path, int top);

/* scan.c: searches one regular file. */
void ts_scan_file(struct ts_search *s, const char *path);

/* report.c */
void ts_report_line(struct ts_search *s, const char *path, long lineno, const char *text,
                    size_t len);
void ts_report_count(struct ts_search *s, const char *path, long count);
void ts_report_name(struct ts_search *s, const char *path);
/* "tsearch: PATH: strerror(err)" on stderr; counts an error. */
void ts_error(struct ts_search *s, const char *path, int err);
/* "tsearch: PATH: what" on stderr; counts an error. */
void ts_error_msg(struct ts_search *s, const char *path, const char *what);

#endif /* TSEARCH_H */
