#pragma once
// Definitions of the Argdown rules declared in argdown_grammar.hpp. Include this file ONLY from
// argdown_grammar.cpp, the one unit that instantiates them.
//
// Conventions: no skipper (blanks matter: they are indentation); tokens never cross a line break
// except block comments; every operand right of '>' is a named rule whose name completes the
// sentence "expected ...", which is what the user reads.

#include "grammar/argdown_grammar.hpp"

namespace argmap::grammar::argdown_detail {

// ---------------------------------------------------------------------------------------------
// Error handling: rules with expectation points report through the sink in the context and fail;
// the facade resynchronises (at the next token or line).
// ---------------------------------------------------------------------------------------------

struct report_expectation {
    template <typename Iterator, typename Exception, typename Context>
    x3::error_handler_result on_error(Iterator& /*first*/, Iterator const& /*last*/,
                                      Exception const& x, Context const& context) const {
        x3::get<error_sink_tag>(context).report(x.where(), "expected " + x.which());
        return x3::error_handler_result::fail;
    }
};

struct line_head_id {};
struct element_head_id : report_expectation {};
struct title_ahead_id {};
struct inline_token_id : report_expectation {};
struct inference_token_id : report_expectation {};

// ---------------------------------------------------------------------------------------------
// Character classes. Bytes >= 0x80 are taken as they come (UTF-8 or not): no locale, no UB.
// ---------------------------------------------------------------------------------------------

/// One byte for which Pred holds.
template <class Pred>
struct byte_if_parser : x3::parser<byte_if_parser<Pred>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Iterator, typename Context, typename RContext, typename Attribute>
    bool parse(Iterator& first, Iterator const& last, Context const&, RContext&, Attribute&) const {
        if (first != last && Pred{}(static_cast<unsigned char>(*first))) {
            ++first;
            return true;
        }
        return false;
    }
};

struct is_utf8_continuation {
    constexpr bool operator()(unsigned char c) const noexcept { return (c & 0xC0u) == 0x80u; }
};
/// Argdown's tag characters: letters, digits, '-', '_' and anything outside ASCII.
struct is_tag_char {
    constexpr bool operator()(unsigned char c) const noexcept {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c >= 0x80u;
    }
};

byte_if_parser<is_utf8_continuation> const utf8_continuation{};
byte_if_parser<is_tag_char> const tag_char{};

auto const line_char = ~x3::char_("\r\n");  // anything but a line break
auto const line_break_char = x3::char_("\r\n");
auto const white = x3::char_(" \t\r\n\f\v");
auto const blank = x3::char_(" \t");

// ---------------------------------------------------------------------------------------------
// Semantic actions: they fill the rule's attribute (_val) from what was matched (_attr).
// ---------------------------------------------------------------------------------------------

constexpr auto set_head(head_kind k) {
    return [k](auto& ctx) { x3::_val(ctx).kind = k; };
}
constexpr auto set_numbered_head(head_kind k) {
    return [k](auto& ctx) {
        x3::_val(ctx).kind = k;
        x3::_val(ctx).number = x3::_attr(ctx);
    };
}
auto const set_relation = [](auto& ctx) {
    x3::_val(ctx).kind = head_kind::relation;
    x3::_val(ctx).symbol = x3::_attr(ctx);
};
auto const set_undercut_in = [](auto& ctx) {
    x3::_val(ctx).kind = head_kind::relation;
    x3::_val(ctx).symbol = relation_symbol::undercut_in;
};
/// "## " -> level 2 (the match includes the space)
auto const set_heading_level = [](auto& ctx) {
    x3::_val(ctx).kind = head_kind::heading;
    x3::_val(ctx).number = static_cast<std::uint32_t>(x3::_attr(ctx).size() - 1);
};

/// The title between the brackets of a matched "[T]" / "<A>" (one byte each side).
constexpr auto set_title(title_kind k) {
    return [k](auto& ctx) {
        auto& head = x3::_val(ctx);
        head.kind = k;
        head.title_begin = x3::_attr(ctx).begin() + 1;
        head.title_end = x3::_attr(ctx).end() - 1;
    };
}
auto const set_definition = [](auto& ctx) { x3::_val(ctx).definition = true; };

