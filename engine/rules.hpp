#pragma once
// The hand rules: how discourse markers, position and wording decide a text's main claim and
// where each unit attaches. The learned reconstruction (engine/reconstruction.hpp) reads what
// they propose as features, not as the final say; `reconstruct_by_rules` keeps the rules' own
// map (the baseline the learned path is measured against). Each rule can be tested on small
// sentences.

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

/// The named terms of central_claim_score (stance cue, position, concession, ...), those that
/// count for this unit, with what each adds: why the rules chose a main claim.
[[nodiscard]] std::vector<weighted_feature> central_claim_terms(const document_structure& doc,
                                                                const std::vector<text_unit>& units, std::size_t unit,
                                                                std::string_view title);

/// Evidence that a unit is the text's main claim; higher is more likely (the sum of
/// central_claim_terms). `title` may be empty.
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

/// Whether the unit concedes a point or voices the other side ("Of course ...", "Critics say ...").
[[nodiscard]] bool concedes(const text_unit& u);

/// What the rules make of a text: their main claim, its restatements, and each unit's edge.
struct rule_reading {
    std::size_t central = 0;
    std::vector<double> central_scores;           ///< per unit
    std::vector<std::size_t> restatements;
    std::vector<std::optional<attachment>> edges;  ///< per unit; none for the claim
};

/// Runs the rules over a text's units (units must not be empty).
[[nodiscard]] rule_reading read_by_rules(const document_structure& doc, const std::vector<text_unit>& units);

/// Whether a unit's opening marker only joins it to what came before ("But", "Moreover", any
/// marker followed by a comma), so that its text reads the same without it; "As a business
/// owner", "Since 2013" and "Unlike X" keep their first word.
[[nodiscard]] bool only_joins(std::string_view text, const marker_occurrence& lead);

/// A unit's text for display: whitespace collapsed, a joining connective at its start removed.
[[nodiscard]] std::string display_text(std::string_view text, const text_unit& unit);

/// The source record of a prose text: its name, title, byline lines joined, and the text.
[[nodiscard]] source source_of(const document_structure& doc, std::string name);

/// The rules' own map of one text: units, main claim, attachment, as a one-source map.
[[nodiscard]] argument_map reconstruct_by_rules(const document_structure& doc, std::string source_name);

}  // namespace argmap::engine
