#pragma once
// What `argmap analyze` says about a map: its shape (central claims, depth, linked and convergent
// reasons, assumptions, unanswered objections) and, given the statuses of map_framework.hpp,
// which claims stand and which fall, and the relations that decide each.

#include <cstddef>
#include <vector>

#include "engine/map_framework.hpp"
#include "engine/model.hpp"

namespace argmap::engine {

/// Why one statement that has reasons or objections stands, falls or stays undecided.
struct claim_verdict {
    statement_id statement;
    label status = label::undecided;
    std::vector<relation_id> reasons_standing;    ///< supports of it that apply
    std::vector<relation_id> reasons_fallen;      ///< supports of it that do not (out or undecided)
    std::vector<relation_id> objections_defeated; ///< attacks on it that do not apply (out)
    std::vector<relation_id> objections_standing; ///< attacks on it that apply: each defeats it
    std::vector<relation_id> objections_undecided;
    bool operator==(const claim_verdict&) const = default;
};

struct structure_report {
    std::vector<statement_id> central_claims;
    std::size_t depth = 0;                        ///< map_depth()
    std::vector<relation_id> linked_reasons;      ///< supports with two or more premises
    std::vector<statement_id> convergent_claims;  ///< statements with two or more separate supports
    std::vector<statement_id> assumptions;        ///< premises that nothing supports
    /// Attacks and undercuts none of whose premises is attacked and which nothing undercuts.
    std::vector<relation_id> unanswered_objections;
    /// Every statement that something supports or attacks, in map order.
    std::vector<claim_verdict> claims;
    bool operator==(const structure_report&) const = default;
};

[[nodiscard]] structure_report analyze_structure(const argument_map& map, const map_status& status);

}  // namespace argmap::engine