/// The token kind and its whole match as `a`, trimmed by `front` and `back` bytes.
constexpr auto set_token(token_kind k, int front = 0, int back = 0) {
    return [k, front, back](auto& ctx) {
        auto& t = x3::_val(ctx);
        t.kind = k;
        t.a_begin = x3::_attr(ctx).begin() + front;
        t.a_end = x3::_attr(ctx).end() - back;
    };
}
auto const set_shortcode = [](auto& ctx) {
    x3::_val(ctx).kind = token_kind::shortcode;
    x3::_val(ctx).replacement = x3::_attr(ctx);
};

// ---------------------------------------------------------------------------------------------
// Lexicons (const tables, built once)
// ---------------------------------------------------------------------------------------------

/// Relation symbols at the start of a line (longest match: "+>" before "+"). A lone "_" needs
/// white space after it (else it starts italics) and is handled apart; "--" is tried before.
x3::symbols<relation_symbol> const relation_symbols(
    {{"+", relation_symbol::support_in},
     {"<+", relation_symbol::support_in},
     {"+>", relation_symbol::support_out},
     {"-", relation_symbol::attack_in},
     {"<-", relation_symbol::attack_in},
     {"->", relation_symbol::attack_out},
     {"<_", relation_symbol::undercut_in},
     {"_>", relation_symbol::undercut_out},
     {"><", relation_symbol::contradiction}},
    "relation symbol");

/// Argdown's shortcodes, replaced by their Unicode characters.
x3::symbols<std::string_view> const shortcodes(
    {{".A.", "\u2200"},  {":A:", "\u2200"},      // for all
     {".E.", "\u2203"},  {":E:", "\u2203"},      // exists
     {".->.", "\u2192"}, {":->:", "\u2192"},     // implies
     {".<->.", "\u2194"}, {":<->:", "\u2194"},   // if and only if
     {".~.", "\u00AC"},  {":~:", "\u00AC"},      // not
     {".^.", "\u2227"},  {":^:", "\u2227"},      // and
     {".v.", "\u2228"},  {":v:", "\u2228"},      // or
     {".<>.", "\u25C7"}, {":<>:", "\u25C7"},     // possibly
     {".[].", "\u25FB"}, {":[]:", "\u25FB"},     // necessarily
     {":happy:", "\U0001F600"}, {".happy.", "\U0001F600"},
     {":smile:", "\u263A"}, {".smile.", "\u263A"},
     {":smiley:", "\u263A"}, {".smiley.", "\u263A"},
     {":laugh:", "\U0001F606"}, {".laugh.", "\U0001F606"},
     {":lol:", "\U0001F606"}, {".lol.", "\U0001F606"},
     {":rofl:", "\U0001F923"}, {".rofl.", "\U0001F923"},
     {":joy:", "\U0001F602"}, {".joy.", "\U0001F602"},
     {":heart:", "\u2764"}, {".heart.", "\u2764"},
     {":love:", "\U0001F60D"}, {".love.", "\U0001F60D"},
     {":wink:", "\U0001F609"}, {".wink.", "\U0001F609"},
     {":shush:", "\U0001F92B"}, {".shush.", "\U0001F92B"},
     {":meh:", "\U0001F610"}, {".meh.", "\U0001F610"},
     {":eyes:", "\U0001F644"}, {".eyes.", "\U0001F644"},
     {":sad:", "\U0001F622"}, {".sad.", "\U0001F622"},
     {":disappointed:", "\U0001F61E"}, {".disappointed.", "\U0001F61E"},
     {":scream:", "\U0001F631"}, {".scream.", "\U0001F631"},
     {":+1:", "\U0001F44D"}, {".+1.", "\U0001F44D"},
     {":up:", "\U0001F44D"}, {".up.", "\U0001F44D"},
     {":-1:", "\U0001F44E"}, {".-1.", "\U0001F44E"},
     {":down:", "\U0001F44E"}, {".down.", "\U0001F44E"},
     {":think:", "\U0001F914"}, {".think.", "\U0001F914"}},
    "shortcode");

