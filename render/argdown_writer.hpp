#pragma once
// Any argument map (from prose, the JSON document, AIF or Argdown) written as Argdown text that
// argmap's parser and the Argdown CLI read.
//
// What is written, so that reading it back (grammar/argdown_mapping.hpp) gives the same
// statements, relations and titles for a map that came from Argdown:
// - The first source's title as front matter; groups as headings ("A > B": "# A", "## B"), the
//   ungrouped part first.
// - An argument (statement_kind::argument) whose tie (a support with rule "argdown-argument" to
//   its conclusion) follows a run of "argdown-pcs" supports: "<A>: description", its relations
//   indented under it, then its PCS as the next block; each inference "----" or "-- rules --",
//   with "{uses: [..]}" when its premises are not the lines since the previous conclusion plus
//   that conclusion; undercuts of an inference under its inference line. An untitled argument
//   with no description and nothing pointing at it is a bare PCS, as written in Argdown.
// - A titled statement: "[T]: text #tags {data}" once, with the relations that point at it
//   indented under it ("+ [P]", "- [Q]", "<_" ...); elsewhere "[T]". A pair of attacks with rule
//   "argdown-contradiction" is one "><" line.
// - An untitled statement that stands in one place only (one relation line, one PCS line, or
//   none) is written there as plain text, with the relations that point at it nested under it;
//   one that would have to stand in several places gets a title made from its id ("s12").
// - Special characters in texts are escaped ("\[", "\*", ...), except the tags and mentions
//   that the text holds as Argdown writes them.
// What Argdown cannot say is approximated, and a comment line says so: a linked support that is
// not an argument's inference, or a support carrying an inference name, becomes an argument of
// its own ("<Argument r3>") with that PCS; a linked attack becomes one attack per premise; an
// undercut of an attack becomes an attack on the attack's first premise. Spans, provenance
// (markers, rules, confidence) and alignments are not written.

#include <string>

#include "engine/model.hpp"

namespace argmap::render {

[[nodiscard]] std::string write_argdown(const engine::argument_map& map);

}  // namespace argmap::render
