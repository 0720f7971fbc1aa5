#pragma once
// The features a learned reconstruction reads: what the prose grammar marked in a text (discourse
// markers and their class, clause type, position, stance and modality, negation, person,
// attribution, questions, lexical overlap with the title and with other units), and what the
// hand rules of engine/rules.hpp propose, each as a named feature with a value. A model weighs
// them (engine/reconstruction_model.hpp); the names are what `--explain` prints.

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "engine/rules.hpp"
#include "engine/segmentation.hpp"
#include "engine/text_structure.hpp"

namespace argmap::engine {

/// One named feature and its value (1 for an indicator).
struct feature {
    std::string name;
    double value = 1.0;
    bool operator==(const feature&) const = default;
};
using feature_list = std::vector<feature>;

/// What the features of one text read, computed once per text.
struct text_evidence {
    const document_structure* doc = nullptr;
    const std::vector<text_unit>* units = nullptr;
    std::vector<std::set<std::string>> terms;  ///< each unit's stemmed content words
    std::set<std::string> title_terms;
    std::vector<double> centrality;            ///< mean overlap of a unit's words with the others'
    std::vector<std::size_t> paragraph_first;  ///< per unit: the first unit of its paragraph
    std::vector<std::size_t> paragraph_last;   ///< per unit: the last unit of its paragraph
    std::size_t paragraphs = 0;
    rule_reading rules;                        ///< what the hand rules make of the text
};

/// Reads a text's units once for all features (units must not be empty).
[[nodiscard]] text_evidence gather_evidence(const document_structure& doc, const std::vector<text_unit>& units);

/// Features of unit `i` on its own: for the main-claim and the support/attack decisions.
[[nodiscard]] feature_list unit_features(const text_evidence& e, std::size_t i);

/// Features of unit `from` attaching to unit `to`.
[[nodiscard]] feature_list pair_features(const text_evidence& e, std::size_t from, std::size_t to);

/// Features of unit `from` attaching to the main claim itself; added to pair_features where the
/// target is the main claim (the decoder adds them for each main claim it tries).
[[nodiscard]] feature_list root_pair_features(const text_evidence& e, std::size_t from, std::size_t root);

/// The units that `from` may attach to: a window of neighbours around it, plus the units in
/// `claims` (the likeliest main claims). Bounded in size, so that scoring pairs stays linear in
/// the length of the text. In text order, without `from`.
[[nodiscard]] std::vector<std::size_t> candidate_targets(const text_evidence& e, std::size_t from,
                                                         const std::vector<std::size_t>& claims);

/// How many neighbours on each side `candidate_targets` offers.
inline constexpr std::size_t attachment_window = 6;

}  // namespace argmap::engine
