#pragma once
// From an argument map to an abstract argumentation framework, and back to a status for each
// statement and relation: which claims stand once the objections are weighed.
//
// The rules (each an attack of the framework, so that any of Dung's semantics applies):
// - A statement holds unless something defeats it. One that no relation supports or attacks
//   (an assumption, an unanswered objection) is taken as given.
// - A relation applies when every one of its premises holds (linked premises: all of them) and
//   no undercut of it applies. A support that applies is a reason that stands; an attack or
//   undercut that applies defeats what it points at.
// - A statement that has reasons holds only when at least one of them stands; every statement
//   holds only when every attack on it is defeated (none of them applies).
// - An undercut defeats an inference (a relation), never a statement: the premise it cuts off
//   may still hold, and so may the conclusion, by another reason.
// In the framework: argument "s3" is statement 3 holding, "r2" relation 2 applying; "not_s3"
// (attacked by s3) attacks each relation that has s3 as a premise; "noreason_s3" (attacked by
// each support of s3) attacks s3.

#include <cstdint>
#include <vector>

#include "engine/argumentation_framework.hpp"
#include "engine/dung_semantics.hpp"
#include "engine/model.hpp"

namespace argmap::engine {

struct map_framework {
    named_framework framework;
    std::vector<std::uint32_t> statement_argument;  ///< per statement: its argument "s<n>"
    std::vector<std::uint32_t> relation_argument;   ///< per relation: its argument "r<n>"
};

[[nodiscard]] map_framework to_framework(const argument_map& map);

/// The status of every statement and relation under one semantics: in (holds, applies), out
/// (defeated) or undecided. Where the semantics has several labellings, what they all agree on.
struct map_status {
    semantics used = semantics::grounded;
    bool labelled = true;  ///< false when the semantics has no labelling (stable); all undecided then
    std::vector<label> statements;
    std::vector<label> relations;
    bool operator==(const map_status&) const = default;
};

/// Throws search_limit_exceeded when the limit is reached (never for grounded and complete).
[[nodiscard]] map_status evaluate_map(const argument_map& map, semantics s, search_limit limit = {});

}  // namespace argmap::engine
