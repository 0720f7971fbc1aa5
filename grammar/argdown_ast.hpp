#pragma once
// The Argdown notation as parsed: plain values with byte spans, no parser types. This is the output
// of parse_argdown() (grammar/argdown_parser.hpp) and the input of the mapping into the model.
//
// LIFETIME: every std::string_view in these structs views either the text that was passed to
// parse_argdown() or the document's own text_storage (cleaned display text that is not a slice of
// the input). A document must not outlive the input text; copies of a document share its
// text_storage. Spans are UTF-8 byte offsets [begin, end) into the input.
//
// Shape (no recursive types: trees are flat vectors with parent indices, in document order):
//
//   argdown_document
//     front         optional front matter (=== YAML ===)
//     blocks[]      top-level blocks separated by empty lines, each one of
//                     heading        "# Title {data}"                  (groups / sections)
//                     element_block  a statement or argument with its relation tree
//                     pcs            a premise-conclusion structure "(1) ... ---- (2) ..."
//                     list_block     "* item" / "1. item" lines
//     data[]        every YAML-ish data node of the document ({...}, front matter), flat
//     warnings[]    notes that are not errors (titles referred to but never defined)
//
// Relation trees: an owner (a top-level element, a list item, a PCS statement or an inference)
// holds std::vector<relation_node> in pre-order; relation_node::parent is an index into that same
// vector or no_index when the parent is the owner itself. The relation is always stated relative
// to the child (the element on the indented line): `+` / `<+` means the child supports its parent,
// `+>` means the parent supports the child, and so on (see relation_direction).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/model.hpp"

