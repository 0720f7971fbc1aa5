#pragma once
// What keeps a text from being read as prose at all: nothing in it, binary content, bytes that
// are not UTF-8. Plain C++, no parser.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"

namespace argmap::grammar::detail {

/// Offset of the first byte where a well-formed UTF-8 sequence cannot start or is cut short
/// (overlong forms, surrogates and code points above U+10FFFF are ill-formed too).
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view text) noexcept;

/// The errors in a text's encoding: empty or only white space; NUL bytes (binary content);
/// invalid UTF-8 (the first bad byte); in text order. Empty when the text can be parsed.
[[nodiscard]] std::vector<engine::diagnostic> check_input(std::string_view text);

}  // namespace argmap::grammar::detail
