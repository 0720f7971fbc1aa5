#pragma once
// The reconstruction model the repository ships (models/reconstruction.model), read once.

#include "engine/reconstruction_model.hpp"

namespace argmap::test {

inline const engine::reconstruction_model& shipped_model() {
    static const auto model = engine::read_model_file(ARGMAP_SOURCE_MODEL);
    return model;
}

}  // namespace argmap::test
