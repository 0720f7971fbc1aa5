#pragma once
// The HTML report: one self-contained page (inline CSS, inline script, the diagram as inline SVG;
// nothing fetched from anywhere) that shows a map beside the text it came from.
//
// Map report: the source's title and byline, the diagram, the text with every unit highlighted
// in its role's colour (the diagram's theme), and the outline. Clicking a box scrolls to and
// marks its unit in the text; clicking a unit (or an outline entry) marks its box.
//
// Comparison report: a summary (points of agreement, points of clash, related points, each
// side's reasons that the others never address), the texts side by side with aligned units
// linked (clicking one marks it and the units aligned with it in the other texts, and scrolls
// to them), and the diagram with one cluster per text.
//
// Element names the page keeps stable (its script and the tests rely on them): each unit of
// text is `<span class="unit role-R" data-s="sN">` with R one of central, reason, objection,
// rebuttal, other (engine::to_string(statement_role)) and sN the diagram's node name (DOT node
// "sN", the SVG node group's <title>); a unit aligned with others also carries
// `data-aligned="sM:stance ..."`. The diagram sits in `#diagram`, each text in
// `.source-text[data-source="a"]`, the outline in `#outline`, the summary in `#summary`.
// Marked units and boxes get the class `marked`, units and boxes aligned with the marked one
// the class `aligned`.
//
// Every piece of input text is escaped for HTML; the page's only script is argmap's own.

#include <string>

#include "engine/comparison.hpp"
#include "engine/model.hpp"
#include "render/dot_builder.hpp"

namespace argmap::render {

struct html_options {
    dot_options diagram{};  ///< theme and direction of the diagram; the highlights follow the theme
};

/// The report of a map of one source (a map with several sources shows each of their texts).
/// Renders the diagram with Graphviz (throws render_error when that fails).
[[nodiscard]] std::string to_html_report(const engine::argument_map& map, const html_options& options = {});

/// The report of a comparison: `map` holds the sources compared and their alignments,
/// `summary` is engine::summarize(map). Throws render_error when Graphviz fails.
[[nodiscard]] std::string to_html_comparison(const engine::argument_map& map,
                                             const engine::comparison_summary& summary,
                                             const html_options& options = {});

}  // namespace argmap::render
