/*===--- wasi_min.h - The minimal WASI preview1 host of compiled programs -===*
 *
 * \file
 * Just enough of wasi_snapshot_preview1 for command and compute programs
 * to print, read stdin, see argv, read clocks and random bytes, and exit.
 * No files, no preopens, empty environment. Every other preview1 function
 * a module imports resolves to a stub that returns ENOSYS. Kept apart from
 * the rest of runtime-lib: the full host replaces it (wasi-host/).
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_WASI_MIN_H
#define WASMC_RT_WASI_MIN_H

#include "rt/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Per-process WASI state; importing instances find it as rt_instance.host. */
typedef struct wasi_min_host {
  int argc;
  char **argv;
  uint8_t closed[3]; /* fd_close on stdin/stdout/stderr */
} wasi_min_host;

#define WASI_MIN_MODULE "wasi_snapshot_preview1"

void wasi_min_init(wasi_min_host *host, int argc, char **argv);

/* Resolves a function import of `info` from WASI_MIN_MODULE into a host
 * function template (inst NULL: rt_instantiate binds it to the importing
 * instance, whose `host` must be a wasi_min_host). A known function gets
 * its WASI type, so a wrongly typed import fails to link; an unknown one
 * gets the ENOSYS stub, which fits any type whose result is () or (i32).
 * Returns 0 if imp is not a function import of WASI_MIN_MODULE. */
int wasi_min_resolve(const rt_module_info *info, const rt_import *imp, rt_funcref *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_WASI_MIN_H */
