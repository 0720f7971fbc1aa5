#pragma once
// Reconstruction: from what the prose grammar marked in a text to an argument map. Units are
// scored by a learned model (engine/reconstruction_model.hpp) over the grammar's features and the
// hand rules' proposals (engine/reconstruction_features.hpp), and one global decoding picks the
// best tree (engine/tree_decoder.hpp): one main claim, no cycles, every other unit attached once,
// restatements joined to the claim.

#include <cstddef>
#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/reconstruction_model.hpp"
#include "engine/rules.hpp"
#include "engine/segmentation.hpp"
#include "engine/text_structure.hpp"

namespace argmap::engine {

/// The decisions for one text, by unit index.
struct tree_reading {
    std::size_t central = 0;
    std::vector<std::size_t> restatements;
    std::vector<std::size_t> parent;          ///< no_parent for the claim and its restatements
    std::vector<relation_type> type;          ///< each unit's relation to its parent
    std::vector<double> attach_probability;   ///< of the chosen parent among the candidates
    std::vector<double> type_probability;     ///< of the chosen type
};

/// Scores every unit and candidate pair and decodes the best tree (units must not be empty).
[[nodiscard]] tree_reading read_tree(const document_structure& doc, const std::vector<text_unit>& units,
                                     const reconstruction_model& model);

/// The whole pipeline for one text: units, main claim, attachment, as a one-source map. Each
/// relation's provenance names rule "learned", the unit's opening marker, the probability of the
/// decision, and the features that weighed most; the main claim's statement has its own.
[[nodiscard]] argument_map reconstruct(const document_structure& doc, std::string source_name,
                                       const reconstruction_model& model);

}  // namespace argmap::engine
