#pragma once
// "@include(part.argdown)": Argdown's textual include, done before parsing, as Argdown's own tools
// do it. The line that holds the include is replaced by the included file's lines (several paths,
// comma-separated, are included one after another). Finding and reading a file is the caller's
// job (include_resolver): this stays a function of strings, testable without files.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"

namespace argmap::grammar {

/// A file that an include names, as the resolver found it.
struct included_file {
    /// How errors name it (a path); two includes of the same name are the same file, which is
    /// how a cycle is recognised.
    std::string name;
    std::string text;
};

/// The file that `path`, as written in "@include(path)", names when the file `from` includes it
/// (relative paths are relative to `from`'s folder); nullopt when there is none or it cannot be
/// read.
using include_resolver = std::function<std::optional<included_file>(const std::string& from, std::string_view path)>;

/// Where a run of lines of the expanded text came from.
struct included_lines {
    std::size_t first_line = 1;       ///< 1-based, in the expanded text
    std::string file;
    std::size_t file_first_line = 1;  ///< 1-based, in that file
    /// For lines of an included file: the "@include" in the document that brought them (through
    /// any nested includes), line and column; 0 for the document's own lines.
    std::size_t include_line = 0;
    std::size_t include_column = 0;
    bool operator==(const included_lines&) const = default;
};

struct expanded_argdown {
    std::string text;  ///< the document with every include replaced by what it includes
    /// In order of first_line; empty when nothing was included (text is then the input).
    std::vector<included_lines> origins;
    /// A file not found, an include cycle (named: "a -> b -> a"), includes nested too deeply or
    /// making the document too long. One in the document itself stands at its include; one in
    /// an included file stands at the document's include that brought that file, and its message
    /// starts with where it is: "in parts/a.argdown:3:10: ".
    std::vector<engine::diagnostic> errors;

    /// A diagnostic located in `text`, located in the document: a line of the document's own
    /// where it is there; a line of an included file at the include that brought it, its message
    /// starting with the file, line and column ("in parts/a.argdown:2:5: ").
    [[nodiscard]] engine::diagnostic locate(engine::diagnostic d) const;
};

/// Includes nest at most this deep.
inline constexpr std::size_t max_include_depth = 32;

/// Replaces each line "@include(path, ...)" of `text` (the document named `name`) by the lines of
/// the files it names, recursively. Without any such line, `text` is returned as it is. An
/// include that would make the text longer than `max_size` bytes is an error.
[[nodiscard]] expanded_argdown expand_argdown_includes(std::string text, const std::string& name,
                                                       const include_resolver& resolve,
                                                       std::size_t max_size = std::size_t{1} << 30);

}  // namespace argmap::grammar