namespace argmap::grammar {

/// "No such index" for the uint32 links of this AST.
inline constexpr std::uint32_t no_index = 0xFFFFFFFFu;

/// Where something stands: its bytes, and the line and column (1-based, columns in code points, as
/// engine::locate counts them) of its first byte.
struct source_location {
    engine::span bytes;
    std::size_t line = 0;
    std::size_t column = 0;
    bool operator==(const source_location&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

/// Kinds of inline ranges, as Argdown's JSON names them.
enum class inline_kind : std::uint8_t {
    bold,               ///< **x** or __x__
    italic,             ///< *x* or _x_
    link,               ///< [text](url)
    tag,                ///< #tag or #(multi word tag)
    statement_mention,  ///< @[Title]
    argument_mention,   ///< @<Title>
    special_char,       ///< a shortcode such as .~. or :happy:, replaced by its Unicode character
};

/// A range inside a content's cleaned text.
struct inline_range {
    inline_kind kind = inline_kind::bold;
    engine::span where;      ///< in the input, markers included ("**", "@[", "](url)")
    std::size_t begin = 0;   ///< in the owning content::text
    std::size_t end = 0;     ///< in the owning content::text, exclusive
    /// tag: the tag without '#' and parentheses; mention: the title; link: the link text as
    /// written; special_char: the shortcode as written; bold/italic: empty
    std::string_view value;
    std::string_view url;    ///< links only
    bool operator==(const inline_range&) const = default;
};

/// The text of a statement, an argument description, a heading or a list item.
struct content {
    /// Cleaned for display: comments, emphasis markers, escapes' backslashes and link targets
    /// removed, shortcodes replaced, runs of white space (line breaks included) collapsed to one
    /// space, trimmed. Tags and mentions stay as written ("#policy", "@[T1]"). Views the input
    /// when it is a slice of it, else argdown_document::text_storage.
    std::string_view text;
    engine::span where;                  ///< the raw text in the input (trimmed, data excluded)
    std::vector<inline_range> ranges;    ///< ordered by begin
    std::vector<std::string_view> tags;  ///< distinct tags in order of appearance (no '#')
    std::uint32_t data = no_index;       ///< root node in argdown_document::data, if {...} given
    bool operator==(const content&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Statements and arguments
// ---------------------------------------------------------------------------------------------

enum class element_kind : std::uint8_t { statement, argument };

enum class element_form : std::uint8_t {
    untitled,    ///< plain text: "Taxes should rise."            (statements only)
    definition,  ///< "[T]: text" or "<A>: text"
    reference,   ///< "[T]" or "<A>", optionally followed by tags and data
};

/// One occurrence of a statement or an argument.
struct element {
    element_kind kind = element_kind::statement;
    element_form form = element_form::untitled;
    std::string_view title;   ///< trimmed, without brackets; empty when untitled
    engine::span title_span;  ///< "[T]" or "<A>", brackets included, ':' excluded
    /// the statement's text or the argument's description (empty text for references)
    content body;
    source_location where;    ///< the whole element, title to data
    bool operator==(const element&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Relations
// ---------------------------------------------------------------------------------------------

enum class relation_type : std::uint8_t { support, attack, undercut, contradiction };

/// Which way the relation points, relative to the child on the indented line.
enum class relation_direction : std::uint8_t {
    child_to_parent,  ///< "+" "<+" "-" "<-" "_" "<_": the child supports/attacks/undercuts the parent
    parent_to_child,  ///< "+>" "->" "_>": the parent supports/attacks/undercuts the child
    symmetric,        ///< "><": contradictory
};

/// One indented relation line: the symbol and the element after it.
struct relation_node {
    relation_type type = relation_type::support;
    relation_direction direction = relation_direction::child_to_parent;
    std::string_view symbol;            ///< as written: "+", "<+", "+>", "-", "<-", "->", "_", "<_", "_>", "><"
    source_location symbol_at;          ///< the symbol (its line is the relation's line)
    std::size_t indentation = 0;        ///< leading blanks of the line (a space or a tab counts 1)
    std::uint32_t parent = no_index;    ///< index in the same vector, or no_index: the owner
    std::uint32_t depth = 1;            ///< 1 for children of the owner, 2 for their children, ...
    element child;                      ///< the statement or argument on the line
    bool operator==(const relation_node&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Blocks
// ---------------------------------------------------------------------------------------------

/// "# Title", "## Part 1 {isGroup: true}": a section, which the map draws as a group.
struct heading {
    std::size_t level = 1;   ///< number of '#'
    content title;
    source_location where;
    bool operator==(const heading&) const = default;
};

/// A top-level statement or argument and the relations nested under it.
struct element_block {
    element root;
    std::vector<relation_node> relations;  ///< pre-order
    bool operator==(const element_block&) const = default;
};

/// An inference line: "----" (collapsed), "-- Modus ponens {uses: [1, 2]} --", or the same
/// over several lines ("--", "Modus ponens", "--").
struct inference {
    bool collapsed = true;                  ///< no rules and no data
    std::vector<std::string_view> rules;    ///< comma-separated inference rules, trimmed
    std::uint32_t data = no_index;          ///< root node in argdown_document::data
    source_location where;                  ///< from the first to the last '-' of the line(s)
    std::vector<relation_node> relations;   ///< relations on indented lines under the inference
    bool operator==(const inference&) const = default;
};

enum class pcs_role : std::uint8_t { premise, intermediate_conclusion, main_conclusion };

/// A numbered line "(n) statement" of a premise-conclusion structure.
struct pcs_statement {
    std::uint32_t number = 0;               ///< as written
    engine::span number_span;               ///< "(n)"
    pcs_role role = pcs_role::premise;
    std::optional<inference> inferred_by;   ///< for conclusions: the inference line above
    element statement;
    std::vector<relation_node> relations;   ///< relations on indented lines under the statement
    source_location where;                  ///< "(n)" to the end of the statement
    bool operator==(const pcs_statement&) const = default;
};

/// A premise-conclusion structure (argument reconstruction).
struct pcs {
    /// The argument it reconstructs: the title of the argument block just above it (separated
    /// by an empty line, as Argdown wants); empty when there is none (an anonymous argument).
    std::string_view argument_title;
    std::uint32_t argument_block = no_index;  ///< that block's index in argdown_document::blocks
    std::vector<pcs_statement> statements;
    source_location where;
    bool operator==(const pcs&) const = default;
};

struct list_item {
    bool ordered = false;                  ///< "1." rather than "*"
    std::uint32_t number = 0;              ///< as written for ordered items
    element value;
    std::vector<relation_node> relations;
    source_location where;
    bool operator==(const list_item&) const = default;
};

/// "* item" or "1. item" lines (Argdown has no nested lists).
struct list_block {
    std::vector<list_item> items;
    source_location where;
    bool operator==(const list_block&) const = default;
};

struct block {
    std::variant<heading, element_block, pcs, list_block> value;
    /// Index in argdown_document::blocks of the innermost heading above this block (for a heading:
    /// the enclosing heading of lower level), or no_index.
    std::uint32_t section = no_index;
    bool operator==(const block&) const = default;
};

/// Calls f(source_location&) on every location in `b`, in document order (an inference line
/// before the conclusion it stands above).
template <class F>
void for_each_location(block& b, F&& f) {
    auto relations = [&](std::vector<relation_node>& rs) {
        for (auto& r : rs) {
            f(r.symbol_at);
            f(r.child.where);
        }
    };
    std::visit(
        [&](auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, heading>) {
                f(v.where);
            } else if constexpr (std::is_same_v<T, element_block>) {
                f(v.root.where);
                relations(v.relations);
            } else if constexpr (std::is_same_v<T, pcs>) {
                f(v.where);
                for (auto& s : v.statements) {
                    if (s.inferred_by) {
                        f(s.inferred_by->where);
                        relations(s.inferred_by->relations);
                    }
                    f(s.where);
                    f(s.statement.where);
                    relations(s.relations);
                }
            } else {
                f(v.where);
                for (auto& i : v.items) {
                    f(i.where);
                    f(i.value.where);
                    relations(i.relations);
                }
            }
        },
        b.value);
}

// ---------------------------------------------------------------------------------------------
// Data (YAML-ish) and front matter
// ---------------------------------------------------------------------------------------------

enum class data_kind : std::uint8_t { null, scalar, list, map };

/// One node of a data tree. Trees are stored flat in argdown_document::data; children are
/// linked through first_child / next_sibling in the order written.
struct data_node {
    data_kind kind = data_kind::null;
    bool quoted = false;              ///< the scalar was written in quotes
    std::string_view key;             ///< the key when the parent is a map, else empty
    /// scalars: the value as YAML reads it: without quotes, escapes processed, multi-line
    /// scalars folded. It views the input where the value stands there as written, else
    /// argdown_document::text_storage.
    std::string_view value;
    engine::span where;
    std::uint32_t parent = no_index;
    std::uint32_t first_child = no_index;
    std::uint32_t next_sibling = no_index;
    bool operator==(const data_node&) const = default;
};

/// "===" / YAML / "===" at the top of the document: metadata and configuration.
struct front_matter {
    source_location where;
    std::string_view yaml;          ///< the lines between the two "===" lines
    std::uint32_t data = no_index;  ///< root node (a map) in argdown_document::data
    bool operator==(const front_matter&) const = default;
};

struct argdown_document {
    std::string_view input;  ///< the text parsed; every string_view in this document views it
    std::optional<front_matter> front;
    std::vector<block> blocks;
    std::vector<data_node> data;
    /// Not errors (the document is still valid Argdown): a title referred to but never defined
    /// ("undefined argument <X>"), which Argdown silently creates.
    std::vector<engine::diagnostic> warnings;
    /// Owns the cleaned texts that are not slices of the input (content::text views them), in
    /// pieces. Never grows after parsing; shared by copies of the document.
    std::shared_ptr<const std::vector<std::string>> text_storage;

    /// Compares what was parsed (texts by value), not where texts are stored.
    bool operator==(const argdown_document& o) const {
        return input == o.input && front == o.front && blocks == o.blocks && data == o.data &&
               warnings == o.warnings;
    }
};

}  // namespace argmap::grammar
