#pragma once
// The two byte scans the Argdown reader runs over every text it reads, sixteen bytes at a time
// where the machine has SSE2 (every x86-64 does; thirty-two where it has AVX2, chosen when the
// program runs), else a byte at a time: where a run of plain text ends, and whether a text's
// white space is already single spaces.

#include <array>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace argmap::grammar::detail {

/// The characters that end the inline grammar's plain run (plain_run in argdown_grammar_def.hpp):
/// every other inline token (comments, data, escapes, emphasis, links, tags, mentions, titles,
/// shortcodes) and every line break starts with one of them.
inline constexpr std::string_view inline_markup = "\\@#*_[</{.:\r\n";

inline constexpr std::array<bool, 256> inline_markup_table = [] {
    std::array<bool, 256> t{};
    for (const char c : inline_markup) t[static_cast<unsigned char>(c)] = true;
    return t;
}();

[[nodiscard]] inline bool starts_inline_markup(char c) noexcept {
    return inline_markup_table[static_cast<unsigned char>(c)];
}

#if defined(__x86_64__) && defined(__GNUC__)
#define ARGMAP_TEXT_SCAN_AVX2 1
/// plain_run_end thirty-two bytes at a time, on a machine with AVX2 (a run of prose is a hundred
/// bytes and more). Each byte is looked up by its two halves (vpshufb): the low half's table
/// gives the set of high halves that make markup with it, as one bit per high half that occurs
/// in inline_markup (0x0_, 0x2_, 0x3_, 0x4_, 0x5_, 0x7_); bytes from 0x80 up have no bit.
__attribute__((target("avx2"))) inline const char* plain_run_end_avx2(const char* p, const char* e) noexcept {
    // bit of each high half: 0x0_ 1, 0x2_ 2, 0x3_ 4, 0x4_ 8, 0x5_ 16, 0x7_ 32
    const __m256i high_bits = _mm256_setr_epi8(1, 0, 2, 4, 8, 16, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0,
                                               1, 0, 2, 4, 8, 16, 0, 32, 0, 0, 0, 0, 0, 0, 0, 0);
    // per low half, the high halves with which it is markup: 0 '@'; 3 '#'; A '\n' '*' ':';
    // B '[' '{'; C '<' '\\'; D '\r'; E '.'; F '/' '_'
    const __m256i low_bits = _mm256_setr_epi8(8, 0, 0, 2, 0, 0, 0, 0, 0, 0, 7, 48, 20, 1, 2, 18,
                                              8, 0, 0, 2, 0, 0, 0, 0, 0, 0, 7, 48, 20, 1, 2, 18);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    while (e - p >= 32) {
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i high = _mm256_shuffle_epi8(high_bits, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
        const __m256i low = _mm256_shuffle_epi8(low_bits, _mm256_and_si256(v, nibble));
        const __m256i plain = _mm256_cmpeq_epi8(_mm256_and_si256(high, low), _mm256_setzero_si256());
        const auto markup = ~static_cast<unsigned>(_mm256_movemask_epi8(plain));
        if (markup != 0) return p + __builtin_ctz(markup);
        p += 32;
    }
    while (p < e && !starts_inline_markup(*p)) ++p;
    return p;
}
#endif

/// plain_run_end sixteen bytes at a time (SSE2), or a byte at a time.
[[nodiscard]] inline const char* plain_run_end_sse2(const char* p, const char* e) noexcept {
#if defined(__SSE2__)
    while (e - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i hit = _mm_setzero_si128();
        for (const char c : inline_markup) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(c)));
        const int mask = _mm_movemask_epi8(hit);
        if (mask != 0) return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < e && !starts_inline_markup(*p)) ++p;
    return p;
}

/// Whether this machine runs the AVX2 scans.
[[nodiscard]] inline bool has_avx2() noexcept {
#if defined(ARGMAP_TEXT_SCAN_AVX2)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    return avx2;
#else
    return false;
#endif
}

/// The first byte in [p, e) that starts inline markup, or e.
[[nodiscard]] inline const char* plain_run_end(const char* p, const char* e) noexcept {
#if defined(ARGMAP_TEXT_SCAN_AVX2)
    if (has_avx2()) return plain_run_end_avx2(p, e);
#endif
    return plain_run_end_sse2(p, e);
}

/// single_spaced sixteen bytes at a time (SSE2), or a byte at a time.
[[nodiscard]] inline bool single_spaced_sse2(const char* p, const char* e) noexcept {
    auto other_space = [](char c) { return c >= '\t' && c <= '\r'; };  // tab, LF, VT, FF, CR
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i tab = _mm_set1_epi8('\t'), cr = _mm_set1_epi8('\r');
    while (e - p >= 17) {  // the next byte of each is read too
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
        // tab to CR: the byte equals its clamp to [tab, CR]
        const __m128i other = _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(v, tab), cr), v);
        const __m128i white_next =
            _mm_or_si128(_mm_cmpeq_epi8(next, space), _mm_cmpeq_epi8(_mm_min_epu8(_mm_max_epu8(next, tab), cr), next));
        const __m128i doubled = _mm_and_si128(_mm_cmpeq_epi8(v, space), white_next);
        if (_mm_movemask_epi8(_mm_or_si128(other, doubled)) != 0) return false;
        p += 16;
    }
#endif
    for (; p < e; ++p) {
        if (other_space(*p)) return false;
        if (*p == ' ' && p + 1 < e && (p[1] == ' ' || other_space(p[1]))) return false;
    }
    return true;
}

#if defined(ARGMAP_TEXT_SCAN_AVX2)
/// single_spaced thirty-two bytes at a time (AVX2), the rest as single_spaced_sse2 reads it.
__attribute__((target("avx2"))) inline bool single_spaced_avx2(const char* p, const char* e) noexcept {
    const __m256i space = _mm256_set1_epi8(' ');
    const __m256i tab = _mm256_set1_epi8('\t'), cr = _mm256_set1_epi8('\r');
    while (e - p >= 33) {  // the next byte of each is read too
        const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
        const __m256i next = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 1));
        // tab to CR: the byte equals its clamp to [tab, CR]
        const __m256i other = _mm256_cmpeq_epi8(_mm256_min_epu8(_mm256_max_epu8(v, tab), cr), v);
        const __m256i white_next = _mm256_or_si256(_mm256_cmpeq_epi8(next, space),
                                                   _mm256_cmpeq_epi8(_mm256_min_epu8(_mm256_max_epu8(next, tab), cr), next));
        const __m256i doubled = _mm256_and_si256(_mm256_cmpeq_epi8(v, space), white_next);
        if (_mm256_movemask_epi8(_mm256_or_si256(other, doubled)) != 0) return false;
        p += 32;
    }
    return single_spaced_sse2(p, e);
}
#endif

/// Whether the white space in [p, e) is single spaces only (no tab, line break or other white
/// space, no two white-space bytes in a row), so that collapsing it changes nothing. [p, e) must
/// not end in white space.
[[nodiscard]] inline bool single_spaced(const char* p, const char* e) noexcept {
#if defined(ARGMAP_TEXT_SCAN_AVX2)
    if (has_avx2()) return single_spaced_avx2(p, e);
#endif
    return single_spaced_sse2(p, e);
}

}  // namespace argmap::grammar::detail
