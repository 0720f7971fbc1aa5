#pragma once
// Building a Graphviz DOT description of an argument map: a pure function, no Graphviz needed.
//
// The picture follows argument-mapping teaching conventions: the main claim on top, reasons
// (green), objections (red) and rebuttals of objections (orange) below what they point at,
// boxes numbered in statement order, linked premises joining at a small point before their one
// arrow, undercuts pointing at that junction (the inference), a legend, and one cluster per
// source when the map has several. Every piece of text is escaped for HTML-like labels.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/map_framework.hpp"
#include "engine/model.hpp"
#include "engine/roles.hpp"

namespace argmap::render {

/// Colour schemes. standard: Rationale's code (reasons green, objections red, rebuttals orange).
/// colorblind: the Okabe-Ito palette (reasons blue, objections vermillion, rebuttals orange), so no
/// red/green contrast carries meaning. print: greys only on white fills; roles differ by border
/// style and weight, relations by line style and arrowhead. In every theme support and attack
/// also differ by line style and arrowhead.
enum class dot_theme { standard, colorblind, print };

/// Where the main claim goes: down puts it on top (reasons below), up at the bottom.
enum class dot_direction { down, up };

/// Exercise sheets (see exercise_sheet.hpp). worksheet: every box keeps its number, colour and
/// about the size its text would take, but is empty; beneath the map, the statements are listed
/// with letters (A, B, ...) in an order shuffled by `seed`, for students to place. answer_key:
/// the same map and list with each box showing its letter and its text, and the list naming the
/// box of each letter. A worksheet and an answer key made with the same seed match.
enum class dot_exercise { none, worksheet, answer_key };

struct dot_options {
    bool legend = true;                      ///< draw the legend node
    dot_theme theme = dot_theme::standard;   ///< colours of boxes and arrows
    dot_direction direction = dot_direction::down;  ///< main claim on top (down) or at the bottom (up)
    std::size_t wrap_width = 40;             ///< code points per label line (0: no wrapping)
    /// Longer statement texts are cut here (in code points) and end with "…" (0: never cut).
    std::size_t max_label_chars = 1000;
    dot_exercise exercise = dot_exercise::none;  ///< a worksheet or its answer key
    std::uint64_t seed = 1;                      ///< the shuffle of an exercise's statement list
    /// Resolution of bitmap output (the graph's dpi attribute), 0: Graphviz's default (96). Only
    /// for PNG: Graphviz scales SVG and PDF by it too.
    unsigned dpi = 0;
    /// More graph attributes, written as given after the others (name=value, the value quoted):
    /// the layout settings of render::choose_layout for large maps.
    std::vector<std::pair<std::string, std::string>> graph_attributes{};
    /// Every node gets a fixed position (pos="x,y!", points) from render::place_tree, and edges
    /// are drawn straight: for Graphviz's "nop2" engine, on maps too large for dot. Box sizes are
    /// estimated from the wrapped text (DejaVu Sans 11 pt), a little generously.
    bool fixed_layout = false;
    /// Statuses (engine::evaluate_map) to show: each box gets a last line with a marker and a
    /// word (\u2714 stands, \u2718 falls, ? undecided), not a colour alone, and the legend
    /// explains them, naming the semantics. Not shown on exercise sheets.
    std::optional<engine::map_status> status{};
};

/// The map as a DOT digraph. Deterministic: the same map and options give the same bytes.
/// No coordinates: layout is Graphviz's job (see graphviz_renderer.hpp).
///
/// Node names, which an SVG keeps as each node group's <title>: "s1", "s2", ... for statement
/// ids 0, 1, ... (the number in the box), "j1", "j2", ... for the junction point of relation
/// ids 0, 1, ... (drawn only for linked premises and for relations that are undercut),
/// "legend", and for an exercise "statements" (the list beneath the map, kept below every box
/// by invisible edges of weight 0). Edges point from premise to conclusion; rankdir=BT puts conclusions above
/// (dot_direction::down), rankdir=TB below (dot_direction::up).
[[nodiscard]] std::string to_dot(const engine::argument_map& map, const dot_options& options = {});

/// How a theme draws a role's box: what the HTML report colours its highlights with, so that the
/// text and the diagram speak the same colour code.
struct role_style {
    const char* border;        ///< "#rrggbb"
    const char* fill;          ///< "#rrggbb"
    const char* name;          ///< as the legend calls the role ("Main claim", "Reason", ...)
    const char* border_style;  ///< "solid", "dashed" or "dotted" (the print theme tells roles apart by it)
};

[[nodiscard]] role_style style_of_role(dot_theme theme, engine::statement_role role);

namespace detail {

/// Text as Graphviz may see it: invalid UTF-8 sequences become U+FFFD, code points that XML
/// forbids (U+FFFE, U+FFFF) too; tab, line feed and carriage return become spaces; other control
/// characters (C0, DEL, C1) are dropped.
[[nodiscard]] std::string sanitize_utf8(std::string_view text);

/// Escapes sanitized text for an HTML-like label: & < > " ' become entities, and a backslash
/// becomes two backslash entities ("&#92;&#92;"): Graphviz expands escape sequences such as \N
/// and \G in HTML-like labels too, after reading entities, and reads "\\" as one backslash.
[[nodiscard]] std::string escape_html(std::string_view text);

/// Splits sanitized text into lines of at most `width` code points, breaking at spaces (a
/// longer word is cut; width 0: one line). Runs of spaces collapse; no line starts or ends with
/// a space.
[[nodiscard]] std::vector<std::string> wrap_lines(std::string_view text, std::size_t width);

}  // namespace detail

}  // namespace argmap::render
