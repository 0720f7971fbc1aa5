#pragma once
// Laying out and rendering DOT with Graphviz in-process (libgvc + libcgraph, "dot" layout).
// This header does not include Graphviz; graphviz_renderer.cpp is the only file that does.

#include <stdexcept>
#include <string>
#include <string_view>

namespace argmap::render {

enum class output_format { svg, png, pdf };

[[nodiscard]] const char* to_string(output_format f) noexcept;

/// Graphviz could not read, lay out or render a graph. what() carries Graphviz's own messages.
struct render_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Lays out `dot` with Graphviz's layout engine `layout` ("dot", or "twopi", "sfdp", ... as
/// render::choose_layout says) and renders it; returns the file's bytes
/// (SVG text, or binary PNG / PDF). Thread-safe: calls are serialised, because Graphviz is not.
/// Throws render_error on bad DOT, a layout or render failure, a message at error level from
/// Graphviz (such as a malformed HTML-like label), or empty output.
[[nodiscard]] std::string render(std::string_view dot, output_format fmt, const std::string& layout = "dot");

}  // namespace argmap::render
