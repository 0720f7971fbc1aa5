#pragma once
// Rules of the prose grammar. Include only from prose_grammar.cpp.
//
// Lines: every line is read once. Its start may be a keyword that makes it a byline ("By Wang
// Haiyun", "Source:", "Published:"), page furniture ("Posted in:", "Share this", "Tags:"), a
// copyright notice, a date on its own, or a list item ("- ", "1. "). Its body is scanned for
// e-mail addresses, URLs and furniture phrases ("comments powered by"). Whether a byline-looking
// line really is one depends on where it stands; the layout step (prose_layout.cpp) decides that.
//
// Sentences: a run of paragraph text is a sequence of sentences separated by white space. A
// sentence is a sequence of pieces up to a sentence end: . ! ? or an ellipsis (any run of them),
// with the closing quotes and brackets that follow, when white space and then an upper-case
// letter, a digit, or an opening quote or bracket follow (or the run ends). Abbreviations
// (Mr., e.g., Jan., U.S.), initials (J. R. R.) and decimals (3.5) are pieces of their own, so
// their period never ends a sentence; an abbreviation that often closes a sentence (etc., Inc.,
// U.S.) does end one when a word that typically opens a sentence follows ("... Inc. The ...").

#include <boost/spirit/home/x3.hpp>

#include "grammar/char_classes_def.hpp"
#include "grammar/prose_grammar.hpp"
#include "grammar/text_spans.hpp"

