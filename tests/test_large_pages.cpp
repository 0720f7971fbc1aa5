// cli/large_pages: the heap prepared in large pages holds the allocations that follow, and they
// are mapped in large pages where the system gives them.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/large_pages.hpp"

// glibc's malloc, as cli/large_pages.cpp wants it (the sanitizers bring allocators of their own)
#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
#define ARGMAP_TEST_LARGE_PAGES 1
#endif

namespace {

#if defined(ARGMAP_TEST_LARGE_PAGES)
/// A field of /proc/self/smaps_rollup in KiB, or -1 where there is none (not Linux).
long rollup_kib(const std::string& field) {
    std::ifstream in("/proc/self/smaps_rollup");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    }
    return -1;
}

/// Whether the system gives transparent huge pages to memory that asks for them.
bool huge_pages_on_request() {
    std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str().find("[madvise]") != std::string::npos || s.str().find("[always]") != std::string::npos;
}
#endif

}  // namespace

TEST_CASE("Less than one large page is not prepared", "[cli]") {
    CHECK(argmap::cli::use_large_pages(0) == 0);
    CHECK(argmap::cli::use_large_pages(argmap::cli::large_page_bytes - 1) == 0);
}

TEST_CASE("A heap prepared in large pages holds the allocations that follow in large pages", "[cli]") {
    const std::size_t asked = 5 * argmap::cli::large_page_bytes + 12345;
#if defined(ARGMAP_TEST_LARGE_PAGES)
    const long huge_before = rollup_kib("AnonHugePages");
#endif
    const std::size_t prepared = argmap::cli::use_large_pages(asked);
    CHECK(prepared % argmap::cli::large_page_bytes == 0);
    CHECK(prepared <= asked);
#if defined(ARGMAP_TEST_LARGE_PAGES)
    if (!huge_pages_on_request()) {
        WARN("no transparent huge pages on request here: only the preparation is checked");
        return;
    }
    REQUIRE(prepared >= 4 * argmap::cli::large_page_bytes);  // at most one lost to alignment
    // small allocations, as a map's strings are, written to: they fill the prepared region
    std::vector<char*> blocks;
    for (std::size_t used = 0; used < prepared; used += 1000) {
        blocks.push_back(static_cast<char*>(std::malloc(1000)));
        REQUIRE(blocks.back() != nullptr);
        for (std::size_t i = 0; i < 1000; i += 64) blocks.back()[i] = 1;
    }
    CHECK(rollup_kib("AnonHugePages") >= huge_before + 2048);
    for (char* b : blocks) std::free(b);
#else
    CHECK(prepared == 0);  // another allocator: nothing is done
#endif
}
