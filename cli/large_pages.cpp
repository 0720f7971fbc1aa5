#include "cli/large_pages.hpp"

#include <cstdint>

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer) || __has_feature(thread_sanitizer)
#define ARGMAP_OWN_ALLOCATOR 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ARGMAP_OWN_ALLOCATOR 1
#endif

#if defined(__linux__) && defined(__GLIBC__) && !defined(ARGMAP_OWN_ALLOCATOR)
#include <malloc.h>    // mallopt
#include <sys/mman.h>  // madvise
#include <unistd.h>    // sbrk

#include <array>
#include <cstdlib>
#define ARGMAP_LARGE_PAGES 1
#endif

namespace argmap::cli {

std::size_t use_large_pages(std::size_t bytes) noexcept {
#if defined(ARGMAP_LARGE_PAGES)
    const std::size_t region = bytes / large_page_bytes * large_page_bytes;
    if (region == 0 || region > (std::size_t{1} << 30)) return 0;
    // The heap's next growth takes `region` and two large pages more: one for aligning the region,
    // one for the probes below. That much free room is kept at the top of the heap for the rest
    // of the run (the heap is not trimmed below it), so the region stays mapped. Then grow it
    // now: allocations below malloc's mmap threshold (128 KiB) come from the heap, and the heap
    // grows when its top cannot hold one.
    if (mallopt(M_TOP_PAD, static_cast<int>(region + 2 * large_page_bytes)) != 1) return 0;
    const auto before = reinterpret_cast<std::uintptr_t>(sbrk(0));
    std::array<void*, 64> probes{};
    std::size_t n = 0;
    while (n < probes.size() && reinterpret_cast<std::uintptr_t>(sbrk(0)) == before) {
        probes[n] = std::malloc(std::size_t{64} << 10);
        if (probes[n] == nullptr) break;
        ++n;
    }
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    // The new part of the heap, in whole large pages, from after the probes (freed below): a
    // page they touched is mapped small, and no large page is made where one is.
    std::uintptr_t touched = before;
    for (std::size_t i = 0; i < n; ++i) {
        const auto end = reinterpret_cast<std::uintptr_t>(probes[i]) + (std::size_t{64} << 10) + 64;  // with the next header
        if (end > touched) touched = end;
    }
    const std::uintptr_t first = (touched + large_page_bytes - 1) & ~std::uintptr_t{large_page_bytes - 1};
    std::size_t prepared = 0;
    if (after > first) {
        prepared = static_cast<std::size_t>(after - first) / large_page_bytes * large_page_bytes;
        if (prepared > region) prepared = region;
        if (prepared != 0 && madvise(reinterpret_cast<void*>(first), prepared, MADV_HUGEPAGE) != 0) prepared = 0;
    }
    for (std::size_t i = 0; i < n; ++i) std::free(probes[i]);
    return prepared;
#else
    (void)bytes;
    return 0;
#endif
}

}  // namespace argmap::cli
