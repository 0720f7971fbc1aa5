#pragma once
// Document structure from the lines the prose grammar found: which line is the title, which are
// byline and dateline, which are page furniture, and how the rest falls into paragraphs (blocks of
// lines between blank lines), headings, list items and the runs of text that the sentence grammar
// reads. Plain C++ over ast::line_sink; the grammar did the reading, this decides by context.

#include <string_view>
#include <vector>

#include "engine/model.hpp"
#include "grammar/prose_ast.hpp"

namespace argmap::grammar::detail {

/// A paragraph before sentence splitting.
struct block_layout {
    engine::span where;              ///< trimmed; without dropped e-mail addresses at either end
    engine::span lines;              ///< the block's lines, first to last non-space byte
    bool heading = false;            ///< a short line without final punctuation, followed by more text
    std::vector<engine::span> runs;  ///< stretches read as sentences on their own (a list item is one)
};

struct layout {
    engine::span title;
    std::vector<engine::span> byline;
    std::vector<engine::span> furniture;  ///< in text order
    std::vector<block_layout> blocks;
};

/// Limits of the layout rules, in words.
inline constexpr std::size_t max_title_words = 15;
inline constexpr std::size_t max_heading_words = 15;
inline constexpr std::size_t max_byline_words = 30;
inline constexpr std::size_t max_furniture_words = 30;

[[nodiscard]] layout lay_out(std::string_view text, const ast::line_sink& scan);

}  // namespace argmap::grammar::detail
