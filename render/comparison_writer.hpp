#pragma once
// A comparison of texts as plain text for the terminal: where they agree, where they clash,
// and which reasons of each side the others never address.

#include <string>

#include "engine/comparison.hpp"
#include "engine/model.hpp"

namespace argmap::render {

[[nodiscard]] std::string to_comparison_text(const engine::argument_map& map,
                                             const engine::comparison_summary& summary);

}  // namespace argmap::render
