#pragma once
// Reconstruction: from what the prose grammar marked in a text to an argument map.
// Each step is its own function so that it can be tested on small sentences.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/segmentation.hpp"
#include "engine/text_structure.hpp"

namespace argmap::engine {

/// What a unit's outgoing edge should be, before it becomes a relation.
struct attachment {
    std::size_t from = 0;                 ///< unit index
    std::size_t to = 0;                   ///< unit index
    relation_type type = relation_type::support;
    std::string rule;                     ///< the rule that decided it
    std::optional<marker_occurrence> marker;
    double confidence = 0.0;
    /// A linked premise: the unit works only together with this other unit, and both form one
    /// relation to `to` (the partner's target, with the partner's type).
    std::optional<std::size_t> linked_with{};
    bool operator==(const attachment&) const = default;
};

/// Evidence that a unit is the text's main claim; higher is more likely. `title` may be empty.
[[nodiscard]] double central_claim_score(const document_structure& doc, const std::vector<text_unit>& units,
                                         std::size_t unit, std::string_view title);

/// The index of the unit chosen as main claim (units must not be empty).
[[nodiscard]] std::size_t choose_central_claim(const document_structure& doc, const std::vector<text_unit>& units);

/// Units (other than the claim) that restate the main claim, typically at the end of the text.
[[nodiscard]] std::vector<std::size_t> find_restatements(const document_structure& doc,
                                                         const std::vector<text_unit>& units, std::size_t central);

/// One outgoing edge for every unit except the central claim (and its restatements): a tree.
[[nodiscard]] std::vector<attachment> attach(const document_structure& doc, const std::vector<text_unit>& units,
                                             std::size_t central, const std::vector<std::size_t>& restatements);

/// A unit's text for display: whitespace collapsed, a joining connective at its start removed.
[[nodiscard]] std::string display_text(std::string_view text, const text_unit& unit);

/// The whole pipeline for one text: units, main claim, attachment, as a one-source map.
[[nodiscard]] argument_map reconstruct(const document_structure& doc, std::string source_name);

}  // namespace argmap::engine
