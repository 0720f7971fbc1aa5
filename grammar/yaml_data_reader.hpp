#pragma once
// Block YAML of an Argdown document (its front matter, and data written "{" line break ... "}")
// read with yaml-cpp into the document's flat data nodes (argdown_ast.hpp). No yaml-cpp types here.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/argdown_ast.hpp"

namespace argmap::grammar::detail {

/// What went wrong in a YAML text, and where: a byte offset into the document.
struct yaml_error {
    std::size_t offset = 0;
    std::string message;
};

/// Keeps a text that is not a slice of the document (a folded or quoted scalar) and returns a
/// view of it that lives as long as the document.
using keep_text = std::function<std::string_view(std::string_view)>;

/// Reads `input`'s bytes [begin, end) as one YAML document whose top is a map or a list (or
/// nothing: an empty map). Its nodes go to the end of `nodes`, the root first; the root's span is
/// [begin, end). A scalar views `input` where its value stands there as written, else `keep`'s
/// copy (quoted scalars with escapes, folded and multi-line ones). Returns the root's index, or
/// the first error, located at yaml-cpp's mark translated into the document.
[[nodiscard]] std::uint32_t read_yaml_data(std::string_view input, std::size_t begin, std::size_t end,
                                           std::vector<data_node>& nodes, const keep_text& keep,
                                           std::optional<yaml_error>& error);

}  // namespace argmap::grammar::detail
