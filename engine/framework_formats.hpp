#pragma once
// The file formats of abstract argumentation frameworks that the field's solvers read (ICCMA):
//   af   "p af N" then one "i j" line per attack (i attacks j; arguments 1 .. N); "#" comments
//   apx  "arg(a)." per argument, "att(a,b)." per attack; "%" comments
//   tgf  one argument name a line, a line "#", then one "a b" line per attack
// Plain line formats, read by hand (standard library only), fast enough for frameworks of tens
// of millions of attacks.

#include <optional>
#include <string>
#include <string_view>

#include "engine/argumentation_framework.hpp"
#include "engine/diagnostic.hpp"

namespace argmap::engine {

enum class framework_format { af, apx, tgf };

[[nodiscard]] const char* to_string(framework_format f) noexcept;
[[nodiscard]] std::optional<framework_format> parse_framework_format(std::string_view s) noexcept;
/// The format a file name's extension names (".af", ".apx", ".tgf"), if any.
[[nodiscard]] std::optional<framework_format> framework_format_of_path(std::string_view path) noexcept;

/// Reads a framework. Errors (line and column of each, at most 100 reported) instead of a value
/// when the text does not follow the format: a missing or repeated header, an argument number
/// out of range, an attack on an argument never declared, an argument declared twice, ...
/// An .af file gives a framework without names (argument a is called a + 1).
[[nodiscard]] parse_result<named_framework> read_framework(std::string_view text, framework_format f);

/// Writes a framework. Names are written as they are: apx and tgf need names without blanks,
/// parentheses or commas (a map's translation uses s1, r1, ...). An .af file numbers the
/// arguments; a named framework's names then go in comment lines "# 3 s2" before the attacks.
[[nodiscard]] std::string write_framework(const named_framework& f, framework_format format);

}  // namespace argmap::engine