// ---------------------------------------------------------------------------------------------
// Named rules right of '>': their names are the messages
// ---------------------------------------------------------------------------------------------

// Title text excludes its opening bracket too: a scan from an opener then stops at the next
// opener, so that "[[[[..." or "@[@[@[..." costs linear time, not quadratic.
auto const statement_title_char = line_char - ']' - '[';
auto const argument_title_char = line_char - '>' - '<';

auto const statement_title = x3::rule<struct statement_title_id>{"a statement title"} =
    +statement_title_char;
auto const statement_title_close =
    x3::rule<struct statement_title_close_id>{"']' to close the statement title"} = x3::lit(']');
auto const argument_title = x3::rule<struct argument_title_id>{"an argument title"} =
    +argument_title_char;
auto const argument_title_close =
    x3::rule<struct argument_title_close_id>{"'>' to close the argument title"} = x3::lit('>');
// A mention's title may wrap onto the next line ("@[Causal" / "argument]"), but not across an
// empty line.
auto const wrapped_line_break = -x3::lit('\r') >> '\n' >> !(*x3::char_(" \t\r") >> (x3::lit('\n') | x3::eoi));
auto const mentioned_statement_title = x3::rule<struct mentioned_statement_title_id>{"a statement title"} =
    +(statement_title_char | wrapped_line_break);
auto const mentioned_argument_title = x3::rule<struct mentioned_argument_title_id>{"an argument title"} =
    +(argument_title_char | wrapped_line_break);
auto const mention_close =
    x3::rule<struct mention_close_id>{"']' to close the statement mention"} = x3::lit(']');
auto const argument_mention_close =
    x3::rule<struct argument_mention_close_id>{"'>' to close the argument mention"} = x3::lit('>');
auto const tag_words = x3::rule<struct tag_words_id>{"the words of the tag"} =
    +(line_char - ')' - '(');
auto const tag_close = x3::rule<struct tag_close_id>{"')' to close the tag"} = x3::lit(')');
auto const block_comment_rest = x3::rule<struct block_comment_rest_id>{"'*/' to close the comment"} =
    *(x3::char_ - "*/") >> "*/";
auto const html_comment_rest = x3::rule<struct html_comment_rest_id>{"'-->' to close the comment"} =
    *(x3::char_ - "-->") >> "-->";

// ---------------------------------------------------------------------------------------------
// Line heads: what a line is, read from its first non-blank character
// ---------------------------------------------------------------------------------------------

auto const number = x3::uint_parser<std::uint32_t>{};
auto const pcs_number = '(' >> number >> ')';
auto const ordered_item = number >> '.' >> &(white | x3::eoi);
auto const unordered_item = x3::lit('*') >> &(white | x3::eoi);
auto const heading_start = x3::raw[+x3::lit('#') >> ' '];

line_head_type const line_head = "line head";
auto const line_head_def =
      x3::lit("--")[set_head(head_kind::inference)]                 // before "-"
    | relation_symbols[set_relation]
    | (x3::lit('_') >> &(white | x3::eoi))[set_undercut_in]
    | heading_start[set_heading_level]
    | pcs_number[set_numbered_head(head_kind::pcs_number)]
    | ordered_item[set_numbered_head(head_kind::ordered_item)]
    | unordered_item[set_head(head_kind::unordered_item)];

// ---------------------------------------------------------------------------------------------
// Titles at the start of an element
// ---------------------------------------------------------------------------------------------

auto const link_url_char = line_char - ')' - '(' - '[';
auto const link = '[' >> +statement_title_char >> "](" >> +link_url_char >> ')';

element_head_type const element_head = "statement or argument title";
auto const element_head_def =
    !link >>
    ( x3::raw['[' > statement_title > statement_title_close][set_title(title_kind::statement)]
    | x3::raw['<' > argument_title > argument_title_close][set_title(title_kind::argument)]
    ) >> -x3::lit(':')[set_definition];

