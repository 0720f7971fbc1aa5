#pragma once
// An argument map in standard form: numbered premises, inference lines and conclusions, as
// plain text or Markdown.

#include <string>
#include <string_view>

#include "engine/model.hpp"

namespace argmap::render {

enum class standard_form_style { text, markdown };

/// The map's reasoning in standard form, deterministic:
///
///     Main claim: Japan and Russia will not form an alliance.
///
///     Argument 1, for the main claim
///       (1) Each claims the Kurils.
///       ----
///       (2) Their strategic interests conflict.
///       (3) Japan relies on the US alliance.
///       -- Modus ponens --
///       (4) Japan and Russia will not form an alliance.
///
///     Objection 1, against (3) of argument 1
///       Both sides want better ties.
///
/// How the map becomes arguments:
/// - Each support relation is one inference: its `from` statements are the premises (linked,
///   listed together), its `to` the conclusion. The inference line is "----", or
///   "-- rule --" when relation::inference names the rule.
/// - Several supports of one claim are separate arguments ("Argument 2, for the main claim").
/// - A premise with exactly one support of its own is derived in place: that support's premises
///   and inference line come first, and the premise becomes an intermediate conclusion; the lines
///   of one argument are numbered in order. A premise with several supports stays a premise, and
///   each of its supports is an argument of its own ("Argument 3, for (2) of argument 1").
///   Derivation in place stops 32 levels deep (deeper supports become arguments of their own).
/// - Attacks are objections to the numbered line where their target first appears ("Objection 1,
///   against (3) of argument 1", "against the main claim", "against objection 1"); undercuts
///   are objections to an inference ("against the inference to (4) of argument 1"). An
///   objection's own reasons are arguments for it ("Argument 4, for objection 1").
/// - Arguments and objections are numbered in the order they are written: each main claim's
///   arguments and objections, then what they lead to, breadth first.
/// - Statements that no main claim reaches come after, each conclusion that supports nothing as
///   an "Other claim" with its own arguments and objections; statements in no relation at all
///   are listed at the end under "Not connected". Every relation is written once.
///
/// An Argdown argument's node (statement_kind::argument, tied to its structure's main conclusion
/// by a support of rule "argdown-argument") names the argument: "<Title>: text" stands above
/// the premises of its structure (the inferences of rule "argdown-pcs"), and is no premise.
/// A statement with an Argdown title shows as "[Title]: text". Plain text wraps at 78 columns
/// with hanging indents. Markdown uses headings, ordered lists that keep their numbers across
/// inference lines (a thematic break "----", or "-- rule --" as a paragraph), and escapes
/// Markdown's punctuation in every piece of input text. Text is cleaned as for diagrams
/// (invalid UTF-8 becomes U+FFFD, control characters are dropped, line breaks become spaces).
[[nodiscard]] std::string to_standard_form(const engine::argument_map& map,
                                           standard_form_style style = standard_form_style::text);

namespace detail {

/// Text escaped for Markdown inside a line (it never starts one here): each of
/// \ ` * _ [ ] < > # | ~ & ! gets a backslash, so no input text becomes emphasis, code, a link,
/// an HTML tag or an entity.
[[nodiscard]] std::string escape_markdown(std::string_view text);

}  // namespace detail

}  // namespace argmap::render
