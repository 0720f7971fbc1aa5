#pragma once
// AIF, the Argument Interchange Format, as JSON: the AIFdb flavour on writing; the AIFdb flavour
// and OVA's wrapper on reading (../shared/reference/aif.md).
//
// Writing (AIFdb flavour):
//
//   {"nodes": [{"nodeID": "1", "text": ..., "type": "I"}, {"nodeID": "4", "text": "Default Inference", "type": "RA"}],
//    "edges": [{"edgeID": "1", "fromID": "1", "toID": "4", "formEdgeID": null}],
//    "locutions": []}
//
// - Each statement is an I-node, in map order, with nodeID "1", "2", ...; an argument-kind
//   statement too (an Argdown argument: its description is the node's text).
// - Each relation is one scheme node, in map order, numbered on after the I-nodes:
//   a support is an RA node with one edge from each premise and one edge to the conclusion
//   (linked premises: one RA with several premises; convergent reasons: one RA each);
//   an attack is a CA node between I-nodes; an undercut is a CA node whose edge goes to the
//   scheme node of the relation it undercuts (an RA; or a CA when it undercuts an attack).
//   A support whose provenance rule is aif_rephrase_rule with a single premise is an MA node.
// - A scheme node's text is the relation's inference (its scheme), or "Default Inference",
//   "Default Conflict", "Default Rephrase".
// - Edges: "edgeID" "1", "2", ... in the order premises, then conclusion, relation by relation.
// - "timestamp" on every node only when aif_options::timestamp is set (output stays deterministic).
// - What AIF has no place for is carried in extra node keys, which AIF readers ignore:
//   I-nodes: "argmap_title", "argmap_tags" (array), "argmap_group", "argmap_kind" ("argument"),
//   "argmap_central" (true), "argmap_data" (object of strings); scheme nodes: "argmap_rule",
//   "argmap_marker", "argmap_confidence"; each only when not the default (empty, false, 1.0).
// - Lost: sources (all statements are written into one nodeset), spans and marker spans (AIFdb
//   nodes carry no text positions), alignments, and an inference named exactly like a default
//   scheme text (it reads back as the default, i.e. empty).
// - Text that is not valid UTF-8 is written with U+FFFD in place of the bad bytes.
//
// Reading: a top-level object with "nodes" and "edges" (AIFdb), or OVA's wrapper
// {"AIF": {"nodes", "edges", ...}, "OVA": {...}, "text": ...}, whose "text" (a string, or an
// object with a string "txt") becomes the source's text. Node and edge ids may be strings or
// integers (4 and "4" are the same node). Node types:
//   I        a statement (text required); the argmap_* keys above are read back when present;
//   RA       a support: premises = I-nodes with an edge into it, conclusion = the one node its
//            edge goes to, which must be an I-node;
//   CA       an attack when its conclusion is an I-node, an undercut when it is a scheme node
//            (RA, CA or MA);
//   MA       a rephrase: read as a support along its edges (one statement restating another
//            carries its content) with provenance rule aif_rephrase_rule, and written back as an
//            MA node. The model has no relation type of its own for it, and a new relation_type
//            would change every analysis and renderer for a relation that behaves as a support;
//   PA, L, TA, YA (preferences and the dialogue layer) are ignored with every edge touching
//            them.
// A scheme node's text becomes the relation's inference unless it is a default ("Default
// Inference", "RA", "Default Conflict", "CA", "Default Rephrase", "MA", or empty); then a string
// "scheme" key, if any, is used (some tools keep the scheme name there). A relation's provenance
// is rule "" (MA: aif_rephrase_rule), marker "", confidence 1, unless argmap_* keys say otherwise.
// The map gets one source: name from the caller, no title or byline, text empty or OVA's text;
// statements in node order, relations in node order except that every undercut follows the
// relation it undercuts. Nothing is central unless "argmap_central" says so.
//
// Malformed input (syntax, missing or mistyped keys, duplicate node ids, edges to unknown nodes,
// an edge between two I-nodes, a scheme node without premise or without exactly one conclusion,
// an RA or MA concluding a scheme node, a statement that is premise and conclusion of one
// relation, cycles of undercuts, unknown node types) gives diagnostics that name JSON paths
// ("AIF.edges[3].toID: ...") and, from read_aif, the line and column. Nothing here throws on bad input.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/diagnostic.hpp"
#include "engine/model.hpp"

namespace argmap::render {

/// The provenance rule of a support read from an AIF MA (rephrase) node; such a support with
/// one premise is written as an MA node again.
inline constexpr std::string_view aif_rephrase_rule = "aif-rephrase";

struct aif_options {
    /// Written as every node's "timestamp" when not empty (AIFdb writes "YYYY-MM-DD HH:MM:SS").
    std::string timestamp;
};

/// The map as an AIF nodeset (nlohmann::json keeps object keys sorted).
[[nodiscard]] nlohmann::json to_aif_value(const engine::argument_map& map, const aif_options& options = {});

/// The map as AIF text: keys in AIFdb's order ("nodes", "edges", "locutions"; "nodeID", "text",
/// "type", ...). pretty: indented by two spaces; otherwise one line. No trailing newline.
[[nodiscard]] std::string write_aif(const engine::argument_map& map, bool pretty, const aif_options& options = {});

/// Reads AIF text. Syntax errors give one diagnostic where parsing stopped; other errors one each,
/// at the line and column of the offending value.
[[nodiscard]] engine::parse_result<engine::argument_map> read_aif(std::string_view text, std::string_view source_name);

/// Reads a parsed AIF value. Diagnostics name JSON paths; their line and column are 1:1.
[[nodiscard]] engine::parse_result<engine::argument_map> from_aif_value(const nlohmann::json& document,
                                                                        std::string_view source_name);

/// Structural check of an AIF nodeset (or OVA's wrapper around one): nodes and edges are arrays
/// of objects; every node has a string or integer "nodeID", a string "type" and a string "text";
/// node ids are unique, and so are edge ids ("edgeID", required); every edge's "fromID" and
/// "toID" name a node; no edge joins two I-nodes; each RA, CA and MA node has at least one edge
/// from an I-node (a premise) and exactly one edge out to an I-, RA-, CA-, MA- or PA-node (its
/// conclusion; edges to dialogue nodes L, TA, YA are not counted). One message per problem,
/// each starting with the JSON path it is about; empty when the nodeset passes.
[[nodiscard]] std::vector<std::string> check_aif(const nlohmann::json& document);

}  // namespace argmap::render
