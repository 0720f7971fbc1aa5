#pragma once
// Which notation an input is in (--from, else the file's extension, else its content), and
// reading it into a map whatever it is: prose, Argdown, the argmap JSON document or AIF.

#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/model.hpp"

namespace argmap::cli {

/// "prose", "argdown", "json" or "aif". `from` wins when not empty; then the extension
/// (.argdown and .ad: argdown; .json and .aif: json or aif by content; .txt: prose); then the
/// content: a JSON object is the argmap document when its "format" is "argmap", AIF otherwise;
/// text with an Argdown title line ("[T]: ...", "<A>: ...", "<A>" alone), a numbered PCS line
/// under an argument, a relation line or front matter is Argdown; anything else is prose.
[[nodiscard]] std::string detect_input_format(const std::string& path, std::string_view text, const std::string& from);

struct read_map_result {
    engine::parse_result<engine::argument_map> map;
    std::vector<engine::diagnostic> warnings;  ///< not errors (Argdown: titles never defined, ...)
};

/// Reads an input in the given format ("prose", "argdown", "json" or "aif"); `name` becomes the
/// source's name.
[[nodiscard]] read_map_result read_map(std::string_view text, const std::string& name, const std::string& format);

/// "name:line:column: warning: message" lines, one per diagnostic.
[[nodiscard]] std::string format_warnings(const std::string& name, const std::vector<engine::diagnostic>& warnings);

}  // namespace argmap::cli
