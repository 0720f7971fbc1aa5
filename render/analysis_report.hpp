#pragma once
// The report of `argmap analyze`: engine::structure_report as readable text or as JSON.
//
// Text: the semantics used, the central claims with their status, depth, linked and convergent
// reasons, assumptions, unanswered objections, then the claims that stand, fall and stay
// undecided, each with why: the reasons that stand or fall, the objections that defeat it or
// that are defeated (and by what: a premise that falls, or an undercut). Statements are numbered
// as in the diagram and the outline ([1], [2], ...).
//
// JSON (one object): "semantics", "labelled" (false when the semantics has no labelling),
// "central_claims", "depth", "linked_reasons", "convergent_claims", "assumptions",
// "unanswered_objections", "claims" (one object per claim: "statement", "status", and the
// relation ids of "reasons_standing", "reasons_fallen", "objections_standing",
// "objections_defeated", "objections_undecided"), "statements" ("id", "text", "status") and
// "relations" ("id", "status"). Ids are those of the JSON document (json_document.hpp).

#include <string>

#include "engine/map_framework.hpp"
#include "engine/model.hpp"
#include "engine/structure_report.hpp"

namespace argmap::render {

[[nodiscard]] std::string analysis_text(const engine::argument_map& map, const engine::map_status& status,
                                        const engine::structure_report& report);

/// Why a relation does not apply, for a reader: "[3] falls", "[4] is undecided", "undercut by
/// [5]", joined by "; " (empty when it applies).
[[nodiscard]] std::string why_not(const engine::argument_map& map, const engine::map_status& status,
                                  engine::relation_id r);

/// The JSON object, pretty-printed (two-space indent), with a final newline.
[[nodiscard]] std::string analysis_json(const engine::argument_map& map, const engine::map_status& status,
                                        const engine::structure_report& report);

}  // namespace argmap::render
