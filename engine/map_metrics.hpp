#pragma once
// Size measures of an argument map that limits are checked against (how deep its reasoning
// nests). Linear time, no recursion: safe on any map, however deep or cyclic.

#include <cstddef>

#include "engine/model.hpp"

namespace argmap::engine {

/// How deeply the map's reasoning nests: the largest number of relations between a statement
/// and a statement that points at nothing (a main claim, usually), counting along the shortest
/// such path. A premise of a main claim is at depth 1, a premise of that premise at 2, ...; an
/// undercut counts as pointing at the conclusion of the relation it attacks. Statements that
/// reach no such statement (pure cycles) count 0. A map without relations has depth 0.
[[nodiscard]] std::size_t map_depth(const argument_map& map);

}  // namespace argmap::engine
