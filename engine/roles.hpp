#pragma once
// The role each statement plays in the map, as diagrams and outlines show it: the main claim,
// a reason for something, an objection to a claim or reason, a rebuttal of an objection.

#include <optional>
#include <vector>

#include "engine/model.hpp"

namespace argmap::engine {

enum class statement_role {
    central,    ///< a main claim
    reason,     ///< supports something on the proponent's side
    objection,  ///< attacks the proponent's side
    rebuttal,   ///< attacks an objection
    other,      ///< neither points at anything nor is pointed at through a path to a main claim
};

[[nodiscard]] const char* to_string(statement_role r) noexcept;

/// The relation a statement's own outgoing edge follows when it has several: the most confident.
[[nodiscard]] std::optional<relation_id> main_outgoing(const argument_map& map, statement_id s);

/// One role per statement (index = statement id). A statement's side comes from the path of
/// its strongest outgoing relations to a main claim: each attack or undercut on the way flips it.
[[nodiscard]] std::vector<statement_role> statement_roles(const argument_map& map);

/// The statement a relation ends at: its target, or for an undercut the conclusion of the
/// relation it attacks (following chains of undercuts).
[[nodiscard]] statement_id target_statement(const argument_map& map, relation_id r);

}  // namespace argmap::engine
