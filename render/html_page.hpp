#pragma once
// What every HTML page of argmap shares: text escaped for HTML, the page's head with its inline
// style sheet (role colours from the diagram's theme), its one inline script, the legend, and
// Graphviz's SVG made fit to stand inside the page. Used by html_report.cpp.

#include <string>
#include <string_view>

#include "render/dot_builder.hpp"

namespace argmap::render::detail {

/// Text as an HTML text node or attribute value: invalid UTF-8 becomes U+FFFD, control
/// characters are dropped, & < > " ' and the backslash become entities. Line breaks (LF, CR,
/// CRLF) are kept as LF when `keep_line_breaks`, otherwise they become spaces.
[[nodiscard]] std::string escape_for_html(std::string_view raw, bool keep_line_breaks = false);

/// `<!DOCTYPE html>` up to and including `<body>`: charset, the page title (escaped here), the
/// style sheet with a class per role (`role-central`, ...) in the theme's colours.
[[nodiscard]] std::string page_start(std::string_view title, dot_theme theme);

/// The page's script and the closing tags.
[[nodiscard]] std::string page_end();

/// A legend of the highlight colours, one swatch per role (the "not connected" role only when
/// `with_other`).
[[nodiscard]] std::string role_legend(dot_theme theme, bool with_other);

/// The `<svg ...>...</svg>` element of a Graphviz SVG document, without the XML declaration,
/// doctype and comments before it. Throws render_error when there is no single svg element or
/// it holds a script.
[[nodiscard]] std::string inline_svg(std::string_view svg_document);

}  // namespace argmap::render::detail
