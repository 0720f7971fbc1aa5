#pragma once
// A source's text as HTML with each statement's spans wrapped in a highlight of its role: the
// text pane of the HTML report (html_report.hpp says what the elements look like).

#include <string>
#include <vector>

#include "engine/model.hpp"
#include "engine/roles.hpp"

namespace argmap::render::detail {

/// The whole text of `source`, escaped, line breaks kept, with every span of each of its
/// statements as `<span class="unit role-R" data-s="sN" data-n="N">...</span>` (the first span
/// of a statement also gets `id="unit-sN"`; a statement with alignments gets
/// `data-aligned="sM:stance ..."`). Where spans overlap, the shorter statement's span wins the
/// overlap; spans past the end of the text are cut at its end. `roles` is
/// engine::statement_roles(map).
[[nodiscard]] std::string highlighted_source_text(const engine::argument_map& map, engine::source_id source,
                                                  const std::vector<engine::statement_role>& roles);

}  // namespace argmap::render::detail
