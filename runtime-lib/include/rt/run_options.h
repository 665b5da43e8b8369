/*===--- run_options.h - What a run of a module is granted and how it runs --===*
 *
 * \file
 * The one parser of the options that configure a run: the grants (what the
 * module may touch through WASI), the entry point (compute model, --invoke)
 * and the determinism knobs. Three places read the same syntax through it,
 * so the three can never disagree:
 *   - `wasmc run [OPTIONS] FILE` (the driver, either engine);
 *   - `wasmc FILE -o EXE [OPTIONS]`: the driver checks the options here and
 *     bakes their text into EXE (wasmc_baked_options), which start.c parses
 *     again at start-up;
 *   - EXE [OPTIONS] [--] ARGS at run time, only when EXE was compiled with
 *     --allow-runtime-grants (otherwise every argument belongs to the module).
 *
 * Options (NAME=VALUE or NAME VALUE for those that take one):
 *   --dir HOST[::GUEST]      preopen directory HOST read-write as GUEST
 *                            (default: HOST's text)
 *   --dir-ro HOST[::GUEST]   the same, read-only
 *   --env NAME=VALUE         one environment variable
 *   --env NAME               NAME with the host's value at start-up (if set)
 *   --inherit-env            the host's whole environment
 *   --preopen-read FD:PATH   guest fd FD reads host file PATH (fd_read only)
 *   --preopen-write FD:PATH  guest fd FD writes host file PATH, created or
 *                            truncated (fd_write only)
 *   --compute                call compute(0, 1) with fd 0 = stdin read-only
 *                            and fd 1 = stdout write-only, nothing else
 *   --invoke NAME            call export NAME with the module's arguments
 *                            parsed by its parameter types
 *   --deterministic          deterministic mode (see docs/cli.md)
 *   --seed N                 seed of random_get in deterministic mode
 *   --fuel N                 trap after N units of instruction metering
 *   --output-digest          print a SHA-256 of all output and the exit
 *                            status on stderr at exit
 *   --allow-runtime-grants   compile time only: EXE accepts these options
 *
 * Strings are borrowed from the argument vector, which must outlive the
 * options. Nothing here allocates; counts are bounded by the arrays.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_RUN_OPTIONS_H
#define WASMC_RT_RUN_OPTIONS_H

#include "wasi/host.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RT_MAX_DIR_GRANTS 32u
#define RT_MAX_ENV_GRANTS 256u
#define RT_MAX_FILE_GRANTS 16u

typedef struct rt_dir_grant {
  const char *host;
  size_t host_len; /* HOST is the text before "::" */
  const char *guest;
  int readonly;
} rt_dir_grant;

typedef struct rt_file_grant {
  uint32_t fd;
  const char *path;
  int write; /* 0: --preopen-read, 1: --preopen-write */
} rt_file_grant;

typedef struct rt_run_options {
  rt_dir_grant dirs[RT_MAX_DIR_GRANTS];
  uint32_t num_dirs;
  const char *env[RT_MAX_ENV_GRANTS]; /* "NAME=VALUE" or "NAME" */
  uint32_t num_env;
  int inherit_env;
  rt_file_grant files[RT_MAX_FILE_GRANTS];
  uint32_t num_files;
  int compute;
  const char *invoke; /* NULL: the default entry point */
  int deterministic;
  uint64_t seed;
  int has_fuel;
  uint64_t fuel;
  int output_digest;
  int allow_runtime_grants;
} rt_run_options;

/* Parses options from argv[*next] on into o (which keeps what earlier calls
 * put there, so baked options can be extended at run time). Stops at the
 * first argument that is not an option, or after a "--" (consumed); *next
 * is then the index of the first argument left. Returns 0, or -1 with a
 * one-line message in err (e.g. "--dir: missing value"). */
int rt_run_options_parse(rt_run_options *o, int argc, const char *const *argv, int *next,
                         char *err, size_t err_len);

/* Whether arg (e.g. "--dir" or "--dir=x") is one of the options above, and
 * whether it takes a separate value argument (*takes_value; "--dir=x" does
 * not). For drivers that pick these options out of a longer command line. */
int rt_run_option_known(const char *arg, int *takes_value);

/* Grants o's environment, preopened directories and files to a context
 * that wasi_ctx_init set up, and the stdio streams: all three inherited,
 * or with o->compute only fd 0 (fd_read) and fd 1 (fd_write); a file
 * grant replaces the stream of its fd. Sets up deterministic mode and the
 * digest when asked. Opens host files and directories now, so a missing
 * one is an error here ("--dir data: No such file or directory"). Environment
 * strings built here are allocated and live as long as the process.
 * Returns 0, or -1 with a message in err. */
int rt_run_options_grant(const rt_run_options *o, wasi_ctx *ctx, char *err, size_t err_len);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_RUN_OPTIONS_H */
