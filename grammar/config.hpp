#pragma once
// The one place where the prose grammars' iterator and context types are fixed. A mismatch
// between these and the types the facade parses with shows up as an undefined parse_rule at link
// time. The grammars parse without a skipper (prose is read byte by byte); per-parse state goes in
// through x3::with, so each entry rule's context is "its sink, then nothing".

#include <boost/spirit/home/x3.hpp>

#include "grammar/prose_ast.hpp"

namespace argmap::grammar::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = const char*;

struct line_sink_tag;
struct sentence_sink_tag;
struct marker_sink_tag;

using line_context_type = x3::context<line_sink_tag, ast::line_sink, x3::unused_type>;
using sentence_context_type = x3::context<sentence_sink_tag, ast::sentence_sink, x3::unused_type>;
using marker_context_type = x3::context<marker_sink_tag, ast::marker_sink, x3::unused_type>;

}  // namespace argmap::grammar::parser
