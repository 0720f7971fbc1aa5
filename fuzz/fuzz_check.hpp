#pragma once
// What the fuzz targets assert beyond "no crash": a failed check aborts, so libFuzzer keeps the input.

#include <cstdio>
#include <cstdlib>

#define ARGMAP_FUZZ_CHECK(condition)                                                           \
    do {                                                                                      \
        if (!(condition)) {                                                                   \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                     \
        }                                                                                     \
    } while (false)
