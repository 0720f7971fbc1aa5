#pragma once
// Units: the pieces of a text that say one thing each. A unit is a sentence, or a clause where a
// discourse marker splits the sentence ("X, because Y"; "Although X, Y"; "X; however, Y").

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/text_structure.hpp"

namespace argmap::engine {

struct text_unit {
    span where;                     ///< trimmed; a joining marker belongs to the unit it opens
    std::size_t paragraph = 0;      ///< index into document_structure::paragraphs
    std::size_t sentence = 0;       ///< index of the sentence within its paragraph
    bool sentence_initial = true;   ///< the unit opens its sentence
    bool subordinate = false;       ///< a fronted subordinate clause ("Although X," / "Because X,")
    std::optional<marker_occurrence> lead;   ///< the marker that opens the unit, if one does
    std::vector<marker_occurrence> markers;  ///< every marker inside the unit, in text order
    bool operator==(const text_unit&) const = default;
};

/// Whether a sentence is only a courtesy ("Good morning.", "Thank you.", "God bless America."):
/// the opening or closing of a speech, not a point of its argument.
[[nodiscard]] bool is_courtesy(std::string_view sentence);

/// Splits every sentence of the document into units (headings and courtesies left out), in text order.
[[nodiscard]] std::vector<text_unit> segment(const document_structure& doc);

}  // namespace argmap::engine
