#pragma once
// Limits on what one run takes on, so that any input ends in a result or a clear error: never a
// crash, a stack overflow or memory without bound. Each has a default and a command-line option;
// exceeding one is an error (exit status 1) that names the limit and the option:
//   file.txt: error: input has 120000 units, more than the limit of 100000 (--max-units)

#include <cstddef>
#include <string>

#include "cli/file_io.hpp"
#include "engine/model.hpp"

namespace argmap::cli {

struct input_limits {
    std::size_t max_input_bytes = std::size_t{128} << 20;  ///< --max-input-size: bytes of one input file
    std::size_t max_units = 100000;   ///< --max-units: statements of a map (units of a prose text)
    std::size_t max_depth = 1000;     ///< --max-depth: how deeply reasoning nests (engine::map_depth)
    std::size_t max_layout = 50000;   ///< --max-layout: statements laid out by Graphviz (SVG, PNG, PDF)
};

/// A limit exceeded (exit status 1). what() is the whole message, "name: error: ...".
struct limit_error : file_error {
    using file_error::file_error;
};

/// Parses a limit's value: a whole number, optionally with K, M or G (binary: 1K = 1024) for
/// --max-input-size. Throws usage_error (naming flag) when it is not one.
[[nodiscard]] std::size_t parse_limit(const std::string& flag, const std::string& value, bool with_suffix);

/// Throws limit_error when `count` units exceed the limit (`what`: "units", "units (sentences)").
void check_units(const std::string& name, std::size_t count, const input_limits& limits, const char* what = "units");

/// Throws limit_error when the map has more statements than max_units or nests deeper than
/// max_depth.
void check_map(const std::string& name, const engine::argument_map& map, const input_limits& limits);

/// Throws limit_error when the map has more statements than Graphviz is given to lay out.
void check_layout(const std::string& name, const engine::argument_map& map, const input_limits& limits);

/// The help lines of the limit options (for every command's help).
[[nodiscard]] std::string limits_help();

}  // namespace argmap::cli
