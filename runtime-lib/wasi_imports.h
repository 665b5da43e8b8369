/*===--- wasi_imports.h - WASI preview1 imports of compiled modules --------===*
 *
 * \file
 * The compiled-code adapter of wasi-host (wasi/host.h): resolves a
 * module's `wasi_snapshot_preview1` function imports to host function
 * templates whose native code calls the engine-neutral WASI functions
 * with the importing instance's memory 0. The instance's `host` pointer
 * (the `host` argument of rt_instantiate) must be the wasi_ctx. proc_exit
 * ends the process with exit(code): a compiled program is the whole
 * process, so there is nothing to unwind to.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_RT_WASI_IMPORTS_H
#define WASMC_RT_WASI_IMPORTS_H

#include "rt/runtime.h"

#ifdef __cplusplus
extern "C" {
#endif

/* If imp is a function import of a preview1 function (module
 * "wasi_snapshot_preview1", name from wasi-host's table), fills *out with
 * a host function template (inst NULL; rt_instantiate binds it to the
 * importing instance) of that function's WASI type, so a wrongly typed
 * import fails rt_instantiate with "incompatible import type", and returns
 * 1. Returns 0 for any other import, which the caller reports as
 * "unknown import". Returns -1 if the type cannot be interned (out of
 * memory). */
int rt_wasi_resolve(const rt_import *imp, rt_funcref *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* WASMC_RT_WASI_IMPORTS_H */