namespace argmap::grammar::parser {

// ---------------------------------------------------------------------------------------------
// Tables

using ast::line_head;

/// Line keywords ending in a colon: what follows may touch them ("Source:Global Times").
x3::symbols<line_head> const colon_keys({
    {"source:", line_head::byline_key},     {"sources:", line_head::byline_key},
    {"published:", line_head::byline_key},  {"updated:", line_head::byline_key},
    {"last updated:", line_head::byline_key}, {"posted:", line_head::byline_key},
    {"date:", line_head::byline_key},       {"dateline:", line_head::byline_key},
    {"author:", line_head::byline_key},     {"authors:", line_head::byline_key},
    {"byline:", line_head::byline_key},     {"reporter:", line_head::byline_key},
    {"editor:", line_head::byline_key},     {"by:", line_head::byline_key},
    {"posted in:", line_head::furniture},   {"filed under:", line_head::furniture},
    {"tags:", line_head::furniture},        {"tagged:", line_head::furniture},
    {"tagged with:", line_head::furniture}, {"related:", line_head::furniture},
    {"related articles:", line_head::furniture}, {"related stories:", line_head::furniture},
    {"read more:", line_head::furniture},   {"see also:", line_head::furniture},
    {"share:", line_head::furniture},       {"categories:", line_head::furniture},
    {"category:", line_head::furniture},    {"keywords:", line_head::furniture},
    {"topics:", line_head::furniture},      {"photo:", line_head::furniture},
    {"image:", line_head::furniture},       {"credit:", line_head::furniture},
    {"follow:", line_head::furniture},      {"comments:", line_head::furniture},
});

/// Line keywords that are whole words: a word boundary must follow them.
x3::symbols<line_head> const word_keys({
    {"posted on", line_head::byline_key},   {"written by", line_head::byline_key},
    {"published on", line_head::byline_key}, {"updated on", line_head::byline_key},
    {"share this", line_head::furniture},   {"share on", line_head::furniture},
    {"share with", line_head::furniture},   {"subscribe", line_head::furniture},
    {"follow us", line_head::furniture},    {"follow me", line_head::furniture},
    {"click here", line_head::furniture},   {"read more", line_head::furniture},
    {"sign up", line_head::furniture},      {"advertisement", line_head::furniture},
    {"print this", line_head::furniture},   {"email this", line_head::furniture},
    {"e-mail this", line_head::furniture},  {"leave a comment", line_head::furniture},
    {"related articles", line_head::furniture}, {"related stories", line_head::furniture},
    {"copyright", line_head::copyright},    {"(c)", line_head::copyright},
    {"all rights reserved", line_head::copyright},
    {"the author is", line_head::author_note},    {"the authors are", line_head::author_note},
    {"the author was", line_head::author_note},   {"the authors were", line_head::author_note},
    {"the writer is", line_head::author_note},    {"the writers are", line_head::author_note},
    {"the writer was", line_head::author_note},   {"the columnist is", line_head::author_note},
});

x3::symbols<> const month_names({"january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december", "jan",
                                 "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                 "nov", "dec"});

x3::symbols<> const weekday_names({"monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
                                   "thur", "thurs", "fri", "sat", "sun"});

x3::symbols<> const time_words({"am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest",
                                "eet", "est", "edt", "cst", "cdt", "pst", "pdt", "jst", "msk",
                                "ist", "hkt", "sgt", "aest", "beijing time"});

/// Abbreviations whose period never ends a sentence (case as written).
x3::symbols<> const fixed_abbreviations({
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Mme.", "Dr.", "Drs.", "Prof.", "St.", "Mt.", "Ft.", "Rev.",
    "Hon.", "Gov.", "Gen.", "Lt.", "Col.", "Capt.", "Cmdr.", "Sgt.", "Adm.", "Maj.", "Sen.", "Rep.",
    "Reps.", "Pres.", "Supt.", "Amb.", "Atty.", "vs.", "Vs.", "v.", "cf.", "Cf.", "e.g.", "E.g.",
    "i.e.", "I.e.", "viz.", "approx.", "Approx.", "ca.", "No.", "Nos.", "Vol.", "vol.", "Vols.",
    "Fig.", "fig.", "Figs.", "p.", "pp.", "ch.", "Ch.", "Art.", "Sec.", "sec.", "Ed.", "ed.", "eds.",
    "Eds.", "est.", "Est.", "min.", "max.", "Mio.", "Mrd.", "Univ.", "Assn.", "Dept.", "dept.",
    "Ph.D.", "M.A.", "B.A.", "M.D.", "D.C.",
});

/// Abbreviations that may close a sentence: "etc.", "Inc.", "U.S.", months ("in Jan. The ...").
x3::symbols<> const end_abbreviations({
    "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    "etc.", "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Jr.", "Sr.", "U.S.", "U.K.", "U.N.", "E.U.",
    "U.S.A.", "U.S.S.R.", "a.m.", "p.m.", "A.M.", "P.M.", "et al.", "Ave.", "Rd.", "Blvd.",
});

/// Words that typically open a sentence: after an abbreviation of the kind above, they end it.
x3::symbols<> const sentence_openers({
    "The", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
    "His", "Her", "Their", "Our", "My", "But", "However", "And", "So", "Yet", "In", "A", "An",
    "There", "As", "If", "When", "While", "What", "Why", "How", "Thus", "Therefore", "Moreover",
    "Furthermore", "Also", "Some", "Many", "Most", "Such", "Both", "After", "Before", "Since",
    "Although", "Because", "Still", "Nevertheless", "Meanwhile", "Today", "Now", "Then", "One",
});

// ---------------------------------------------------------------------------------------------
// Actions on lines
//
// Boost 1.74's _where(ctx) spans from the end of the match to the end of the input, so an action
// that needs the matched text sits on x3::raw[...] and reads _attr(ctx); on x3::eps, _where's
// begin is the current position.

inline std::size_t offset(ast::line_sink const& sink, iterator_type at) noexcept {
    return static_cast<std::size_t>(at - sink.text.data());
}

struct begin_line {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& sink = x3::get<line_sink_tag>(ctx);
        sink.current = ast::line{};
        sink.current.where.begin = offset(sink, x3::_where(ctx).begin());
    }
};

struct set_line_head {
    template <typename Context>
    void operator()(Context& ctx) const {
        x3::get<line_sink_tag>(ctx).current.head = x3::_attr(ctx);
    }
};

/// On x3::raw[head]: the line's keyword; a list item's text starts after its marker.
template <line_head Head>
struct mark_line_head {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& sink = x3::get<line_sink_tag>(ctx);
        sink.current.head = Head;
        if constexpr (Head == line_head::list_item) sink.current.item_begin = offset(sink, x3::_attr(ctx).end());
    }
};

/// On x3::raw[address]: an e-mail address or URL inside the current line.
template <ast::mark_kind Kind>
struct record_mark {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& sink = x3::get<line_sink_tag>(ctx);
        const auto& where = x3::_attr(ctx);
        sink.marks.push_back({Kind, {offset(sink, where.begin()), offset(sink, where.end())}, sink.lines.size()});
    }
};

