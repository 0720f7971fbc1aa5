#pragma once
// The two byte scans the Argdown reader runs over every text it reads, sixteen bytes at a time
// where the machine has SSE2 (every x86-64 does), else a byte at a time: where a run of plain text
// ends, and whether a text's white space is already single spaces.

#include <array>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
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

/// The first byte in [p, e) that starts inline markup, or e.
[[nodiscard]] inline const char* plain_run_end(const char* p, const char* e) noexcept {
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

/// Whether the white space in [p, e) is single spaces only (no tab, line break or other white
/// space, no two white-space bytes in a row), so that collapsing it changes nothing. [p, e) must
/// not end in white space.
[[nodiscard]] inline bool single_spaced(const char* p, const char* e) noexcept {
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

}  // namespace argmap::grammar::detail
