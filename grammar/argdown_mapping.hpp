#pragma once
// From a parsed Argdown document (argdown_ast.hpp) to an argument map, as Argdown's own model
// reads the notation (loose mode; checked against the Argdown CLI 1.7.5 by the conformance tests).
//
// - Statements: one engine::statement per equivalence class. Every occurrence of a title ("[T]:
//   text", "[T]", a PCS line "(1) [T]") joins the class of that title; its text is the first
//   non-empty definition's, its spans every occurrence's, its tags the union, its data the first
//   definition's keys then later ones' new keys, its group the heading path of its first definition
//   with text (of its first occurrence when it has none).
//   An untitled statement is a class of its own with an empty title.
// - Arguments: one statement_kind::argument node per argument title (its text: the first
//   non-empty description); a PCS without an argument above it is an argument with an empty title.
// - Premise-conclusion structures: each inference becomes one support relation (rule
//   "argdown-pcs", relation::inference = its rules joined by ", ") whose premises, linked, are
//   the lines since the previous conclusion plus that previous conclusion (intermediate conclusions
//   chain); "{uses: [1, 2]}" on the inference names the premises instead. Then the argument node
//   is tied to its main conclusion by a support (rule "argdown-argument"), so that a relation to
//   the argument reaches its conclusion. The relations of one argument are added together, its
//   inferences in order and its tie last: a writer can tell an argument's PCS from the run of
//   "argdown-pcs" relations just before its tie.
// - Relations on indented lines (rule "argdown-relation"), from the child or the parent as the
//   symbol says. As in Argdown, a relation that starts at an argument with a PCS starts at its
//   main conclusion (and one from an argument to its own conclusion is dropped, the tie says it).
//   Undercuts ("_", "_>", and relations under an inference line) attack a relation: an argument's
//   last inference, the inference they stand under, or, for an argument without a PCS, its first
//   support or attack of something else (without one, the undercut is kept as an attack on the
//   argument node, with a warning). A contradiction "><" is two attacks, one each way (rule
//   "argdown-contradiction"): the model has no symmetric relation, and mutual attack is what
//   contradiction means for acceptability.
// - Strict mode (front matter "model: {mode: strict}", as Argdown has it): a support between two
//   statements is an entailment (rule "argdown-entails"), an attack between two statements a
//   contrary relation: the two cannot both be true, so it is two attacks, one each way (rule
//   "argdown-contrary"). Relations with an argument at either end are as in loose mode.
// - Headings give groups ("Part A > Section 1"); front matter "title" the source's title.
// - central: statements (not arguments) that relations reach and that reach nothing themselves.
// - Relations to titles never defined create the node, as Argdown does, and give a warning.
//   A relation that would join a node to itself is dropped with a warning. Nothing throws on
//   any parsed document.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/model.hpp"
#include "grammar/argdown_ast.hpp"

namespace argmap::grammar {

inline constexpr std::string_view argdown_pcs_rule = "argdown-pcs";
inline constexpr std::string_view argdown_argument_rule = "argdown-argument";
inline constexpr std::string_view argdown_relation_rule = "argdown-relation";
inline constexpr std::string_view argdown_contradiction_rule = "argdown-contradiction";
inline constexpr std::string_view argdown_entails_rule = "argdown-entails";
inline constexpr std::string_view argdown_contrary_rule = "argdown-contrary";

/// What became of one Argdown argument (for tools that want Argdown's own view back).
struct mapped_argument {
    engine::statement_id node;
    /// The PCS lines in order, with their roles; empty without a PCS.
    std::vector<engine::statement_id> pcs;
    std::vector<pcs_role> roles;
    /// One relation per inference, in order (the last concludes the main conclusion).
    std::vector<engine::relation_id> inferences;
    /// For each inference, the index in `pcs` of the conclusion it reaches.
    std::vector<std::size_t> conclusion_index;
};

/// One Argdown relation as written, in the model.
struct mapped_relation {
    relation_type type = relation_type::support;  ///< Argdown's type (contradiction kept as such)
    std::vector<engine::relation_id> relations;   ///< what it became (two for a contradiction, none if dropped)
};

struct argdown_mapping {
    engine::argument_map map;
    std::vector<mapped_argument> arguments;  ///< in order of first appearance
    std::vector<mapped_relation> relations;  ///< the relation lines, in document order
    std::vector<engine::diagnostic> warnings;
};

/// Maps a parsed document. `source_name` becomes the source's name; the source's text is
/// doc.input (spans index into it).
[[nodiscard]] argdown_mapping map_argdown(const argdown_document& doc, const std::string& source_name);

/// Parses and maps. Errors are the parser's; warnings (the parser's and the mapping's) go to
/// `warnings` when given. On errors `value` is empty.
[[nodiscard]] engine::parse_result<engine::argument_map> read_argdown(std::string_view text, const std::string& source_name,
                                                                      std::vector<engine::diagnostic>* warnings = nullptr);

/// The same, taking the text into the map's source instead of copying it (for large inputs).
[[nodiscard]] engine::parse_result<engine::argument_map> read_argdown_owning(std::string&& text, const std::string& source_name,
                                                                      std::vector<engine::diagnostic>* warnings = nullptr);

}  // namespace argmap::grammar
