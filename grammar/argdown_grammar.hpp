#pragma once
// The Argdown notation's X3 rules, declared here and defined once (argdown_grammar_def.hpp,
// instantiated in argdown_grammar.cpp). Argdown's block structure is an off-side rule, which X3
// does not have: the facade (argdown_parser.cpp) reproduces Argdown's lexer pre-pass (lines, empty
// lines, an indentation stack) and runs these rules where a line or a token starts:
//
//   line_head       what a line is, from its first non-blank character: "--", a relation symbol,
//                   "# ", "(n)", "n.", "*"
//   element_head    a title at the start of an element: "[T]:", "[T]", "<A>:", "<A>"
//   title_ahead     the same, without reporting anything (does a new element start here?)
//   inline_token    one token of text: comment, data opener, escape, emphasis marker, link, tag,
//                   mention, stray title, shortcode, plain text
//   inference_token one token inside an inference line: comment, data opener, end "--",
//                   ',', rule text
//
// The token structs below are the rules' attributes: positions into the input, no copies.

#include <cstdint>
#include <string_view>

#include "grammar/argdown_config.hpp"

namespace argmap::grammar::argdown_detail {

enum class head_kind : std::uint8_t {
    text,            ///< none of the below: text (an element, or a continuation line)
    inference,       ///< "--"
    relation,        ///< a relation symbol
    heading,         ///< "#"... followed by a space
    pcs_number,      ///< "(n)"
    ordered_item,    ///< "n." followed by white space
    unordered_item,  ///< "*" followed by white space
};

enum class relation_symbol : std::uint8_t {
    support_in,     ///< "+" "<+"
    support_out,    ///< "+>"
    attack_in,      ///< "-" "<-"
    attack_out,     ///< "->"
    undercut_in,    ///< "_" "<_"
    undercut_out,   ///< "_>"
    contradiction,  ///< "><"
};

struct line_head {
    head_kind kind = head_kind::text;
    relation_symbol symbol = relation_symbol::support_in;
    std::uint32_t number = 0;  ///< "(n)", "n.", or the heading level
};

enum class title_kind : std::uint8_t { none, statement, argument };

struct element_head {
    title_kind kind = title_kind::none;
    bool definition = false;             ///< followed by ':'
    const char* title_begin = nullptr;   ///< inside the brackets
    const char* title_end = nullptr;
};

enum class token_kind : std::uint8_t {
    text,                   ///< plain text (a run, or a single character nothing else took)
    comment,                ///< "//...", "/*...*/", "<!--...-->"
    data_open,              ///< '{' (the facade finds the matching '}')
    escape,                 ///< "\x": a = the escaped character (one code point)
    emphasis,               ///< "**" "__" "*" "_": a = the marker
    link,                   ///< "[text](url)": a = all of it
    tag,                    ///< "#a" or "#(a)"
    statement_mention,      ///< "@[a]"
    argument_mention,       ///< "@<a>"
    stray_statement_title,  ///< "[a]" or "[a]:" inside text (an error: Argdown wants "@[a]")
    stray_argument_title,   ///< "<a>" or "<a>:" inside text
    shortcode,              ///< ".~.", ":happy:": replacement = its Unicode character
    inference_end,          ///< "--" (inference tokens only)
    separator,              ///< ',' (inference tokens only)
};

struct inline_token {
    token_kind kind = token_kind::text;
    const char* a_begin = nullptr;
    const char* a_end = nullptr;
    const char* b_begin = nullptr;
    const char* b_end = nullptr;
    std::string_view replacement;
};

using line_head_type = x3::rule<struct line_head_id, line_head>;
using element_head_type = x3::rule<struct element_head_id, element_head>;
using title_ahead_type = x3::rule<struct title_ahead_id, x3::unused_type>;
using inline_token_type = x3::rule<struct inline_token_id, inline_token>;
using inference_token_type = x3::rule<struct inference_token_id, inline_token>;

BOOST_SPIRIT_DECLARE(line_head_type, element_head_type, title_ahead_type, inline_token_type,
                     inference_token_type)

[[nodiscard]] line_head_type const& line_head_rule();
[[nodiscard]] element_head_type const& element_head_rule();
[[nodiscard]] title_ahead_type const& title_ahead_rule();
[[nodiscard]] inline_token_type const& inline_token_rule();
[[nodiscard]] inference_token_type const& inference_token_rule();

}  // namespace argmap::grammar::argdown_detail
