#include "FuzzDriver.h"

// Declared by libFuzzer (compiler-rt's FuzzerDriver.cpp), linked by `-sanitize=fuzzer`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int antrean_fuzz_run(int argc, char **argv, AntreanFuzzCallback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
