#pragma once
// Parse Argdown notation (the subset described in shared/reference/argdown.md) into a plain AST.
// No Spirit types here: the grammar stays inside grammar/argdown_*.cpp.

#include <string_view>

#include "engine/diagnostic.hpp"
#include "grammar/argdown_ast.hpp"

namespace argmap::grammar {

/// Parses `text` as Argdown.
///
/// - Never throws on bad input (any bytes: invalid UTF-8, NUL bytes, huge lines, deep nesting,
///   unterminated comments and brackets); time and memory are linear in the input.
/// - `value` is always set: on errors it holds what could be recovered, so that tools can still
///   show something. `ok()` is true only without errors.
/// - `errors` lists every error found (resynchronising at the next token, line or block), sorted
///   by position, each with 1-based line and column (code points) and what was expected. After
///   10000 errors the rest are counted in one last message.
/// - The document views `text` (see argdown_ast.hpp): keep `text` alive while using it.
[[nodiscard]] engine::parse_result<argdown_document> parse_argdown(std::string_view text);

}  // namespace argmap::grammar
