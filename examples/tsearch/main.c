/* main.c: tsearch's command line and exit status.
 *
 * Options are parsed by hand, and only before PATTERN: glibc's getopt
 * would also take "-n" after the paths while wasi-libc's (musl's) would
 * not, and the native and Wasm builds must agree on every command line. */
#include "tsearch.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: tsearch [-i] [-c] [-l] [-n] [-L] [-o OUTFILE] PATTERN PATH...\n"
    "  -i  ignore case (ASCII)      -c  count matching lines per file\n"
    "  -l  list files that match    -n  show line numbers\n"
    "  -L  follow symbolic links inside directories\n"
    "  -o  write the report to OUTFILE instead of stdout\n"
    "Exit status: 0 found, 1 not found, 2 error.\n";

static int usage_error(const char *what, const char *arg) {
  fprintf(stderr, "tsearch: %s%s\n%s", what, arg, usage);
  return TS_ERROR;
}

/* Parses the options into o; returns the index of PATTERN, or -1 after a
 * usage message. Flags combine ("-in"); -o takes the next argument or the
 * rest of its own ("-oFILE"). */
static int parse_options(int argc, char **argv, struct ts_options *o) {
  int i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1] != 0; ++i) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0)
      return i + 1;
    if (a[1] == '-') {
      usage_error("unknown option ", a);
      return -1;
    }
    for (const char *f = a + 1; *f; ++f) {
      switch (*f) {
      case 'i': o->ignore_case = 1; break;
      case 'c': o->count_only = 1; break;
      case 'l': o->names_only = 1; break;
      case 'n': o->line_numbers = 1; break;
      case 'L': o->follow_links = 1; break;
      case 'o':
        if (f[1]) {
          o->output = f + 1;
        } else if (i + 1 < argc) {
          o->output = argv[++i];
        } else {
          usage_error("-o needs a file name", "");
          return -1;
        }
        goto next_arg; /* the rest of this argument was -o's */
      default: {
        char flag[3] = {'-', *f, 0};
        usage_error("unknown option ", flag);
        return -1;
      }
      }
    }
  next_arg:;
  }
  return i;
}

/* Opens -o's file and remembers its identity, so that the walk does not
 * search its own report. */
static int open_output(struct ts_search *s) {
  if (!s->opt.output) {
    s->out = stdout;
    return 0;
  }
  s->out = fopen(s->opt.output, "w");
  if (!s->out) {
    int err = errno;
    fprintf(stderr, "tsearch: cannot write %s: %s\n", s->opt.output, strerror(err));
    return -1;
  }
  struct stat st;
  if (fstat(fileno(s->out), &st) == 0) {
    s->out_is_file = 1;
    s->out_dev = st.st_dev;
    s->out_ino = st.st_ino;
  }
  return 0;
}

/* Flushes and closes the report: a full disk shows up only here. */
static void close_output(struct ts_search *s) {
  const char *name = s->opt.output ? s->opt.output : "standard output";
  int failed = fflush(s->out) != 0 || ferror(s->out);
  int err = errno;
  if (s->out != stdout && fclose(s->out) != 0 && !failed) {
    failed = 1;
    err = errno;
  }
  if (failed)
    ts_error(s, name, err ? err : EIO);
}

int main(int argc, char **argv) {
  struct ts_search s = {0};
  int first = parse_options(argc, argv, &s.opt);
  if (first < 0)
    return TS_ERROR;
  if (argc - first < 2)
    return usage_error("need a PATTERN and at least one PATH", "");
  if (ts_pattern_init(&s.pat, argv[first], s.opt.ignore_case) != 0) {
    fprintf(stderr, "tsearch: out of memory\n");
    return TS_ERROR;
  }
  if (open_output(&s) != 0) {
    ts_pattern_free(&s.pat);
    return TS_ERROR;
  }
  for (int i = first + 1; i < argc; ++i)
    ts_visit(&s, argv[i], 1);
  close_output(&s);
  ts_pattern_free(&s.pat);
  if (s.errors)
    return TS_ERROR;
  return s.selected ? TS_FOUND : TS_NOT_FOUND;
}
