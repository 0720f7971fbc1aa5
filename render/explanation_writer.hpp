#pragma once
// Why each relation exists, as text: `argmap map --explain`.

#include <string>

#include "engine/model.hpp"

namespace argmap::render {

/// One block per relation: "r2  support  s3 -> s1", then the marker (with its line:column in the
/// source when it has a span), the rule and the confidence, then both statements' texts.
[[nodiscard]] std::string to_explanation(const engine::argument_map& map);

}  // namespace argmap::render
