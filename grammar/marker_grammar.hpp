#pragma once
// The marker grammar: reads one sentence and reports each discourse marker of the lexicon found at
// a position its entry allows (sentence start, clause start, mid-clause) into an ast::marker_sink.
// Declarations only; the rules are in marker_grammar_def.hpp, instantiated in marker_grammar.cpp.

#include <boost/spirit/home/x3.hpp>

#include "grammar/config.hpp"

namespace argmap::grammar::parser {

struct marker_scan_class;
using marker_scan_type = x3::rule<marker_scan_class>;
BOOST_SPIRIT_DECLARE(marker_scan_type)

/// The entry rule: parse a whole sentence with x3::with<marker_sink_tag>(sink)[marker_scan()].
[[nodiscard]] marker_scan_type const& marker_scan();

}  // namespace argmap::grammar::parser
