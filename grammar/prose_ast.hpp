#pragma once
// What the prose grammars hand to plain C++: lines with their leading keyword, marks found inside
// lines (e-mail addresses, URLs, furniture phrases), sentence spans and marker hits. Plain values
// with byte offsets into the text; no Spirit types. The sinks are the per-parse state that the
// grammars fill through x3::with.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/model.hpp"
#include "engine/text_structure.hpp"

namespace argmap::grammar::ast {

/// What the start of a line says about it (the grammar decides syntax; layout decides context).
enum class line_head : std::uint8_t {
    none,        ///< ordinary text
    byline_by,   ///< "By Wang Haiyun ..." (capitalised word after "By")
    byline_key,  ///< "Source:", "Published:", "Updated:", "Posted on", "Written by" ...
    dateline,    ///< the whole line is a date (and maybe a time)
    list_item,   ///< "- ", "* ", "• ", "1. ", "2) ", "a) "
    furniture,   ///< "Posted in:", "Tags:", "Share this", "Subscribe", "Click here" ...
    copyright,   ///< "Copyright ...", "© ...", "(c) ..."
    author_note, ///< "The author is ...", "The writer is ...": furniture when it closes the text
};

/// One non-blank line. Blank lines are not stored; the line after them says so.
struct line {
    engine::span where;    ///< the line without its end-of-line
    engine::span content;  ///< trimmed: first to last non-space byte
    std::size_t item_begin = 0;  ///< list items: where the item's text starts
    line_head head = line_head::none;
    bool blank_before = false;   ///< one or more blank lines (or the start) come before it
    bool furniture_phrase = false;  ///< "comments powered by", "all rights reserved"
};

enum class mark_kind : std::uint8_t { email, url };

/// An e-mail address or URL inside a line.
struct mark {
    mark_kind kind = mark_kind::email;
    engine::span where;
    std::size_t line = 0;  ///< index into the lines
};

/// Filled by the line grammar.
struct line_sink {
    std::string_view text;       ///< the whole text; offsets are pointer - text.data()
    std::vector<line> lines;
    std::vector<mark> marks;
    line current;                ///< the line being read
    bool pending_blank = true;   ///< the start of the text counts as a break
};

/// Filled by the sentence grammar.
struct sentence_sink {
    std::string_view text;
    std::vector<engine::span> sentences;
};

/// One lexicon hit at a position the entry allows.
struct marker_hit {
    std::uint16_t entry = 0;  ///< index into marker_lexicon()
    engine::marker_position position = engine::marker_position::mid_clause;
    engine::span where;
};

/// Filled by the marker grammar.
struct marker_sink {
    std::string_view text;
    std::vector<marker_hit> hits;
    std::uint16_t pending_entry = 0;  ///< the entry just matched, before its position is checked
};

}  // namespace argmap::grammar::ast