struct mark_furniture_phrase {
    template <typename Context>
    void operator()(Context& ctx) const {
        x3::get<line_sink_tag>(ctx).current.furniture_phrase = true;
    }
};

/// Stores the line unless it is blank; a blank line only marks the next line as after a break.
struct end_line {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& sink = x3::get<line_sink_tag>(ctx);
        auto line = sink.current;
        line.where.end = offset(sink, x3::_where(ctx).begin());
        line.content = detail::trim(sink.text, line.where);
        if (line.content.empty()) {
            sink.pending_blank = true;
            return;
        }
        line.blank_before = sink.pending_blank;
        sink.pending_blank = false;
        sink.lines.push_back(line);
    }
};

// ---------------------------------------------------------------------------------------------
// Line rules

struct line_class;
struct line_head_class;
struct by_head_class;
struct dateline_class;
struct date_class;
struct date_tail_class;
struct list_marker_class;
struct line_body_class;
struct email_class;
struct url_class;

lines_type const lines_rule = "lines";
x3::rule<line_class> const line = "line";
x3::rule<line_head_class> const line_head_rule = "line keyword";
x3::rule<by_head_class> const by_head = "byline";
x3::rule<dateline_class> const dateline = "date line";
x3::rule<date_class> const date = "date";
x3::rule<date_tail_class> const date_tail = "time";
x3::rule<list_marker_class> const list_marker = "list marker";
x3::rule<line_body_class> const line_body = "line body";
x3::rule<email_class> const email = "e-mail address";
x3::rule<url_class> const url = "URL";

auto const eol = x3::lit("\r\n") | x3::lit('\n') | x3::lit('\r');
auto const end_of_line = &(eol | x3::eoi);
auto const one_or_two_digits = chars::digit >> -chars::digit;
auto const four_digits = chars::digit >> chars::digit >> chars::digit >> chars::digit;
auto const date_separator = x3::lit('-') | x3::lit('/') | x3::lit('.');
auto const ordinal = x3::no_case[x3::lit("st") | x3::lit("nd") | x3::lit("rd") | x3::lit("th")];
auto const month = x3::no_case[month_names] >> -x3::lit('.') >> !chars::alnum;

auto const lines_rule_def = line % eol;
auto const line_def = x3::eps[begin_line{}] >> *chars::hspace >> -line_head_rule >> line_body >> x3::eps[end_line{}];
auto const line_head_rule_def = x3::no_case[colon_keys][set_line_head{}]
                         | (x3::no_case[word_keys] >> !chars::alnum)[set_line_head{}]
                         | x3::raw[by_head][mark_line_head<line_head::byline_by>{}]
                         | x3::raw[chars::copyright_sign][mark_line_head<line_head::copyright>{}]
                         | x3::raw[dateline][mark_line_head<line_head::dateline>{}]
                         | x3::raw[list_marker][mark_line_head<line_head::list_item>{}];
auto const by_head_def = x3::no_case[x3::lit("by")] >> +chars::hspace >> chars::upper_letter;
auto const date_def = (four_digits >> date_separator >> one_or_two_digits >> date_separator >> one_or_two_digits)
                    | (one_or_two_digits >> date_separator >> one_or_two_digits >> date_separator
                       >> (four_digits | (chars::digit >> chars::digit)))
                    | (month >> +chars::hspace >> one_or_two_digits >> -ordinal >> -x3::lit(',') >> +chars::hspace >> four_digits)
                    | (one_or_two_digits >> -ordinal >> +chars::hspace >> month >> -x3::lit(',') >> +chars::hspace >> four_digits)
                    | (month >> +chars::hspace >> four_digits);
