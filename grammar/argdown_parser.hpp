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

/// Takes the blocks of a document one at a time, as they are read (see the streaming
/// parse_argdown below).
class argdown_block_sink {
public:
    virtual ~argdown_block_sink() = default;
    /// `b` is the document's block number `index` (counted as argdown_document::blocks would
    /// hold it), read whole: its relations, PCS lines or list items, its section. `doc` is the
    /// document read so far: input, front matter, every data node up to here (the blocks' data
    /// indices point into doc.data); it keeps no earlier block. Locations in `b` carry their bytes
    /// but no line and column (0). `b` and `doc.blocks` are gone after the call; texts that `b`
    /// views stay valid as long as the parse result (its text_storage) and the input do.
    virtual void take(const argdown_document& doc, const block& b, std::uint32_t index) = 0;
};

/// Parses `text` as above, but hands each block to `sink` as soon as it is read instead of
/// keeping it, so that only one block's parse tree is held at a time. Blocks go to the sink only
/// while no error has been found: a sink builds on a document that is valid so far, and after
/// an error the rest of the text is only read for its errors. The result is that of
/// parse_argdown (errors, warnings, front matter, data, text storage) without blocks.
[[nodiscard]] engine::parse_result<argdown_document> parse_argdown(std::string_view text, argdown_block_sink& sink);

}  // namespace argmap::grammar
