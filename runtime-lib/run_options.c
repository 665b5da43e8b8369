/*===--- run_options.c - Parsing and granting the options of a run ---------===*
 *
 * \file
 * See rt/run_options.h. Parsing only records borrowed strings and checks
 * their syntax; rt_run_options_grant is the one place that opens host
 * files and directories for the guest.
 *
 *===----------------------------------------------------------------------===*/
#include "rt/run_options.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static int failf(char *err, size_t len, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, len, fmt, ap);
  va_end(ap);
  return -1;
}

enum option_id {
  OPT_DIR, OPT_DIR_RO, OPT_ENV, OPT_INHERIT_ENV, OPT_PREOPEN_READ, OPT_PREOPEN_WRITE,
  OPT_COMPUTE, OPT_INVOKE, OPT_DETERMINISTIC, OPT_SEED, OPT_FUEL, OPT_OUTPUT_DIGEST,
  OPT_ALLOW_RUNTIME_GRANTS
};

static const struct {
  const char *name;
  int takes_value;
} options[] = {
    [OPT_DIR] = {"--dir", 1},
    [OPT_DIR_RO] = {"--dir-ro", 1},
    [OPT_ENV] = {"--env", 1},
    [OPT_INHERIT_ENV] = {"--inherit-env", 0},
    [OPT_PREOPEN_READ] = {"--preopen-read", 1},
    [OPT_PREOPEN_WRITE] = {"--preopen-write", 1},
    [OPT_COMPUTE] = {"--compute", 0},
    [OPT_INVOKE] = {"--invoke", 1},
    [OPT_DETERMINISTIC] = {"--deterministic", 0},
    [OPT_SEED] = {"--seed", 1},
    [OPT_FUEL] = {"--fuel", 1},
    [OPT_OUTPUT_DIGEST] = {"--output-digest", 0},
    [OPT_ALLOW_RUNTIME_GRANTS] = {"--allow-runtime-grants", 0},
};
#define NUM_OPTIONS (sizeof options / sizeof options[0])

/* The option arg names, or -1; *inline_value is the text after '=' in
 * "--name=value", else NULL. */
static int lookup(const char *arg, const char **inline_value) {
  const char *eq = strchr(arg, '=');
  size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
  for (size_t i = 0; i < NUM_OPTIONS; ++i)
    if (strlen(options[i].name) == len && memcmp(options[i].name, arg, len) == 0) {
      *inline_value = eq ? eq + 1 : NULL;
      return (int)i;
    }
  return -1;
}

int rt_run_option_known(const char *arg, int *takes_value) {
  const char *value;
  int id = lookup(arg, &value);
  if (id < 0)
    return 0;
  *takes_value = options[id].takes_value && !value;
  return 1;
}

/* A u64 in decimal; the whole text must be digits. */
static int parse_u64(const char *s, uint64_t *out) {
  if (!*s || *s == '-' || *s == '+')
    return 0;
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || *end)
    return 0;
  *out = v;
  return 1;
}

static int add_dir(rt_run_options *o, const char *value, int readonly, char *err, size_t len) {
  if (o->num_dirs == RT_MAX_DIR_GRANTS)
    return failf(err, len, "too many directory grants (at most %u)", RT_MAX_DIR_GRANTS);
  const char *sep = strstr(value, "::");
  rt_dir_grant *g = &o->dirs[o->num_dirs];
  g->host = value;
  g->host_len = sep ? (size_t)(sep - value) : strlen(value);
  g->guest = sep ? sep + 2 : value;
  g->readonly = readonly;
  if (g->host_len == 0 || !*g->guest)
    return failf(err, len, "%s %s: expected HOST[::GUEST]", readonly ? "--dir-ro" : "--dir",
                 value);
  ++o->num_dirs;
  return 0;
}

