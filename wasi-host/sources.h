/*===--- sources.h - The host's clocks and random source --------------------===*
 *
 * \file
 * The default wasi_sources: clock_gettime/clock_getres and getrandom.
 * Private to wasi-host/.
 *
 *===----------------------------------------------------------------------===*/
#ifndef WASMC_WASI_SOURCES_H
#define WASMC_WASI_SOURCES_H

#include "wasi/host.h"

wasi_sources wasi_host_sources(void);

#endif /* WASMC_WASI_SOURCES_H */
