#ifndef ANTREAN_FUZZ_DRIVER_H
#define ANTREAN_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// One libFuzzer input: return 0 (libFuzzer reserves other values).
typedef int (*AntreanFuzzCallback)(const uint8_t *_Nonnull data, size_t size);

/// Runs libFuzzer's driver (flags, corpus directories, crash files) on `callback`.
///
/// SwiftPM links every executable target with `main` defined as `<Module>_main` (so that tests can link
/// the target), which keeps libFuzzer's own `main` out; each fuzz target therefore defines
/// `<Module>_main` and hands its arguments to this function.
int antrean_fuzz_run(int argc, char *_Nullable *_Nonnull argv, AntreanFuzzCallback _Nonnull callback);

#endif