static int add_file(rt_run_options *o, const char *value, int write, char *err, size_t len) {
  const char *name = write ? "--preopen-write" : "--preopen-read";
  if (o->num_files == RT_MAX_FILE_GRANTS)
    return failf(err, len, "too many file grants (at most %u)", RT_MAX_FILE_GRANTS);
  const char *colon = strchr(value, ':');
  char digits[16];
  size_t n = colon ? (size_t)(colon - value) : 0;
  uint64_t fd;
  if (!colon || n == 0 || n >= sizeof digits || !colon[1])
    return failf(err, len, "%s %s: expected FD:PATH", name, value);
  memcpy(digits, value, n);
  digits[n] = 0;
  if (!parse_u64(digits, &fd) || fd >= WASI_MAX_FDS)
    return failf(err, len, "%s %s: FD must be below %u", name, value, WASI_MAX_FDS);
  rt_file_grant *g = &o->files[o->num_files++];
  g->fd = (uint32_t)fd;
  g->path = colon + 1;
  g->write = write;
  return 0;
}

static int apply(rt_run_options *o, int id, const char *value, char *err, size_t len) {
  switch (id) {
  case OPT_DIR: return add_dir(o, value, 0, err, len);
  case OPT_DIR_RO: return add_dir(o, value, 1, err, len);
  case OPT_ENV:
    if (o->num_env == RT_MAX_ENV_GRANTS)
      return failf(err, len, "too many --env grants (at most %u)", RT_MAX_ENV_GRANTS);
    if (!*value || *value == '=')
      return failf(err, len, "--env %s: expected NAME[=VALUE]", value);
    o->env[o->num_env++] = value;
    return 0;
  case OPT_INHERIT_ENV: o->inherit_env = 1; return 0;
  case OPT_PREOPEN_READ: return add_file(o, value, 0, err, len);
  case OPT_PREOPEN_WRITE: return add_file(o, value, 1, err, len);
  case OPT_COMPUTE: o->compute = 1; return 0;
  case OPT_INVOKE:
    if (!*value)
      return failf(err, len, "--invoke: expected a function name");
    o->invoke = value;
    return 0;
  case OPT_DETERMINISTIC: o->deterministic = 1; return 0;
  case OPT_SEED:
    if (!parse_u64(value, &o->seed))
      return failf(err, len, "--seed %s: expected an unsigned decimal number", value);
    return 0;
  case OPT_FUEL:
    if (!parse_u64(value, &o->fuel) || o->fuel > INT64_MAX)
      return failf(err, len, "--fuel %s: expected a decimal number below 2^63", value);
    o->has_fuel = 1;
    return 0;
  case OPT_OUTPUT_DIGEST: o->output_digest = 1; return 0;
  default: o->allow_runtime_grants = 1; return 0;
  }
}

/* Deterministic mode takes nothing from the host's environment; checked
 * on every parse, so that `wasmc compile` refuses what the executable
 * would refuse. */
static int check_deterministic(const rt_run_options *o, char *err, size_t len) {
  if (!o->deterministic)
    return 0;
  if (o->inherit_env)
    return failf(err, len, "--inherit-env is not allowed with --deterministic");
  for (uint32_t i = 0; i < o->num_env; ++i)
    if (!strchr(o->env[i], '='))
      return failf(err, len, "--env %s: a host value is not allowed with --deterministic",
                   o->env[i]);
  return 0;
}

int rt_run_options_parse(rt_run_options *o, int argc, const char *const *argv, int *next,
                         char *err, size_t err_len) {
  int i = *next;
  while (i < argc) {
    const char *arg = argv[i];
    if (strcmp(arg, "--") == 0) {
      ++i;
      break;
    }
    const char *value;
    int id = lookup(arg, &value);
    if (id < 0)
      break;
    if (options[id].takes_value && !value) {
      if (i + 1 >= argc) {
        *next = i;
        return failf(err, err_len, "%s: missing value", options[id].name);
      }
      value = argv[++i];
    } else if (!options[id].takes_value && value) {
      *next = i;
      return failf(err, err_len, "%s takes no value", options[id].name);
    }
    if (apply(o, id, value, err, err_len) != 0) {
      *next = i;
      return -1;
    }
    ++i;
  }
  *next = i;
  return check_deterministic(o, err, err_len);
}

//===--- Granting ---------------------------------------------------------===//

/* "NAME=VALUE" strings for the guest, allocated once per process (a run
 * configures one context); NULL-free array of `count` entries. */
