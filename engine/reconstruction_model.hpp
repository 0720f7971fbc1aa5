#pragma once
// The learned part of reconstruction: three linear classifiers over named features (is a unit the
// main claim, does it attack what it attaches to, does it attach to a given unit), read from a
// small versioned text file that `scripts/train` rebuilds from the corpora.
//
// File format (UTF-8 text, one item per line):
//   argmap-reconstruction-model 1
//   # comment lines
//   classifier NAME bias B features N
//   W FEATURE NAME           (N lines: a weight, a space, the feature's name to the end of the line)
//   ...                      (the classifiers main-claim, attack and attachment, in that order)
//   checksum HEX             (FNV-1a, 64 bits, of every byte before this line)

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/reconstruction_features.hpp"

namespace argmap::engine {

/// A model file that cannot be read, is damaged, or is of another version.
struct model_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Logistic regression over named features; a name the model has no weight for weighs nothing.
struct linear_classifier {
    double bias = 0.0;
    std::unordered_map<std::string, double> weights;

    /// bias + the sum of weight * value
    [[nodiscard]] double score(const feature_list& features) const;
    /// The logistic of score(): the probability of the positive class.
    [[nodiscard]] double probability(const feature_list& features) const;
    [[nodiscard]] double weight(const std::string& name) const;
    bool operator==(const linear_classifier&) const = default;
};

struct reconstruction_model {
    static constexpr int format_version = 1;
    std::string comment;            ///< how it was made (one line), kept in the file
    linear_classifier main_claim;   ///< unit features -> the unit is the text's main claim
    linear_classifier attack;       ///< unit features -> the unit attacks (rather than supports)
    linear_classifier attachment;   ///< pair features -> the unit attaches to the candidate
    bool operator==(const reconstruction_model&) const = default;
};

/// The model file's text: the same model gives the same bytes (features sorted by name, weights
/// written with 7 significant digits).
[[nodiscard]] std::string write_model(const reconstruction_model& model);

/// Reads a model file's text. Throws model_error, naming the line, when the text is not a model
/// of this version, is cut short, or fails its checksum.
[[nodiscard]] reconstruction_model parse_model(std::string_view text);

/// Reads a model file. Throws model_error when the file cannot be read or parse_model fails; the
/// message names the path.
[[nodiscard]] reconstruction_model read_model_file(const std::string& path);

/// FNV-1a, 64 bits.
[[nodiscard]] std::uint64_t fnv1a64(std::string_view bytes) noexcept;

}  // namespace argmap::engine
