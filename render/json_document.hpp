#pragma once
// The argmap JSON document (DESIGN.md, "The JSON document (contract)"): writing a map as JSON
// and reading one back.
//
//   {"format": "argmap", "version": 1,
//    "sources":    [{"id": "a", "name": ..., "title": ..., "byline": ..., "text": ...}],
//    "statements": [{"id": "s1", "source": "a", "kind": "argument", "title": "T1", "text": ...,
//                    "spans": [[b, e], ...], "central": true, "tags": ["policy"], "group": "A > B",
//                    "data": {"key": "value"}}],
//    "relations":  [{"id": "r1", "type": "support", "from": ["s2"], "to": "s1", "marker": "because",
//                    "marker_span": [b, e], "rule": ..., "confidence": 0.6, "inference": "Modus ponens"}],
//    "alignments": [{"statements": ["s1", "s9"], "stance": "contradict", "score": 0.71}]}
//
// Writing: ids come from indices (sources "a".."z", "aa".., statements "s1".., relations "r1"..);
// "title" and "byline" appear only when non-empty, "central" only when true, "marker_span" only
// when present, "alignments" only when the map has any. A statement's "kind" appears only for an
// argument ("argument"), its "title", "tags", "group" and "data" (an object of strings) only when
// non-empty; a relation's "inference" only when non-empty (a document without them reads as plain
// statements and relations). With statuses (engine::evaluate_map), each statement and relation
// ends with "status": "in", "out" or "undecided" (which the reader ignores, as it ignores every
// key it does not know: statuses are computed, never read). Output is deterministic; numbers
// are written so that reading them back gives the same double. Text that is not valid UTF-8 is written with U+FFFD in place of
// the bad bytes (never an exception), so such a map does not read back equal.
//
// Reading: any string ids are accepted and mapped to indices. Required keys are those the writer
// always writes: "format" ("argmap"), "version" (1), "sources", "statements", "relations";
// per source "id", "name", "text"; per statement "id", "source", "text", "spans"; per relation
// "id", "type", "from" (non-empty), "to", "marker", "rule", "confidence" (a number in [0, 1]);
// per alignment "statements" (two statement ids), "stance", "score". Optional: "title",
// "byline", "central", "marker_span", "alignments"; per statement "kind" ("statement" or
// "argument"), "title", "tags" (strings), "group", "data" (an object whose values are strings);
// per relation "inference". Unknown keys are ignored (the document may be extended). Relations
// may name relations listed later (undercuts); the map then holds them in an order where every
// undercut follows its target; cycles of undercuts are errors. Every error found is reported,
// each naming its JSON path ("statements[3].spans[0]: ...") and, when the document text is at
// hand (read_json), the line and column of the offending value. Nothing here throws on bad input.

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/diagnostic.hpp"
#include "engine/map_framework.hpp"
#include "engine/model.hpp"

namespace argmap::render {

/// The document as a JSON value (nlohmann::json keeps object keys sorted).
[[nodiscard]] nlohmann::json to_json_value(const engine::argument_map& map);

/// The document as text, keys in contract order ("format", "version", "sources", ...).
/// pretty: the document's members and each source, statement, relation and alignment on a line
/// of its own (json_text_writer.hpp shows the layout); otherwise one line. No trailing newline.
[[nodiscard]] std::string write_json(const engine::argument_map& map, bool pretty,
                                     const engine::map_status* status = nullptr);

/// The same text, written to `out` as it is made (a large map's document is never held whole).
void write_json(const engine::argument_map& map, bool pretty, std::ostream& out,
                const engine::map_status* status = nullptr);

/// How deeply an "id" value may nest arrays and objects (copying and dumping a JSON value recurse
/// once per level, so an unbounded id from an input line could exhaust the stack).
inline constexpr std::size_t max_id_depth = 100;

/// Batch mode: the document on one line with the input's "id" value (any JSON value, copied
/// as-is) added first at its top level. No trailing newline. An id nesting arrays or objects
/// deeper than max_id_depth is written as null (check first with nesting_within to report it).
[[nodiscard]] std::string write_json_line(const engine::argument_map& map, const nlohmann::json& id,
                                          const engine::map_status* status = nullptr);

/// Whether value nests arrays and objects at most max_depth levels deep (a scalar: 0 levels,
/// [1]: 1 level). Iterative: safe on any parsed value, unlike copying or dumping it.
[[nodiscard]] bool nesting_within(const nlohmann::json& value, std::size_t max_depth);

/// Reads a document from text. Syntax errors (including invalid UTF-8) give one diagnostic at
/// the line and column where parsing stopped; semantic errors give one diagnostic each.
[[nodiscard]] engine::parse_result<engine::argument_map> read_json(std::string_view text);

/// Reads a document from a parsed value. Diagnostics name JSON paths; their line and column are
/// 1:1 since no text is at hand.
[[nodiscard]] engine::parse_result<engine::argument_map> from_json_value(const nlohmann::json& document);

/// The ids the writer gives: "a", ..., "z", "aa", "ab", ... for sources; "s1", ... for
/// statements; "r1", ... for relations.
[[nodiscard]] std::string json_id(engine::source_id id);
[[nodiscard]] std::string json_id(engine::statement_id id);
[[nodiscard]] std::string json_id(engine::relation_id id);

namespace detail {

/// write_json(map, false) through a JSON value and its compact dump(): the reference that
/// write_json's direct writing is tested against.
[[nodiscard]] std::string write_json_by_value(const engine::argument_map& map);

// Shared by the readers of JSON-based formats (this document, AIF).

/// An error found in a parsed document: the path of the value to point at ("statements[3].spans[0]",
/// "" for the whole document), and the message (which already names that path).
struct path_error {
    std::string where;
    std::string message;
};

/// "a.b" and "a[3]": the notation of paths in messages.
[[nodiscard]] std::string child(const std::string& path, std::string_view key);
[[nodiscard]] std::string child(const std::string& path, std::size_t index);

/// A string from a document as a JSON string literal (escaped, bad UTF-8 replaced), shortened.
[[nodiscard]] std::string json_quoted(std::string_view s);

/// A found value for a message: short values as JSON, anything nested by its type only.
[[nodiscard]] std::string describe(const nlohmann::json& v);

/// Parses JSON text without throwing. A syntax error (including invalid UTF-8) gives one
/// diagnostic at the line and column where parsing stopped.
[[nodiscard]] engine::parse_result<nlohmann::json> parse_json_text(std::string_view text);

/// The errors as diagnostics, each at the line and column of the value its path names in text
/// (1:1 when text is empty or the path is not found), in document order.
[[nodiscard]] std::vector<engine::diagnostic> locate_path_errors(std::string_view text, std::vector<path_error> errors);

}  // namespace detail

}  // namespace argmap::render
