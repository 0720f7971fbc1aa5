#pragma once
// The prose grammar, two entry rules over the same character classes:
//  - lines(): the whole text as lines; each non-blank line with its leading keyword (byline,
//    dateline, list item, page furniture) and the e-mail addresses and URLs inside it, into an
//    ast::line_sink;
//  - sentences(): one run of paragraph text split into sentences (abbreviations, initials,
//    decimals, quotes, ellipses), into an ast::sentence_sink.
// Declarations only; the rules are in prose_grammar_def.hpp, instantiated in prose_grammar.cpp.

#include <boost/spirit/home/x3.hpp>

#include "grammar/config.hpp"

namespace argmap::grammar::parser {

struct lines_class;
struct sentences_class;
using lines_type = x3::rule<lines_class>;
using sentences_type = x3::rule<sentences_class>;
BOOST_SPIRIT_DECLARE(lines_type, sentences_type)

/// Parse a whole text with x3::with<line_sink_tag>(sink)[lines()].
[[nodiscard]] lines_type const& lines();
/// Parse one run of paragraph text with x3::with<sentence_sink_tag>(sink)[sentences()].
[[nodiscard]] sentences_type const& sentences();

}  // namespace argmap::grammar::parser
