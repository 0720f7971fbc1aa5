#pragma once
// Reading prose: a text as it was given becomes its document structure (title, byline, dropped
// page furniture, paragraphs, sentences, discourse markers), all as byte spans into that text.

#include <string_view>

#include "engine/diagnostic.hpp"
#include "engine/text_structure.hpp"

namespace argmap::grammar {

/// Parses a text (UTF-8) into its document structure. The result's `text` views `text`: keep the
/// string alive as long as the structure. Errors, with line and column: the text is empty or only
/// white space; it holds NUL bytes (binary content); it is not valid UTF-8 (first bad byte); it
/// has no sentences. Any input gives a result or errors, in time linear in its size. A leading
/// byte order mark is skipped (spans still count its three bytes); lines end at "\n", "\r\n" or
/// a lone "\r".
[[nodiscard]] engine::parse_result<engine::document_structure> parse_prose(std::string_view text);

}  // namespace argmap::grammar
