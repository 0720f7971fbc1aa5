#pragma once
// Small byte-level helpers over spans of a UTF-8 text, shared by the prose grammar's actions and
// the layout step: trimming, word counts, final punctuation. Plain C++.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/model.hpp"

namespace argmap::grammar::detail {

[[nodiscard]] constexpr bool is_ascii_space(unsigned char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/// Length of the white space (ASCII, or U+00A0 NO-BREAK SPACE) starting at i, 0 if none.
[[nodiscard]] inline std::size_t space_at(std::string_view text, std::size_t i) noexcept {
    if (i >= text.size()) return 0;
    const auto c = static_cast<unsigned char>(text[i]);
    if (is_ascii_space(c)) return 1;
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) return 2;
    return 0;
}

/// Length of the white space ending just before end, 0 if none.
[[nodiscard]] inline std::size_t space_before(std::string_view text, std::size_t end) noexcept {
    if (end == 0 || end > text.size()) return 0;
    if (is_ascii_space(static_cast<unsigned char>(text[end - 1]))) return 1;
    if (end >= 2 && static_cast<unsigned char>(text[end - 2]) == 0xC2 && static_cast<unsigned char>(text[end - 1]) == 0xA0)
        return 2;
    return 0;
}

/// The span without white space at either end (empty at s.begin when all space).
[[nodiscard]] inline engine::span trim(std::string_view text, engine::span s) noexcept {
    if (s.end > text.size()) s.end = text.size();
    while (s.begin < s.end) {
        const auto n = space_at(text, s.begin);
        if (n == 0) break;
        s.begin += n;
    }
    while (s.end > s.begin) {
        const auto n = space_before(text, s.end);
        if (n == 0 || s.end - n < s.begin) break;
        s.end -= n;
    }
    if (s.end < s.begin) s.end = s.begin;
    return s;
}

/// A byte that belongs to a word: ASCII letter or digit, or part of a non-ASCII letter (UTF-8
/// lead bytes of punctuation blocks excluded: E2 general punctuation and symbols, C2 Latin-1
/// symbols, E3 80 CJK punctuation is rare enough to count).
[[nodiscard]] constexpr bool starts_word_char(unsigned char c) noexcept {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC3 && c != 0xE2);
}

/// Whether the span holds at least one letter or digit.
[[nodiscard]] inline bool has_word(std::string_view text, engine::span s) noexcept {
    for (std::size_t i = s.begin; i < s.end && i < text.size(); ++i)
        if (starts_word_char(static_cast<unsigned char>(text[i]))) return true;
    return false;
}

/// Number of white-space separated tokens that hold a letter or digit, counting at most limit.
[[nodiscard]] inline std::size_t word_count(std::string_view text, engine::span s, std::size_t limit = SIZE_MAX) noexcept {
    std::size_t words = 0;
    bool in_token = false;
    bool token_has_word = false;
    for (std::size_t i = s.begin; i < s.end && i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_ascii_space(c)) {
            if (in_token && token_has_word && ++words >= limit) return words;
            in_token = token_has_word = false;
        } else {
            in_token = true;
            token_has_word = token_has_word || starts_word_char(c);
        }
    }
    if (in_token && token_has_word) ++words;
    return words;
}

/// The last byte of the span that is not a closing quote or bracket ('\0' when none).
[[nodiscard]] inline char last_significant(std::string_view text, engine::span s) noexcept {
    std::size_t end = trim(text, s).end;
    while (end > s.begin) {
        const auto c = static_cast<unsigned char>(text[end - 1]);
        if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '*' || c == '_') {
            --end;
        } else if (end >= s.begin + 3 && static_cast<unsigned char>(text[end - 3]) == 0xE2 &&
                   static_cast<unsigned char>(text[end - 2]) == 0x80 &&
                   (c == 0x9D || c == 0x99 || c == 0xBA)) {  // ” ’ ›
            end -= 3;
        } else if (end >= s.begin + 2 && static_cast<unsigned char>(text[end - 2]) == 0xC2 && c == 0xBB) {  // »
            end -= 2;
        } else if (end >= s.begin + 3 && static_cast<unsigned char>(text[end - 3]) == 0xE2 &&
                   static_cast<unsigned char>(text[end - 2]) == 0x80 && c == 0xA6) {  // …
            return '.';
        } else {
            return static_cast<char>(c);
        }
    }
    return '\0';
}

/// Whether the span ends like a sentence: . ! ? or an ellipsis, maybe inside quotes or brackets.
[[nodiscard]] inline bool ends_with_terminal(std::string_view text, engine::span s) noexcept {
    const char c = last_significant(text, s);
    return c == '.' || c == '!' || c == '?';
}

}  // namespace argmap::grammar::detail
