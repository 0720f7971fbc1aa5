#pragma once
// Byte-level character classes shared by the prose grammars (prose_grammar_def.hpp and
// marker_grammar_def.hpp). Only parser primitives live here, no rules: including this file
// instantiates nothing.
//
// Spirit's own classes (x3::alnum, x3::space, ...) are not used on purpose: with the standard
// encoding they hand negative chars to <cctype>, which is undefined for UTF-8 bytes. These test
// the byte as unsigned char. Multi-byte punctuation is always consumed as a whole sequence so that
// every parser stays on UTF-8 character boundaries (the facade has validated the text).

#include <boost/spirit/home/x3.hpp>

namespace argmap::grammar::parser::chars {

namespace x3 = boost::spirit::x3;

constexpr bool is_space(unsigned char c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}
constexpr bool is_hspace(unsigned char c) noexcept { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }
constexpr bool is_line_char(unsigned char c) noexcept { return c != '\n' && c != '\r'; }
constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_upper(unsigned char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower(unsigned char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_alnum(unsigned char c) noexcept { return is_digit(c) || is_upper(c) || is_lower(c); }
constexpr bool is_high(unsigned char c) noexcept { return c >= 0x80; }
constexpr bool is_ascii_other(unsigned char c) noexcept { return c < 0x80 && !is_alnum(c); }
constexpr bool is_any(unsigned char) noexcept { return true; }
constexpr bool is_email_local(unsigned char c) noexcept {
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
constexpr bool is_domain_char(unsigned char c) noexcept { return is_alnum(c) || c == '-'; }
constexpr bool is_url_char(unsigned char c) noexcept { return c > ' ' && c != 0x7F; }
// Second bytes after C2: Latin-1 punctuation and symbols, except the letters ª µ º.
constexpr bool is_latin1_symbol_tail(unsigned char c) noexcept {
    return c >= 0x80 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA;
}
// Second bytes after C3 that make an upper-case letter: À..Ö, Ø..Þ.
constexpr bool is_latin1_upper_tail(unsigned char c) noexcept { return c >= 0x80 && c <= 0x9E && c != 0x97; }
// Latin Extended-A (C4, C5): upper case at even code points, close enough for a sentence opener.
constexpr bool is_latin_ext_upper_tail(unsigned char c) noexcept { return c >= 0x80 && c <= 0xBF && c % 2 == 0; }
constexpr bool is_greek_upper_tail(unsigned char c) noexcept { return c >= 0x91 && c <= 0xA9; }      // after CE
constexpr bool is_cyrillic_upper_tail(unsigned char c) noexcept { return c >= 0x80 && c <= 0xAF; }   // after D0
constexpr bool is_continuation(unsigned char c) noexcept { return c >= 0x80 && c <= 0xBF; }

/// One byte that satisfies Pred; no attribute.
template <auto Pred>
struct byte_parser : x3::char_parser<byte_parser<Pred>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename Char, typename Context>
    bool test(Char ch, Context const&) const noexcept {
        return Pred(static_cast<unsigned char>(ch));
    }
};

auto const space_byte = byte_parser<&is_space>{};
auto const hspace = byte_parser<&is_hspace>{};
auto const line_char = byte_parser<&is_line_char>{};
auto const digit = byte_parser<&is_digit>{};
auto const upper = byte_parser<&is_upper>{};
auto const lower = byte_parser<&is_lower>{};
auto const alnum = byte_parser<&is_alnum>{};
auto const high_byte = byte_parser<&is_high>{};
auto const ascii_other = byte_parser<&is_ascii_other>{};
auto const any_byte = byte_parser<&is_any>{};
auto const email_local_char = byte_parser<&is_email_local>{};
auto const domain_char = byte_parser<&is_domain_char>{};
auto const url_char = byte_parser<&is_url_char>{};
auto const continuation = byte_parser<&is_continuation>{};

auto const nbsp = x3::lit("\xC2\xA0");
auto const left_double_quote = x3::lit("\xE2\x80\x9C");   // “
auto const right_double_quote = x3::lit("\xE2\x80\x9D");  // ”
auto const left_single_quote = x3::lit("\xE2\x80\x98");   // ‘
auto const right_single_quote = x3::lit("\xE2\x80\x99");  // ’
auto const low_double_quote = x3::lit("\xE2\x80\x9E");    // „
auto const left_guillemet = x3::lit("\xC2\xAB");          // «
auto const right_guillemet = x3::lit("\xC2\xBB");         // »
auto const left_single_guillemet = x3::lit("\xE2\x80\xB9");   // ‹
auto const right_single_guillemet = x3::lit("\xE2\x80\xBA");  // ›
auto const inverted_question = x3::lit("\xC2\xBF");       // ¿
auto const inverted_exclamation = x3::lit("\xC2\xA1");    // ¡
auto const en_dash = x3::lit("\xE2\x80\x93");
auto const em_dash = x3::lit("\xE2\x80\x94");
auto const horizontal_bar = x3::lit("\xE2\x80\x95");
auto const ellipsis = x3::lit("\xE2\x80\xA6");            // …
auto const bullet = x3::lit("\xE2\x80\xA2");              // •
auto const copyright_sign = x3::lit("\xC2\xA9");          // ©

/// Whitespace, ASCII or no-break space.
auto const space_char = space_byte | nbsp;

/// A complete UTF-8 sequence that is punctuation or space, not part of a word: general
/// punctuation (U+2000..U+203F: dashes, quotes, bullets, ellipsis), Latin-1 symbols, CJK
/// punctuation (U+3000..U+303F).
auto const utf8_punct = (x3::lit('\xE2') >> x3::lit('\x80') >> continuation)
                      | (x3::lit('\xC2') >> byte_parser<&is_latin1_symbol_tail>{})
                      | (x3::lit('\xE3') >> x3::lit('\x80') >> continuation);

/// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII letter.
auto const word_char = alnum | (!utf8_punct >> high_byte);

/// What separates words: ASCII punctuation and space, or a whole UTF-8 punctuation sequence.
auto const gap_char = utf8_punct | ascii_other;

/// An upper-case letter: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic.
auto const upper_letter = upper
                        | (x3::lit('\xC3') >> byte_parser<&is_latin1_upper_tail>{})
                        | ((x3::lit('\xC4') | x3::lit('\xC5')) >> byte_parser<&is_latin_ext_upper_tail>{})
                        | (x3::lit('\xCE') >> byte_parser<&is_greek_upper_tail>{})
                        | (x3::lit('\xD0') >> byte_parser<&is_cyrillic_upper_tail>{});

/// Opening quotes and brackets.
auto const opening_punct = x3::lit('"') | x3::lit('\'') | x3::lit('(') | x3::lit('[') | x3::lit('{')
                         | left_double_quote | left_single_quote | low_double_quote | left_guillemet
                         | left_single_guillemet | inverted_question | inverted_exclamation;

/// Closing quotes and brackets.
auto const closing_punct = x3::lit('"') | x3::lit('\'') | x3::lit(')') | x3::lit(']') | x3::lit('}')
                         | right_double_quote | right_single_quote | right_guillemet | right_single_guillemet;

/// A dash that separates clauses: "--", an en or em dash, or a hyphen with space beside it.
auto const clause_dash = x3::lit("--") | en_dash | em_dash | horizontal_bar
                       | (hspace >> x3::lit('-')) | (x3::lit('-') >> space_char);

}  // namespace argmap::grammar::parser::chars
