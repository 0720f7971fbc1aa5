#pragma once
// Memory for a large job in large pages. A command that is about to read a large input and build
// a map of it touches several megabytes of fresh heap; the system maps each 4 KiB page on its
// first touch, and on this project's machines that costs about 1.6 µs a page (a fifth of
// `argmap map` on a 10,000-element Argdown document went there: bench/argdown-vs-cli). A 2 MiB
// transparent huge page is mapped in one step for about a sixteenth of that.
//
// use_large_pages(bytes) grows the heap by about `bytes` at once and asks the system for huge
// pages there (madvise MADV_HUGEPAGE), so that the allocations that follow fill it. A huge page
// is resident as a whole once touched: `bytes` should be what the job is sure to fill, not more,
// or the memory peak grows by what is left unused (at most `bytes`).
//
// Linux with glibc's malloc only; elsewhere, under sanitizers (their own allocators), or where the
// system gives no huge pages, it does nothing and the job runs as before.

#include <cstddef>

namespace argmap::cli {

/// Size of a large page (the x86-64 huge page).
inline constexpr std::size_t large_page_bytes = std::size_t{2} << 20;

/// Prepares about `bytes` of heap (rounded down to whole large pages; nothing below one) in
/// large pages. Returns how many bytes were so prepared (0 when none).
std::size_t use_large_pages(std::size_t bytes) noexcept;

}  // namespace argmap::cli
