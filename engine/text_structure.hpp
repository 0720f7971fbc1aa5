#pragma once
// What the prose grammar marks in a text, and what reconstruction reads: the document's parts
// (title, byline, paragraphs, page furniture), its sentences, and the discourse markers in them.
// Plain values with byte spans into the text; no parser types.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model.hpp"

namespace argmap::engine {

/// What a discourse marker says about the unit it stands in.
enum class marker_class : std::uint8_t {
    premise,      ///< introduces a reason: because, since, given that
    conclusion,   ///< introduces a conclusion: therefore, thus, hence, so
    contrast,     ///< contrast or attack: but, however, yet, nevertheless
    concession,   ///< concedes a point: although, even if, admittedly, of course
    addition,     ///< adds a parallel reason: besides, moreover, first, also
    example,      ///< gives an example: for example, for instance
    restatement,  ///< sums up or restates: in short, in sum, overall
    condition,    ///< states a condition: if, unless, provided that
    opponent,     ///< voices the other side: critics say, some argue
    stance,       ///< hedge or stance cue marking a claim: should, must, it is highly unlikely
};

/// Where a marker may stand (bit set) or where an occurrence stands (one bit).
enum class marker_position : std::uint8_t {
    sentence_start = 1,  ///< first words of a sentence
    clause_start = 2,    ///< after a comma, semicolon, colon or dash inside a sentence
    mid_clause = 4,      ///< anywhere else
};

[[nodiscard]] constexpr std::uint8_t bit(marker_position p) noexcept { return static_cast<std::uint8_t>(p); }

[[nodiscard]] const char* to_string(marker_class c) noexcept;

/// One marker found in the text.
struct marker_occurrence {
    std::string text;            ///< the lexicon's entry, lower case ("on the other hand")
    marker_class cls = marker_class::premise;
    marker_position position = marker_position::mid_clause;
    span where;                  ///< the words as written in the text
    bool operator==(const marker_occurrence&) const = default;
};

struct sentence {
    span where;                            ///< trimmed: first to last non-space byte
    std::vector<marker_occurrence> markers;  ///< in text order
    bool operator==(const sentence&) const = default;
};

struct paragraph {
    span where;
    std::vector<sentence> sentences;
    bool heading = false;  ///< a short line without final punctuation inside the body
    bool operator==(const paragraph&) const = default;
};

/// A text as the prose grammar reads it.
struct document_structure {
    std::string_view text;            ///< the whole input; spans index into it
    span title;                       ///< empty when the text has no title line
    std::vector<span> byline;         ///< author, source and date lines
    std::vector<span> furniture;      ///< dropped page furniture (e-mail, "Posted in:", ...)
    std::vector<paragraph> paragraphs;
};

[[nodiscard]] inline std::string_view slice(std::string_view text, span s) noexcept {
    if (s.begin >= text.size() || s.empty()) return {};
    return text.substr(s.begin, std::min(s.end, text.size()) - s.begin);
}

}  // namespace argmap::engine