static int build_environ(const rt_run_options *o, const char ***out, uint32_t *count, char *err,
                         size_t len) {
  size_t host_count = 0;
  if (o->inherit_env)
    while (environ && environ[host_count])
      ++host_count;
  const char **list = calloc(host_count + o->num_env + 1, sizeof *list);
  if (!list)
    return failf(err, len, "out of memory");
  uint32_t n = 0;
  for (size_t i = 0; i < host_count; ++i)
    list[n++] = environ[i];
  for (uint32_t i = 0; i < o->num_env; ++i) {
    const char *e = o->env[i];
    if (strchr(e, '=')) {
      list[n++] = e;
      continue;
    }
    const char *value = getenv(e);
    if (!value)
      continue; /* unset on the host: the guest does not see it either */
    size_t size = strlen(e) + strlen(value) + 2;
    char *s = malloc(size);
    if (!s)
      return failf(err, len, "out of memory");
    snprintf(s, size, "%s=%s", e, value);
    list[n++] = s;
  }
  *out = list;
  *count = n;
  return 0;
}

static int grant_dirs(const rt_run_options *o, wasi_ctx *ctx, char *err, size_t len) {
  for (uint32_t i = 0; i < o->num_dirs; ++i) {
    const rt_dir_grant *g = &o->dirs[i];
    char host[4096];
    if (g->host_len >= sizeof host)
      return failf(err, len, "--dir: path too long");
    memcpy(host, g->host, g->host_len);
    host[g->host_len] = 0;
    int fd = open(host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
      return failf(err, len, "%s %s: %s", g->readonly ? "--dir-ro" : "--dir", host,
                   strerror(errno));
    uint32_t guest_fd;
    uint16_t e = wasi_ctx_add_preopen(ctx, fd, g->guest, g->readonly, &guest_fd);
    if (e != WASI_ERRNO_SUCCESS) /* the context closed fd */
      return failf(err, len, "%s %s: cannot grant it (WASI errno %u)",
                   g->readonly ? "--dir-ro" : "--dir", host, e);
  }
  return 0;
}

static int grant_files(const rt_run_options *o, wasi_ctx *ctx, char *err, size_t len) {
  for (uint32_t i = 0; i < o->num_files; ++i) {
    const rt_file_grant *g = &o->files[i];
    int flags = g->write ? O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC : O_RDONLY | O_CLOEXEC;
    int fd = open(g->path, flags, 0666);
    if (fd < 0)
      return failf(err, len, "%s %u:%s: %s", g->write ? "--preopen-write" : "--preopen-read",
                   g->fd, g->path, strerror(errno));
    /* A lent stream: the guest can read or write it and nothing else,
     * not even seek (the compute model's in and out are streams). */
    wasi_ctx_set_stream(ctx, g->fd, fd, g->write ? WASI_RIGHT_FD_WRITE : WASI_RIGHT_FD_READ);
  }
  return 0;
}

int rt_run_options_grant(const rt_run_options *o, wasi_ctx *ctx, char *err, size_t len) {
  if (o->compute) {
    wasi_ctx_set_stream(ctx, 0, 0, WASI_RIGHT_FD_READ);
    wasi_ctx_set_stream(ctx, 1, 1, WASI_RIGHT_FD_WRITE);
  } else {
    wasi_ctx_inherit_stdio(ctx);
  }
  const char **env = NULL;
  uint32_t envc = 0;
  if (build_environ(o, &env, &envc, err, len) != 0)
    return -1;
  if (wasi_ctx_set_environ(ctx, envc, env) != WASI_ERRNO_SUCCESS)
    return failf(err, len, "environment too large for a 32-bit guest");
  /* Files first: they name their fds, preopens take the lowest free ones. */
  if (grant_files(o, ctx, err, len) != 0 || grant_dirs(o, ctx, err, len) != 0)
    return -1;
  if (o->deterministic && wasi_ctx_set_deterministic(ctx, o->seed) != WASI_ERRNO_SUCCESS)
    return failf(err, len, "out of memory");
  if (o->output_digest && wasi_ctx_enable_digest(ctx) != WASI_ERRNO_SUCCESS)
    return failf(err, len, "out of memory");
  return 0;
}