auto const date_tail_def = *(chars::hspace | chars::digit | x3::lit(':') | x3::lit(',') | x3::lit('|')
                             | x3::lit('.') | x3::lit('-') | x3::lit('+') | x3::lit('(') | x3::lit(')')
                             | (x3::no_case[time_words] >> !chars::alnum));
auto const dateline_def = -(x3::no_case[weekday_names] >> -x3::lit('.') >> -x3::lit(',') >> +chars::hspace)
                          >> date >> date_tail >> end_of_line;
auto const list_marker_def = ((x3::lit('-') | x3::lit('*') | x3::lit('+') | chars::bullet | chars::en_dash) >> +chars::hspace)
                           | (one_or_two_digits >> -chars::digit >> (x3::lit('.') | x3::lit(')')) >> +chars::hspace)
                           | (chars::lower >> x3::lit(')') >> +chars::hspace);
auto const email_def = +chars::email_local_char >> '@' >> +chars::domain_char >> +('.' >> +chars::domain_char);
auto const url_def = x3::no_case[x3::lit("https://") | x3::lit("http://") | x3::lit("www.")] >> *chars::url_char;
auto const furniture_phrase = x3::no_case[x3::lit("comments powered by") | x3::lit("all rights reserved")];
auto const line_body_def = *(x3::raw[url][record_mark<ast::mark_kind::url>{}]
                             | x3::raw[email][record_mark<ast::mark_kind::email>{}]
                             | furniture_phrase[mark_furniture_phrase{}]
                             | +chars::email_local_char
                             | chars::line_char);

BOOST_SPIRIT_DEFINE(lines_rule, line, line_head_rule, by_head, dateline, date, date_tail, list_marker, line_body,
                    email, url)

// ---------------------------------------------------------------------------------------------
// Sentence rules

/// On x3::raw[sentence]: stores it, trimmed, when it holds a letter or digit.
struct end_sentence {
    template <typename Context>
    void operator()(Context& ctx) const {
        auto& sink = x3::get<sentence_sink_tag>(ctx);
        const auto& where = x3::_attr(ctx);
        const auto* base = sink.text.data();
        const auto s = detail::trim(sink.text, {static_cast<std::size_t>(where.begin() - base),
                                                static_cast<std::size_t>(where.end() - base)});
        if (!s.empty() && detail::has_word(sink.text, s)) sink.sentences.push_back(s);
    }
};

struct sentence_class;
struct sentence_end_class;
struct terminal_run_class;
struct piece_class;

sentences_type const sentences_rule = "sentences";
x3::rule<sentence_class> const sentence = "sentence";
x3::rule<sentence_end_class> const sentence_end = "end of sentence";
x3::rule<terminal_run_class> const terminal_run = "sentence punctuation";
x3::rule<piece_class> const piece = "piece of a sentence";

auto const terminal = x3::lit('.') | x3::lit('!') | x3::lit('?') | chars::ellipsis;
auto const opener = chars::upper_letter | chars::digit | chars::opening_punct;
auto const boundary_ahead = &((+chars::space_char >> opener) | (*chars::space_char >> x3::eoi));
auto const abbreviation = fixed_abbreviations | end_abbreviations;
auto const initial = chars::upper >> x3::lit('.');

auto const sentences_rule_def = *(+chars::space_char | sentence);
auto const sentence_def = x3::raw[(+(!sentence_end >> piece) >> -sentence_end) | sentence_end][end_sentence{}];
auto const sentence_end_def = (terminal_run >> boundary_ahead)
                            | (end_abbreviations >> *chars::closing_punct
                               >> &(+chars::space_char >> sentence_openers >> !chars::word_char));
auto const terminal_run_def = +terminal >> *chars::closing_punct;
auto const piece_def = abbreviation | initial | +chars::word_char | terminal_run | chars::utf8_punct | chars::any_byte;

BOOST_SPIRIT_DEFINE(sentences_rule, sentence, sentence_end, terminal_run, piece)

lines_type const& lines() { return lines_rule; }
sentences_type const& sentences() { return sentences_rule; }

}  // namespace argmap::grammar::parser
