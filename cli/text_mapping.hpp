#pragma once
// From an input's bytes to an argument map: the prose grammar, then reconstruction.

#include <string>
#include <string_view>

#include "cli/input_limits.hpp"
#include "engine/diagnostic.hpp"
#include "engine/model.hpp"
#include "engine/reconstruction_model.hpp"

namespace argmap::cli {

/// Where the reconstruction model is read from: the file ARGMAP_MODEL names, else
/// share/argmap/reconstruction.model beside an installed command, else the source tree's
/// models/reconstruction.model.
[[nodiscard]] std::string reconstruction_model_path();

/// Whether prose is mapped by the learned model (ARGMAP_RECONSTRUCTION=learned) rather than by
/// the hand rules (unset or "rules"). Throws engine::model_error on another value.
[[nodiscard]] bool learned_reconstruction();

/// The reconstruction model, read once. Throws engine::model_error (naming the file) when it is
/// missing or damaged: there is no fallback.
[[nodiscard]] const engine::reconstruction_model& reconstruction_model();

/// Maps one prose text. `name` becomes the source's name. Throws limit_error when the text has
/// more sentences or the map more units than limits.max_units, or nests deeper than
/// limits.max_depth (the sentences are counted before reconstruction).
[[nodiscard]] engine::parse_result<engine::argument_map> map_prose(std::string_view text, const std::string& name,
                                                                   const input_limits& limits = {});

/// "name:line:column: error: message" lines, one per diagnostic ("warning" or another severity
/// in place of "error" when given).
[[nodiscard]] std::string format_diagnostics(const std::string& name, const std::vector<engine::diagnostic>& diagnostics,
                                             std::string_view severity = "error");

}  // namespace argmap::cli