title_ahead_type const title_ahead = "title";
auto const title_ahead_def =
    !link >> (('[' >> +statement_title_char >> ']') | ('<' >> +argument_title_char >> '>'));

// ---------------------------------------------------------------------------------------------
// Inline tokens (one per call; the facade loops and pairs emphasis markers with a stack)
// ---------------------------------------------------------------------------------------------

auto const comment =
      x3::raw[x3::lit("/*") > block_comment_rest][set_token(token_kind::comment)]
    | x3::raw[x3::lit("<!--") > html_comment_rest][set_token(token_kind::comment)]
    | x3::raw[x3::lit("//") >> *line_char][set_token(token_kind::comment)];

auto const data_open = x3::raw[&x3::lit('{')][set_token(token_kind::data_open)];

auto const escape =
    x3::lit('\\') >> x3::raw[line_char >> *utf8_continuation][set_token(token_kind::escape)];

auto const emphasis =
    x3::raw[x3::lit("**") | "__" | '*' | '_'][set_token(token_kind::emphasis)];

/// The facade splits "[text](url)" at "](" (the text cannot contain ']').
auto const link_token =
    x3::raw['[' >> +statement_title_char >> "](" >> +link_url_char >> ')'][set_token(token_kind::link)];

auto const tag =
    '#' >> ( x3::raw['(' > tag_words > tag_close][set_token(token_kind::tag, 1, 1)]
           | x3::raw[+tag_char][set_token(token_kind::tag)]);

auto const mention =
      x3::raw[x3::lit("@[") > mentioned_statement_title > mention_close]
             [set_token(token_kind::statement_mention, 2, 1)]
    | x3::raw[x3::lit("@<") > mentioned_argument_title > argument_mention_close]
             [set_token(token_kind::argument_mention, 2, 1)];

auto const stray_title =
      x3::raw['[' >> +statement_title_char >> ']' >> -x3::lit(':')]
             [set_token(token_kind::stray_statement_title)]
    | x3::raw['<' >> +argument_title_char >> '>' >> -x3::lit(':')]
             [set_token(token_kind::stray_argument_title)];

/// Plain text: a run of characters that start nothing.
// argdown_parser.cpp reads plain runs directly where no markup character starts: text_scan.hpp's
// inline_markup holds the same characters as this set.
auto const plain_run = x3::raw[+~x3::char_("\\@#*_[</{.:\r\n")][set_token(token_kind::text)];
auto const any_char = x3::raw[x3::char_][set_token(token_kind::text)];

inline_token_type const inline_token = "text";
auto const inline_token_def =
      comment
    | data_open
    | escape
    | emphasis
    | link_token
    | tag
    | mention
    | stray_title
    | shortcodes[set_shortcode]
    | plain_run
    | any_char;

// ---------------------------------------------------------------------------------------------
// Inference tokens: "-- rule, rule {data} --"
// ---------------------------------------------------------------------------------------------

auto const inference_text =
    x3::raw[+(line_char - ',' - '{' - "--" - "/*" - "<!--" - "//")][set_token(token_kind::text)];

inference_token_type const inference_token = "inference rule";
auto const inference_token_def =
      comment
    | data_open
    | x3::raw[x3::lit("--") >> *x3::lit('-')][set_token(token_kind::inference_end)]
    | x3::raw[x3::lit(',')][set_token(token_kind::separator)]
    | inference_text
    | any_char;

BOOST_SPIRIT_DEFINE(line_head, element_head, title_ahead, inline_token, inference_token)

line_head_type const& line_head_rule() { return line_head; }
element_head_type const& element_head_rule() { return element_head; }
title_ahead_type const& title_ahead_rule() { return title_ahead; }
inline_token_type const& inline_token_rule() { return inline_token; }
inference_token_type const& inference_token_rule() { return inference_token; }

}  // namespace argmap::grammar::argdown_detail
