#pragma once
// An argument map as an indented plain-text outline.

#include <string>

#include "engine/map_framework.hpp"
#include "engine/model.hpp"

namespace argmap::render {

/// A readable outline of the map, deterministic, numbered like the diagram's boxes ([1], [2], ...):
///
///     Main claim: [1] Japan and Russia will not form an alliance.
///       = restated: There are many barriers between them.
///       + [2] Their strategic interests conflict.
///         + [7] Each claims the Kurils.
///         - (undercut) [8] Rivals have allied before.
///       + [3] Japan relies on the US alliance.
///       & [4] An alliance with Russia would strain it.
///       - [5] Both sides want better ties.
///         - [6] The territorial dispute is unresolved.
///     Not connected:
///       [9] Posted in: Asia
///
/// Each main claim comes first, then where the source restates it ("= restated:", one line per
/// further span of the statement, quoting the source), then what points at it, indented beneath it, recursively:
/// "+" supports, "-" attacks, "- (undercut)" attacks the inference (shown under the last
/// premise of the reason it undercuts), "&" the further premises of a linked reason. A
/// statement already shown appears again as "[n] ... (see above)" without its subtree, which
/// keeps cycles and shared premises finite. Statements that no main claim reaches are listed at
/// the end under "Not connected:", each unconnected sub-argument from its top; a map without
/// a main claim starts with "(no main claim)". Indentation stops growing at 32 levels; deeper
/// lines name their level after it ("(level 40) + ..."). Text is cleaned for display: invalid
/// UTF-8 becomes U+FFFD, control characters are dropped, line breaks become spaces.
///
/// With statuses (engine::evaluate_map), each statement's line ends with its status in braces:
/// "{in}" (it stands), "{out}" (it falls) or "{undecided}".
[[nodiscard]] std::string to_outline(const engine::argument_map& map, const engine::map_status* status = nullptr);

}  // namespace argmap::render
